"""Kept questionnaire scores come back as kept, in day order; the table refuses a negative total; a
score kept from the scoring engine reads back as the same result."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from store_helpers import FIRST_DAY, NOW, a_person, a_score

from lumbar.errors import InputError, NotFoundError
from lumbar.export.records import dated_score
from lumbar.knowledge.loader import load_knowledge
from lumbar.store import Store
from lumbar.store.models import KeptScore
from lumbar.store.scores import to_dated, to_score_day


def test_a_score_comes_back_as_kept(store: Store) -> None:
    ann = a_person(store)
    kept = store.scores.add(ann.id, a_score(), NOW)
    assert store.scores.get(ann.id, kept.id) == kept
    assert (kept.day, kept.questionnaire, kept.total, kept.band, kept.created) == (
        FIRST_DAY,
        "start_back",
        5,
        "medium",
        NOW,
    )
    assert kept.subscales == {"distress": 2}
    assert kept.answers == {"leg_pain": "agree", "bothersome": "very_much"}


def test_scores_are_in_day_order_then_as_kept(store: Store) -> None:
    ann = a_person(store)
    later = store.scores.add(ann.id, a_score(FIRST_DAY + timedelta(days=3)), NOW)
    first = store.scores.add(ann.id, a_score(FIRST_DAY), NOW)
    same_day = store.scores.add(ann.id, a_score(FIRST_DAY, questionnaire="rmdq", band=None), NOW)
    assert [kept.id for kept in store.scores.of(ann.id)] == [first.id, same_day.id, later.id]


def test_a_deleted_score_is_gone(store: Store) -> None:
    ann = a_person(store)
    kept = store.scores.add(ann.id, a_score(), NOW)
    store.scores.delete(ann.id, kept.id)
    assert store.scores.of(ann.id) == []
    with pytest.raises(NotFoundError):
        store.scores.get(ann.id, kept.id)


def test_a_negative_total_is_refused_by_the_repository_and_the_table(store: Store) -> None:
    ann = a_person(store)
    with pytest.raises(InputError, match="0 or more"):
        store.scores.add(ann.id, a_score(total=-1), NOW)
    row = {
        "owner_id": ann.id,
        "day": FIRST_DAY,
        "questionnaire": "rmdq",
        "total": -1,
        "subscales": {},
        "answers": {},
        "created": NOW,
    }
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(insert(KeptScore).values(**row))


def test_a_score_for_no_one_is_refused(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.scores.add(10_000, a_score(), NOW)


@pytest.mark.parametrize(
    ("questionnaire", "answers"),
    [
        ("rmdq", {"stay_home": "ticked", "walk_slowly": True, "painful_all_time": "ticked"}),
        (
            "start_back",
            {
                "leg_pain": "agree",
                "shoulder_neck_pain": "disagree",
                "walked_short_distances": "agree",
                "dressed_slowly": "agree",
                "not_safe_active": "agree",
                "worrying_thoughts": "agree",
                "never_better": "disagree",
                "not_enjoyed": "agree",
                "bothersome": "very_much",
            },
        ),
    ],
)
def test_a_kept_score_reads_back_as_the_same_result(
    store: Store, questionnaire: str, answers: dict[str, object]
) -> None:
    kb = load_knowledge()
    dated = dated_score(kb, questionnaire, answers, date(2026, 12, 2))  # type: ignore[arg-type]
    ann = a_person(store)
    kept = store.scores.add(ann.id, to_score_day(dated), NOW)
    assert to_dated(kb, store.scores.get(ann.id, kept.id)) == dated
    assert kept.total == dated.score.total and kept.band == dated.score.band
