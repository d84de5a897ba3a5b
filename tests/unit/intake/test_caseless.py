"""Caseless patterns: case-insensitive matches, groups read from the text as written."""

from __future__ import annotations

import pytest

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
