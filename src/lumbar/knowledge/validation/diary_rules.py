"""The diary's rules as data (diary.yaml): daily dose limits, when to prompt a visit, the plot's
milestones, and every sentence the diary shows. Validated once, like every knowledge file."""

from __future__ import annotations

from pydantic import BaseModel, Field

from lumbar.knowledge.terms import Level
from lumbar.knowledge.validation.schema import ITEM_CONFIG, CitationField, ItemId


class _Data(BaseModel):
    model_config = ITEM_CONFIG


class DoseLimit(_Data):
    """The most of one ingredient an adult may take in 24 hours, and its usual single dose."""

    ingredient: str = Field(description="as written in medicines.yaml `ingredients`")
    most_per_day_mg: float = Field(gt=0, description="the most in 24 hours, in milligrams")
    usual_dose_mg: float = Field(gt=0, description="one usual dose, in milligrams")
    over: str = Field(description="what to do when more than the most was taken")
    sources: list[CitationField] = Field(min_length=1)


class TabletStrength(_Data):
    """Milligrams of each counted ingredient in one tablet of a medicine counted in tablets."""

    medicine: ItemId = Field(description="id in medicines.yaml")
    per_tablet_mg: dict[str, float] = Field(min_length=1, description="ingredient -> mg in one tablet")
    sources: list[CitationField] = Field(min_length=1)


class Milestone(_Data):
    """A point of the plan marked on the plot."""

    id: str
    days: float = Field(gt=0, description="days after the first assessment")
    label: str


class Review(_Data):
    """When the diary prompts a visit: not better by ``after_days``, or worse at any time.

    Better and worse follow ``pain_questionnaire``'s change rule (its minimal important change).
    The diary's verdict becomes findings of the knowledge base, so the warning-sign rules decide
    the level; ``prompt_level`` is the least urgent level a prompt may have.
    """

    after_days: int = Field(gt=0)
    pain_questionnaire: ItemId = Field(description="id in questionnaires.yaml with a `change` rule")
    not_better_finding: ItemId
    worse_finding: ItemId
    prompt_level: Level
    milestones: list[Milestone] = Field(min_length=1)
    sources: list[CitationField] = Field(min_length=1)


class DiaryWording(_Data):
    """Every sentence the diary shows; ``{…}`` fields are filled in by the diary engine."""

    dose_at_limit: str
    dose_next_over: str
    no_limit_known: str
    tablets_unknown: str
    count_tablets: str
    unknown_medicine: str
    new_signs: str
    no_new_signs: str
    not_better: str
    worse_now: str
    worse_worst: str
    better: str
    too_early: str
    no_entries: str
    prompt: str
    trend_better: str
    trend_worse: str
    trend_no_real_change: str
    trend_same: str
    trend_one_entry: str
    plot_title: str
    plot_pain_now: str
    plot_pain_worst: str
    plot_activity: str
    plot_axis_days: str
    plot_axis_pain: str
    plot_summary: str
    plot_row: str
    plot_axis_scores: str
    plot_score_line: str
    plot_score_summary: str
    plot_score_one: str
    plot_score_row: str


class DiaryRules(_Data):
    """The whole of diary.yaml."""

    dose_limits: list[DoseLimit] = Field(min_length=1)
    tablets: list[TabletStrength] = Field(default_factory=list)
    review: Review
    plotted_scores: list[ItemId] = Field(
        default_factory=list,
        description="ids in questionnaires.yaml whose kept totals the plot draws under the pain, in this order",
    )
    wording: DiaryWording
