"""Render a care plan or a patient page in the terminal with Rich."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel

from lumbar.care.models import CarePlan, PatientPage
from lumbar.care.render import body_markdown, headline_markdown, long_date, render_page_markdown
from lumbar.knowledge.schema import Level

_BORDER: dict[Level, str] = {
    Level.EMERGENCY_AMBULANCE: "red",
    Level.EMERGENCY: "red",
    Level.CONSULTATION_24: "yellow",
    Level.CONSULTATION: "cyan",
    Level.SELF_CARE: "green",
}


def print_plan(plan: CarePlan, console: Console) -> None:
    """Print the plan: a coloured panel with what to do first, then the rest as Markdown."""
    opening = Markdown("\n".join([*headline_markdown(plan), f"*{plan.disclaimer}*"]))
    title = f"Your back care plan · {long_date(plan.created)}"
    console.print(Panel(opening, title=title, title_align="left", border_style=_BORDER[plan.level]))
    console.print(Markdown("\n".join(body_markdown(plan))))


def print_page(page: PatientPage, console: Console) -> None:
    """Print a patient page."""
    console.print(Panel(Group(Markdown(render_page_markdown(page))), border_style="cyan"))
