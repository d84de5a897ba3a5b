"""Issue 10, item 4: a warning sign possibly there but not clearly read.

Policy (rules.yaml, rule_possible_warning_sign): the sign counts as present for every rule, so a sign
that alone calls an emergency department keeps that level; the level is at least "within 24 hours";
the finding is reported as `possible` with its words and its question is asked first.
"""

from __future__ import annotations

from lumbar import Level, assess
from lumbar.interview import engine


def test_a_possible_sign_is_reported_asked_first_and_escalates() -> None:
    assessment = assess("My back hurts and I think I might have a temperature.")
    fever = next(f for f in assessment.findings if f.id == "fever")
    assert (fever.status, fever.evidence) == ("possible", "a temperature")
    # first the danger screen (an ambulance whatever the cause), then the sign that was hinted at
    assert [q.id for q in assessment.next_questions[:2]] == ["danger_signs_now", "fever"]
    assert assessment.level.rank >= Level.CONSULTATION_24.rank
    assert "rule_possible_warning_sign" in {r.rule for r in assessment.level_reasons}


def test_a_possible_sign_that_alone_needs_an_emergency_department_keeps_that_level() -> None:
    assessment = assess("Back ache since Monday, maybe a bit numb down there, not sure.")
    assert assessment.level is Level.EMERGENCY
    assert {f.id: f.status for f in assessment.findings}["saddle_numbness"] == "possible"


def test_the_interview_asks_the_possible_sign_first_and_a_clear_no_settles_it() -> None:
    danger = engine.start("My back hurts and I think I might have a temperature.")
    assert danger.kind == "question" and danger.id == "danger_signs_now"
    first = engine.step(danger.state, "no")
    assert first.kind == "question" and first.id == "fever"
    after = engine.step(first.state, "no")
    assert after.kind == "question"
    assert "rule_possible_warning_sign" not in {
        r.rule
        for r in engine.default_interviewer().engine.assess(after.state.text, {"fever": False}).level_reasons
    }


def test_a_clear_statement_is_not_possible() -> None:
    assessment = assess("My back hurts and I have a temperature of 38.5.")
    assert all(f.status != "possible" for f in assessment.findings)
    assert "rule_possible_warning_sign" not in {r.rule for r in assessment.level_reasons}
