"""The store: lumbar's database behind its repositories, opened from a URL or the settings.

``open_store()`` brings the database up to the newest migration first, so ``lumbar serve`` needs
nothing set up beforehand; the default is an SQLite file in the data folder.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.engine import URL
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from lumbar.settings import Settings, read_settings
from lumbar.store.database import WRITING, database_url, make_engine
from lumbar.store.migrate import upgrade
from lumbar.store.repository import Assessments, Diary, InterviewStates, People, Scores
from lumbar.store.sql import Sessions, SqlAssessments, SqlDiary, SqlInterviewStates, SqlPeople, SqlScores


class Store:
    """lumbar's database: ``people``, ``assessments``, ``diary``, ``scores`` and ``interview_states``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        sessions = Sessions(
            reading=sessionmaker(engine, expire_on_commit=False),
            writing=sessionmaker(engine.execution_options(**{WRITING: True}), expire_on_commit=False),
            one_at_a_time=isinstance(engine.pool, StaticPool),
        )
        self.people: People = SqlPeople(sessions)
        self.assessments: Assessments = SqlAssessments(sessions)
        self.diary: Diary = SqlDiary(sessions)
        self.scores: Scores = SqlScores(sessions)
        self.interview_states: InterviewStates = SqlInterviewStates(sessions)

    def close(self) -> None:
        """Close the database's connections."""
        self.engine.dispose()


def open_store(url: str | URL | None = None, settings: Settings | None = None) -> Store:
    """The store at ``url`` (default: the settings' database, see ``database_url``), migrated to the newest
    revision. ``sqlite://`` keeps everything in this process's memory.

    Raises SettingsError for a URL that is not SQLite or PostgreSQL.
    """
    engine = make_engine(url if url is not None else database_url(settings or read_settings()))
    upgrade(engine)
    return Store(engine)
