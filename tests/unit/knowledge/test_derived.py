"""What an engine derives from the knowledge base, kept between processes: read back the same, with
the knowledge base's own objects, built again when the data, the code or the file changes."""

from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.intake import speller
from lumbar.knowledge import derived
from lumbar.knowledge.derived import derived_file, kept, knowledge_parts, load_derived
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.memo import KEPT_TABLES

#: the question ranker: the costliest table of a first assessment, kept with the engine's
RANKER = "lumbar.triage.questions.QuestionRanker"


@dataclasses.dataclass(frozen=True, slots=True)
class Phrase:
    finding: str
    stems: tuple[str, ...]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("LUMBAR_CACHE", str(tmp_path / "cache"))
    load_knowledge.cache_clear()
    default_engine.cache_clear()
    yield tmp_path / "cache"
    load_knowledge.cache_clear()
    default_engine.cache_clear()


def _never() -> object:
    raise AssertionError("built again although the cache folder held it")


def test_a_value_is_built_once_then_read_back_with_the_knowledge_bases_own_objects(folder: Path) -> None:
    kb = load_knowledge()
    assert kb.fingerprint
    finding = next(iter(kb.findings.values()))
    value = {"kb": kb, "finding": finding, "rules": kb.context_rules, "phrase": Phrase("x", ("a", "b"))}
    assert kept(kb, "value", lambda: value) is value
    again = kept(kb, "value", _never)
    assert again == value and again is not value
    assert again["kb"] is kb and again["finding"] is finding and again["rules"] is kb.context_rules
    assert isinstance(again["phrase"], Phrase)


def test_the_engine_is_read_from_the_cache_and_assesses_the_same(folder: Path) -> None:
    text = "Back spasm after lifting, no numbness, and my legs feel weak."
    built = default_engine()
    assert len(list(folder.glob("engine-*.pickle"))) == 1
    default_engine.cache_clear()
    read, tables = kept(load_knowledge(), "engine", _never)
    assert isinstance(read, AssessmentEngine) and read is not built and read.kb is built.kb
    assert read.assess(text).to_json_dict() == built.assess(text).to_json_dict()
    assert set(tables) == set(KEPT_TABLES) and RANKER in tables


def test_the_tables_kept_with_the_engine_are_read_back_not_built(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Back spasm after lifting, no numbness, and my legs feel weak."
    expected = default_engine().assess(text).to_json_dict()
    load_knowledge.cache_clear()
    default_engine.cache_clear()
    ranker = KEPT_TABLES[RANKER]
    monkeypatch.setattr(ranker, "build", lambda kb: _never())
    engine = default_engine()  # a new knowledge base object, as in a new process
    assert ranker.built(engine.kb)
    assert engine.assess(text).to_json_dict() == expected


def test_the_spellers_index_is_kept_apart_and_read_only_for_a_text_that_needs_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = "Back spasm after lifting, no numbness."  # every long word a lexicon word or its stem
    misspelt = "My back spasms since tuesday and I feel tinglly in my toes."
    expected = [default_engine().assess(text).to_json_dict() for text in (known, misspelt)]
    assert len(list(folder.glob("speller-index-*.pickle"))) == 1
    load_knowledge.cache_clear()
    default_engine.cache_clear()
    monkeypatch.setattr(speller, "delete_index", lambda vocabulary: _never())
    engine = default_engine()  # read back, as in a new process
    index_read = lambda: engine.reader.lexicon.speller._deletes is not None  # noqa: E731
    assert engine.assess(known).to_json_dict() == expected[0] and not index_read()
    assert engine.assess(misspelt).to_json_dict() == expected[1] and index_read()


def test_another_knowledge_base_or_code_names_another_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = derived_file(folder, "engine", "a" * 32)
    assert derived_file(folder, "engine", "b" * 32) != first
    monkeypatch.setattr(derived, "code_stamp", lambda: "another version of the code")
    assert derived_file(folder, "engine", "a" * 32) != first


def test_a_file_written_by_other_code_under_the_same_name_is_built_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb = load_knowledge()
    assert kept(kb, "value", lambda: 1) == 1
    (path,) = folder.glob("value-*.pickle")
    # two stamps with the same checksum (one in four billion): the name matches, the stamp in it does not
    monkeypatch.setattr(derived, "derived_file", lambda *_: path)
    monkeypatch.setattr(derived, "code_stamp", lambda: "another version of the code")
    assert load_derived(path, kb) is None
    assert kept(kb, "value", lambda: 2) == 2
    assert kept(kb, "value", _never) == 2


def test_the_code_stamp_changes_when_a_python_file_changes(tmp_path: Path) -> None:
    package = Path(derived.__file__).resolve().parents[1]
    derived.code_stamp.cache_clear()
    before = derived.code_stamp()
    touched = package / "knowledge" / "derived.py"
    stat = touched.stat()
    try:
        os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        derived.code_stamp.cache_clear()
        assert derived.code_stamp() != before
    finally:
        os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        derived.code_stamp.cache_clear()
    assert derived.code_stamp() == before


def test_a_damaged_file_or_one_naming_a_missing_part_is_built_again(folder: Path) -> None:
    kb = load_knowledge()
    kept(kb, "value", lambda: next(iter(kb.findings.values())))
    (path,) = folder.glob("value-*.pickle")
    bare = kb.replace(findings={})  # its findings' names no longer find anything
    assert load_derived(path, bare) is None
    path.write_bytes(b"not a pickle")
    assert kept(kb, "value", lambda: 42) == 42
    assert kept(kb, "value", _never) == 42


@pytest.mark.parametrize("enabled", [True, False], ids=["collector on", "collector off"])
def test_reading_pauses_the_garbage_collector_and_leaves_it_as_it_was(
    folder: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    kb = load_knowledge()
    kept(kb, "value", lambda: {"finding": next(iter(kb.findings.values())), "words": {"a": "b c"}})
    (path,) = folder.glob("value-*.pickle")
    seen: list[bool] = []
    original = derived._Unpickler.load
    monkeypatch.setattr(
        derived._Unpickler, "load", lambda self: (seen.append(gc.isenabled()), original(self))[1]
    )
    (gc.enable if enabled else gc.disable)()
    try:
        assert load_derived(path, kb) == {"finding": next(iter(kb.findings.values())), "words": {"a": "b c"}}
        header = (derived.code_stamp(), kb.fingerprint, len(knowledge_parts(kb)))
        path.write_bytes(pickle.dumps(header) + b"not a pickle")
        assert load_derived(path, kb) is None
        assert gc.isenabled() == enabled
    finally:
        gc.enable()
    assert seen == [False, False]


def test_a_value_that_cannot_be_stored_is_built_each_time_and_leaves_no_file(folder: Path) -> None:
    kb = load_knowledge()
    assert kept(kb, "lambda", lambda: lambda: 1)() == 1
    assert not list(folder.glob("lambda-*")) and not list(folder.glob(".tmp-*"))


def test_without_a_cache_folder_or_a_compiled_knowledge_base_nothing_is_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncompiled = load_knowledge().replace()  # a changed base is never the compiled one
    assert load_knowledge().fingerprint and not uncompiled.fingerprint
    assert kept(uncompiled, "value", lambda: 1) == 1
    monkeypatch.setenv("LUMBAR_CACHE", "")
    assert kept(load_knowledge(), "value", lambda: 2) == 2
    assert not list(folder.glob("value-*"))


def test_every_table_and_item_has_a_place_the_same_in_a_copy_read_back(folder: Path) -> None:
    kb = load_knowledge()
    parts = knowledge_parts(kb)
    assert parts[0] is kb and kb.findings in parts and kb.context_rules[0] in parts
    assert any(part is next(iter(kb.findings.values())) for part in parts)
    assert len({id(part) for part in parts if not isinstance(part, str)}) == len(parts)
    load_knowledge.cache_clear()
    again = load_knowledge()  # another copy, read from the compiled file
    assert again is not kb
    assert [type(part) for part in knowledge_parts(again)] == [type(part) for part in parts]
    assert knowledge_parts(again) == parts


def test_a_file_built_from_another_knowledge_base_is_built_again(folder: Path) -> None:
    kb = load_knowledge()
    kept(kb, "value", lambda: [kb.findings, next(iter(kb.causes.values()))])
    (path,) = folder.glob("value-*.pickle")
    other = kb.replace()
    object.__setattr__(other, "fingerprint", "f" * 32)  # as a compiled base of other data would be
    assert load_derived(path, other) is None
    assert load_derived(path, kb) == [kb.findings, next(iter(kb.causes.values()))]


def test_two_processes_building_the_engine_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, "LUMBAR_CACHE": str(folder)}
    code = "from lumbar.assessor import assess; print(assess('My back locked up after lifting.').level)"
    runs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0] and outputs[0] == outputs[1]
    assert len(list(folder.glob("engine-*.pickle"))) == 1 and not list(folder.glob(".tmp-*"))
    reader = (
        "from lumbar.knowledge.derived import kept\n"
        "from lumbar.knowledge.loader import load_knowledge\n"
        "def never(): raise SystemExit('built again')\n"
        "engine, tables = kept(load_knowledge(), 'engine', never)\n"
        "print(engine.assess('My back locked up after lifting.').level)"
    )
    done = subprocess.run([sys.executable, "-c", reader], env=env, capture_output=True, check=True)
    assert done.stdout == outputs[0]
