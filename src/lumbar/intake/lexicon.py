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
#: function words a phrase may leave out ("numb when I wipe" matches "numb when wiping").
OPTIONAL_WORDS = frozenset("i my me the a an your his her their our it its is are am was were of to".split())


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
        self.canonical: dict[str, str] = {}
        vocabulary: set[str] = set()
        for word_class in kb.word_classes:
            target = phrase_stems(word_class.canonical)[0]
            for variant in word_class.variants:
                self.canonical[phrase_stems(variant)[0]] = target
            vocabulary.update([word_class.canonical, *word_class.variants])
        for finding in kb.findings.values():
            for phrases, negative in ((finding.synonyms, False), (finding.absent_synonyms, True)):
                for phrase in phrases:
                    contiguous = phrase.startswith("=")
                    for stems in self._variants(phrase_stems(phrase.lstrip("=")), contiguous):
                        self.by_first[stems[0]].append(Pattern(finding.id, stems, negative, contiguous))
                    vocabulary.update(t.text for t in tokenize(phrase) if not t.is_punct)
        self.speller = Speller(vocabulary)
        self.warning_signs = frozenset(f.id for f in kb.findings.values() if f.warning_sign)

    def _variants(self, stems: tuple[str, ...], contiguous: bool) -> list[tuple[str, ...]]:
        """The stem sequences a phrase matches: canonical words, function words dropped when at least
        two words remain, and both orders of a two-word phrase ("pink urine" / "urine is pink")."""
        canon = tuple(self.canonical.get(s, s) for s in stems)
        if contiguous or not canon:
            return [canon]
        content = tuple(s for s in canon if s not in OPTIONAL_WORDS)
        core = content if len(content) >= 2 else canon
        out = [core]
        # reversing is safe only for plain words: "hurt my back" -> "pain back" must not match "back pain"
        plain = canon == stems
        if plain and len(core) == 2 and core == content and core[0] != core[1]:
            out.append((core[1], core[0]))
        return out

    def tokens(self, text: str) -> list[Token]:
        """Tokenize ``text``, correcting misspelt words that are near a lexicon word."""
        return tokenize(text, self.speller.corrections(text))

    def find(self, tokens: list[Token]) -> list[Match]:
        """Every phrase match, nested shorter matches removed."""
        stems = [self.canonical.get(t.stem, t.stem) for t in tokens]
        found: list[Match] = []
        for i, tok in enumerate(tokens):
            if tok.is_punct:
                continue
            for pattern in self.by_first.get(stems[i], ()):
                match = _match_at(pattern, tokens, stems, i)
                if match:
                    found.append(match)
        return _drop_nested(found, self.warning_signs)


def _match_at(pattern: Pattern, tokens: list[Token], stems: list[str], start: int) -> Match | None:
    used = [start]
    pos = start
    max_gap = 0 if pattern.contiguous else MAX_GAP
    for wanted in pattern.stems[1:]:
        gap = 0
        pos += 1
        while pos < len(tokens) and not tokens[pos].is_punct and stems[pos] != wanted and gap < max_gap:
            pos += 1
            gap += 1
        if pos >= len(tokens) or tokens[pos].is_punct or stems[pos] != wanted:
            return None
        used.append(pos)
    return Match(pattern, start, used[-1], frozenset(used))


def _drop_nested(matches: list[Match], warning_signs: frozenset[str] = frozenset()) -> list[Match]:
    """Drop a match inside a longer one when it is the same finding or a single generic word.

    A warning sign is never dropped for another finding: reading too much is safer than too little.
    """
    keep = []
    for m in matches:
        nested = any(
            o is not m
            and o.start <= m.start
            and m.end <= o.end
            and o.width > m.width
            and (
                o.pattern.finding == m.pattern.finding
                or (m.width == 1 and m.pattern.finding not in warning_signs)
            )
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
