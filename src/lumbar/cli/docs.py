"""`lumbar docs`: add, list and remove the documents `lumbar ask` answers from."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from lumbar.ask.library import add_documents, expand_paths, open_library, remove_document
from lumbar.ask.settings import settings_from_env
from lumbar.cli.jsonl import print_json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Manage a clinic's own documents (plain text, Markdown, HTML) for `lumbar ask`. "
        "The index lives in $LUMBAR_HOME (default ~/.local/share/lumbar)."
    )
    actions = parser.add_subparsers(dest="docs_action", metavar="ACTION")
    add = actions.add_parser(
        "add",
        help="read and index files (folders: every .txt, .md and .html inside)",
        description="Read and index documents: plain text, Markdown or HTML, judged by their content "
        "(binary files are refused). System and private files (under /etc, /proc, /sys, /dev, /boot, "
        "/root, /var, /usr, /run, in .ssh or .gnupg, or named like keys, secrets or passwords) are "
        "refused unless --force is given.",
    )
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    add.add_argument(
        "--force",
        action="store_true",
        help="index system and private files too (think twice: answers quote them)",
    )
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="list the indexed documents")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=run_list)
    remove = actions.add_parser("remove", help="remove a document by its id (see `lumbar docs list`)")
    remove.add_argument("id")
    remove.set_defaults(handler=run_remove)

    def show_help(_args: argparse.Namespace) -> int:
        parser.print_help()
        return 2

    parser.set_defaults(handler=show_help)


def run_add(args: argparse.Namespace) -> int:
    """Index each file; unreadable ones are reported and skipped. Exit 1 when any file was skipped."""
    console = Console(stderr=True)
    force = bool(getattr(args, "force", False))
    files = expand_paths(args.paths, force=force)
    index = open_library(settings_from_env(), fallback_to_memory=False)
    try:
        with Progress(
            TextColumn("Adding documents"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=True,
            disable=len(files) < 2,
        ) as progress:
            task = progress.add_task("", total=len(files))
            report = add_documents(
                index,
                files,
                force=force,
                on_file=lambda path: progress.update(task, advance=1, description=escape(path.name)),
            )
    finally:
        index.close()
    out = Console()
    for record in report.added:
        out.print(
            f"Added [bold]{escape(record.id)}[/bold] ({record.passages} passages): {escape(record.title)}",
            highlight=False,
        )
    for _path, message in report.failed:
        console.print(f"[red]Skipped[/red] {escape(message)}", highlight=False)
    if not files:
        console.print("No .txt, .md or .html files found in the given folders.")
    return 1 if report.failed or not files else 0


def run_list(args: argparse.Namespace) -> int:
    """The indexed documents: id, origin, passages, title and path."""
    index = open_library(settings_from_env(), fallback_to_memory=False)
    try:
        records = index.documents()
    finally:
        index.close()
    if args.json:
        print_json([vars(r) for r in records])
        return 0
    table = Table("id", "origin", "passages", "title", "path")
    for r in records:
        table.add_row(Text(r.id), Text(r.origin), str(r.passages), Text(r.title), Text(r.path))
    Console().print(table)
    return 0


def run_remove(args: argparse.Namespace) -> int:
    """Remove one document; an unknown id is an error that names `lumbar docs list`."""
    index = open_library(settings_from_env(), fallback_to_memory=False)
    try:
        remove_document(index, args.id)
    finally:
        index.close()
    print(f"Removed {args.id}")
    return 0
