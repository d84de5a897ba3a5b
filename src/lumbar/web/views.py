"""What the page templates show, prepared from the engines' results (no clinical facts here).

The templates stay simple: urgency first, findings by their plain names, sources numbered. A result's
parts in words (causes, what was told, the level's title) come from :mod:`lumbar.export.result_words`,
which the summary for the doctor uses too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from lumbar.care.render import signs_by_action
from lumbar.export.result_words import SHOWN_CAUSES, CauseView, cause_view, page_title, told
from lumbar.plain_words import lower_first, sentence_key, sentences, source_place

if TYPE_CHECKING:
    from lumbar.assessment import Assessment
    from lumbar.care.models import CarePlan, PlanSection, SafetySign, SignGroup
    from lumbar.knowledge.schema import UrgencyLevel
    from lumbar.web.engines import Engines


@dataclass(frozen=True)
class SignLine:
    """Safety-net signs that share one action: one line of the list, then what to do."""

    signs: list[SafetySign]
    then: str
    sources: list[str]


@dataclass(frozen=True)
class NetGroupView:
    """A safety-net group on the page: the lines always shown, and the ones folded behind <details>.

    Shown in full: the signs that matter for this person (their own findings bring them closer)
    and, at an emergency level (ambulance, emergency department), the signs for everyone. The rest,
    in the net because of a group the person is in (age, sex, a medicine the plan starts), are one
    tap away (no script needed); at an emergency level each is still named without a tap.
    """

    heading: str
    shown: list[SignLine]
    folded: list[SignLine]
    #: the folded signs' short names, shown on the fold itself (emergency levels only)
    named: list[str] = field(default_factory=list)

    @property
    def folded_signs(self) -> int:
        """How many signs are folded away."""
        return sum(len(line.signs) for line in self.folded)


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
    emergency_number: str = ""
    #: what to do beyond the title, each sentence said once (the title is not repeated)
    extra_actions: list[str] = field(default_factory=list)
    #: the plan's first section (what to do now), shown open; the later ones fold away
    first_steps: PlanSection | None = None
    later_sections: list[PlanSection] = field(default_factory=list)
    #: the safety-net's groups, most urgent first, with what folds away
    net_groups: list[NetGroupView] = field(default_factory=list)

    def cite(self, source_ids: list[str]) -> list[tuple[int, str]]:
        """(number, title) of each distinct source id, for the little [n] links."""
        ids = list(dict.fromkeys(s.partition("#")[0] for s in source_ids))
        return sorted(self.sources[s] for s in ids if s in self.sources)


def number_sources(assessment: Assessment, plan: CarePlan) -> dict[str, tuple[int, str]]:
    """Source id -> (its number on the page, its title with where in it), assessment sources first."""
    titled: dict[str, str] = {}
    for source_id, ref in assessment.sources.items():
        titled[source_id] = source_place(ref.title, ref.locator)
    for source_id, title in plan.sources.items():
        titled.setdefault(source_id.partition("#")[0], title)
    return {source_id: (number, title) for number, (source_id, title) in enumerate(titled.items(), start=1)}


def extra_actions(plan: CarePlan, wording: UrgencyLevel) -> list[str]:
    """The urgent actions' sentences that do not repeat the level's own title, action or headline,
    nor merely add to the title (see ``page_title``)."""
    if plan.urgent is None:
        return []
    shown = (wording.title, wording.action, wording.headline, plan.urgent.headline, page_title(plan, wording))
    said = {sentence_key(sentence) for sentence in shown}
    out: list[str] = []
    for action in plan.urgent.actions:
        for sentence in sentences(action):
            if sentence_key(sentence) not in said:
                said.add(sentence_key(sentence))
                out.append(sentence)
    return out


def sign_lines(signs: list[SafetySign]) -> list[SignLine]:
    """The signs gathered under each distinct action, in first-seen order (each sign under one)."""
    return [
        SignLine(signs=same, then=same[0].then, sources=[s for sign in same for s in sign.sources])
        for _, same in signs_by_action(signs)
    ]


def net_group(group: SignGroup, engines: Engines) -> NetGroupView:
    """A safety-net group: the person's own signs (and at an emergency level, everyone's) in full,
    the rest folded; at an emergency level the folded ones are named on the fold."""
    emergency = engines.kb.levels[group.level].emergency
    rules = engines.kb.rules

    def in_full(sign: SafetySign) -> bool:
        return sign.personal or (emergency and rules[sign.rule].applies_to == "everyone")

    shown = [sign for sign in group.signs if in_full(sign)]
    others = [sign for sign in group.signs if not in_full(sign)]
    named = list(dict.fromkeys(lower_first(rules[sign.rule].name) for sign in others)) if emergency else []
    return NetGroupView(
        heading=group.heading, shown=sign_lines(shown), folded=sign_lines(others), named=named
    )


def result_view(
    assessment: Assessment, plan: CarePlan, engines: Engines, emergency_number: str = ""
) -> ResultView:
    """The result page's content for an assessment and its care plan."""
    absent = set(assessment.negated) | {f.id for f in assessment.findings if f.status == "absent"}
    said_yes = [told(f, engines) for f in assessment.findings if f.status in ("present", "possible")]
    said_no = [engines.finding_name(f.id) for f in assessment.findings if f.status == "absent"]
    wording = engines.kb.levels[assessment.level]
    return ResultView(
        assessment=assessment,
        plan=plan,
        level_title=page_title(plan, wording),
        level_class=wording.css_class,
        emergency=wording.emergency,
        causes=[cause_view(c, absent, engines) for c in assessment.causes[:SHOWN_CAUSES]],
        said_yes=said_yes,
        said_no=said_no,
        sources=number_sources(assessment, plan),
        emergency_number=emergency_number,
        extra_actions=extra_actions(plan, wording),
        first_steps=plan.sections[0] if plan.sections else None,
        later_sections=plan.sections[1:],
        net_groups=[net_group(group, engines) for group in plan.safety_net.groups],
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
