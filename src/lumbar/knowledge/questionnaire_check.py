"""`lumbar kb check` for questionnaires.yaml: sources, treatments, and bands that cover every score.

Every reachable combination of scores (the total and each subscale) must fall in exactly one band,
so no set of answers is left without a group or given two; each band must be reachable.
"""

from __future__ import annotations

from lumbar.errors import Problem
from lumbar.knowledge.loader import QUESTIONNAIRES_FILE, KnowledgeBase
from lumbar.knowledge.questionnaires import TOTAL, Questionnaire

#: a combination of scores: the total first, then each subscale in the questionnaire's order
ScoreVector = tuple[int, ...]


def reachable_scores(questionnaire: Questionnaire) -> set[ScoreVector]:
    """Every (total, subscale …) combination some set of complete answers gives."""
    states: set[ScoreVector] = {(0,) * (1 + len(questionnaire.subscales))}
    for item in questionnaire.items:
        if item.kind == "choice":
            points = {option.score for option in item.options}
        else:
            points = set(range(item.lowest, item.highest + 1))
        inside = [1, *(1 if item.id in s.items else 0 for s in questionnaire.subscales)]
        states = {
            tuple(v + p * w for v, w in zip(state, inside, strict=True)) for state in states for p in points
        }
    return states


def score_names(questionnaire: Questionnaire) -> list[str]:
    """The names of a score vector's places: ``total`` and each subscale id."""
    return [TOTAL, *(s.id for s in questionnaire.subscales)]


def check_questionnaires(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """Add every problem of the questionnaires to ``problems``."""
    for questionnaire in kb.questionnaires.values():
        _check_citations(questionnaire, kb, problems)
        _check_bands(questionnaire, problems)
        _check_change(questionnaire, problems)


def _check_citations(questionnaire: Questionnaire, kb: KnowledgeBase, problems: list[Problem]) -> None:
    cited = [
        *questionnaire.sources,
        *questionnaire.wording_source,
        *questionnaire.licence.sources,
        *(questionnaire.change.sources if questionnaire.change else []),
        *(c for band in questionnaire.bands for care in band.care for c in care.sources),
    ]
    if not questionnaire.sources:
        problems.append(Problem(QUESTIONNAIRES_FILE, questionnaire.id, "cites no source for its scoring"))
    for citation in cited:
        if citation.source not in kb.sources:
            problems.append(
                Problem(QUESTIONNAIRES_FILE, questionnaire.id, f"cites unknown source '{citation.source}'")
            )
    for band in questionnaire.bands:
        for care in band.care:
            if care.treatment not in kb.treatments:
                problems.append(
                    Problem(
                        QUESTIONNAIRES_FILE,
                        questionnaire.id,
                        f"band {band.id}: treatment '{care.treatment}' does not exist; add it or fix the id",
                    )
                )


def _check_bands(questionnaire: Questionnaire, problems: list[Problem]) -> None:
    if not questionnaire.bands:
        return
    names = score_names(questionnaire)
    used: set[str] = set()
    for vector in sorted(reachable_scores(questionnaire)):
        scores = dict(zip(names, vector, strict=True))
        holding = [band.id for band in questionnaire.bands if band.holds(scores)]
        shown = ", ".join(f"{name} {value}" for name, value in scores.items())
        if not holding:
            problems.append(
                Problem(QUESTIONNAIRES_FILE, questionnaire.id, f"no band holds for {shown}; widen a band")
            )
        elif len(holding) > 1:
            problems.append(
                Problem(
                    QUESTIONNAIRES_FILE,
                    questionnaire.id,
                    f"bands {', '.join(holding)} all hold for {shown}; make them exclusive",
                )
            )
        used.update(holding[:1])
    for band in questionnaire.bands:
        if band.id not in used:
            problems.append(
                Problem(QUESTIONNAIRES_FILE, questionnaire.id, f"band {band.id} can never be reached")
            )


def _check_change(questionnaire: Questionnaire, problems: list[Problem]) -> None:
    change = questionnaire.change
    low, high = questionnaire.score_range(TOTAL)
    if change is None:
        return
    if change.mic_points > high - low:
        problems.append(
            Problem(QUESTIONNAIRES_FILE, questionnaire.id, "mic_points is larger than the whole score range")
        )
    if change.recovered_at_most is not None and not low <= change.recovered_at_most <= high:
        problems.append(
            Problem(QUESTIONNAIRES_FILE, questionnaire.id, "recovered_at_most lies outside the score range")
        )
