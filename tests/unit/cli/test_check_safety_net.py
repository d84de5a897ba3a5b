"""`lumbar check` ends with the person's own safety-net, as the care plan writes it."""

from __future__ import annotations

import argparse

import pytest
from rich.console import Console
from rich.prompt import Prompt

from lumbar.cli import check
from lumbar.interview.engine import default_interviewer

STRAIN = "I am a 35 year old man, my lower back went into spasm when I bent to pick up my kid"


def test_the_interview_ends_with_the_persons_safety_net(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = default_interviewer().kb

    def reply(prompt: str, **_: object) -> str:
        return "34" if "a number" in prompt else "n"

    console = Console(width=200, record=True, color_system=None)
    monkeypatch.setattr(Prompt, "ask", reply)
    monkeypatch.setattr(check, "Console", lambda: console)
    assert check.run(argparse.Namespace(text=STRAIN)) == 0
    shown = console.export_text()
    heading = kb.levels[kb.rules["rule_ces_complete"].level].safety_net_prefix
    assert heading in shown
    assert kb.findings["saddle_numbness"].name in shown
