"""The diary entry's bounds: pains 0–10, the worst never below the pain now."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from lumbar.diary.entry import Entry, MedicineTaken, read_medicine


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


@pytest.mark.parametrize(
    ("line", "medicine", "amount", "unit"),
    [
        ("ibuprofen 400 mg twice", "ibuprofen", 800, "mg"),
        ("co-codamol 2 tablets x4", "co-codamol", 8, "tablets"),
        ("paracetamol=1g", "paracetamol", 1000, "mg"),
        ("naproxen 250mg 3 times a day", "naproxen", 750, "mg"),
        ("Diclofenac 50 mg.", "Diclofenac", 50, "mg"),
    ],
)
def test_a_medicine_line_gives_the_days_amount(line: str, medicine: str, amount: float, unit: str) -> None:
    taken = read_medicine(line)
    assert taken is not None and (taken.medicine, taken.amount, taken.unit) == (medicine, amount, unit)


@pytest.mark.parametrize("line", ["paracetamol", "paracetamol=lots", "two of the white ones", ""])
def test_a_line_without_an_amount_gives_none(line: str) -> None:
    assert read_medicine(line) is None
