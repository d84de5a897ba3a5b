"""Match the knowledge base's lay phrases against tokens: stems, small gaps, misspellings.

A phrase matches when its word stems appear in order within one clause, with at most ``MAX_GAP``
other words between consecutive phrase words, function words not counted (none at all for a
phrase written with a leading "="). When a shorter match of the same finding lies inside a longer
one, or every word of the shorter is a word of the longer, the longer wins ("numb between my legs"
beats "numb"); a warning sign gives way only when it is one word of the longer phrase, and nothing
gives way to a finding whose phrases name another finding ("ibuprofen does not help" keeps "ibuprofen").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import partial
from itertools import chain
from typing import Any, ClassVar, NamedTuple

from lumbar.intake.speller import Speller
from lumbar.intake.tokens import Shorthand, Token, phrase_stems, stem, tokenize
from lumbar.knowledge.derived import kept
from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase

MAX_GAP = 2
#: the name of the speller's delete index among the tables kept in the cache folder
SPELLER_INDEX = "speller-index"
#: most words, function words included, that may stand between two words of a phrase.
MAX_SPAN_GAP = 4
#: function words a phrase may leave out ("numb when I wipe" matches "numb when wiping").
OPTIONAL_WORDS = frozenset("i my me the a an your his her their our it its is are am was were of to".split())
CONJUNCTIONS = frozenset({"and", "or", "but"})
#: articles and possessives a contiguous phrase may lose ("cannot move my legs" / "cannot move legs").
DROPPABLE = frozenset("my the a an his her your their our".split())
#: words that, in the gap of an "absent" phrase, turn it round ("legs are not strong" is not "legs are strong").
NEGATORS = frozenset({"not", "no", "never", "cannot", "nor", "hardly", "barely", "scarcely"})
#: words that stress or soften without changing what is said: even a contiguous phrase reads past one
#: ("cannot really move my legs" is "cannot move my legs").
INTENSIFIERS = frozenset("really even quite just actually properly totally completely literally".split())
#: words that, after a conjunction, start a new clause that a phrase does not reach into.
CLAUSE_PRONOUNS = frozenset("i my he she his her it we they their".split())


class Pattern(Frozen):
    """One phrase of a finding, as the stems of its words."""

    FIELDS: ClassVar[tuple[str, ...]] = ("finding", "stems", "negative", "contiguous", "free")
    DEFAULTS: ClassVar[dict[str, Any]] = {"contiguous": False, "free": True}

    finding: str
    stems: tuple[str, ...]
    negative: bool  # an absent_synonym: the phrase says the finding is absent
    contiguous: bool  # written with a leading "=": no filler words allowed
    #: no function word of its own, so function words in its gaps are free filler
    free: bool

    def __init__(
        self,
        finding: str,
        stems: tuple[str, ...],
        negative: bool,
        contiguous: bool = False,
        free: bool = True,
    ) -> None:
        vars(self).update(finding=finding, stems=stems, negative=negative, contiguous=contiguous, free=free)

    @classmethod
    def of(cls, finding: str, stems: tuple[str, ...], negative: bool, contiguous: bool = False) -> Pattern:
        """The pattern of a phrase's stems, with whether its gaps take function words freely."""
        return cls(finding, stems, negative, contiguous, not OPTIONAL_WORDS.intersection(stems))


class Match(NamedTuple):
    """A phrase found in the tokens: which tokens it used and which it skipped (a named tuple, made fast)."""

    pattern: Pattern
    start: int  # first token index
    end: int  # last token index (inclusive)
    used: frozenset[int]

    @property
    def width(self) -> int:
        return len(self.used)


class PhraseTable:
    """The patterns of the phrases by their first stem, kept packed (one string per first stem) and
    unpacked on first use.

    A one-shot command reads the table from the cache folder and uses a few hundred of its 5,600
    patterns: made as objects, all of them cost it more to read back than its whole assessment.

    Each pattern of two or more stems has an anchor: of the stems after its first, the one the fewest
    patterns of the table use (the rarest, most often missing from a text). :meth:`candidates` tests
    only the patterns whose anchor the text holds: about one in twelve of those its first stem starts.
    """

    def __init__(self, by_first: Mapping[str, list[Pattern]]) -> None:
        uses = Counter(s for patterns in by_first.values() for p in patterns for s in set(p.stems))
        self._packed = {first: _pack(patterns, uses) for first, patterns in by_first.items()}
        self._unpacked: dict[str, list[Pattern]] = {}
        #: per first stem unpacked, the places of its patterns by their anchor, in order
        self._by_anchor: dict[str, dict[str, list[int]]] = {}

    def get(self, first: str) -> list[Pattern]:
        """The patterns whose first stem is ``first``, in the order of the knowledge base (none: empty)."""
        found = self._unpacked.get(first)
        if found is None:
            packed = self._packed.get(first)
            if packed is None:
                return []
            found, self._by_anchor[first] = _unpack(packed)
            self._unpacked[first] = found
        return found

    def candidates(self, first: str, present: set[str]) -> list[Pattern]:
        """The patterns whose first stem is ``first`` and whose every stem is in ``present``, in the
        order of :meth:`get` (that list filtered, found through the anchors)."""
        patterns = self.get(first)
        if not patterns:
            return []
        by_anchor = self._by_anchor[first]
        held = by_anchor.keys() & present
        if not held:
            return []
        if len(held) == 1:
            places: Iterable[int] = by_anchor[held.pop()]
        else:
            places = sorted(chain.from_iterable(by_anchor[anchor] for anchor in held))
        return [patterns[k] for k in places if present.issuperset(patterns[k].stems)]

    def values(self) -> Iterator[list[Pattern]]:
        """Every first stem's patterns, in the order of the knowledge base."""
        return (self.get(first) for first in self._packed)

    def __getstate__(self) -> dict[str, str]:
        return self._packed

    def __setstate__(self, packed: dict[str, str]) -> None:
        self._packed = packed
        self._unpacked = {}
        self._by_anchor = {}


def _anchor(stems: tuple[str, ...], uses: Mapping[str, int]) -> int:
    """The place of the stem after the first that the fewest patterns use (the first such on a tie);
    0 for a one-stem pattern, whose first stem is always held."""
    return min(range(1, len(stems)), key=lambda k: uses[stems[k]], default=0)


def _pack(patterns: list[Pattern], uses: Mapping[str, int]) -> str:
    """Patterns as one string: a line each, finding, stems, three flags and the anchor's place parted
    by tabs."""
    lines = []
    for p in patterns:
        fields = (p.finding, " ".join(p.stems))
        if any(mark in field for field in fields for mark in "\t\n") or any(" " in stem for stem in p.stems):
            raise ValueError(f"a phrase of {p.finding!r} has a stem that cannot be packed: {p.stems!r}")
        flags = "".join("1" if flag else "0" for flag in (p.negative, p.contiguous, p.free))
        lines.append(f"{fields[0]}\t{fields[1]}\t{flags}\t{_anchor(p.stems, uses)}")
    return "\n".join(lines)


def _unpack(packed: str) -> tuple[list[Pattern], dict[str, list[int]]]:
    """The patterns of a packed string, and their places by their anchor stem."""
    out = []
    by_anchor: dict[str, list[int]] = defaultdict(list)
    for k, line in enumerate(packed.split("\n")):
        finding, joined, flags, anchor = line.split("\t")
        stems = tuple(joined.split(" "))
        out.append(Pattern(finding, stems, flags[0] == "1", flags[1] == "1", flags[2] == "1"))
        by_anchor[stems[int(anchor)]].append(k)
    return out, dict(by_anchor)


class Lexicon:
    """The compiled phrase table of a knowledge base, with a spelling corrector."""

    def __init__(self, kb: KnowledgeBase) -> None:
        by_first: dict[str, list[Pattern]] = defaultdict(list)
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
                        by_first[stems[0]].append(Pattern.of(finding.id, stems, negative, contiguous))
                    vocabulary.update(t.text for t in tokenize(phrase) if not t.is_punct)
        # synonyms that read the same are tried once
        self.by_first = PhraseTable(
            {first: list(dict.fromkeys(patterns)) for first, patterns in by_first.items()}
        )
        # its delete index kept in a file of its own, read only by a text that needs it
        self.speller = Speller(vocabulary, keep=partial(kept, kb, SPELLER_INDEX))
        self.shorthand = Shorthand({s.written: s.reads_as for s in kb.shorthand})
        self.warning_signs = frozenset(f.id for f in kb.findings.values() if f.warning_sign)
        #: findings whose phrases name another finding ("ibuprofen does not help"): that one stays read
        self.sharing = frozenset(f.id for f in kb.findings.values() if f.names_other_findings)

    def _variants(self, stems: tuple[str, ...], contiguous: bool) -> list[tuple[str, ...]]:
        """The stem sequences a phrase matches: canonical words, function words dropped when at least
        two words remain, and both orders of a two-word phrase ("pink urine" / "urine is pink")."""
        canon = tuple(self.canonical.get(s, s) for s in stems)
        if contiguous:
            # learners drop articles and possessives ("cannot move legs"); verbs stay, since "legs are
            # weak" (both legs) is not "leg weak"
            bare = tuple(s for s in canon if s not in DROPPABLE)
            return [canon, bare] if len(bare) >= 2 and bare != canon else [canon]
        if not canon:
            return [canon]
        content = tuple(s for s in canon if s not in OPTIONAL_WORDS)
        core = content if len(content) >= 2 else canon
        out = [core]
        # reversing is safe only for two plain words ("pink urine"): a phrase with a function word
        # is a verb or preposition phrase whose order matters ("hurt my back" is not "my back hurts")
        plain = canon == stems and len(canon) == 2
        if plain and core == content and core[0] != core[1]:
            out.append((core[1], core[0]))
        return out

    def tokens(self, text: str) -> list[Token]:
        """Tokenize ``text``, correcting misspelt words that are near a lexicon word."""
        tokens = tokenize(text, shorthand=self.shorthand)
        fixes = self.speller.corrections_of(tokens)
        if not fixes:
            return tokens
        return [
            Token(fixes[t.text], stem(fixes[t.text]), t.start, t.end) if t.text in fixes else t
            for t in tokens
        ]

    def stems(self, tokens: list[Token]) -> list[str]:
        """Each token's stem, read as its word class's canonical word ("tummy" -> "belly")."""
        return [self.canonical.get(t.stem, t.stem) for t in tokens]

    def find(self, tokens: list[Token]) -> list[Match]:
        """Every phrase match, nested shorter matches removed."""
        stems = self.stems(tokens)
        present = set(stems)
        #: per first stem, the patterns whose every stem is in the text (punctuation starts none)
        candidates = {first: held for first in present if (held := self.by_first.candidates(first, present))}
        found: list[Match] = []
        for i, first in enumerate(stems):
            patterns = candidates.get(first)
            if patterns is None:
                continue
            # a phrase's second word comes within MAX_SPAN_GAP words of its first, or it cannot match
            ahead = set(stems[i + 1 : i + 2 + MAX_SPAN_GAP])
            for pattern in patterns:
                if len(pattern.stems) > 1 and pattern.stems[1] not in ahead:
                    continue
                match = _match_at(pattern, tokens, stems, i)
                if match:
                    found.append(match)
        return _drop_nested(found, tokens, self.warning_signs, self.sharing)


def _match_at(pattern: Pattern, tokens: list[Token], stems: list[str], start: int) -> Match | None:
    """The match of ``pattern`` starting at token ``start``, or None.

    Up to ``MAX_GAP`` words may stand between two words of the phrase; function words ("my",
    "the", "is") are free filler and do not count, up to ``MAX_SPAN_GAP`` words in all, unless the
    phrase keeps a function word of its own ("the runs", "my back"). A gap never
    crosses into a new clause ("no numbness and my legs feel strong"), nor does a contiguous phrase
    allow any filler. A phrase that says a finding is absent ("peeing normally", "legs are strong") does
    not match when a negation stands just before it or in its gaps ("not peeing normally", "legs are
    not strong"): the text then says the opposite.
    """
    if pattern.negative and _negated_before(tokens, start):
        return None
    used = [start]
    pos = start
    # a phrase that keeps a function word of its own ("the runs", "my back") counts every filler
    free = pattern.free
    for wanted in pattern.stems[1:]:
        gap = skipped = 0
        pos += 1
        while pos < len(tokens) and not tokens[pos].is_punct and stems[pos] != wanted:
            if pattern.contiguous and (skipped or tokens[pos].text not in INTENSIFIERS):
                return None
            if _new_clause(tokens, pos):
                return None
            if pattern.negative and tokens[pos].text in NEGATORS:
                return None
            gap += not (free and tokens[pos].text in OPTIONAL_WORDS)
            skipped += 1
            if gap > MAX_GAP or skipped > MAX_SPAN_GAP:
                return None
            pos += 1
        if pos >= len(tokens) or tokens[pos].is_punct:
            return None
        used.append(pos)
    return Match(pattern, start, used[-1], frozenset(used))


def _negated_before(tokens: list[Token], start: int) -> bool:
    """True when one of the two words before ``start`` (in the same clause) is a negation."""
    for k in (start - 1, start - 2):
        if k < 0 or tokens[k].is_punct:
            return False
        if tokens[k].text in NEGATORS:
            return True
    return False


def _new_clause(tokens: list[Token], pos: int) -> bool:
    """A conjunction followed by a pronoun starts a new clause: "... and my legs ...", "... but i ..."."""
    return (
        tokens[pos].text in CONJUNCTIONS and pos + 1 < len(tokens) and tokens[pos + 1].text in CLAUSE_PRONOUNS
    )


def _drop_nested(
    matches: list[Match],
    tokens: list[Token],
    warning_signs: frozenset[str] = frozenset(),
    sharing: frozenset[str] = frozenset(),
) -> list[Match]:
    """Drop a match inside a longer one that owns its words (see ``_owned``).

    A match that contains another starts at most the widest match's width before it, so each match
    is compared only with the matches that start in that window.
    """
    by_start: dict[int, list[Match]] = defaultdict(list)
    for m in matches:
        by_start[m.start].append(m)
    widest = max((m.end - m.start for m in matches), default=0)
    return [m for m in matches if not _nested(m, by_start, widest, tokens, warning_signs, sharing)]


def _nested(
    m: Match,
    by_start: dict[int, list[Match]],
    widest: int,
    tokens: list[Token],
    warning_signs: frozenset[str],
    sharing: frozenset[str],
) -> bool:
    width = len(m.used)
    for k in range(max(0, m.start - widest), m.start + 1):
        for o in by_start.get(k, ()):
            shared = o.pattern.finding in sharing and o.pattern.finding != m.pattern.finding
            if m.end <= o.end and len(o.used) > width and not shared and _owned(m, o, tokens, warning_signs):
                return True
    return False


def _owned(inner: Match, outer: Match, tokens: list[Token], warning_signs: frozenset[str]) -> bool:
    """True when the longer match ``outer`` makes ``inner`` redundant or wrong.

    It does when both are the same finding, or when every word of ``inner`` is a word of ``outer``
    ("numb between my legs" is not a numb leg; a word in the gap of a longer phrase stays). A warning
    sign gives way only when its one word belongs to the longer phrase ("pins and needles" is not
    a needle, "wear and tear" is not a tearing pain) or when all its words belong to an exact compound
    of a finding that is not a warning sign (written with "=": "hot and cold packs" is not a fever): reading too much is safer than
    too little.
    """
    if outer.pattern.finding == inner.pattern.finding:
        return True
    if inner.pattern.finding in warning_signs and inner.width > 1:
        # ... or when it lies inside an exact compound that names a thing, not a sign ("hot and cold packs")
        thing = outer.pattern.contiguous and outer.pattern.finding not in warning_signs
        return thing and inner.used <= outer.used
    # the longer phrase may have skipped function words of its own ("lost feeling around my back passage")
    content = {i for i in inner.used if tokens[i].text not in OPTIONAL_WORDS} or inner.used
    return content <= outer.used
