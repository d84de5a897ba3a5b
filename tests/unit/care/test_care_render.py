"""Markdown, HTML and terminal renderings of a plan: urgent action first, safety-net always, escaped."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date

from rich.console import Console

from lumbar.assessment import Assessment
from lumbar.care.citations import Citer
from lumbar.care.pages import page_for
from lumbar.care.plan import make_plan
from lumbar.care.render import render_html, render_markdown
from lumbar.care.terminal import print_page, print_plan
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level

TODAY = date(2025, 1, 1)
MakeAssessment = Callable[..., Assessment]


def test_markdown_opens_with_the_urgent_action_at_emergency_levels(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    rule = next(r for r in kb.rules.values() if r.level is Level.EMERGENCY and not r.outside_back)
    text = render_markdown(make_plan(make_assessment(level=Level.EMERGENCY, rules=(rule.id,)), kb, TODAY))
    assert (
        text.index("## Do this now")
        < text.index("## While you wait for help")
        < text.index("## Your safety-net")
    )
    assert rule.action in text.split("## While you wait")[0]
    assert "## Today" not in text


def test_markdown_home_plan_has_sections_safety_net_review_and_sources(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(age=34), kb, TODAY)
    text = render_markdown(plan)
    order = ["## Today", "## The next 48 hours", "## The next two weeks", "## Your safety-net", "## Sources"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "If you are not better by 15 January 2025, book a visit." in text
    # sources are numbered: "[1, 4]" after an item, "1. Title" at the foot; no source id is shown
    assert re.search(r"\[\d+(, \d+)*\]", text)
    assert all(line in text for line in Citer(plan.sources).listing())
    assert "nice_ng59" not in text and ".." not in text.replace("...", "")


def test_html_is_self_contained_escaped_and_prints_the_safety_net(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    hostile = kb.treatments["stay_active"].replace(text="Move <script>alert(1)</script> gently.")
    kb2 = kb.replace(treatments={**kb.treatments, "stay_active": hostile})
    plan = make_plan(make_assessment(present=("pregnant",), age=30), kb2, TODAY)
    page = render_html(plan)
    assert page.startswith("<!doctype html>") and "<script>" not in page and "&lt;script&gt;" in page
    assert 'class="net"' in page and "maternity" in page.lower()
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "@page" in page and "Left out of your plan" in page


def test_full_html_adds_the_steps(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(make_assessment(), kb, TODAY)
    step = kb.treatments["heat_pack"].how[0]
    assert step not in render_html(plan) and step in render_html(plan, full=True)


def test_terminal_plan_and_page(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    out = io.StringIO()
    console = Console(file=out, width=100, color_system=None)
    print_plan(make_plan(make_assessment(level=Level.EMERGENCY_AMBULANCE), kb, TODAY), console)
    print_page(page_for(kb, "heat_pack"), console)
    text = out.getvalue()
    assert "Call an ambulance" in text and "Your safety-net" in text and "When to worry" in text
