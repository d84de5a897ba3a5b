"""How `lumbar ask` scales: index a synthetic corpus and time questions against it.

    .venv/bin/python benchmarks/ask_scale.py [--passages 100000] [--queries 500]

The corpus is generated, in a temporary folder, from a vocabulary of real words (those of the
labelled questions and the shipped synonym table) mixed with made-up words, drawn with a Zipf
law so that a few words are very common, as in real text. Reports the indexing time, the size
of the SQLite file, the peak memory of the process and the latency (p50, p99) of retrieval
alone and of a full answer. Target: p99 under 50 ms. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lumbar.ask.answer import answer_question
from lumbar.ask.index import ORIGIN_USER, DocumentRecord, SqliteIndex
from lumbar.ask.passages import Passage
from lumbar.ask.retrieve import Retriever
from lumbar.ask.settings import repository_root
from lumbar.ask.vocabulary import load_vocabulary
from lumbar.ask.warning_signs import load_warning_signs

PASSAGES_PER_DOCUMENT = 1000


def real_words() -> list[str]:
    """Words people use about back cramps: from the labelled questions and the synonym table."""
    words: set[str] = set()
    root = repository_root() or Path.cwd()
    cases = root / "tests" / "cases" / "questions.jsonl"
    if cases.is_file():
        for line in cases.read_text(encoding="utf-8").splitlines():
            words.update(json.loads(line)["question"].lower().replace("?", "").split())
    vocabulary = load_vocabulary()
    for phrases in vocabulary.groups.values():
        for phrase in phrases:
            words.update(phrase)
    return sorted(w for w in words if w.isalpha())


def made_up_words(rng: random.Random, count: int) -> list[str]:
    consonants, vowels = "bcdfghklmnprstvz", "aeiou"
    return [
        "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        for _ in range(count)
    ]


def zipf_weights(size: int) -> list[float]:
    return [1.0 / (rank + 1) ** 1.05 for rank in range(size)]


def build(index: SqliteIndex, count: int, rng: random.Random, vocabulary: list[str]) -> float:
    weights = zipf_weights(len(vocabulary))
    started = time.perf_counter()
    for start in range(0, count, PASSAGES_PER_DOCUMENT):
        doc_id = f"synthetic_{start // PASSAGES_PER_DOCUMENT:04d}"
        passages = []
        for n in range(start, min(start + PASSAGES_PER_DOCUMENT, count)):
            words = rng.choices(vocabulary, weights, k=rng.randint(30, 90))
            sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
            passages.append(
                Passage(f"{doc_id}:{n}", " ".join(sentences), doc_id, f"paragraph {n}", doc_id, doc_id)
            )
        index.put_document(DocumentRecord(doc_id, doc_id, "", ORIGIN_USER, "bench"), passages)
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    real = real_words()
    vocabulary = real + made_up_words(rng, 30_000)
    rng.shuffle(vocabulary)  # real and made-up words share the common and the rare ranks

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ask-index.sqlite3"
        index = SqliteIndex(path)
        seconds = build(index, args.passages, rng, vocabulary)
        size_mb = path.stat().st_size / 1e6
        retriever = Retriever(index, load_vocabulary())
        signs = load_warning_signs()
        questions = [
            "How long should I " + " ".join(rng.sample(real, rng.randint(2, 5))) + "?"
            for _ in range(args.queries)
        ]
        retriever.retrieve(questions[0])  # warm the caches once
        retrieval_ms, answer_ms = [], []
        for question in questions:
            started = time.perf_counter()
            retriever.retrieve(question)
            retrieval_ms.append(1000 * (time.perf_counter() - started))
            started = time.perf_counter()
            answer_question(question, retriever, signs)
            answer_ms.append(1000 * (time.perf_counter() - started))
        index.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"passages          {args.passages:,}")
    print(f"index time        {seconds:.1f} s ({args.passages / seconds:,.0f} passages/s)")
    print(f"index size        {size_mb:.1f} MB")
    print(f"peak memory       {peak_mb:.0f} MB (max RSS)")
    for name, values in (("retrieval", retrieval_ms), ("full answer", answer_ms)):
        p50, p99 = statistics.median(values), percentile(values, 0.99)
        print(f"{name:17} p50 {p50:.1f} ms, p99 {p99:.1f} ms over {len(values)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
