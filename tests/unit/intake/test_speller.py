"""The speller's list of ordinary English words, kept in the cache folder once read."""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from lumbar.intake import speller
from lumbar.intake.speller import EnglishWords, english_words


@pytest.fixture
def kept_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[set[str], Path]]:
    """The English words read once with the cache in ``tmp_path``, and the file they were kept in."""
    monkeypatch.setenv("LUMBAR_CACHE", str(tmp_path))
    english_words.cache_clear()
    try:
        words = english_words().as_set()
        (kept,) = tmp_path.glob("english-words-*.txt")
        yield words, kept
    finally:
        english_words.cache_clear()


def test_the_english_words_are_kept_in_the_cache_folder_and_read_back(
    kept_words: tuple[set[str], Path],
) -> None:
    words, kept = kept_words
    english_words.cache_clear()
    assert english_words().as_set() == words and "walk" in words and "fever" in words
    assert "" not in words and len(words) > 10_000
    kept.write_bytes(kept.read_bytes().replace(b"\nwalk\n", b"\nwalks\n"))  # damaged: read from the list
    english_words.cache_clear()
    assert english_words().as_set() == words
    assert kept.read_bytes().count(b"\nwalk\n") == 1  # and kept again, whole


def test_words_kept_from_another_list_under_the_same_name_are_not_read(
    kept_words: tuple[set[str], Path],
) -> None:
    words, kept = kept_words
    header, _, body = kept.read_bytes().partition(b"\n")
    assert header.startswith(f"{zlib.crc32(body):08x} ".encode())
    # another list whose stamp has the same checksum (one in four billion): its words, its stamp
    other = b"walk\nzzzz\n"
    kept.write_bytes(f"{zlib.crc32(other):08x} ".encode() + b'"another list"\n' + other)
    english_words.cache_clear()
    assert english_words().as_set() == words
    assert kept.read_bytes() == header + b"\n" + body  # and kept again from this list


def test_the_kept_lines_answer_as_the_set_does() -> None:
    words = english_words().as_set()
    lines = "".join(word + "\n" for word in sorted(words)).encode()
    assert all(speller._in_sorted_lines(lines, word) for word in sorted(words)[:: len(words) // 500])
    others = ["", "\n", "walk\nfever", "zzzzq", "walkk", "Walk", "\ud800", "café", "aa", "~"]
    others += [word + "q" for word in sorted(words)[:: len(words) // 100]]
    assert [speller._in_sorted_lines(lines, word) for word in others] == [word in words for word in others]


@pytest.mark.parametrize("word", ["a", "walk", "fever", "zygote", "zzzzq", "aaaa"])
def test_halving_finds_every_line_and_nothing_else(word: str) -> None:
    lines = b"a\nback\nfever\nwalk\nwalking\nzygote\n"
    assert speller._in_sorted_lines(lines, word) == (word.encode() + b"\n" in b"\n" + lines)


def test_asked_often_the_words_are_read_into_a_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speller, "SEARCHED_WORDS", 3)
    words = EnglishWords(b"back\nfever\nwalk\n")
    assert ["walk" in words, "pain" in words, "back" in words] == [True, False, True]
    assert words._set is None  # searched in the lines so far
    assert ("fever" in words, "pain" in words) == (True, False)
    assert words._set == frozenset({"back", "fever", "walk"})


def test_the_delete_index_is_had_on_first_use_and_kept_apart_from_the_speller() -> None:
    built: list[dict[str, str]] = []

    def keep(build: Callable[[], dict[str, str]]) -> dict[str, str]:
        built.append(build())
        return built[-1]

    kept_apart = speller.Speller({"fever", "fevers", "leg"}, keep=keep)
    assert kept_apart.corrections("a leg") == {} and built == []  # no long word outside the lexicon
    assert kept_apart.corrections("a fevr") == {"fevr": "fever"} and len(built) == 1
    assert kept_apart.deletes is built[0]
    plain = speller.Speller({"fever", "fevers", "leg"})
    assert plain.deletes  # built, then the speller pickled
    again = pickle.loads(pickle.dumps(plain))
    assert again._deletes is None and again.vocabulary == plain.vocabulary
    assert again.deletes == plain.deletes == built[0]


def test_the_delete_index_holds_plain_strings_of_the_words_it_points_to() -> None:
    index = speller.Speller({"fever", "fevers", "leg"}).deletes
    assert index["fever"] == "fever fevers" and index["fevr"] == "fever"
    assert "leg" not in index  # shorter than MIN_FUZZY_LEN: never corrected into
    assert all(type(words) is str for words in index.values())
