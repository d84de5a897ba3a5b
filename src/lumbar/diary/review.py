"""Re-assessment from the diary: not better by the review day, or worse at any time, becomes a
prompt to book a visit with its reasons drawn from the diary; a warning sign in any note of the
window is triaged with them, so the prompt is never less urgent than the notes.

Better and worse are the pain score's change rule (its minimal important change, questionnaires.yaml):
a smaller change is never called an improvement. The verdict is handed to triage as findings
(diary.yaml ``review``), with the findings known before, so the warning-sign rules set the level.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from lumbar.assessment import LevelReason
from lumbar.assessor import AssessmentEngine
from lumbar.diary.doses import diary_rules
from lumbar.diary.entry import Entry
from lumbar.diary.notes import reread_note
from lumbar.errors import InputError
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level
from lumbar.knowledge.validation.convert import to_schema
from lumbar.questionnaires.change import ScoreChange, compare
from lumbar.questionnaires.scoring import score
from lumbar.schemas import assessment as schema

Verdict = Literal["no_entries", "too_early", "better", "not_better", "worse"]


class Reassessment(BaseModel):
    """Whether to book a visit, why (from the diary), and the level triage gives it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    verdict: Verdict
    prompt: str | None = None
    level: Level | None = None
    reasons: list[str]
    level_reasons: list[schema.LevelReason] = []
    pain_now: ScoreChange | None = None
    pain_worst: ScoreChange | None = None
    note_signs: list[str] = []


def pain_change(before: int, after: int, kb: KnowledgeBase) -> ScoreChange:
    """The change of a 0–10 pain by the review's pain score and its change rule."""
    questionnaire = kb.questionnaires[diary_rules(kb).review.pain_questionnaire]
    item = questionnaire.items[0].id
    return compare(questionnaire, score(questionnaire, {item: before}), score(questionnaire, {item: after}))


def in_window(entries: Iterable[Entry], start: date, today: date) -> list[Entry]:
    """The entries from ``start`` to ``today``, by day (the later of one day's entries last)."""
    return sorted((e for e in entries if start <= e.day <= today), key=lambda e: e.day)


def reassess(
    entries: Sequence[Entry],
    start: date,
    today: date,
    engine: AssessmentEngine,
    earlier_findings: Iterable[str] = (),
) -> Reassessment:
    """Compare the latest entry with the first since ``start`` (the first assessment's day), and triage
    the verdict with the earlier findings and the new warning signs of the notes."""
    kb = engine.kb
    rules = diary_rules(kb)
    wording = rules.wording
    kept = in_window(entries, start, today)
    if not kept:
        return Reassessment(verdict="no_entries", reasons=[wording.no_entries])
    first, last = kept[0], kept[-1]
    now = pain_change(first.pain_now, last.pain_now, kb)
    worst = pain_change(first.pain_worst, last.pain_worst, kb)
    days = (today - start).days
    values = {"first_day": _day(first.day), "last_day": _day(last.day), "days": days}
    reasons: list[str] = []
    found: list[str] = []
    if now.direction == "worse":
        reasons.append(wording.worse_now.format(**values, before=now.before, after=now.after))
    if worst.direction == "worse":
        reasons.append(wording.worse_worst.format(**values, before=worst.before, after=worst.after))
    if reasons:
        verdict: Verdict = "worse"
        found.append(rules.review.worse_finding)
    elif now.direction == "better":
        verdict = "better"
        reasons.append(wording.better.format(**values, before=now.before, after=now.after))
    elif days >= rules.review.after_days:
        verdict = "not_better"
        found.append(rules.review.not_better_finding)
        reasons.append(wording.not_better.format(**values, before=now.before, after=now.after))
    else:
        verdict = "too_early"
        reasons.append(wording.too_early)
    reasons = [" ".join(r.split()) for r in reasons]
    earlier = list(earlier_findings)
    signs = _note_signs(kept, engine, earlier)
    common = {
        "verdict": verdict,
        "reasons": reasons,
        "pain_now": now,
        "pain_worst": worst,
        "note_signs": signs,
    }
    if not found and not signs:
        return Reassessment(**common)
    answers: dict[str, bool | float] = {f: True for f in [*earlier, *signs, *found] if f in kb.findings}
    assessment = engine.assess("", answers)
    level = max(assessment.level, rules.review.prompt_level, key=lambda lv: lv.rank)
    return Reassessment(
        **common,
        prompt=wording.prompt if level == rules.review.prompt_level else kb.levels[level].action,
        level=level,
        level_reasons=to_schema(sorted(assessment.level_reasons, key=lambda r: -_rank(r, kb))),
    )


def _note_signs(entries: list[Entry], engine: AssessmentEngine, earlier: list[str]) -> list[str]:
    """The new warning signs of the notes, in the order written; a note the intake cannot read (not
    English, say) was refused when it was written, so it is passed over here rather than hiding the rest."""
    signs: list[str] = []
    for entry in entries:
        if not entry.notes.strip():
            continue
        try:
            signs += reread_note(entry.notes, engine, earlier).new_signs
        except InputError:
            continue
    return list(dict.fromkeys(signs))


def trend(entries: Sequence[Entry], kb: KnowledgeBase) -> str:
    """The pain's course in words: better or worse only past the minimal important change."""
    wording = diary_rules(kb).wording
    kept = sorted(entries, key=lambda e: e.day)
    if not kept:
        return wording.no_entries
    if len(kept) == 1:
        return wording.trend_one_entry.format(after=kept[0].pain_now)
    change = pain_change(kept[0].pain_now, kept[-1].pain_now, kb)
    template = {
        "better": wording.trend_better,
        "worse": wording.trend_worse,
        "same": wording.trend_same,
    }.get(change.direction, wording.trend_no_real_change)
    return " ".join(template.format(before=change.before, after=change.after).split())


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def _rank(reason: LevelReason, kb: KnowledgeBase) -> int:
    rule = kb.rules.get(reason.rule or "")
    return rule.level.rank if rule else 0
