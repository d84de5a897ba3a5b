"""The compiled knowledge base: read from the user's cache when the data and code are the same,
rebuilt when anything changes, never half-written, and safe when two processes build it at once."""

from __future__ import annotations

import dataclasses
import gc
import os
import pickle
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lumbar.knowledge import compiled, loader
from lumbar.knowledge.compiled import (
    CODE_FILES,
    PREFIX,
    STALE_DAYS,
    STAMP_PREFIX,
    cache_file,
    fingerprint,
    load_compiled,
    remove_stale,
    save_compiled,
    stamped_fingerprint,
)
from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import data_root, load_knowledge, parse_knowledge


@pytest.fixture
def cache_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LUMBAR_CACHE", str(folder))
    load_knowledge.cache_clear()
    yield folder
    load_knowledge.cache_clear()


def test_reading_the_compiled_knowledge_base_imports_no_pydantic(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from lumbar.knowledge.loader import load_knowledge\n"
        "kb = load_knowledge()\n"
        "assert kb.findings and kb.questionnaires and kb.diary is not None\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0].startswith('pydantic')"
        " or m.startswith('lumbar.knowledge.validation')))"
    )
    env = {**os.environ, "LUMBAR_CACHE": str(tmp_path)}
    for start in ("first", "from the cache"):
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        imported = done.stdout.strip()
        if start == "first":
            assert "lumbar.knowledge.validation.schema" in imported  # the YAML files were validated
    assert imported == "[]"


def classes_in(value: Any, found: set[type]) -> set[type]:
    """Every class of the objects in ``value``, at any depth."""
    found.add(type(value))
    if isinstance(value, Frozen):
        for name in value.FIELDS:
            classes_in(getattr(value, name), found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            classes_in(getattr(value, spec.name), found)
    elif isinstance(value, list | tuple):
        for entry in value:
            classes_in(entry, found)
    elif isinstance(value, dict):
        for key, entry in value.items():
            classes_in(key, found)
            classes_in(entry, found)
    return found


def test_the_fingerprint_covers_every_class_the_compiled_file_holds() -> None:
    kb, _ = parse_knowledge(data_root())
    held = classes_in(kb, set())
    modules = {
        base.__module__ for cls in held for base in cls.__mro__ if base.__module__.startswith("lumbar.")
    }
    files = {module.removeprefix("lumbar.knowledge.").replace(".", "/") + ".py" for module in modules}
    assert {"schema.py", "questionnaires.py", "diary_rules.py", "terms.py", "frozen.py"} <= files
    assert files <= set(CODE_FILES)
    schema = {"validation/schema.py", "validation/questionnaires.py", "validation/diary_rules.py"}
    assert schema <= set(CODE_FILES)  # what validated the items it holds


def test_the_fingerprint_changes_with_any_data_file(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    before = fingerprint(root)
    assert fingerprint(root) == before
    levels = root / "levels.yaml"
    levels.write_text(levels.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert fingerprint(root) != before


def _dated(root: Path, when: float) -> None:
    """Set every file of ``root``'s modification time to ``when``."""
    for path in root.iterdir():
        os.utime(path, (when, when))


def test_the_stamp_gives_the_fingerprint_until_a_data_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, folder = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(str(data_root()), root)
    an_hour_ago = time.time() - 3600
    _dated(root, an_hour_ago)
    # the stamp written an hour later, when every file has settled (their change times are now)
    later = time.time_ns() + 3600 * 10**9
    monkeypatch.setattr(compiled.time, "time_ns", lambda: later)
    hashed = stamped_fingerprint(root, folder)
    assert hashed == fingerprint(root)
    assert len(list(folder.glob(f"{STAMP_PREFIX}*.txt"))) == 1

    def refuse(_: object) -> str:
        raise AssertionError("hashed again although no file changed")

    with monkeypatch.context() as patch:
        patch.setattr(compiled, "fingerprint", refuse)
        assert stamped_fingerprint(root, folder) == hashed  # read from the stamp, not hashed
    # the same size and the same modification time: the change time still tells
    time.sleep(0.05)  # past the file system clock's tick
    levels = root / "levels.yaml"
    levels.write_text(levels.read_text(encoding="utf-8").replace("a", "b", 1), encoding="utf-8")
    _dated(root, an_hour_ago)
    changed = stamped_fingerprint(root, folder)
    assert changed != hashed and changed == fingerprint(root)
    (root / "extra.yaml").write_text("{}\n", encoding="utf-8")  # a new file
    assert stamped_fingerprint(root, folder) == fingerprint(root) != changed


def test_a_stamp_is_not_written_while_a_file_is_fresh(tmp_path: Path) -> None:
    root, folder = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(str(data_root()), root)  # every file written just now
    stamped_fingerprint(root, folder)
    assert list(folder.glob(f"{STAMP_PREFIX}*.txt")) == []


def test_a_saved_knowledge_base_reads_back_the_same(tmp_path: Path) -> None:
    kb, problems = parse_knowledge(data_root())
    assert problems == []
    path = cache_file(fingerprint(data_root()), tmp_path)
    save_compiled(kb, path)
    again = load_compiled(path)
    assert again is not None
    assert again.findings == kb.findings and again.rules == kb.rules and again.levels == kb.levels
    assert not list(tmp_path.glob(".tmp-*"))


def test_a_damaged_or_missing_file_is_rebuilt_not_read(tmp_path: Path) -> None:
    path = tmp_path / f"{PREFIX}x.pickle"
    assert load_compiled(path) is None
    path.write_bytes(b"not a pickle")
    assert load_compiled(path) is None


@pytest.mark.parametrize("enabled", [True, False], ids=["collector on", "collector off"])
def test_reading_pauses_the_collector_then_sets_what_was_read_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    path = tmp_path / f"{PREFIX}x.pickle"
    path.write_bytes(pickle.dumps({"findings": [["a list", "in a list"]]}))
    seen: list[bool] = []
    original = pickle.load
    monkeypatch.setattr(
        compiled.pickle, "load", lambda handle: (seen.append(gc.isenabled()), original(handle))[1]
    )
    (gc.enable if enabled else gc.disable)()
    gc.unfreeze()
    try:
        path.with_name("damaged.pickle").write_bytes(b"not a pickle")
        assert load_compiled(path.with_name("damaged.pickle")) is None
        assert gc.get_freeze_count() == 0 and gc.isenabled() == enabled  # a failed read sets nothing aside
        read = load_compiled(path)
        assert read == {"findings": [["a list", "in a list"]]}
        assert gc.get_freeze_count() > 0 and gc.isenabled() == enabled
        assert all(obj is not read for obj in gc.get_objects())  # frozen: in no generation it walks
    finally:
        gc.unfreeze()
        gc.enable()
    assert seen == [False, False]


def test_load_knowledge_reads_the_cache_instead_of_the_files(
    cache_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_knowledge()
    files = list(cache_env.glob(f"{PREFIX}*.pickle"))
    assert len(files) == 1
    load_knowledge.cache_clear()

    def refuse(*_: object) -> None:
        raise AssertionError("the YAML files were read although the cache was there")

    monkeypatch.setattr(loader, "parse_knowledge", refuse)
    assert load_knowledge().findings == first.findings


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUMBAR_CACHE", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)  # an empty folder name must not mean the working folder either
    load_knowledge.cache_clear()
    try:
        load_knowledge()
    finally:
        load_knowledge.cache_clear()
    assert not any(tmp_path.rglob(f"{PREFIX}*"))


def test_two_processes_building_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    env = {**os.environ, "LUMBAR_CACHE": str(folder)}
    code = "from lumbar.knowledge.loader import load_knowledge; print(len(load_knowledge().findings))"
    runs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert outputs[0] == outputs[1] and int(outputs[0]) > 0
    files = list(folder.glob(f"{PREFIX}*.pickle"))
    assert len(files) == 1 and load_compiled(files[0]) is not None
    assert not list(folder.glob(".tmp-*"))


def test_another_versions_file_is_kept_until_it_is_stale(tmp_path: Path) -> None:
    kept, recent, stale = (tmp_path / f"{PREFIX}{name}.pickle" for name in ("kept", "recent", "stale"))
    other_kind = tmp_path / "engine-stale.pickle"
    for path in (kept, recent, stale, other_kind):
        path.write_bytes(b"x")
    now = time.time()
    old = now - (STALE_DAYS + 1) * 86400
    os.utime(stale, (old, old))
    os.utime(other_kind, (old, old))
    remove_stale(kept, now)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in (kept, recent, other_kind))


def test_the_loaded_knowledge_base_carries_its_fingerprint(cache_env: Path) -> None:
    built = load_knowledge()
    assert built.fingerprint == fingerprint(data_root())
    load_knowledge.cache_clear()
    assert load_knowledge().fingerprint == built.fingerprint  # read back from the cache file
