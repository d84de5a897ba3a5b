"""Build diaries for the tests: fourteen days of entries from a list of pains."""

from __future__ import annotations

from datetime import date, timedelta

from lumbar.diary.entry import Entry

#: the day of the first assessment in these tests (the clock is passed in, never read)
START = date(2026, 3, 2)


def days(start: date, pains_now: list[int], worst_above: int = 2) -> list[Entry]:
    """One entry a day from ``start``: pain now as given, at its worst ``worst_above`` more (at most 10)."""
    return [
        Entry(day=start + timedelta(days=i), pain_now=p, pain_worst=min(p + worst_above, 10))
        for i, p in enumerate(pains_now)
    ]


def falling(start: date, first: int, last: int, count: int = 15) -> list[Entry]:
    """``count`` days whose pain now goes from ``first`` to ``last`` in even steps."""
    step = (last - first) / (count - 1)
    return days(start, [round(first + step * i) for i in range(count)])
