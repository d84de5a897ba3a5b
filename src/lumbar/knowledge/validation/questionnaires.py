"""Typed models of the questionnaires (questionnaires.yaml): items, answers, scoring rules, licence.

A questionnaire is scored from these rules alone: each item's answer gives points, the total and
each subscale add them up, and the first band whose conditions all hold names the group. What an
unanswered item means is the questionnaire's own rule (``missing``), taken from its source.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from lumbar.knowledge.terms import TOTAL, MissingRule
from lumbar.knowledge.validation.schema import ITEM_CONFIG, CitationField, Item, ItemId


class _Model(BaseModel):
    model_config = ITEM_CONFIG


class AnswerOption(_Model):
    """One answer a person can choose, with the points it scores."""

    id: ItemId
    text: str = Field(min_length=1, description="the answer as the form prints it")
    score: int = Field(ge=0)


class QuestionItem(_Model):
    """One question or statement of a form.

    ``choice``: pick one of ``options``; ``tick``: a statement ticked when it applies (1 point) or
    left blank (0); ``number``: a whole number from ``min`` to ``max``, scoring itself.
    """

    id: ItemId
    number: int = Field(ge=1, description="the item's number on the form")
    text: str = Field(min_length=1, description="the item's wording, exactly as the source prints it")
    kind: Literal["choice", "tick", "number"]
    options: list[AnswerOption] = Field(default_factory=list)
    min: int | None = None
    max: int | None = None
    anchors: dict[int, str] = Field(
        default_factory=dict, description="a number item: words printed at some values (0: no pain)"
    )
    loinc: str | None = Field(None, description="the LOINC code of this item, when there is one")

    @model_validator(mode="after")
    def _fits_kind(self) -> QuestionItem:
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError("a choice item needs at least two options")
        if self.kind != "choice" and self.options:
            raise ValueError(f"a {self.kind} item has no options")
        numeric = self.min is not None and self.max is not None
        if self.kind == "number" and not (numeric and self.min < self.max):  # type: ignore[operator]
            raise ValueError("a number item needs min below max")
        if self.kind != "number" and (self.min is not None or self.max is not None or self.anchors):
            raise ValueError("min, max and anchors are for number items")
        ids = [option.id for option in self.options]
        if len(ids) != len(set(ids)):
            raise ValueError("option ids must be unique within an item")
        return self

    @property
    def lowest(self) -> int:
        """The fewest points this item can score."""
        if self.kind == "choice":
            return min(option.score for option in self.options)
        return self.min if self.kind == "number" and self.min is not None else 0

    @property
    def highest(self) -> int:
        """The most points this item can score."""
        if self.kind == "choice":
            return max(option.score for option in self.options)
        return self.max if self.kind == "number" and self.max is not None else 1


class Subscale(_Model):
    """A part score: the sum of some items."""

    id: ItemId
    name: str
    items: list[ItemId] = Field(min_length=1)
    loinc: str | None = None


class BandCondition(_Model):
    """A comparison of one score (``total`` or a subscale id) with a number."""

    score: ItemId
    op: Literal[">=", "<="]
    value: int

    def holds(self, scores: dict[str, int]) -> bool:
        """True when the named score passes."""
        number = scores[self.score]
        return number >= self.value if self.op == ">=" else number <= self.value


class BandCare(_Model):
    """A change the band makes to the self-care plan: a treatment brought forward, and why."""

    treatment: ItemId = Field(description="id in treatments.yaml")
    why: str = Field(min_length=1, description="plain words: why this group gets it")
    sources: list[CitationField] = Field(min_length=1)


class Band(_Model):
    """A group a score falls in (low, medium, high risk), in plain words, with what it means."""

    id: ItemId
    name: str = Field(description="plain words: 'low risk'")
    when: list[BandCondition] = Field(min_length=1, description="all must hold")
    meaning: str = Field(min_length=1, description="plain words: what the group means for the person")
    care: list[BandCare] = Field(default_factory=list, description="how the group changes the plan")
    codes: dict[str, str] = Field(
        default_factory=dict, description="code system -> code of this group (loinc answer, snomed)"
    )

    def holds(self, scores: dict[str, int]) -> bool:
        """True when every condition holds."""
        return all(condition.holds(scores) for condition in self.when)


class Change(_Model):
    """When a change between two scores matters: the minimal important change, and 'recovered'."""

    mic_points: int = Field(gt=0, description="a change of at least this many points matters")
    mic_percent: int = Field(gt=0, le=100, description="… or of at least this share of the first score")
    recovered_at_most: int | None = Field(None, description="a score this low or lower counts as recovered")
    sources: list[CitationField] = Field(min_length=1)


class Licence(_Model):
    """Who owns the form, what its licence asks, and the notice to show with it."""

    notice: str = Field(min_length=1, description="shown with the form and every result, word for word")
    terms: str = Field(min_length=1, description="what the licence allows and asks, in plain words")
    open_questions: str | None = Field(None, description="terms the sources do not settle")
    sources: list[CitationField] = Field(min_length=1)


class Questionnaire(Item):
    """A validated questionnaire: its items, scoring rules, licence and sources."""

    name: str
    short_name: str
    purpose: str = Field(description="plain words: what it measures and why lumbar asks it")
    instructions: str = Field(description="the form's instructions, as printed")
    recall: str = Field(description="the period the answers are about, in plain words")
    wording_source: list[CitationField] = Field(
        min_length=1, description="where the item wording was copied from"
    )
    items: list[QuestionItem] = Field(min_length=1)
    per_page: int = Field(3, ge=1, le=10, description="items on one web screen")
    missing: MissingRule
    missing_reason: str = Field(description="why unanswered items are treated so, with the source's words")
    higher_is_worse: bool = True
    score_unit: str = Field(description="plain words after a score: 'out of 9'")
    subscales: list[Subscale] = Field(default_factory=list)
    bands: list[Band] = Field(default_factory=list, description="first that holds wins; none = no groups")
    change: Change | None = None
    codes: dict[str, str] = Field(
        default_factory=dict, description="code system -> code of the panel or total score (loinc)"
    )
    licence: Licence

    @model_validator(mode="after")
    def _consistent(self) -> Questionnaire:
        item_ids = [item.id for item in self.items]
        if len(item_ids) != len(set(item_ids)):
            raise ValueError("item ids must be unique")
        numbers = [item.number for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("items must be numbered 1, 2, 3 … in order")
        scores = {TOTAL, *(s.id for s in self.subscales)}
        for subscale in self.subscales:
            unknown = set(subscale.items) - set(item_ids)
            if unknown:
                raise ValueError(f"subscale {subscale.id} names unknown items: {', '.join(sorted(unknown))}")
        for band in self.bands:
            unknown = {c.score for c in band.when} - scores
            if unknown:
                raise ValueError(f"band {band.id} reads unknown scores: {', '.join(sorted(unknown))}")
        if self.missing == "not_ticked" and any(item.kind != "tick" for item in self.items):
            raise ValueError("`missing: not_ticked` is for forms whose items are all ticks")
        return self

    def item(self, item_id: str) -> QuestionItem | None:
        """The item with this id, or None."""
        return next((item for item in self.items if item.id == item_id), None)

    def band(self, band_id: str) -> Band | None:
        """The band with this id, or None."""
        return next((band for band in self.bands if band.id == band_id), None)

    def score_range(self, score: str) -> tuple[int, int]:
        """The lowest and highest value of ``total`` or a subscale."""
        items = self.items
        if score != TOTAL:
            subscale = next(s for s in self.subscales if s.id == score)
            items = [item for item in self.items if item.id in subscale.items]
        return sum(item.lowest for item in items), sum(item.highest for item in items)
