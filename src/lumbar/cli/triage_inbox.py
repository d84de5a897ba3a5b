"""`lumbar triage-inbox INPUT --out FOLDER`: every message of a file assessed on Dask, with a progress
bar, then a summary (emergencies first) on the terminal and an HTML report in FOLDER."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from lumbar.batch.cluster import RunOutcome, open_client, run_inbox
from lumbar.batch.folder import ERRORS_CSV, REPORT, RESULTS, OutputFolder, identify
from lumbar.batch.report import html_report
from lumbar.batch.rows import FORMATS, input_format
from lumbar.batch.summary import LEVELS, InboxSummary, summarise
from lumbar.errors import InputError
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import Level

PARTITION_ROWS = 1_000
#: ids listed on the terminal per emergency level; the report lists more, the results all
SHOWN_IDS = 20


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Triage every message of a file (JSONL, CSV or Parquet with the columns id, text and optionally "
        "received_at) on a Dask cluster, writing Parquet results partition by partition. Run it again "
        "to resume: finished partitions are skipped. lumbar informs; it does not diagnose."
    )
    parser.add_argument("input", metavar="INPUT", help="the messages: a .jsonl, .csv or .parquet file")
    parser.add_argument("--out", required=True, metavar="FOLDER", help="the folder for the results")
    parser.add_argument("--format", choices=FORMATS, help="the input's format, when its name does not tell")
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes of the local cluster (default: one per core)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="use the running Dask cluster at ADDRESS (tcp://host:8786); its workers must have lumbar "
        "installed and see the --out folder",
    )
    parser.add_argument(
        "--partition-rows",
        type=int,
        default=PARTITION_ROWS,
        metavar="N",
        help=f"input rows per partition, the unit of writing and resuming (default {PARTITION_ROWS:,})",
    )
    parser.add_argument(
        "--restart", action="store_true", help="replace the results of another input found in the folder"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.partition_rows < 1 or (args.workers is not None and args.workers < 1):
        raise InputError("--partition-rows and --workers must be at least 1")
    path = Path(args.input)
    if not path.is_file():
        raise InputError(f"cannot read {path}: there is no such file")
    identity = identify(path, input_format(path, args.format), args.partition_rows)
    folder = OutputFolder.prepare(Path(args.out), identity, args.restart)
    console = Console(stderr=True)
    with (
        Progress(
            TextColumn("Triage"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
        ) as progress,
        open_client(args.workers, args.scheduler) as client,
    ):
        task = progress.add_task("rows", total=identity.rows_estimate or None)
        outcome = run_inbox(client, identity, folder, lambda rows: progress.advance(task, rows))
        progress.update(task, total=outcome.rows, completed=outcome.rows)
    folder.write_errors_csv()
    summary = summarise(folder)
    kb = load_knowledge()
    titles = {level: kb.levels[level].title for level in Level}
    folder.write_text(REPORT, html_report(summary, titles, path.name))
    print_summary(Console(), summary, titles, outcome, folder)
    return 1 if outcome.failed else 0


def print_summary(
    console: Console,
    summary: InboxSummary,
    titles: dict[Level, str],
    outcome: RunOutcome,
    folder: OutputFolder,
) -> None:
    """Counts by level, the emergencies' ids first, bad rows by kind, and where everything is."""
    table = Table(title=f"{summary.assessed:,} messages assessed")
    table.add_column("What the message calls for")
    table.add_column("Messages", justify="right")
    for level in LEVELS:
        table.add_row(titles[level], f"{summary.by_level[level]:,}")
    console.print(table)
    for level in LEVELS:
        listed = summary.emergencies_by_level.get(level)
        if not listed:
            continue
        ids = ", ".join(e.id for e in listed[:SHOWN_IDS])
        more = summary.by_level[level] - min(len(listed), SHOWN_IDS)
        console.print(
            f"[bold red]{titles[level]}[/]: {ids}" + (f" and {more:,} more" if more else ""), highlight=False
        )
    if summary.errors:
        kinds = ", ".join(f"{kind}: {count:,}" for kind, count in summary.errors.most_common())
        bad = sum(summary.errors.values())
        console.print(f"{bad:,} {'row' if bad == 1 else 'rows'} could not be assessed ({kinds}).")
    if outcome.skipped:
        console.print(f"{outcome.skipped:,} of the partitions were already done and were kept.")
    if outcome.failed:
        console.print(
            f"[bold]{len(outcome.failed):,} partitions could not be finished; run the same command again to "
            "retry them.[/]"
        )
    root = folder.root
    console.print(
        f"Results: {root / RESULTS}  Bad rows: {root / ERRORS_CSV}  Report: {root / REPORT}",
        highlight=False,
        soft_wrap=True,
    )
