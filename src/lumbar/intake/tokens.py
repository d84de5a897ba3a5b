"""Split text into normalised word tokens that remember where they came from.

Contractions are expanded ("don't" -> "do not") and every way of saying "cannot" becomes one token,
so a negation trigger "not" never fires inside "can't pee". Each token keeps its character span in
the original text, so findings can quote the words they came from.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import NamedTuple

from lumbar.intake.caseless import Caseless

#: words, numbers and punctuation; a dash standing alone ("numbness - no", a list's "- ") is punctuation.
#: Part of each Shorthand's pattern: the engine reads with the knowledge base's Shorthand, so a one-shot
#: assessment never compiles it alone (3.7 M instructions).
_TOKEN = r"\d+(?:\.\d+)?|[a-z]+(?:['’][a-z]+)?|[.,;:!?\n]|(?<!\S)[-–—](?!\S)"
#: punctuation that ends a clause for matching; sentence enders also end ConText scopes.
SENTENCE_END = {".", ";", "!", "?", "\n", ":"}
PUNCT = SENTENCE_END | {",", "-", "–", "—"}

_CONTRACTIONS = {
    "can't": ["cannot"],
    "cant": ["cannot"],
    "couldn't": ["cannot"],
    "couldnt": ["cannot"],
    "won't": ["will", "not"],
    "wont": ["will", "not"],
    "i'm": ["i", "am"],
    "im": ["i", "am"],
    "it's": ["it", "is"],
    "he's": ["he", "is"],
    "she's": ["she", "is"],
    "that's": ["that", "is"],
    "there's": ["there", "is"],
    "i've": ["i", "have"],
    "i'd": ["i", "would"],
    "i'll": ["i", "will"],
    "don't": ["do", "not"],
    "dont": ["do", "not"],
    "doesn't": ["does", "not"],
    "doesnt": ["does", "not"],
    "didn't": ["did", "not"],
    "didnt": ["did", "not"],
    "haven't": ["have", "not"],
    "havent": ["have", "not"],
    "hasn't": ["has", "not"],
    "hadn't": ["had", "not"],
    "isn't": ["is", "not"],
    "isnt": ["is", "not"],
    "aren't": ["are", "not"],
    "wasn't": ["was", "not"],
    "weren't": ["were", "not"],
    "shouldn't": ["should", "not"],
    "wouldn't": ["would", "not"],
}
#: multi-word spellings of "cannot", merged into one token.
_CANNOT_PHRASES = (
    ("can", "not"),
    ("could", "not"),
    ("unable", "to"),
    ("not", "been", "able", "to"),
    ("not", "able", "to"),
    ("was", "not", "able", "to"),
)


class Token(NamedTuple):
    """One normalised word (or punctuation mark) and its span in the original text (a named tuple:
    a long text has thousands, and tuples are made fastest)."""

    text: str
    stem: str
    start: int
    end: int

    @property
    def is_punct(self) -> bool:
        return self.text in PUNCT


_SUFFIXES = ("ies", "ness", "ing", "ed", "es", "s", "ly")


#: words the suffix rules get wrong: forms of "go", and "spotting" (bleeding), which is not a "spot".
_IRREGULAR = {"goes": "go", "going": "go", "gone": "go", "went": "go", "spotting": "spotting"}


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """A light suffix-stripping stemmer: enough to match "spasming" with "spasm", "legs" with "leg"."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    base = word
    verb_ending = False
    if base.endswith("ies") and len(base) > 4:
        base = base[:-3] + "y"
    elif base.endswith("ness") and len(base) > 6:
        base = base[:-4]
    elif base.endswith("ing") and len(base) > 5:
        base = base[:-3]
        verb_ending = True
    elif base.endswith("ed") and len(base) > 4 and not base.endswith("eed"):
        base = base[:-2]
        verb_ending = True
    elif base.endswith("es") and len(base) > 4 and base[-3] in "sxz":
        base = base[:-2]
    elif base.endswith("s") and not base.endswith("ss") and len(base) > 3:
        base = base[:-1]
    # "stopped" -> "stopp" -> "stop"; only after -ing/-ed, so "butt" stays "butt" (not "but")
    if verb_ending and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "slz":
        base = base[:-1]
    if len(base) > 3 and base.endswith("e"):
        base = base[:-1]
    return base


class Shorthand:
    """Written forms read as other words ("cnt" -> "cannot", "2day" -> "today"), from the knowledge base."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self.table = {written.lower(): tuple(read.lower().split()) for written, read in table.items()}
        self._parts: dict[str, tuple[str, ...]] = {}
        # forms with digits or a slash ("2day", "w/o") are not words to the plain tokenizer
        odd = sorted((w for w in self.table if not w.isalpha()), key=len, reverse=True)
        # matched over the lower-cased text, as IGNORECASE would match it over the text (``strict``): the
        # case-insensitive pattern costs twice as much to compile (8.8 M instructions against 4.0)
        self.pattern = Caseless(
            (
                r"(?<![a-z0-9])(?:"
                + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in odd)
                + r")(?![a-z0-9])|"
                if odd
                else ""
            )
            + _TOKEN,
            strict=True,
        )

    def parts(self, word: str) -> tuple[str, ...]:
        """The words a written word reads as: its shorthand's reading, its contraction opened ("don't" ->
        "do not"), else the word itself (each written word worked out once, then remembered)."""
        parts = self._parts.get(word)
        if parts is None:
            if len(self._parts) > _MAX_REMEMBERED:
                self._parts.clear()
            parts = self._parts[word] = _parts(word.replace("’", "'"), self.table)
        return parts


#: written words remembered by a Shorthand before it forgets them all and starts again.
_MAX_REMEMBERED = 50_000


def _parts(word: str, table: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    expanded = table.get(" ".join(word.split()))
    if expanded is not None:
        return tuple(_expand(expanded))
    parts = _CONTRACTIONS.get(word)
    if parts is None and word.endswith("n't"):
        parts = [word[:-3], "not"]
    if parts is None and "'" in word:
        parts = [word.split("'")[0]]
    return tuple(parts or [word])


@cache
def _no_shorthand() -> Shorthand:
    return Shorthand({})


def tokenize(
    text: str, spell: dict[str, str] | None = None, shorthand: Shorthand | None = None
) -> list[Token]:
    """Normalised tokens of ``text``; ``spell`` maps misspelt words to known ones, ``shorthand``
    expands text-speak and learners' spellings (none by default)."""
    if shorthand is None:
        shorthand = _no_shorthand()
    raw: list[tuple[str, int, int]] = []
    runs = [start for start, _ in _ELONGATED.spans(text)]  # where a letter is typed 3+ times running
    may_say_cannot = False
    for start, end in shorthand.pattern.spans(text):
        word = text[start:end].lower()
        if runs and _holds(runs, start, end):
            word = _squeeze(word)
        for part in shorthand.parts(word):
            raw.append((part, start, end))
            may_say_cannot = may_say_cannot or part in _CANNOT_BY_FIRST
    merged = _merge_cannot(raw) if may_say_cannot else raw
    make = Token._make  # tuple.__new__ itself, without the named tuple's Python-level __new__
    tokens = []
    for word, start, end in merged:
        if spell and word in spell:
            word = spell[word]
        tokens.append(make((word, stem(word), start, end)))
    return tokens


def _squeeze(word: str) -> str:
    """A letter typed three or more times in a row counts twice: "feeeel" -> "feel", "numbbb" -> "numbb"
    (which the speller then reads as "numb"); no English word has a letter three times running."""
    return re.sub(_ELONGATED.pattern, r"\1\1", word, flags=re.IGNORECASE) if len(word) > 2 else word


#: a letter typed three or more times running, whatever its case
_ELONGATED = Caseless(r"([a-z])\1{2,}", strict=True)


def _holds(positions: list[int], start: int, end: int) -> bool:
    """True when one of the sorted ``positions`` lies in [start, end)."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _expand(words: tuple[str, ...]) -> list[str]:
    """Words of a shorthand's reading, with their contractions opened ("cnt" -> "can't" -> "cannot")."""
    out: list[str] = []
    for word in words:
        out.extend(_CONTRACTIONS.get(word, [word]))
    return out


#: the spellings of "cannot" by their first word: most tokens start none of them.
_CANNOT_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _CANNOT_PHRASES:
    _CANNOT_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)


def _merge_cannot(raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(raw):
        for phrase in _CANNOT_BY_FIRST.get(raw[i][0], ()):
            n = len(phrase)
            if tuple(w for w, _, _ in raw[i : i + n]) == phrase:
                out.append(("cannot", raw[i][1], raw[i + n - 1][2]))
                i += n
                break
        else:
            out.append(raw[i])
            i += 1
    return out


def phrase_stems(phrase: str) -> tuple[str, ...]:
    """The stems of a lexicon phrase, punctuation dropped."""
    return tuple(t.stem for t in tokenize(phrase) if not t.is_punct)
