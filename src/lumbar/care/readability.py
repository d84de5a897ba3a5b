"""Reading level of patient-facing text (Flesch-Kincaid grade, measured with textstat).

textstat is a development dependency, imported only when a grade is asked for. Syllables are
counted with textstat's hyphenation dictionary (pyphen) rather than the CMU dictionary, which
textstat would otherwise download at first use: lumbar never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from lumbar.care.models import CarePlan, PatientPage

#: A locale id textstat accepts whose syllable counter is pyphen's English dictionary.
_OFFLINE_ENGLISH = "en-US"


@cache
def _textstat() -> Any:
    from textstat.textstat import textstatistics  # noqa: PLC0415 - a dev-only dependency, loaded on use

    stats = textstatistics()
    stats.set_lang(_OFFLINE_ENGLISH)
    return stats


def reading_grade(text: str) -> float:
    """The Flesch-Kincaid grade of ``text`` (about the US school year needed to read it); 0 for no words."""
    if not text.strip():
        return 0.0
    return float(_textstat().flesch_kincaid_grade(text))


def _sentences(parts: Iterable[str]) -> str:
    """Join fragments into sentences, so list items count as sentences as a reader sees them."""
    cleaned = (p.strip() for p in parts)
    return " ".join(p if p.endswith((".", "!", "?", ":")) else p + "." for p in cleaned if p)


def plan_text(plan: CarePlan) -> str:
    """The words of a plan a person reads, as one text (no source ids, no headings)."""
    parts = [plan.headline]
    if plan.urgent is not None:
        parts += plan.urgent.actions
    for item in plan.items():
        parts += [item.text, *item.how, *item.stop_if, *item.cautions]
    parts += [left.reason for left in plan.left_out]
    parts += [sign.text for group in plan.safety_net.groups for sign in group.signs]
    return _sentences(parts)


def page_text(page: PatientPage) -> str:
    """The words of a patient page, as one text."""
    return _sentences(p for section in page.sections for p in [*section.paragraphs, *section.bullets])
