"""Case-insensitive patterns that run at the speed of case-sensitive ones.

Python's ``re`` gives up its fast scan (the first characters a match can start with) for patterns
compiled with IGNORECASE, so on a long text they try every position: ten to ninety times slower than
the same pattern, written in lower case, over the lower-cased text. A :class:`Caseless` pattern does
the latter and answers with matches whose groups are the text's own words, as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property


class CaselessMatch:
    """A match found in the lower-cased text, read back from the text as written."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: re.Match[str], text: str) -> None:
        self._match = match
        self._text = text

    def group(self, index: int = 0) -> str:
        start, end = self._match.span(index)
        return self._text[start:end] if start >= 0 else None  # type: ignore[return-value]

    def __getitem__(self, index: int) -> str:
        return self.group(index)

    def groups(self) -> tuple[str | None, ...]:
        return tuple(self.group(i) for i in range(1, (self._match.re.groups or 0) + 1))

    def start(self, index: int = 0) -> int:
        return self._match.start(index)

    def end(self, index: int = 0) -> int:
        return self._match.end(index)

    def span(self, index: int = 0) -> tuple[int, int]:
        return self._match.span(index)


class Caseless:
    """A pattern matched without regard to case; written in lower case (escapes like ``\\S`` aside).

    Compiled on first use, not at import: the readers' patterns cost a one-shot command more to
    compile than it spends matching, and most texts never need the case-insensitive form. A pattern
    that says what every match holds (``needs``: one of these words; ``digit``: a decimal digit) is
    not even compiled for a text without it, and such a text is answered at once: most texts give
    no number (tests/unit/intake/test_caseless.py checks each claim against the parsed pattern).

    ``strict``: match exactly as IGNORECASE does, which also reads "ı" as "i" and "ſ" as "s" (their lower
    case is themselves, so the lower-cased text would not match them): a text holding either is matched
    with the case-insensitive pattern.
    """

    strict = False

    def __init__(
        self,
        pattern: str,
        flags: int = 0,
        *,
        needs: tuple[str, ...] = (),
        digit: bool = False,
        strict: bool = False,
    ) -> None:
        if _has_upper_letter(pattern) or any(_has_upper_letter(word) for word in needs):
            raise ValueError(f"a caseless pattern is written in lower case: {pattern!r}")
        self.pattern = pattern
        self.flags = flags
        self.needs = needs
        self.digit = digit
        if strict:
            self.strict = True

    def possible(self, low: str) -> bool:
        """False when the lower-cased text ``low`` lacks what every match holds."""
        if self.digit and not _has_digit(low):
            return False
        # map, not a generator: asked some fifty times a text, it then runs without a Python frame
        return not self.needs or any(map(low.__contains__, self.needs))

    @cached_property
    def _fast(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags & ~re.IGNORECASE)

    @cached_property
    def _exact(self) -> re.Pattern[str]:
        """For a text whose length lower() changes."""
        return re.compile(self.pattern, self.flags | re.IGNORECASE)

    def search(self, text: str, pos: int = 0) -> CaselessMatch | None:
        low = _lower(text) if not self.strict else _lower_strict(text)
        if low is None:
            found = self._exact.search(text, pos)
            return CaselessMatch(found, text) if found else None
        if not self.possible(low):
            return None
        found = self._fast.search(low, pos)
        return CaselessMatch(found, text) if found else None

    def match(self, text: str, pos: int = 0) -> CaselessMatch | None:
        low = _lower(text) if not self.strict else _lower_strict(text)
        if low is not None and not self.possible(low):
            return None
        found = self._exact.match(text, pos) if low is None else self._fast.match(low, pos)
        return CaselessMatch(found, text) if found else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[CaselessMatch]:
        low = _lower(text) if not self.strict else _lower_strict(text)
        if low is not None and not self.possible(low):
            return iter(())
        end = len(text) if endpos is None else endpos
        found = self._exact.finditer(text, pos, end) if low is None else self._fast.finditer(low, pos, end)
        return (CaselessMatch(m, text) for m in found)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The span of each match in ``text`` (``finditer``'s, without a match object for each)."""
        low = _lower(text) if not self.strict else _lower_strict(text)
        if low is not None and not self.possible(low):
            return []
        return [m.span() for m in (self._exact.finditer(text) if low is None else self._fast.finditer(low))]


def _lower(text: str) -> str | None:
    """``text`` in lower case, or None when lower-casing changes its length (so spans would not match).

    The last text is remembered: the readers of numbers ask about the same text some sixty times."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    lowered = text.lower()
    low = lowered if len(lowered) == len(text) else None
    _last = (text, low)
    return low


_last: tuple[str, str | None] = ("", "")


def _lower_strict(text: str) -> str | None:
    """``_lower(text)``, or None also when the text holds "ı" or "ſ", which IGNORECASE matches as "i" and
    "s" (the other letters it folds into a-z, "İ" and the Kelvin sign, lower-case to them or change the
    length)."""
    low = _lower(text)
    return None if low is None or "ı" in low or "ſ" in low else low


_DIGIT = re.compile(r"\d")


def _has_digit(low: str) -> bool:
    """True when ``low`` holds a decimal digit of any script (what ``\\d`` matches); the last text is
    remembered, as in ``_lower``."""
    global _last_digit
    last = _last_digit
    if last[0] is low:
        return last[1]
    found = _DIGIT.search(low) is not None
    _last_digit = (low, found)
    return found


_last_digit: tuple[str, bool] = ("", False)


def _has_upper_letter(pattern: str) -> bool:
    """True when ``pattern`` has an upper-case letter that is not part of an escape (``\\S``, ``\\B``)."""
    escaped = False
    for ch in pattern:
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch.isupper():
            return True
    return False
