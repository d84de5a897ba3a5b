"""The diary entry's bounds: pains 0–10, the worst never below the pain now."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from lumbar.diary.entry import Entry, MedicineTaken


def test_an_entry_keeps_its_values() -> None:
    entry = Entry(
        day=date(2026, 3, 2),
        pain_now=4,
        pain_worst=6,
        spasms=3,
        sleep_hours=6.5,
        activity=5,
        medicines=[MedicineTaken(medicine="ibuprofen", amount=400)],
        notes="stiff in the morning",
    )
    assert entry.medicines[0].unit == "mg"


@pytest.mark.parametrize(
    "values",
    [
        {"pain_now": 11, "pain_worst": 11},
        {"pain_now": -1, "pain_worst": 2},
        {"pain_now": 6, "pain_worst": 5},
        {"pain_now": 2, "pain_worst": 3, "activity": 11},
        {"pain_now": 2, "pain_worst": 3, "sleep_hours": 25},
        {"pain_now": 2, "pain_worst": 3, "spasms": -1},
    ],
)
def test_an_entry_out_of_bounds_is_refused(values: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Entry(day=date(2026, 3, 2), **values)


def test_a_medicine_needs_an_amount_above_zero() -> None:
    with pytest.raises(ValidationError):
        MedicineTaken(medicine="ibuprofen", amount=0)
