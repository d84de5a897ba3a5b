"""Time one interview step, warm: answer the pending question and choose the next one.

    .venv/bin/python benchmarks/interview_step.py [--rounds 5] [--json]

Replays the labelled cases of tests/cases/simulation.yaml (a simulated person answers from each
case's truth) after one warm-up pass, and times every `start` and `step` call. Reports p50, p90,
p99 and max in milliseconds, the steps per second, and the time of the final step (which builds
the whole assessment). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from lumbar.assessor import default_engine
from lumbar.eval.simulation import Patient, SimCase, load_cases
from lumbar.interview import Interviewer, Question

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "simulation.yaml"


def replay(interviewer: Interviewer, case: SimCase, steps: list[float], finals: list[float]) -> None:
    """Run one case, adding the duration of every call (seconds) to ``steps`` or ``finals``."""
    patient = Patient(interviewer.kb, case, set(case.absent))
    began = time.perf_counter()
    current = interviewer.start(case.text)
    steps.append(time.perf_counter() - began)
    while isinstance(current, Question):
        answer = patient.answer(current)
        began = time.perf_counter()
        current = interviewer.step(current.state, answer)
        (steps if isinstance(current, Question) else finals).append(time.perf_counter() - began)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timed passes over the cases")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    engine = default_engine()
    interviewer = Interviewer(engine)
    cases = load_cases(CASES, engine.kb)
    for case in cases:  # warm-up: knowledge base, lexicon, ranker tables, caches
        replay(interviewer, case, [], [])
    steps: list[float] = []
    finals: list[float] = []
    for _ in range(args.rounds):
        for case in cases:
            replay(interviewer, case, steps, finals)
    ms = [s * 1000 for s in steps]
    final_ms = [s * 1000 for s in finals]
    report = {
        "cases": len(cases),
        "question_steps": len(ms),
        "step_ms": {
            "p50": round(statistics.median(ms), 2),
            "p90": round(percentile(ms, 0.9), 2),
            "p99": round(percentile(ms, 0.99), 2),
            "max": round(max(ms), 2),
            "mean": round(statistics.fmean(ms), 2),
        },
        "steps_per_second": round(1000 / statistics.fmean(ms)),
        "final_step_ms": {
            "p50": round(statistics.median(final_ms), 2),
            "p90": round(percentile(final_ms, 0.9), 2),
        },
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    step = report["step_ms"]
    final = report["final_step_ms"]
    print(
        f"{report['cases']} cases x {args.rounds} rounds, {report['question_steps']} steps that return a question"
    )
    print(
        f"step (warm): p50 {step['p50']} ms, p90 {step['p90']} ms, p99 {step['p99']} ms, max {step['max']} ms"
    )
    print(f"             mean {step['mean']} ms, {report['steps_per_second']} steps/s")
    print(f"final step (builds the assessment and plan): p50 {final['p50']} ms, p90 {final['p90']} ms")


if __name__ == "__main__":
    main()
