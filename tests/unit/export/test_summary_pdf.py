"""The summary for the doctor as a file: a page of its own (no site menu or footer) with its stylesheet
inside, printed to a PDF offline."""

from __future__ import annotations

import io
from datetime import date

import pypdf

from lumbar.assessor import default_engine
from lumbar.care.plan import make_plan
from lumbar.export.result_words import KnowledgeNames
from lumbar.export.summary import doctor_summary
from lumbar.export.summary_pdf import summary_html, summary_pdf
from lumbar.interview.models import InterviewState, Result

TEXT = "My lower back cramps when I bend, since yesterday. No numbness, no fever."


def a_summary() -> str:
    engine = default_engine()
    assessment = engine.assess(TEXT)
    result = Result(
        assessment=assessment, questions_asked=0, stopped_because="a test", state=InterviewState(text=TEXT)
    )
    plan = make_plan(assessment, engine.kb, today=date(2026, 3, 2))
    return summary_html(doctor_summary(result, plan, KnowledgeNames(engine.kb)))


def test_the_file_is_the_summary_alone_with_its_stylesheet_inside() -> None:
    html = a_summary()
    assert "<h1>Summary for your doctor</h1>" in html and TEXT in html
    assert "<nav" not in html and "<footer" not in html and 'href="/static' not in html
    assert "<style>" in html and ".doctor-summary" in html


def test_the_file_prints_to_a_pdf_offline() -> None:
    pdf = pypdf.PdfReader(io.BytesIO(summary_pdf(a_summary(), "a4")))
    assert len(pdf.pages) == 1 and "Summary for your doctor" in pdf.pages[0].extract_text()
