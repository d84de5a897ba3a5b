"""Match the knowledge base's lay phrases against tokens: stems, small gaps, misspellings.

A phrase matches when its word stems appear in order within one clause, with at most ``MAX_GAP``
other words between consecutive phrase words (none for a phrase written with a leading "=").
When a single word, or a phrase of the same finding, lies inside a longer match, the longer
wins ("numb between my legs" beats "numb").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from lumbar.intake.tokens import Token, phrase_stems, tokenize
from lumbar.knowledge.loader import KnowledgeBase

MAX_GAP = 2
MIN_FUZZY_LEN = 6


@dataclass(frozen=True, slots=True)
class Pattern:
    finding: str
    stems: tuple[str, ...]
    negative: bool  # an absent_synonym: the phrase says the finding is absent
    contiguous: bool = False  # written with a leading "=": no filler words allowed


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in the tokens: which tokens it used and which it skipped."""

    pattern: Pattern
    start: int  # first token index
    end: int  # last token index (inclusive)
    used: frozenset[int]

    @property
    def width(self) -> int:
        return len(self.used)


class Lexicon:
    """The compiled phrase table of a knowledge base, with a spelling corrector."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.by_first: dict[str, list[Pattern]] = defaultdict(list)
        vocabulary: set[str] = set()
        for finding in kb.findings.values():
            for phrases, negative in ((finding.synonyms, False), (finding.absent_synonyms, True)):
                for phrase in phrases:
                    contiguous = phrase.startswith("=")
                    stems = phrase_stems(phrase.lstrip("="))
                    if stems:
                        self.by_first[stems[0]].append(Pattern(finding.id, stems, negative, contiguous))
                    vocabulary.update(t.text for t in tokenize(phrase) if not t.is_punct)
        self.speller = Speller(vocabulary)

    def tokens(self, text: str) -> list[Token]:
        """Tokenize ``text``, correcting misspelt words that are near a lexicon word."""
        return tokenize(text, self.speller.corrections(text))

    def find(self, tokens: list[Token]) -> list[Match]:
        """Every phrase match, nested shorter matches removed."""
        found: list[Match] = []
        for i, tok in enumerate(tokens):
            if tok.is_punct:
                continue
            for pattern in self.by_first.get(tok.stem, ()):
                match = _match_at(pattern, tokens, i)
                if match:
                    found.append(match)
        return _drop_nested(found)


def _match_at(pattern: Pattern, tokens: list[Token], start: int) -> Match | None:
    used = [start]
    pos = start
    max_gap = 0 if pattern.contiguous else MAX_GAP
    for wanted in pattern.stems[1:]:
        gap = 0
        pos += 1
        while pos < len(tokens) and not tokens[pos].is_punct and tokens[pos].stem != wanted and gap < max_gap:
            pos += 1
            gap += 1
        if pos >= len(tokens) or tokens[pos].is_punct or tokens[pos].stem != wanted:
            return None
        used.append(pos)
    return Match(pattern, start, used[-1], frozenset(used))


def _drop_nested(matches: list[Match]) -> list[Match]:
    """Drop a match inside a longer one when it is the same finding or a single generic word."""
    keep = []
    for m in matches:
        nested = any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.width > m.width
            and (o.pattern.finding == m.pattern.finding or m.width == 1)
            for o in matches
        )
        if not nested:
            keep.append(m)
    return keep


class Speller:
    """Corrects words one edit away from a known lexicon word (symmetric-delete lookup)."""

    def __init__(self, vocabulary: set[str]) -> None:
        self.vocabulary = vocabulary
        self.deletes: dict[str, set[str]] = defaultdict(set)
        for word in vocabulary:
            if len(word) >= MIN_FUZZY_LEN and word.isalpha():
                for variant in _deletes(word) | {word}:
                    self.deletes[variant].add(word)

    def corrections(self, text: str) -> dict[str, str]:
        """Misspelt word -> the lexicon word it most likely means, for the words of ``text``."""
        fixes: dict[str, str] = {}
        for tok in tokenize(text):
            word = tok.text
            if len(word) < MIN_FUZZY_LEN or word in self.vocabulary or not word.isalpha() or word in fixes:
                continue
            candidates: set[str] = set()
            for variant in _deletes(word) | {word}:
                candidates |= self.deletes.get(variant, set())
            close = sorted(c for c in candidates if _one_edit(word, c))
            if len(close) == 1:
                fixes[word] = close[0]
        return fixes


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
