"""ConText (Harkema et al. 2009): which findings are negated, uncertain, hypothetical, past or someone else's.

Triggers come from the knowledge base (`context_rules.yaml`). A forward trigger modifies matches that
start after it within its scope; a backward trigger modifies matches that end before it. A scope
stops at a sentence end, a terminator ("but"), or a comma or "and"/"or" that starts a new clause
("no fever, I have chills"; "no numbness and my legs are weak"). Pseudo-triggers ("not only",
"not getting better") switch off the triggers they contain. Trigger words that belong to the
matched phrase itself ("have not peed") do not modify it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from lumbar.intake.lexicon import Match
from lumbar.intake.tokens import SENTENCE_END, Token
from lumbar.knowledge.schema import ContextCategory, ContextRule

#: words that, after a comma or a conjunction, start a new clause and so end a trigger's scope.
CLAUSE_STARTERS = frozenset(
    [
        "i",
        "my",
        "he",
        "she",
        "it",
        "we",
        "they",
        "his",
        "her",
        "their",
        "there",
        "the",
        "this",
        "that",
        "now",
        "then",
        "today",
        "yesterday",
        "also",
        "since",
        "when",
        "after",
        "before",
        "which",
        "who",
        "have",
        "has",
        "had",
        "am",
        "is",
        "are",
        "was",
        "were",
        "with",
    ]
)
CONJUNCTIONS = frozenset({"and", "or"})


@dataclass(frozen=True, slots=True)
class Trigger:
    rule: ContextRule
    start: int
    end: int  # inclusive token index


class QualifierDetector(Protocol):
    """Decides the ConText categories that apply to each match (a seam for other detectors)."""

    def categories(self, tokens: list[Token], matches: list[Match]) -> list[set[ContextCategory]]: ...


class ContextDetector:
    """The rule-based ConText detector over the knowledge base's trigger list."""

    def __init__(self, rules: list[ContextRule]) -> None:
        self.rules = [(tuple(r.literal.lower().split()), r) for r in rules]
        #: triggers by their first word: each token is compared with the few triggers it can start
        self.by_first: dict[str, list[tuple[tuple[str, ...], ContextRule]]] = {}
        for literal, rule in self.rules:
            self.by_first.setdefault(literal[0], []).append((literal, rule))

    def categories(self, tokens: list[Token], matches: list[Match]) -> list[set[ContextCategory]]:
        """For each match, the set of categories (negated, possible, …) that modify it."""
        triggers = self._triggers(tokens)
        result: list[set[ContextCategory]] = []
        for match in matches:
            cats: set[ContextCategory] = set()
            for trig in triggers:
                if trig.rule.category in (ContextCategory.TERMINATE, ContextCategory.PSEUDO):
                    continue
                if set(range(trig.start, trig.end + 1)) <= match.used:
                    continue  # the trigger is part of the phrase itself ("have not peed")
                if _reaches(trig, match, tokens, triggers):
                    cats.add(trig.rule.category)
            result.append(cats)
        return result

    def _triggers(self, tokens: list[Token]) -> list[Trigger]:
        words = [t.text for t in tokens]
        found: list[Trigger] = []
        for i, word in enumerate(words):
            for literal, rule in self.by_first.get(word, ()):
                n = len(literal)
                if tuple(words[i : i + n]) == literal:
                    found.append(Trigger(rule, i, i + n - 1))
        pseudo = [t for t in found if t.rule.category == ContextCategory.PSEUDO]
        # a pseudo-trigger switches off the triggers inside it; a longer trigger beats one inside it
        kept = []
        for t in found:
            if t.rule.category != ContextCategory.PSEUDO and any(
                p.start <= t.start and t.end <= p.end for p in pseudo
            ):
                continue
            if any(
                o is not t
                and o.rule.category not in (ContextCategory.PSEUDO,)
                and o.start <= t.start
                and t.end <= o.end
                and (o.end - o.start) > (t.end - t.start)
                for o in found
            ):
                continue
            kept.append(t)
        return kept


def _reaches(trig: Trigger, match: Match, tokens: list[Token], triggers: list[Trigger]) -> bool:
    direction = trig.rule.direction
    if direction in ("forward", "both") and match.start >= trig.end and match.end > trig.end:
        # a phrase may begin with the trigger's last word ("my wife [has a kidney infection]"); one that
        # takes in more of it is about that person by itself ("my [father has ankylosing spondylitis]")
        return _clear_path(trig.end + 1, max(match.start, trig.end + 1), trig, tokens, triggers)
    if direction in ("backward", "both") and match.end < trig.start:
        return _clear_path(match.end + 1, trig.start, trig, tokens, triggers)
    # a forward trigger in a gap of the phrase modifies it: "legs are not weak"
    return direction in ("forward", "both") and match.start < trig.start <= match.end


def _clear_path(lo: int, hi: int, trig: Trigger, tokens: list[Token], triggers: list[Trigger]) -> bool:
    """True when no scope boundary lies between token lo (inclusive) and hi (exclusive)."""
    words = 0
    for k in range(lo, hi):
        tok = tokens[k]
        if tok.text in SENTENCE_END:
            return False
        nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if (tok.text == "," or tok.text in CONJUNCTIONS) and nxt in CLAUSE_STARTERS:
            return False
        if tok.text in (",", "and") and trig.rule.stops_at_comma:
            return False  # "will not walk and holds her back": the verb's negation ends with its clause
        if not tok.is_punct:
            words += 1
    if words > trig.rule.max_scope:
        return False
    return not any(t.rule.category == ContextCategory.TERMINATE and lo <= t.start < hi for t in triggers)
