"""What the person already takes for the pain, and what the plan tells them about it.

The intake reads a finding per kind of medicine (``takes_nsaid``, ``takes_paracetamol``, …) with the
medicine's name as its evidence; here the name is matched back to the medicine in the knowledge base,
so the plan can say "You already take diclofenac" and what to do when it does not help. The plan
never adds a medicine of a kind already taken: the treatments of that kind list the finding under
``contraindications``.
"""

from __future__ import annotations

import re

from lumbar.assessment import Assessment
from lumbar.care import wording
from lumbar.care.items import names
from lumbar.care.models import PlanItem
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Medicine, MedicineClass, RecommendationStrength

#: findings that say a medicine the person takes does not help.
NOT_HELPING = ("medicine_not_helping", "painkillers_not_working")


def _plain(text: str) -> str:
    """Lower case, hyphens as spaces: "Anti-inflammatories" and "anti inflammatories" compare equal."""
    return " ".join(re.sub(r"[-‐‑]", " ", text.lower().lstrip("=")).split())


def _named(evidence: str, medicines: list[Medicine]) -> list[Medicine]:
    """The medicines whose name stands in ``evidence``; of two names at one place, the longer."""
    words = f" {_plain(evidence)} "
    found: list[tuple[int, int, Medicine]] = []
    for medicine in medicines:
        for name in medicine.names:
            at = words.find(f" {_plain(name)} ")
            if at >= 0:
                found.append((at, -len(_plain(name)), medicine))
    found.sort(key=lambda f: (f[0], f[1]))
    out: list[Medicine] = []
    taken: set[int] = set()
    for at, _, medicine in found:
        if at not in taken and medicine not in out:
            out.append(medicine)
        taken.add(at)
    return out


def medicines_taken(assessment: Assessment, kb: KnowledgeBase) -> list[tuple[str, Medicine | None]]:
    """(name as shown, medicine), in reading order; when the person's words name no medicine lumbar
    knows (a misspelling), the kind's name ("an anti-inflammatory painkiller") and None."""
    kinds = {kind.finding: kind for kind in kb.medicine_classes.values()}
    out: list[tuple[str, Medicine | None]] = []
    for found in assessment.findings:
        kind = kinds.get(found.id)
        if found.status != "present" or kind is None:
            continue
        candidates = [m for m in kb.medicines.values() if kind.id in m.classes]
        named: list[tuple[str, Medicine | None]] = [
            (m.name, m) for m in _named(found.evidence, candidates)
        ] or [(kind.name, None)]
        out += [pair for pair in named if pair[0] not in {name for name, _ in out}]
    return out


def _not_helping(assessment: Assessment, kb: KnowledgeBase) -> set[str] | None:
    """Names of the medicines said not to help; None when the person says none of them helps."""
    present = {f.id: f for f in assessment.findings if f.status == "present"}
    if "medicine_not_helping" in present:
        named = _named(present["medicine_not_helping"].evidence, list(kb.medicines.values()))
        return {m.name for m in named} or None
    return None if "painkillers_not_working" in present else set()


def medicine_items(assessment: Assessment, kb: KnowledgeBase, present: frozenset[str]) -> list[PlanItem]:
    """One plan item per medicine the person takes: what to do while taking it, and when it does not
    help; to stop it when ``present`` holds a sign that can be a reaction to it."""
    taken = medicines_taken(assessment, kb)
    failing = _not_helping(assessment, kb)
    items: list[PlanItem] = []
    for name, medicine in taken:
        classes = _classes(name, medicine, kb)
        if not classes:
            continue
        reaction = [f for c in classes if c.stop for f in c.stop_when if f in present]
        if reaction:
            items.append(_stop_item(name, medicine, classes, reaction, kb))
            continue
        says_not_helping = failing is None or name in failing
        keep = [_fill(c.already_taking, name) for c in classes]
        if medicine is not None and len(medicine.ingredients) > 1:
            keep.insert(0, _fill(wording.CONTAINS, name, ingredients=" and ".join(medicine.ingredients)))
        elif medicine is not None and medicine.name != classes[0].name:
            keep.insert(0, _fill(wording.KIND, name, kind=classes[0].name))
        if_not = [_fill(c.not_helping, name) for c in classes]
        sources = [*(medicine.sources if medicine else []), *(s for c in classes for s in c.sources)]
        items.append(
            PlanItem(
                id=f"already_taking_{medicine.id if medicine else classes[0].id}",
                title=wording.TAKING_TITLE.format(medicine=name),
                text=" ".join(if_not if says_not_helping else keep),
                why=wording.TAKING_NOT_HELPING_WHY if says_not_helping else wording.TAKING_WHY,
                sources=list(dict.fromkeys(str(s) for s in sources)),
                recommendation=RecommendationStrength.RECOMMENDED,
                how=keep if says_not_helping else if_not,
            )
        )
    return items


def _classes(name: str, medicine: Medicine | None, kb: KnowledgeBase) -> list[MedicineClass]:
    """The kinds of this medicine; without a medicine, the kind whose name is shown."""
    if medicine is not None:
        return [kb.medicine_classes[c] for c in medicine.classes if c in kb.medicine_classes]
    return [c for c in kb.medicine_classes.values() if c.name == name]


def _fill(template: str, medicine: str, **more: str) -> str:
    """The template with the medicine's name, each sentence starting with a capital letter."""
    text = template.format(medicine=medicine, **more)
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def _stop_item(
    name: str, medicine: Medicine | None, classes: list[MedicineClass], reaction: list[str], kb: KnowledgeBase
) -> PlanItem:
    """Stop the medicine: the person has a sign that can be a reaction to it."""
    kind = next(c for c in classes if c.stop and set(c.stop_when) & set(reaction))
    sources = [*(medicine.sources if medicine else []), *kind.sources]
    return PlanItem(
        id=f"already_taking_{medicine.id if medicine else kind.id}",
        title=wording.TAKING_TITLE.format(medicine=name),
        text=_fill(kind.stop or "", name),
        why=wording.TAKING_STOP_WHY.format(names=names(list(dict.fromkeys(reaction)), kb)),
        sources=list(dict.fromkeys(str(s) for s in sources)),
        recommendation=RecommendationStrength.RECOMMENDED,
    )
