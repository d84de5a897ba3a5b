"""`lumbar ask`: cited answers from the knowledge base and added documents, for people or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from lumbar.ask.answer import Answer


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "ask",
        help="answer a question about lower-back cramps, citing the sources",
        description="Answer a question from lumbar's knowledge base and the documents added with "
        "`lumbar docs add`, quoting and citing the passages it rests on.",
    )
    parser.add_argument("question", nargs="?", help='the question, e.g. "Can I drive with back spasms?"')
    parser.add_argument(
        "--batch", metavar="FILE", help='JSONL file of {"id", "question"} lines ("-" for stdin)'
    )
    parser.add_argument("--json", action="store_true", help="print the CONTRACT.md JSON instead of a report")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lumbar.ask.assistant import open_assistant
    from lumbar.ask.settings import settings_from_env
    from lumbar.errors import InputError

    if bool(args.batch) == bool(args.question):
        raise InputError(
            'give one question, or --batch FILE (e.g. lumbar ask "Can I drive with back spasms?")'
        )
    if args.batch:
        return run_batch(args.batch)
    assistant = open_assistant(settings_from_env())
    try:
        answer = assistant.answer(args.question)
    finally:
        assistant.close()
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
    else:
        print_answer(answer)
    return 0


def run_batch(path: str) -> int:
    """One JSON line per question, in input order; the exit status is non-zero only if FILE is unreadable."""
    from lumbar.ask.assistant import answer_lines, open_assistant
    from lumbar.ask.settings import settings_from_env

    try:
        if path == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
    except OSError as exc:
        print(f"lumbar: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 2
    assistant = open_assistant(settings_from_env())
    try:
        for result in answer_lines(lines, assistant):
            print(json.dumps(result, ensure_ascii=False), flush=True)
    finally:
        assistant.close()
    return 0


def print_answer(answer: Answer, console: Console | None = None) -> None:
    """The answer in a panel, then the numbered passages it cites, with their sources."""
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    console = console or Console()
    style = "red" if answer.warning is not None else "cyan"
    console.print(Panel(Text(answer.text), title="Answer", title_align="left", border_style=style))
    if not answer.passages:
        console.print("Try other words, or add a document with `lumbar docs add FILE`.", style="dim")
        return
    for cited in answer.passages:
        passage = cited.passage
        mark = "cited" if cited.number in answer.cited else ""
        header = Text.assemble(
            (f"[{cited.number}] ", "bold"),
            (passage.title, "bold"),
            (f" — {passage.source}, {passage.locator}", "dim"),
            (f"  score {cited.score:.2f} {mark}", "dim"),
        )
        console.print(header)
        console.print(Text(_snippet(passage.text)))


def _snippet(text: str, limit: int = 320) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"
