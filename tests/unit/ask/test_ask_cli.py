"""`lumbar ask` and `lumbar docs` through the command line, in a private data folder."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from rich.console import Console

from lumbar.ask.answer import Answer, CitedPassage
from lumbar.cli import main
from lumbar.cli.ask import print_answer
from lumbar.cli.docs import run_add


def lines_of(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_batch_answers_every_line_in_order_and_reports_bad_lines(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "questions.jsonl"
    batch.write_text(
        '{"id": "q1", "question": "Can I drive with back spasms?"}\n'
        "not json\n"
        '{"id": "q3", "question": "   "}\n'
        '{"id": "q4"}\n'
        "\n"
        '{"id": "q6", "question": "What is the capital of France?"}\n',
        encoding="utf-8",
    )
    assert main(["ask", "--batch", str(batch)]) == 0
    results = lines_of(capsys.readouterr().out)
    assert [r["id"] for r in results] == ["q1", 2, "q3", "q4", "q6"]
    first = results[0]
    assert "narcotic" in str(first["answer"])
    assert isinstance(first["passages"], list) and first["passages"]
    assert set(first["passages"][0]) >= {"text", "source", "score"}
    assert isinstance(first["sources"], dict) and "home_care" in first["sources"]
    assert set(results[1]) == {"id", "error"} and "not valid JSON" in str(results[1]["error"])
    assert "empty" in str(results[2]["error"])
    assert "question" in str(results[3]["error"])
    assert results[4]["answer"] == "I don't have a reliable answer to that."


def test_an_unreadable_batch_file_fails(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--batch", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_one_question_as_json(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "How long should I use a warm compress?", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"answer", "passages", "sources"}
    assert "15 minutes" in result["answer"]


def test_ask_needs_a_question_or_a_batch(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 1
    assert "give one question" in capsys.readouterr().err


def test_the_terminal_report_shows_the_answer_then_numbered_passages() -> None:
    from ask_helpers import passage

    shown = passage("page:1", "Heat relaxes tight muscles.", title="Home care", heading="Heat")
    answer = Answer(
        "Is heat good?",
        "From Home care: Heat relaxes tight muscles. [1]",
        [CitedPassage(1, shown, 2.5)],
        {"page": {"title": "Home care", "locator": "Heat"}},
        cited=[1],
    )
    console = Console(width=72, record=True, color_system=None)
    print_answer(answer, console)
    assert console.export_text() == (
        "╭─ Answer ─────────────────────────────────────────────────────────────╮\n"
        "│ From Home care: Heat relaxes tight muscles. [1]                      │\n"
        "╰──────────────────────────────────────────────────────────────────────╯\n"
        "[1] Home care — page, Heat  score 2.50 cited\n"
        "Heat relaxes tight muscles.\n"
    )


def test_docs_add_list_and_remove(env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leaflet = tmp_path / "clinic_leaflet.html"
    leaflet.write_text("<title>Our clinic</title><p>Physiotherapy sessions last 45 minutes.</p>", "utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x00binary")
    assert main(["docs", "add", str(leaflet), str(broken)]) == 1
    captured = capsys.readouterr()
    assert "Added clinic_leaflet (1 passages): Our clinic" in captured.out
    assert "Skipped" in captured.err and "binary" in captured.err

    assert main(["docs", "list", "--json"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed["clinic_leaflet"]["origin"] == "user"
    assert listed["home_care"]["origin"] == "seed"
    assert listed["lumbar_knowledge_base"]["origin"] == "knowledge"

    assert main(["ask", "How long is a physiotherapy session?", "--json"]) == 0
    assert "45 minutes" in json.loads(capsys.readouterr().out)["answer"]

    assert main(["docs", "remove", "clinic_leaflet"]) == 0
    assert main(["docs", "remove", "clinic_leaflet"]) == 1
    assert "no document with id 'clinic_leaflet'" in capsys.readouterr().err


def test_adding_many_documents_shows_progress_without_losing_any(env: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(3):
        (folder / f"page_{n}.md").write_text(
            f"# Page {n}\n\nAdvice number {n} about gentle walking.\n", "utf-8"
        )
    assert run_add(argparse.Namespace(paths=[folder])) == 0
    assert main(["docs", "list", "--json"]) == 0


def test_docs_without_an_action_prints_help(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs"]) == 2
    assert "add" in capsys.readouterr().out


def test_other_verbs_do_not_load_the_ask_engine() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from lumbar.cli import build_parser; build_parser(load=['assess', 'kb']); "
        "print(sorted(m for m in sys.modules if m.startswith('lumbar.ask')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_docs_commands_print_titles_and_paths_literally_not_as_markup(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    page = tmp_path / "markup.html"
    page.write_text("<title>[bold red]x[/]</title><p>Physiotherapy sessions last 45 minutes.</p>", "utf-8")
    odd = tmp_path / "[red]odd[dim].pdf"
    odd.write_bytes(b"%PDF-1.4")
    assert main(["docs", "add", str(page), str(odd)]) == 1
    captured = capsys.readouterr()
    assert "Added markup (1 passages): [bold red]x[/]" in captured.out
    assert "[red]odd[dim].pdf: unsupported file type '.pdf'" in captured.err
    assert main(["docs", "list"]) == 0
    listed = capsys.readouterr().out
    assert "[bold red]x[/]" in listed


def test_docs_add_refuses_private_files_unless_forced(
    env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secrets = tmp_path / "secrets.md"
    secrets.write_text("# Clinic secrets\n\nThe spare key is under the mat by the door.\n", "utf-8")
    assert main(["docs", "add", str(secrets)]) == 1
    err = capsys.readouterr().err
    assert "Skipped" in err and "named like a key or secret file" in err and "--force" in err
    assert main(["docs", "add", "--force", str(secrets)]) == 0
    assert "Added secrets" in capsys.readouterr().out
