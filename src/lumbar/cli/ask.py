"""`lumbar ask`: cited answers from the knowledge base and added documents, for people or as JSON."""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from lumbar.ask.answer import Answer
from lumbar.ask.assistant import answer_lines, open_assistant
from lumbar.ask.settings import settings_from_env
from lumbar.cli.jsonl import BATCH_UNREADABLE, add_json_flag, print_json, read_lines
from lumbar.errors import InputError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Answer a question from lumbar's knowledge base and the documents added with "
        "`lumbar docs add`, quoting and citing the passages it rests on."
    )
    parser.add_argument("question", nargs="?", help='the question, e.g. "Can I drive with back spasms?"')
    parser.add_argument(
        "--batch", metavar="FILE", help='JSONL file of {"id", "question"} lines ("-" for stdin)'
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
        print_json(answer.to_dict())
    else:
        print_answer(answer)
    return 0


def run_batch(path: str) -> int:
    """One JSON line per question, in input order; the exit status is non-zero only if FILE is unreadable."""
    lines = read_lines(path)
    if lines is None:
        return BATCH_UNREADABLE
    assistant = open_assistant(settings_from_env())
    try:
        for result in answer_lines(lines, assistant):
            print_json(result, flush=True)
    finally:
        assistant.close()
    return 0


def print_answer(answer: Answer, console: Console | None = None) -> None:
    """The answer in a panel, then the numbered passages it cites, with their sources."""
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
