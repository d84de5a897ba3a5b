"""`lumbar export`: a FHIR R4B Bundle (answers, scores, urgency, plan) or a CSV of the scores."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, time
from pathlib import Path

from lumbar.cli.summary import add_common, interview_of
from lumbar.export.fhir import fhir_bundle, fhir_json
from lumbar.export.table import scores_csv

FORMATS = ("fhir", "csv")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Export for a clinic's system: a FHIR R4B Bundle (QuestionnaireResponses, LOINC-coded score "
        "Observations, a RiskAssessment for how urgent it looks, a CarePlan), or the scores as CSV."
    )
    add_common(parser)
    parser.add_argument("--format", choices=FORMATS, default="fhir", help="FHIR JSON or CSV")
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    given = interview_of(args)
    if args.format == "csv":
        text = scores_csv(given.scores)
    else:
        when = datetime.now(UTC) if args.date is None else datetime.combine(args.date, time(), UTC)
        bundle = fhir_bundle(given.result.assessment, given.plan(), given.scores, given.names.kb, when)
        text = fhir_json(bundle)
    if args.output is None:
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Export written to {args.output}", file=sys.stderr)
    return 0
