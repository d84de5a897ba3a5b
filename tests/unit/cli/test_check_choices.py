"""`lumbar check` asks a one-of-several question with numbered choices, typed as a number or words."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest
from rich.console import Console
from rich.prompt import Prompt

from lumbar.cli import check
from lumbar.interview.engine import default_interviewer

SCIATICA = "Pain is shooting down my leg from my lower back for a week, I am 41"


def interview(monkeypatch: pytest.MonkeyPatch, choice_replies: list[str]) -> str:
    """Run `lumbar check`, typing ``choice_replies`` in turn at the choice question, "n" or 41 elsewhere."""
    replies: Iterator[str] = iter(choice_replies)

    def reply(prompt: str, **_: object) -> str:
        if "1 to 2" in prompt:
            return next(replies)
        return "41" if "a number" in prompt else "n"

    console = Console(width=200, record=True, color_system=None)
    monkeypatch.setattr(Prompt, "ask", reply)
    monkeypatch.setattr(check, "Console", lambda: console)
    assert check.run(argparse.Namespace(text=SCIATICA)) == 0
    return console.export_text()


@pytest.mark.parametrize("typed", ["2", "both legs", "Both"])
def test_both_legs_typed_as_a_number_or_words_gives_the_emergency_level(
    monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    kb = default_interviewer().kb
    shown = interview(monkeypatch, [typed])
    assert kb.findings["leg_sides"].question in shown
    assert "  1. In one leg only\n  2. In both legs" in shown
    assert kb.levels[kb.rules["rule_ces_feature"].level].banner in shown


def test_a_reply_that_is_no_choice_says_what_to_type_and_asks_again(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = default_interviewer().kb
    shown = interview(monkeypatch, ["y", "1"])
    assert "please type a number from 1 to 2" in shown
    assert kb.levels[kb.rules["rule_ces_feature"].level].banner not in shown
