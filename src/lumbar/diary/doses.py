"""Medicines of a diary day against their daily limits (diary.yaml): warn before a usual dose would
pass the most for 24 hours, and say plainly what that most is.

Each ingredient is summed across the day's medicines, so paracetamol in co-codamol counts with
plain paracetamol.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, ConfigDict

from lumbar.diary.entry import Entry, MedicineTaken
from lumbar.errors import KnowledgeError, Problem
from lumbar.knowledge.diary_rules import DiaryRules
from lumbar.knowledge.loader import DIARY_FILE, KnowledgeBase
from lumbar.knowledge.schema import Medicine

#: over: more than the most was taken; at_limit: the most was reached; next_dose_over: one more usual
#: dose would pass it; unchecked: lumbar could not count a medicine
WarningKind = Literal["over", "at_limit", "next_dose_over", "unchecked"]
_ORDER = {"over": 0, "at_limit": 1, "next_dose_over": 2, "unchecked": 3}


class DoseWarning(BaseModel):
    """A plain-words warning about a day's medicines, most serious first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: WarningKind
    text: str
    ingredient: str | None = None
    total_mg: float | None = None
    limit_mg: float | None = None
    sources: list[str]


def mg(amount: float) -> str:
    """'4,000 mg', '62.5 mg'."""
    return f"{amount:,.1f}".removesuffix(".0") + " mg"


def find_medicine(name: str, kb: KnowledgeBase) -> Medicine | None:
    """The medicine with this id or one of its names (case, hyphens and spaces aside)."""
    wanted = _plain(name)
    for medicine in kb.medicines.values():
        if wanted in {_plain(medicine.id), _plain(medicine.name), *(_plain(n) for n in medicine.names)}:
            return medicine
    return None


def check_entry(entry: Entry, kb: KnowledgeBase) -> list[DoseWarning]:
    """The warnings about ``entry``'s medicines, most serious first."""
    rules = _rules(kb)
    totals: dict[str, float] = defaultdict(float)
    counted: dict[str, list[str]] = defaultdict(list)
    warnings: list[DoseWarning] = []
    for taken in entry.medicines:
        medicine = find_medicine(taken.medicine, kb)
        if medicine is None:
            warnings.append(_unchecked(rules.wording.unknown_medicine, taken.medicine))
            continue
        amounts = _ingredient_mg(taken, medicine, rules)
        if isinstance(amounts, DoseWarning):
            warnings.append(amounts)
            continue
        for ingredient, amount in amounts.items():
            totals[ingredient] += amount
            counted[ingredient] += [str(s) for s in medicine.sources]
    for limit in rules.dose_limits:
        total = totals.get(limit.ingredient, 0.0)
        if total <= 0:
            continue
        values = {
            "ingredient": limit.ingredient,
            "total": mg(total),
            "limit": mg(limit.most_per_day_mg),
            "dose": mg(limit.usual_dose_mg),
        }
        if total > limit.most_per_day_mg:
            kind: WarningKind = "over"
            text = limit.over
        elif total == limit.most_per_day_mg:
            kind, text = "at_limit", rules.wording.dose_at_limit.format(**values)
        elif total + limit.usual_dose_mg > limit.most_per_day_mg:
            kind, text = "next_dose_over", rules.wording.dose_next_over.format(**values)
        else:
            continue
        sources = list(dict.fromkeys([*(str(s) for s in limit.sources), *counted[limit.ingredient]]))
        warnings.append(
            DoseWarning(
                kind=kind,
                text=" ".join(text.split()),
                ingredient=limit.ingredient,
                total_mg=total,
                limit_mg=limit.most_per_day_mg,
                sources=sources,
            )
        )
    return sorted(warnings, key=lambda w: _ORDER[w.kind])


def _ingredient_mg(
    taken: MedicineTaken, medicine: Medicine, rules: DiaryRules
) -> dict[str, float] | DoseWarning:
    """Milligrams of each limited ingredient in ``taken``, or why they cannot be counted."""
    limited = {limit.ingredient for limit in rules.dose_limits}
    if not limited & set(medicine.ingredients):
        return _unchecked(rules.wording.no_limit_known, medicine.name)
    if taken.unit == "tablets":
        strength = next((t for t in rules.tablets if t.medicine == medicine.id), None)
        if strength is None:
            return _unchecked(rules.wording.tablets_unknown, medicine.name)
        return {i: mg_each * taken.amount for i, mg_each in strength.per_tablet_mg.items()}
    if len(medicine.ingredients) > 1:
        return _unchecked(rules.wording.count_tablets, medicine.name)
    return {medicine.ingredients[0]: taken.amount}


def _unchecked(template: str, medicine: str) -> DoseWarning:
    text = " ".join(template.format(medicine=medicine).split())
    return DoseWarning(kind="unchecked", text=text[:1].upper() + text[1:], sources=[])


def diary_rules(kb: KnowledgeBase) -> DiaryRules:
    """The diary's rules; KnowledgeError when the base has none (load_knowledge() refuses such a base)."""
    if kb.diary is None:
        raise KnowledgeError([Problem(DIARY_FILE, None, "file is missing or invalid; run `lumbar kb check`")])
    return kb.diary


def _rules(kb: KnowledgeBase) -> DiaryRules:
    return diary_rules(kb)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[-‐‑_]", " ", text.lower().lstrip("=")).split())
