"""Fuzz `assess` with many seeded texts in parallel: errors by type, invariant breaches, the slowest call.

    .venv/bin/python benchmarks/fuzz_texts.py [--n 100000] [--workers N] [--seed 1] [--long-share 0.1]

Text i is drawn from the families of tests/adversarial_texts.py (the fuzz tests use the same ones),
with its own seed, so any text can be rebuilt alone: ``build(family, seed, length)``. Lengths are
log-uniform from 30 to 2,000 characters, and a share (``--long-share``) uniform from 2,000 to just
past the 20,000-character limit. The texts are split among ``--workers`` processes (default: every
CPU), each with its own warm engine. Reports the documented input errors (InputError, by message)
apart from every other exception (a bug, with the first text that raised it and its traceback),
the texts whose assessment breaks an invariant of tests/engine_invariants.py, the per-call CPU time
(p50, p99, max) overall and by family, and the slowest call with its family and length. Not a test:
nothing is asserted.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import random
import re
import statistics
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lumbar.assessor import default_engine
from lumbar.errors import InputError
from lumbar.intake.validate import MAX_CHARS

# the families, the invariants and the known bugs live beside the tests, which use them too
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from adversarial_texts import FAMILIES, build
from engine_invariants import assessment_problems
from known_bugs import known_bug

CHUNK = 200
SHORT_RANGE = (30, 2_000)
LONG_RANGE = (2_000, MAX_CHARS + 1_000)


@dataclass(frozen=True)
class Case:
    """One fuzzed text, rebuilt by ``build(family, seed, length)``."""

    index: int
    family: str
    seed: int
    length: int


def case(index: int, seed: int, long_share: float) -> Case:
    """The ``index``-th case of the run ``seed``: its family, its own seed and its length."""
    rng = random.Random(seed * 1_000_003 + index)
    family = sorted(FAMILIES)[index % len(FAMILIES)]
    if rng.random() < long_share:
        length = rng.randint(*LONG_RANGE)
    else:
        length = int(math.exp(rng.uniform(math.log(SHORT_RANGE[0]), math.log(SHORT_RANGE[1]))))
    return Case(index, family, rng.getrandbits(32), length)


@dataclass
class Tally:
    """What a share of the cases gave: times, errors and breaches, each with its first example."""

    seconds: list[tuple[float, str, bool]] = field(default_factory=list)  # CPU seconds, family, assessed
    slowest: tuple[float, Case | None, int] = (0.0, None, 0)  # of the assessed: seconds, case, characters
    assessed: int = 0
    documented: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    breaches: Counter[str] = field(default_factory=Counter)
    examples: dict[str, tuple[Case, str]] = field(default_factory=dict)  # key -> first case, detail

    def add(self, other: Tally) -> None:
        self.seconds += other.seconds
        self.slowest = max(self.slowest, other.slowest, key=lambda s: s[0])
        self.assessed += other.assessed
        self.documented += other.documented
        self.errors += other.errors
        self.breaches += other.breaches
        for key, example in other.examples.items():
            if key not in self.examples or example[0].index < self.examples[key][0].index:
                self.examples[key] = example


def warm() -> None:
    """Each worker builds its engine (knowledge base, lexicon, speller) before it is timed."""
    default_engine().assess("I pulled my back lifting a box, no numbness.")


def run(cases: list[Case]) -> Tally:
    """Assess each case, timing the call and sorting what it gave."""
    engine = default_engine()
    tally = Tally()
    for c in cases:
        text = build(c.family, c.seed, c.length)
        started = time.process_time()
        try:
            assessment = engine.assess(text)
        except InputError as exc:
            tally.seconds.append((time.process_time() - started, c.family, False))
            tally.documented[re.sub(r"\d[\d,]*", "N", str(exc))] += 1
            continue
        except Exception as exc:  # anything else is a bug
            tally.seconds.append((time.process_time() - started, c.family, False))
            bug = known_bug(exc)
            key = f"{type(exc).__name__}: {str(exc).splitlines()[-1][:90]}"
            key += f" [known bug: {bug}]" if bug else ""
            tally.errors[key] += 1
            tally.examples.setdefault(key, (c, traceback.format_exc(limit=-4)))
            continue
        spent = time.process_time() - started
        tally.seconds.append((spent, c.family, True))
        if spent > tally.slowest[0]:
            tally.slowest = (spent, c, len(text))
        tally.assessed += 1
        for problem in assessment_problems(assessment, text, engine.kb):
            key = problem.split(":")[0][:90]
            tally.breaches[key] += 1
            tally.examples.setdefault(key, (c, problem))
    return tally


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(tally: Tally, n: int, workers: int, seed: int, wall: float) -> None:
    every = [ms * 1000 for ms, _, _ in tally.seconds]
    assessed = [ms * 1000 for ms, _, done in tally.seconds if done]
    print(
        f"fuzz_texts: {n:,} texts, seed {seed}, {workers} workers on {os.cpu_count()} CPUs, {wall:.0f} s wall"
    )
    print(
        f"assessed {tally.assessed:,}; documented input errors {sum(tally.documented.values()):,}; "
        f"other exceptions {sum(tally.errors.values()):,}; invariant breaches {sum(tally.breaches.values()):,}"
    )
    for name, ms in (("every call", every), ("assessed texts", assessed)):
        if ms:
            p50, p99 = statistics.median(ms), percentile(ms, 0.99)
            print(f"per-call CPU time, {name:14}: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(ms):.1f} ms")
    spent, slow, chars = tally.slowest
    if slow is not None:
        print(
            f"slowest call: {spent * 1000:.0f} ms, {chars:,} characters, family {slow.family} "
            f"(build({slow.family!r}, {slow.seed}, {slow.length}))"
        )
    print(
        f"\n{'family':16} {'calls':>7} {'refused':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7}  (every call)"
    )
    for family in sorted(FAMILIES):
        rows = [(ms * 1000, done) for ms, f, done in tally.seconds if f == family]
        if rows:
            ms = [m for m, _ in rows]
            refused = sum(not done for _, done in rows)
            p50, p99 = statistics.median(ms), percentile(ms, 0.99)
            print(f"{family:16} {len(ms):7,} {refused:7,} {p50:7.1f} {p99:7.1f} {max(ms):7.1f}")
    print("\ndocumented input errors (InputError), by message:")
    for message, count in tally.documented.most_common():
        print(f"  {count:7,}  {message[:110]}")
    for title, counter in (("other exceptions (bugs)", tally.errors), ("invariant breaches", tally.breaches)):
        print(f"\n{title}:" + ("" if counter else " none"))
        for key, count in counter.most_common():
            first, detail = tally.examples[key]
            print(
                f"  {count:7,}  {key}\n           first: build({first.family!r}, {first.seed}, {first.length})"
            )
            print("           " + detail.strip().replace("\n", "\n           "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="texts to assess")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed: the same seed, the same texts")
    parser.add_argument("--long-share", type=float, default=0.1, help="share of texts over 2,000 characters")
    args = parser.parse_args()
    cases = [case(i, args.seed, args.long_share) for i in range(args.n)]
    chunks = [cases[i : i + CHUNK] for i in range(0, len(cases), CHUNK)]
    total = Tally()
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(args.workers, initializer=warm) as pool:
        for done, part in enumerate(pool.imap_unordered(run, chunks), start=1):
            total.add(part)
            if done % max(1, len(chunks) // 20) == 0:
                print(
                    f"  {done * CHUNK:,} texts, {time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    report(total, args.n, args.workers, args.seed, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
