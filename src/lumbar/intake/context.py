"""ConText (Harkema et al. 2009): which findings are negated, uncertain, hypothetical, past or someone else's.

Triggers come from the knowledge base (`context_rules.yaml`). A forward trigger modifies matches that
start after it within its scope; a backward trigger modifies matches that end before it. A scope
stops at a sentence end, a terminator ("but"), or a comma or "and"/"or" that starts a new clause
("no fever, I have chills"; "no numbness and my legs are weak"). Pseudo-triggers ("not only",
"not getting better") switch off the triggers they contain. Trigger words that belong to the
matched phrase itself ("have not peed") do not modify it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import accumulate
from typing import ClassVar, Protocol

from lumbar.intake.lexicon import Match
from lumbar.intake.tokens import PUNCT, SENTENCE_END, Token
from lumbar.knowledge.frozen import Frozen
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
#: the writer named as the subject or object: what follows is about them again, so someone else's scope
#: ends there ("my husband noticed i was dragging my foot", "my mum said to me my back is red").
WRITER_WORDS = frozenset({"i", "ive", "me", "myself"})


class Trigger(Frozen):
    FIELDS: ClassVar[tuple[str, ...]] = ("rule", "start", "end")

    rule: ContextRule
    start: int
    end: int  # inclusive token index

    def __init__(self, rule: ContextRule, start: int, end: int) -> None:
        vars(self).update(rule=rule, start=start, end=end)


class QualifierDetector(Protocol):
    """Decides the ConText categories that apply to each match (a seam for other detectors)."""

    def categories(self, tokens: list[Token], matches: list[Match]) -> list[set[ContextCategory]]: ...


class ContextDetector:
    """The rule-based ConText detector over the knowledge base's trigger list.

    Work is linear in the text's length: a trigger reaches at most ``max_scope`` words, so each match
    looks only at the triggers within that many words of it (:class:`TriggerIndex`), and whether a
    scope boundary lies between the two is read from prefix counts (:class:`Scopes`) in constant time.
    """

    def __init__(self, rules: list[ContextRule]) -> None:
        self.rules = [(tuple(r.literal.lower().split()), r) for r in rules]
        #: triggers by their first word, then by their second ("" for one-word triggers): each token is
        #: compared with the few triggers it and the next word can start
        self.by_first: dict[str, dict[str, list[tuple[tuple[str, ...], ContextRule]]]] = {}
        for literal, rule in self.rules:
            second = literal[1] if len(literal) > 1 else ""
            self.by_first.setdefault(literal[0], {}).setdefault(second, []).append((literal, rule))
        #: the most words a trigger has, and the most words any trigger reaches
        self.longest = max((len(literal) for literal, _ in self.rules), default=1)
        self.reach = max((rule.max_scope for _, rule in self.rules), default=1)
        self._last: tuple[list[Token], TriggerIndex] | None = None

    def categories(self, tokens: list[Token], matches: list[Match]) -> list[set[ContextCategory]]:
        """For each match, the set of categories (negated, possible, …) that modify it."""
        last = self._last  # one entry: the reader asks twice about the same tokens
        if last is not None and last[0] is tokens:
            index = last[1]
        else:
            index = TriggerIndex(tokens, self._triggers(tokens), self.reach)
            self._last = (tokens, index)
        result: list[set[ContextCategory]] = []
        for match in matches:
            cats: set[ContextCategory] = set()
            for trig in index.near(match):
                if trig.rule.category in cats or (
                    trig.start in match.used and all(k in match.used for k in range(trig.start, trig.end + 1))
                ):
                    continue  # the trigger is part of the phrase itself ("have not peed")
                if trig.rule.findings and match.pattern.finding not in trig.rule.findings:
                    continue  # "can I take" asks about a medicine, not about a sign said after it
                if _reaches(trig, match, index.scopes):
                    cats.add(trig.rule.category)
            result.append(cats)
        return result

    def _triggers(self, tokens: list[Token]) -> list[Trigger]:
        words = [t.text for t in tokens]
        found: list[Trigger] = []
        for i, word in enumerate(words):
            by_second = self.by_first.get(word)
            if by_second is None:
                continue
            for _, rule in by_second.get("", ()):
                found.append(Trigger(rule, i, i))
            if i + 1 < len(words):
                for literal, rule in by_second.get(words[i + 1], ()):
                    n = len(literal)
                    if tuple(words[i : i + n]) == literal:
                        found.append(Trigger(rule, i, i + n - 1))
        by_start: dict[int, list[Trigger]] = defaultdict(list)
        for t in found:
            by_start[t.start].append(t)
        # a pseudo-trigger switches off the triggers inside it; a longer trigger beats one inside it.
        # A trigger that contains t starts at most `longest` tokens before it.
        kept = []
        for t in found:
            around = [
                o
                for k in range(max(0, t.start - self.longest + 1), t.start + 1)
                for o in by_start.get(k, ())
                if o is not t and o.start <= t.start and t.end <= o.end
            ]
            if t.rule.category != ContextCategory.PSEUDO and any(
                o.rule.category == ContextCategory.PSEUDO for o in around
            ):
                continue
            if any(
                o.rule.category != ContextCategory.PSEUDO and (o.end - o.start) > (t.end - t.start)
                for o in around
            ):
                continue
            kept.append(t)
        return kept


class TriggerIndex:
    """The triggers of one text, sorted by where they start and end, and its scope boundaries."""

    def __init__(self, tokens: list[Token], triggers: list[Trigger], reach: int) -> None:
        self.scopes = Scopes(tokens, triggers)
        self.reach = reach
        modifiers = [t for t in triggers if t.rule.category not in _NOT_MODIFIERS]
        forward = [t for t in modifiers if t.rule.direction in ("forward", "both")]
        backward = [t for t in modifiers if t.rule.direction in ("backward", "both")]
        self.forward_by_end = sorted(forward, key=lambda t: t.end)
        self.forward_ends = [t.end for t in self.forward_by_end]
        self.forward_by_start = sorted(forward, key=lambda t: t.start)
        self.forward_starts = [t.start for t in self.forward_by_start]
        self.backward_by_start = sorted(backward, key=lambda t: t.start)
        self.backward_starts = [t.start for t in self.backward_by_start]

    def near(self, match: Match) -> list[Trigger]:
        """The triggers that could reach ``match``: those within ``reach`` words of it, or inside it."""
        words = self.scopes.word_at
        # forward triggers end at most `reach` words before the match (or on its first word)
        j = bisect_right(words, match.start)
        lo = words[max(0, j - self.reach - 2)] if j else 0
        ends = self.forward_ends
        near = self.forward_by_end[bisect_left(ends, lo) : bisect_right(ends, match.start)]
        # backward triggers start at most `reach` words after it
        j = bisect_right(words, match.end)
        hi = words[min(len(words) - 1, j + self.reach + 1)] if words else match.end
        starts = self.backward_starts
        near += self.backward_by_start[bisect_right(starts, match.end) : bisect_right(starts, hi)]
        # a forward trigger in a gap of the phrase ("legs are not weak")
        starts = self.forward_starts
        near += self.forward_by_start[bisect_right(starts, match.start) : bisect_right(starts, match.end)]
        return near


class Scopes:
    """Prefix counts over the tokens, so that whether a trigger's scope is clear costs constant time."""

    def __init__(self, tokens: list[Token], triggers: list[Trigger]) -> None:
        # built with comprehensions over the words, not item by item: a long text has thousands
        texts = [tok.text for tok in tokens]
        words = [text not in PUNCT for text in texts]
        #: the indexes of the word (non-punctuation) tokens, in order
        self.word_at = [k for k, word in enumerate(words) if word]
        stops = [
            text in SENTENCE_END or ((text == "," or text in CONJUNCTIONS) and nxt in CLAUSE_STARTERS)
            # each word with the next ("" after the last; with no tokens at all, that "" is left over)
            for text, nxt in zip(texts, [*texts[1:], ""], strict=False)
        ]
        commas = [text in (",", "and") for text in texts]
        self._words = list(accumulate(words, initial=0))
        self._stops = list(accumulate(stops, initial=0))
        self._commas = list(accumulate(commas, initial=0))
        self._writer = list(accumulate((text in WRITER_WORDS for text in texts), initial=0))
        terminators = [t for t in triggers if t.rule.category == ContextCategory.TERMINATE]
        if terminators:
            ends = [False] * len(tokens)
            affirming = [False] * len(tokens)
            for t in terminators:
                ends[t.start] = True
                affirming[t.start] = t.rule.affirms
            self._terminators = list(accumulate(ends, initial=0))
            self._affirming = list(accumulate(affirming, initial=0))
        else:  # most texts: no terminator, so every count is 0
            self._terminators = self._affirming = [0] * (len(tokens) + 1)

    def clear(self, lo: int, hi: int, rule: ContextRule) -> bool:
        """True when no scope boundary of ``rule`` lies between token lo (inclusive) and hi (exclusive)."""
        if self._stops[hi] - self._stops[lo]:
            return False  # a sentence end, or a comma or "and" that starts a new clause
        if rule.stops_at_comma and self._commas[hi] - self._commas[lo]:
            return False  # "will not walk and holds her back": the verb's negation ends with its clause
        if self._words[hi] - self._words[lo] > rule.max_scope:
            return False
        if rule.category == ContextCategory.OTHER_PERSON and self._writer[hi] - self._writer[lo]:
            return False  # the writer again: "my husband noticed i was dragging my foot"
        return not self._terminators[hi] - self._terminators[lo]

    def affirmed(self, lo: int, hi: int) -> bool:
        """True when a terminator that affirms what follows ("except") starts between token lo
        (inclusive) and hi (exclusive)."""
        return bool(self._affirming[hi] - self._affirming[lo])


#: trigger categories that modify no match themselves
_NOT_MODIFIERS = (ContextCategory.TERMINATE, ContextCategory.PSEUDO)


def _reaches(trig: Trigger, match: Match, scopes: Scopes) -> bool:
    direction = trig.rule.direction
    if direction in ("forward", "both") and match.start >= trig.end and match.end > trig.end:
        # a phrase may begin with the trigger's last word ("my wife [has a kidney infection]"); one that
        # takes in more of it is about that person by itself ("my [father has ankylosing spondylitis]").
        # A phrase read across "except" is completed after it, out of the scope: "no [numbness except
        # round my bum]" says where the numbness is.
        return scopes.clear(trig.end + 1, max(match.start, trig.end + 1), trig.rule) and not scopes.affirmed(
            max(match.start, trig.end + 1), match.end + 1
        )
    if direction in ("backward", "both") and match.end < trig.start:
        return scopes.clear(match.end + 1, trig.start, trig.rule)
    # a forward trigger in a gap of the phrase modifies it: "legs are not weak"
    return direction in ("forward", "both") and match.start < trig.start <= match.end
