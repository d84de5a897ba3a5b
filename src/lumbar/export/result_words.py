"""A result's parts in plain words, for a page or a file alike: likely causes with the findings for and
against them by name, what the person told (with its unit), and the level's title said once in full.

Nothing here is a clinical fact: names and units come from the knowledge base, through :class:`Names`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from lumbar.plain_words import chance, quantity, sentence_key, sentences

if TYPE_CHECKING:
    from lumbar.assessment import FoundFinding, RankedCause
    from lumbar.care.models import CarePlan
    from lumbar.knowledge.loader import KnowledgeBase
    from lumbar.knowledge.schema import UrgencyLevel

SHOWN_CAUSES = 5
#: how a finding the person does not have is marked among the points for and against a cause
ABSENT_MARK = "you do not have this"


class Names(Protocol):
    """Where plain names come from: the knowledge base, and a finding's name and unit."""

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base."""
        ...

    def finding_name(self, finding_id: str) -> str:
        """The plain name of a finding id."""
        ...

    def finding_unit(self, finding_id: str) -> str | None:
        """The unit a numeric finding is measured in, if any."""
        ...


@dataclass(frozen=True)
class KnowledgeNames:
    """:class:`Names` read straight from a knowledge base."""

    kb: KnowledgeBase

    def finding_name(self, finding_id: str) -> str:
        """The plain name of a finding id (the id in words when the knowledge base has no such finding)."""
        finding = self.kb.findings.get(finding_id)
        return finding.name if finding is not None else finding_id.replace("_", " ")

    def finding_unit(self, finding_id: str) -> str | None:
        """The unit a numeric finding is measured in ("years", "°C", "/10"), if any."""
        finding = self.kb.findings.get(finding_id)
        return finding.unit if finding is not None else None


@dataclass(frozen=True)
class CauseView:
    """A likely cause with the findings for and against it by their plain names."""

    id: str
    name: str
    chance: str  # "about 87 in 100"
    explanation: str
    points_for: list[str]
    points_against: list[str]
    sources: list[str]


def point(finding_id: str, absent: set[str], names: Names) -> str:
    """A finding that counts for or against a cause, by name; one the person does not have says so."""
    name = names.finding_name(finding_id)
    return f"{name} — {ABSENT_MARK}" if finding_id in absent else name


def cause_view(cause: RankedCause, absent: set[str], names: Names) -> CauseView:
    """A ranked cause in words: its chance, and the findings for and against it by name."""
    return CauseView(
        id=cause.id,
        name=cause.name,
        chance=chance(cause.probability),
        explanation=cause.explanation,
        points_for=[point(f, absent, names) for f in cause.for_],
        points_against=[point(f, absent, names) for f in cause.against],
        sources=cause.sources,
    )


def told(finding: FoundFinding, names: Names) -> str:
    """A finding the person reported, by name, with its number when it has one ("Age: 35 years")."""
    name = names.finding_name(finding.id)
    if isinstance(finding.value, float | int):
        unit = names.finding_unit(finding.id)
        return f"{name}: {quantity(float(finding.value), unit)}"
    return name


def page_title(plan: CarePlan, wording: UrgencyLevel) -> str:
    """The level's title, or the first urgent sentence that says the same and more ("See a doctor
    within 24 hours (urgent GP or NHS 111)"), so the action is said once, in full."""
    title = sentence_key(wording.title)
    if plan.urgent is not None:
        for action in plan.urgent.actions:
            for sentence in sentences(action):
                key = sentence_key(sentence)
                if key.startswith(title) and key != title:
                    return sentence.rstrip(".")
    return wording.title
