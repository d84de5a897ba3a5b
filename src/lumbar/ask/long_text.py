"""Cut text too long for one passage into bounded pieces: at sentence ends, else between words.

A saved web page or an exported note can hold megabytes without a line break; indexed whole, it
would be one passage no answer could quote. Each piece keeps whole sentences when they fit, whole
words when a sentence is too long, and only a "word" longer than a whole piece (a hash, a run of
symbols) is cut where the piece is full. One pass over the text: the time is linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at . ! or ? (and any closing quote or bracket) followed by white space.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”')\]]*\s+")


def split_long(text: str, max_words: int, max_chars: int) -> list[str]:
    """``text`` as pieces of at most ``max_words`` words and ``max_chars`` characters each.

    White space inside the pieces becomes single spaces; text that fits is returned as it is.
    """
    if len(text) <= max_chars and len(text.split()) <= max_words:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    words, chars = 0, -1  # chars: the length of the pieces joined with spaces
    for unit in _units(text, max_words, max_chars):
        size = unit.count(" ") + 1
        if current and (words + size > max_words or chars + 1 + len(unit) > max_chars):
            pieces.append(" ".join(current))
            current, words, chars = [], 0, -1
        current.append(unit)
        words += size
        chars += 1 + len(unit)
    if current:
        pieces.append(" ".join(current))
    return pieces


def _units(text: str, max_words: int, max_chars: int) -> Iterator[str]:
    """Sentences that fit a piece, and runs of words (or slices of one long word) of those that do not."""
    for sentence in _SENTENCE_BREAK.split(text):
        tokens = sentence.split()
        if not tokens:
            continue
        if len(tokens) <= max_words and sum(map(len, tokens)) + len(tokens) - 1 <= max_chars:
            yield " ".join(tokens)
            continue
        for token in tokens:
            if len(token) <= max_chars:
                yield token
            else:
                yield from (token[i : i + max_chars] for i in range(0, len(token), max_chars))
