"""Caseless patterns: case-insensitive matches, groups read from the text as written."""

from __future__ import annotations

import re
from types import ModuleType

import pytest

from lumbar.intake import person, quantities
from lumbar.intake.caseless import Caseless


def test_matches_without_regard_to_case_and_returns_the_words_as_written() -> None:
    pattern = Caseless(r"\b(\d+)\s*(years?)\s+old\b")
    found = pattern.search("My Dad is 82 Years Old.")
    assert found is not None
    assert found.group(0) == "82 Years Old" and found.group(2) == "Years" and found.span(1) == (10, 12)
    assert [m.group(1) for m in pattern.finditer("45 YEARS OLD, 46 years old")] == ["45", "46"]


def test_text_whose_length_changes_in_lower_case_still_matches() -> None:
    # "İ" lower-cases to two characters; the spans then come from the case-insensitive pattern
    found = Caseless(r"fever (\d+)").search("İİ FEVER 39")
    assert found is not None and found.group(1) == "39" and found.group(0) == "FEVER 39"


def test_an_upper_case_letter_in_the_pattern_is_refused() -> None:
    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"\bFever\b")
    Caseless(r"\S+\s\B")  # escapes are not letters


def test_a_pattern_is_compiled_on_first_use_not_when_made() -> None:
    pattern = Caseless(r"\bfever\b")
    assert "_fast" not in vars(pattern) and "_exact" not in vars(pattern)
    assert pattern.search("No FEVER here") is not None
    assert "_fast" in vars(pattern) and "_exact" not in vars(pattern)  # the text kept its length
    assert pattern.search("İ fever") is not None
    assert "_exact" in vars(pattern)


def _module_patterns(module: ModuleType) -> list[Caseless]:
    found: list[Caseless] = []
    for value in vars(module).values():
        values = value if isinstance(value, list | tuple) else [value]
        found += [v for v in values if isinstance(v, Caseless)]
    return found


@pytest.mark.parametrize(
    ("module", "at_least"), [(quantities, 40), (person, 4)], ids=["quantities", "person"]
)
def test_every_reader_pattern_compiles(module: ModuleType, at_least: int) -> None:
    """Compiled on first use, so a broken pattern would otherwise fail only on the text that needs it."""
    patterns = _module_patterns(module)
    assert len(patterns) >= at_least
    for pattern in patterns:
        re.compile(pattern.pattern, pattern.flags)
