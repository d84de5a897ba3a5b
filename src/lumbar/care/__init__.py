"""Care: the personal self-care plan, its safety-net, and patient pages."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lumbar.care.models import CarePlan, PatientPage
    from lumbar.care.pages import page_for
    from lumbar.care.plan import advice_items, make_plan
    from lumbar.care.render import render_html, render_markdown, render_page_markdown

#: public name -> the module that defines it, imported on first use so the package itself stays light.
_SOURCES = {
    "CarePlan": "lumbar.care.models",
    "PatientPage": "lumbar.care.models",
    "advice_items": "lumbar.care.plan",
    "make_plan": "lumbar.care.plan",
    "page_for": "lumbar.care.pages",
    "render_html": "lumbar.care.render",
    "render_markdown": "lumbar.care.render",
    "render_page_markdown": "lumbar.care.render",
}
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


def __getattr__(name: str) -> Any:
    if name not in _SOURCES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_SOURCES[name]), name)
