"""A plan says which information it used: the description alone, or with how many answers."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from lumbar.assessor import assess
from lumbar.care.plan import make_plan
from lumbar.care.render import render_html, render_markdown
from lumbar.interview.engine import default_interviewer
from lumbar.interview.models import Result
from lumbar.knowledge.check import check_knowledge
from lumbar.knowledge.loader import KnowledgeBase, data_root

TEXT = "my lower back went into spasm this morning when I bent to pick up my kid, can barely move"
TODAY = date(2026, 3, 2)


def test_a_plan_from_the_description_alone_says_so_and_where_to_answer(kb: KnowledgeBase) -> None:
    plan = make_plan(assess(TEXT), kb, today=TODAY)
    assert kb.result_basis is not None
    assert plan.basis == kb.result_basis.text_only
    assert "lumbar check" in plan.basis
    assert plan.basis in render_markdown(plan)
    assert plan.basis.replace('"', "&#34;") in render_html(plan)


def test_a_plan_with_answers_counts_them(kb: KnowledgeBase) -> None:
    plan = make_plan(assess(TEXT, {"danger_signs_now": False, "saddle_numbness": False, "age": 35.0}), kb)
    assert "3 questions" in plan.basis
    one = make_plan(assess(TEXT, {"danger_signs_now": False}), kb)
    assert kb.result_basis is not None and one.basis == kb.result_basis.one_answer


def test_an_interview_counts_its_answers_and_one_that_needed_none_says_so(kb: KnowledgeBase) -> None:
    interviewer = default_interviewer()
    reply = interviewer.start(TEXT)
    while not isinstance(reply, Result):
        answer = reply.choices[0].id if reply.choices else "no" if reply.type == "boolean" else 35.0
        reply = interviewer.step(reply.state, answer)
    assert reply.assessment.interviewed and reply.assessment.answered
    plan = make_plan(reply.assessment, kb)
    assert str(len(reply.assessment.answered)) in plan.basis
    assert kb.result_basis is not None
    assert kb.result_basis.sentence(0, interviewed=True) == kb.result_basis.no_questions


@pytest.mark.parametrize(("field", "value"), [("answers", "From {n} answers."), ("one_answer", None)])
def test_the_wording_is_checked(tmp_path: Path, field: str, value: str | None) -> None:
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    path = root / "result_basis.yaml"
    wording = yaml.safe_load(path.read_text(encoding="utf-8"))
    wording[field] = value
    path.write_text(yaml.safe_dump({k: v for k, v in wording.items() if v is not None}), encoding="utf-8")
    found = [str(p) for p in check_knowledge(root).problems]
    assert any(m.startswith("result_basis.yaml") and field in m for m in found), found
