"""Accessibility of the rendered pages, checked from their HTML and the style sheet's palette.

The browser tests (tests/e2e) run axe-core on the live pages as well.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

import pytest
from a11y import colour_pairs, contrast, palette, problems
from starlette.requests import Request
from web_helpers import EMERGENCY_TEXT, SELF_CARE_TEXT, page_interview, post_form, summary_address

from lumbar.interview.models import InterviewState, Progress, Question

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

AA_NORMAL_TEXT = 4.5


def _request(path: str) -> Request:
    return Request({"type": "http", "method": "POST", "path": path, "headers": [], "query_string": b""})


def _question_page(app: FastAPI, kind: str) -> str:
    question = Question(
        id="age" if kind == "number" else "fever",
        text="How old are you?" if kind == "number" else "Do you have a fever?",
        why="Some causes are more likely at some ages.",
        type=kind,  # type: ignore[arg-type]
        unit="years" if kind == "number" else None,
        progress=Progress(asked=2, estimated_total=6),
        state=InterviewState(text="back cramp"),
        reasked=True,
    )
    template = app.state.templates.env.get_template("question.html")
    return str(template.render(request=_request("/interview/k/answer"), question=question, key="k"))


@pytest.fixture(scope="module")
def pages(client: TestClient, app: FastAPI) -> dict[str, str]:
    return {
        "start": client.get("/").text,
        "first question": post_form(client, "/interview", {"text": SELF_CARE_TEXT}).text,
        "yes/no question": _question_page(app, "boolean"),
        "number question": _question_page(app, "number"),
        "self-care result": page_interview(client, SELF_CARE_TEXT)[0],
        "emergency result": page_interview(client, EMERGENCY_TEXT)[0],
        "learn": client.get("/learn").text,
        "cause page": client.get("/learn/causes/herniated_disc").text,
        "ask": client.get("/ask").text,
        "answer": client.get("/ask", params={"q": "How long do back spasms last?"}).text,
        "docs": client.get("/docs").text,
        "not found": client.get("/nowhere").text,
        "unknown interview address": client.get("/interview/AAAAAAAAAAAAAAAAAAAAAA").text,
        "doctor summary": client.get(summary_address(page_interview(client, SELF_CARE_TEXT)[0])).text,
    }


PAGE_NAMES = [
    "start",
    "first question",
    "yes/no question",
    "number question",
    "self-care result",
    "emergency result",
    "learn",
    "cause page",
    "ask",
    "answer",
    "docs",
    "not found",
    "unknown interview address",
    "doctor summary",
]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_page_passes_the_html_checks(pages: dict[str, str], name: str) -> None:
    assert problems(pages[name]) == []


def test_the_checker_finds_problems() -> None:
    bad = (
        "<html><head><title></title></head><body><h2>x</h2><h1>a</h1><h1>b</h1><h4>c</h4>"
        '<input name="q"><button></button><a href="/x"></a><img src="a.png">'
        '<p id="d"></p><p id="d" aria-describedby="nowhere"></p></body></html>'
    )
    found = "\n".join(problems(bad))
    for expected in (
        "lang",
        "<title>",
        "2 h1",
        "<header>",
        "<main>",
        "duplicate ids",
        "skip link",
        "has no label",
        "button has no text",
        "no text",
        "alt text",
        "h1 to h4",
        "first heading",
        "points to no element",
    ):
        assert expected in found, expected


def test_the_palette_meets_wcag_aa_contrast() -> None:
    css = (resources.files("lumbar.web") / "static" / "lumbar.css").read_text(encoding="utf-8")
    colours = palette(css)
    pairs = colour_pairs(colours)
    assert len(pairs) >= 10
    low = [
        f"--{fg} on --{bg}: {contrast(colours[fg], colours[bg]):.2f}"
        for fg, bg in pairs
        if contrast(colours[fg], colours[bg]) < AA_NORMAL_TEXT
    ]
    assert low == []


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#fff", "#ffffff") == pytest.approx(1.0)
