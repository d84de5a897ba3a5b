"""docs/cli.md is the generated CLI reference; it must match the parsers, and name every verb."""

from __future__ import annotations

from pathlib import Path

from lumbar.cli import VERBS
from lumbar.cli.reference import cli_reference

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_cli_reference_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == cli_reference(), (
        "docs/cli.md is stale: run `.venv/bin/python -m lumbar.cli.reference > docs/cli.md`"
    )


def test_every_verb_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for verb in VERBS:
        assert f"## lumbar {verb}" in text
