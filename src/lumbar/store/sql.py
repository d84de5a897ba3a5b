"""The repositories over SQLAlchemy: each call is one short transaction, and hands back records.

Reads and writes of a person's rows filter on the owner's id in the query itself, so a row of
someone else is never loaded, let alone returned.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from lumbar.errors import ConflictError, InputError, NotFoundError
from lumbar.store.models import DiaryEntry, InterviewStateRow, KeptScore, Person, SavedAssessment
from lumbar.store.records import (
    AssessmentRecord,
    DiaryDay,
    DiaryRecord,
    PersonRecord,
    ScoreDay,
    ScoreRecord,
)

_Owned = TypeVar("_Owned", SavedAssessment, DiaryEntry, KeptScore)
NO_PERSON = "no such person is known here"
NO_ASSESSMENT = "no such saved assessment is known here"
NO_ENTRY = "no such diary entry is known here"
NO_SCORE = "no such kept score is known here"
BAD_SCORE = "a kept score's total must be a whole number, 0 or more"
USERNAME_TAKEN = "that username is taken; please choose another"
OUT_OF_RANGE = (
    "a diary entry's pains and activity must be whole numbers from 0 to 10, its spasms 0 or more and its "
    "hours of sleep 0 to 24"
)


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a moment without a zone (as SQLite gives back) is taken to be UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Sessions:
    """Short transactions: ``read()`` for reads, ``write()`` for changes (committed at the end).

    ``one_at_a_time`` is for a database with a single connection (SQLite in memory): threads then take
    turns, since two transactions cannot share one connection.
    """

    def __init__(
        self, reading: sessionmaker[Session], writing: sessionmaker[Session], one_at_a_time: bool = False
    ) -> None:
        self._reading = reading
        self._writing = writing
        self._turn: AbstractContextManager[object] = threading.RLock() if one_at_a_time else nullcontext()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session to read in, rolled back at the end."""
        with self._turn, self._reading() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session to change things in, committed at the end (rolled back if anything fails)."""
        with self._turn, self._writing() as session, session.begin():
            yield session


def _owned(session: Session, model: type[_Owned], owner_id: int, row_id: int, missing: str) -> _Owned:
    row = session.scalar(select(model).where(model.id == row_id, model.owner_id == owner_id))
    if row is None:
        raise NotFoundError(missing)
    return row


class SqlPeople:
    """People in the database."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, username: str, password_hash: str, created: datetime) -> PersonRecord:
        """A new person; ConflictError when the username is taken."""
        try:
            with self._sessions.write() as session:
                person = Person(username=username, password_hash=password_hash, created=utc(created))
                session.add(person)
                session.flush()
                return _person(person)
        except IntegrityError:
            raise ConflictError(USERNAME_TAKEN) from None

    def get(self, person_id: int) -> PersonRecord:
        """The person with this id; NotFoundError when there is none."""
        with self._sessions.read() as session:
            person = session.get(Person, person_id)
            if person is None:
                raise NotFoundError(NO_PERSON)
            return _person(person)

    def by_username(self, username: str) -> PersonRecord:
        """The person with this username; NotFoundError when there is none."""
        with self._sessions.read() as session:
            person = session.scalar(select(Person).where(Person.username == username))
            if person is None:
                raise NotFoundError(NO_PERSON)
            return _person(person)

    def set_password_hash(self, person_id: int, password_hash: str) -> None:
        """Keep a new password hash for the person; NotFoundError when there is none."""
        with self._sessions.write() as session:
            person = session.get(Person, person_id)
            if person is None:
                raise NotFoundError(NO_PERSON)
            person.password_hash = password_hash

    def delete(self, person_id: int) -> None:
        """Delete the person and every row they own (not left to the database's cascade alone)."""
        with self._sessions.write() as session:
            for model in (DiaryEntry, SavedAssessment, KeptScore):
                session.execute(delete(model).where(model.owner_id == person_id))
            if session.execute(delete(Person).where(Person.id == person_id)).rowcount != 1:  # type: ignore[attr-defined]
                raise NotFoundError(NO_PERSON)


class SqlAssessments:
    """Saved assessments in the database."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, owner_id: int, level: str, assessment: dict[str, Any], made: datetime) -> AssessmentRecord:
        """Keep an assessment for its owner; NotFoundError when the owner is not known."""
        row = SavedAssessment(owner_id=owner_id, level=level, assessment=assessment, made=utc(made))
        with self._sessions.write() as session:
            return _assessment(_insert(session, row))

    def get(self, owner_id: int, assessment_id: int) -> AssessmentRecord:
        """The owner's assessment with this id; NotFoundError when the owner has none such."""
        with self._sessions.read() as session:
            return _assessment(_owned(session, SavedAssessment, owner_id, assessment_id, NO_ASSESSMENT))

    def of(self, owner_id: int) -> list[AssessmentRecord]:
        """The owner's assessments, oldest first."""
        query = (
            select(SavedAssessment)
            .where(SavedAssessment.owner_id == owner_id)
            .order_by(SavedAssessment.made, SavedAssessment.id)
        )
        with self._sessions.read() as session:
            return [_assessment(row) for row in session.scalars(query)]

    def delete(self, owner_id: int, assessment_id: int) -> None:
        """Delete the owner's assessment; NotFoundError when the owner has none such."""
        with self._sessions.write() as session:
            session.delete(_owned(session, SavedAssessment, owner_id, assessment_id, NO_ASSESSMENT))


class SqlDiary:
    """Diary entries in the database."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, owner_id: int, entry: DiaryDay, created: datetime) -> DiaryRecord:
        """Keep a diary entry for its owner; NotFoundError when the owner is not known."""
        row = DiaryEntry(owner_id=owner_id, created=utc(created), **asdict(entry))
        try:
            with self._sessions.write() as session:
                return _entry(_insert(session, row))
        except IntegrityError:  # the table's CHECK constraints: the last guard, after the diary's own
            raise InputError(OUT_OF_RANGE) from None

    def get(self, owner_id: int, entry_id: int) -> DiaryRecord:
        """The owner's entry with this id; NotFoundError when the owner has none such."""
        with self._sessions.read() as session:
            return _entry(_owned(session, DiaryEntry, owner_id, entry_id, NO_ENTRY))

    def of(self, owner_id: int, since: date | None = None) -> list[DiaryRecord]:
        """The owner's entries (from ``since`` on, when given), by day, then in the order written."""
        query = select(DiaryEntry).where(DiaryEntry.owner_id == owner_id)
        if since is not None:
            query = query.where(DiaryEntry.day >= since)
        with self._sessions.read() as session:
            return [_entry(row) for row in session.scalars(query.order_by(DiaryEntry.day, DiaryEntry.id))]

    def delete(self, owner_id: int, entry_id: int) -> None:
        """Delete the owner's entry; NotFoundError when the owner has none such."""
        with self._sessions.write() as session:
            session.delete(_owned(session, DiaryEntry, owner_id, entry_id, NO_ENTRY))


class SqlScores:
    """Kept questionnaire scores in the database."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, owner_id: int, score: ScoreDay, created: datetime) -> ScoreRecord:
        """Keep a score for its owner; NotFoundError when the owner is not known."""
        row = KeptScore(owner_id=owner_id, created=utc(created), **asdict(score))
        try:
            with self._sessions.write() as session:
                return _score(_insert(session, row))
        except IntegrityError:  # the table's CHECK constraint: the last guard, after the scoring's own
            raise InputError(BAD_SCORE) from None

    def get(self, owner_id: int, score_id: int) -> ScoreRecord:
        """The owner's score with this id; NotFoundError when the owner has none such."""
        with self._sessions.read() as session:
            return _score(_owned(session, KeptScore, owner_id, score_id, NO_SCORE))

    def of(self, owner_id: int) -> list[ScoreRecord]:
        """The owner's scores, by day, then in the order kept."""
        query = select(KeptScore).where(KeptScore.owner_id == owner_id).order_by(KeptScore.day, KeptScore.id)
        with self._sessions.read() as session:
            return [_score(row) for row in session.scalars(query)]

    def delete(self, owner_id: int, score_id: int) -> None:
        """Delete the owner's score; NotFoundError when the owner has none such."""
        with self._sessions.write() as session:
            session.delete(_owned(session, KeptScore, owner_id, score_id, NO_SCORE))


class SqlInterviewStates:
    """The web interviews' sealed states in the database."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def add(self, key_hash: str, token: str, made: int, purge_before: int) -> None:
        """Keep ``token`` under ``key_hash``, first deleting the states made before ``purge_before``."""
        with self._sessions.write() as session:
            session.execute(delete(InterviewStateRow).where(InterviewStateRow.made < purge_before))
            session.add(InterviewStateRow(key_hash=key_hash, token=token, made=made))

    def token(self, key_hash: str) -> str | None:
        """The token kept under ``key_hash``, if any."""
        with self._sessions.read() as session:
            row = session.get(InterviewStateRow, key_hash)
            return None if row is None else row.token


def _insert(session: Session, row: _Owned) -> _Owned:
    """Add ``row`` for its owner and give it its id; NotFoundError when the owner is not known."""
    if session.get(Person, row.owner_id) is None:
        raise NotFoundError(NO_PERSON)
    session.add(row)
    session.flush()
    return row


def _person(row: Person) -> PersonRecord:
    return PersonRecord(
        id=row.id, username=row.username, password_hash=row.password_hash, created=utc(row.created)
    )


def _assessment(row: SavedAssessment) -> AssessmentRecord:
    return AssessmentRecord(
        id=row.id, owner_id=row.owner_id, made=utc(row.made), level=row.level, assessment=row.assessment
    )


def _entry(row: DiaryEntry) -> DiaryRecord:
    return DiaryRecord(
        id=row.id,
        owner_id=row.owner_id,
        created=utc(row.created),
        day=row.day,
        pain_now=row.pain_now,
        pain_worst=row.pain_worst,
        spasms=row.spasms,
        sleep_hours=row.sleep_hours,
        activity=row.activity,
        medicines=row.medicines,
        notes=row.notes,
    )


def _score(row: KeptScore) -> ScoreRecord:
    return ScoreRecord(
        id=row.id,
        owner_id=row.owner_id,
        created=utc(row.created),
        day=row.day,
        questionnaire=row.questionnaire,
        total=row.total,
        subscales=dict(row.subscales),
        band=row.band,
        answers=dict(row.answers),
    )
