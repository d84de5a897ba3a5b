"""Read scores back out of a FHIR Bundle made by :mod:`lumbar.export.fhir` (the round trip)."""

from __future__ import annotations

from dataclasses import dataclass

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation


@dataclass(frozen=True)
class ReadScore:
    """One Observation's code, its value (a number or a group's code) and its day."""

    system: str
    code: str
    value: int | str
    effective: str


def read_scores(bundle_json: str) -> list[ReadScore]:
    """Every score Observation in the Bundle, validated again by ``fhir.resources``."""
    bundle = Bundle.model_validate_json(bundle_json)
    found: list[ReadScore] = []
    for entry in bundle.entry or []:
        resource = entry.resource
        if not isinstance(resource, Observation) or not resource.code.coding:
            continue
        coding = resource.code.coding[0]
        if resource.valueInteger is not None:
            value: int | str = resource.valueInteger
        elif resource.valueCodeableConcept is not None and resource.valueCodeableConcept.coding:
            value = str(resource.valueCodeableConcept.coding[0].code)
        else:
            continue
        found.append(ReadScore(str(coding.system), str(coding.code), value, str(resource.effectiveDateTime)))
    return found
