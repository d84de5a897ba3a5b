"""Spelling correction against the lexicon: a misspelt word one edit from a lexicon word is read as it.

Only words that are not ordinary English are corrected: "said" is never "slid", "three" never "there".
What counts as ordinary English comes from pyspellchecker's English word-frequency list (MIT; loaded once,
on the first word that needs it). Among the lexicon words one edit away, the likeliest slip wins when it
is alone of its kind.
"""

from __future__ import annotations

import importlib.util
import json
import zlib
from collections import defaultdict
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import IO, Any

from lumbar.cache_setting import cache_folder
from lumbar.intake.tokens import Token, stem, tokenize
from lumbar.knowledge.compiled import write_whole

#: the shortest word corrected ("feer" -> "fever", "niht" -> "night").
MIN_FUZZY_LEN = 4
#: the longest word corrected: no lexicon word is longer, and a one-edit lookup costs the square of the length.
MAX_FUZZY_LEN = 30
#: a word seen this often in the English frequency list is a real word, never a typo.
ENGLISH_MIN_COUNT = 100


#: words asked of the kept list by binary search before it is read into a set: a one-shot command
#: asks about a few words, and splitting the list into a set costs about as much as 500 searches.
SEARCHED_WORDS = 200


class EnglishWords:
    """Ordinary English words, asked one at a time.

    Held as the kept list's sorted lines and searched by halving (about 17 steps a word); once
    :data:`SEARCHED_WORDS` words have been asked, as a set, which a warm process asks fastest.
    """

    __slots__ = ("_asked", "_lines", "_set")

    def __init__(self, lines: bytes, words: frozenset[str] | None = None) -> None:
        self._lines = lines  # UTF-8, sorted, each word followed by "\n"
        self._set = words
        self._asked = 0

    def __contains__(self, word: object) -> bool:
        if self._set is None:
            self._asked += 1
            if self._asked <= SEARCHED_WORDS:
                return isinstance(word, str) and _in_sorted_lines(self._lines, word)
            self._set = frozenset(self._lines.decode().split("\n")[:-1])
        return word in self._set

    def as_set(self) -> frozenset[str]:
        """Every word, as a set."""
        if self._set is None:
            self._set = frozenset(self._lines.decode().split("\n")[:-1])
        return self._set


def _in_sorted_lines(lines: bytes, word: str) -> bool:
    """True when ``word`` is a line of ``lines`` (sorted, each line ended by "\n"), found by halving.

    UTF-8 bytes sort as the code points they encode, so the order of the sorted words holds."""
    if "\n" in word:
        return False
    try:
        key = word.encode()
    except UnicodeEncodeError:  # a lone surrogate: no word of the list
        return False
    lo, hi = 0, len(lines)  # both at the start of a line (or the end)
    while lo < hi:
        start = max(lo, lines.rfind(b"\n", lo, (lo + hi) // 2) + 1)
        end = lines.find(b"\n", start)
        line = lines[start:end]
        if line == key:
            return True
        if line < key:
            lo = end + 1
        else:
            hi = start
    return False


@cache
def english_words() -> EnglishWords:
    """Ordinary English words (pyspellchecker's English frequency list, counts of at least ENGLISH_MIN_COUNT).

    Decoding the list's JSON costs a one-shot command about ten bare Python starts, so the words are
    kept in the cache folder once read, as sorted lines of text under their checksum, and searched
    there (:class:`EnglishWords`). The kept file is named by a checksum of the list's path, size and
    modification time and the threshold, which its first line repeats whole; finding it imports
    neither pyspellchecker nor ``importlib.resources``. A kept file that does not match its checksum,
    or was kept from another list, is written again. The checksums are CRC-32 (``zlib``), not SHA-256:
    ``hashlib`` cost a one-shot assessment 17 M instructions to load and start.
    """
    source = _english_list()
    folder = cache_folder()
    stamp = _stamp(source)
    kept = folder / f"english-words-{zlib.crc32(stamp.encode()):08x}.txt" if folder is not None else None
    if kept is not None:
        lines = _read_kept(kept, stamp)
        if lines is not None:
            return EnglishWords(lines)
    import gzip  # noqa: PLC0415 - only to build the kept words, never at a start that reads them

    counts: dict[str, int] = json.loads(gzip.decompress(source.read_bytes()))
    words = frozenset(word for word, count in counts.items() if count >= ENGLISH_MIN_COUNT)
    body = "\n".join(sorted(words)).encode()
    if kept is not None and words and not any("\n" in word for word in words):
        write_whole(kept, partial(_write_kept, body=body, stamp=stamp))
    return EnglishWords(body + b"\n", words)


def _english_list() -> Path:
    """pyspellchecker's English word-frequency list (found without importing the package)."""
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyspellchecker is not installed; reinstall lumbar", name="spellchecker")
    return Path(spec.submodule_search_locations[0]) / "resources" / "en.json.gz"


def _stamp(source: Path) -> str:
    """The list's path, size and modification time and the threshold, on one line."""
    stat = source.stat()
    return json.dumps(f"{source} {stat.st_size} {stat.st_mtime_ns} {ENGLISH_MIN_COUNT}")


def _write_kept(handle: IO[bytes], body: bytes, stamp: str) -> None:
    handle.write(f"{zlib.crc32(body):08x} {stamp}\n".encode() + body)


def _read_kept(path: Path, stamp: str) -> bytes | None:
    """The words kept in ``path`` (after a line of their checksum and ``stamp``, one word a line), each
    line ended by "\n"; None when missing, damaged or kept from another list."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, body = data.partition(b"\n")
    if not body or header != f"{zlib.crc32(body):08x} {stamp}".encode():
        return None
    return body + b"\n"


def is_english(word: str) -> bool:
    """True for an ordinary English word."""
    return word in english_words()


class Speller:
    """Corrects words one edit away from a known lexicon word (symmetric-delete lookup)."""

    def __init__(
        self,
        vocabulary: set[str],
        known: Callable[[str], bool] = is_english,
        keep: Callable[[Callable[[], dict[str, str]]], dict[str, str]] | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.known = known
        #: a word whose stem is a lexicon word's stem already matches it, so it is never "corrected"
        #: into another word ("stopping" is not "shopping", "looked" is not "locked").
        self.stems = {stem(word) for word in vocabulary}
        #: how the delete index is had: given its builder, builds it or reads it back from the cache
        #: folder (the lexicon's: :func:`lumbar.knowledge.derived.kept`); None: built here
        self.keep = keep
        self._deletes: dict[str, str] | None = None

    @property
    def deletes(self) -> dict[str, str]:
        """A word, or the word with one letter deleted -> the lexicon words it may come from, joined by
        spaces (see :func:`delete_index`).

        Had on first use, not with the speller: 4 texts in 10 of the labelled sets never ask it (every
        long word is a lexicon word or has a lexicon word's stem), and reading it back with the engine
        was a third of what a one-shot assessment read of the engine's tables (14 M instructions).
        """
        found = self._deletes
        if found is None:
            build = partial(delete_index, self.vocabulary)
            found = self._deletes = build() if self.keep is None else self.keep(build)
        return found

    def __getstate__(self) -> dict[str, Any]:
        """Kept without the delete index, which is kept apart and read on first use."""
        return {**vars(self), "_deletes": None}

    def corrections(self, text: str) -> dict[str, str]:
        """Misspelt word -> the lexicon word it most likely means, for the words of ``text``."""
        return self.corrections_of(tokenize(text))

    def corrections_of(self, tokens: list[Token]) -> dict[str, str]:
        """Misspelt word -> the lexicon word it most likely means, for the words of ``tokens``."""
        fixes: dict[str, str] = {}
        for tok in tokens:
            word = tok.text
            if (
                not MIN_FUZZY_LEN <= len(word) <= MAX_FUZZY_LEN
                or word in self.vocabulary
                or not word.isalpha()
            ):
                continue
            if word in fixes:
                continue
            if tok.stem in self.stems:
                continue
            candidates: set[str] = set()
            deletes = self.deletes
            for variant in _deletes(word) | {word}:
                near = deletes.get(variant)
                if near is not None:
                    candidates.update(near.split(" "))
            close = sorted(c for c in candidates if _one_edit(word, c))
            # asked last: the English word list is loaded only for a word that has a near lexicon word
            if not close or self.known(word):
                continue
            # the likeliest slip wins when it is alone of its kind: two letters swapped, then a letter
            # typed twice ("weeak" is "weak" before it is "week"), then a letter left out ("feer" is
            # "fever" before it is "feet"), then one too many, then a wrong letter
            for kind in range(5):
                best = [c for c in close if _edit_kind(word, c) == kind]
                if best:
                    if len(best) == 1:
                        fixes[word] = best[0]
                    break
        return fixes


def delete_index(vocabulary: set[str]) -> dict[str, str]:
    """Each lexicon word of :data:`MIN_FUZZY_LEN` letters or more, and each of it with one letter
    deleted -> the lexicon words it may come from, joined by spaces: plain strings read back from the
    cache folder three times faster than 12,000 sets, and the garbage collector never visits them."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in vocabulary:
        if len(word) >= MIN_FUZZY_LEN and word.isalpha():
            for variant in _deletes(word) | {word}:
                index[variant].add(word)
    return {variant: " ".join(sorted(words)) for variant, words in index.items()}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edit_kind(typed: str, known: str) -> int:
    """0 adjacent swap, 1 a letter typed twice, 2 a letter left out, 3 a letter too many, 4 a wrong
    letter (the two words are one edit apart)."""
    if len(typed) < len(known):
        return 2
    if len(typed) > len(known):
        doubled = any(
            typed[i] == typed[i + 1] and typed[:i] + typed[i + 1 :] == known for i in range(len(typed) - 1)
        )
        return 1 if doubled else 3
    diff = [i for i in range(len(typed)) if typed[i] != known[i]]
    return 0 if len(diff) == 2 else 4


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
