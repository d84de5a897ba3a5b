"""Everything lumbar keeps about a person, for them to take away: as JSON, and as CSV for a spreadsheet
(the account, saved assessments, the diary's days and the questionnaire scores kept in it)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from lumbar.store import AssessmentRecord, PersonRecord, Store
from lumbar.web.diary.entries import DiaryEntryOut
from lumbar.web.diary.scores import KeptScoreOut

CSV_COLUMNS = (
    "record",
    "id",
    "day",
    "pain_now",
    "pain_worst",
    "spasms",
    "sleep_hours",
    "activity",
    "medicines",
    "notes",
    "level",
    "questionnaire",
    "score",
    "group",
    "written",
)


class AccountOut(BaseModel):
    """A person's account as shown to them (never the password or its hash)."""

    username: str
    created: datetime


class SavedAssessmentOut(BaseModel):
    """An assessment the person saved: when, its urgency level, and the whole result with its plan."""

    id: int
    made: datetime
    level: str
    assessment: dict[str, Any]


class MyData(BaseModel):
    """Every row lumbar keeps about a person."""

    account: AccountOut
    assessments: list[SavedAssessmentOut]
    diary: list[DiaryEntryOut]
    scores: list[KeptScoreOut]


def saved_assessment_out(record: AssessmentRecord) -> SavedAssessmentOut:
    """The API's view of a saved assessment."""
    return SavedAssessmentOut(
        id=record.id, made=record.made, level=record.level, assessment=record.assessment
    )


def my_data(store: Store, person: PersonRecord) -> MyData:
    """Everything kept about ``person``: the account, the saved assessments, the diary and its scores."""
    return MyData(
        account=AccountOut(username=person.username, created=person.created),
        assessments=[saved_assessment_out(record) for record in store.assessments.of(person.id)],
        diary=[DiaryEntryOut.of(record) for record in store.diary.of(person.id)],
        scores=[KeptScoreOut.of(record) for record in store.scores.of(person.id)],
    )


def as_csv(data: MyData) -> str:
    """``data`` as one CSV table: a row per diary entry, then a row per saved assessment (its whole
    result as JSON in the notes column), then a row per kept score (its subscales and answers as JSON in
    the notes column)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for entry in data.diary:
        writer.writerow(
            {
                "record": "diary entry",
                "id": entry.id,
                "day": entry.day.isoformat(),
                "pain_now": entry.pain_now,
                "pain_worst": entry.pain_worst,
                "spasms": "" if entry.spasms is None else entry.spasms,
                "sleep_hours": "" if entry.sleep_hours is None else entry.sleep_hours,
                "activity": "" if entry.activity is None else entry.activity,
                "medicines": "; ".join(entry.medicines),
                "notes": _safe_cell(entry.notes),
                "written": entry.created.isoformat(),
            }
        )
    for saved in data.assessments:
        writer.writerow(
            {
                "record": "saved assessment",
                "id": saved.id,
                "day": saved.made.date().isoformat(),
                "notes": json.dumps(saved.assessment, ensure_ascii=False),
                "level": saved.level,
                "written": saved.made.isoformat(),
            }
        )
    for kept in data.scores:
        details = {"subscales": kept.subscales, "answers": kept.answers}
        writer.writerow(
            {
                "record": "questionnaire score",
                "id": kept.id,
                "day": kept.day.isoformat(),
                "notes": json.dumps(details, ensure_ascii=False),
                "questionnaire": kept.questionnaire,
                "score": kept.total,
                "group": kept.group or "",
                "written": kept.kept.isoformat(),
            }
        )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """``text`` that a spreadsheet will not run as a formula (OWASP's CSV injection advice)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
