"""`lumbar diary`: this computer's private pain diary. `add` writes a day (from options, or asked one
question at a time), checks its medicines against their daily limits and reads its note for new
warning signs; `show` prints the days, the trend, warnings and whether to book a visit, and can write
the plot (with the kept questionnaire scores); `add-score` keeps a questionnaire's score (from
options, or asked one question at a time); `export` writes every entry (or, with --scores, every kept score) as JSON or CSV. Ctrl-C or Ctrl-D stops without a traceback."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.prompt import FloatPrompt, IntPrompt, Prompt
from rich.table import Table

from lumbar.assessor import default_engine
from lumbar.cli.diary_store import entries_of, first_assessment, local_person
from lumbar.cli.questionnaire import STOPPED, find, given_or_asked
from lumbar.diary.doses import check_entry
from lumbar.diary.entry import Entry, MedicineTaken, read_medicine
from lumbar.diary.notes import reread_note
from lumbar.diary.plot import ScorePoint, render_plot
from lumbar.diary.review import reassess, trend
from lumbar.errors import InputError
from lumbar.export.records import dated_score
from lumbar.export.table import scores_csv
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.questionnaires.change import compare
from lumbar.store import ScoreRecord, Store, open_store
from lumbar.store.entries import to_day
from lumbar.store.scores import to_dated, to_score_day

FIELDS = ["day", "pain_now", "pain_worst", "spasms", "sleep_hours", "activity", "medicines", "notes"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "A private diary of your back pain, kept on this computer: how it goes day by day, the "
        "medicines you take, and when to book a visit because it is not getting better."
    )
    parser.add_argument("--database", metavar="URL", help="the database (default: lumbar's data folder)")
    parser.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="the date today (default: the clock's)"
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="write a day; without --pain-now, asks one question at a time")
    add.add_argument("--day", type=_date, metavar="YYYY-MM-DD", help="the day (default: today)")
    add.add_argument("--pain-now", type=int, metavar="0-10", help="your pain now, 0 (none) to 10 (worst)")
    add.add_argument("--pain-worst", type=int, metavar="0-10", help="your pain at its worst today")
    add.add_argument("--spasms", type=int, metavar="N", help="how many spasms today")
    add.add_argument("--sleep", type=float, metavar="HOURS", help="hours of sleep last night")
    add.add_argument("--activity", type=int, metavar="0-10", help="how much of a usual day you did (10: all)")
    add.add_argument(
        "--medicine",
        action="append",
        default=[],
        metavar="NAME=AMOUNT",
        help="a medicine taken today, e.g. 'paracetamol=2000mg' or 'co-codamol=4 tablets'; repeat for each",
    )
    add.add_argument("--note", default="", help="anything else about today, in your own words")
    add.add_argument("--json", action="store_true", help="print JSON")
    show = sub.add_parser("show", help="the days, the trend, warnings and whether to book a visit")
    show.add_argument("--plot", type=Path, metavar="FILE", help="also write the plot as an SVG file")
    show.add_argument("--json", action="store_true", help="print JSON")
    keep = sub.add_parser(
        "add-score", help="keep a questionnaire's score; without --answers, asks one question at a time"
    )
    keep.add_argument("id", help="the questionnaire's id (see `lumbar questionnaire list`)")
    keep.add_argument(
        "--answers",
        metavar="LIST",
        help="comma-separated NUMBER=ANSWER pairs, as for `lumbar questionnaire score`",
    )
    keep.add_argument(
        "--day", type=_date, metavar="YYYY-MM-DD", help="the day it was filled in (default: today)"
    )
    keep.add_argument("--json", action="store_true", help="print JSON")
    export = sub.add_parser("export", help="every entry as JSON or CSV")
    export.add_argument("--format", choices=["json", "csv"], default="json", help="the file format")
    export.add_argument(
        "--scores", action="store_true", help="the kept questionnaire scores instead of the days"
    )
    export.add_argument("--output", type=Path, metavar="FILE", help="write to FILE (default: print)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    store = open_store(args.database)
    try:
        actions: dict[str, Callable[[argparse.Namespace, Store, date], int]] = {
            "add": _add,
            "add-score": _add_score,
            "show": _show,
            "export": _export,
        }
        return actions[args.action](args, store, today)
    finally:
        store.close()


def parse_medicine(text: str) -> MedicineTaken:
    """'paracetamol=2000mg', 'co-codamol=4 tablets', 'ibuprofen 400 mg twice' -> a medicine taken."""
    taken = read_medicine(text)
    if taken is None:
        raise InputError(
            f"'{text}' gives no amount; write e.g. 'paracetamol=1000mg', 'co-codamol=2 tablets' or "
            "'ibuprofen 400 mg twice'"
        )
    return taken


def _add(args: argparse.Namespace, store: Store, today: date) -> int:
    console = Console()
    try:
        values = _values(args) if args.pain_now is not None else _ask(console)
    except (KeyboardInterrupt, EOFError):
        console.print(f"\n{STOPPED}")
        return 130
    try:
        entry = Entry(day=args.day or today, **values)
    except ValidationError as exc:
        raise InputError("; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())) from None
    engine = default_engine()
    person = local_person(store, datetime.now(UTC))
    _, findings, level = first_assessment(store, person)
    reading = reread_note(entry.notes, engine, findings, level) if entry.notes.strip() else None
    warnings = check_entry(entry, engine.kb)
    store.diary.add(person.id, to_day(entry), datetime.now(UTC))
    if args.json:
        out = {
            "saved": entry.model_dump(mode="json"),
            "note": reading.model_dump(mode="json") if reading else None,
            "warnings": [w.model_dump() for w in warnings],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    if reading and reading.urgent:
        urgency = engine.kb.levels[reading.level]
        console.print(f"[{urgency.style}]{escape(urgency.banner)}[/]")
        console.print(escape(reading.text))
        for reason in reading.reasons:
            console.print(f"  • {escape(reason.text)}")
    for warning in warnings:
        console.print(f"[bold]![/bold] {escape(warning.text)}")
    console.print(f"Saved your diary for {_long(entry.day)}.")
    return 0


def _add_score(args: argparse.Namespace, store: Store, today: date) -> int:
    kb = load_knowledge()
    questionnaire = find(kb, args.id)
    day = args.day or today
    if day > today:
        raise InputError(f"the score's day, {day.isoformat()}, is after today")
    console = Console()
    answers = given_or_asked(console, questionnaire, args.answers)
    if answers is None:
        return 130
    dated = dated_score(kb, questionnaire.id, answers, day)
    person = local_person(store, datetime.now(UTC))
    kept = store.scores.add(person.id, to_score_day(dated), datetime.now(UTC))
    earlier = [to_dated(kb, s) for s in store.scores.of(person.id) if s.questionnaire == kept.questionnaire]
    earlier = [d for d in earlier if d.when <= day][:-1]
    change = compare(questionnaire, earlier[-1].score, dated.score).summary if earlier else []
    if args.json:
        out = {"kept": {**asdict(kept), "day": kept.day.isoformat(), "created": kept.created.isoformat()}}
        print(json.dumps({**out, "change": change}, indent=2, ensure_ascii=False))
        return 0
    result = dated.score
    group = f"; group: {result.band_name}" if result.band_name else ""
    console.print(
        f"Kept in your diary for {_long(day)}: {questionnaire.short_name} {result.total} {result.unit}{group}.",
        highlight=False,
    )
    for sentence in change:
        console.print(escape(sentence), highlight=False)
    return 0


def _show(args: argparse.Namespace, store: Store, today: date) -> int:
    engine = default_engine()
    person = local_person(store, datetime.now(UTC))
    entries = entries_of(store, person)
    assessed, findings, _ = first_assessment(store, person)
    start = assessed or (entries[0].day if entries else today)
    review = reassess(entries, start, today, engine, findings)
    latest = [e for e in entries if e.day == today]
    warnings = [w for e in latest for w in check_entry(e, engine.kb)]
    kept = store.scores.of(person.id)
    if args.plot:
        points = [ScorePoint(day=k.day, questionnaire=k.questionnaire, total=k.total) for k in kept]
        drawn_from = min([start, *(p.day for p in points)])
        args.plot.write_text(render_plot(entries, drawn_from, engine.kb, points).svg, encoding="utf-8")
    if args.json:
        out = {
            "start": start.isoformat(),
            "entries": [e.model_dump(mode="json") for e in entries],
            "scores": [
                {
                    "day": k.day.isoformat(),
                    "questionnaire": k.questionnaire,
                    "total": k.total,
                    "group": k.band,
                }
                for k in kept
            ],
            "trend": trend(entries, engine.kb),
            "warnings": [w.model_dump() for w in warnings],
            "review": review.model_dump(mode="json"),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    console = Console()
    if review.prompt and review.level is not None:
        urgency = engine.kb.levels[review.level]
        console.print(f"[{urgency.style}]{escape(review.prompt)}[/]")
        for reason in [*(r.text for r in review.level_reasons), *review.reasons]:
            console.print(f"  • {escape(reason)}")
    for warning in warnings:
        console.print(f"[bold]![/bold] {escape(warning.text)}")
    if entries:
        console.print(_table(entries))
    if kept:
        console.print(_scores_table(kept, engine.kb))
    console.print(escape(trend(entries, engine.kb)))
    if not review.prompt:
        console.print(escape(" ".join(review.reasons)))
    if args.plot:
        console.print(f"The plot is in {escape(str(args.plot))}.")
    return 0


def _export(args: argparse.Namespace, store: Store, today: date) -> int:
    person = local_person(store, datetime.now(UTC))
    rows = [e.model_dump(mode="json") for e in entries_of(store, person)]
    if args.scores:
        text = _scores_text(store.scores.of(person.id), args.format)
    elif args.format == "json":
        text = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "medicines": "; ".join(_medicine(m) for m in row["medicines"])})
        text = buffer.getvalue()
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _scores_text(kept: list[ScoreRecord], file_format: str) -> str:
    """The kept scores as JSON (each with its answers), or as the CSV of `lumbar export --format csv`."""
    if file_format == "csv":
        kb = load_knowledge()
        return scores_csv([to_dated(kb, k) for k in kept if k.questionnaire in kb.questionnaires])
    rows = [{**asdict(k), "day": k.day.isoformat(), "created": k.created.isoformat()} for k in kept]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _values(args: argparse.Namespace) -> dict[str, Any]:
    if args.pain_worst is None:
        raise InputError("give --pain-worst too (your pain at its worst today, 0 to 10)")
    return {
        "pain_now": args.pain_now,
        "pain_worst": args.pain_worst,
        "spasms": args.spasms,
        "sleep_hours": args.sleep,
        "activity": args.activity,
        "medicines": [parse_medicine(m) for m in args.medicine],
        "notes": args.note,
    }


def _ask(console: Console) -> dict[str, Any]:
    """Each value, one question at a time; Enter leaves an optional one out."""
    values: dict[str, Any] = {
        "pain_now": IntPrompt.ask("Your pain now, 0 (none) to 10 (worst)", console=console),
        "pain_worst": IntPrompt.ask("Your pain at its worst today, 0 to 10", console=console),
        "spasms": IntPrompt.ask("How many spasms today? (Enter to skip)", console=console, default=None),
        "sleep_hours": FloatPrompt.ask(
            "Hours of sleep last night (Enter to skip)", console=console, default=None
        ),
        "activity": IntPrompt.ask(
            "How much of a usual day did you do, 0 (none) to 10 (all)? (Enter to skip)",
            console=console,
            default=None,
        ),
    }
    medicines = Prompt.ask(
        "Medicines taken today, e.g. 'paracetamol=1000mg, ibuprofen=400mg' (Enter for none)",
        console=console,
        default="",
    )
    values["medicines"] = [parse_medicine(m) for m in medicines.split(",") if m.strip()]
    values["notes"] = Prompt.ask(
        "Anything else about today? (Enter for nothing)", console=console, default=""
    )
    return values


def _table(entries: list[Entry]) -> Table:
    table = Table("Day", "Pain now", "At worst", "Spasms", "Sleep", "Activity", "Medicines", "Notes")
    for e in entries:
        table.add_row(
            f"{e.day:%a} {e.day.day} {e.day:%b}",
            str(e.pain_now),
            str(e.pain_worst),
            "" if e.spasms is None else str(e.spasms),
            "" if e.sleep_hours is None else f"{e.sleep_hours:g} h",
            "" if e.activity is None else str(e.activity),
            escape(", ".join(_medicine(m.model_dump()) for m in e.medicines)),
            escape(e.notes),
        )
    return table


def _scores_table(kept: list[ScoreRecord], kb: KnowledgeBase) -> Table:
    table = Table("Day", "Questionnaire", "Score", "Group")
    for k in kept:
        form = kb.questionnaires.get(k.questionnaire)
        name, unit = (form.short_name, form.score_unit) if form else (k.questionnaire, "")
        group = form.band(k.band) if form and k.band else None
        table.add_row(
            f"{k.day:%a} {k.day.day} {k.day:%b}", name, f"{k.total} {unit}", group.name if group else ""
        )
    return table


def _medicine(m: dict[str, Any]) -> str:
    return f"{m['medicine']} {m['amount']:g} {m['unit']}"


def _long(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-02") from None
