"""How fast `lumbar assess` is: warm assessments, CLI start-up, a batch of 40, and peak memory.

    .venv/bin/python benchmarks/assess_speed.py [--repeat N] [--runs N] [--start-up]

Texts: the public vignettes (../shared/vignettes/dev.jsonl, when present) and our labelled intake
sentences (tests/cases/intake.jsonl). Targets: one warm assessment under 20 ms; a batch of 40
including start-up under 5 s. A measurement, never asserted in the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from rich.console import Console
from rich.table import Table

import lumbar
from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.errors import InputError
from lumbar.knowledge.loader import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
VIGNETTES = ROOT.parent / "shared" / "vignettes" / "dev.jsonl"
INTAKE = ROOT / "tests" / "cases" / "intake.jsonl"
LUMBAR = Path(sys.executable).with_name("lumbar")
WARM_TARGET_MS = 20.0
BATCH_TARGET_S = 5.0
BATCH_SIZE = 40

#: the bare interpreter start every one-shot command is compared with, and the ratios asked for
BASELINE = "python -c pass"
RATIO_TARGETS = {"lumbar assess --text": 8.0, "lumbar assess --text --json": 8.0, "lumbar --help": 4.0}
SAMPLE = "Back spasm after lifting, no numbness."


def texts() -> list[str]:
    """Every text to assess: vignettes first, then the intake sentences."""
    out: list[str] = []
    for path in (VIGNETTES, INTAKE):
        if path.exists():
            out += [
                json.loads(line)["text"]
                for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def warm(all_texts: list[str], repeat: int) -> dict[str, float]:
    """Assessments in one process after a first call has built the engine."""
    started = time.perf_counter()
    engine = default_engine()
    engine.assess("I pulled my back lifting a box.")
    first_ms = (time.perf_counter() - started) * 1000
    timings: list[float] = []
    for _ in range(repeat):
        for text in all_texts:
            t0 = time.perf_counter()
            try:
                engine.assess(text)
            except InputError:
                continue  # a text the validator refuses is not an assessment
            timings.append((time.perf_counter() - t0) * 1000)
    total_s = sum(timings) / 1000
    return {
        "first_ms": first_ms,
        "count": len(timings),
        "per_second": len(timings) / total_s,
        "mean_ms": statistics.fmean(timings),
        "p50_ms": percentile(timings, 0.5),
        "p99_ms": percentile(timings, 0.99),
        "max_ms": max(timings),
    }


def memory(all_texts: list[str]) -> dict[str, float]:
    """Peak Python allocations while building the engine and assessing every text once (tracemalloc,
    in this process), and the process's peak resident size (getrusage)."""
    tracemalloc.start()
    engine = AssessmentEngine(load_knowledge())
    for text in all_texts:
        with contextlib.suppress(InputError):
            engine.assess(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"traced_peak_mib": peak / 2**20, "max_rss_mib": rss_kib / 1024}


def wall(argv: list[str], runs: int) -> list[float]:
    """Wall time in seconds of a command, run ``runs`` times."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True, timeout=120)
        times.append(time.perf_counter() - t0)
    return times


def child_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cli(all_texts: list[str], runs: int) -> dict[str, list[float]]:
    """Start-up and batch wall times through the installed script, beside a bare interpreter start.

    The one-shot commands and ``python -c pass`` run in turn, ``runs`` rounds, so each ratio compares
    medians taken under the same load.
    """
    commands = {
        BASELINE: [sys.executable, "-c", "pass"],
        "lumbar --help": [str(LUMBAR), "--help"],
        "lumbar assess --text": [str(LUMBAR), "assess", "--text", SAMPLE],
        "lumbar assess --text --json": [str(LUMBAR), "assess", "--text", SAMPLE, "--json"],
    }
    for argv in commands.values():  # the first start compiles the knowledge base and the engine's cache
        wall(argv, 1)
    out: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            out[name] += wall(argv, 1)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for number, text in enumerate(all_texts[:BATCH_SIZE]):
            handle.write(json.dumps({"id": f"b{number}", "text": text}) + "\n")
        batch = handle.name
    try:
        out[f"lumbar assess --batch ({BATCH_SIZE})"] = wall([str(LUMBAR), "assess", "--batch", batch], runs)
    finally:
        os.unlink(batch)
    return out


def compile_bytecode() -> None:
    """Write lumbar's ``.pyc`` files, as pip does when it installs a wheel: with
    PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile every module at each
    start, and the timings would measure that."""
    package = Path(lumbar.__file__).parent
    compileall.compile_dir(str(package), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts for the warm timing")
    parser.add_argument("--runs", type=int, default=3, help="runs of each CLI command")
    parser.add_argument("--start-up", action="store_true", help="only the CLI timings, not the warm ones")
    args = parser.parse_args(argv)
    all_texts = texts()
    if not all_texts:
        print("no texts found", file=sys.stderr)
        return 2
    console = Console()
    if not args.start_up:
        warm_tables(console, all_texts, args.repeat)
    if not LUMBAR.exists():
        console.print(f"[yellow]{LUMBAR} is missing: run `make setup` for the CLI timings[/yellow]")
        return 0
    compile_bytecode()
    cli_table(console, all_texts, args.runs)
    return 0


def warm_tables(console: Console, all_texts: list[str], repeat: int) -> None:
    """Warm assessments and memory, in this process."""
    w = warm(all_texts, repeat)
    table = Table(title=f"Warm assessments in one process ({len(all_texts)} texts x {repeat})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    table.add_row("first call (loads the knowledge base)", f"{w['first_ms']:.0f} ms", "")
    table.add_row("assessments", f"{w['count']:.0f}", "")
    table.add_row("assessments per second", f"{w['per_second']:.0f}", "")
    ok = "ok" if w["mean_ms"] < WARM_TARGET_MS else "SLOW"
    table.add_row("mean per assessment", f"{w['mean_ms']:.2f} ms", f"< {WARM_TARGET_MS:.0f} ms ({ok})")
    table.add_row("median / p99 / max", f"{w['p50_ms']:.2f} / {w['p99_ms']:.2f} / {w['max_ms']:.2f} ms", "")
    m = memory(all_texts)
    table.add_row(
        "peak Python allocations, new engine + every text (tracemalloc)",
        f"{m['traced_peak_mib']:.1f} MiB",
        "",
    )
    table.add_row("peak resident size of this process", f"{m['max_rss_mib']:.1f} MiB", "")
    console.print(table)


def cli_table(console: Console, all_texts: list[str], runs: int) -> None:
    """One-shot commands' wall times and their ratios to a bare start, run in turn."""
    c = cli(all_texts, runs)
    table = Table(title=f"CLI wall time ({runs} runs each, in turn)")
    for column in ("command", "min", "median", "max", "× python -c pass", "target"):
        table.add_column(column, justify="left" if column == "command" else "right")
    base = statistics.median(c[BASELINE])
    for command, times in c.items():
        target = ""
        if "--batch" in command:
            target = f"< {BATCH_TARGET_S:.0f} s ({'ok' if max(times) < BATCH_TARGET_S else 'SLOW'})"
        ratio = statistics.median(times) / base
        if command in RATIO_TARGETS:
            target = (
                f"≤ {RATIO_TARGETS[command]:.0f}× ({'ok' if ratio <= RATIO_TARGETS[command] else 'SLOW'})"
            )
        table.add_row(
            command,
            f"{min(times):.3f} s",
            f"{statistics.median(times):.3f} s",
            f"{max(times):.3f} s",
            f"{ratio:.1f}×",
            target,
        )
    table.add_row("peak resident size of a CLI run", f"{child_rss_mib():.1f} MiB", "", "", "", "")
    console.print(table)


if __name__ == "__main__":
    sys.exit(main())
