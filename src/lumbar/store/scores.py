"""One kept questionnaire score between the store and the questionnaires' scoring, for every adapter
(web and CLI) alike.

The store keeps the answers with the total, subscales and group they scored; reading a kept score
back scores its answers again with the knowledge base, so what is shown (and exported to FHIR) is
always the scoring engine's own result, item by item.
"""

from __future__ import annotations

from lumbar.export.records import DatedScore, dated_score
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.store.records import ScoreDay


def to_score_day(dated: DatedScore) -> ScoreDay:
    """The store's values of a dated score; a question left blank is kept as no answer."""
    result = dated.score
    blank = set(result.blank)
    return ScoreDay(
        day=dated.when,
        questionnaire=result.questionnaire,
        total=result.total,
        subscales={part.id: part.score for part in result.subscales},
        band=result.band,
        answers={
            item.id: item.answer
            for item in result.items
            if item.number not in blank and item.answer is not None
        },
    )


def to_dated(kb: KnowledgeBase, kept: ScoreDay) -> DatedScore:
    """The dated score of a kept one, its answers scored again (NotFoundError for a form no longer known)."""
    return dated_score(kb, kept.questionnaire, kept.answers, kept.day)
