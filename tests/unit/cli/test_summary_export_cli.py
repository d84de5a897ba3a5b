"""`lumbar summary` (HTML or a one-page PDF) and `lumbar export` (FHIR R4B or CSV) from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pypdf
import pytest
from fhir.resources.R4B.bundle import Bundle

from lumbar.cli import main

TEXT = "My lower back has cramped since I lifted a box 2 days ago. I take naproxen."
HIGH = "start_back@2026-11-20=agree,agree,agree,agree,agree,agree,agree,disagree,very_much"
PAIRS = "rmdq@2026-11-20=1=ticked,2=ticked,5=ticked"
FLAGS = ["--text", TEXT, "--answer", "saddle_numbness=no", "--date", "2026-12-06"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_summary_html_shows_the_scores_and_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "summary", *FLAGS, "--score", HIGH, "--score", PAIRS)
    assert status == 0
    assert "Summary for your doctor" in out
    assert "8 out of 9" in out and "high risk" in out and "20 November 2026" in out
    assert "3 out of 24" in out
    assert "Says they take:</strong> naproxen" in out


@pytest.mark.parametrize(("paper", "points"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_summary_pdf_is_one_page_on_each_paper(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, paper: str, points: tuple[int, int]
) -> None:
    target = tmp_path / "summary.pdf"
    status, _, err = run(
        capsys,
        "summary",
        *FLAGS,
        "--score",
        HIGH,
        "--format",
        "pdf",
        "--paper",
        paper,
        "--output",
        str(target),
    )
    assert status == 0 and "Summary written" in err
    pdf = pypdf.PdfReader(target)
    assert len(pdf.pages) == 1
    assert (round(pdf.pages[0].mediabox.width), round(pdf.pages[0].mediabox.height)) == points


def test_a_pdf_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "summary", *FLAGS, "--format", "pdf")
    assert status == 1 and "--output" in err


def test_export_fhir_is_a_valid_bundle_whose_plan_uses_the_group(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", *FLAGS, "--score", HIGH, "--score", "pain_nrs=6")
    assert status == 0
    bundle = json.loads(out)
    Bundle.model_validate(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == 2 and "CarePlan" in kinds
    care_plan = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "CarePlan")
    codes = [a["detail"]["code"]["coding"][0]["code"] for a in care_plan["activity"]]
    assert "psychological_support" in codes


def test_export_csv_lists_the_scores(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", *FLAGS, "--score", "pain_nrs@2026-12-01=6", "--format", "csv")
    assert status == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["date"], row["score"], row["group"]) == ("2026-12-01", "6", "moderate pain")


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("pain_nrs@yesterday=6", "YYYY-MM-DD"),
        ("pain", "ID[@DATE]=ANSWERS"),
        ("oswestry=1", "no questionnaire 'oswestry'"),
        ("pain_nrs=11", "whole number from 0 to 10"),
    ],
)
def test_a_bad_score_says_what_is_wrong(capsys: pytest.CaptureFixture[str], flag: str, message: str) -> None:
    status, _, err = run(capsys, "export", *FLAGS, "--score", flag)
    assert status == 1 and message in err
