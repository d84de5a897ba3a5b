"""Adversarial texts for the engines, in families, each built from a seeded random source.

Shared by the fuzz tests, the linear-reading test and the benchmarks (``benchmarks/linear_reading.py``,
``benchmarks/fuzz_texts.py``), so that all of them mean the same thing by a family. Every builder
takes a ``random.Random``, a length in characters and the :class:`Words` to draw from, and returns a
text of about that length (never longer); the same seed gives the same text. The words come from the knowledge base itself: its lay
phrases, its ConText triggers and its text-speak table, so that the reader has as much work to do
as a text can give it.

The *reading* families are English enough for ``check_text`` to accept at any length; the *noise*
families (Unicode noise, numbers of every kind, control characters, huge repetitions) may be
refused, which is then a documented :class:`lumbar.errors.InputError`.
"""

from __future__ import annotations

import gc
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from lumbar.assessor import AssessmentEngine
from lumbar.intake.validate import check_text
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import ContextCategory

Builder = Callable[[random.Random, int, "Words"], str]

#: invisible and layout characters people paste from phones: zero-width space, non-joiner and joiner,
#: word joiner, soft hyphen, byte-order mark, bidi marks, embeddings, overrides and isolates.
FORMAT_CHARS = (
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: control characters that are not NUL (check_text refuses NUL, and more than three controls).
CONTROL_CHARS = "\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f"
#: characters whose case or compatibility forms are tricky: dotted and dotless i, long s, Kelvin
#: sign, ligatures, full-width letters, ordinal and degree signs, fractions, superscripts, combining
#: accents, other scripts' digits, line and paragraph separators, emoji.
TRICKY_CHARS = (
    "\u0130\u0131\u017f\u212a\ufb01\ufb00\uff42\uff41\uff43\uff4b\u00ba\u00b0\u00bd\u00b2\u0301\u0308"
    "\u0663\u0665\u096a\U0001d7d1\u2028\u2029\u00a0\u3000\u01c5\u00df\U0001f600\u2019\u201c\u2014\u2212"
)
#: words common enough in English that check_text reads the text as English.
FILLER = "i my the and it is have had a of to in with back pain since after".split()
NUMBER_TEMPLATES = (
    "I am {age} years old",
    "aged {age}",
    "{age} yo",
    "{age}F",
    "{age} M,",
    "temperature {temp_c} C",
    "temp was {temp_f} F",
    "fever of {temp_c}°",
    "{temp_f} degrees",
    "pain {score}/10",
    "{score} out of 10",
    "for {n} weeks",
    "since {n} days",
    "{n} days ago",
    "for the past {n} hours",
    "{weeks} weeks pregnant",
    "I'm {weeks} weeks",
    "my son is {months} months",
    "lost {n} kg",
    "{n} times a day",
    "at {n}am",
    "in my {decade}0s",
)


@dataclass(frozen=True)
class Words:
    """What the builders draw from: the knowledge base's phrases, triggers and text-speak."""

    phrases: tuple[str, ...]  # lay phrases of the findings, present and absent forms
    negations: tuple[str, ...]  # ConText triggers that negate forward ("no", "denies", ...)
    triggers: tuple[str, ...]  # every ConText trigger but terminators and pseudo-triggers
    shorthand: dict[str, tuple[str, ...]]  # a plain word -> its text-speak spellings
    vocabulary: tuple[str, ...]  # every word of the phrases

    def narrowed(self, rng: random.Random, size: int) -> Words:
        """The same words with only ``size`` of the phrases (and their words), drawn with ``rng``."""
        phrases = tuple(sorted(rng.sample(self.phrases, size)))
        vocabulary = tuple(sorted({w for p in phrases for w in p.split() if w.isalpha()}))
        return replace(self, phrases=phrases, vocabulary=vocabulary)


@cache
def words() -> Words:
    """The builders' words, from the packaged knowledge base (loaded once)."""
    kb = load_knowledge()
    phrases = sorted({p.lstrip("=") for f in kb.findings.values() for p in (*f.synonyms, *f.absent_synonyms)})
    rules = kb.context_rules
    negations = sorted(
        {r.literal for r in rules if r.category is ContextCategory.NEGATED and r.direction == "forward"}
    )
    inert = (ContextCategory.TERMINATE, ContextCategory.PSEUDO)
    triggers = sorted({r.literal for r in rules if r.category not in inert})
    shorthand: dict[str, list[str]] = {}
    for entry in kb.shorthand:
        shorthand.setdefault(entry.reads_as.lower(), []).append(entry.written)
    vocabulary = sorted({w for p in phrases for w in p.split() if w.isalpha()})
    return Words(
        phrases=tuple(phrases),
        negations=tuple(negations),
        triggers=tuple(triggers),
        shorthand={k: tuple(v) for k, v in shorthand.items()},
        vocabulary=tuple(vocabulary),
    )


def fill(rng: random.Random, length: int, unit: Callable[[random.Random], str], sep: str = " ") -> str:
    """Units joined by ``sep`` up to ``length`` characters, cut back to the last whole unit."""
    parts: list[str] = []
    size = 0
    while True:
        piece = unit(rng)
        extra = len(piece) + (len(sep) if parts else 0)
        if size + extra > length:
            break
        parts.append(piece)
        size += extra
    return sep.join(parts)


def negations(rng: random.Random, length: int, w: Words) -> str:
    """A negation before every phrase ("no back pain no numbness no fever ..."), no punctuation."""
    return fill(rng, length, lambda r: f"{r.choice(w.negations)} {r.choice(w.phrases)}")


def context_triggers(rng: random.Random, length: int, w: Words) -> str:
    """Two ConText triggers before every phrase ("my mother had possibly saddle numbness if ...")."""
    return fill(rng, length, lambda r: f"{r.choice(w.triggers)} {r.choice(w.triggers)} {r.choice(w.phrases)}")


def symptom_list(rng: random.Random, length: int, w: Words) -> str:
    """One long comma list of phrases ("back pain, numbness, fever, ..."), as pasted from a form."""
    return fill(rng, length, lambda r: r.choice(w.phrases), sep=", ")


def no_punctuation(rng: random.Random, length: int, w: Words) -> str:
    """Phrases and filler words run together with no punctuation at all: one clause of any length."""
    return fill(rng, length, lambda r: f"{r.choice(w.phrases)} {r.choice(FILLER)}")


def numbers(rng: random.Random, length: int, w: Words) -> str:
    """Ages, temperatures, pain scores, durations and weeks of pregnancy among the phrases."""

    def unit(r: random.Random) -> str:
        number = r.choice(NUMBER_TEMPLATES).format(
            age=r.randint(1, 110),
            temp_c=round(r.uniform(34, 42), 1),
            temp_f=round(r.uniform(95, 106), 1),
            score=r.randint(0, 10),
            n=r.choice([1, 2, 3, 5, 10, 12, 24, 48, 100]),
            weeks=r.randint(4, 42),
            months=r.randint(1, 23),
            decade=r.randint(1, 9),
        )
        return f"{number} {r.choice(w.phrases)}{r.choice(['.', ',', '', ' and'])}"

    return fill(rng, length, unit)


def misspell(rng: random.Random, word: str) -> str:
    """``word`` with one slip: two letters swapped, one left out, one doubled or one wrong."""
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeioustrn") + word[i + 1 :]


def misspellings(rng: random.Random, length: int, w: Words) -> str:
    """Phrases with a slip in most long words, as typed on a phone ("numbnes", "feever")."""

    def unit(r: random.Random) -> str:
        slipped = " ".join(misspell(r, x) if r.random() < 0.7 else x for x in r.choice(w.phrases).split())
        return f"{slipped} {r.choice(FILLER)}{r.choice(['.', ',', ''])}"

    return fill(rng, length, unit)


def text_speak(rng: random.Random, length: int, w: Words) -> str:
    """Phrases with their words in text-speak ("cnt feel my bk 2day", "w/o", "&")."""

    def unit(r: random.Random) -> str:
        out = []
        for word in f"{r.choice(FILLER)} {r.choice(w.phrases)}".split():
            spellings = w.shorthand.get(word.lower())
            out.append(r.choice(spellings) if spellings and r.random() < 0.8 else word)
        return " ".join(out) + r.choice(["", " lol", " :(", "!!", "..", " & ", " + "])

    return fill(rng, length, unit)


def word_salad(rng: random.Random, length: int, w: Words) -> str:
    """Words of the lexicon's phrases in random order, one in three a common word (so that the text
    still reads as English), with an occasional comma or full stop."""

    def unit(r: random.Random) -> str:
        word = r.choice(FILLER) if r.random() < 0.33 else r.choice(w.vocabulary)
        return word + r.choice(["", "", "", "", ",", "."])

    return fill(rng, length, unit)


@cache
def case_texts() -> tuple[str, ...]:
    """The honest descriptions of the labelled intake cases (tests/cases/intake.jsonl)."""
    lines = (
        (Path(__file__).resolve().parent / "cases" / "intake.jsonl").read_text(encoding="utf-8").splitlines()
    )
    return tuple(json.loads(line)["text"] for line in lines if line.strip())


def noisy_cases(rng: random.Random, length: int, w: Words) -> str:
    """Honest descriptions one after another, with invisible and tricky characters, phrases and
    numbers put in here and there."""
    odd = FORMAT_CHARS + TRICKY_CHARS

    def unit(r: random.Random) -> str:
        text = r.choice(case_texts())
        for _ in range(r.randint(0, 4)):
            bit = r.choice([r.choice(odd), f" {r.choice(w.phrases)} ", f" {r.randint(0, 120)} "])
            at = r.randint(0, len(text))
            text = text[:at] + bit + text[at:]
        return text

    return fill(rng, length, unit)


def unicode_noise(rng: random.Random, length: int, w: Words) -> str:
    """Phrases with invisible, control and tricky characters inside and between their words."""
    # control characters in one text of four: more than three of them make the text "binary"
    odd = FORMAT_CHARS + TRICKY_CHARS + (CONTROL_CHARS if rng.random() < 0.25 else "")

    def unit(r: random.Random) -> str:
        text = list(r.choice(w.phrases))
        for _ in range(r.randint(0, 3)):
            text.insert(r.randint(0, len(text)), r.choice(odd))
        return "".join(text)

    return fill(rng, length, unit, sep=rng.choice([" ", " \u200b", "\u00a0", "\n", " , "]))


def any_numbers(rng: random.Random, length: int, w: Words) -> str:
    """Numbers of every kind next to the words that give them a meaning: huge, negative, exponents,
    fractions, other scripts' digits, unit letters, dates and times."""

    def number(r: random.Random) -> str:
        kind = r.randrange(10)
        if kind == 0:
            return str(r.randint(0, 10 ** r.randint(1, 60)))
        if kind == 1:
            return repr(r.uniform(-1e6, 1e6))
        if kind == 2:
            return f"{r.uniform(0, 10):.{r.randint(0, 9)}f}"
        if kind == 3:
            return r.choice(["1e400", "-0", "0.0", "NaN", "inf", "1,000,000", "1.2.3", "..5", "5..", "007"])
        if kind == 4:
            return r.choice(["½", "¾", "²", "٣٥", "४२", "𝟑𝟖", "３８.５", "10⁶"])
        if kind == 5:
            return f"{r.randint(1, 31)}/{r.randint(1, 12)}/{r.randint(0, 2100)}"
        if kind == 6:
            return f"{r.randint(0, 23)}:{r.randint(0, 59):02d}"
        return str(r.randint(0, 200))

    def unit(r: random.Random) -> str:
        after = r.choice(
            ["", " ", "°", " °F", "C", " years", " yo", "/10", " out of 10", " weeks", " days ago"]
        )
        before = r.choice(["", "temp ", "age ", "I am ", "for ", "pain ", "since "])
        return f"{before}{number(r)}{after} {r.choice(w.phrases)}"

    return fill(rng, length, unit, sep=rng.choice([" ", ", ", ". "]))


def repetition(rng: random.Random, length: int, w: Words) -> str:
    """One short piece (a phrase, a character or a number) repeated to the length."""
    piece = rng.choice([rng.choice(w.phrases) + " ", "no ", "a", "9", ".", "!", "\u200b", "back pain, "])
    return (piece * (length // len(piece) + 1))[:length]


def random_unicode(rng: random.Random, length: int, w: Words) -> str:
    """Code points from the whole range (surrogates left out), among a few English words."""

    def unit(r: random.Random) -> str:
        if r.random() < 0.8:  # mostly English words, so that some texts get past the language check
            return r.choice(FILLER)
        chars = []
        for _ in range(r.randint(1, 4)):
            code = r.randint(1, 0x10FFFF)
            chars.append(chr(code) if not 0xD800 <= code <= 0xDFFF else "?")
        return "".join(chars)

    return fill(rng, length, unit)


#: families that an honest text could look like: check_text reads them as English at any length.
READING_FAMILIES: dict[str, Builder] = {
    "noisy_cases": noisy_cases,
    "negations": negations,
    "context_triggers": context_triggers,
    "symptom_list": symptom_list,
    "no_punctuation": no_punctuation,
    "numbers": numbers,
    "misspellings": misspellings,
    "text_speak": text_speak,
    "word_salad": word_salad,
}
#: families of noise: some of their texts are refused with InputError, none may crash.
NOISE_FAMILIES: dict[str, Builder] = {
    "unicode_noise": unicode_noise,
    "any_numbers": any_numbers,
    "repetition": repetition,
    "random_unicode": random_unicode,
}
FAMILIES: dict[str, Builder] = {**READING_FAMILIES, **NOISE_FAMILIES}


def build(family: str, seed: int, length: int, phrases: int | None = None) -> str:
    """The text of ``family`` for ``seed``, of at most ``length`` characters; with ``phrases``, drawn
    from only that many of the lexicon's phrases (the same ones for every seed)."""
    w = words() if phrases is None else words().narrowed(random.Random(family), phrases)
    return FAMILIES[family](random.Random(seed), length, w)


def best_read_seconds(
    engine: AssessmentEngine, family: str, length: int, runs: int, first_seed: int, phrases: int | None = None
) -> float:
    """The least CPU time of checking and reading ``runs`` fresh texts of ``family`` and ``length``
    (seeds from ``first_seed``), the garbage collector held off while timing, as ``timeit`` does."""
    best = float("inf")
    for run in range(runs):
        text = build(family, seed=first_seed + run, length=length, phrases=phrases)
        gc.collect()
        gc.disable()  # a full collection landing in one run is noise, not reading
        try:
            started = time.process_time()
            check_text(text)
            engine.read(text)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best
