"""The passage index: documents and their passages in SQLite, searched with FTS5 (BM25).

:class:`PassageIndex` is the seam; :class:`SqliteIndex` is the store lumbar uses and
:class:`lumbar.ask.memory_index.MemoryIndex` the in-memory fake for tests. Passages are indexed
by their word stems (see :mod:`lumbar.ask.text`), so the index and the questions stem alike.
Every change to one document happens in one transaction: a failed add leaves the index as it was.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from lumbar.ask.passages import Passage
from lumbar.ask.stemmer import STEMMER
from lumbar.ask.text import stems
from lumbar.errors import DocumentError

SCHEMA_VERSION = 1
#: recorded as the file's user_version: the tables' layout and the stemmer of the stored terms, so
#: an index built by another layout or another stemmer is rebuilt from its sources
INDEX_VERSION = zlib.crc32(f"{SCHEMA_VERSION}/{STEMMER}".encode()) & 0x7FFFFFFF
StemPhrase = tuple[str, ...]

#: where a document came from
ORIGIN_KNOWLEDGE = "knowledge"
ORIGIN_SEED = "seed"
ORIGIN_USER = "user"


@dataclass(frozen=True)
class DocumentRecord:
    """What the index knows about one document (the knowledge base counts as one)."""

    id: str
    title: str
    path: str
    origin: str
    fingerprint: str
    passages: int = 0
    added_at: str = ""


@dataclass(frozen=True)
class Hit:
    """A passage found by a search, with its stems and the store's own BM25 score (higher is better)."""

    passage: Passage
    terms: tuple[str, ...]
    score: float


@dataclass(frozen=True)
class IndexStats:
    """Counts that BM25 scoring needs."""

    passages: int
    average_length: float


class PassageIndex(Protocol):
    """Where passages live and how they are found."""

    def documents(self) -> list[DocumentRecord]:
        """Every indexed document, ordered by id."""
        ...

    def put_document(self, record: DocumentRecord, passages: Sequence[Passage]) -> None:
        """Add a document, replacing one with the same id, all at once or not at all."""
        ...

    def remove_document(self, doc_id: str) -> bool:
        """Remove a document and its passages; False when there was none."""
        ...

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def search(self, alternatives: Sequence[StemPhrase], limit: int) -> list[Hit]:
        """Passages holding any of the stem phrases, best BM25 first."""
        ...

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """For each stem, the number of passages that hold it."""
        ...

    def stats(self) -> IndexStats: ...

    def close(self) -> None: ...


def passage_terms(passage: Passage) -> list[str]:
    """The stems the index stores for a passage: its heading, then its text."""
    return stems(passage.searchable)


def match_expression(alternatives: Sequence[StemPhrase]) -> str:
    """An FTS5 query that matches any of the phrases (stems are plain [a-z0-9] words, safe to quote)."""
    return " OR ".join(f'"{" ".join(phrase)}"' for phrase in alternatives if phrase)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, path TEXT NOT NULL, origin TEXT NOT NULL,
  fingerprint TEXT NOT NULL, passages INTEGER NOT NULL, added_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
  rowid INTEGER PRIMARY KEY, document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  pid TEXT NOT NULL, text TEXT NOT NULL, source TEXT NOT NULL, locator TEXT NOT NULL,
  title TEXT NOT NULL, source_title TEXT NOT NULL, kind TEXT NOT NULL, heading TEXT NOT NULL,
  terms TEXT NOT NULL, length INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS passages_document ON passages(document);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_fts USING fts5(
  terms, content='passages', content_rowid='rowid', tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS passage_vocab USING fts5vocab(passage_fts, 'row');
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passage_fts(rowid, terms) VALUES (new.rowid, new.terms); END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
  INSERT INTO passage_fts(passage_fts, rowid, terms) VALUES ('delete', old.rowid, old.terms); END;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_DROP = """
DROP TABLE IF EXISTS passage_vocab; DROP TABLE IF EXISTS passage_fts; DROP TABLE IF EXISTS passages;
DROP TABLE IF EXISTS documents; DROP TABLE IF EXISTS meta;
"""
_PASSAGE_COLUMNS = "pid, text, source, locator, title, source_title, kind, heading, terms"


class SqliteIndex:
    """The passage index in one SQLite file (or ``":memory:"``)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version != INDEX_VERSION:
                # An index from another version of lumbar or its stemmer: it is rebuilt from its sources.
                self._db.executescript(_DROP)
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version = {INDEX_VERSION}")
        except sqlite3.Error as exc:
            raise DocumentError(
                f"{self.path}: cannot open the passage index ({exc}); remove the file"
            ) from exc
        self._stats: IndexStats | None = None

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
        self._stats = None

    def documents(self) -> list[DocumentRecord]:
        rows = self._db.execute(
            "SELECT id, title, path, origin, fingerprint, passages, added_at FROM documents ORDER BY id"
        )
        return [DocumentRecord(*row) for row in rows]

    def put_document(self, record: DocumentRecord, passages: Sequence[Passage]) -> None:
        rows = []
        for passage in passages:
            terms = passage_terms(passage)
            rows.append(
                (
                    record.id,
                    passage.id,
                    passage.text,
                    passage.source,
                    passage.locator,
                    passage.title,
                    passage.source_title,
                    passage.kind,
                    passage.heading,
                    " ".join(terms),
                    len(terms),
                )
            )
        with self._transaction() as db:
            db.execute("DELETE FROM documents WHERE id = ?", (record.id,))
            db.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record.id,
                    record.title,
                    record.path,
                    record.origin,
                    record.fingerprint,
                    len(rows),
                    record.added_at,
                ),
            )
            db.executemany(
                f"INSERT INTO passages (document, {_PASSAGE_COLUMNS}, length) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

    def remove_document(self, doc_id: str) -> bool:
        with self._transaction() as db:
            return db.execute("DELETE FROM documents WHERE id = ?", (doc_id,)).rowcount > 0

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def search(self, alternatives: Sequence[StemPhrase], limit: int) -> list[Hit]:
        expression = match_expression(alternatives)
        if not expression:
            return []
        ranked = self._db.execute(
            "SELECT rowid, -bm25(passage_fts) FROM passage_fts WHERE passage_fts MATCH ? "
            "ORDER BY rank LIMIT ?",
            (expression, limit),
        ).fetchall()
        if not ranked:
            return []
        scores = dict(ranked)
        marks = ",".join("?" * len(scores))
        rows = self._db.execute(
            f"SELECT rowid, {_PASSAGE_COLUMNS} FROM passages WHERE rowid IN ({marks})", list(scores)
        ).fetchall()
        by_rowid = {row[0]: row for row in rows}
        hits = []
        for rowid, score in ranked:
            _, pid, text, source, locator, title, source_title, kind, heading, terms = by_rowid[rowid]
            passage = Passage(pid, text, source, locator, title, source_title, kind, heading)
            hits.append(Hit(passage, tuple(terms.split()), float(score)))
        return hits

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(terms))
        counts = dict.fromkeys(wanted, 0)
        for start in range(0, len(wanted), 500):  # SQLite limits the number of parameters
            batch = wanted[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(f"SELECT term, doc FROM passage_vocab WHERE term IN ({marks})", batch)
            counts.update({str(term): int(doc) for term, doc in rows})
        return counts

    def stats(self) -> IndexStats:
        if self._stats is None:
            count, average = self._db.execute("SELECT count(*), avg(length) FROM passages").fetchone()
            self._stats = IndexStats(int(count), float(average or 0.0))
        return self._stats

    def close(self) -> None:
        self._db.close()
