"""`lumbar check`: a short interview in the terminal, then the assessment and the person's safety-net.

Answers: y (yes), n (no), s (not sure), a number where one is asked for, the number (or the words) of
one of the choices listed, ? (why we ask), b (back).
Ctrl-C or Ctrl-D stops at any time without a traceback (exit status 130).
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.prompt import Prompt
from rich.text import Text

from lumbar.care.plan import make_plan
from lumbar.care.terminal import print_safety_net
from lumbar.cli.render import assessment_report
from lumbar.errors import InputError, InterviewError
from lumbar.interview.answers import is_number, parse_reply
from lumbar.interview.engine import Interviewer, default_interviewer
from lumbar.interview.models import Question, Result

INTRO = (
    "[bold]lumbar check[/bold] asks a few questions about your back, then says how urgent it looks "
    "and what may be causing it. It gives information, not a diagnosis.\n"
    "Answer [bold]y[/bold] (yes), [bold]n[/bold] (no) or [bold]s[/bold] (not sure); "
    "type [bold]?[/bold] to see why we ask, [bold]b[/bold] to go back, Ctrl-C to stop."
)
STOPPED = "Stopped. Nothing was saved. If you are worried, contact a doctor or call your emergency number."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "A short interview about lower-back cramps: the warning signs first, then the "
        "questions that tell the likely causes apart. lumbar informs; it does not diagnose."
    )
    parser.add_argument("--text", help="your description, in your own words (otherwise you are asked for it)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    console = Console()
    try:
        console.print(INTRO)
        interviewer = default_interviewer()
        step = _start(console, interviewer, args.text)
        while step.kind == "question":
            step = _ask(console, interviewer, step)
        _finish(console, interviewer, step)
    except (KeyboardInterrupt, EOFError):
        console.print(f"\n{STOPPED}")
        return 130
    return 0


def _start(console: Console, interviewer: Interviewer, text: str | None) -> Question | Result:
    while True:
        if text is None:
            text = Prompt.ask("\n[bold]Describe your back problem in your own words[/bold]", console=console)
        try:
            return interviewer.start(text)
        except InputError as exc:
            console.print(f"[yellow]{exc}[/yellow]")
            text = None


def _ask(console: Console, interviewer: Interviewer, question: Question) -> Question | Result:
    """Ask one question until a usable reply comes, and take the next step."""
    finding = interviewer.kb.findings[question.id]
    progress = question.progress
    total = max(progress.estimated_total, progress.asked + 1)
    console.print(f"\n[dim]Question {progress.asked + 1} of about {total}[/dim]")
    if question.reasked:
        console.print("[italic]Let me ask that another way.[/italic]")
    console.print(f"[bold]{question.text}[/bold]")
    for number, choice in enumerate(question.choices, start=1):
        console.print(f"  {number}. {choice.text}", highlight=False)
    hint = "a number" if is_number(finding) else "y / n / s"
    if question.choices:
        hint = f"1 to {len(question.choices)} (or the words), s"
    if is_number(finding) and finding.unit:
        hint += f" ({finding.unit})"
    while True:
        reply = Prompt.ask(f"[dim]{hint}, ? why, b back[/dim]", console=console)
        try:
            answer = parse_reply(reply, finding)
        except InterviewError as exc:
            console.print(f"[yellow]{exc}[/yellow]")
            continue
        if answer == "why":
            console.print(f"[cyan]Why we ask:[/cyan] {question.why}")
            continue
        if answer == "back" and not question.state.asked:
            console.print("[yellow]This is the first question; there is nothing to go back to.[/yellow]")
            continue
        return interviewer.step(question.state, answer)


def _finish(console: Console, interviewer: Interviewer, result: Result) -> None:
    """The assessment, then the person's own safety-net: which new signs mean getting help, and how soon."""
    kb = interviewer.kb
    plural = "" if result.questions_asked == 1 else "s"
    console.print(
        f"\n[dim]Thank you. {result.questions_asked} question{plural} answered: {result.stopped_because}.[/dim]"
    )
    if kb.result_basis is not None:
        console.print(
            f"[dim]{kb.result_basis.sentence(len(result.assessment.answered), interviewed=True)}[/dim]"
        )
    console.print()
    # the one-shot report's lines, its styles handed to Rich, which knows whether this terminal shows them
    report = assessment_report(
        result.assessment.replace(next_questions=[]), kb, width=console.width, styled=True
    )
    console.print(Text.from_ansi(report.rstrip("\n")), soft_wrap=True)
    plan = make_plan(result.assessment, interviewer.kb)
    print_safety_net(plan, console, interviewer.kb)
