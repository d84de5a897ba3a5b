"""`lumbar questionnaire`: list the forms, show one, and score answers given on the command line or asked
one question at a time. Ctrl-C or Ctrl-D stops without a traceback (exit status 130)."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.prompt import Prompt

from lumbar.care.stratified import group_advice
from lumbar.errors import NotFoundError, QuestionnaireError
from lumbar.knowledge.dump import json_text
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.questionnaires import QuestionItem, Questionnaire
from lumbar.questionnaires.scoring import Answer, QuestionnaireScore, score

STOPPED = "Stopped. Nothing was saved."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Questionnaires doctors and physiotherapists use for back pain: STarT Back (who needs more "
        "support), Roland-Morris (how much back pain limits your day) and a 0-10 pain score."
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="the questionnaires lumbar has")
    listing.add_argument("--json", action="store_true", help="print JSON")
    show = sub.add_parser("show", help="one questionnaire's questions, answers and licence notice")
    show.add_argument("id", help="the questionnaire's id (see `list`)")
    show.add_argument("--json", action="store_true", help="print JSON")
    scoring = sub.add_parser("score", help="score answers; without --answers, asks one question at a time")
    scoring.add_argument("id", help="the questionnaire's id (see `list`)")
    scoring.add_argument(
        "--answers",
        metavar="LIST",
        help="comma-separated NUMBER=ANSWER pairs, e.g. '1=agree,2=disagree,…,9=very_much'; "
        "for Roland-Morris the numbers of the sentences that apply, e.g. '1=ticked,5=ticked'",
    )
    scoring.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    kb = load_knowledge()
    if args.action == "list":
        return _list(kb, args.json)
    questionnaire = find(kb, args.id)
    if args.action == "show":
        return _show(questionnaire, args.json)
    console = Console()
    answers = given_or_asked(console, questionnaire, args.answers)
    if answers is None:
        return 130
    result = score(questionnaire, answers)
    if args.json:
        print(json.dumps(result_json(questionnaire, result, kb), indent=2, ensure_ascii=False))
    else:
        _print_result(console, questionnaire, result, kb)
    return 0


def find(kb: KnowledgeBase, questionnaire_id: str) -> Questionnaire:
    """The questionnaire with this id; NotFoundError lists the ids there are."""
    if questionnaire_id not in kb.questionnaires:
        known = ", ".join(kb.questionnaires)
        raise NotFoundError(f"there is no questionnaire '{questionnaire_id}'; choose one of: {known}")
    return kb.questionnaires[questionnaire_id]


def given_or_asked(
    console: Console, questionnaire: Questionnaire, given: str | None
) -> dict[str, Answer] | None:
    """The answers given with ``--answers``, else asked one by one; None (said so) when the person stops."""
    try:
        return parse_answers(questionnaire, given) if given else ask_answers(console, questionnaire)
    except (KeyboardInterrupt, EOFError):
        console.print(f"\n{STOPPED}")
        return None


def parse_answers(questionnaire: Questionnaire, text: str) -> dict[str, Answer]:
    """'1=agree,2=disagree' (item numbers or ids) -> {item id: answer}; QuestionnaireError when unreadable."""
    by_key = {str(item.number): item.id for item in questionnaire.items} | {
        item.id: item.id for item in questionnaire.items
    }
    answers: dict[str, Answer] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or key.strip() not in by_key:
            raise QuestionnaireError(
                f"'{part}' is not NUMBER=ANSWER with a question number from 1 to {len(questionnaire.items)}."
            )
        answers[by_key[key.strip()]] = value.strip()
    return answers


def result_json(
    questionnaire: Questionnaire, result: QuestionnaireScore, kb: KnowledgeBase
) -> dict[str, object]:
    """The score, what the group changes in the plan, and the licence notice."""
    band = questionnaire.band(result.band) if result.band else None
    advice = group_advice(band, kb) if band else []
    return {
        **result.model_dump(),
        "advice": [
            {"id": i.id, "title": i.title, "text": i.text, "why": i.why, "sources": i.sources} for i in advice
        ],
        "notice": questionnaire.licence.notice,
    }


def _list(kb: KnowledgeBase, as_json: bool) -> int:
    rows = [
        {"id": q.id, "name": q.name, "questions": len(q.items), "purpose": q.purpose}
        for q in kb.questionnaires.values()
    ]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    console = Console()
    for row in rows:
        console.print(
            f"[bold]{row['id']}[/bold]  {row['name']} ({_count(row['questions'])})\n  {row['purpose']}"
        )
    return 0


def _count(number: object) -> str:
    return "1 question" if number == 1 else f"{number} questions"


def _show(questionnaire: Questionnaire, as_json: bool) -> int:
    if as_json:
        print(json_text(questionnaire, indent=2))
        return 0
    console = Console()
    console.print(
        f"[bold]{questionnaire.name}[/bold]\n{questionnaire.purpose}\n\n{questionnaire.instructions}"
    )
    for item in questionnaire.items:
        console.print(f"\n{item.number}. {item.text}", highlight=False)
        console.print("   " + _choices(item), highlight=False)
    console.print(f"\n[dim]{questionnaire.licence.notice}[/dim]", highlight=False)
    return 0


def _choices(item: QuestionItem) -> str:
    if item.kind == "choice":
        return " / ".join(f"{o.id} ({o.text})" for o in item.options)
    if item.kind == "tick":
        return "ticked / not_ticked"
    return f"a whole number from {item.lowest} to {item.highest}"


def ask_answers(console: Console, questionnaire: Questionnaire) -> dict[str, Answer]:
    """Each question of ``questionnaire``, one at a time, with its notice first; the answers by question id."""
    console.print(f"[bold]{questionnaire.name}[/bold]\n{questionnaire.instructions}\n")
    console.print(f"[dim]{questionnaire.licence.notice}[/dim]\n", highlight=False)
    answers: dict[str, Answer] = {}
    for item in questionnaire.items:
        console.print(f"{item.number}. {item.text}", highlight=False)
        if item.kind == "choice":
            labels = {str(n): o.id for n, o in enumerate(item.options, 1)}
            console.print("   " + "   ".join(f"{n}) {o.text}" for n, o in enumerate(item.options, 1)))
            answers[item.id] = labels[Prompt.ask("   Your answer", choices=list(labels), console=console)]
        elif item.kind == "tick":
            reply = Prompt.ask("   Does this describe you today?", choices=["y", "n"], console=console)
            answers[item.id] = reply == "y"
        else:
            choices = [str(n) for n in range(item.lowest, item.highest + 1)]
            answers[item.id] = Prompt.ask("   Your answer", choices=choices, console=console)
    return answers


def _print_result(
    console: Console, questionnaire: Questionnaire, result: QuestionnaireScore, kb: KnowledgeBase
) -> None:
    console.print(f"\n[bold]{questionnaire.name}[/bold]: {result.total} {result.unit}", highlight=False)
    for part in result.subscales:
        console.print(f"  {part.name}: {part.score} out of {part.highest}", highlight=False)
    if result.band_name:
        console.print(f"\n[bold]Your group: {result.band_name}[/bold]\n{result.meaning}", highlight=False)
    for note in result.notes:
        console.print(note, highlight=False)
    band = questionnaire.band(result.band) if result.band else None
    advice = group_advice(band, kb) if band else []
    if band and advice:
        console.print("\n[bold]What this changes in your plan[/bold]")
        for item in advice:
            console.print(f"• {item.title}: {item.why}", highlight=False)
        cited = dict.fromkeys(c.source for care in band.care for c in care.sources)
        titles = "; ".join(kb.sources[s].title for s in cited if s in kb.sources)
        console.print(f"[dim]Sources: {titles}[/dim]", highlight=False)
    console.print(f"\n[dim]{questionnaire.licence.notice}[/dim]", highlight=False)
    sys.stdout.flush()
