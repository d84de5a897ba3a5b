"""The tables: people, their saved assessments, diary entries and kept questionnaire scores, and the
interviews' saved states.

Typed SQLAlchemy models (``Mapped[...]``); the migrations under ``migrations/versions`` make the same
tables, and a test compares the two on SQLite and PostgreSQL. Every row a person owns names its owner
(``owner_id``) and goes when the person goes (``ON DELETE CASCADE``, and the store deletes them too).
Constraint names follow one convention so both databases, and the migrations, agree on them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: the names of indexes and constraints, the same on every database
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
USERNAME_LENGTH = 64
PASSWORD_HASH_LENGTH = 255
LEVEL_LENGTH = 32
QUESTIONNAIRE_LENGTH = 64
BAND_LENGTH = 32


class Base(DeclarativeBase):
    """The base of every table of lumbar's database."""

    metadata = MetaData(naming_convention=NAMING)


class Person(Base):
    """Someone who keeps a diary: a unique username and the hash of their password (never the password)."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(USERNAME_LENGTH), unique=True)
    password_hash: Mapped[str] = mapped_column(String(PASSWORD_HASH_LENGTH))
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SavedAssessment(Base):
    """An assessment a person chose to keep: its result as JSON and its urgency level, when it was made."""

    __tablename__ = "saved_assessment"
    __table_args__ = (Index(None, "owner_id", "made"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    made: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    level: Mapped[str] = mapped_column(String(LEVEL_LENGTH))
    assessment: Mapped[dict[str, Any]] = mapped_column(JSON)


class DiaryEntry(Base):
    """One day of a person's diary: pain now and at its worst (0–10), spasms, sleep, activity,
    the medicines taken and free-text notes.

    ``spasms`` counts the spasms of the day; ``sleep_hours`` is the night's sleep; ``activity`` is how
    much of a usual day the person managed (0 none, 10 all of it). Each is optional but the pains.
    """

    __tablename__ = "diary_entry"
    __table_args__ = (
        CheckConstraint("pain_now BETWEEN 0 AND 10", name="pain_now_0_to_10"),
        CheckConstraint("pain_worst BETWEEN 0 AND 10", name="pain_worst_0_to_10"),
        CheckConstraint("spasms >= 0", name="spasms_not_negative"),
        CheckConstraint("sleep_hours BETWEEN 0 AND 24", name="sleep_hours_0_to_24"),
        CheckConstraint("activity BETWEEN 0 AND 10", name="activity_0_to_10"),
        Index(None, "owner_id", "day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    pain_now: Mapped[int] = mapped_column(SmallInteger)
    pain_worst: Mapped[int] = mapped_column(SmallInteger)
    spasms: Mapped[int | None] = mapped_column(SmallInteger)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    activity: Mapped[int | None] = mapped_column(SmallInteger)
    medicines: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class KeptScore(Base):
    """A questionnaire's score a person kept in their diary: the day it was filled, which form, the total,
    each subscale's score (STarT Back's distress), the group, and the answers given.

    ``answers`` maps a question's id to the answer as scored (an option's id, ``ticked``, a number);
    a question left blank is absent, so the answers score again to the same result and rebuild the
    FHIR QuestionnaireResponse.
    """

    __tablename__ = "kept_score"
    __table_args__ = (
        CheckConstraint("total >= 0", name="total_not_negative"),
        Index(None, "owner_id", "day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    questionnaire: Mapped[str] = mapped_column(String(QUESTIONNAIRE_LENGTH))
    total: Mapped[int] = mapped_column(SmallInteger)
    subscales: Mapped[dict[str, int]] = mapped_column(JSON)
    band: Mapped[str | None] = mapped_column(String(BAND_LENGTH))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InterviewStateRow(Base):
    """A web interview's sealed state under the SHA-256 of its random key (see lumbar.web.saved_states)."""

    __tablename__ = "interview_state"

    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    token: Mapped[str] = mapped_column(Text)
    made: Mapped[int] = mapped_column(BigInteger, index=True)
