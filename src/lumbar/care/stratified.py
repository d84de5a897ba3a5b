"""Stratified care: a STarT Back group brings its care forward in a home plan (NICE NG59 1.1.2-1.1.3).

Each band of questionnaires.yaml lists the treatments its group is offered (low: reassurance and
keeping active; medium: exercise led by a physiotherapist; high: that and a psychological
approach), each with why and its sources. Those items move to the top of their section with the
group's reason and citations first; an item the plan had left out because of the person's
findings stays out (the contraindication wins), and the plan's other items stay as they were.
"""

from __future__ import annotations

from lumbar.care.items import treatment_item
from lumbar.care.models import PHASE_SECTION, SECTION_ORDER, LeftOut, PlanItem, PlanSection
from lumbar.care.profile import Profile
from lumbar.care.wording import SECTION_TITLES
from lumbar.errors import InputError
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.questionnaires import Band, BandCare

#: the questionnaire whose groups change the plan (NICE NG59 1.1.2-1.1.3)
START_BACK = "start_back"


def risk_group(kb: KnowledgeBase, group: str | None) -> Band | None:
    """The STarT Back group (band) named ``group``, None for None; InputError names the groups there are."""
    if group is None:
        return None
    start_back = kb.questionnaires[START_BACK]
    band = start_back.band(group.strip().lower())
    if band is None:
        names = ", ".join(b.id for b in start_back.bands)
        raise InputError(f"'{group}' is not a STarT Back group; use one of: {names}")
    return band


def stratify(
    sections: list[PlanSection], left_out: list[LeftOut], band: Band, kb: KnowledgeBase, profile: Profile
) -> list[PlanSection]:
    """The home plan's sections with ``band``'s care first in its section, citing why."""
    excluded = {item.id for item in left_out}
    by_id = {section.id: section for section in sections}
    for care in reversed(band.care):
        treatment = kb.treatments.get(care.treatment)
        if treatment is None or treatment.id in excluded or not treatment.phase:
            continue
        item = _band_item(care, kb, profile, _current(sections, treatment.id))
        if item is None:
            continue
        for section_id, section in list(by_id.items()):
            kept = [i for i in section.items if i.id != treatment.id]
            more = [name for name in section.more if name != treatment.name]
            by_id[section_id] = section.replace(items=kept, more=more)
        target = PHASE_SECTION[treatment.phase[0]]
        section = by_id.get(target) or PlanSection(id=target, title=SECTION_TITLES[target], items=[])
        by_id[target] = section.replace(items=[item, *section.items])
    ordered = [by_id[s] for s in SECTION_ORDER if s in by_id and by_id[s].items]
    return ordered + [s for s in by_id.values() if s.id not in SECTION_ORDER]


def _current(sections: list[PlanSection], item_id: str) -> PlanItem | None:
    return next((i for s in sections for i in s.items if i.id == item_id), None)


def _band_item(
    care: BandCare, kb: KnowledgeBase, profile: Profile, current: PlanItem | None
) -> PlanItem | None:
    """The plan item with the group's reason and sources first (the person's own version if it had one)."""
    item = current or treatment_item(kb.treatments[care.treatment], kb, profile)
    if item is None:
        return None
    sources = list(dict.fromkeys([*(str(c) for c in care.sources), *item.sources]))
    return item.replace(why=f"{care.why} {item.why}", sources=sources)


def group_advice(band: Band, kb: KnowledgeBase) -> list[PlanItem]:
    """The care a group is offered, as plan items with the group's reason first (not personalised)."""
    nobody = Profile(present=frozenset(), absent=frozenset())
    found = [_band_item(care, kb, nobody, None) for care in band.care if care.treatment in kb.treatments]
    return [item for item in found if item is not None]
