"""The library: the knowledge base and the seeds indexed with no set-up step, a clinic's documents added safely."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from lumbar.ask.index import ORIGIN_KNOWLEDGE, ORIGIN_SEED, ORIGIN_USER, SqliteIndex
from lumbar.ask.library import (
    KNOWLEDGE_DOCUMENT,
    add_documents,
    expand_paths,
    open_library,
    remove_document,
    sync_knowledge,
    sync_seeds,
)
from lumbar.ask.settings import AskSettings
from lumbar.errors import NotFoundError

TREATMENTS = """
- id: heat_pack
  name: Warm compress
  kind: self_care
  text: Heat helps tight muscles relax.
  evidence_grade: moderate
  recommendation: recommended
  sources: ["guide#Heat"]
- id: broken
  name: Missing its required fields
"""
SOURCES = """
- id: guide
  kind: guideline
  title: A back-pain guideline
  locator: whole
"""


def fixed_clock() -> datetime:
    return datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.fixture
def kb_folder(tmp_path: Path) -> Path:
    """A half-written knowledge base: two files, one invalid item."""
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "treatments.yaml").write_text(TREATMENTS, encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    return folder


def test_a_fresh_library_indexes_the_knowledge_base_and_the_seeds(
    tmp_path: Path, kb_folder: Path, seeds: Path
) -> None:
    settings = AskSettings(home=tmp_path / "home", seeds=seeds, knowledge=kb_folder)
    index = open_library(settings, now=fixed_clock)
    documents = {d.id: d for d in index.documents()}
    assert sorted(documents) == ["home_care", KNOWLEDGE_DOCUMENT, "medicines"]
    assert documents[KNOWLEDGE_DOCUMENT].origin == ORIGIN_KNOWLEDGE
    assert documents[KNOWLEDGE_DOCUMENT].passages == 1  # the valid item only
    assert documents["home_care"].origin == ORIGIN_SEED
    assert documents["home_care"].added_at.startswith("2025-01-02T03:04:05")
    assert settings.index_path.is_file()
    index.close()


def test_the_knowledge_passages_are_rebuilt_only_when_the_files_change(
    tmp_path: Path, kb_folder: Path
) -> None:
    index = SqliteIndex(tmp_path / "index.sqlite3")
    assert sync_knowledge(index, kb_folder) is True
    assert sync_knowledge(index, kb_folder) is False
    (kb_folder / "treatments.yaml").write_text(
        TREATMENTS.replace("Heat helps", "Warmth helps"), encoding="utf-8"
    )
    assert sync_knowledge(index, kb_folder) is True
    assert index.search([("warmth",)], limit=1)[0].passage.id == "kb:treatments:heat_pack"
    index.close()


def test_seeds_follow_their_folder(tmp_path: Path, seeds: Path) -> None:
    index = SqliteIndex(":memory:")
    assert sync_seeds(index, seeds) is True
    assert sync_seeds(index, seeds) is False
    (seeds / "medicines.md").unlink()
    (seeds / "notes.bin.txt").write_bytes(b"\x00\x01")  # unreadable seeds are skipped
    assert sync_seeds(index, seeds) is True
    assert [d.id for d in index.documents()] == ["home_care"]
    assert sync_seeds(index, None) is True
    assert index.documents() == []


def test_a_removed_seed_stays_removed_until_the_folder_changes(seeds: Path) -> None:
    index = SqliteIndex(":memory:")
    sync_seeds(index, seeds)
    remove_document(index, "medicines")
    assert sync_seeds(index, seeds) is False
    assert [d.id for d in index.documents()] == ["home_care"]


def test_adding_documents_reports_bad_files_and_keeps_what_is_indexed(tmp_path: Path, seeds: Path) -> None:
    index = SqliteIndex(tmp_path / "index.sqlite3")
    sync_seeds(index, seeds)
    good = tmp_path / "clinic_leaflet.md"
    good.write_text("# Our clinic\n\nPhysiotherapy sessions last 45 minutes.\n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00")
    seen: list[str] = []
    report = add_documents(
        index,
        [good, binary, tmp_path / "missing.txt"],
        now=fixed_clock,
        on_file=lambda p: seen.append(p.name),
    )
    assert [r.id for r in report.added] == ["clinic_leaflet"]
    assert report.added[0].origin == ORIGIN_USER
    assert [path for path, _ in report.failed] == [str(binary), str(tmp_path / "missing.txt")]
    assert "binary" in report.failed[0][1] and "no such file" in report.failed[1][1]
    assert seen == ["clinic_leaflet.md", "photo.txt", "missing.txt"]
    assert sorted(d.id for d in index.documents()) == ["clinic_leaflet", "home_care", "medicines"]
    assert index.search([("physiotherapi",)], limit=1)[0].passage.source == "clinic_leaflet"
    index.close()


def test_a_clinic_document_is_not_overwritten_by_a_seed_of_the_same_name(tmp_path: Path, seeds: Path) -> None:
    index = SqliteIndex(":memory:")
    own = tmp_path / "home_care.txt"
    own.write_text("Clinic home care\n\nOur own advice on rest.\n", encoding="utf-8")
    add_documents(index, [own])
    sync_seeds(index, seeds)
    assert {d.id: d.origin for d in index.documents()}["home_care"] == ORIGIN_USER


def test_folders_expand_to_their_supported_files(seeds: Path) -> None:
    (seeds / "image.png").write_bytes(b"x")
    assert [p.name for p in expand_paths([seeds])] == ["home_care.txt", "medicines.md"]


def test_removing_an_unknown_document_or_the_knowledge_base_is_refused() -> None:
    index = SqliteIndex(":memory:")
    with pytest.raises(NotFoundError, match="docs list"):
        remove_document(index, "nothing")
    with pytest.raises(NotFoundError, match="knowledge base"):
        remove_document(index, KNOWLEDGE_DOCUMENT)


def test_an_unwritable_home_falls_back_to_memory_for_answers(
    tmp_path: Path, seeds: Path, kb_folder: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    settings = AskSettings(home=blocker / "home", seeds=seeds, knowledge=kb_folder)
    index = open_library(settings)
    assert len(index.documents()) == 3
    with pytest.raises(OSError):
        open_library(settings, fallback_to_memory=False)
