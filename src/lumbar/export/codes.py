"""The export's code systems, value sets and level mapping, read from ``codes.yaml`` (data, not code)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from lumbar.knowledge.schema import Level


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatusRule(_Model):
    """The code lumbar writes in a status-like element, and the value set it must belong to."""

    written: str
    allowed: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _written_allowed(self) -> StatusRule:
        if self.written not in self.allowed:
            raise ValueError(f"'{self.written}' is not in its value set {self.allowed}")
        return self


class Canonicals(_Model):
    loinc_panel: str
    lumbar: str


class ExportCodes(_Model):
    """Everything ``codes.yaml`` holds."""

    systems: dict[str, str]
    questionnaire_canonical: Canonicals
    observation_category: str
    level_risk: dict[Level, str]
    statuses: dict[str, StatusRule]
    careplan_intent: StatusRule
    careplan_activity_status: StatusRule
    risk_probability_codes: list[str]
    observation_category_codes: list[str]

    @model_validator(mode="after")
    def _consistent(self) -> ExportCodes:
        unknown = set(self.level_risk.values()) - set(self.risk_probability_codes)
        if unknown:
            raise ValueError(f"level_risk uses codes outside risk-probability: {sorted(unknown)}")
        missing = set(Level) - set(self.level_risk)
        if missing:
            raise ValueError(f"level_risk has no entry for {sorted(missing)}")
        if self.observation_category not in self.observation_category_codes:
            raise ValueError(f"'{self.observation_category}' is not an observation category")
        return self

    def system(self, name: str) -> str:
        """The URL of a code system by its short name (``loinc``, ``risk_probability`` …)."""
        return self.systems[name]


@cache
def export_codes() -> ExportCodes:
    """The export's codes, read and validated once."""
    text = files("lumbar.export").joinpath("codes.yaml").read_text(encoding="utf-8")
    return ExportCodes.model_validate(yaml.safe_load(text))
