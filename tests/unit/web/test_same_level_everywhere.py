"""The same information gives the same level everywhere: the Python API, the CLI (`lumbar assess --json`,
`lumbar plan --format json`), the REST API and the web result, with and without the interview's answers.

The answers are those a person gives on the web pages (every question walked in step with the Python
interviewer, which must ask the same questions); the other adapters then get the same text and answers.
The texts are a sample of the public vignettes (../shared/vignettes, when beside the repository) and of
the lay vignettes in tests/cases.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from web_helpers import NUMBERS, answer_action, is_question_page, post_form

from lumbar import assess
from lumbar.cli import main
from lumbar.interview.engine import default_interviewer
from lumbar.interview.models import InterviewState, Question, Result
from lumbar.interview.state import engine_answers
from lumbar.knowledge.choices import choice_answers
from lumbar.knowledge.loader import load_knowledge

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[3]
FILES = [
    ROOT.parent / "shared" / "vignettes" / "dev.jsonl",
    ROOT.parent / "shared" / "vignettes" / "others.jsonl",
    ROOT / "tests" / "cases" / "vignettes_lay.jsonl",
]
#: every SAMPLE-th text of each file, so that every kind of case (and level) comes up
SAMPLE = 9
MAX_STEPS = 40


def _texts() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in FILES:
        if path.exists():
            lines = [
                json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            ]
            rows += [(f"{path.stem}:{row['id']}", row["text"]) for row in lines[::SAMPLE]]
    return rows


TEXTS = _texts()
LEVEL_OF_CLASS = {level.css_class: level.id.value for level in load_knowledge().levels.values()}

#: how a person answers: "no" to every yes/no question, or "yes" to the first and "no" after it;
#: an ordinary value to every number
Policy = Callable[[Question, int], str | float]


def all_no(question: Question, position: int) -> str | float:
    if question.choices:
        return question.choices[0].id
    return NUMBERS.get(question.id, 1.0) if question.type in ("number", "duration") else "no"


def first_yes(question: Question, position: int) -> str | float:
    answer = all_no(question, position)
    return "yes" if position == 0 and answer == "no" else answer


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def answer_words(state: InterviewState) -> dict[str, str | float]:
    """The answers by question as a person gives them all at once: "yes", "no", a number, or the
    choice of a choice question ("not sure" resolved as the interview resolves it)."""
    kb = load_knowledge()
    resolved = engine_answers(kb, state)
    words: dict[str, str | float] = {}
    for question_id in state.answers:
        finding = kb.findings[question_id]
        chosen = [
            c.id for c in finding.choices if all(resolved.get(f) == v for f, v in choice_answers(c).items())
        ]
        value = resolved.get(question_id)
        if chosen:
            words[question_id] = chosen[0]
        elif value is not None:
            words[question_id] = ("yes" if value else "no") if isinstance(value, bool) else float(value)
    return words


def answer_flags(words: dict[str, str | float]) -> list[str]:
    return [
        flag
        for k, v in words.items()
        for flag in ("--answer", f"{k}={v if isinstance(v, str) else f'{v:g}'}")
    ]


def api_level(client: TestClient, body: dict[str, Any]) -> str:
    reply = client.post("/api/assess", json=body)
    assert reply.status_code == 200, reply.text
    return str(reply.json()["level"])


def web_level(html: str) -> str:
    """The level the result page shows, by its level class."""
    found = {LEVEL_OF_CLASS[c] for c in re.findall(r"\blevel-[a-z]+\b", html) if c in LEVEL_OF_CLASS}
    assert len(found) == 1, f"the result page shows {sorted(found) or 'no'} levels"
    return found.pop()


def walk(client: TestClient, text: str, policy: Policy) -> tuple[Result, str]:
    """Answer the web pages' questions by ``policy``, in step with the Python interviewer: (the Python
    result, the web result page)."""
    interviewer = default_interviewer()
    reply: Question | Result = interviewer.start(text)
    page = post_form(client, "/interview", {"text": text})
    for position in range(MAX_STEPS):
        assert page.status_code == 200, page.text
        if isinstance(reply, Result):
            assert not is_question_page(page.text), "the web page asks a question the interview does not"
            return reply, page.text
        assert f'data-question="{reply.id}"' in page.text, f"the web page does not ask {reply.id}"
        answer = policy(reply, position)
        fields = (
            {"answer": "number", "number": f"{answer:g}"} if isinstance(answer, float) else {"answer": answer}
        )
        if reply.choices and answer != "unsure":
            fields = {"answer": "choice", "choice": str(answer)}
        page = post_form(client, answer_action(page.text), fields, page=page.text)
        reply = interviewer.step(reply.state, answer)  # type: ignore[arg-type]
    raise AssertionError(f"the interview did not end within {MAX_STEPS} answers")


pytestmark = pytest.mark.skipif(not TEXTS, reason="no vignettes to sample")


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[c for c, _ in TEXTS])
def test_the_description_alone_gives_one_level_everywhere(
    case: str, text: str, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    levels = {
        "python": assess(text).level.value,
        "cli assess": cli_json(capsys, "assess", "--text", text, "--json")["level"],
        "cli plan": cli_json(capsys, "plan", "--text", text, "--format", "json")["level"],
        "api assess": api_level(client, {"text": text}),
        "api plan": client.post("/api/plan", json={"text": text}).json()["level"],
    }
    assert len(set(levels.values())) == 1, f"{case}: {levels}"


@pytest.mark.parametrize("policy", [all_no, first_yes], ids=["all no", "first yes"])
@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[c for c, _ in TEXTS])
def test_the_description_and_answers_give_one_level_everywhere(
    case: str, text: str, policy: Policy, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    result, page = walk(client, text, policy)
    answers = engine_answers(load_knowledge(), result.state)
    given = {k: v if isinstance(v, bool) else float(v) for k, v in answers.items()}
    words = answer_words(result.state)
    flags = answer_flags(words)
    levels = {
        "interview": result.assessment.level.value,
        "web result": web_level(page),
        "python": assess(text, given).level.value,
        "cli assess": cli_json(capsys, "assess", "--text", text, *flags, "--json")["level"],
        "cli plan": cli_json(capsys, "plan", "--text", text, *flags, "--format", "json")["level"],
        "api assess": api_level(client, {"text": text, "answers": words}),
    }
    assert len(set(levels.values())) == 1, f"{case} with answers {given}: {levels}"
    if given:  # the plan and the web result both say how many answers they used
        basis = cli_json(capsys, "plan", "--text", text, *flags, "--format", "json")["basis"]
        assert basis in page
        assert str(len(given)) in basis
