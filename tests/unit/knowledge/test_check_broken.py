"""`kb check` on broken copies of the knowledge base: every problem is reported at once, with file and id."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from lumbar.cli import main
from lumbar.knowledge.check import check_knowledge, either_or, seeds_dir
from lumbar.knowledge.loader import data_root

Edit = Callable[[Any], Any]


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    return root


def edit(root: Path, name: str, change: Edit) -> None:
    path = root / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(change(data), sort_keys=False, allow_unicode=True), encoding="utf-8")


def item(items: list[dict[str, Any]], item_id: str) -> dict[str, Any]:
    return next(i for i in items if i.get("id") == item_id)


def messages(root: Path) -> list[str]:
    return [str(p) for p in check_knowledge(root, seeds_dir()).problems]


def test_a_clean_copy_passes(kb_copy: Path) -> None:
    assert messages(kb_copy) == []


def test_unknown_finding_in_a_rule_is_named_with_file_and_id(kb_copy: Path) -> None:
    def change(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(rules, "rule_fever")["when"] = {"any": ["fever", "hot_flushes_nonexistent"]}
        return rules

    edit(kb_copy, "rules.yaml", change)
    assert any("rules.yaml: rule_fever" in m and "hot_flushes_nonexistent" in m for m in messages(kb_copy))


def test_a_rule_for_an_unknown_group_or_for_no_one_is_named(kb_copy: Path) -> None:
    def change(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(rules, "rule_mscc")["applies_to"] = [{"findings": ["cancer_history_nonexistent"]}]
        del item(rules, "rule_fever")["applies_to"]
        return rules

    edit(kb_copy, "rules.yaml", change)
    found = messages(kb_copy)
    assert any("rule_mscc" in m and "cancer_history_nonexistent" in m for m in found), found
    assert any("rule_fever" in m and "applies_to" in m for m in found), found


def test_every_problem_is_reported_at_once(kb_copy: Path) -> None:
    def break_cause(causes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(causes, "muscle_strain")["evidence"][0]["finding"] = "no_such_finding"
        item(causes, "kidney_stone")["sources"] = ["no_such_source"]
        return [c for c in causes if c["id"] != "myositis"]

    edit(kb_copy, "causes.yaml", break_cause)
    found = messages(kb_copy)
    assert any("muscle_strain" in m and "no_such_finding" in m for m in found)
    assert any("kidney_stone" in m and "no_such_source" in m for m in found)
    assert any("myositis" in m and "CONTRACT.md" in m for m in found)


def test_item_without_source_is_reported(kb_copy: Path) -> None:
    def change(tests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(tests, "mri_lumbar")["sources"] = []
        return tests

    edit(kb_copy, "tests.yaml", change)
    assert any("tests.yaml: mri_lumbar" in m and "cites no source" in m for m in messages(kb_copy))


def test_schema_error_names_the_field(kb_copy: Path) -> None:
    def change(causes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(causes, "dehydration")["prior"] = 1.5
        return causes

    edit(kb_copy, "causes.yaml", change)
    assert any("causes.yaml: dehydration" in m and "prior" in m for m in messages(kb_copy))


def test_unmapped_claim_and_missing_anchor_fail(kb_copy: Path) -> None:
    def change(coverage: dict[str, Any]) -> dict[str, Any]:
        claim = coverage["claims"][0]
        claim["maps_to"] = []
        claim["rejected"] = None
        coverage["claims"][1]["anchor"] = "words that never appear in any seed"
        return coverage

    edit(kb_copy, "coverage.yaml", change)
    found = messages(kb_copy)
    assert any("unmapped" in m for m in found)
    if seeds_dir() is not None:
        assert any("anchor not found" in m for m in found)


def test_uncovered_seed_paragraph_fails(kb_copy: Path) -> None:
    if seeds_dir() is None:
        pytest.skip("seed documents not beside the repository")

    def change(coverage: dict[str, Any]) -> dict[str, Any]:
        coverage["skipped"] = coverage["skipped"][1:]
        return coverage

    edit(kb_copy, "coverage.yaml", change)
    assert any("paragraph not covered" in m for m in messages(kb_copy))


def test_invalid_yaml_is_reported_not_raised(kb_copy: Path) -> None:
    (kb_copy / "prevention.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    assert any("prevention.yaml" in m and "not valid YAML" in m for m in messages(kb_copy))


def test_conflict_must_say_what_lumbar_follows(kb_copy: Path) -> None:
    def change(conflicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        conflicts[0]["follows"] = " "
        return conflicts

    edit(kb_copy, "conflicts.yaml", change)
    assert any("conflicts.yaml" in m and "follows" in m for m in messages(kb_copy))


def test_kb_check_command_exits_one_on_a_problem(
    kb_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(rules: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(rules, "rule_fever")["suspects"] = ["not_a_cause"]
        return rules

    edit(kb_copy, "rules.yaml", change)
    monkeypatch.setattr("lumbar.knowledge.check.data_root", lambda: kb_copy)
    assert main(["kb", "check"]) == 1
    out = capsys.readouterr().out
    assert "rule_fever" in out and "not_a_cause" in out


def test_a_red_flag_picture_without_rule_or_case_fails(kb_copy: Path) -> None:
    def change(pictures: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(pictures, "sepsis")["rules"] = ["rule_no_such_rule"]
        item(pictures, "mscc")["silent"] = []
        item(pictures, "meningitis")["rules"] = ["rule_fever"]  # too weak for an ambulance picture
        return pictures

    edit(kb_copy, "red_flags.yaml", change)
    found = messages(kb_copy)
    assert any("red_flags.yaml: sepsis" in m and "rule_no_such_rule" in m for m in found)
    assert any("red_flags.yaml: mscc" in m and "silent" in m for m in found)
    assert any("red_flags.yaml: meningitis" in m and "reaches" in m for m in found)


def test_a_second_wording_must_say_what_yes_means(kb_copy: Path) -> None:
    def change(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(findings, "muscle_weakness_leg")["unsure_question"] = {"text": "Can you walk on your heels?"}
        item(findings, "fever")["question"] = "Do you have a fever? Or chills?"
        return findings

    edit(kb_copy, "findings.yaml", change)
    found = messages(kb_copy)
    assert any("muscle_weakness_leg" in m and "yes_means" in m for m in found)
    assert any("fever" in m and "exactly one question" in m for m in found)


def test_numbers_need_a_plausible_range_that_their_thresholds_lie_in(kb_copy: Path) -> None:
    def change(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        del item(findings, "age")["plausible"]
        item(findings, "temperature_c")["plausible"]["max"] = 37.5  # fever is read from 38.0
        item(findings, "fever")["plausible"] = {"min": 0, "max": 1, "notice": "You wrote {words}."}
        return findings

    edit(kb_copy, "findings.yaml", change)
    found = messages(kb_copy)
    assert any("findings.yaml: age: a number needs `plausible: {min, max, notice}`" in m for m in found)
    assert any(
        "findings.yaml: fever: threshold 38 lies outside the plausible range of temperature_c (30–37.5)" in m
        for m in found
    )
    assert any("findings.yaml: fever: `plausible` is for numbers" in m for m in found)


@pytest.mark.parametrize(
    ("plausible", "words"),
    [
        ({"min": 10, "max": 1, "notice": "You wrote {words}."}, "min (10) must be below max (1)"),
        ({"min": 0, "max": 9, "notice": "That age cannot be right."}, "must quote {words}"),
        (
            {"min": 0, "max": 9, "notice": "You wrote {words} for {finding}."},
            "may use only {max}, {min}, {words}",
        ),
        ({"min": 0, "max": 9, "notice": "You wrote {words}, over {max:.1f}."}, "no format after a colon"),
    ],
)
def test_a_plausible_range_is_checked_with_its_notice(
    kb_copy: Path, plausible: dict[str, Any], words: str
) -> None:
    def change(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(findings, "pain_score")["plausible"] = plausible
        return findings

    edit(kb_copy, "findings.yaml", change)
    assert any("findings.yaml: pain_score: plausible" in m and words in m for m in messages(kb_copy))


def test_an_either_or_wording_on_a_yes_no_question_is_refused(kb_copy: Path) -> None:
    def change(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
        item(findings, "muscle_weakness_leg")["unsure_question"]["text"] = (
            "Is it only one leg, or do both legs feel it?"
        )
        item(findings, "leg_pain_radiating")["question"] = "Does the pain go down one leg or both?"
        return findings

    edit(kb_copy, "findings.yaml", change)
    found = messages(kb_copy)
    assert any(
        "findings.yaml: muscle_weakness_leg" in m and "offers a choice ('only one leg, or')" in m
        for m in found
    )
    assert any("findings.yaml: leg_pain_radiating" in m and "'one leg or both'" in m for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Is it only one leg, or do both legs feel it?",
        "Is it in one leg or both?",
        "Is the pain on the left or the right?",
        "Is it sharp, or is it dull?",
        "Is it getting better or worse?",
        "Does it hurt, or not?",
        "Which leg hurts more?",
    ],
)
def test_either_or_finds_alternatives(text: str) -> None:
    assert either_or(text)


@pytest.mark.parametrize(
    "text",
    [
        "Do you inject drugs, or have you recently?",
        "Have you seen blood in your urine, or is it pink or red?",
        "Are you unable to pee at all, or have you not peed for many hours despite needing to?",
        "Is either leg or foot weak — for example, does your foot slap or catch, or does the leg give way?",
        "Has your bump gone tight and then relaxed again more than three or four times?",
        "Is the pain, tingling, numbness or weakness in both legs?",
    ],
)
def test_either_or_lets_one_yes_no_question_with_several_examples_pass(text: str) -> None:
    assert either_or(text) is None
