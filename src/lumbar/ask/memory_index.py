"""An in-memory :class:`~lumbar.ask.index.PassageIndex` for tests: same behaviour, no SQLite."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from lumbar.ask.index import DocumentRecord, Hit, IndexStats, StemPhrase, passage_terms
from lumbar.ask.passages import Passage


def count_phrase(terms: Sequence[str], phrase: StemPhrase) -> int:
    """How many times the stem phrase occurs in the stems."""
    if not phrase:
        return 0
    if len(phrase) == 1:
        return sum(1 for term in terms if term == phrase[0])
    size = len(phrase)
    return sum(1 for i in range(len(terms) - size + 1) if tuple(terms[i : i + size]) == phrase)


class MemoryIndex:
    """Documents and passages in dictionaries, searched with a plain BM25."""

    def __init__(self) -> None:
        self._documents: dict[str, DocumentRecord] = {}
        self._passages: dict[str, list[tuple[Passage, tuple[str, ...]]]] = {}
        self._meta: dict[str, str] = {}

    def documents(self) -> list[DocumentRecord]:
        return [self._documents[key] for key in sorted(self._documents)]

    def put_document(self, record: DocumentRecord, passages: Sequence[Passage]) -> None:
        entries = [(p, tuple(passage_terms(p))) for p in passages]
        self._documents[record.id] = DocumentRecord(
            record.id,
            record.title,
            record.path,
            record.origin,
            record.fingerprint,
            len(entries),
            record.added_at,
        )
        self._passages[record.id] = entries

    def remove_document(self, doc_id: str) -> bool:
        self._passages.pop(doc_id, None)
        return self._documents.pop(doc_id, None) is not None

    def get_meta(self, key: str) -> str | None:
        return self._meta.get(key)

    def set_meta(self, key: str, value: str) -> None:
        self._meta[key] = value

    def _entries(self) -> list[tuple[Passage, tuple[str, ...]]]:
        return [entry for key in sorted(self._passages) for entry in self._passages[key]]

    def search(self, alternatives: Sequence[StemPhrase], limit: int) -> list[Hit]:
        entries = self._entries()
        stats = self.stats()
        hits = []
        for passage, terms in entries:
            score = 0.0
            for phrase in alternatives:
                tf = count_phrase(terms, phrase)
                if not tf:
                    continue
                df = sum(1 for _, other in entries if count_phrase(other, phrase))
                idf = math.log(1 + (stats.passages - df + 0.5) / (df + 0.5))
                norm = 1.2 * (0.25 + 0.75 * len(terms) / max(stats.average_length, 1.0))
                score += idf * tf * 2.2 / (tf + norm)
            if score > 0:
                hits.append(Hit(passage, terms, score))
        hits.sort(key=lambda hit: -hit.score)
        return hits[:limit]

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for _, stems in self._entries():
            counts.update(set(stems))
        return {term: counts[term] for term in set(terms)}

    def stats(self) -> IndexStats:
        entries = self._entries()
        total = sum(len(terms) for _, terms in entries)
        return IndexStats(len(entries), total / len(entries) if entries else 0.0)

    def close(self) -> None:
        self._passages.clear()
