"""Plain words for the screens people read: numbers (durations, quantities with units, chances) and
sentences said once.

Shared by the web page, the terminal and the care plan renderings, so a number reads the same way
everywhere ("about 7 hours", "35 years", "about 87 in 100"), and a sentence already said by a heading
is compared the same way everywhere.
"""

from __future__ import annotations

import re

HOURS_PER_DAY = 24
DAYS_PER_WEEK = 7
DAYS_PER_MONTH = 365.25 / 12
DAYS_PER_YEAR = 365.25


def count(number: int, unit: str) -> str:
    """A whole number of a unit, singular for one: "1 second", "5 seconds"."""
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def duration(days: float) -> str:
    """A time span in days as words: "less than an hour", "about 7 hours", "about 3 weeks"."""
    if days < 1 / HOURS_PER_DAY:
        return "less than an hour"
    if days < 1:
        hours = max(1, round(days * HOURS_PER_DAY))
        return "about an hour" if hours == 1 else f"about {hours} hours"
    if days < 2 * DAYS_PER_WEEK:
        whole = round(days)
        return count(whole, "day") if whole == days else f"about {count(whole, 'day')}"
    if days < 8 * DAYS_PER_WEEK:
        return f"about {count(round(days / DAYS_PER_WEEK), 'week')}"
    if days < 2 * DAYS_PER_YEAR:
        return f"about {count(round(days / DAYS_PER_MONTH), 'month')}"
    return f"about {count(round(days / DAYS_PER_YEAR), 'year')}"


def quantity(value: float, unit: str | None) -> str:
    """A number with its unit in plain words: "35 years", "about 7 hours", "38.5 °C", "6/10"."""
    if unit == "days":
        return duration(value)
    if unit == "years" and value != int(value):
        # a young child's age in months ("19 months"); an adult's in whole years
        return count(round(value * 12), "month") if value < 2 else count(int(value), "year")
    if not unit:
        return f"{value:g}"
    if unit.startswith("/"):
        return f"{value:g}{unit}"
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{value:g} {unit}"


def chance(probability: float) -> str:
    """A probability as a natural frequency, never "0 in 100" for a listed cause: "about 87 in 100"."""
    return f"about {max(1, round(probability * 100))} in 100"


def source_place(title: str, locator: str | None) -> str:
    """A source by its title and where in it: "NICE NG59 (section 1.3 …)", "Back pain (Causes)"."""
    if not locator:
        return title
    return f"{title} (section {locator})" if locator[:1].isdigit() else f"{title} ({locator})"


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, split after a full stop, question or exclamation mark."""
    return [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]


def sentence_key(sentence: str) -> str:
    """A sentence compared loosely: lower case, no punctuation, no articles."""
    words = re.sub(r"[^a-z0-9 ]", "", sentence.lower()).split()
    return " ".join(w for w in words if w not in ("a", "an", "the"))


def beyond(text: str, said: list[str]) -> str:
    """``text`` without the sentences that say no more than one of ``said`` (compared loosely)."""
    keys = {sentence_key(s) for s in said}
    return " ".join(s for s in sentences(text) if sentence_key(s) not in keys)


def lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, unless it starts an abbreviation ("MRI")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
