"""Re-assessment: not better after two weeks, or worse at any time, prompts a visit; a change smaller
than the pain score's minimal important change (2 points or 30 %) is never called better."""

from __future__ import annotations

from datetime import timedelta

import pytest
from diary_helpers import START, days, falling

from lumbar.assessor import AssessmentEngine
from lumbar.diary.entry import Entry
from lumbar.diary.review import reassess, trend
from lumbar.knowledge.schema import Level

TWO_WEEKS = START + timedelta(days=14)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (6, 6),  # the same
        (6, 5),  # 1 point, 17 %: too small
        (4, 3),  # 1 point, 25 %: too small
        (10, 9),  # 1 point, 10 %
        (7, 6),  # 1 point, 14 %
    ],
)
def test_not_better_after_two_weeks_prompts_a_visit(engine: AssessmentEngine, first: int, last: int) -> None:
    result = reassess(falling(START, first, last), START, TWO_WEEKS, engine)
    assert result.verdict == "not_better"
    assert result.prompt and result.level is not None and result.level.rank >= Level.CONSULTATION.rank
    assert f"{first} out of 10" in result.reasons[0] and f"{last} out of 10" in result.reasons[0]
    assert any(r.rule == "rule_no_improvement" for r in result.level_reasons)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (6, 4),  # 2 points: the minimal important change exactly
        (3, 2),  # 1 point but 33 %
        (10, 7),  # 30 % exactly
        (8, 1),
    ],
)
def test_better_by_the_minimal_important_change_gives_no_prompt(
    engine: AssessmentEngine, first: int, last: int
) -> None:
    result = reassess(falling(START, first, last), START, TWO_WEEKS, engine)
    assert result.verdict == "better" and result.prompt is None and result.level is None


def test_before_two_weeks_no_change_is_too_early(engine: AssessmentEngine) -> None:
    entries = days(START, [6] * 14)
    result = reassess(entries, START, START + timedelta(days=13), engine)
    assert result.verdict == "too_early" and result.prompt is None


def test_worse_at_any_time_prompts_at_once(engine: AssessmentEngine) -> None:
    entries = days(START, [4, 4, 6])
    result = reassess(entries, START, START + timedelta(days=2), engine)
    assert result.verdict == "worse" and result.prompt
    assert "4 out of 10" in result.reasons[0] and "6 out of 10" in result.reasons[0]


def test_worse_only_at_its_worst_prompts(engine: AssessmentEngine) -> None:
    entries = [
        Entry(day=START, pain_now=4, pain_worst=5),
        Entry(day=START + timedelta(days=1), pain_now=4, pain_worst=8),
    ]
    result = reassess(entries, START, START + timedelta(days=1), engine)
    assert result.verdict == "worse" and "at its worst" in result.reasons[0]


def test_a_rise_smaller_than_the_minimal_change_is_not_worse(engine: AssessmentEngine) -> None:
    entries = days(START, [4, 5])  # 1 point, 25 %
    result = reassess(entries, START, START + timedelta(days=1), engine)
    assert result.verdict == "too_early" and result.prompt is None


def test_entries_before_the_start_or_after_today_are_left_out(engine: AssessmentEngine) -> None:
    entries = [
        Entry(day=START - timedelta(days=1), pain_now=9, pain_worst=9),
        *days(START, [5] * 15),
        Entry(day=TWO_WEEKS + timedelta(days=1), pain_now=1, pain_worst=1),
    ]
    assert reassess(entries, START, TWO_WEEKS, engine).verdict == "not_better"


def test_no_entries_prompts_nothing(engine: AssessmentEngine) -> None:
    result = reassess([], START, TWO_WEEKS, engine)
    assert result.verdict == "no_entries" and result.prompt is None


def test_earlier_findings_are_triaged_with_the_diary(engine: AssessmentEngine) -> None:
    plain = reassess(days(START, [4, 7]), START, START + timedelta(days=1), engine)
    with_history = reassess(
        days(START, [4, 7]), START, START + timedelta(days=1), engine, earlier_findings=["cancer_history"]
    )
    assert plain.level is not None and with_history.level is not None
    assert with_history.level.rank >= plain.level.rank


def test_trend_calls_a_small_change_neither_better_nor_worse(engine: AssessmentEngine) -> None:
    assert "too small a change" in trend(days(START, [6, 5]), engine.kb)
    assert "clearly eased" in trend(days(START, [6, 4]), engine.kb)
    assert "got worse" in trend(days(START, [4, 6]), engine.kb)


def test_a_warning_sign_in_a_note_makes_the_prompt_as_urgent_as_the_sign(engine: AssessmentEngine) -> None:
    entries = falling(START, 7, 2)
    noted = [
        *entries[:5],
        entries[5].model_copy(update={"notes": "numb around my bottom and I cannot feel when I pee"}),
        *entries[6:],
    ]
    assert reassess(entries, START, TWO_WEEKS, engine).prompt is None
    result = reassess(noted, START, TWO_WEEKS, engine)
    assert result.verdict == "better" and result.prompt and "saddle_numbness" in result.note_signs
    assert result.level is not None and result.level.rank >= Level.EMERGENCY.rank
    assert result.prompt == engine.kb.levels[result.level].action


def test_a_note_the_intake_cannot_read_does_not_hide_the_others(engine: AssessmentEngine) -> None:
    entries = days(START, [6, 6, 6])
    noted = [
        entries[0].model_copy(update={"notes": "\x00\x01\x02\x03\x04 binary"}),
        entries[1].model_copy(update={"notes": "numb around my bottom and I cannot feel when I pee"}),
        entries[2],
    ]
    result = reassess(noted, START, START + timedelta(days=2), engine)
    assert "saddle_numbness" in result.note_signs
