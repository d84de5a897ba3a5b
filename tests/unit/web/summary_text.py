"""Checks of a summary's printed text: no internal id, no number without its unit."""

from __future__ import annotations

import re

#: an internal id: lower-case words joined by underscores
SNAKE_ID = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: what may follow a number: its unit, "out of …", "in 100", a month (a date)
UNIT_AFTER = re.compile(
    rf"\s*(?:years?|months?|weeks?|days?|hours?|h|minutes?|mg|g|ml|tablets?|times?|doses?|points?|%|°C|°F|kg|cm"
    rf"|out of|in 100|in a hundred|to \d|{MONTHS})(?![a-z])"
)
#: what may come before a number: "out of", "in", "to" (the end of a range), "question(s)", a month (a year)
UNIT_BEFORE = re.compile(rf"(?:out of|\bin|\bto|questions?|{MONTHS})\s*$")
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")
#: list markers, which PDF text extraction puts apart from their items
LIST_MARKER = re.compile(r"(?<!\S)(?:•|\d+\.)(?!\S)")


def numbers_without_unit(text: str) -> list[str]:
    """The numbers in ``text`` with no unit, range or date beside them, each with its context."""
    text = LIST_MARKER.sub(" ", text)
    return [
        text[max(m.start() - 30, 0) : m.end() + 15]
        for m in NUMBER.finditer(text)
        if not UNIT_AFTER.match(text, m.end()) and not UNIT_BEFORE.search(text[: m.start()])
    ]


def internal_ids(text: str) -> list[str]:
    """The snake_case words in ``text``."""
    return SNAKE_ID.findall(text)
