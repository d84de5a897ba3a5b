"""Compare two scores of one questionnaire over time: how much changed, and whether it matters.

A change counts as real (better or worse) only when it reaches the questionnaire's minimal important
change: at least ``mic_points`` points, or at least ``mic_percent`` per cent of the first score
(Ostelo 2008 gives both for pain and Roland-Morris). Anything smaller is never called an
improvement. A questionnaire without such a rule (STarT Back) is compared by its groups only.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lumbar.errors import QuestionnaireError
from lumbar.knowledge.questionnaires import Questionnaire
from lumbar.questionnaires import wording
from lumbar.questionnaires.scoring import QuestionnaireScore

Direction = Literal["better", "worse", "no_real_change", "same", "groups_only"]


class ScoreChange(BaseModel):
    """How a score changed between two fillings of one questionnaire."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    questionnaire: str
    before: int
    after: int
    points: int = Field(description="after minus before")
    percent: float | None = Field(None, description="the change as a share of the first score; None from 0")
    important: bool | None = Field(
        description="True when the change reaches the minimal important change; None without such a rule"
    )
    direction: Direction
    recovered: bool | None = Field(None, description="the later score is at or below the 'recovered' cut-off")
    band_before: str | None = None
    band_after: str | None = None
    summary: list[str] = Field(description="plain words")


def compare(
    questionnaire: Questionnaire, before: QuestionnaireScore, after: QuestionnaireScore
) -> ScoreChange:
    """The change from ``before`` to ``after``; raises QuestionnaireError for scores of other forms."""
    for result in (before, after):
        if result.questionnaire != questionnaire.id:
            raise QuestionnaireError(
                wording.OTHER_FORM.format(before=questionnaire.id, after=result.questionnaire)
            )
    points = after.total - before.total
    percent = round(100 * points / before.total, 1) if before.total else None
    rule = questionnaire.change
    unit = questionnaire.score_unit
    values = {"before": before.total, "after": after.total, "unit": unit, "points": abs(points)}
    summary: list[str] = []
    important: bool | None = None
    recovered: bool | None = None
    if rule is None:
        direction: Direction = "groups_only"
        summary.append(wording.NO_RULE)
    else:
        important = abs(points) >= rule.mic_points or (
            percent is not None and abs(percent) >= rule.mic_percent
        )
        worse = points > 0 if questionnaire.higher_is_worse else points < 0
        if points == 0:
            direction = "same"
            summary.append(wording.SAME.format(**values))
        elif not important:
            direction = "no_real_change"
            summary.append(
                wording.SMALL.format(**values, mic_points=rule.mic_points, mic_percent=rule.mic_percent)
            )
        else:
            direction = "worse" if worse else "better"
            summary.append((wording.WORSE if worse else wording.BETTER).format(**values))
        if rule.recovered_at_most is not None:
            recovered = after.total <= rule.recovered_at_most
            if recovered:
                summary.append(wording.RECOVERED)
    if before.band_name and after.band_name:
        moved = before.band != after.band
        group = wording.GROUP_MOVED if moved else wording.GROUP_SAME
        summary.append(group.format(before=before.band_name, after=after.band_name))
    return ScoreChange(
        questionnaire=questionnaire.id,
        before=before.total,
        after=after.total,
        points=points,
        percent=percent,
        important=important,
        direction=direction,
        recovered=recovered,
        band_before=before.band,
        band_after=after.band,
        summary=summary,
    )
