"""A second, recall-oriented reader of warning signs: a phrase's words in any order, each spelt roughly.

The lexicon reads a phrase when its words come in order with small gaps. Strangers write the same
words in another order ("my bladder, I cannot control it"), split by a learner's word order, or
with a slip the speller left alone. This reader finds a warning-sign phrase whose content words
all stand in one clause, in any order, each word equal to the phrase's or within a small edit
distance of it (rapidfuzz). What it finds is only ever *possible*: it never makes a finding absent
and never overrides the lexicon; the possible-sign policy (rule_possible_warning_sign) then asks
about it first and sets the level at least to "within 24 hours". It looks only for the signs that by
themselves send a person to an emergency department or call an ambulance (from rules.yaml): there a
miss costs most, and their words (wiping, bladder, lips, breath) say which sign they are.
"""

from __future__ import annotations

from collections import defaultdict

from lumbar.intake.lexicon import CONJUNCTIONS, NEGATORS, OPTIONAL_WORDS, Lexicon, Match, Pattern
from lumbar.intake.speller import is_english
from lumbar.intake.tokens import SENTENCE_END, Token, stem
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Level

#: the fewest content words a phrase needs to be read out of order (one word is the lexicon's job).
MIN_CONTENT = 2
#: the widest span, in tokens, the words of one phrase may be spread over.
MAX_SPREAD = 6
#: a phrase is read out of order only if one of its words is used by the phrases of at most this many
#: findings ("wipe" says which sign; "muscle", "leg" and "pain" are in too many phrases to say).
MAX_FINDINGS_PER_WORD = 2
#: a word this long or longer may be a slip of a phrase word ...
FUZZY_MIN_LEN = 5
#: ... when their similarity (rapidfuzz ratio, 0-100) is at least this.
FUZZY_SCORE = 85
#: words that carry no meaning of their own out of order: function words, negations, light verbs
#: and particles ("cannot get up" is not "cannot get it up" once the order is gone).
STOP = (
    OPTIONAL_WORDS
    | CONJUNCTIONS
    | NEGATORS
    | frozenset(
        stem(w)
        for w in "be been being have has had do does did get got go goes going feel feels up down in on at to "
        "for with from into out off over all any some more most very really so too just like when then "
        "there this that these those who what which since after before as if by".split()
    )
)
#: finding groups that describe what happened rather than what is felt.
EVENT_GROUPS = frozenset({"trauma", "mechanism"})
#: words that end a clause for this reader, besides the sentence ends.
CLAUSE_BREAKS = frozenset({"but", "though", "although", "because", "so"})


class UnorderedDetector:
    """Warning-sign phrases read out of order within a clause; built once per lexicon."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        # accidents and falls are events, not symptoms: their words out of order ("the car seat and my
        # back") no longer tell an accident
        targets = {
            f
            for r in kb.rules.values()
            if r.level.rank >= Level.EMERGENCY.rank
            for f in r.when.alone()
            if kb.findings[f].group not in EVENT_GROUPS
        }
        self.by_stem: dict[str, list[tuple[Pattern, frozenset[str]]]] = defaultdict(list)
        seen: set[tuple[str, frozenset[str]]] = set()
        users: dict[str, set[str]] = defaultdict(set)
        for patterns in lexicon.by_first.values():
            for pattern in patterns:
                for s in pattern.stems:
                    users[s].add(pattern.finding)
        for patterns in lexicon.by_first.values():
            for pattern in patterns:
                # a contiguous phrase ("=legs are weak") depends on its exact words and their order
                if pattern.negative or pattern.contiguous or pattern.finding not in targets:
                    continue
                content = frozenset(s for s in pattern.stems if s not in STOP)
                if len(content) < MIN_CONTENT or (pattern.finding, content) in seen:
                    continue
                if all(len(users[s]) > MAX_FINDINGS_PER_WORD for s in content):
                    continue
                seen.add((pattern.finding, content))
                for word in content:
                    self.by_stem[word].append((pattern, content))
        self.vocabulary = sorted(self.by_stem)

    def find(self, tokens: list[Token], stems: list[str]) -> list[Match]:
        """Phrases whose content words all stand, in any order, in one clause of the tokens."""
        found: list[Match] = []
        # only the words a phrase is made of count, and a phrase needs at least two of them
        hits = self._hits(tokens, stems)
        if len(hits) < MIN_CONTENT:
            return found
        k = 0
        for lo, hi in _clauses(tokens):
            while k < len(hits) and hits[k][0] < lo:
                k += 1
            where: dict[str, list[int]] = defaultdict(list)
            while k < len(hits) and hits[k][0] < hi:
                i, words = hits[k]
                for word in words:
                    where[word].append(i)
                k += 1
            if len(where) < MIN_CONTENT:
                continue
            tried: set[tuple[str, frozenset[str]]] = set()
            for word in list(where):
                for pattern, content in self.by_stem[word]:
                    key = (pattern.finding, content)
                    if key in tried or not content <= where.keys():
                        continue
                    tried.add(key)
                    used = frozenset(where[s][0] for s in content)
                    if max(used) - min(used) < MAX_SPREAD:
                        found.append(Match(pattern, min(used), max(used), used))
        return found

    def _hits(self, tokens: list[Token], stems: list[str]) -> list[tuple[int, tuple[str, ...]]]:
        """Each token that is, or may be a slip of, a phrase's content word, with those words."""
        by_stem = self.by_stem
        out: list[tuple[int, tuple[str, ...]]] = []
        for i, word in enumerate(stems):
            if word in by_stem:
                out.append((i, (word,)))
            elif len(word) >= FUZZY_MIN_LEN and word.isalpha() and not is_english(tokens[i].text):
                slips = self._slips(word)
                if slips:
                    out.append((i, slips))
        return out

    def _slips(self, word: str) -> tuple[str, ...]:
        """The phrase stems (at most two) that the stem ``word``, a word of none, may be a slip of."""
        # imported on the first word that may be a slip: it costs a one-shot command about as much as
        # its whole assessment, and most texts have no such word
        from rapidfuzz import fuzz, process  # noqa: PLC0415

        close = process.extract(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE, limit=2)
        return tuple(c[0] for c in close)


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges [lo, hi) of the clauses: cut at sentence ends and clause-joining words."""
    out: list[tuple[int, int]] = []
    lo = 0
    for i, tok in enumerate(tokens):
        if tok.text in SENTENCE_END or tok.text in CLAUSE_BREAKS:
            if i > lo:
                out.append((lo, i))
            lo = i + 1
    if lo < len(tokens):
        out.append((lo, len(tokens)))
    return out
