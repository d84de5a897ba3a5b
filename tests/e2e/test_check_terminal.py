"""`lumbar check` driven as a person would, in a pseudo-terminal (pexpect): answers, "?", "back",
Ctrl-C and Ctrl-D, ending in the level banner."""

from __future__ import annotations

import os
import re
import sys
import time

import pexpect
import pytest

pytestmark = pytest.mark.e2e

PROMPT = re.compile(r"y / n / s, \? why, b back|a number.*, \? why, b back")
TIMEOUT = 10
#: a Ctrl-C sent before the prompt has started to read is only seen after the next line is typed
#: (CPython's readline checks signals when its wait ends), so a person's pause comes first.
SETTLE = 0.5


def interrupt(child: pexpect.spawn) -> None:
    """Press Ctrl-C once the prompt is waiting, as a person would."""
    time.sleep(SETTLE)
    child.sendintr()


def spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "TERM": "dumb", "COLUMNS": "100", "LINES": "40"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "lumbar.cli", "check", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    return child


def answer_all(child: pexpect.spawn, yes_no: str = "n", number: str = "34", end: str = "") -> str:
    """Answer every question the same way until ``end`` (a banner) shows; return what was shown."""
    seen = []
    while True:
        index = child.expect([PROMPT, end])
        seen.append(child.before)
        if index == 1:
            return "".join(seen)
        child.sendline(number if "a number" in child.after else yes_no)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else -1)


def test_a_simple_strain_ends_in_self_care() -> None:
    child = spawn()
    child.expect("Describe your back problem")
    child.sendline("I hurt my lower back lifting a box yesterday")
    child.expect(r"Question 1 of about \d+")
    shown = answer_all(child, end="YOU CAN MANAGE THIS AT HOME")
    assert "numbness" in shown.lower()
    child.expect("Sources")
    assert finish(child) == 0


def test_numbness_between_the_legs_ends_in_the_emergency_banner() -> None:
    child = spawn("--text", "my back hurts and I have numbness between my legs")
    answer_all(child, end="GO TO AN EMERGENCY DEPARTMENT NOW")
    child.expect("cauda equina")
    assert finish(child) == 0


def test_why_and_back_show_the_reason_and_the_previous_question() -> None:
    child = spawn("--text", "my lower back keeps cramping")
    child.expect(r"Question 1 of about \d+\s+(.+?)\s*\r?\n")
    first = child.match.group(1).strip()
    child.expect(PROMPT)
    child.sendline("?")
    child.expect("Why we ask:")
    child.expect(PROMPT)
    child.sendline("maybe later")
    child.expect("please answer|please type")
    child.expect(PROMPT)
    child.sendline("n")
    child.expect(r"Question 2 of about")
    child.expect(PROMPT)
    child.sendline("b")
    child.expect(r"Question 1 of about \d+")
    child.expect(re.escape(first[:30]))
    child.expect(PROMPT)
    interrupt(child)
    child.expect("Stopped")
    assert finish(child) == 130


def test_ctrl_c_and_ctrl_d_leave_cleanly() -> None:
    child = spawn()
    child.expect("Describe your back problem")
    interrupt(child)
    child.expect("Stopped. Nothing was saved")
    rest = child.read() if child.isalive() else ""
    assert "Traceback" not in (child.before + rest)
    assert finish(child) == 130

    child = spawn("--text", "my lower back keeps cramping")
    child.expect(PROMPT)
    child.sendeof()
    child.expect("Stopped")
    assert "Traceback" not in child.before
    assert finish(child) == 130
