"""The personal care plan: urgent action first when needed, then self-care by time window, and a safety-net.

Selection rules (the clinical content is all in the knowledge base):

* A treatment whose ``contraindications`` meet the person's findings is left out, with the reason.
* ``recommended`` items are always in their section; ``option`` items are added, those listed in a
  likely cause's ``care`` first, until a section holds :data:`SECTION_SIZE` items; the rest are named
  under "more". ``procedure`` items, and options that only person-specific causes (with
  ``requires``) list, are shown only when such a cause applies.
* ``not_recommended`` items go under "What NICE advises against".
* At the 24-hour and emergency levels the plan opens with what to do now (the fired rules'
  actions) and offers only the ``now`` comfort measures while waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from lumbar.assessment import Assessment, RankedCause
from lumbar.assessment import Recommendation as AdviceItem
from lumbar.care import wording
from lumbar.care.items import names, prevention_item, treatment_item
from lumbar.care.medicines import medicine_items
from lumbar.care.models import (
    PHASE_SECTION,
    SECTION_ORDER,
    CarePlan,
    LeftOut,
    PlanItem,
    PlanSection,
    SectionId,
    UrgentMessage,
)
from lumbar.care.profile import Profile, background_ids, profile_of
from lumbar.care.safety_net import EARLY_REVIEW_ITEM, REVIEW_ITEM, build_safety_net, review_line
from lumbar.care.stratified import stratify
from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.questionnaires import Band
from lumbar.knowledge.schema import EvidenceGrade, Level, RecommendationStrength, Treatment, WarningSignRule

if TYPE_CHECKING:  # imported by make_plan, which dates the plan; an assessment's advice has no date
    from datetime import date

#: Items per home-care section before further options are only named.
SECTION_SIZE = 5
#: How many of the ranked causes shape the plan.
TOP_CAUSES = 3
#: Levels at which the plan opens with what to do now.
URGENT_LEVELS = frozenset({Level.CONSULTATION_24, Level.EMERGENCY, Level.EMERGENCY_AMBULANCE})
#: sections whose items the person does not start on their own (a doctor offers them, or NICE advises against)
NOT_STARTED = frozenset({"doctor", "advised_against"})
_GRADE_ORDER = list(EvidenceGrade)
#: home plans kept per knowledge base, one per set of findings that change a plan and of causes that
#: shape it (the 3,116 labelled texts need 233)
KEPT_HOME_PLANS = 1024


def make_plan(
    assessment: Assessment, kb: KnowledgeBase, today: date | None = None, risk_group: Band | None = None
) -> CarePlan:
    """A personal care plan for ``assessment``; ``today`` fixes the clock (defaults to the real date).

    ``risk_group``: the person's STarT Back group (a band of questionnaires.yaml), which brings its
    care forward in a home plan (NICE NG59 1.1.3); an urgent plan is left as it is.
    """
    # here, not at the top: datetime costs a one-shot assessment, whose advice has no date, 5 M instructions
    from datetime import date  # noqa: PLC0415

    today = today or date.today()
    steps = _steps(assessment, kb, risk_group)
    safety_net = build_safety_net(
        assessment.level, kb, steps.profile, steps.background, today, _starting(steps.sections, kb)
    )
    plan = CarePlan(
        level=assessment.level,
        created=today,
        headline=kb.levels[assessment.level].headline,
        urgent=steps.urgent,
        level_reasons=[r.text for r in assessment.level_reasons],
        causes=[c.name for c in assessment.causes[:TOP_CAUSES]],
        sections=steps.sections,
        left_out=steps.left_out,
        safety_net=safety_net,
        disclaimer=assessment.disclaimer,
        basis=_basis(assessment, kb),
    )
    return plan.replace(sources=_source_titles(plan, kb))


def plan_advice(assessment: Assessment, kb: KnowledgeBase) -> list[AdviceItem]:
    """``advice_items(make_plan(assessment, kb))`` without writing out the safety-net's signs or dating the
    review, which the advice list does not carry (an assessment needs only this)."""
    steps = _steps(assessment, kb, None)
    review = review_line(assessment.level, kb, steps.profile, steps.background)
    return _advice(steps.urgent, steps.sections, review, assessment.level)


class _Steps(Frozen):
    """What the plan asks the person to do, before its safety-net: for whom, now, and at home."""

    FIELDS: ClassVar[tuple[str, ...]] = ("profile", "background", "urgent", "sections", "left_out")

    profile: Profile
    background: frozenset[str]
    urgent: UrgentMessage | None
    sections: list[PlanSection]
    left_out: list[LeftOut]

    def __init__(
        self,
        profile: Profile,
        background: frozenset[str],
        urgent: UrgentMessage | None,
        sections: list[PlanSection],
        left_out: list[LeftOut],
    ) -> None:
        vars(self).update(
            profile=profile, background=background, urgent=urgent, sections=sections, left_out=left_out
        )


def _steps(assessment: Assessment, kb: KnowledgeBase, risk_group: Band | None) -> _Steps:
    """The urgent message and the plan's sections for ``assessment`` (see :func:`make_plan`)."""
    profile = profile_of(assessment, kb)
    suited = _suited(list(assessment.causes[:TOP_CAUSES]), kb, profile)
    urgent = _urgent(assessment, kb) if assessment.level in URGENT_LEVELS else None
    if urgent is not None:
        # the back's comfort measures only while waiting for help with the back; for a problem outside
        # it (a bleeding stomach, an aneurysm) the deciding rule's own action says what to do meanwhile
        deciding = _deciding(_fired(assessment, kb), assessment.level)
        back = assessment.fits_back_problem and not (deciding and all(r.outside_back for r in deciding))
        sections, left_out = _wait_sections(kb, profile) if back else ([], [])
    else:
        sections, left_out = _home_sections(kb, profile, suited)
        # while waiting for urgent help only comfort measures are offered; a doctor reviews medicines
        if risk_group is not None:
            sections = stratify(sections, left_out, risk_group, kb, profile)
        sections = _first_taking(sections, medicine_items(assessment, kb, profile.present))
    return _Steps(profile, background_ids(kb), urgent, sections, left_out)


def _first_taking(sections: list[PlanSection], taking: list[PlanItem]) -> list[PlanSection]:
    """The medicines the person already takes open the first section: what to do with them comes first."""
    if not taking:
        return sections
    if not sections:
        return [PlanSection(id="today", title=wording.SECTION_TITLES["today"], items=taking)]
    first = sections[0]
    return [first.replace(items=[*taking, *first.items]), *sections[1:]]


def _starting(sections: list[PlanSection], kb: KnowledgeBase) -> frozenset[str]:
    """What the person will have by following the plan's own steps (``counts_as`` in treatments.yaml)."""
    return frozenset(
        finding
        for section in sections
        if section.id not in NOT_STARTED
        for item in section.items
        if item.id in kb.treatments
        for finding in kb.treatments[item.id].counts_as
    )


def _basis(assessment: Assessment, kb: KnowledgeBase) -> str:
    """Which information the plan used: the description alone, or with how many answers."""
    wording = kb.result_basis
    return wording.sentence(len(assessment.answered), assessment.interviewed) if wording else ""


def _suited(top: list[RankedCause], kb: KnowledgeBase, profile: Profile) -> dict[str, list[str]]:
    """Treatment id -> names of the causes whose ``care`` lists it: the top causes, and any cause
    that only applies to people like this one (its ``requires`` are all present, e.g. pregnancy)."""
    shaping = [(c.id, c.name) for c in top if c.id in kb.causes]
    shaping += [
        (c.id, c.name)
        for c in kb.causes.values()
        if c.requires and set(c.requires) <= profile.present and c.id not in {s[0] for s in shaping}
    ]
    suited: dict[str, list[str]] = {}
    for cause_id, name in shaping:
        for treatment_id in kb.causes[cause_id].care:
            suited.setdefault(treatment_id, []).append(name)
    return suited


def _fired(assessment: Assessment, kb: KnowledgeBase) -> list[WarningSignRule]:
    """The warning-sign rules that fired for ``assessment``."""
    return [kb.rules[r.rule] for r in assessment.level_reasons if r.rule and r.rule in kb.rules]


def _deciding(fired: list[WarningSignRule], level: Level) -> list[WarningSignRule]:
    """The fired rules that set ``level`` (all the fired ones when none is at it)."""
    return [rule for rule in fired if rule.level == level] or fired


def _urgent(assessment: Assessment, kb: KnowledgeBase) -> UrgentMessage:
    """What to do now: the actions of the most urgent rules that fired, with their reasons."""
    fired = _fired(assessment, kb)
    top = _deciding(fired, assessment.level)
    first_rule = {rule.action: rule.id for rule in reversed(top)}
    actions = list(dict.fromkeys(rule.action for rule in top))
    sources = [str(c) for rule in top for c in rule.sources]
    sources += [s for r in assessment.level_reasons for s in r.sources]
    return UrgentMessage(
        level=assessment.level,
        headline=kb.levels[assessment.level].headline,
        actions=actions or [kb.levels[assessment.level].headline],
        rules=[first_rule[action] for action in actions],
        reasons=list(dict.fromkeys(r.text for r in assessment.level_reasons)),
        not_back_problem=not assessment.fits_back_problem or any(rule.outside_back for rule in fired),
        sources=list(dict.fromkeys(sources)),
    )


@per_knowledge_base
def _usable(kb: KnowledgeBase) -> list[Treatment]:
    return [t for t in kb.treatments.values() if t.id not in {REVIEW_ITEM, EARLY_REVIEW_ITEM}]


@per_knowledge_base
def _home_candidates(kb: KnowledgeBase) -> list[tuple[Treatment, SectionId, bool]]:
    """Each treatment a home plan can hold, in file order, with its section and whether it is shown
    only when a likely cause lists it (a procedure, or an option for some people only)."""
    specific = _specific(kb)
    out: list[tuple[Treatment, SectionId, bool]] = []
    for treatment in _usable(kb):
        if treatment.recommendation is RecommendationStrength.NOT_RECOMMENDED:
            out.append((treatment, "advised_against", False))
            continue
        optional = treatment.recommendation is not RecommendationStrength.RECOMMENDED
        only_if_suited = treatment.kind == "procedure" or (optional and treatment.id in specific)
        if treatment.phase:
            out.append((treatment, PHASE_SECTION[treatment.phase[0]], only_if_suited))
    return out


@per_knowledge_base
def _prevention_items(kb: KnowledgeBase) -> list[PlanItem]:
    """The prevention tips as plan items: the same for everyone."""
    return [i for tip in kb.prevention.values() if (i := prevention_item(tip, wording.PREVENTION_WHY))]


def _ruled_out(treatment: Treatment, profile: Profile, kb: KnowledgeBase) -> LeftOut | None:
    hits = profile.has_any(treatment.contraindications)
    if not hits:
        return None
    reason = wording.LEFT_OUT.format(names=names(hits, kb))
    return LeftOut(id=treatment.id, title=treatment.name, reason=reason, findings=hits)


def _wait_sections(kb: KnowledgeBase, profile: Profile) -> tuple[list[PlanSection], list[LeftOut]]:
    """Only the comfort measures safe while waiting for help (phase ``now``)."""
    items: list[PlanItem] = []
    left_out: list[LeftOut] = []
    for treatment in _usable(kb):
        if "now" not in treatment.phase or treatment.recommendation is RecommendationStrength.NOT_RECOMMENDED:
            continue
        ruled_out = _ruled_out(treatment, profile, kb)
        item = None if ruled_out else treatment_item(treatment, kb, profile)
        if ruled_out:
            left_out.append(ruled_out)
        elif item is not None:
            items.append(item)
    title = wording.SECTION_TITLES["while_you_wait"]
    return [PlanSection(id="while_you_wait", title=title, items=items)], left_out


def _home_sections(
    kb: KnowledgeBase, profile: Profile, suited: dict[str, list[str]]
) -> tuple[list[PlanSection], list[LeftOut]]:
    """Self-care by time window, what a doctor may offer, and what guidelines advise against.

    They depend only on which findings a treatment names (to leave it out, caution, or say more) the
    person has, and on the causes each treatment suits: worked out once per such pair.
    """
    has = profile.present & _named_by_treatments(kb)
    sections, left_out = _kept_home_sections(kb)(has, tuple((t, tuple(c)) for t, c in suited.items()))
    return list(sections), list(left_out)


@per_knowledge_base
def _named_by_treatments(kb: KnowledgeBase) -> frozenset[str]:
    """Every finding a usable treatment names: contraindications, cautions and sentences said if."""
    return frozenset(
        finding
        for treatment in _usable(kb)
        for finding in [
            *treatment.contraindications,
            *treatment.cautions,
            *(f for sentence in treatment.text_if for f in sentence.findings),
        ]
    )


@per_knowledge_base
def _kept_home_sections(
    kb: KnowledgeBase,
) -> Callable[
    [frozenset[str], tuple[tuple[str, tuple[str, ...]], ...]], tuple[list[PlanSection], list[LeftOut]]
]:
    """:func:`_built_home_sections` for the findings a treatment names that the person has and the
    causes each treatment suits, each pair worked out once (kept: :data:`KEPT_HOME_PLANS`)."""

    @lru_cache(maxsize=KEPT_HOME_PLANS)
    def sections(
        has: frozenset[str], suited: tuple[tuple[str, tuple[str, ...]], ...]
    ) -> tuple[list[PlanSection], list[LeftOut]]:
        return _built_home_sections(kb, Profile(has, frozenset()), {t: list(c) for t, c in suited})

    return sections


def _built_home_sections(
    kb: KnowledgeBase, profile: Profile, suited: dict[str, list[str]]
) -> tuple[list[PlanSection], list[LeftOut]]:
    """:func:`_home_sections`, worked out."""
    candidates: dict[SectionId, list[Treatment]] = {}
    left_out: list[LeftOut] = []
    specific = _specific(kb)
    for treatment, section_id, only_if_suited in _home_candidates(kb):
        if section_id != "advised_against":
            if only_if_suited and treatment.id not in suited:
                continue
            ruled_out = _ruled_out(treatment, profile, kb)
            if ruled_out:
                left_out.append(ruled_out)
                continue
        candidates.setdefault(section_id, []).append(treatment)

    sections = []
    for section_id in SECTION_ORDER:
        ranked = sorted(candidates.get(section_id, []), key=lambda t: _rank(t, suited, specific))
        items = [i for t in ranked if (i := treatment_item(t, kb, profile, suited.get(t.id))) is not None]
        if section_id == "long_term":
            items += _prevention_items(kb)
        keep, more = _fit(items, limit=None if section_id == "advised_against" else SECTION_SIZE)
        if keep:
            sections.append(
                PlanSection(id=section_id, title=wording.SECTION_TITLES[section_id], items=keep, more=more)
            )
    return sections, left_out


@per_knowledge_base
def _specific(kb: KnowledgeBase) -> frozenset[str]:
    """Treatments that only causes with ``requires`` list (e.g. back care in pregnancy): for those people only."""
    general = {t for c in kb.causes.values() if not c.requires for t in c.care}
    return frozenset({t for c in kb.causes.values() if c.requires for t in c.care} - general)


def _rank(
    treatment: Treatment, suited: dict[str, list[str]], specific: frozenset[str]
) -> tuple[int, int, int, int]:
    """Care meant for people like this one first (e.g. in pregnancy), then recommended care, then options
    a likely cause lists, then by strength of evidence."""
    recommended = treatment.recommendation is RecommendationStrength.RECOMMENDED
    return (
        0 if treatment.id in specific and treatment.id in suited else 1,
        0 if recommended else 1,
        0 if treatment.id in suited else 1,
        _GRADE_ORDER.index(treatment.evidence_grade),
    )


def _fit(items: list[PlanItem], limit: int | None) -> tuple[list[PlanItem], list[str]]:
    """Keep every recommended item and options up to ``limit``; name the rest."""
    if limit is None:
        return items, []
    keep = [i for i in items if i.recommendation is RecommendationStrength.RECOMMENDED]
    rest = [i for i in items if i.recommendation is not RecommendationStrength.RECOMMENDED]
    room = max(limit - len(keep), 0)
    chosen = {id(i) for i in keep + rest[:room]}
    return [i for i in items if id(i) in chosen], [i.title for i in rest[room:]]


def _source_titles(plan: CarePlan, kb: KnowledgeBase) -> dict[str, str]:
    cited = [s for item in plan.items() for s in item.source_ids]
    cited += [s.partition("#")[0] for g in plan.safety_net.groups for sign in g.signs for s in sign.sources]
    if plan.urgent is not None:
        cited += [s.partition("#")[0] for s in plan.urgent.sources]
    return {s: kb.sources[s].title if s in kb.sources else s for s in dict.fromkeys(cited)}


def advice_items(plan: CarePlan) -> list[AdviceItem]:
    """The plan as the assessment's ``advice`` list: urgent actions first, then self-care, then the review."""
    return _advice(plan.urgent, plan.sections, plan.safety_net.review, plan.level)


def _advice(
    urgent: UrgentMessage | None, sections: list[PlanSection], review: PlanItem | None, level: Level
) -> list[AdviceItem]:
    advice: list[AdviceItem] = []
    if urgent is not None:
        sources = list(dict.fromkeys(s.partition("#")[0] for s in urgent.sources))
        for index, action in enumerate(urgent.actions):
            rule_id = urgent.rules[index] if index < len(urgent.rules) else f"level_{level}"
            advice.append(AdviceItem(id=rule_id, text=action, sources=sources, why=" ".join(urgent.reasons)))
    for section in sections:
        if section.id in NOT_STARTED:
            continue
        advice += [_advice_item(i) for i in section.items]
    if review is not None:
        advice.append(_advice_item(review))
    return advice


#: advice items kept, by the plan item they restate (most plan items are themselves kept, see
#: :mod:`lumbar.care.items`, so an assessment's advice is mostly found here)
_ADVICE: dict[int, tuple[PlanItem, AdviceItem]] = {}
#: how many are kept before all are forgotten
KEPT_ADVICE = 4096


def _advice_item(item: PlanItem) -> AdviceItem:
    """``item`` as an item of the assessment's advice, made once per plan item."""
    found = _ADVICE.get(id(item))
    if found is not None and found[0] is item:
        return found[1]
    made = AdviceItem(id=item.id, text=item.text, sources=item.source_ids, why=item.why)
    if len(_ADVICE) >= KEPT_ADVICE:
        _ADVICE.clear()
    _ADVICE[id(item)] = (item, made)  # the plan item is held, so that its id is not reused
    return made
