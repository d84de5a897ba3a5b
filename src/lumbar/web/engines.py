"""The engine calls the pages and the REST API share: assess, interview, plan, ask and knowledge.

Everything is built on first use (never at import or app creation), from the settings passed in.
"""

from __future__ import annotations

import difflib
import threading
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from lumbar.ask.answer import MAX_QUESTION_CHARS
from lumbar.ask.assistant import Assistant, open_assistant
from lumbar.ask.settings import settings_from_env
from lumbar.assessor import AssessmentEngine, default_engine
from lumbar.care.pages import page_for
from lumbar.care.plan import make_plan
from lumbar.care.stratified import risk_group
from lumbar.errors import InputError, NotFoundError
from lumbar.export.result_words import KnowledgeNames
from lumbar.interview import Interviewer, default_interviewer
from lumbar.interview.answers import given_answers
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.lookup import similar_ids

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lumbar.ask.answer import Answer
    from lumbar.assessment import Assessment
    from lumbar.care.models import CarePlan, PatientPage
    from lumbar.interview.models import AnswerValue, InterviewState, Question, Result
    from lumbar.web.settings import WebSettings

#: knowledge kinds with a patient page from the care engine, in the order the pages list them
PAGE_KINDS = ("causes", "specialists", "tests", "treatments")
#: plain-words names of the kinds shown on the pages
KIND_TITLES = {
    "causes": "Causes",
    "specialists": "Who you might see",
    "tests": "Tests",
    "treatments": "Treatments and self-care",
}


@dataclass(frozen=True)
class KnowledgeEntry:
    """One knowledge item as listed: its id and plain name."""

    id: str
    name: str


def item_name(item: Any) -> str:
    """The plain name of any knowledge item (name, title or topic), else its id."""
    for attribute in ("name", "title", "topic"):
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value:
            return value
    return str(getattr(item, "id", ""))


class Engines:
    """One set of engines over one knowledge base, shared by every request of an app."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._local = threading.local()

    # --- knowledge -------------------------------------------------------------------------------

    @cached_property
    def kb(self) -> KnowledgeBase:
        """The knowledge base of the settings, else the packaged one (loaded once)."""
        if self.settings.knowledge is not None:
            return self.settings.knowledge
        return load_knowledge()

    @cached_property
    def assessor(self) -> AssessmentEngine:
        """The assessment engine over :attr:`kb`."""
        if self.settings.knowledge is None:
            return default_engine()
        return AssessmentEngine(self.kb)

    def kinds(self) -> list[str]:
        """Every knowledge kind the API lists."""
        return list(self.kb.tables())

    def entries(self, kind: str) -> list[KnowledgeEntry]:
        """The items of ``kind``, sorted by name; raises NotFoundError for an unknown kind."""
        table = self._table(kind)
        return sorted((KnowledgeEntry(i, item_name(item)) for i, item in table.items()), key=lambda e: e.name)

    def item(self, kind: str, item_id: str) -> Any:
        """The item ``item_id`` of ``kind``; raises NotFoundError naming close ids."""
        table = self._table(kind)
        if item_id not in table:
            close = similar_ids(self.kb, item_id, kind, n=3, cutoff=0.5)
            hint = (
                f" Did you mean: {', '.join(close)}?" if close else f" See /api/knowledge/{kind} for the ids."
            )
            raise NotFoundError(f"there is no item '{item_id}' among the {kind}.{hint}")
        return table[item_id]

    def page(self, kind: str, item_id: str) -> PatientPage | None:
        """The care engine's patient page for an item, or None when its kind has no pages."""
        self.item(kind, item_id)
        if kind not in PAGE_KINDS:
            return None
        return page_for(self.kb, item_id)

    def finding_name(self, finding_id: str) -> str:
        """The plain name of a finding id (the id in words when the knowledge base has no such finding)."""
        return KnowledgeNames(self.kb).finding_name(finding_id)

    def finding_unit(self, finding_id: str) -> str | None:
        """The unit a numeric finding is measured in ("years", "°C", "/10"), if any."""
        return KnowledgeNames(self.kb).finding_unit(finding_id)

    def _table(self, kind: str) -> dict[str, Any]:
        tables = self.kb.tables()
        if kind not in tables:
            close = difflib.get_close_matches(kind, list(tables), n=1, cutoff=0.5)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            raise NotFoundError(
                f"there is no kind of knowledge called '{kind}'.{hint} The kinds are: {', '.join(tables)}."
            )
        return tables[kind]

    # --- assessment, plan, interview ---------------------------------------------------------------

    def assess(self, text: str, answers: Mapping[str, object] | None = None) -> Assessment:
        """The assessment of a free-text description, with any answers to the interview's questions."""
        return self.assessor.assess(text, given_answers(self.kb, answers or {}))

    def plan(self, assessment: Assessment, group: str | None = None) -> CarePlan:
        """The care plan for an assessment, dated by the settings' clock; ``group``: the person's STarT
        Back group, which brings its care forward (InputError for an unknown group)."""
        return make_plan(
            assessment, self.kb, today=self.settings.today(), risk_group=risk_group(self.kb, group)
        )

    @cached_property
    def interviewer(self) -> Interviewer:
        """The interview engine over :attr:`assessor`."""
        if self.settings.knowledge is None:
            return default_interviewer()
        return Interviewer(self.assessor)

    def start_interview(self, text: str) -> Question | Result:
        """The first question for ``text`` (or at once the result, when nothing needs asking)."""
        return self.interviewer.start(text)

    def step_interview(self, state: InterviewState, answer: AnswerValue) -> Question | Result:
        """The next question (or the result) after ``answer`` to the question ``state`` waits for."""
        return self.interviewer.step(state, answer)

    def current_question(self, state: InterviewState) -> Question | Result:
        """The question ``state`` waits for, asked again."""
        return self.interviewer.current(state)

    # --- ask ---------------------------------------------------------------------------------------

    def ask(self, question: str) -> Answer:
        """A cited answer to ``question`` from the knowledge base and the library's documents."""
        if not question.strip():
            raise InputError("the question is empty. Type a question, e.g. 'Can I drive with back spasms?'")
        if len(question) > MAX_QUESTION_CHARS:
            raise InputError(
                f"the question is longer than {MAX_QUESTION_CHARS} characters. Please shorten it."
            )
        return self._assistant().answer(question)

    def _assistant(self) -> Assistant:
        # The passage index is an SQLite connection, usable only in the thread that opened it,
        # so each worker thread opens its own assistant once and keeps it.
        assistant: Assistant | None = getattr(self._local, "assistant", None)
        if assistant is None:
            with self._lock:  # one thread at a time brings the shared index up to date
                assistant = open_assistant(self.settings.ask or settings_from_env())
            self._local.assistant = assistant
        return assistant
