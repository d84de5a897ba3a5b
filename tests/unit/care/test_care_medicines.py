"""The plan says what the person already takes, never adds a second anti-inflammatory or a duplicate
ingredient, and says what to do when a medicine does not help."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from lumbar.assessment import Assessment, FoundFinding
from lumbar.care.medicines import medicines_taken
from lumbar.care.plan import advice_items, make_plan
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level

TODAY = date(2025, 1, 1)
NSAIDS = {"nsaid_oral", "topical_nsaid"}
MakeAssessment = Callable[..., Assessment]


def taking(base: Assessment, *said: tuple[str, str]) -> Assessment:
    """``base`` with findings read from the person's words: (finding id, the words)."""
    found = [FoundFinding(id=finding, status="present", evidence=words) for finding, words in said]
    return base.replace(findings=[*base.findings, *found])


def item_ids(assessment: Assessment, kb: KnowledgeBase) -> list[str]:
    return [i.id for i in make_plan(assessment, kb, TODAY).items()]


def test_diclofenac_that_does_not_help_gets_no_new_anti_inflammatory(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    base = make_assessment(present=("lifting_injury", "muscle_spasm", "pain_not_improving"))
    assessment = taking(
        base,
        ("takes_nsaid", "diclofenac"),
        ("medicine_not_helping", "diclofenac but not help"),
        ("painkillers_not_working", "diclofenac but not help"),
    )
    plan = make_plan(assessment, kb, TODAY)
    assert {i.id for i in plan.items()} & NSAIDS == set()
    assert {left.id for left in plan.left_out} >= NSAIDS
    first = plan.sections[0].items[0]
    assert first.id == "already_taking_diclofenac"
    assert "diclofenac" in first.title
    # what to do when it does not help comes first: the dose, no second anti-inflammatory, whom to see
    assert first.text == kb.medicine_classes["nsaid"].not_helping.format(medicine="diclofenac")
    assert "dose on the pack" in first.text and "second anti-inflammatory" in first.text
    assert "pharmacist or GP" in first.text
    assert first.source_ids and all(s in kb.sources for s in first.source_ids)


def test_a_medicine_taken_without_complaint_leads_with_how_to_keep_taking_it(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(taking(make_assessment(), ("takes_nsaid", "Nurofen")), kb, TODAY)
    first = plan.sections[0].items[0]
    assert first.title.endswith("ibuprofen")
    assert first.text.startswith("Ibuprofen is an anti-inflammatory painkiller.")
    assert any(step.startswith("If ibuprofen does not help") for step in first.how)
    assert "nsaid_oral" not in {i.id for i in plan.items()}


def test_co_codamol_counts_paracetamol_once(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    assessment = taking(make_assessment(), ("takes_paracetamol", "co-codamol"), ("opioid_use", "co-codamol"))
    plan = make_plan(assessment, kb, TODAY)
    home = [i for s in plan.sections if s.id != "advised_against" for i in s.items]
    notes = [i for i in home if i.id.startswith("already_taking")]
    assert [i.id for i in notes] == ["already_taking_co_codamol"]
    assert "paracetamol and codeine in it" in notes[0].text
    assert "Do not take more paracetamol" in notes[0].text
    # no extra paracetamol and no second codeine
    assert {"paracetamol", "weak_opioid"} & {i.id for i in home} == set()
    assert "weak_opioid" in {left.id for left in plan.left_out}


def test_a_gel_rules_out_tablets_too(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(taking(make_assessment(), ("uses_nsaid_gel", "Voltarol gel")), kb, TODAY)
    assert {i.id for i in plan.items()} & NSAIDS == set()
    assert plan.sections[0].items[0].id == "already_taking_diclofenac_gel"


def test_a_misspelt_medicine_is_named_by_its_kind(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    assessment = taking(make_assessment(), ("takes_nsaid", "ibuprofin"))
    assert medicines_taken(assessment, kb) == [("an anti-inflammatory painkiller", None)]
    first = make_plan(assessment, kb, TODAY).sections[0].items[0]
    assert first.title.endswith("an anti-inflammatory painkiller")


def test_a_person_taking_nothing_gets_the_usual_plan(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    plan = make_plan(make_assessment(present=("lifting_injury", "muscle_spasm")), kb, TODAY)
    assert not any(i.id.startswith("already_taking") for i in plan.items())
    assert "nsaid_oral" in {i.id for i in plan.sections[0].items}
    assert not plan.left_out


@pytest.mark.parametrize("level", [Level.CONSULTATION_24, Level.EMERGENCY, Level.EMERGENCY_AMBULANCE])
def test_while_waiting_for_urgent_help_no_medicine_is_advised(
    kb: KnowledgeBase, make_assessment: MakeAssessment, level: Level
) -> None:
    # "took ibuprofen, now my lips are swelling": the medicine may be the emergency
    plan = make_plan(taking(make_assessment(level=level), ("takes_nsaid", "ibuprofen")), kb, TODAY)
    assert [s.id for s in plan.sections] == ["while_you_wait"]
    assert not any(i.id.startswith("already_taking") for i in plan.items())


def test_a_possible_reaction_says_stop_not_keep_taking(
    kb: KnowledgeBase, make_assessment: MakeAssessment
) -> None:
    assessment = taking(
        make_assessment(level=Level.CONSULTATION, present=("hives",)), ("takes_nsaid", "naproxen")
    )
    first = make_plan(assessment, kb, TODAY).sections[0].items[0]
    assert first.id == "already_taking_naproxen"
    assert first.text.startswith("Stop taking naproxen")
    assert "Keep to the dose" not in " ".join([first.text, *first.how])
    assert "hives" in first.why


def test_what_is_taken_is_in_the_advice(kb: KnowledgeBase, make_assessment: MakeAssessment) -> None:
    plan = make_plan(taking(make_assessment(), ("takes_nerve_pain_medicine", "pregabalin")), kb, TODAY)
    assert "already_taking_pregabalin" in [a.id for a in advice_items(plan)]


def test_every_medicine_kind_has_its_taken_finding_ruling_out_its_own_kind_of_treatment(
    kb: KnowledgeBase,
) -> None:
    ruled_out = {f for t in kb.treatments.values() for f in t.contraindications}
    kinds = {"nsaid", "nsaid_gel", "opioid", "muscle_relaxant"}
    assert {kb.medicine_classes[k].finding for k in kinds} <= ruled_out
