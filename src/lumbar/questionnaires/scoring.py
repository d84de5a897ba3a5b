"""Score a questionnaire's answers from its data: points per answer, total, subscales, band.

Nothing here knows a particular questionnaire: the item kinds, the subscales, the bands and what an
unanswered item means (``missing``) all come from questionnaires.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from lumbar.errors import QuestionnaireError
from lumbar.knowledge.questionnaires import TOTAL, Band, QuestionItem, Questionnaire
from lumbar.questionnaires import wording

#: an answer as adapters pass it: an option id or text, a tick (True, "ticked", "not_ticked"), a number
Answer = str | int | bool
TICKED = frozenset({"ticked", "yes", "true", "on", "1"})
NOT_TICKED = frozenset({"not_ticked", "no", "false", "off", "0", ""})


class ItemScore(BaseModel):
    """One item's answer and the points it scored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    number: int
    answer: str | int | None = Field(description="option id, 'ticked'/'not_ticked', a number; None: blank")
    answer_text: str = Field(description="the answer in the form's words")
    points: int


class PartScore(BaseModel):
    """A subscale's score and its range."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    score: int
    lowest: int
    highest: int


class QuestionnaireScore(BaseModel):
    """A scored questionnaire: the total, each part, the group it falls in, and every item."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    questionnaire: str
    name: str
    total: int
    lowest: int
    highest: int
    unit: str = Field(description="plain words after the score: 'out of 9'")
    subscales: list[PartScore] = Field(default_factory=list)
    band: str | None = Field(None, description="the group's id, when the questionnaire has groups")
    band_name: str | None = None
    meaning: str | None = Field(None, description="plain words: what the group means")
    items: list[ItemScore]
    blank: list[int] = Field(
        default_factory=list, description="numbers of items left blank and scored as not ticked"
    )
    notes: list[str] = Field(default_factory=list, description="plain words about how it was scored")

    def scores(self) -> dict[str, int]:
        """``total`` and each subscale id -> its score."""
        return {TOTAL: self.total, **{part.id: part.score for part in self.subscales}}


def score(questionnaire: Questionnaire, answers: Mapping[str, Answer]) -> QuestionnaireScore:
    """Score ``answers`` (item id -> answer); raises QuestionnaireError naming every bad or missing item."""
    unknown = sorted(set(answers) - {item.id for item in questionnaire.items})
    problems = [wording.UNKNOWN_ITEM.format(item=item_id) for item_id in unknown]
    scored: list[ItemScore] = []
    missing: list[QuestionItem] = []
    for item in questionnaire.items:
        raw = answers.get(item.id)
        if raw is None or (isinstance(raw, str) and not raw.strip() and item.kind != "tick"):
            missing.append(item)
            continue
        try:
            scored.append(_item_score(item, raw))
        except ValueError as exc:
            problems.append(str(exc))
    blank: list[int] = []
    if missing and questionnaire.missing == "not_ticked":
        blank = [item.number for item in missing]
        scored += [_item_score(item, False) for item in missing]
        scored.sort(key=lambda s: s.number)
    elif missing:
        problems.append(
            wording.MISSING.format(
                name=questionnaire.short_name, items=_numbers(missing), count=len(questionnaire.items)
            )
        )
    if problems:
        raise QuestionnaireError(" ".join(problems))
    return _result(questionnaire, scored, blank)


def _result(questionnaire: Questionnaire, scored: list[ItemScore], blank: list[int]) -> QuestionnaireScore:
    points = {s.id: s.points for s in scored}
    low, high = questionnaire.score_range(TOTAL)
    parts = [
        PartScore(
            id=sub.id,
            name=sub.name,
            score=sum(points[i] for i in sub.items),
            lowest=questionnaire.score_range(sub.id)[0],
            highest=questionnaire.score_range(sub.id)[1],
        )
        for sub in questionnaire.subscales
    ]
    total = sum(points.values())
    band = band_for(questionnaire, {TOTAL: total, **{p.id: p.score for p in parts}})
    notes = [wording.BLANK.format(count=len(blank))] if blank else []
    return QuestionnaireScore(
        questionnaire=questionnaire.id,
        name=questionnaire.name,
        total=total,
        lowest=low,
        highest=high,
        unit=questionnaire.score_unit,
        subscales=parts,
        band=band.id if band else None,
        band_name=band.name if band else None,
        meaning=band.meaning if band else None,
        items=scored,
        blank=blank,
        notes=notes,
    )


def band_for(questionnaire: Questionnaire, scores: dict[str, int]) -> Band | None:
    """The first band whose conditions all hold, or None for a questionnaire without bands."""
    return next((band for band in questionnaire.bands if band.holds(scores)), None)


def _numbers(items: list[QuestionItem]) -> str:
    return ", ".join(str(item.number) for item in items)


def _item_score(item: QuestionItem, raw: Answer) -> ItemScore:
    """The points of one answer; ValueError in plain words when the answer does not fit the item."""
    if item.kind == "choice":
        wanted = str(raw).strip().casefold()
        option = next(
            (o for o in item.options if wanted in {o.id.casefold(), o.text.casefold()}),
            None,
        )
        if option is None or isinstance(raw, bool):
            choices = ", ".join(f"'{o.id}'" for o in item.options)
            raise ValueError(wording.BAD_CHOICE.format(number=item.number, answer=raw, choices=choices))
        return ItemScore(
            id=item.id, number=item.number, answer=option.id, answer_text=option.text, points=option.score
        )
    if item.kind == "tick":
        ticked = _tick(raw)
        if ticked is None:
            raise ValueError(wording.BAD_TICK.format(number=item.number, answer=raw))
        return ItemScore(
            id=item.id,
            number=item.number,
            answer="ticked" if ticked else "not_ticked",
            answer_text=wording.TICKED if ticked else wording.NOT_TICKED,
            points=1 if ticked else 0,
        )
    return _number_score(item, raw)


def _tick(raw: Answer) -> bool | None:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().casefold()
    return True if text in TICKED else False if text in NOT_TICKED else None


def _number_score(item: QuestionItem, raw: Answer) -> ItemScore:
    text = str(raw).strip()
    low, high = item.lowest, item.highest
    if isinstance(raw, bool) or not text.lstrip("-").isdigit() or not low <= int(text) <= high:
        raise ValueError(wording.BAD_NUMBER.format(number=item.number, answer=raw, low=low, high=high))
    value = int(text)
    return ItemScore(id=item.id, number=item.number, answer=value, answer_text=str(value), points=value)
