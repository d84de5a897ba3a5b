"""Patient pages: one per cause, specialist, test and treatment, each saying when to worry."""

from __future__ import annotations

import pytest

from lumbar.care.pages import WHAT, WORRY, page_for, page_ids
from lumbar.care.render import render_page_markdown
from lumbar.errors import NotFoundError
from lumbar.knowledge.loader import KnowledgeBase


def test_every_page_id_gives_a_sourced_page(kb: KnowledgeBase) -> None:
    ids = page_ids(kb)
    assert set(kb.causes) | set(kb.specialists) | set(kb.tests) | set(kb.treatments) == set(ids)
    for item_id in ids:
        page = page_for(kb, item_id)
        headings = [s.heading for s in page.sections]
        assert headings[0] == WHAT and page.sections[0].paragraphs, item_id
        assert page.sources, item_id
        if page.kind != "treatment":
            worry = page.sections[-1]
            assert worry.heading == WORRY and worry.bullets, item_id


def test_cause_page_worries_about_the_rules_that_suspect_it(kb: KnowledgeBase) -> None:
    page = page_for(kb, "cauda_equina_syndrome")
    worry = " ".join(page.sections[-1].bullets).lower()
    assert kb.findings["saddle_numbness"].name.lower() in worry
    rule_actions = [r.action for r in kb.rules.values() if "cauda_equina_syndrome" in r.suspects]
    assert rule_actions and all(action in " ".join(page.sections[-1].bullets) for action in rule_actions)


def test_test_and_specialist_pages_say_not_to_wait_for_the_appointment(kb: KnowledgeBase) -> None:
    for item_id in [next(iter(kb.tests)), next(iter(kb.specialists))]:
        worry = page_for(kb, item_id).sections[-1]
        assert worry.paragraphs[0].startswith("Do not wait")
        assert any(kb.findings["saddle_numbness"].name.lower() in b.lower() for b in worry.bullets)


def test_treatment_page_gives_steps_limits_and_who_should_not(kb: KnowledgeBase) -> None:
    page = page_for(kb, "nsaid_oral")
    text = render_page_markdown(page)
    assert "1,200 mg" in text and "Not for people with:" in text and "pregnant" in text.lower()
    assert f"{kb.sources['nice_ng59'].title} (section 1.2.18-1.2.19)" in text


@pytest.mark.parametrize(
    ("typo", "expected"), [("muscle_strian", "muscle_strain"), ("heatpack", "heat_pack")]
)
def test_unknown_id_names_the_closest_ids(kb: KnowledgeBase, typo: str, expected: str) -> None:
    with pytest.raises(NotFoundError, match=expected):
        page_for(kb, typo)
