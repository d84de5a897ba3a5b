"""Caseless patterns: case-insensitive matches, groups read from the text as written."""

from __future__ import annotations

import re
from re import _constants, _parser  # type: ignore[attr-defined]
from types import ModuleType
from typing import Any

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
    """Every Caseless of a module: alone, in a list or tuple (``(pattern, typical age)``) or a dict."""

    def found_in(value: object) -> list[Caseless]:
        if isinstance(value, Caseless):
            return [value]
        if isinstance(value, list | tuple):
            return [p for v in value for p in found_in(v)]
        if isinstance(value, dict):
            return [p for v in value.values() for p in found_in(v)]
        return []

    return [p for value in vars(module).values() for p in found_in(value)]


@pytest.mark.parametrize(
    ("module", "at_least"), [(quantities, 40), (person, 4)], ids=["quantities", "person"]
)
def test_every_reader_pattern_compiles(module: ModuleType, at_least: int) -> None:
    """Compiled on first use, so a broken pattern would otherwise fail only on the text that needs it."""
    patterns = _module_patterns(module)
    assert len(patterns) >= at_least
    for pattern in patterns:
        re.compile(pattern.pattern, pattern.flags)


def _always(items: Any, holds: Any, run: str = "") -> bool:
    """True when every match of the parsed ``items`` passes ``holds`` on one of its parts: a run of
    literal characters (as a string; ``run`` is the one just before ``items``) or a character set (as
    its parsed form). The parser moves the common start of branches before them ("t(?:emp|hermometer)"),
    so a run goes on into a group or a branch."""
    for op, arg in items:
        if op is _constants.LITERAL:
            run += chr(arg)
            continue
        if run and holds(run):
            return True
        if op is _constants.IN and holds(arg):
            return True
        if op is _constants.SUBPATTERN and _always(arg[-1], holds, run):
            return True
        if op is _constants.BRANCH and all(_always(branch, holds, run) for branch in arg[1]):
            return True
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and arg[0] >= 1 and _always(arg[2], holds):
            return True
        run = ""
    return bool(run) and holds(run)


def _claims_hold(pattern: Caseless) -> bool:
    """What ``pattern`` says every match holds, proved from its parsed form (lower case, as searched)."""
    parsed = _parser.parse(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    digit = [(_constants.CATEGORY, _constants.CATEGORY_DIGIT)]
    digit_ok = not pattern.digit or _always(parsed, lambda part: part == digit)
    needs_ok = not pattern.needs or _always(
        parsed, lambda part: isinstance(part, str) and any(word in part for word in pattern.needs)
    )
    return digit_ok and needs_ok


@pytest.mark.parametrize("module", [quantities, person], ids=["quantities", "person"])
def test_what_each_reader_pattern_says_its_matches_hold_is_true(module: ModuleType) -> None:
    """A text without a pattern's ``needs`` or digit is never searched, so a wrong claim would miss a
    number; each claim is proved from the parsed pattern (literal runs, branches, repeats of at least one)."""
    claiming = [p for p in _module_patterns(module) if p.needs or p.digit]
    assert len(claiming) >= (40 if module is quantities else 1)
    assert [p.pattern for p in claiming if not _claims_hold(p)] == []


def test_the_proof_refuses_a_claim_a_match_can_avoid() -> None:
    assert _claims_hold(Caseless(r"\bfor (\d+|a few) (?:days?|weeks?)", needs=("day", "week")))
    assert not _claims_hold(Caseless(r"\bfor (\d+|a few) (?:days?|weeks?)", digit=True))
    assert not _claims_hold(Caseless(r"(?:days?|wks?)", needs=("day", "week")))
    assert not _claims_hold(Caseless(r"\d*\s*days", digit=True))
    assert not _claims_hold(Caseless(r"[\d.]+ days", digit=True))
    assert not _claims_hold(Caseless(r"(?=\d)\w+ days", digit=True))  # a look-ahead holds nothing


def test_a_text_without_what_every_match_holds_is_answered_without_compiling() -> None:
    pattern = Caseless(r"\b(\d+)\s*days?\b", needs=("day",), digit=True)
    assert pattern.search("Back spasm, no numbness for days") is None
    assert list(pattern.finditer("Back spasm for 3 weeks")) == [] and pattern.match("three days") is None
    assert "_fast" not in vars(pattern)
    found = pattern.search("Back spasm for 3 DAYS")
    assert found is not None and found.group(0) == "3 DAYS"
    arabic = pattern.search("for \u0663 days")  # \\d is any decimal digit, and so is the test for one
    assert arabic is not None and arabic.group(1) == "\u0663"


def test_a_strict_pattern_reads_dotless_i_and_long_s_as_ignorecase_does() -> None:
    assert re.search("sit", "ſıt", re.IGNORECASE) is not None
    assert Caseless("sit").search("ſıt") is None  # their lower case is themselves
    found = Caseless("sit", strict=True).search("ſıt")
    assert found is not None and found.group(0) == "ſıt"
    assert Caseless("sit", strict=True).spans("A SIT, a ſıt") == [(2, 5), (9, 12)]
    assert Caseless("sit").spans("A SIT, a sit") == [(2, 5), (9, 12)]
