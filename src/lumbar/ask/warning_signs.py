"""Notice a question that describes a warning sign, so the answer starts with where to get help.

The question is read as intake reads a description (the same lexicon, negation and context rules,
and speller) and triage's warning-sign rules are run on what was read as present. A question has no
interview answers, so only a rule that fires counts. The words added to the search are the
``search`` field of the fired rules in ``knowledge/data/rules.yaml``; the message is the level's
``ask_warning`` in ``knowledge/data/levels.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from lumbar.intake.reader import TextReader
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.triage.rules import FindingState, triage


@dataclass(frozen=True)
class WarningMatch:
    """The warning-sign rules a question fires, the kind of help, the message and the search words."""

    signs: tuple[str, ...]
    level: str
    message: str
    search: str


class WarningSigns:
    """Reads a question for warning signs with intake's reader and triage's warning-sign rules."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.reader = TextReader(kb)

    def detect(self, question: str) -> WarningMatch | None:
        """The warning signs described in ``question`` (negated mentions ignored), or None."""
        if not question.strip():
            return None
        reading = self.reader.read(question)
        state = FindingState(frozenset(reading.present()), frozenset(reading.absent()))
        fired = [rule for rule in triage(self.kb, state).fired if self.kb.levels[rule.level].ask_warning]
        # fired is sorted most urgent first, so the first warning is the most urgent
        warning = next((w for rule in fired if (w := self.kb.levels[rule.level].ask_warning)), None)
        if warning is None:
            return None
        words = " ".join(dict.fromkeys(w for rule in fired for w in rule.search.split()))
        return WarningMatch(tuple(rule.id for rule in fired), warning.kind, warning.message, words)


@cache
def load_warning_signs() -> WarningSigns:
    """The warning signs of the shipped knowledge base (built once per process)."""
    return WarningSigns(load_knowledge())
