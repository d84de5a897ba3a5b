"""Measure `lumbar ask` on labelled questions, beside a plain BM25 baseline.

    python -m lumbar.eval.ask FILE [--misses] [--json]

FILE holds lines ``{"id", "question", "expect": [regexes]}`` (the repository's: tests/cases/questions.jsonl).
A question counts for *answer* when every regex is found in the answer, and for *top 3* when
every regex is found in the answer plus the three best passages. The baseline is rank_bm25's
``BM25Okapi`` over the same passages (lower-case words, no stemming or synonyms) and answers
with its best passage. The passages are the knowledge base's and the default documents', read
afresh into memory: the user's index is not touched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lumbar.ask.answer import answer_question
from lumbar.ask.documents import read_document
from lumbar.ask.index import ORIGIN_USER, DocumentRecord, SqliteIndex
from lumbar.ask.knowledge_source import lenient_knowledge
from lumbar.ask.library import SUPPORTED_SUFFIXES
from lumbar.ask.passages import Passage, passages_from_knowledge
from lumbar.ask.retrieve import Retriever
from lumbar.ask.settings import settings_from_env
from lumbar.ask.text import words
from lumbar.ask.vocabulary import load_vocabulary
from lumbar.ask.warning_signs import load_warning_signs
from lumbar.knowledge.loader import data_root

#: an answer and the texts of the passages behind it, best first
Reply = tuple[str, list[str]]


@dataclass(frozen=True)
class Case:
    """A labelled question: the regexes a good answer contains."""

    id: str
    question: str
    expect: tuple[str, ...]


@dataclass
class Figures:
    """Percentages of questions answered (in the answer; in the answer and top-3 passages)."""

    n: int = 0
    answer: float = 0.0
    top3: float = 0.0
    misses: list[str] = field(default_factory=list)


def load_cases(path: Path) -> list[Case]:
    """Read a JSON-lines file of labelled questions."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            cases.append(Case(str(row.get("id", number)), str(row["question"]), tuple(row["expect"])))
    return cases


def score(cases: Sequence[Case], reply: Callable[[str], Reply]) -> Figures:
    """Run every question through ``reply`` and count the hits."""
    figures = Figures(n=len(cases))
    in_answer = in_top3 = 0
    for case in cases:
        answer, passages = reply(case.question)
        wider = " ".join([answer, *passages[:3]])
        ok_answer = all(re.search(e, answer, re.IGNORECASE) for e in case.expect)
        in_answer += ok_answer
        in_top3 += all(re.search(e, wider, re.IGNORECASE) for e in case.expect)
        if not ok_answer:
            figures.misses.append(f"{case.id}: {case.question} -> {answer[:160]!r}")
    if cases:
        figures.answer = 100.0 * in_answer / len(cases)
        figures.top3 = 100.0 * in_top3 / len(cases)
    return figures


class Bm25Baseline:
    """Plain BM25 (rank_bm25's BM25Okapi) over passages; the answer is the best passage."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        from rank_bm25 import BM25Okapi  # noqa: PLC0415 - a dev-only dependency, for the baseline only

        self.passages = list(passages)
        self._bm25 = BM25Okapi([words(p.searchable) or ["_"] for p in self.passages])

    def reply(self, question: str) -> Reply:
        scores = self._bm25.get_scores(words(question))
        order = sorted(range(len(self.passages)), key=lambda i: -scores[i])[:3]
        texts = [self.passages[i].text for i in order]
        return (texts[0] if texts else "", texts)


def library_passages(seeds: Path | None) -> list[Passage]:
    """The knowledge base's passages and those of the documents in ``seeds``."""
    kb = lenient_knowledge(data_root())
    passages = passages_from_knowledge(kb) if kb is not None else []
    if seeds is not None and seeds.is_dir():
        for path in sorted(seeds.iterdir()):
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                passages.extend(read_document(path).passages)
    return passages


def lumbar_replier(passages: Sequence[Passage]) -> Callable[[str], Reply]:
    """lumbar's own answers over ``passages``, from an in-memory index."""
    index = SqliteIndex(":memory:")
    by_source: dict[str, list[Passage]] = {}
    for passage in passages:
        by_source.setdefault(passage.source if passage.kind == "document" else "knowledge", []).append(
            passage
        )
    for doc_id, group in by_source.items():
        index.put_document(DocumentRecord(doc_id, group[0].title, "", ORIGIN_USER, ""), group)
    retriever = Retriever(index, load_vocabulary())
    signs = load_warning_signs()

    def reply(question: str) -> Reply:
        answer = answer_question(question, retriever, signs)
        return answer.text, [c.passage.text for c in answer.passages]

    return reply


def main(argv: Sequence[str] | None = None) -> int:
    """Print lumbar's and the baseline's figures side by side; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m lumbar.eval.ask", description=__doc__.split("\n")[0])
    parser.add_argument(
        "file", type=Path, help="labelled questions (JSON lines), e.g. tests/cases/questions.jsonl"
    )
    parser.add_argument("--misses", action="store_true", help="list the questions lumbar misses")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    path = args.file
    try:
        cases = load_cases(path)
    except (OSError, ValueError, KeyError) as exc:
        print(f"evaluate: cannot read {path}: {exc}", file=sys.stderr)
        return 1
    passages = library_passages(settings_from_env().seeds)
    ours = score(cases, lumbar_replier(passages))
    baseline = score(cases, Bm25Baseline(passages).reply)
    if args.json:
        figures = {
            name: {"n": f.n, "answer": f.answer, "top3": f.top3}
            for name, f in (("lumbar", ours), ("bm25", baseline))
        }
        print(json.dumps(figures))
        return 0
    if args.misses:
        print("\n".join(ours.misses))
    print(f"{len(cases)} questions from {path} over {len(passages)} passages")
    print(f"{'':14}{'answer':>8}{'top 3':>8}")
    for name, f in (("lumbar", ours), ("BM25 baseline", baseline)):
        print(f"{name:14}{f.answer:8.1f}{f.top3:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
