"""One partition of inbox rows -> one result record per assessed row, and the rows that could not be.

A record is plain columns (text, lists of text, numbers) so that it is written to Parquet as it is
and read by any tool: the level and what to do, the reasons for the level, the warning signs that
were possibly there, the top causes and the sources.
"""

from __future__ import annotations

from typing import Any

from lumbar.assessment import Screening
from lumbar.assessor import AssessmentEngine
from lumbar.batch.rows import BadRow, InboxRow
from lumbar.errors import LumbarError

TOP_CAUSES = 3
NOT_ASSESSABLE = "could not be assessed"
FAILED = "lumbar failed on it"

#: the result columns, in order (folder.RESULT_SCHEMA gives their Parquet types)
RESULT_COLUMNS = (
    "row",
    "id",
    "received_at",
    "level",
    "action",
    "reasons",
    "possible_warning_signs",
    "top_causes",
    "top_cause_probabilities",
    "sources",
    "summary",
)


def result_record(row: InboxRow, assessment: Screening, action: str) -> dict[str, Any]:
    """The result columns of one assessed row; ``action`` is what to do at its level, in plain words."""
    top = assessment.causes[:TOP_CAUSES]
    return {
        "row": row.number,
        "id": row.id,
        "received_at": row.received_at,
        "level": assessment.level.value,
        "action": action,
        "reasons": [reason.text for reason in assessment.level_reasons],
        "possible_warning_signs": [f.id for f in assessment.findings if f.status == "possible"],
        "top_causes": [cause.id for cause in top],
        "top_cause_probabilities": [cause.probability for cause in top],
        "sources": sorted(assessment.sources),
        "summary": assessment.summary,
    }


def assess_rows(
    engine: AssessmentEngine, rows: tuple[InboxRow, ...]
) -> tuple[list[dict[str, Any]], list[BadRow]]:
    """The records of the rows the engine assessed, and the rows it refused, each with the reason.

    A row the engine refuses (not English, binary…) or fails on is reported and the partition goes
    on: one message must not stop the triage of the others.
    """
    records: list[dict[str, Any]] = []
    bad: list[BadRow] = []
    for row in rows:
        try:
            assessment = engine.screen(row.text)
        except LumbarError as exc:
            bad.append(BadRow(row.number, row.id, NOT_ASSESSABLE, str(exc)))
            continue
        except Exception as exc:  # a defect, reported with its row so it can be reproduced
            bad.append(BadRow(row.number, row.id, FAILED, f"an internal error ({type(exc).__name__}: {exc})"))
            continue
        records.append(result_record(row, assessment, engine.kb.levels[assessment.level].action))
    return records, bad
