"""Medicines against their daily limits: warned before a usual dose would pass the most for 24 hours,
at the limit, and over it; ingredients counted across medicines."""

from __future__ import annotations

from datetime import date

import pytest

from lumbar.diary.doses import check_entry, mg
from lumbar.diary.entry import Entry, MedicineTaken
from lumbar.knowledge.loader import KnowledgeBase


def day_with(*taken: MedicineTaken) -> Entry:
    return Entry(day=date(2026, 3, 2), pain_now=4, pain_worst=6, medicines=list(taken))


def limit_of(kb: KnowledgeBase, ingredient: str) -> tuple[float, float]:
    assert kb.diary is not None
    limit = next(x for x in kb.diary.dose_limits if x.ingredient == ingredient)
    return limit.most_per_day_mg, limit.usual_dose_mg


@pytest.mark.parametrize("ingredient", ["paracetamol", "ibuprofen", "naproxen", "diclofenac", "aspirin"])
def test_at_the_limit_says_so_and_names_the_limit(kb: KnowledgeBase, ingredient: str) -> None:
    most, _ = limit_of(kb, ingredient)
    warnings = check_entry(day_with(MedicineTaken(medicine=ingredient, amount=most)), kb)
    assert [w.kind for w in warnings] == ["at_limit"]
    assert mg(most) in warnings[0].text and warnings[0].sources


@pytest.mark.parametrize("ingredient", ["paracetamol", "ibuprofen", "naproxen", "diclofenac", "aspirin"])
def test_just_under_the_limit_warns_that_the_next_dose_would_pass_it(
    kb: KnowledgeBase, ingredient: str
) -> None:
    most, usual = limit_of(kb, ingredient)
    warnings = check_entry(day_with(MedicineTaken(medicine=ingredient, amount=most - 1)), kb)
    assert [w.kind for w in warnings] == ["next_dose_over"]
    assert mg(most) in warnings[0].text and mg(usual) in warnings[0].text


@pytest.mark.parametrize("ingredient", ["paracetamol", "ibuprofen"])
def test_room_for_a_whole_usual_dose_gives_no_warning(kb: KnowledgeBase, ingredient: str) -> None:
    most, usual = limit_of(kb, ingredient)
    assert check_entry(day_with(MedicineTaken(medicine=ingredient, amount=most - usual)), kb) == []


def test_over_the_paracetamol_limit_sends_to_a_and_e(kb: KnowledgeBase) -> None:
    warnings = check_entry(day_with(MedicineTaken(medicine="paracetamol", amount=5000)), kb)
    assert warnings[0].kind == "over" and "A&E" in warnings[0].text


def test_paracetamol_in_co_codamol_counts_with_paracetamol_tablets(kb: KnowledgeBase) -> None:
    entry = day_with(
        MedicineTaken(medicine="paracetamol", amount=2000),
        MedicineTaken(medicine="co-codamol", amount=4, unit="tablets"),
    )
    warnings = check_entry(entry, kb)
    assert [(w.kind, w.ingredient, w.total_mg) for w in warnings] == [("at_limit", "paracetamol", 4000)]


def test_brand_names_are_known(kb: KnowledgeBase) -> None:
    warnings = check_entry(day_with(MedicineTaken(medicine="Nurofen", amount=1200)), kb)
    assert [(w.kind, w.ingredient) for w in warnings] == [("at_limit", "ibuprofen")]


def test_danger_comes_first(kb: KnowledgeBase) -> None:
    entry = day_with(
        MedicineTaken(medicine="ibuprofen", amount=1000),
        MedicineTaken(medicine="paracetamol", amount=4500),
    )
    assert [w.kind for w in check_entry(entry, kb)] == ["over", "next_dose_over"]


@pytest.mark.parametrize(
    ("taken", "words"),
    [
        (MedicineTaken(medicine="glorbanol", amount=10), "not in lumbar's list"),
        (MedicineTaken(medicine="ibuprofen", amount=2, unit="tablets"), "different strengths"),
        (MedicineTaken(medicine="co-codamol", amount=1000), "how many tablets"),
    ],
)
def test_what_cannot_be_counted_is_said_plainly(kb: KnowledgeBase, taken: MedicineTaken, words: str) -> None:
    warnings = check_entry(day_with(taken), kb)
    assert [w.kind for w in warnings] == ["unchecked"] and words in warnings[0].text
