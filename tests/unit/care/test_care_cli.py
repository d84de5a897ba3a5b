"""`lumbar plan` and `lumbar explain`, on the packaged knowledge base with hand-made assessments."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import lumbar.cli.plan as plan_cli
import lumbar.knowledge.loader as loader
from lumbar.assessment import Assessment
from lumbar.cli import main
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level

MakeAssessment = Callable[..., Assessment]


@pytest.fixture(autouse=True)
def _packaged_kb(monkeypatch: pytest.MonkeyPatch, kb: KnowledgeBase) -> None:
    monkeypatch.setattr(loader, "load_knowledge", lambda: kb)


def test_plan_from_text_uses_assess(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], make_assessment: MakeAssessment
) -> None:
    seen: list[tuple[str, object]] = []

    def fake_assess(text: str, answers: object = None) -> Assessment:
        seen.append((text, answers))
        return make_assessment(present=("pregnant",), age=30)

    monkeypatch.setattr(plan_cli, "assess", fake_assess)
    argv = [
        "plan",
        "--text",
        "sore back",
        "--format",
        "markdown",
        "--date",
        "2025-01-01",
        "--answer",
        "age=30",
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert seen == [("sore back", {"age": 30.0})]
    assert out.startswith("# Your back care plan") and "Made on 1 January 2025" in out
    assert "Anti-inflammatory tablets (NSAIDs such as ibuprofen or naproxen)**: Left out" in out


def test_plan_from_a_saved_assessment_to_an_html_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_assessment: MakeAssessment
) -> None:
    saved = tmp_path / "assessment.json"
    saved.write_text(json.dumps(make_assessment(level=Level.EMERGENCY).to_json_dict()), encoding="utf-8")
    target = tmp_path / "plan.html"
    assert main(["plan", "--assessment", str(saved), "--format", "html", "--output", str(target)]) == 0
    assert "Go to an emergency department now." in target.read_text(encoding="utf-8")
    assert "Plan written to" in capsys.readouterr().err


def test_plan_in_the_terminal_and_as_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make_assessment: MakeAssessment
) -> None:
    saved = tmp_path / "a.json"
    saved.write_text(json.dumps(make_assessment().to_json_dict()), encoding="utf-8")
    assert main(["plan", "--assessment", str(saved)]) == 0
    assert "Your safety-net" in capsys.readouterr().out
    assert main(["plan", "--assessment", str(saved), "--format", "json"]) == 0
    assert '"safety_net"' in capsys.readouterr().out


def test_plan_rejects_an_unreadable_assessment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["plan", "--assessment", str(bad)]) == 1
    assert "cannot read an assessment" in capsys.readouterr().err


def test_explain_prints_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "heat_pack", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Warm compress or heat pack") and "## When to worry" in out
    assert main(["explain", "muscle_strain"]) == 0
    assert "What it is" in capsys.readouterr().out


def test_explain_unknown_id_lists_close_ids_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "muscle_strian"]) == 1
    err = capsys.readouterr().err
    assert "muscle_strian" in err and "Close ids: muscle_strain" in err
