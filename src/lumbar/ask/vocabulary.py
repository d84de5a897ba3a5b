"""The words of `lumbar ask`: synonym groups, stop words and question types, read from ``synonyms.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from lumbar.ask.packaged import packaged_yaml
from lumbar.ask.text import stems, words
from lumbar.errors import KnowledgeError, Problem

VOCABULARY_FILE = "synonyms.yaml"

StemPhrase = tuple[str, ...]


@dataclass(frozen=True)
class QuestionType:
    """A kind of question ("how long…") and the pattern of a sentence that answers it."""

    name: str
    asks: tuple[re.Pattern[str], ...]
    answers: re.Pattern[str]
    #: an answer to this kind of question must hold a sentence of this kind when one is at hand
    insist: bool = False
    #: sentences of other kinds count for less in an answer to this kind of question
    strict: bool = False
    #: the words that ask it ("how long") are taken out of the question's topic
    consumes: bool = False
    #: the best sentence of this kind, when a top passage has one, leads the answer on its own
    leads: bool = False

    def asked_by(self, folded_question: str) -> bool:
        """True when the (folded, lower-case) question asks this kind of question."""
        return any(pattern.search(folded_question) for pattern in self.asks)


@dataclass(frozen=True)
class Vocabulary:
    """Synonym groups as stem phrases, with the lookups query expansion needs."""

    groups: dict[str, tuple[StemPhrase, ...]]
    includes: dict[str, tuple[str, ...]]
    stopwords: frozenset[str]
    question_types: tuple[QuestionType, ...]
    #: stem phrase -> the names of the groups that list it
    phrase_groups: dict[StemPhrase, tuple[str, ...]]
    #: the number of words in the longest listed phrase
    longest_phrase: int


def _phrase_groups(groups: dict[str, tuple[StemPhrase, ...]]) -> dict[StemPhrase, tuple[str, ...]]:
    table: dict[StemPhrase, list[str]] = {}
    for name, phrases in groups.items():
        for phrase in phrases:
            table.setdefault(phrase, []).append(name)
    return {phrase: tuple(names) for phrase, names in table.items()}


def _problem(item: str | None, message: str) -> KnowledgeError:
    return KnowledgeError([Problem(f"ask/{VOCABULARY_FILE}", item, message)])


def parse_vocabulary(raw: Any) -> Vocabulary:
    """Build a :class:`Vocabulary` from the parsed YAML; raises KnowledgeError when it is malformed."""
    if not isinstance(raw, dict):
        raise _problem(None, "expected a mapping with 'groups', 'stopwords' and 'question_types'")
    groups: dict[str, tuple[StemPhrase, ...]] = {}
    includes: dict[str, tuple[str, ...]] = {}
    for name, entry in (raw.get("groups") or {}).items():
        if not isinstance(entry, dict) or not isinstance(entry.get("terms"), list):
            raise _problem(str(name), "a group needs a 'terms' list")
        phrases = [tuple(stems(str(term))) for term in entry["terms"]]
        groups[str(name)] = tuple(dict.fromkeys(p for p in phrases if p))
        includes[str(name)] = tuple(str(n) for n in entry.get("includes") or [])
    for name, narrower in includes.items():
        for other in narrower:
            if other not in groups:
                raise _problem(name, f"includes unknown group {other!r}; add it under 'groups' or remove it")
    stopwords = frozenset(w for term in raw.get("stopwords") or [] for w in words(str(term)))
    question_types = []
    for name, entry in (raw.get("question_types") or {}).items():
        try:
            question_types.append(
                QuestionType(
                    name=str(name),
                    asks=tuple(re.compile(str(p)) for p in entry["asks"]),
                    answers=re.compile(str(entry["answers"]), re.IGNORECASE),
                    insist=bool(entry.get("insist", False)),
                    strict=bool(entry.get("strict", False)),
                    consumes=bool(entry.get("consumes", False)),
                    leads=bool(entry.get("leads", False)),
                )
            )
        except (KeyError, TypeError, re.error) as exc:
            raise _problem(str(name), f"a question type needs 'asks' and 'answers' regexes ({exc})") from exc
    table = _phrase_groups(groups)
    longest = max((len(p) for p in table), default=1)
    return Vocabulary(groups, includes, stopwords, tuple(question_types), table, longest)


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped with lumbar (read once per process)."""
    raw = packaged_yaml(VOCABULARY_FILE)
    return parse_vocabulary(raw)
