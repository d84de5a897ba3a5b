"""codes.yaml: every level maps to a risk-probability code; what lumbar writes is in its value set."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from lumbar.export.codes import ExportCodes, StatusRule, export_codes
from lumbar.knowledge.schema import Level


def test_every_level_has_a_qualitative_risk_and_urgent_levels_are_high() -> None:
    codes = export_codes()
    assert set(codes.level_risk) == set(Level)
    assert codes.level_risk[Level.EMERGENCY_AMBULANCE] == "high"
    assert codes.level_risk[Level.EMERGENCY] == "high"
    # no level claims a serious cause is ruled out
    assert "negligible" not in codes.level_risk.values()


def test_risk_never_falls_as_the_level_rises() -> None:
    codes = export_codes()
    order = codes.risk_probability_codes
    ranks = [order.index(codes.level_risk[level]) for level in Level]
    assert ranks == sorted(ranks)


def test_a_written_status_outside_its_value_set_is_refused() -> None:
    with pytest.raises(ValidationError, match="not in its value set"):
        StatusRule(written="done", allowed=["final"])


def test_a_mapping_outside_risk_probability_is_refused() -> None:
    data = export_codes().model_dump()
    data["level_risk"]["self_care"] = "tiny"
    with pytest.raises(ValidationError, match="outside risk-probability"):
        ExportCodes.model_validate(data)
