"""Notice a question that describes a warning sign, so the answer starts with where to get help.

The question is read as intake reads a description (the same lexicon, negation and context rules,
and speller) and triage's warning-sign rules are run on what was read as present. A question has no
interview answers, so only a rule that fires counts. The words added to the search are the
``search`` field of the fired rules in ``knowledge/data/rules.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from lumbar.errors import KnowledgeError, Problem
from lumbar.intake.reader import TextReader
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Level
from lumbar.triage.rules import FindingState, triage

LEVEL_MESSAGES_FILE = "level_messages.yaml"


@dataclass(frozen=True)
class WarningMatch:
    """The warning-sign rules a question fires, the kind of help, the message and the search words."""

    signs: tuple[str, ...]
    level: str
    message: str
    search: str


@dataclass(frozen=True)
class LevelMessages:
    """The message of each kind of help (most urgent first) and which kind each triage level shows."""

    messages: dict[str, str]
    levels: dict[Level, str]

    def kind(self, level: Level) -> str | None:
        """The kind of help ``level`` shows in ask ("emergency", "urgent"), or None."""
        return self.levels.get(level)


def _problem(item: str | None, message: str) -> KnowledgeError:
    return KnowledgeError([Problem(f"ask/{LEVEL_MESSAGES_FILE}", item, message)])


def parse_level_messages(raw: Any) -> LevelMessages:
    """Build :class:`LevelMessages` from parsed YAML; raises KnowledgeError naming what is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("messages"), dict):
        raise _problem(None, "expected a mapping with 'messages' and 'levels'")
    messages = {str(k): " ".join(str(v).split()) for k, v in raw["messages"].items()}
    levels: dict[Level, str] = {}
    for name, kind in (raw.get("levels") or {}).items():
        if str(name) not in {lvl.value for lvl in Level}:
            raise _problem(str(name), f"level {name!r} is not one of {[lvl.value for lvl in Level]}")
        if str(kind) not in messages:
            raise _problem(str(name), f"message {kind!r} is not one of {sorted(messages)}")
        levels[Level(str(name))] = str(kind)
    return LevelMessages(messages, levels)


@cache
def level_messages() -> LevelMessages:
    """The level messages shipped with lumbar (read once per process)."""
    text = (resources.files("lumbar.ask") / LEVEL_MESSAGES_FILE).read_text(encoding="utf-8")
    try:
        return parse_level_messages(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise _problem(None, f"not valid YAML: {exc}") from exc


def level_message(level: Level) -> str | None:
    """The message ask shows first for a question at triage ``level``, or None."""
    messages = level_messages()
    kind = messages.kind(level)
    return None if kind is None else messages.messages[kind]


class WarningSigns:
    """Reads a question for warning signs with intake's reader and triage's warning-sign rules."""

    def __init__(self, kb: KnowledgeBase, messages: LevelMessages | None = None) -> None:
        self.kb = kb
        self.reader = TextReader(kb)
        self.messages = messages if messages is not None else level_messages()

    def detect(self, question: str) -> WarningMatch | None:
        """The warning signs described in ``question`` (negated mentions ignored), or None."""
        if not question.strip():
            return None
        reading = self.reader.read(question)
        state = FindingState(frozenset(reading.present()), frozenset(reading.absent()))
        fired = [rule for rule in triage(self.kb, state).fired if self.messages.kind(rule.level)]
        kinds = [self.messages.kind(rule.level) for rule in fired]  # fired is sorted most urgent first
        kind = kinds[0] if kinds else None
        if kind is None:
            return None
        words = " ".join(dict.fromkeys(w for rule in fired for w in rule.search.split()))
        return WarningMatch(tuple(rule.id for rule in fired), kind, self.messages.messages[kind], words)


@cache
def load_warning_signs() -> WarningSigns:
    """The warning signs of the shipped knowledge base (built once per process)."""
    return WarningSigns(load_knowledge())
