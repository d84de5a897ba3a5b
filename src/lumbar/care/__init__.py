"""Care: the personal self-care plan, its safety-net, and patient pages."""

from lumbar.care.models import CarePlan, PatientPage
from lumbar.care.pages import page_for
from lumbar.care.plan import advice_items, make_plan
from lumbar.care.render import render_html, render_markdown, render_page_markdown

__all__ = [
    "CarePlan",
    "PatientPage",
    "advice_items",
    "make_plan",
    "page_for",
    "render_html",
    "render_markdown",
    "render_page_markdown",
]
