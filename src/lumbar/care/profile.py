"""What the care engine knows about the person: present and absent findings, closed over the knowledge base.

The assessment already reports findings, but the plan does not rely on it having derived every
boolean finding: numbers (age, pregnancy weeks, …) are re-checked against each finding's
``derived_from`` threshold and ``implies`` links are followed, so a missing derivation can only
add caution, never remove it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lumbar.assessment import Assessment
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Finding

#: Finding groups that describe who the person is (age, history, medicines), not a new symptom.
BACKGROUND_GROUPS = frozenset({"person", "history", "medication"})


class Profile(Frozen):
    """The person's present and absent finding ids, and their age in years when known."""

    FIELDS: ClassVar[tuple[str, ...]] = ("present", "absent", "age")
    DEFAULTS: ClassVar[dict[str, Any]] = {"age": None}

    present: frozenset[str]
    absent: frozenset[str]
    age: float | None

    def __init__(self, present: frozenset[str], absent: frozenset[str], age: float | None = None) -> None:
        vars(self).update(present=present, absent=absent, age=age)

    def has_any(self, finding_ids: list[str]) -> list[str]:
        """The ids from ``finding_ids`` that are present, in their order."""
        return [f for f in finding_ids if f in self.present]


def _person_findings(person: dict[str, Any], kb: KnowledgeBase) -> set[str]:
    """Person fields whose value names a finding, e.g. ``sex: female`` -> ``female``."""
    return {v for v in person.values() if isinstance(v, str) and v in kb.findings}


def _numbers(assessment: Assessment, person: dict[str, Any]) -> dict[str, float]:
    values: dict[str, float] = {}
    for name, value in person.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = float(value)
    for found in assessment.findings:
        if found.status != "absent" and isinstance(found.value, int | float):
            values[found.id] = float(found.value)
    return values


def profile_of(assessment: Assessment, kb: KnowledgeBase) -> Profile:
    """Present findings plus those derived from numbers and implied by others; absent ones as reported."""
    person = as_data(assessment.person)
    present = set(assessment.present) | _person_findings(person, kb)
    numbers = _numbers(assessment, person)
    for finding in _derived(kb):
        threshold = finding.derived_from
        if (
            threshold is not None
            and threshold.finding in numbers
            and threshold.holds(numbers[threshold.finding])
        ):
            present.add(finding.id)
    grew = True
    while grew:
        implied = {i for f in present if f in kb.findings for i in kb.findings[f].implies}
        grew = not implied <= present
        present |= implied
    absent = {f.id for f in assessment.findings if f.status == "absent"} - present
    return Profile(frozenset(present), frozenset(absent), numbers.get("age"))


@per_knowledge_base
def background_ids(kb: KnowledgeBase) -> frozenset[str]:
    """Findings that describe the person (age, history, medicines, being pregnant) rather than a new symptom.

    Background is: a finding in a background group; a number or a status that is only asked
    about because of other background findings (pregnancy weeks; being pregnant, asked of women);
    or a finding derived from a background number (20 or more weeks pregnant). Outside the
    background groups, warning signs are never background. A background finding cannot newly
    appear, so the safety-net does not list it as a sign to watch for.
    """
    gates = {g for f in kb.findings.values() for g in [*f.ask_when, *f.ask_unless]}
    known: dict[str, bool] = {}

    def check(finding_id: str, seen: frozenset[str]) -> bool:
        if finding_id in known:
            return known[finding_id]
        finding = kb.findings.get(finding_id)
        if finding is None or finding_id in seen:
            return False
        seen = seen | {finding_id}
        result = finding.group in BACKGROUND_GROUPS
        if not result and not finding.warning_sign and finding.derived_from is not None:
            result = check(finding.derived_from.finding, seen)
        asked_because = [*finding.ask_when, *finding.ask_unless]
        gated = finding.ask_when and (finding_id in gates or finding.type != "boolean")
        if not result and not finding.warning_sign and gated:
            result = all(check(g, seen) for g in asked_because)
        known[finding_id] = result
        return result

    return frozenset(f for f in kb.findings if check(f, frozenset()))


def relevant_unknowns(profile: Profile, kb: KnowledgeBase, background: frozenset[str]) -> frozenset[str]:
    """Background findings not yet known whose questions would be asked of this person (e.g. pregnancy)."""
    found: set[str] = set()
    for finding in _asked_of_some(kb):
        if finding.id in profile.present or finding.id in profile.absent or finding.id not in background:
            continue
        gate_open = not finding.ask_when or profile.has_any(finding.ask_when)
        if gate_open and not profile.has_any(finding.ask_unless):
            found.add(finding.id)
    return frozenset(found)


@per_knowledge_base
def _derived(kb: KnowledgeBase) -> list[Finding]:
    """The findings derived from a number, in file order."""
    return [f for f in kb.findings.values() if f.derived_from is not None]


@per_knowledge_base
def _asked_of_some(kb: KnowledgeBase) -> list[Finding]:
    """Gated questions (asked because of something known) and questions about the person themself
    (being pregnant, asked of anyone who could be): the findings that can be relevant unknowns."""
    return [f for f in kb.findings.values() if f.ask_when or (f.group == "person" and f.question is not None)]


def finding_name(finding_id: str, kb: KnowledgeBase) -> str:
    """The plain name of a finding, with its threshold when it derives from a number."""
    finding = kb.findings.get(finding_id)
    if finding is None:
        return finding_id.replace("_", " ")
    return finding.name
