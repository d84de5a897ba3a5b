"""`lumbar assess` starts light: the one-shot paths load no web, database, plotting, PDF, Dask or
settings machinery, nor Rich or Jinja2 (the terminal report is drawn with the standard library)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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
#: what the interactive commands print with, never a one-shot assessment (its report is drawn without)
REPORT = ("rich", "jinja2")
#: never needed once the knowledge base is compiled (a first start validates the YAML with pydantic):
#: the knowledge base is read as its run-time classes and the result built of plain records, so
#: neither pydantic, the schemas nor what converts to and from them; the package's data found as a folder
FROM_CACHE = (
    "pydantic",
    "pydantic_core",
    "lumbar.schemas",
    "lumbar.knowledge.validation",
    "importlib.resources",
)
#: never needed by a JSON assessment from the cache: the engines' records are plain classes
#: (``lumbar.knowledge.frozen``), not ``@dataclass``es, whose module imports ``inspect``
#: (32 M instructions together; the terminal report's Rich needs them)
NO_DATACLASSES = ("dataclasses", "inspect")
#: only to write a cache file (with shutil and random): a start that reads its caches writes none
WRITING = ("tempfile",)
#: only to hash the knowledge base's files when their stamp no longer matches: the caches are named and
#: checked by CRC-32 and whole stamps (loading hashlib and its first SHA-256 cost 17 M instructions)
HASHING = ("hashlib", "_hashlib")
#: argparse's help formatter asks shutil (which imports bz2 and lzma) for the terminal's width at every
#: ``add_argument``; lumbar's asks the terminal itself, and only the named verb's parser is built
ARGUMENTS = ("shutil", "bz2", "lzma")
#: a JSON assessment holds no date (the plan's review date is the plan's), so no datetime (5 M instructions)
UNDATED = ("datetime",)
#: the interview's modules read ``--answer`` flags; a command without them needs none
WITHOUT_ANSWERS = ("lumbar.interview",)
#: the engine's tables are memoised under a lock from ``_thread``: the threading module costs 3.6 M
NO_THREADS = ("threading",)
TEXT = "Back spasm after lifting, no numbness."


def loaded_by(argv: list[str], cache: Path) -> tuple[list[str], str]:
    """The top modules, lumbar's packages and their subpackages that running ``lumbar argv`` imported,
    and its output."""
    names, output, _ = run_lumbar(argv, cache)
    return names, output


def run_lumbar(argv: list[str], cache: Path) -> tuple[list[str], str, dict[str, Any]]:
    """What :func:`loaded_by` gives, and what the run left unbuilt: whether the English words were read
    into a set, and which number readers' patterns were compiled."""
    code = (
        "import contextlib, io, json, sys\n"
        "from lumbar.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    status = main({argv!r})\n"
        "names = {'.'.join(m.split('.')[:depth]) for m in sys.modules for depth in (1, 2, 3)}\n"
        "from lumbar.intake import quantities, speller\n"
        "from lumbar.intake.caseless import Caseless\n"
        "english = speller.english_words.cache_info().currsize and speller.english_words()\n"
        "readers = [(n, v) for n, v in vars(quantities).items() if isinstance(v, Caseless)]\n"
        "readers += [(n, p) for n, v in vars(quantities).items() if isinstance(v, list) for p in v"
        " if isinstance(p, Caseless)]\n"
        "from lumbar.assessor import default_engine\n"
        "engine = default_engine.cache_info().currsize and default_engine()\n"
        "lazy = {'english_set': bool(english) and english._set is not None,"
        " 'speller_index': bool(engine) and engine.reader.lexicon.speller._deletes is not None,"
        " 'compiled': sorted({n for n, p in readers if '_fast' in vars(p) or '_exact' in vars(p)})}\n"
        "print(json.dumps([status, sorted(names), out.getvalue(), lazy]))"
    )
    env = {**os.environ, "LUMBAR_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    status, names, output, lazy = json.loads(done.stdout)
    assert status == 0
    return names, output, lazy


@pytest.mark.parametrize("cached", [False, True], ids=["first start", "from the cache"])
def test_assess_json_loads_nothing_heavy(tmp_path: Path, cached: bool) -> None:
    if cached:
        loaded_by(["assess", "--text", TEXT, "--json"], tmp_path)
    names, output, lazy = run_lumbar(["assess", "--text", TEXT, "--json"], tmp_path)
    assert json.loads(output)["level"]
    assert [name for name in (*NEVER, *REPORT) if name in names] == []
    # a text without a digit, a time unit or a number word compiles none of the number readers, and
    # one without a long word that is neither English nor the lexicon's loads no fuzzy matching
    assert lazy["compiled"] == []
    assert "rapidfuzz" not in names
    if cached:
        assert "yaml" not in names  # the compiled knowledge base is read, not the YAML files
        light = (
            *FROM_CACHE,
            *NO_DATACLASSES,
            *WRITING,
            *HASHING,
            *ARGUMENTS,
            *UNDATED,
            *WITHOUT_ANSWERS,
            *NO_THREADS,
        )
        assert [name for name in light if name in names] == []
        # the kept English words are read, not pyspellchecker's gzipped JSON list, and searched in
        # their lines, not read into a set
        assert [name for name in ("spellchecker", "gzip") if name in names] == []
        assert lazy["english_set"] is False
        # every word of the text is a lexicon word or has a lexicon word's stem: the speller's delete
        # index, kept in a file of its own, is not read
        assert lazy["speller_index"] is False


def test_a_text_with_numbers_and_an_unknown_word_loads_what_it_needs(tmp_path: Path) -> None:
    """The checks above would pass if the readers and the fuzzy matching were never asked."""
    text = "I am 45, back spasm for 3 days, my blaggerz hurt."
    names, output, lazy = run_lumbar(["assess", "--text", text, "--json"], tmp_path)
    assert json.loads(output)["level"]
    assert {"_AGE_PATTERNS", "_FOR_DURATION", "_TEMP_WITH_UNIT"} <= set(lazy["compiled"])
    assert "rapidfuzz" in names
    assert lazy["speller_index"] is True


def test_answers_load_the_interviews_reading_of_them(tmp_path: Path) -> None:
    """The check above would pass if ``--answer`` were never read."""
    argv = ["assess", "--text", TEXT, "--answer", "saddle_numbness=no", "--json"]
    names, output = loaded_by(argv, tmp_path)
    assert json.loads(output)["level"]
    assert "lumbar.interview" in names


def test_assess_batch_loads_nothing_heavy(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    names, output = loaded_by(["assess", "--batch", str(batch)], tmp_path)
    assert json.loads(output)["id"] == "a"
    assert [name for name in (*NEVER, *REPORT) if name in names] == []
    names, output = loaded_by(["assess", "--batch", str(batch)], tmp_path)
    assert json.loads(output)["id"] == "a"
    light = (
        *FROM_CACHE,
        *NO_DATACLASSES,
        *WRITING,
        *HASHING,
        *ARGUMENTS,
        *UNDATED,
        *WITHOUT_ANSWERS,
        *NO_THREADS,
    )
    assert [name for name in light if name in names] == []


def test_the_report_loads_no_rich(tmp_path: Path) -> None:
    loaded_by(["assess", "--text", TEXT], tmp_path)
    names, output = loaded_by(["assess", "--text", TEXT], tmp_path)
    assert "YOU CAN MANAGE THIS AT HOME" in output and "Likely cause" in output
    assert "lumbar.cli.render" in names  # the checks below would pass on a run that drew no report
    assert [name for name in (*NEVER, *REPORT) if name in names] == []
    assert [
        name
        for name in (*FROM_CACHE, *NO_DATACLASSES, *WRITING, *ARGUMENTS, *WITHOUT_ANSWERS)
        if name in names
    ] == []
