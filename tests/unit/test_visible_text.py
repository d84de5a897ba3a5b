"""Plain words everywhere: every page and terminal output for the scored cases shows no internal id
(snake_case), no raw decimal number and no doubled full stop.

The scored cases are the public vignettes beside the repository (../shared/vignettes); each is run
through the interview (every warning sign answered "no", numbers 35) and its result is rendered as
the web result page, the terminal assessment, and the care plan as Markdown, HTML and in the terminal.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console

from lumbar.care.plan import make_plan
from lumbar.care.render import render_html, render_markdown
from lumbar.care.terminal import print_plan
from lumbar.cli.render import assessment_report
from lumbar.interview.engine import default_interviewer
from lumbar.interview.models import Question, Result
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.web.app import create_templates
from lumbar.web.views import result_view

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "vignettes"
TEXTS = [
    json.loads(line)["text"]
    for name in ("dev.jsonl", "others.jsonl")
    if (SHARED / name).exists()
    for line in (SHARED / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]
pytestmark = pytest.mark.skipif(not TEXTS, reason="../shared/vignettes is not beside the repository")

SNAKE_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
#: an internal number: a probability or fraction (0.87), two or more decimals, or a decimal count of
#: time or a percentage ("0.3 days", "87.4%"); section numbers (1.2.18) and "38.5 °C" are fine
RAW_FLOAT = re.compile(
    r"(?<![\d.])(?:0\.\d+|\d+\.\d{2,}|\d+\.\d+\s?(?:%|(?:hours?|days?|weeks?|months?|years?)\b))(?![\d.])"
)
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def problems(text: str) -> list[str]:
    """Each offending piece of ``text``, with a little context."""
    found = []
    for pattern in (SNAKE_ID, RAW_FLOAT, DOUBLE_STOP):
        for m in pattern.finditer(text):
            found.append(f"{pattern.pattern[:12]}…: {text[max(0, m.start() - 40) : m.end() + 20]!r}")
    return found


def visible(page: str) -> str:
    """The text a browser shows: no style, script or tags, entities decoded."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


def interview(text: str) -> Result:
    interviewer = default_interviewer()
    step: Question | Result = interviewer.start(text)
    while isinstance(step, Question):
        answer = step.choices[0].id if step.choices else False  # a choice question: its first choice
        step = interviewer.step(step.state, 35.0 if step.type in ("number", "duration") else answer)
    return step


def terminal(draw: object) -> str:
    console = Console(record=True, width=100)
    draw(console)  # type: ignore[operator]
    return console.export_text()


class FakeEngines:
    """What the result view asks of the web engines, over the packaged knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def finding_name(self, finding_id: str) -> str:
        return self.kb.findings[finding_id].name

    def finding_unit(self, finding_id: str) -> str | None:
        return self.kb.findings[finding_id].unit


@pytest.fixture(scope="module")
def outputs() -> dict[str, list[tuple[str, str]]]:
    """Per case: (where, visible text) for every rendering."""
    kb = load_knowledge()
    template = create_templates().env.get_template("result.html")
    request = SimpleNamespace(url=SimpleNamespace(path="/interview/answer"))
    out: dict[str, list[tuple[str, str]]] = {}
    for text in TEXTS:
        result = interview(text)
        assessment = result.assessment
        plan = make_plan(assessment, kb)
        view = result_view(assessment, plan, FakeEngines(kb), "999")  # type: ignore[arg-type]
        page = template.render(request=request, view=view, result=result, token="t", csrf_token="c")
        out[text] = [
            ("web result page", visible(page)),
            ("terminal assessment", assessment_report(assessment, kb, width=100)),
            ("plan in the terminal", terminal(lambda c, p=plan: print_plan(p, c, kb))),
            ("plan as Markdown", render_markdown(plan)),
            ("plan as HTML", visible(render_html(plan))),
        ]
    return out


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_no_internal_word_raw_number_or_doubled_stop(
    outputs: dict[str, list[tuple[str, str]]], index: int
) -> None:
    text = TEXTS[index]
    found = [f"{where}: {p}" for where, shown in outputs[text] for p in problems(shown)]
    assert found == [], f"{text[:60]!r}\n" + "\n".join(found[:10])


def test_the_checks_catch_what_they_look_for() -> None:
    assert problems("You have: lifting_injury.")
    assert problems("How long it has lasted: 0.3 days")
    assert problems("ask a doctor.. Stop if")
    assert problems("about 0.87 likely") and problems("87.46 in 100") and problems("12.5% chance")
    assert not problems("A temperature of 38.5 °C, section 1.2.18; 1.3, wait... then rest.")
