"""Render a care plan or a patient page in the terminal with Rich."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel

from lumbar.care.models import CarePlan, PatientPage
from lumbar.care.render import (
    Citer,
    body_markdown,
    headline_markdown,
    long_date,
    render_page_markdown,
    safety_net_markdown,
)
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge


def print_plan(plan: CarePlan, console: Console, kb: KnowledgeBase | None = None) -> None:
    """Print the plan: a coloured panel with what to do first, then the rest as Markdown.

    The panel's colour is the level's ``border`` in levels.yaml; ``kb`` defaults to the packaged one.
    """
    border = (kb or load_knowledge()).levels[plan.level].border
    opening = Markdown("\n".join([*headline_markdown(plan), f"*{plan.disclaimer}*"]))
    title = f"Your back care plan · {long_date(plan.created)}"
    console.print(Panel(opening, title=title, title_align="left", border_style=border))
    console.print(Markdown("\n".join(body_markdown(plan, Citer(plan.sources)))))


def print_safety_net(plan: CarePlan, console: Console, kb: KnowledgeBase | None = None) -> None:
    """Print only the plan's safety-net, in a panel of the level's colour (e.g. after the interview)."""
    border = (kb or load_knowledge()).levels[plan.level].border
    lines = safety_net_markdown(plan.safety_net, Citer(plan.sources))
    console.print(Panel(Markdown("\n".join(lines)), border_style=border))


def print_page(page: PatientPage, console: Console) -> None:
    """Print a patient page."""
    console.print(Panel(Group(Markdown(render_page_markdown(page))), border_style="cyan"))
