"""Refuse text that cannot be assessed, with a plain message: empty, too long, binary, not English."""

from __future__ import annotations

import re

from lumbar.errors import InputError
from lumbar.intake.speller import is_english

MAX_CHARS = 20_000
_COMMON_ENGLISH = frozenset(
    "i my me the a an and or but no not is am are was were have has had it in on at of to for with back "
    "pain since after when this that from he she his her been can cannot do does did feel get got very "
    "hurts hurt lower leg legs day days week weeks ago now yesterday today".split()
)
#: frequent words of other languages people may write in; none of them is common in English.
_COMMON_OTHER = frozenset(
    "el la los las del que y en un una es por con para mi muy desde pero tengo dolor espalda duele "
    "le les des du et est je une pas avec dans mon ma mal dos douleur "
    "der die das und ist ich nicht mit mein meine rücken schmerzen seit "
    "il lo gli di che non sono ho mio schiena "
    "os não eu com dor costas minha meu "
    "het een ik niet rug pijn".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def check_text(text: str) -> str:
    """Return ``text`` if lumbar can read it; raise InputError saying why not."""
    if not isinstance(text, str):
        raise InputError("the text must be a string of words")
    if len(text) > MAX_CHARS:  # first: the other checks read the whole text
        raise InputError(f"the text is {len(text):,} characters; please keep it under {MAX_CHARS:,}")
    if "\x00" in text or sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r") > 3:
        raise InputError("this looks like binary data, not a description; please write in words")
    if not text.strip():
        raise InputError("the text is empty: describe the back problem in a few words")
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        raise InputError("the text has no words: describe the back problem in a few words")
    non_latin = sum(1 for w in words if not w.isascii())
    if non_latin / len(words) > 0.3:
        raise InputError(
            "this does not look like English: lumbar reads English for now; please describe the problem in English"
        )
    english = sum(w in _COMMON_ENGLISH for w in words)
    other = sum(w in _COMMON_OTHER for w in words)
    if (other >= 2 and other > english) or (
        len(words) >= 6 and english / len(words) < 0.08 and not _mostly_english(words)
    ):
        raise InputError(
            "this does not look like English: lumbar reads English for now; please describe the problem in English"
        )
    return text


def _mostly_english(words: list[str]) -> bool:
    """True when most words are ordinary English, by the large English word list (asked only when the
    short list of common words finds too few: "period back ache again lol same as every month")."""
    return sum(is_english(w) for w in words) / len(words) >= 0.5
