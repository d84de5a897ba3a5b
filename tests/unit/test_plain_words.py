"""Numbers in plain words: durations, quantities with units, chances."""

from __future__ import annotations

import pytest

from lumbar.plain_words import chance, count, duration, quantity


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0.01, "less than an hour"),
        (0.05, "about an hour"),
        (0.3, "about 7 hours"),
        (1, "1 day"),
        (1.5, "about 2 days"),
        (3, "3 days"),
        (10, "10 days"),
        (21, "about 3 weeks"),
        (45, "about 6 weeks"),
        (90, "about 3 months"),
        (365, "about 12 months"),
        (1000, "about 3 years"),
    ],
)
def test_durations_read_as_words(days: float, words: str) -> None:
    assert duration(days) == words


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        (35, "years", "35 years"),
        (1.58, "years", "19 months"),
        (40.5, "years", "40 years"),
        (1, "weeks", "1 week"),
        (0.3, "days", "about 7 hours"),
        (38.5, "°C", "38.5 °C"),
        (6, "/10", "6/10"),
        (3, None, "3"),
    ],
)
def test_quantities_read_plainly(value: float, unit: str | None, words: str) -> None:
    assert quantity(value, unit) == words


def test_a_listed_chance_is_never_zero_in_100() -> None:
    assert chance(0.001) == "about 1 in 100"
    assert chance(0.748) == "about 75 in 100"


def test_a_count_is_singular_for_one() -> None:
    assert count(1, "second") == "1 second"
    assert count(5, "second") == "5 seconds"
