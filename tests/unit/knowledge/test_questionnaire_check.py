"""`kb check` on questionnaires.yaml: bands that leave a score without a group or give it two, unknown
treatments and sources, and the STarT Back items and notice kept word for word."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from lumbar.knowledge.check import check_knowledge
from lumbar.knowledge.loader import data_root, load_knowledge
from lumbar.knowledge.questionnaire_check import reachable_scores

FILE = "questionnaires.yaml"


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    return root


def edit_start_back(root: Path, change: Any) -> None:
    path = root / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(next(q for q in data if q["id"] == "start_back"))
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def problems(root: Path) -> list[str]:
    return [str(p) for p in check_knowledge(root, None).problems if p.file == FILE]


def test_the_packaged_questionnaires_pass(kb_copy: Path) -> None:
    assert problems(kb_copy) == []


def test_a_gap_between_bands_is_named(kb_copy: Path) -> None:
    def change(q: dict[str, Any]) -> None:
        q["bands"][2]["when"] = [{"score": "total", "op": "<=", "value": 2}]  # low: total <= 2

    edit_start_back(kb_copy, change)
    found = problems(kb_copy)
    assert any("no band holds for total 3, distress 0" in p for p in found)


def test_overlapping_bands_are_named(kb_copy: Path) -> None:
    def change(q: dict[str, Any]) -> None:
        q["bands"][1]["when"] = [
            {"score": "total", "op": ">=", "value": 4}
        ]  # medium without its subscale limit

    edit_start_back(kb_copy, change)
    assert any("bands high, medium all hold for total 4, distress 4" in p for p in problems(kb_copy))


def test_an_unknown_treatment_and_source_are_named(kb_copy: Path) -> None:
    def change(q: dict[str, Any]) -> None:
        q["bands"][0]["care"][0]["treatment"] = "no_such_treatment"
        q["licence"]["sources"] = ["no_such_source"]

    edit_start_back(kb_copy, change)
    found = problems(kb_copy)
    assert any("'no_such_treatment' does not exist" in p for p in found)
    assert any("unknown source 'no_such_source'" in p for p in found)


def test_start_back_reaches_every_total_and_subscale_pair() -> None:
    questionnaire = load_knowledge().questionnaires["start_back"]
    pairs = reachable_scores(questionnaire)
    assert (9, 5) in pairs and (0, 0) in pairs and (4, 4) in pairs
    assert (3, 4) not in pairs  # a subscale of 4 needs a total of at least 4
    assert len(pairs) == 30  # subscale s of 0-5 with 0-4 of the first four items on top


def test_start_back_items_and_notice_are_keeles_words() -> None:
    questionnaire = load_knowledge().questionnaires["start_back"]
    texts = [item.text for item in questionnaire.items]
    assert texts[4] == "It’s not really safe for a person with a condition like mine to be physically active"
    assert texts[8] == "Overall, how bothersome has your back pain been in the last 2 weeks?"
    assert [o.text for o in questionnaire.items[8].options] == [
        "Not at all",
        "Slightly",
        "Moderately",
        "Very much",
        "Extremely",
    ]
    assert "part funded by Arthritis Research UK" in questionnaire.licence.notice
    assert "No license is required for non-commercial use" in questionnaire.licence.notice


def test_oswestry_is_left_out_with_its_licence_reason_recorded() -> None:
    kb = load_knowledge()
    assert "oswestry" not in " ".join(kb.questionnaires)
    decision = kb.conflicts["oswestry_licence"]
    assert "mapi_odi" in decision.source_ids
    assert decision.follows.startswith("Leave the ODI out")
