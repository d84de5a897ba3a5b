"""CSV exports: any list of dated records (diary rows, scores) as a table a spreadsheet opens."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from lumbar.export.records import DatedScore

#: the columns of the scores table, in order
SCORE_COLUMNS = ("date", "questionnaire", "measure", "score", "lowest", "highest", "group")


def records_csv(records: Sequence[Mapping[str, object]], columns: Sequence[str] | None = None) -> str:
    """``records`` as CSV text with a header row; ``columns`` default to the keys in order of first use.

    Generic over any dated records (a diary's rows plug in as they are); a missing value is blank.
    """
    header = list(columns) if columns is not None else list(dict.fromkeys(k for r in records for k in r))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: _cell(record.get(key)) for key in header})
    return out.getvalue()


def score_records(scores: Sequence[DatedScore]) -> list[dict[str, object]]:
    """One row per score: the total and each subscale, oldest first, with the group on the total."""
    rows: list[dict[str, object]] = []
    for dated in sorted(scores, key=lambda d: d.when):
        score = dated.score
        common = {"date": dated.when, "questionnaire": score.name}
        rows.append(
            {
                **common,
                "measure": "total",
                "score": score.total,
                "lowest": score.lowest,
                "highest": score.highest,
                "group": score.band_name or "",
            }
        )
        rows += [
            {
                **common,
                "measure": part.name,
                "score": part.score,
                "lowest": part.lowest,
                "highest": part.highest,
                "group": "",
            }
            for part in score.subscales
        ]
    return rows


def scores_csv(scores: Sequence[DatedScore]) -> str:
    """The scores as CSV (see :func:`score_records`)."""
    return records_csv(score_records(scores), SCORE_COLUMNS)


def _cell(value: object) -> object:
    return "" if value is None else value.isoformat() if hasattr(value, "isoformat") else value
