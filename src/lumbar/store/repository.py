"""The store's interface: one small protocol per aggregate, which the web and the command line use
and the engines never see (they are handed what they need).

Every read or change of a person's rows takes the owner's id: an id of someone else's row is not
found (``NotFoundError``), exactly as an id that does not exist, so no answer tells whether it does.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol

from lumbar.store.records import (
    AssessmentRecord,
    DiaryDay,
    DiaryRecord,
    PersonRecord,
    ScoreDay,
    ScoreRecord,
)


class People(Protocol):
    """The people who keep a diary."""

    def add(self, username: str, password_hash: str, created: datetime) -> PersonRecord:
        """A new person; ConflictError when the username is taken."""
        ...

    def get(self, person_id: int) -> PersonRecord:
        """The person with this id; NotFoundError when there is none."""
        ...

    def by_username(self, username: str) -> PersonRecord:
        """The person with this username; NotFoundError when there is none."""
        ...

    def set_password_hash(self, person_id: int, password_hash: str) -> None:
        """Keep a new password hash for the person; NotFoundError when there is none."""
        ...

    def delete(self, person_id: int) -> None:
        """Delete the person and every row they own; NotFoundError when there is none."""
        ...


class Assessments(Protocol):
    """The assessments people saved."""

    def add(self, owner_id: int, level: str, assessment: dict[str, Any], made: datetime) -> AssessmentRecord:
        """Keep an assessment for its owner."""
        ...

    def get(self, owner_id: int, assessment_id: int) -> AssessmentRecord:
        """The owner's assessment with this id; NotFoundError when the owner has none such."""
        ...

    def of(self, owner_id: int) -> list[AssessmentRecord]:
        """The owner's assessments, oldest first."""
        ...

    def delete(self, owner_id: int, assessment_id: int) -> None:
        """Delete the owner's assessment; NotFoundError when the owner has none such."""
        ...


class Diary(Protocol):
    """People's diary entries."""

    def add(self, owner_id: int, entry: DiaryDay, created: datetime) -> DiaryRecord:
        """Keep a diary entry for its owner."""
        ...

    def get(self, owner_id: int, entry_id: int) -> DiaryRecord:
        """The owner's entry with this id; NotFoundError when the owner has none such."""
        ...

    def of(self, owner_id: int, since: date | None = None) -> list[DiaryRecord]:
        """The owner's entries (from ``since`` on, when given), by day, then in the order written."""
        ...

    def delete(self, owner_id: int, entry_id: int) -> None:
        """Delete the owner's entry; NotFoundError when the owner has none such."""
        ...


class Scores(Protocol):
    """The questionnaire scores people kept in their diary."""

    def add(self, owner_id: int, score: ScoreDay, created: datetime) -> ScoreRecord:
        """Keep a score for its owner."""
        ...

    def get(self, owner_id: int, score_id: int) -> ScoreRecord:
        """The owner's score with this id; NotFoundError when the owner has none such."""
        ...

    def of(self, owner_id: int) -> list[ScoreRecord]:
        """The owner's scores, by day, then in the order kept."""
        ...

    def delete(self, owner_id: int, score_id: int) -> None:
        """Delete the owner's score; NotFoundError when the owner has none such."""
        ...


class InterviewStates(Protocol):
    """The web interviews' sealed states, under the hash of their keys (they have no owner)."""

    def add(self, key_hash: str, token: str, made: int, purge_before: int) -> None:
        """Keep ``token`` under ``key_hash``, first deleting the states made before ``purge_before``."""
        ...

    def token(self, key_hash: str) -> str | None:
        """The token kept under ``key_hash``, if any."""
        ...
