"""The medicines a person already takes are read by generic and brand name, with the name as evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lumbar.errors import Problem
from lumbar.intake.reader import Reading
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.medicine_names import with_medicine_names
from lumbar.knowledge.schema import Finding, Medicine, MedicineClass

Read = Callable[[str], Reading]


@pytest.mark.parametrize(
    ("text", "finding", "name"),
    [
        ("I take Nurofen for my back", "takes_nsaid", "Nurofen"),
        ("been on Advil since Monday", "takes_nsaid", "Advil"),
        ("the doctor gave me Brufen", "takes_nsaid", "Brufen"),
        ("I take naproxen twice a day", "takes_nsaid", "naproxen"),
        ("took an Aleve this morning", "takes_nsaid", "Aleve"),
        ("I am on Voltarol tablets", "takes_nsaid", "Voltarol"),
        ("took two aspirin", "takes_nsaid", "aspirin"),
        ("I take paracetamol", "takes_paracetamol", "paracetamol"),
        ("took some Tylenol last night", "takes_paracetamol", "Tylenol"),
        ("acetaminophen every 6 hours", "takes_paracetamol", "acetaminophen"),
        ("I have been giving him Calpol", "takes_paracetamol", "Calpol"),
        ("on tramadol from my GP", "opioid_use", "tramadol"),
        ("I take diazepam at night", "takes_muscle_relaxant", "diazepam"),
        ("cyclobenzaprine from urgent care", "takes_muscle_relaxant", "cyclobenzaprine"),
        ("methocarbamol did help a bit", "takes_muscle_relaxant", "methocarbamol"),
        ("I take gabapentin", "takes_nerve_pain_medicine", "gabapentin"),
        ("rubbing ibuprofen gel on it", "uses_nsaid_gel", "ibuprofen gel"),
    ],
)
def test_brand_and_generic_names_are_read_with_the_name_as_evidence(
    read: Read, text: str, finding: str, name: str
) -> None:
    found = read(text).findings[finding]
    assert found.status == "present"
    assert found.evidence == name


def test_co_codamol_is_paracetamol_and_an_opioid(read: Read) -> None:
    reading = read("My lower back hurts and I am on co-codamol")
    assert {"takes_paracetamol", "opioid_use"} <= reading.present()
    assert reading.findings["takes_paracetamol"].evidence == "co-codamol"


def test_a_gel_is_not_tablets(read: Read) -> None:
    reading = read("I use Voltaren gel on my back")
    assert "uses_nsaid_gel" in reading.present()
    assert "takes_nsaid" not in reading.present()


def test_every_name_in_the_data_is_read_as_each_of_its_kinds(kb: KnowledgeBase, read: Read) -> None:
    misses = []
    for medicine in kb.medicines.values():
        wanted = {kb.medicine_classes[c].finding for c in medicine.classes}
        for name in medicine.names:
            present = read(f"I take {name.lstrip('=')} for my back").present()
            if not wanted <= present:
                misses.append(f"{name}: {sorted(wanted - present)}")
    assert not misses


@pytest.mark.parametrize(
    "text",
    [
        "I take diclofenac but not help",
        "I take ibuprofen but it does not help",
        "I took Nurofen but it isn't helping",
        "diclofenac is not working",
        "co-codamol does nothing",
    ],
)
def test_a_medicine_that_does_not_help_is_taken_and_not_helping(read: Read, text: str) -> None:
    reading = read(text)
    taken = {"takes_nsaid", "takes_paracetamol"} & reading.present()
    assert taken, reading.present()
    assert {"medicine_not_helping", "painkillers_not_working"} <= reading.present()


def test_the_medicine_that_does_not_help_keeps_its_own_name_as_evidence(read: Read) -> None:
    reading = read("I take diclofenac but not help")
    assert reading.findings["takes_nsaid"].evidence == "diclofenac"
    assert "diclofenac" in reading.findings["medicine_not_helping"].evidence


def test_does_nothing_for_the_back_leaves_the_back_pain_read(read: Read) -> None:
    reading = read("Advil does nothing for my back cramps")
    assert {"back_pain", "muscle_spasm", "takes_nsaid"} <= reading.present()


def test_asking_about_a_medicine_is_not_taking_it(read: Read) -> None:
    assert "takes_nsaid" not in read("Can I take ibuprofen for a back spasm?").present()
    assert "takes_paracetamol" not in read("should I take paracetamol").present()


def test_asking_about_a_medicine_leaves_what_follows_read(read: Read) -> None:
    assert "anticoagulant" in read("can I take ibuprofen with warfarin").present()
    assert "leg_numbness_tingling" in read("can I take ibuprofen with numb legs").present()


def test_not_taking_a_medicine_is_read_as_absent(read: Read) -> None:
    assert read("I have not taken any ibuprofen yet").findings["takes_nsaid"].status == "absent"


def test_medicine_names_fold_into_the_finding_of_their_kind() -> None:
    findings = {
        "takes_x": Finding(id="takes_x", name="Takes x", group="medication"),
        "x_fails": Finding(
            id="x_fails", name="X fails", group="medication", synonyms=["{medicine} not help"]
        ),
    }
    kinds = {"x": MedicineClass(id="x", name="an x", finding="takes_x", already_taking="a", not_helping="b")}
    medicines = {
        "m": Medicine(id="m", name="m", names=["mol", "=brand mol"], ingredients=["m"], classes=["x"])
    }
    problems: list[Problem] = []
    out = with_medicine_names(findings, medicines, kinds, problems)
    assert out["takes_x"].synonyms == ["mol", "=brand mol"]
    assert out["x_fails"].synonyms == ["mol not help", "brand mol not help"]
    assert not problems


def test_an_unknown_kind_or_finding_is_a_problem() -> None:
    kinds = {"x": MedicineClass(id="x", name="an x", finding="nowhere", already_taking="a", not_helping="b")}
    medicines = {"m": Medicine(id="m", name="m", names=["mol"], ingredients=["m"], classes=["x", "y"])}
    problems: list[Problem] = []
    with_medicine_names({}, medicines, kinds, problems)
    assert len(problems) == 2
