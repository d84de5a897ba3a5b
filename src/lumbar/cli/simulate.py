"""`lumbar simulate [FILE]`: run the interview against labelled cases and report the figures.

Each case is answered by a simulated person from its truth (see `lumbar.eval.simulation`).
The report gives level accuracy, under-triage (with case ids), top-3 cause accuracy and the
number of questions asked (median, 90th percentile, maximum), as a table or as JSON.
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lumbar.assessor import default_engine
from lumbar.eval.simulation import TARGETS, Report, load_cases, simulate
from lumbar.interview.engine import Interviewer


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Run the interview against labelled cases: a simulated person answers from each "
        "case's truth. Reports level accuracy, under-triage, top-3 cause accuracy and questions asked."
    )
    parser.add_argument(
        "file", help="cases file, YAML or JSONL (the repository's: tests/cases/simulation.yaml)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--all", action="store_true", help="list every case, not only the misses")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when a target is missed")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    engine = default_engine()
    cases = load_cases(args.file, engine.kb)
    report = simulate(Interviewer(engine), cases)
    if args.json:
        print(report.to_json())
    else:
        print_report(report, Console(), every_case=args.all)
    return 1 if args.strict and not all(report.targets_met.values()) else 0


def print_report(report: Report, console: Console, every_case: bool = False) -> None:
    """The figures against their targets, then the cases that missed (or every case)."""
    met = report.targets_met
    questions = report.questions
    under = report.under_triage
    figures = Table(title=f"Interview simulation: {len(report.outcomes)} cases", title_justify="left")
    for column in ("Figure", "Value", "Target", "Met"):
        figures.add_column(column, justify="left" if column == "Figure" else "right")
    figures.add_row(
        "Level accuracy",
        f"{report.level_accuracy:.1%}",
        f"≥ {TARGETS['level_accuracy']:.0%}",
        _tick(met["level_accuracy"]),
    )
    figures.add_row("Under-triage", str(len(under)), "0", _tick(met["under_triage"]))
    figures.add_row(
        "Top-3 cause accuracy",
        f"{report.top3_accuracy:.1%}",
        f"≥ {TARGETS['top3_accuracy']:.0%}",
        _tick(met["top3_accuracy"]),
    )
    figures.add_row(
        "Questions: median / p90 / max",
        f"{questions['median']:g} / {questions['p90']:g} / {questions['max']:g}",
        f"median ≤ {TARGETS['median_questions']}",
        _tick(met["median_questions"]),
    )
    console.print(figures)
    if under:
        console.print(f"[bold red]Under-triaged:[/bold red] {', '.join(under)}")
    rows = [o for o in report.outcomes if every_case or not o.level_ok or (o.scored and not o.causes_ok)]
    if rows:
        console.print(f"\n[bold]{'Cases' if every_case else 'Misses'}[/bold]")
    for o in rows:
        mark = "[green]✓[/green]" if o.level_ok and (o.causes_ok or not o.scored) else "[red]✗[/red]"
        level = o.level.value if o.level_ok else f"[red]{o.level.value}[/red]"
        wanted = "/".join(lv.value for lv in o.acceptable)
        top = ", ".join(o.causes) if o.causes_ok or not o.scored else f"[red]{', '.join(o.causes)}[/red]"
        console.print(
            f"{mark} [bold]{o.id}[/bold]: {level} (expected {wanted}); top 3: {top}; {o.questions} questions"
        )
        if not o.level_ok or (o.scored and not o.causes_ok):
            console.print(
                f"    [dim]with the whole truth known: {o.oracle_level.value}; {', '.join(o.oracle_causes)}[/dim]"
            )
        if o.known_issue:
            console.print(f"    [dim]known issue: {escape(o.known_issue)}[/dim]")


def _tick(ok: bool) -> str:
    return "[green]yes[/green]" if ok else "[bold red]no[/bold red]"
