"""lumbar's database: tables (``models``), migrations (``migrate``) and repositories behind one
interface (``repository``), used by the web app and the command line, never by the engines.

An SQLite file in the data folder by default; PostgreSQL when ``LUMBAR_DATABASE_URL`` names one.
"""

from lumbar.store.database import IN_MEMORY, database_url
from lumbar.store.records import AssessmentRecord, DiaryDay, DiaryRecord, PersonRecord, ScoreDay, ScoreRecord
from lumbar.store.repository import Assessments, Diary, InterviewStates, People, Scores
from lumbar.store.store import Store, open_store

__all__ = [
    "IN_MEMORY",
    "AssessmentRecord",
    "Assessments",
    "Diary",
    "DiaryDay",
    "DiaryRecord",
    "InterviewStates",
    "People",
    "PersonRecord",
    "ScoreDay",
    "ScoreRecord",
    "Scores",
    "Store",
    "database_url",
    "open_store",
]
