"""`lumbar kb check` for diary.yaml: every id it names exists, every limit's ingredient is a medicine's,
and the review's pain score has a change rule to tell better from worse."""

from __future__ import annotations

from lumbar.errors import Problem
from lumbar.knowledge.loader import DIARY_FILE, KnowledgeBase


def check_diary(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """Add every problem of diary.yaml to ``problems``."""
    rules = kb.diary
    if rules is None:
        return  # its validation problems are already recorded
    ingredients = {i for m in kb.medicines.values() for i in m.ingredients}
    limited = {limit.ingredient for limit in rules.dose_limits}
    for limit in rules.dose_limits:
        if limit.ingredient not in ingredients:
            problems.append(
                Problem(DIARY_FILE, limit.ingredient, "no medicine in medicines.yaml has this ingredient")
            )
        if limit.usual_dose_mg > limit.most_per_day_mg:
            problems.append(
                Problem(DIARY_FILE, limit.ingredient, "the usual dose is more than the daily most")
            )
    if len(limited) != len(rules.dose_limits):
        problems.append(Problem(DIARY_FILE, None, "an ingredient has two dose limits; keep one"))
    for strength in rules.tablets:
        medicine = kb.medicines.get(strength.medicine)
        if medicine is None:
            problems.append(
                Problem(DIARY_FILE, strength.medicine, "medicine does not exist in medicines.yaml")
            )
            continue
        for ingredient in strength.per_tablet_mg:
            if ingredient not in medicine.ingredients or ingredient not in limited:
                problems.append(
                    Problem(
                        DIARY_FILE,
                        strength.medicine,
                        f"'{ingredient}' is not an ingredient of it with a dose limit; fix the name",
                    )
                )
    review = rules.review
    for finding in (review.not_better_finding, review.worse_finding):
        if finding not in kb.findings:
            problems.append(Problem(DIARY_FILE, "review", f"finding '{finding}' does not exist"))
    questionnaire = kb.questionnaires.get(review.pain_questionnaire)
    if questionnaire is None or questionnaire.change is None:
        problems.append(
            Problem(
                DIARY_FILE,
                "review",
                f"'{review.pain_questionnaire}' is not a questionnaire with a change rule in questionnaires.yaml",
            )
        )
    for plotted in rules.plotted_scores:
        if plotted not in kb.questionnaires:
            problems.append(
                Problem(
                    DIARY_FILE, "plotted_scores", f"'{plotted}' is not a questionnaire in questionnaires.yaml"
                )
            )
    ids = [m.id for m in review.milestones]
    if len(ids) != len(set(ids)):
        problems.append(Problem(DIARY_FILE, "review", "two milestones share an id"))
    cited = [
        *(c for limit in rules.dose_limits for c in limit.sources),
        *(c for strength in rules.tablets for c in strength.sources),
        *review.sources,
    ]
    for citation in cited:
        if citation.source not in kb.sources:
            problems.append(Problem(DIARY_FILE, None, f"cites unknown source '{citation.source}'"))
