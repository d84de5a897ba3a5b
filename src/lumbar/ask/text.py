"""Words, stems and sentences: the text handling shared by the index, the questions and the answers."""

from __future__ import annotations

import re
import unicodedata

from lumbar.ask.stemmer import stem

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "cannot"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
)
_WORD = re.compile(r"[a-z0-9]+")
# A sentence ends at . ! or ? followed by space and a capital, a digit or an opening quote/bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')]?\s+(?=[A-Z0-9\"“(])")
_ABBREVIATIONS = ("dr.", "mr.", "mrs.", "ms.", "e.g.", "i.e.", "vs.", "etc.", "approx.", "st.", "no.", "fig.")


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``: accents dropped, curly quotes straightened, contractions opened."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return text


def words(text: str) -> list[str]:
    """The lower-case words and numbers of ``text``, in order (apostrophes join, other marks split)."""
    return _WORD.findall(fold(text).replace("'", ""))


def stems(text: str) -> list[str]:
    """The Porter stems of the words of ``text``, in order."""
    return [stem(word) for word in words(text)]


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping abbreviations such as "Dr." inside their sentence."""
    pieces = _SENTENCE_END.split(text.strip())
    sentences: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if sentences and sentences[-1].split()[-1].lower() in _ABBREVIATIONS:
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def squash_spaces(text: str) -> str:
    """``text`` with runs of white space made single spaces and the ends trimmed."""
    return " ".join(text.split())


def slugify(name: str) -> str:
    """An id of lower-case letters, digits and underscores: "Back Cramps (2012)" -> "back_cramps_2012"."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")
    return slug or "document"
