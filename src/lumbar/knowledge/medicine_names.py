"""Fold the medicines' names into the findings that read them.

A medicine class names the finding that says a person takes one (``takes_nsaid``); every generic and
brand name of a medicine in that class becomes a synonym of it. A synonym written with ``{medicine}``
("{medicine} but not help") stands for the same phrase with each medicine's name in its place, so one
line of data reads "diclofenac but not help" and "nurofen is not helping" alike.
"""

from __future__ import annotations

from lumbar.errors import Problem
from lumbar.knowledge.schema import Finding, Medicine, MedicineClass

#: the placeholder a finding's synonym uses for any medicine's name.
MEDICINE = "{medicine}"


def with_medicine_names(
    findings: dict[str, Finding],
    medicines: dict[str, Medicine],
    classes: dict[str, MedicineClass],
    problems: list[Problem],
) -> dict[str, Finding]:
    """``findings`` with each class's medicine names added and every ``{medicine}`` synonym expanded."""
    added: dict[str, list[str]] = {}
    for medicine in medicines.values():
        for class_id in medicine.classes:
            kind = classes.get(class_id)
            if kind is None:
                problems.append(
                    Problem(
                        "medicines.yaml", medicine.id, f"class '{class_id}' is not in medicine_classes.yaml"
                    )
                )
                continue
            added.setdefault(kind.finding, []).extend(medicine.names)
    for kind in classes.values():
        if kind.finding not in findings:
            problems.append(
                Problem("medicine_classes.yaml", kind.id, f"finding '{kind.finding}' does not exist; add it")
            )
    names = [name.lstrip("=") for medicine in medicines.values() for name in medicine.names]
    out: dict[str, Finding] = {}
    for finding_id, finding in findings.items():
        synonyms = [*_expand(finding.synonyms, names), *added.get(finding_id, [])]
        if synonyms != finding.synonyms:
            finding = finding.replace(synonyms=list(dict.fromkeys(synonyms)))
        out[finding_id] = finding
    return out


def _expand(phrases: list[str], names: list[str]) -> list[str]:
    out: list[str] = []
    for phrase in phrases:
        if MEDICINE in phrase:
            out += [phrase.replace(MEDICINE, name) for name in names]
        else:
            out.append(phrase)
    return out
