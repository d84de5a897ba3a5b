"""What the page templates show, prepared from the engines' results (no clinical facts here).

The templates stay simple: urgency first, findings by their plain names, sources numbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

if TYPE_CHECKING:
    from lumbar.assessment import Assessment, FoundFinding, RankedCause
    from lumbar.care.models import CarePlan
    from lumbar.web.engines import Engines

SHOWN_CAUSES = 5
#: how a finding the person does not have is marked among the points for and against a cause
ABSENT_MARK = "you do not have this"


@dataclass(frozen=True)
class CauseView:
    """A likely cause with the findings for and against it by their plain names."""

    id: str
    name: str
    percent: int
    explanation: str
    points_for: list[str]
    points_against: list[str]
    sources: list[str]


@dataclass(frozen=True)
class ResultView:
    """Everything the result page shows, in the order it shows it."""

    assessment: Assessment
    plan: CarePlan
    level_title: str
    level_class: str
    emergency: bool
    causes: list[CauseView]
    said_yes: list[str]
    said_no: list[str]
    sources: dict[str, tuple[int, str]] = field(default_factory=dict)

    def cite(self, source_ids: list[str]) -> list[tuple[int, str]]:
        """(number, title) of each distinct source id, for the little [n] links."""
        ids = list(dict.fromkeys(s.partition("#")[0] for s in source_ids))
        return sorted(self.sources[s] for s in ids if s in self.sources)


def percent(probability: float) -> int:
    """A probability as a whole percentage, never shown as 0 for a listed cause."""
    return max(1, round(probability * 100))


def point(finding_id: str, absent: set[str], engines: Engines) -> str:
    """A finding that counts for or against a cause, by name; one the person does not have says so."""
    name = engines.finding_name(finding_id)
    return f"{name} — {ABSENT_MARK}" if finding_id in absent else name


def cause_view(cause: RankedCause, absent: set[str], engines: Engines) -> CauseView:
    return CauseView(
        id=cause.id,
        name=cause.name,
        percent=percent(cause.probability),
        explanation=cause.explanation,
        points_for=[point(f, absent, engines) for f in cause.for_],
        points_against=[point(f, absent, engines) for f in cause.against],
        sources=cause.sources,
    )


def number_sources(assessment: Assessment, plan: CarePlan) -> dict[str, tuple[int, str]]:
    """Source id -> (its number on the page, its title with where in it), assessment sources first."""
    titled: dict[str, str] = {}
    for source_id, ref in assessment.sources.items():
        titled[source_id] = f"{ref.title} — {ref.locator}" if ref.locator else ref.title
    for source_id, title in plan.sources.items():
        titled.setdefault(source_id.partition("#")[0], title)
    return {source_id: (number, title) for number, (source_id, title) in enumerate(titled.items(), start=1)}


def quantity(value: float, unit: str | None) -> str:
    """A number with its unit in plain words: "35 years", "1 day", "38.5 °C", "6/10"."""
    if not unit:
        return f"{value:g}"
    if unit.startswith("/"):
        return f"{value:g}{unit}"
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{value:g} {unit}"


def told(finding: FoundFinding, engines: Engines) -> str:
    """A finding the person reported, by name, with its number when it has one ("Age: 35 years")."""
    name = engines.finding_name(finding.id)
    if isinstance(finding.value, float | int):
        unit = engines.finding_unit(finding.id)
        return f"{name}: {quantity(float(finding.value), unit)}"
    return name


def result_view(assessment: Assessment, plan: CarePlan, engines: Engines) -> ResultView:
    """The result page's content for an assessment and its care plan."""
    absent = set(assessment.negated) | {f.id for f in assessment.findings if f.status == "absent"}
    said_yes = [told(f, engines) for f in assessment.findings if f.status in ("present", "possible")]
    said_no = [engines.finding_name(f.id) for f in assessment.findings if f.status == "absent"]
    wording = engines.kb.levels[assessment.level]
    return ResultView(
        assessment=assessment,
        plan=plan,
        level_title=wording.title,
        level_class=wording.css_class,
        emergency=wording.emergency,
        causes=[cause_view(c, absent, engines) for c in assessment.causes[:SHOWN_CAUSES]],
        said_yes=said_yes,
        said_no=said_no,
        sources=number_sources(assessment, plan),
    )


def passage_links(text: str) -> Markup:
    """An answer's text, escaped, with each citation number "[n]" linked to passage n below it."""
    return Markup(
        re.sub(
            r"\[(\d{1,3})\]",
            r'[<a href="#passage-\1"><span class="sr-only">passage </span>\1</a>]',
            str(escape(text)),
        )
    )
