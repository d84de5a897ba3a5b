"""Find the passages that answer a question: query expansion, BM25 over concepts, fusion.

A question becomes *concepts*: each content word or known phrase, with the synonyms of its group
(``synonyms.yaml``) as weaker alternatives. The index returns candidates for any alternative
(FTS5 BM25); each candidate is then scored per concept, so a passage that covers every concept
of the question beats one that repeats a single word. An optional semantic scorer can join the
fusion through :class:`SemanticScorer`; none ships, to keep lumbar small and offline.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from lumbar.ask.index import Hit, PassageIndex
from lumbar.ask.text import fold, stem, stems, words
from lumbar.ask.vocabulary import QuestionType, StemPhrase, Vocabulary

#: how much a match counts: the question's own words, a synonym, a narrower term
EXACT, SYNONYM, NARROWER = 1.0, 0.7, 0.5
CANDIDATES = 120
#: phrases found in more than this share of passages do not pick candidates (they still score)
COMMON_SHARE = 0.3
#: at most about this many passages are ranked by the index for one question
POSTINGS_BUDGET = 20_000
K1, B = 1.2, 0.75
#: concept weights are raised to this power when measuring how much of a question a text covers
COVERAGE_POWER = 2
#: the weight of a question word outside the synonym table, relative to one inside it
GENERAL_WORD = 0.6
#: a passage holding a sentence of a kind that leads the answer ("should I …?" -> advice) scores
#: this many times more, so that an item's direct answer is preferred to a page that only mentions it
LEADING_PREFERENCE = 1.5


@dataclass(frozen=True)
class Concept:
    """One thing the question is about, with the phrases that express it and how much each counts."""

    label: str
    alternatives: tuple[tuple[StemPhrase, float], ...]
    weight: float = 1.0
    #: False when no passage holds any of its phrases (a word the library does not know)
    known: bool = True
    #: True when it comes from a synonym group (a word of the domain's vocabulary)
    grouped: bool = False

    def phrases(self) -> list[StemPhrase]:
        return [phrase for phrase, _ in self.alternatives]


@dataclass(frozen=True)
class Query:
    """A question taken apart: its folded text, its concepts and the kinds of answer it asks for."""

    question: str
    folded: str
    concepts: tuple[Concept, ...]
    question_types: tuple[QuestionType, ...]

    @property
    def unknown_share(self) -> float:
        """The share of the question's concepts that no passage mentions (1.0 for an empty question)."""
        if not self.concepts:
            return 1.0
        return sum(1 for c in self.concepts if not c.known) / len(self.concepts)

    @property
    def on_topic(self) -> bool:
        """False when too many of the question's words are unknown to the library.

        More than half unknown is off topic; exactly half needs a known word from the synonym
        table ("How do I bake bread?" no; "What is meant by cauda equina syndrome?" yes).
        """
        share = self.unknown_share
        if share > 0.5:
            return False
        return share < 0.5 or any(c.known and c.grouped for c in self.concepts)

    def asks(self, name: str) -> bool:
        """True when the question asks this kind of question (e.g. "duration")."""
        return any(t.name == name for t in self.question_types)


def _group_alternatives(vocabulary: Vocabulary, groups: Sequence[str]) -> dict[StemPhrase, float]:
    found: dict[StemPhrase, float] = {}
    for group in groups:
        for phrase in vocabulary.groups[group]:
            found[phrase] = max(found.get(phrase, 0.0), SYNONYM)
        for narrower in vocabulary.includes.get(group, ()):
            for phrase in vocabulary.groups[narrower]:
                found.setdefault(phrase, NARROWER)
    return found


def analyse(question: str, vocabulary: Vocabulary) -> Query:
    """Split a question into concepts (longest known phrases first) and detect its question types."""
    folded = fold(question)
    types = tuple(t for t in vocabulary.question_types if t.asked_by(folded))
    # The words that only say what kind of answer is wanted ("how long", "is it safe") are no topic.
    topic = folded
    for qtype in types:
        if qtype.consumes:
            for pattern in qtype.asks:
                topic = pattern.sub(" ", topic)
    tokens = words(topic)
    stemmed = [stem(t) for t in tokens]
    concepts: list[Concept] = []
    seen: dict[frozenset[StemPhrase], int] = {}
    i = 0
    while i < len(tokens):
        match = None
        for size in range(min(vocabulary.longest_phrase, len(tokens) - i), 0, -1):
            phrase = tuple(stemmed[i : i + size])
            if phrase in vocabulary.phrase_groups and not (size == 1 and tokens[i] in vocabulary.stopwords):
                match = (size, phrase)
                break
        if match is None:
            if tokens[i] not in vocabulary.stopwords and len(tokens[i]) > 1:
                match = (1, (stemmed[i],))
            else:
                i += 1
                continue
        size, phrase = match
        alternatives = _group_alternatives(vocabulary, vocabulary.phrase_groups.get(phrase, ()))
        alternatives[phrase] = EXACT
        key = frozenset(alternatives)
        label = " ".join(tokens[i : i + size])
        if key in seen:
            # Two words of the question for one idea ("emergency", "warning sign"): both are its own.
            earlier = concepts[seen[key]]
            merged = {p: (EXACT if p == phrase else w) for p, w in earlier.alternatives}
            ordered = tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))
            concepts[seen[key]] = Concept(f"{earlier.label}, {label}", ordered, grouped=earlier.grouped)
        else:
            seen[key] = len(concepts)
            ordered = tuple(sorted(alternatives.items(), key=lambda kv: (-kv[1], kv[0])))
            concepts.append(Concept(label, ordered, grouped=phrase in vocabulary.phrase_groups))
        i += size
    return Query(question, folded, tuple(concepts), types)


@lru_cache(maxsize=4096)
def heading_stems(heading: str) -> tuple[str, ...]:
    """The stems of a heading (cached: many passages share a heading)."""
    return tuple(stems(heading))


class TermCounts:
    """The stems of a text with their counts, for fast phrase look-ups."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = tuple(terms)
        self.counts = Counter(self.terms)

    def count(self, phrase: StemPhrase) -> int:
        if not phrase or phrase[0] not in self.counts:
            return 0
        if len(phrase) == 1:
            return self.counts[phrase[0]]
        if any(term not in self.counts for term in phrase[1:]):
            return 0
        size = len(phrase)
        return sum(1 for i in range(len(self.terms) - size + 1) if self.terms[i : i + size] == phrase)

    def match(self, concept: Concept) -> tuple[float, float]:
        """(weighted term frequency, best match quality) of one concept in these stems."""
        tf = quality = 0.0
        for phrase, weight in concept.alternatives:
            n = self.count(phrase)
            if n:
                tf += n * weight
                quality = max(quality, weight)
        return tf, quality


def coverage(query: Query, counts: TermCounts) -> tuple[float, dict[int, float]]:
    """Share of the question's concept weight found in the stems, and the quality of each match.

    Weights are squared so that the rarer, telling words of a question matter more than the
    words nearly every passage shares ("back", "cramps").
    """
    total = sum(c.weight**COVERAGE_POWER for c in query.concepts) or 1.0
    matched: dict[int, float] = {}
    for n, concept in enumerate(query.concepts):
        _, quality = counts.match(concept)
        if quality:
            matched[n] = quality
    return sum(query.concepts[n].weight ** COVERAGE_POWER * q for n, q in matched.items()) / total, matched


@dataclass(frozen=True)
class Scored:
    """A candidate passage with its fused score and the share of the question it covers."""

    hit: Hit
    score: float
    coverage: float
    matched: dict[int, float] = field(default_factory=dict)
    #: the share of the question's concept weight found here, synonyms counting in full
    reach: float = 0.0


@dataclass(frozen=True)
class Retrieval:
    """The analysed question and its passages, best first."""

    query: Query
    ranked: list[Scored]


class SemanticScorer(Protocol):
    """Optional seam: a similarity in 0..1 between the question and each passage text."""

    def similarities(self, question: str, texts: Sequence[str]) -> list[float]: ...


class Retriever:
    """Question in, ranked passages out, over any :class:`PassageIndex`."""

    def __init__(
        self, index: PassageIndex, vocabulary: Vocabulary, semantic: SemanticScorer | None = None
    ) -> None:
        self.index = index
        self.vocabulary = vocabulary
        self.semantic = semantic

    def _weigh(self, query: Query) -> tuple[Query, dict[str, int]]:
        """Give each concept its inverse document frequency; drop phrases no passage holds.

        Returns the weighed query and the document frequency of every stem it mentions.
        """
        stats = self.index.stats()
        n = max(stats.passages, 1)
        terms = {t for c in query.concepts for phrase in c.phrases() for t in phrase}
        df = self.index.document_frequencies(terms)

        def phrase_df(phrase: StemPhrase) -> int:
            return min(df.get(t, 0) for t in phrase)

        idfs: list[float | None] = []
        for concept in query.concepts:
            exact = max(phrase_df(p) for p, w in concept.alternatives if w == EXACT)
            union = max(phrase_df(p) for p in concept.phrases())
            # The question's own word sets the weight; a word no passage uses falls back on its group.
            freq = exact if exact else union
            idfs.append(math.log(1 + (n - freq + 0.5) / (freq + 0.5)) if freq else None)
        # A word no passage holds weighs as much as the weightiest known word: it may be off topic
        # (see Query.unknown_share) or just an everyday word the sources happen not to use.
        known = [w for w in idfs if w is not None]
        fallback = max(known) if known else 1.0
        # Words outside the synonym table count for less: a word that is rare in the library but
        # common in English ("idea", "times") should not outweigh the question's medical words.
        weighted = tuple(
            Concept(
                c.label,
                tuple((p, q) for p, q in c.alternatives if phrase_df(p) > 0) or c.alternatives[:1],
                (fallback if w is None else w) * (1.0 if c.grouped else GENERAL_WORD),
                w is not None,
                c.grouped,
            )
            for c, w in zip(query.concepts, idfs, strict=True)
        )
        return Query(query.question, query.folded, weighted, query.question_types), df

    def _candidates(self, query: Query, df: dict[str, int]) -> list[Hit]:
        """Passages holding any phrase of the question, found through its less common phrases.

        Phrases most passages hold ("back", "pain") would fill the candidate list with passages
        that only repeat them; they still count when the candidates are scored.
        """
        limit = COMMON_SHARE * self.index.stats().passages
        present = [p for c in query.concepts for p in c.phrases() if min(df.get(t, 0) for t in p) > 0]
        rare = sorted((p for p in present if df[p[0]] <= limit), key=lambda p: df[p[0]]) or present
        # Bound the work of a search in a large index: the rarest phrases first, up to a budget of
        # postings (passages to rank).
        chosen: list[StemPhrase] = []
        postings = 0
        for phrase in rare:
            if chosen and postings + df[phrase[0]] > POSTINGS_BUDGET:
                break
            chosen.append(phrase)
            postings += df[phrase[0]]
        return self.index.search(chosen, CANDIDATES)

    def retrieve(self, question: str, limit: int = 8) -> Retrieval:
        """The passages that best answer ``question``, best first (at most ``limit``)."""
        query, df = self._weigh(analyse(question, self.vocabulary))
        if not query.concepts:
            return Retrieval(query, [])
        average = max(self.index.stats().average_length, 1.0)
        total = sum(c.weight for c in query.concepts) or 1.0
        total_cover = sum(c.weight**COVERAGE_POWER for c in query.concepts) or 1.0
        leading = [t for t in query.question_types if t.leads]
        scored = []
        for hit in self._candidates(query, df):
            counts = TermCounts(hit.terms)
            heading = TermCounts(heading_stems(hit.passage.heading))
            norm = K1 * (1 - B + B * len(hit.terms) / average)
            bm25 = cover = reach = 0.0
            matched: dict[int, float] = {}
            for number, concept in enumerate(query.concepts):
                tf, quality = counts.match(concept)
                # The heading (a knowledge item's name, a document's section title) counts twice.
                tf += heading.match(concept)[0] if heading.terms else 0.0
                if tf:
                    bm25 += concept.weight * tf * (K1 + 1) / (tf + norm)
                if quality:
                    matched[number] = quality
                    cover += concept.weight**COVERAGE_POWER * quality
                    reach += concept.weight
            share = cover / total_cover
            score = bm25 * (0.3 + 0.7 * share)
            if leading and any(
                t.answers.search(line) for t in leading for line in hit.passage.text.splitlines()
            ):
                score *= LEADING_PREFERENCE
            scored.append(Scored(hit, score, share, matched, reach / total))
        if self.semantic is not None and scored:
            similarities = self.semantic.similarities(question, [s.hit.passage.text for s in scored])
            top = max(s.score for s in scored) or 1.0
            scored = [
                Scored(s.hit, s.score + 0.5 * top * sim, s.coverage, s.matched, s.reach)
                for s, sim in zip(scored, similarities, strict=True)
            ]
        scored.sort(key=lambda s: (-s.score, s.hit.passage.id))
        return Retrieval(query, scored[:limit])
