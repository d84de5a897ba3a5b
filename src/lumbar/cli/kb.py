"""`lumbar kb check | list [KIND] | show ID | stats`: inspect and validate the knowledge base."""

from __future__ import annotations

import argparse

import yaml
from rich.console import Console
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table

from lumbar.errors import NotFoundError
from lumbar.knowledge.check import CheckReport, check_knowledge
from lumbar.knowledge.dump import as_data
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.lookup import similar_ids


def configure(parser: argparse.ArgumentParser) -> None:
    kb_sub = parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    check = kb_sub.add_parser("check", help="validate everything; exit 1 on any problem")
    check.set_defaults(handler=run_check)
    listing = kb_sub.add_parser("list", help="list items, of one kind or all")
    listing.add_argument("kind", nargs="?", help="sources, findings, causes, rules, specialists, tests, …")
    listing.set_defaults(handler=run_list)
    show = kb_sub.add_parser("show", help="show one item in full")
    show.add_argument("id")
    show.set_defaults(handler=run_show)
    stats = kb_sub.add_parser("stats", help="counts per kind and seed coverage")
    stats.set_defaults(handler=run_stats)


def run_check(args: argparse.Namespace) -> int:
    console = Console()
    report = check_knowledge()
    for problem in report.problems:
        console.print("[red]✗[/red] ", end="")
        console.print(str(problem), markup=False, highlight=False)
    _print_counts(console, report)
    _print_audit(console, report)
    if not report.seeds_found:
        console.print(
            "[yellow]seed documents not found (set LUMBAR_SEEDS): paragraph coverage not checked[/yellow]"
        )
    if report.problems:
        console.print(f"[bold red]{len(report.problems)} problem(s)[/bold red]")
        return 1
    console.print("[bold green]knowledge base OK[/bold green]")
    return 0


def _print_audit(console: Console, report: CheckReport) -> None:
    table = Table("picture", "level", "back", "rules", "cases", title="Red-flag audit (cases: fire / silent)")
    for row in report.audit:
        back = "yes" if row.fits_back_problem else "no"
        table.add_row(row.picture, row.level, back, ", ".join(row.rules), f"{row.fires} / {row.silent}")
    console.print(table)


def _print_counts(console: Console, report: CheckReport) -> None:
    table = Table("kind", "items", title="Knowledge base")
    for kind, count in report.counts.items():
        table.add_row(kind, str(count))
    console.print(table)
    rejected = ", ".join(f"{k} {v}" for k, v in sorted(report.claims_rejected.items()))
    console.print(
        f"seed claims: {report.claims_mapped} covered, {sum(report.claims_rejected.values())} rejected ({rejected}); "
        f"seed paragraphs checked: {report.paragraphs}; conflicts: {report.counts.get('conflicts', 0)}"
    )


def run_list(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    tables = kb.tables()
    kinds = [args.kind] if args.kind else list(tables)
    for kind in kinds:
        if kind not in tables:
            raise NotFoundError(f"no kind '{kind}'; choose one of: {', '.join(tables)}")
        table = Table("id", "name / title", title=kind)
        for item_id, item in tables[kind].items():
            table.add_row(
                item_id,
                getattr(item, "name", None) or getattr(item, "title", None) or getattr(item, "topic", ""),
            )
        Console().print(table)
    return 0


def run_show(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    try:
        item = kb.item(args.id)
    except KeyError:
        close = similar_ids(kb, args.id)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NotFoundError(f"no knowledge item '{args.id}'{hint}") from None
    data = as_data(item, exclude_defaults=True)
    data["sources"] = [str(c) for c in getattr(item, "sources", [])]
    body = Syntax(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), "yaml", word_wrap=True
    )
    Console().print(Panel(body, title=f"{kb.kind_of(args.id)}: {args.id}", title_align="left"))
    return 0


def run_stats(args: argparse.Namespace) -> int:
    _print_counts(Console(), check_knowledge())
    return 0
