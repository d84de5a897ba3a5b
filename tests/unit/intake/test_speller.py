"""The speller's list of ordinary English words, kept in the cache folder once read."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumbar.intake.speller import english_words


def test_the_english_words_are_kept_in_the_cache_folder_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LUMBAR_CACHE", str(tmp_path))
    english_words.cache_clear()
    try:
        words = english_words()
        (kept,) = tmp_path.glob("english-words-*.txt")
        english_words.cache_clear()
        assert english_words() == words and "walk" in words and "fever" in words
        assert "" not in words and len(words) > 10_000
        kept.write_bytes(kept.read_bytes().replace(b"\nwalk\n", b"\nwalks\n"))  # damaged: read from the list
        english_words.cache_clear()
        assert english_words() == words
        assert kept.read_bytes().count(b"\nwalk\n") == 1  # and kept again, whole
    finally:
        english_words.cache_clear()
