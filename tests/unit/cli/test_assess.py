"""`lumbar assess` starts light: the one-shot paths load no web, database, plotting, PDF, Dask or
settings machinery, and --json and --batch not even the terminal report's Rich and Jinja2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: never needed to assess a text, whatever the output
NEVER = (
    "fastapi",
    "starlette",
    "uvicorn",
    "sqlalchemy",
    "alembic",
    "psycopg",
    "argon2",
    "matplotlib",
    "weasyprint",
    "dask",
    "distributed",
    "pyarrow",
    "pandas",
    "pydantic_settings",
    "lumbar.web",
    "lumbar.store",
    "lumbar.batch",
    "lumbar.diary",
)
#: the terminal report's, loaded only to print it
REPORT = ("rich", "jinja2")
TEXT = "Back spasm after lifting, no numbness."


def loaded_by(argv: list[str], cache: Path) -> tuple[list[str], str]:
    """The top modules, lumbar's packages and their subpackages that running ``lumbar argv`` imported,
    and its output."""
    code = (
        "import contextlib, io, json, sys\n"
        "from lumbar.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main({argv!r})\n"
        "names = {'.'.join(m.split('.')[:depth]) for m in sys.modules for depth in (1, 2, 3)}\n"
        "print(json.dumps([status, sorted(names), out.getvalue()]))"
    )
    env = {**os.environ, "LUMBAR_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    status, names, output = json.loads(done.stdout)
    assert status == 0
    return names, output


@pytest.mark.parametrize("cached", [False, True], ids=["first start", "from the cache"])
def test_assess_json_loads_nothing_heavy(tmp_path: Path, cached: bool) -> None:
    if cached:
        loaded_by(["assess", "--text", TEXT, "--json"], tmp_path)
    names, output = loaded_by(["assess", "--text", TEXT, "--json"], tmp_path)
    assert json.loads(output)["level"]
    assert [name for name in (*NEVER, *REPORT) if name in names] == []
    if cached:
        assert "yaml" not in names  # the compiled knowledge base is read, not the YAML files
        # ... as its run-time classes: neither the schema's pydantic models nor what converts them
        assert "lumbar.knowledge.validation" not in names
        # the kept English words are read, not pyspellchecker's gzipped JSON list
        assert [name for name in ("spellchecker", "gzip") if name in names] == []


def test_assess_batch_loads_nothing_heavy(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    names, output = loaded_by(["assess", "--batch", str(batch)], tmp_path)
    assert json.loads(output)["id"] == "a"
    assert [name for name in (*NEVER, *REPORT) if name in names] == []


def test_the_report_loads_only_what_it_prints_with(tmp_path: Path) -> None:
    names, output = loaded_by(["assess", "--text", TEXT], tmp_path)
    assert output.strip()
    assert [name for name in NEVER if name in names] == []
    assert "rich" in names  # the check above would pass on a run that printed nothing
    assert "jinja2" not in names  # the report numbers its sources without the HTML renderings
