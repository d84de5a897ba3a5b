"""Cited, extractive answers: the best sentences of the best passages, or a plain refusal.

The answer is built only from sentences of the passages (with a short "From <title>:" lead-in
and a citation number); nothing is made up. When the best passage covers too little of the
question, lumbar says it has no reliable answer. When the question describes a warning sign,
the safety message comes first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lumbar.ask.passages import ADVICE_LABEL, KNOWLEDGE, Passage
from lumbar.ask.retrieve import Query, Retrieval, Retriever, Scored, TermCounts, coverage
from lumbar.ask.text import split_sentences, stems
from lumbar.ask.warning_signs import WarningMatch, WarningSigns
from lumbar.errors import InputError

REFUSAL = "I don't have a reliable answer to that."
MAX_QUESTION_CHARS = 1000
#: a top passage must hold this share of the question's concept weight (synonyms count)
MIN_REACH = 0.5
SHOWN_PASSAGES = 5
MAX_UNITS = 6
MAX_WORDS = 150
#: what a sentence of the kind the question asks for (a duration for "how long…") gains
TYPE_BONUS = 0.35
#: the best passage's own best sentence leads unless another sentence scores this much more
LEAD_MARGIN = 1.25
#: a sentence's score scales with its passage's score relative to the best, to this power
RANK_SHARPNESS = 2
#: a sentence that is not of the kind a question insists on counts this much
OFF_TYPE = 0.6
#: sentences taken from the leading passage, at most this many words together
SAME_PASSAGE_WORDS = 100
#: a sentence that leads on its own (a direct answer to "should I …?") comes from this many top passages
DIRECT_FROM = 3
_ADVICE_PREFIX = f"{ADVICE_LABEL}:"


@dataclass(frozen=True)
class CitedPassage:
    """A passage shown with an answer: its number (as cited in the answer text) and its score."""

    number: int
    passage: Passage
    score: float


@dataclass(frozen=True)
class Answer:
    """An answer to one question, with the passages it rests on and their sources."""

    question: str
    text: str
    passages: list[CitedPassage]
    sources: dict[str, dict[str, str]]
    refused: bool = False
    warning: WarningMatch | None = None
    cited: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of CONTRACT.md section 5 (``answer``, ``passages``, ``sources``) plus extras."""
        return {
            "answer": self.text,
            "passages": [
                {
                    "text": c.passage.text,
                    "source": c.passage.source,
                    "score": round(c.score, 4),
                    "locator": c.passage.locator,
                    "title": c.passage.title,
                    "kind": c.passage.kind,
                }
                for c in self.passages
            ],
            "sources": self.sources,
            "cited": self.cited,
            "refused": self.refused,
            "warning": None
            if self.warning is None
            else {"level": self.warning.level, "signs": list(self.warning.signs)},
        }


def passage_units(text: str) -> list[str]:
    """The answerable pieces of a passage: its sentences, with a list joined to the line that leads into it."""
    units: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if not items:
            return
        joined = "; ".join(item.rstrip(".;, ") for item in items) + "."
        if units and units[-1].endswith(":"):
            units[-1] = f"{units[-1]} {joined}"
        else:
            units.append(joined)
        items.clear()

    for line in text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            items.append(line[2:].strip())
            continue
        close_list()
        units.extend(split_sentences(line))
    close_list()
    return units


@dataclass(frozen=True)
class _Unit:
    text: str
    scored: Scored
    position: int
    score: float
    #: the share of the question this sentence covers by itself
    share: float
    #: the question types (e.g. "duration") this sentence answers
    types: tuple[str, ...]

    @property
    def passage(self) -> Passage:
        return self.scored.hit.passage

    @property
    def direct(self) -> bool:
        """True for a knowledge item's direct answer to "should I …?" (its advice)."""
        return self.text.startswith(_ADVICE_PREFIX)

    @property
    def shown(self) -> str:
        """The sentence as quoted: a direct answer without its label."""
        return self.text.removeprefix(_ADVICE_PREFIX).strip() if self.direct else self.text


def _score_units(query: Query, scored: Scored, relative: float) -> list[_Unit]:
    """Score each sentence: what it covers itself, what its heading and the sentences before it set up,
    and whether it is the kind of sentence the question asks for (a duration, a specialist…)."""
    passage = scored.hit.passage
    units = passage_units(passage.text)
    heading_share, _ = coverage(query, TermCounts(stems(passage.heading)))
    # A knowledge item is wholly about its name; a document section only partly about its heading.
    heading_context = heading_share * (1.0 if passage.kind == KNOWLEDGE else 0.6)
    shares = [coverage(query, TermCounts(stems(u)))[0] for u in units]
    strict = any(t.strict for t in query.question_types)
    result = []
    for i, (text, share) in enumerate(zip(units, shares, strict=True)):
        context = max([heading_context] + [shares[j] * 0.5 ** (i - j) for j in range(i)])
        types = tuple(t.name for t in query.question_types if t.answers.search(text))
        size = len(text.split())
        length = 0.5 if size < 5 else 0.8 if size > 80 else 1.0
        relevance = share + 0.5 * context + (TYPE_BONUS if types else 0.0)
        if strict and not types:
            relevance *= OFF_TYPE  # "how long…?" is answered by a duration, not by more of the topic
        result.append(_Unit(text, scored, i, relative * relevance * length, share, types))
    return result


def _overlaps(text: str, chosen: list[_Unit]) -> bool:
    mine = set(stems(text))
    for unit in chosen:
        theirs = set(stems(unit.text))
        if mine and len(mine & theirs) / len(mine) > 0.8:
            return True
    return False


def _candidate_units(retrieval: Retrieval) -> list[_Unit]:
    """Every scored sentence of the passages close enough to the best, best first."""
    ranked = retrieval.ranked[:SHOWN_PASSAGES]
    top = ranked[0].score or 1.0
    # an item's direct answer to "should I …?" is said only to a question of a kind that leads with it
    directs = any(t.leads for t in retrieval.query.question_types)
    units = [
        u
        for s in ranked
        if s.score >= 0.35 * top
        for u in _score_units(retrieval.query, s, (s.score / top) ** RANK_SHARPNESS)
        if u.score > 0 and (directs or not u.direct)
    ]
    units.sort(key=lambda u: (-u.score, u.passage.id, u.position))
    return units


class _Selection:
    """The sentences chosen for one answer, and the rules for adding more."""

    def __init__(self, units: list[_Unit], lead: _Unit) -> None:
        self.units = units
        self.lead = lead
        self.chosen = [lead]

    def useful(self, unit: _Unit, floor: float) -> bool:
        """On point (covers part of the question, or is the kind of sentence asked for), scores at
        least ``floor`` times the lead, and says something not already chosen."""
        on_point = unit.share >= 0.2 or bool(unit.types)
        return unit.score >= floor * self.lead.score and on_point and not _overlaps(unit.text, self.chosen)

    def add_insisted(self, query: Query, passage_ids: set[str]) -> None:
        """A sentence of each kind the question insists on (a duration for "how long…")."""
        for qtype in query.question_types:
            if not qtype.insist or any(qtype.name in u.types for u in self.chosen):
                continue
            match = next(
                (u for u in self.units if qtype.name in u.types and u.passage.id in passage_ids), None
            )
            if match is not None and self.useful(match, 0.25):
                self.chosen.append(match)

    def add_other_kind(self) -> None:
        """The best sentence (and its best neighbour) from the other kind of source, when none is chosen."""
        kind = self.lead.passage.kind
        if any(u.passage.kind != kind for u in self.chosen):
            return
        other = next((u for u in self.units if u.passage.kind != kind and self.useful(u, 0.45)), None)
        if other is None:
            return
        self.chosen.append(other)
        floor = 0.6 * other.score / self.lead.score
        neighbour = next(
            (
                u
                for u in self.units
                if u.passage.id == other.passage.id and u is not other and self.useful(u, floor)
            ),
            None,
        )
        if neighbour is not None:
            self.chosen.append(neighbour)

    def fill_from_lead(self, whole: bool) -> None:
        """More sentences of the leading passage: those that score well, or all of them with ``whole``."""
        words = sum(len(u.text.split()) for u in self.chosen if u.passage.id == self.lead.passage.id)
        for unit in self.units:
            size = len(unit.text.split())
            if unit.passage.id != self.lead.passage.id or words + size > SAME_PASSAGE_WORDS:
                continue
            if (whole and not _overlaps(unit.text, self.chosen)) or self.useful(unit, 0.5):
                self.chosen.append(unit)
                words += size

    def trimmed(self) -> list[_Unit]:
        """The chosen sentences, in order of choice, within the length limits."""
        words, kept = 0, list[_Unit]()
        for unit in self.chosen[:MAX_UNITS]:
            size = len(unit.text.split())
            if kept and words + size > MAX_WORDS:
                continue
            kept.append(unit)
            words += size
        return kept


def select_units(retrieval: Retrieval, whole_lead: bool = False) -> list[_Unit]:
    """The sentences that answer best.

    The best sentence leads (the best passage's own best, unless another passage holds a clearly
    better one); then a sentence of each kind the question insists on; the best sentence of the
    other kind of source (knowledge base or document), so both are cited when both answer; and
    more of the leading passage when they score well (all of it, up to a length, with ``whole_lead``).
    """
    units = _candidate_units(retrieval)
    if not units:
        return []
    direct = _direct_unit(retrieval, units)
    # after a direct answer, the passages it rests on: the best of the other sentences leads them
    quoted = [u for u in units if u is not direct] or units
    first_id = retrieval.ranked[0].hit.passage.id
    lead = next((u for u in quoted if u.passage.id == first_id), quoted[0])
    if lead.score * LEAD_MARGIN < quoted[0].score:
        lead = quoted[0]
    selection = _Selection(units, direct or lead)
    if direct is not None and lead is not direct and not _overlaps(lead.text, selection.chosen):
        selection.chosen.append(lead)
    selection.add_insisted(retrieval.query, {s.hit.passage.id for s in retrieval.ranked[:3]})
    selection.add_other_kind()
    selection.fill_from_lead(whole_lead)
    return selection.trimmed()


def _direct_unit(retrieval: Retrieval, units: list[_Unit]) -> _Unit | None:
    """The best sentence of a kind that leads on its own ("should I …?" -> an item's advice), if any.

    It must come from one of the top passages, so that it is about what was asked.
    """
    leading = [t.name for t in retrieval.query.question_types if t.leads]
    top = {s.hit.passage.id for s in retrieval.ranked[:DIRECT_FROM]}
    return next((u for u in units if u.passage.id in top and any(n in u.types for n in leading)), None)


def _compose(units: list[_Unit], numbers: dict[str, int]) -> str:
    """The answer text: a direct answer first when there is one, then each passage's sentences."""
    parts = []
    if len(units) > 1 and units[0].direct:
        # the direct answer alone, then the passages it rests on, each with its title
        parts.append(f"{units[0].shown} [{numbers[units[0].passage.id]}]")
        units = units[1:]
    groups: dict[str, list[_Unit]] = {}
    for unit in units:
        groups.setdefault(unit.passage.id, []).append(unit)
    for pid, group in groups.items():
        passage = group[0].scored.hit.passage
        sentences = " ".join(u.shown for u in sorted(group, key=lambda u: u.position))
        parts.append(f"From {passage.title}: {sentences} [{numbers[pid]}]")
    return " ".join(parts)


def _sources(passages: list[CitedPassage]) -> dict[str, dict[str, str]]:
    sources: dict[str, dict[str, Any]] = {}
    for cited in passages:
        entry = sources.setdefault(
            cited.passage.source, {"title": cited.passage.source_title, "locators": []}
        )
        if cited.passage.locator not in entry["locators"]:
            entry["locators"].append(cited.passage.locator)
    return {sid: {"title": e["title"], "locator": "; ".join(e["locators"])} for sid, e in sources.items()}


def _unique(scored: list[Scored]) -> list[Scored]:
    """Each passage once, where it first appears."""
    by_id: dict[str, Scored] = {}
    for s in scored:
        by_id.setdefault(s.hit.passage.id, s)
    return list(by_id.values())


def _answerable(retrieval: Retrieval) -> bool:
    """Whether the best passages reach far enough into an on-topic question to answer it."""
    return (
        bool(retrieval.ranked)
        and max(s.reach for s in retrieval.ranked[:SHOWN_PASSAGES]) >= MIN_REACH
        and retrieval.query.on_topic
    )


def answer_question(question: str, retriever: Retriever, warning_signs: WarningSigns | None = None) -> Answer:
    """Answer one question from the index behind ``retriever``; raises InputError for an empty question."""
    question = " ".join(str(question).split())
    if not question:
        raise InputError("the question is empty; ask something such as 'Can I drive with back spasms?'")
    if len(question) > MAX_QUESTION_CHARS:
        raise InputError(f"the question is longer than {MAX_QUESTION_CHARS} characters; ask it more briefly")
    warning = warning_signs.detect(question) if warning_signs is not None else None
    retrieval = retriever.retrieve(f"{question} {warning.search}" if warning else question)
    # After a safety message, the leading passage is shown whole: its advice on what to do counts.
    units = select_units(retrieval, whole_lead=warning is not None) if _answerable(retrieval) else []
    shown = retrieval.ranked[:SHOWN_PASSAGES] if units else []
    if warning:
        # the sign's words steer the search to what to do; the question alone may ask something else too
        asked = retriever.retrieve(question)
        extra = select_units(asked) if _answerable(asked) else []
        if extra and extra[0].passage.id not in {u.passage.id for u in units}:
            units += [u for u in extra if u.passage.id == extra[0].passage.id]
            # the cited passages first, then the rest, at most SHOWN_PASSAGES
            used = {u.passage.id for u in units}
            ordered = sorted([*shown, extra[0].scored], key=lambda s: s.hit.passage.id not in used)
            shown = _unique(ordered)[:SHOWN_PASSAGES]
    if not units:
        # With a warning sign, the safety message is the answer even when no passage fits.
        text = warning.message if warning else REFUSAL
        return Answer(question, text, [], {}, refused=True, warning=warning)
    passages = [CitedPassage(n, s.hit.passage, s.score) for n, s in enumerate(shown, start=1)]
    numbers = {c.passage.id: c.number for c in passages}
    text = _compose(units, numbers)
    if warning:
        text = f"{warning.message} {text}"
    cited = sorted({numbers[u.passage.id] for u in units})
    return Answer(question, text, passages, _sources(passages), warning=warning, cited=cited)
