"""treatments.yaml: valid, complete, cited, and carrying the facts the seeds and guidelines give."""

from __future__ import annotations

import re

import pytest

from lumbar.knowledge.loader import KnowledgeBase, data_root, parse_knowledge
from lumbar.knowledge.schema import RecommendationStrength

REQUIRED_IDS = [
    "cold_pack",
    "heat_pack",
    "warm_bath_shower",
    "hot_tub",
    "stay_active",
    "short_rest",
    "comfortable_positions",
    "knees_up_position",
    "walking",
    "cat_stretch",
    "knee_to_chest_stretch",
    "gentle_stretching",
    "return_to_running",
    "swimming",
    "massage",
    "deep_breathing",
    "fluids_electrolytes",
    "nsaid_oral",
    "paracetamol",
    "weak_opioid",
    "muscle_relaxant",
    "physiotherapy_exercise",
    "manual_therapy",
    "acupuncture",
    "tens_traction_ultrasound",
    "spinal_injection",
    "surgery",
    "driving",
    "lumbar_support_towel",
    "foam_roller",
]


def test_treatments_file_validates_without_problems() -> None:
    _, problems = parse_knowledge(data_root())
    assert [str(p) for p in problems if p.file == "treatments.yaml"] == []


def test_every_required_treatment_id_exists(kb: KnowledgeBase) -> None:
    assert sorted(set(REQUIRED_IDS) - set(kb.treatments)) == []


def test_every_treatment_cites_known_sources(kb: KnowledgeBase) -> None:
    unknown = {
        (t.id, c.source) for t in kb.treatments.values() for c in t.sources if c.source not in kb.sources
    }
    assert all(t.sources for t in kb.treatments.values())
    assert unknown == set()


def test_contraindications_and_cautions_name_known_findings(kb: KnowledgeBase) -> None:
    unknown = {
        (t.id, f)
        for t in kb.treatments.values()
        for f in [*t.contraindications, *t.cautions]
        if f not in kb.findings
    }
    assert unknown == set()


@pytest.mark.parametrize("treatment_id", ["nsaid_oral", "topical_nsaid"])
def test_anti_inflammatories_are_ruled_out_in_pregnancy_and_with_blood_thinners(
    kb: KnowledgeBase, treatment_id: str
) -> None:
    assert {"pregnant", "anticoagulant", "nsaid_allergy"} <= set(
        kb.treatments[treatment_id].contraindications
    )


def test_advised_against_items_cite_a_guideline(kb: KnowledgeBase) -> None:
    advised_against = [
        t for t in kb.treatments.values() if t.recommendation is RecommendationStrength.NOT_RECOMMENDED
    ]
    assert {t.id for t in advised_against} >= {"paracetamol", "acupuncture", "tens_traction_ultrasound"}
    assert all({"nice_ng59", "acp_2017"} & set(t.source_ids) for t in advised_against)


def _words(kb: KnowledgeBase, treatment_id: str) -> str:
    t = kb.treatments[treatment_id]
    return " ".join([t.text, *t.how, t.duration or "", t.frequency or "", t.dose_limits or "", *t.stop_if])


@pytest.mark.parametrize(
    ("treatment_id", "pattern"),
    [
        ("heat_pack", r"15 minutes.*4 hours|4 hours.*15 minutes"),
        ("heat_pack", r"[Mm]oist heat"),
        ("cold_pack", r"15 to 20 minutes"),
        ("cold_pack", r"cloth|towel"),
        ("hot_tub", r"30 to 40 minutes"),
        ("return_to_running", r"walk for 30 minutes"),
        ("swimming", r"few weeks"),
        ("cat_stretch", r"hands and knees.*3 or 4|3 or 4.*hands and knees"),
        ("massage", r"30 to 60 seconds.*pulse"),
        ("driving", r"opioid \(narcotic\)"),
        ("driving", r"towel"),
        ("deep_breathing", r"5 seconds.*1 second"),
        ("nsaid_oral", r"10 days"),
        ("nsaid_oral", r"1,200 mg in 24 hours"),
        ("paracetamol", r"4 g"),
        ("foam_roller", r"ask a physiotherapist or a trainer"),
        ("knees_up_position", r"90 degrees|right angle"),
        ("stay_active", r"[Gg]uidelines found that staying active works better than bed rest"),
    ],
)
def test_treatment_carries_the_fact(kb: KnowledgeBase, treatment_id: str, pattern: str) -> None:
    assert re.search(pattern, _words(kb, treatment_id), flags=re.S)


@pytest.mark.parametrize(
    ("treatment_id", "locator"),
    [
        ("nsaid_oral", "nice_ng59#1.2.18-1.2.19"),
        ("paracetamol", "nice_ng59#1.2.20"),
        ("spinal_injection", "nice_ng59#1.3.1"),
        ("heat_pack", "000_c649623189fe4d57#Heat the area of the cramps"),
    ],
)
def test_treatment_cites_the_recommendation(kb: KnowledgeBase, treatment_id: str, locator: str) -> None:
    assert locator in [str(c) for c in kb.treatments[treatment_id].sources]
