"""`lumbar check` ends by saying which information the result used: the description and N answers."""

from __future__ import annotations

import re

import pytest

from lumbar.cli import check as check_cli
from lumbar.cli import main
from lumbar.knowledge.loader import load_knowledge

TEXT = "my lower back went into spasm this morning when I bent to pick up my kid, can barely move"
#: a sensible reply to a number question, by the unit its prompt names
NUMBER_REPLIES = {"(years)": "35", "(°C)": "36.8", "(/10)": "5", "(weeks)": "20"}


def reply(prompt: str, **_: object) -> str:
    if "a number" in prompt:
        return next((v for unit, v in NUMBER_REPLIES.items() if unit in prompt), "2")
    return "n"


def test_the_terminal_interview_says_how_many_answers_it_used(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(check_cli.Prompt, "ask", reply)
    assert main(["check", "--text", TEXT]) == 0
    out = " ".join(capsys.readouterr().out.split())
    asked = re.search(r"Thank you\. (\d+) questions? answered", out)
    assert asked, out
    wording = load_knowledge().result_basis
    assert wording is not None
    assert " ".join(wording.sentence(int(asked.group(1)), interviewed=True).split()) in out
