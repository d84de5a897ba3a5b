"""Sources cited by number in their given order."""

from __future__ import annotations

from lumbar.care.citations import Citer


def test_citations_are_numbered_in_the_order_the_sources_are_given() -> None:
    citer = Citer({"nice_ng59": "NICE NG59", "acp_2017": "ACP 2017", "seed_1": "A seed page"})
    assert citer(["seed_1", "nice_ng59#1.2", "nice_ng59"]) == "[1, 3]"  # distinct, sorted, locator dropped
    assert citer(["unknown"]) == "" and citer([]) == ""
    assert citer.listing() == ["1. NICE NG59", "2. ACP 2017", "3. A seed page"]
