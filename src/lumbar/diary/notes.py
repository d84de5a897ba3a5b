"""A diary note read by the intake (the reader of `lumbar assess`) and triaged with what was known
before: a new warning sign gives its level at once, the most urgent reasons first."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from lumbar.assessment import LevelReason
from lumbar.assessor import AssessmentEngine
from lumbar.diary.doses import diary_rules
from lumbar.knowledge.schema import Level
from lumbar.knowledge.validation.convert import to_schema
from lumbar.schemas import assessment as schema


class NoteReading(BaseModel):
    """What a note changes: its level with the earlier findings, and the new warning signs in it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Level
    raised: bool
    new_signs: list[str]
    sign_names: list[str]
    reasons: list[schema.LevelReason]
    text: str

    @property
    def urgent(self) -> bool:
        """The note brings a new warning sign: show its level at once."""
        return bool(self.new_signs)


def reread_note(
    note: str,
    engine: AssessmentEngine,
    earlier_findings: Iterable[str] = (),
    earlier_level: Level | None = None,
) -> NoteReading:
    """Read ``note`` with the findings known before (present ones) and triage them together.

    A warning sign is new when a rule that fired uses it and it was not known before; the reasons
    are those of the rules that use a new sign, most urgent first. Raises InputError for a note the
    intake cannot read (when nothing was known before).
    """
    return _reading(note, engine, frozenset(earlier_findings), earlier_level)


#: notes whose reading is kept: a diary page re-reads every note of the window at each view, and a
#: note's reading depends only on its words, the engine and what was known before
KEPT_READINGS = 4096


@lru_cache(maxsize=KEPT_READINGS)
def _reading(
    note: str, engine: AssessmentEngine, earlier: frozenset[str], earlier_level: Level | None
) -> NoteReading:
    kb = engine.kb
    wording = diary_rules(kb).wording
    answers: dict[str, bool | float] = {f: True for f in earlier if f in kb.findings}
    assessment = engine.assess(note, answers)
    used = {f for reason in assessment.level_reasons for f in reason.findings}
    new = [f.id for f in assessment.findings if f.id in used - earlier and f.status != "absent"]
    new = list(dict.fromkeys(new))
    reasons = [r for r in assessment.level_reasons if set(r.findings) & set(new)]
    reasons.sort(key=lambda r: -_rank(r, engine))
    names = [kb.findings[f].name.lower() if f in kb.findings else f for f in new]
    text = wording.new_signs.format(signs=", ".join(names)) if new else wording.no_new_signs
    return NoteReading(
        level=assessment.level,
        raised=assessment.level.rank > (earlier_level or Level.SELF_CARE).rank,
        new_signs=new,
        sign_names=names,
        reasons=to_schema(reasons),
        text=text,
    )


def _rank(reason: LevelReason, engine: AssessmentEngine) -> int:
    rule = engine.kb.rules.get(reason.rule or "")
    return rule.level.rank if rule else 0
