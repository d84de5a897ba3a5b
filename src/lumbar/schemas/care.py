"""The schema of a personal care plan, its safety-net and the patient pages.

The one definition: :mod:`lumbar.care.models` is generated from it (see :mod:`lumbar.schemas`)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lumbar.knowledge.terms import EvidenceGrade, Level, RecommendationStrength
from lumbar.result_terms import HOME_SECTIONS as HOME_SECTIONS
from lumbar.result_terms import PHASE_SECTION as PHASE_SECTION
from lumbar.result_terms import SECTION_ORDER as SECTION_ORDER
from lumbar.result_terms import SectionId


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlanItem(_Model):
    """One thing to do (or to know about), with why, how, limits and its sources."""

    id: str
    title: str
    text: str
    why: str
    sources: list[str] = Field(min_length=1, description='citations, "source_id" or "source_id#locator"')
    evidence_grade: EvidenceGrade | None = None
    recommendation: RecommendationStrength | None = None
    how: list[str] = Field(default_factory=list)
    duration: str | None = None
    frequency: str | None = None
    dose_limits: str | None = None
    stop_if: list[str] = Field(default_factory=list)
    cautions: list[str] = Field(default_factory=list, description="check-first notes for this person")
    notes: list[str] = Field(
        default_factory=list, description="where sources disagree and what lumbar follows"
    )

    @property
    def source_ids(self) -> list[str]:
        """The distinct source ids cited, without locators."""
        return list(dict.fromkeys(s.partition("#")[0] for s in self.sources))


class PlanSection(_Model):
    """A block of the plan: a time window, what a doctor may offer, or what guidelines advise against."""

    id: SectionId
    title: str
    items: list[PlanItem]
    more: list[str] = Field(default_factory=list, description="names of other options left out for space")


class LeftOut(_Model):
    """A treatment taken out of this person's plan, and why."""

    id: str
    title: str
    reason: str
    findings: list[str]


class UrgentMessage(_Model):
    """What to do now, for plans at the 24-hour and emergency levels."""

    level: Level
    headline: str
    actions: list[str] = Field(min_length=1)
    rules: list[str] = Field(
        default_factory=list, description="the rule behind each action, in the same order"
    )
    reasons: list[str] = Field(default_factory=list)
    not_back_problem: bool = False
    sources: list[str] = Field(default_factory=list)


class SafetySign(_Model):
    """A sign (or combination) that would fire a warning-sign rule, and what to do then."""

    text: str
    action: str
    #: what to do beyond what the group's heading says ("" when the heading says it all)
    then: str = ""
    level: Level
    rule: str
    findings: list[str]
    personal: bool = False
    because: list[str] = Field(default_factory=list, description="names of the person's findings that matter")
    sources: list[str] = Field(default_factory=list)


class SignGroup(_Model):
    level: Level
    heading: str
    signs: list[SafetySign] = Field(min_length=1)


class SafetyNet(_Model):
    """When to escalate: signs grouped by urgency, and when to book a visit if not better."""

    #: empty only at the ambulance level, when every ambulance sign within reach is already there
    groups: list[SignGroup] = Field(default_factory=list)
    #: what to do when there is no sign left to list (see ``groups``)
    note: str | None = None
    review: PlanItem | None = None
    review_by: date | None = None


class CarePlan(_Model):
    """A personal plan: urgent actions first when needed, then sections, what was left out, the safety-net."""

    level: Level
    created: date
    headline: str
    urgent: UrgentMessage | None = None
    level_reasons: list[str] = Field(default_factory=list)
    causes: list[str] = Field(
        default_factory=list, description="names of the likely causes, most likely first"
    )
    sections: list[PlanSection]
    left_out: list[LeftOut] = Field(default_factory=list)
    safety_net: SafetyNet
    sources: dict[str, str] = Field(default_factory=dict, description="source id -> title")
    disclaimer: str
    basis: str = Field(
        "", description="which information the plan used: the description alone, or with answers"
    )

    @property
    def home_plan_first(self) -> bool:
        """True when the plan opens with home care rather than an urgent action."""
        return self.urgent is None

    def items(self) -> list[PlanItem]:
        """Every item in section order (the safety-net's review item last)."""
        found = [item for section in self.sections for item in section.items]
        if self.safety_net.review is not None:
            found.append(self.safety_net.review)
        return found

    def section(self, section_id: SectionId) -> PlanSection | None:
        """The section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)


class PageSection(_Model):
    heading: str
    paragraphs: list[str] = Field(default_factory=list)
    bullets: list[str] = Field(default_factory=list)


class PatientPage(_Model):
    """A plain-words page about one cause, specialist, test or treatment."""

    id: str
    kind: Literal["cause", "specialist", "test", "treatment"]
    title: str
    sections: list[PageSection]
    sources: dict[str, str] = Field(default_factory=dict, description="citation -> source title")
