"""How long a warm `assess` and a warm interview step take, over every labelled text.

    .venv/bin/python benchmarks/warm_assess.py [--rounds 3] [--json]
    PYTHONHASHSEED=0 .venv/bin/python benchmarks/warm_assess.py --cpu [--rounds 3]

Texts (``--texts``): ``pinned``, the default, is the fixed set the issue's figures were taken on
(1,423 texts: ../shared/vignettes/*.jsonl and ``warm_texts.jsonl``, our labelled texts as they were on
2026-12-07, so that the figure does not move as batches are added); ``all`` is every labelled text
of ../shared/vignettes/*.jsonl (when present) and tests/cases/*.jsonl, each once, for the digests; interview steps: the cases of tests/cases/simulation.yaml, a simulated person answering
from each case's truth. The engine is warmed up on the interview cases first (knowledge base,
lexicon, ranker tables); then the texts are timed once as first seen ("first sight": tables the
engine remembers per rule or per line have not seen these texts) and ``--rounds`` times more.
Reports mean, p50 and p99 in milliseconds. Target (issue 16): a warm assessment
mean of 1.5 ms or less. A measurement, never asserted in the test suite.

``--cpu`` prints instead the CPU time (``time.process_time``) of one assessment, best of ``--rounds``
passes over the texts, and a SHA-256 of every assessment's JSON and of every interview step: run
the code before and after a change alternately (``PYTHONPATH=<other worktree>/src``), since the
machine's load swings, and the digests must match.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.errors import InputError
from lumbar.eval.simulation import Patient, SimCase, load_cases
from lumbar.interview import Interviewer, Question

ROOT = Path(__file__).resolve().parents[1]
TEXT_FILES = [
    *sorted((ROOT.parent / "shared" / "vignettes").glob("*.jsonl")),
    *sorted((ROOT / "tests" / "cases").glob("*.jsonl")),
]
PINNED_FILES = [
    *sorted((ROOT.parent / "shared" / "vignettes").glob("*.jsonl")),
    ROOT / "benchmarks" / "warm_texts.jsonl",
]
SIMULATION = ROOT / "tests" / "cases" / "simulation.yaml"
TARGET_MEAN_MS = 1.5


def labelled_texts(files: list[Path] = TEXT_FILES) -> list[str]:
    """Every distinct text of ``files``, in file order."""
    seen: dict[str, None] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") if line.strip() else None
            if text:
                seen.setdefault(text, None)
    return list(seen)


def assess_times(engine: AssessmentEngine, texts: list[str]) -> list[float]:
    """Milliseconds of each assessment (texts the validator refuses are left out)."""
    out = []
    for text in texts:
        began = time.perf_counter()
        try:
            engine.assess(text)
        except InputError:
            continue
        out.append((time.perf_counter() - began) * 1000)
    return out


def step_times(interviewer: Interviewer, cases: list[SimCase]) -> list[float]:
    """Milliseconds of each interview call (the opening one and every answer) over the cases."""
    out = []
    for case in cases:
        patient = Patient(interviewer.kb, case, set(case.absent))
        began = time.perf_counter()
        current = interviewer.start(case.text)
        out.append((time.perf_counter() - began) * 1000)
        while isinstance(current, Question):
            answer = patient.answer(current)
            began = time.perf_counter()
            current = interviewer.step(current.state, answer)
            out.append((time.perf_counter() - began) * 1000)
    return out


def cpu_per_assessment(engine: AssessmentEngine, texts: list[str], rounds: int) -> float:
    """CPU milliseconds of one assessment: the best of ``rounds`` passes over ``texts``."""
    best = math.inf
    for _ in range(rounds):
        began = time.process_time()
        for text in texts:
            engine.assess(text)
        best = min(best, time.process_time() - began)
    return best / len(texts) * 1000


def digests(engine: AssessmentEngine, texts: list[str], cases: list[SimCase]) -> tuple[str, str, list[str]]:
    """SHA-256 of every assessment's JSON (and refusal) and of every interview step's, and the texts
    the validator accepts."""
    assessed = hashlib.sha256()
    accepted = []
    for text in texts:
        try:
            assessed.update(pydantic_json(engine.assess(text)))
        except InputError as refused:
            assessed.update(f"refused: {refused}".encode())
            continue
        accepted.append(text)
    interviewer = Interviewer(engine)
    steps = hashlib.sha256()
    for case in cases:
        patient = Patient(interviewer.kb, case, set(case.absent))
        current = interviewer.start(case.text)
        while isinstance(current, Question):
            steps.update(pydantic_json(current))
            current = interviewer.step(current.state, patient.answer(current))
        steps.update(pydantic_json(current))
    return assessed.hexdigest(), steps.hexdigest(), accepted


def pydantic_json(result: Any) -> bytes:
    """``result`` as pydantic's JSON of its schema's model, the same bytes for a run-time record and
    for the pydantic model it was before (so digests compare across that change)."""
    if hasattr(result, "model_dump_json"):
        return bytes(result.model_dump_json().encode())
    from lumbar.knowledge.validation.convert import to_schema  # noqa: PLC0415 - only for a run-time record

    return bytes(to_schema(result).model_dump_json().encode())


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "count": len(ordered),
        "mean_ms": round(statistics.fmean(ordered), 3),
        "p50_ms": round(statistics.median(ordered), 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))], 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed passes after the warm-up")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--cpu", action="store_true", help="CPU time per assessment and digests of the results"
    )
    parser.add_argument(
        "--texts",
        choices=("pinned", "all"),
        default="pinned",
        help="the fixed set of the issue's figures (default), or every labelled text",
    )
    args = parser.parse_args(argv)
    texts = labelled_texts(PINNED_FILES if args.texts == "pinned" else TEXT_FILES)
    engine = default_engine()
    interviewer = Interviewer(engine)
    cases = load_cases(SIMULATION, engine.kb)
    if args.cpu:
        assessed, steps, accepted = digests(engine, texts, cases)
        gc.collect()
        cpu = cpu_per_assessment(engine, accepted, args.rounds)
        print(
            f"cpu {cpu:.3f} ms/assessment over {len(accepted)} texts  assessments {assessed[:16]}  steps {steps[:16]}"
        )
        return 0
    step_times(interviewer, cases)  # warm-up
    gc.collect()
    first = assess_times(engine, texts)
    assessed: list[float] = []
    steps: list[float] = []
    for _ in range(args.rounds):
        assessed += assess_times(engine, texts)
        steps += step_times(interviewer, cases)
    report = {
        "assess_first_sight": summary(first),
        "assess": summary(assessed),
        "interview_step": summary(steps),
    }
    if args.json:
        print(json.dumps({**report, "target_mean_ms": TARGET_MEAN_MS}, indent=2))
        return 0
    for name, figures in report.items():
        print(
            f"{name:<19} n={figures['count']:<6} mean {figures['mean_ms']:.3f} ms"
            f"  p50 {figures['p50_ms']:.3f} ms  p99 {figures['p99_ms']:.3f} ms"
        )
    verdict = "ok" if report["assess"]["mean_ms"] <= TARGET_MEAN_MS else "over"
    print(f"target: warm assess mean <= {TARGET_MEAN_MS} ms ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
