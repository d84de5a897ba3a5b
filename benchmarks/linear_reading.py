"""Is reading linear in the text's length? CPU time of the intake on adversarial texts of 1,000 to 20,000 characters.

    .venv/bin/python benchmarks/linear_reading.py [--runs 3] [--json]

For each family of tests/adversarial_texts.py that reads as English (repeated negations, dense ConText
triggers, comma lists of symptoms, text with no punctuation at all, numbers, misspellings, text-speak,
word salad from the lexicon's own phrases), the length doubles from 1,000 characters up to the
20,000 that `assess` accepts. Each cell is the best of ``--runs`` CPU times (``time.process_time``) of
``check_text`` and ``TextReader.read``, a fresh text variant each run so that no cache flatters it,
with the garbage collector held off while timing (as ``timeit`` does).

The 20k/2k column is the ratio of the 20,000- and 2,000-character times: linear reading gives about
10, a quadratic step 100. With phrases drawn from the whole lexicon, a longer text also uses more of
the lexicon, and the lexicon tries at each word only the phrases whose every word is in the text, so
the work per word grows until the text holds the whole vocabulary; the "fixed 40" column draws both
texts from the same 40 phrases and shows the ratio for length alone. The last column times one
whole ``assess`` of a 20,000-character text (the triage, the causes and the plan depend on the
findings, not on the length). Not a test: nothing is asserted here;
tests/unit/intake/test_linear_reading.py bounds both ratios for the worst families.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.errors import LumbarError
from lumbar.intake.validate import MAX_CHARS

# the text families live beside the tests, which use them too
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from adversarial_texts import READING_FAMILIES, best_read_seconds, build

LENGTHS = (1_000, 2_000, 4_000, 8_000, 16_000, MAX_CHARS)
SHORT, LONG = 2_000, MAX_CHARS
#: phrases of the lexicon the "fixed vocabulary" texts are drawn from.
FIXED_PHRASES = 40


def read_seconds(
    engine: AssessmentEngine, family: str, length: int, runs: int, phrases: int | None = None
) -> float:
    """Best CPU time of checking and reading a text of ``family`` and ``length``, a new text each run."""
    return best_read_seconds(engine, family, length, runs, length * 1_000, phrases)


def assess_seconds(engine: AssessmentEngine, family: str) -> tuple[float, str]:
    """CPU time of one whole assessment of a 20,000-character text, and the error it raised, if any."""
    text = build(family, seed=LONG * 1_000 + 999, length=LONG)
    started = time.process_time()
    try:
        engine.assess(text)
        error = ""
    except LumbarError as exc:  # timed all the same: the error comes after the reading
        error = type(exc).__name__
    return time.process_time() - started, error


@dataclass(frozen=True)
class FamilyFigures:
    """What one family measured: reading time by length (seconds) and one whole assessment."""

    read_s: dict[int, float]
    fixed_ratio: float  # the 20k/2k ratio with texts drawn from FIXED_PHRASES phrases
    assess_20k_s: float
    assess_error: str  # the error a whole assessment raised, if any

    @property
    def ratio(self) -> float:
        return self.read_s[LONG] / self.read_s[SHORT]


def measure(runs: int) -> dict[str, FamilyFigures]:
    """The figures of every reading family."""
    engine = default_engine()
    for family in READING_FAMILIES:  # warm-up: knowledge base, lexicon, speller, English word list
        engine.assess(build(family, seed=0, length=500))
    gc.collect()
    gc.freeze()  # the engine lives on: collecting before each run then costs little
    out: dict[str, FamilyFigures] = {}
    for family in READING_FAMILIES:
        times = {n: read_seconds(engine, family, n, runs) for n in LENGTHS}
        fixed = read_seconds(engine, family, LONG, runs, FIXED_PHRASES) / read_seconds(
            engine, family, SHORT, runs, FIXED_PHRASES
        )
        out[family] = FamilyFigures(times, fixed, *assess_seconds(engine, family))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="texts per cell; the best time is kept")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = measure(args.runs)
    if args.json:
        print(json.dumps({f: {**asdict(v), "ratio": v.ratio} for f, v in figures.items()}, indent=2))
        return 0
    table = Table(
        title=f"Reading time (ms, CPU, best of {args.runs}) by length in characters; {os.cpu_count()} CPUs"
    )
    table.add_column("family")
    for n in LENGTHS:
        table.add_column(f"{n:,}", justify="right")
    table.add_column("20k/2k", justify="right")
    table.add_column(f"fixed {FIXED_PHRASES}", justify="right")
    table.add_column("assess 20k", justify="right")
    for family, row in sorted(figures.items(), key=lambda kv: -kv[1].ratio):
        error = f" ({row.assess_error})" if row.assess_error else ""
        table.add_row(
            family,
            *(f"{row.read_s[n] * 1000:.1f}" for n in LENGTHS),
            f"{row.ratio:.1f}",
            f"{row.fixed_ratio:.1f}",
            f"{row.assess_20k_s * 1000:.0f} ms{error}",
        )
    console = Console(width=120)
    console.print(table)
    worst = max(figures, key=lambda f: figures[f].read_s[LONG])
    slowest = max(figures, key=lambda f: figures[f].assess_20k_s)
    console.print(
        f"worst 20,000-character reading: {worst}, {figures[worst].read_s[LONG] * 1000:.0f} ms; "
        f"worst whole assessment: {slowest}, {figures[slowest].assess_20k_s * 1000:.0f} ms"
    )
    console.print(
        "20k/2k: linear reading gives about 10 (less with a fixed cost per text); "
        f"fixed {FIXED_PHRASES}: the same ratio with both texts drawn from {FIXED_PHRASES} phrases"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
