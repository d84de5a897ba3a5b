"""What the exports are made of: questionnaire scores with the day they were given."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from lumbar.errors import NotFoundError, QuestionnaireError
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.questionnaires import Questionnaire
from lumbar.questionnaires.scoring import Answer, QuestionnaireScore, score

#: separates the answers of a questionnaire given in one line, in the order of its questions
ANSWER_SEPARATOR = ","


@dataclass(frozen=True)
class DatedScore:
    """A scored questionnaire and the day its answers were given."""

    when: date
    score: QuestionnaireScore


def by_questionnaire(scores: list[DatedScore]) -> dict[str, list[DatedScore]]:
    """Questionnaire id -> its scores, oldest first (the order the questionnaires were first met)."""
    grouped: dict[str, list[DatedScore]] = {}
    for dated in sorted(scores, key=lambda d: d.when):
        grouped.setdefault(dated.score.questionnaire, []).append(dated)
    return grouped


def latest_band(scores: list[DatedScore], questionnaire_id: str) -> str | None:
    """The group of the newest score of ``questionnaire_id``, or None."""
    found = by_questionnaire(scores).get(questionnaire_id)
    return found[-1].score.band if found else None


def dated_score(
    kb: KnowledgeBase, questionnaire_id: str, answers: Mapping[str, Answer], when: date
) -> DatedScore:
    """Score answers by question id; NotFoundError for an unknown questionnaire."""
    return DatedScore(when, score(_find(kb, questionnaire_id), answers))


def _find(kb: KnowledgeBase, questionnaire_id: str) -> Questionnaire:
    questionnaire = kb.questionnaires.get(questionnaire_id)
    if questionnaire is None:
        names = ", ".join(kb.questionnaires)
        raise NotFoundError(f"there is no questionnaire '{questionnaire_id}'; use one of: {names}")
    return questionnaire


def answers_in_order(score: QuestionnaireScore) -> str:
    """The answers of a score in one line, in question order (what :func:`score_in_order` reads)."""
    return ANSWER_SEPARATOR.join(str(item.answer) for item in score.items)


def score_in_order(kb: KnowledgeBase, questionnaire_id: str, answers: str, when: date) -> DatedScore:
    """Score answers given in one line, in question order ("agree,disagree,…"; a tick is 1 or 0).

    NotFoundError for an unknown questionnaire; QuestionnaireError for too many or unreadable answers.
    """
    questionnaire = _find(kb, questionnaire_id)
    given = [a.strip() for a in answers.split(ANSWER_SEPARATOR)] if answers.strip() else []
    if len(given) > len(questionnaire.items):
        raise QuestionnaireError(
            f"{questionnaire.short_name} has {len(questionnaire.items)} questions, "
            f"but {len(given)} answers were given."
        )
    by_item = {item.id: answer for item, answer in zip(questionnaire.items, given, strict=False) if answer}
    return DatedScore(when, score(questionnaire, by_item))
