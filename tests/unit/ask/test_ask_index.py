"""The SQLite index and its in-memory fake behave the same; a failed change leaves the index as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from ask_helpers import passage

from lumbar.ask.index import (
    INDEX_VERSION,
    ORIGIN_SEED,
    ORIGIN_USER,
    DocumentRecord,
    PassageIndex,
    SqliteIndex,
)
from lumbar.ask.memory_index import MemoryIndex
from lumbar.ask.passages import Passage


@pytest.fixture(params=["sqlite", "memory"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PassageIndex]:
    store: PassageIndex = (
        SqliteIndex(tmp_path / "index.sqlite3") if request.param == "sqlite" else MemoryIndex()
    )
    yield store
    store.close()


def record(doc_id: str, origin: str = ORIGIN_USER) -> DocumentRecord:
    return DocumentRecord(doc_id, doc_id.title(), f"/docs/{doc_id}.txt", origin, "v1")


HEAT = [
    passage("heat:1", "Heat relaxes tight muscles."),
    passage("heat:2", "A warm compress for 15 minutes."),
]
ICE = [passage("ice:1", "Ice reduces swelling after an injury.")]


def test_search_finds_passages_by_stem_phrase_best_first(index: PassageIndex) -> None:
    index.put_document(record("heat"), HEAT)
    index.put_document(record("ice", ORIGIN_SEED), ICE)
    hits = index.search([("warm", "compress"), ("swell",)], limit=5)
    assert {h.passage.id for h in hits} == {"heat:2", "ice:1"}
    assert hits[0].score >= hits[1].score > 0
    assert index.search([("compress", "warm")], limit=5) == []  # a phrase keeps its word order
    assert index.search([], limit=5) == []
    hit = index.search([("relax",)], limit=5)[0]
    assert hit.passage == HEAT[0]
    assert hit.terms == ("heat", "relax", "tight", "muscl")


def test_documents_are_listed_replaced_and_removed(index: PassageIndex) -> None:
    index.put_document(record("heat"), HEAT)
    index.put_document(record("ice"), ICE)
    assert [(d.id, d.passages) for d in index.documents()] == [("heat", 2), ("ice", 1)]
    index.put_document(record("heat"), HEAT[:1])
    assert [(d.id, d.passages) for d in index.documents()] == [("heat", 1), ("ice", 1)]
    assert index.search([("compress",)], limit=5) == []
    assert index.remove_document("ice") is True
    assert index.remove_document("ice") is False
    assert index.search([("swell",)], limit=5) == []
    assert index.stats().passages == 1


def test_document_frequencies_and_statistics(index: PassageIndex) -> None:
    index.put_document(record("heat"), HEAT)
    index.put_document(record("ice"), ICE)
    assert index.document_frequencies(["heat", "ic", "nowhere"]) == {"heat": 1, "ic": 1, "nowhere": 0}
    stats = index.stats()
    assert stats.passages == 3
    assert stats.average_length == pytest.approx((4 + 6 + 6) / 3)


def test_meta_values_are_kept(index: PassageIndex) -> None:
    assert index.get_meta("seeds") is None
    index.set_meta("seeds", "abc")
    index.set_meta("seeds", "def")
    assert index.get_meta("seeds") == "def"


def test_a_failed_replacement_keeps_the_old_document(tmp_path: Path) -> None:
    index = SqliteIndex(tmp_path / "index.sqlite3")
    index.put_document(record("heat"), HEAT)
    broken = Passage("heat:9", "Fine text.", None, "x", "t", "t")  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError, match=r"NOT NULL"):
        index.put_document(record("heat"), [*HEAT, broken])
    assert [(d.id, d.passages) for d in index.documents()] == [("heat", 2)]
    assert len(index.search([("compress",)], limit=5)) == 1
    index.close()


def test_the_index_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    first = SqliteIndex(path)
    first.put_document(record("ice"), ICE)
    first.close()
    second = SqliteIndex(path)
    assert [d.id for d in second.documents()] == ["ice"]
    assert second.search([("injuri",)], limit=1)[0].passage.id == "ice:1"
    second.close()


def test_an_index_stemmed_by_another_stemmer_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    first = SqliteIndex(path)
    first.put_document(record("heat"), HEAT)
    first.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == INDEX_VERSION
        db.execute(f"PRAGMA user_version = {INDEX_VERSION + 1}")  # as written by another stemmer
    db.close()
    reopened = SqliteIndex(path)
    assert reopened.documents() == []
    reopened.close()
