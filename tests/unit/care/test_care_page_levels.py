"""A cause's patient page states the care it usually needs, from its `typical_level` in causes.yaml."""

from __future__ import annotations

from lumbar.care.pages import cause_page
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level


def _text(kb: KnowledgeBase, cause_id: str) -> str:
    page = cause_page(kb.causes[cause_id], kb)
    return " ".join(p for section in page.sections for p in section.paragraphs)


def test_emergencies_are_never_described_as_self_care(kb: KnowledgeBase) -> None:
    for cause_id in ("cauda_equina_syndrome", "spinal_infection", "placental_abruption", "preterm_labour"):
        assert kb.causes[cause_id].typical_level.rank >= Level.EMERGENCY.rank
        assert kb.levels[Level.SELF_CARE].name not in _text(kb, cause_id)


def test_every_page_names_its_causes_typical_level(kb: KnowledgeBase) -> None:
    for cause in kb.causes.values():
        assert kb.levels[cause.typical_level].name in _text(kb, cause.id)
