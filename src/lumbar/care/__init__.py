"""Care: the personal self-care plan, its safety-net, and patient pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:
    from lumbar.care.models import CarePlan, PatientPage
    from lumbar.care.pages import page_for
    from lumbar.care.plan import advice_items, make_plan
    from lumbar.care.render import render_html, render_markdown, render_page_markdown

# the public names (imported above for type checkers only), each imported from its module on
# first use so that importing the package stays light
__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "models": ["CarePlan", "PatientPage"],
        "pages": ["page_for"],
        "plan": ["advice_items", "make_plan"],
        "render": ["render_html", "render_markdown", "render_page_markdown"],
    },
)
