"""A diary note is read by the intake and triaged with the findings known before."""

from __future__ import annotations

from typing import Any

import pytest

from lumbar.assessor import AssessmentEngine
from lumbar.diary.notes import reread_note
from lumbar.knowledge.schema import Level

FIRST = "I pulled my back lifting a box yesterday, it is in spasm"


def earlier(engine: AssessmentEngine) -> tuple[set[str], Level]:
    first = engine.assess(FIRST)
    return first.present, first.level


def test_a_cauda_equina_sign_in_a_note_raises_the_level_to_an_emergency(engine: AssessmentEngine) -> None:
    findings, level = earlier(engine)
    reading = reread_note("Today I noticed numbness around my bottom when I wipe", engine, findings, level)
    assert reading.level.rank >= Level.EMERGENCY.rank
    assert reading.raised and reading.urgent and "saddle_numbness" in reading.new_signs
    assert reading.reasons and "cauda equina" in reading.reasons[0].text


def test_the_most_urgent_reason_comes_first(engine: AssessmentEngine) -> None:
    findings, level = earlier(engine)
    reading = reread_note(
        "numb between my legs and I cannot pee, and I have a fever", engine, findings, level
    )
    ranks = [engine.kb.rules[r.rule].level.rank for r in reading.reasons if r.rule]
    assert ranks == sorted(ranks, reverse=True) and ranks


def test_a_quiet_note_brings_no_new_sign(engine: AssessmentEngine) -> None:
    findings, level = earlier(engine)
    reading = reread_note("Walked to the shop and back, a bit stiff", engine, findings, level)
    assert not reading.urgent and not reading.raised and reading.level == level


def test_a_denied_sign_is_not_new(engine: AssessmentEngine) -> None:
    findings, level = earlier(engine)
    reading = reread_note("No numbness anywhere and peeing normally", engine, findings, level)
    assert not reading.new_signs and reading.level == level


def test_a_note_is_read_once_however_often_its_diary_is_shown(
    engine: AssessmentEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    assess = engine.assess

    def counting(text: str, answers: dict[str, bool | float] | None = None) -> Any:
        calls.append(text)
        return assess(text, answers)

    monkeypatch.setattr(engine, "assess", counting)
    note = "Gardening all afternoon, sore but moving (a note of this test only)."
    first = reread_note(note, engine, ["muscle_spasm"])
    assert reread_note(note, engine, ["muscle_spasm"]) is first
    assert calls == [note]
    reread_note(note, engine, ["muscle_spasm", "lifting_injury"])  # other earlier findings: read again
    assert calls == [note, note]
