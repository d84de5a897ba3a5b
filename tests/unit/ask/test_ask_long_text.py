"""Long unbroken text becomes many bounded passages, cut at sentence or word boundaries."""

from __future__ import annotations

from pathlib import Path

from lumbar.ask.documents import MAX_PASSAGE_CHARS, MAX_PASSAGE_WORDS, chunk, read_document
from lumbar.ask.long_text import split_long
from lumbar.ask.readers import MAX_TITLE_CHARS, Block

SENTENCE = "Heat relaxes tight muscles and eases the pain of a back spasm within a few days. "


def test_short_text_is_left_as_it_is() -> None:
    assert split_long("One  short sentence.", 10, 100) == ["One  short sentence."]


def test_pieces_end_at_sentence_ends_when_sentences_fit() -> None:
    text = "First one here. Second one is here! Third one? Fourth."
    assert split_long(text, 6, 1000) == ["First one here.", "Second one is here! Third one?", "Fourth."]


def test_a_sentence_too_long_is_cut_between_words() -> None:
    text = " ".join(f"w{i}" for i in range(25))
    pieces = split_long(text, 10, 1000)
    assert [len(p.split()) for p in pieces] == [10, 10, 5]
    assert " ".join(pieces) == text


def test_a_word_longer_than_a_piece_is_cut_where_the_piece_is_full() -> None:
    assert split_long("x" * 25, 10, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_a_15_mb_file_without_line_breaks_becomes_many_bounded_passages(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    text = SENTENCE * (15_000_000 // len(SENTENCE))
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert len(document.passages) > 10_000
    assert max(len(p.text.split()) for p in document.passages) <= MAX_PASSAGE_WORDS
    assert max(len(p.text) for p in document.passages) <= MAX_PASSAGE_CHARS
    assert all(p.text.endswith("days.") for p in document.passages)  # cut at sentence ends
    assert sum(len(p.text.split()) for p in document.passages) == len(text.split())  # no word lost
    assert len(document.title) <= MAX_TITLE_CHARS
    assert document.title == "Heat relaxes tight muscles and eases the pain of a back spasm…"


def test_a_long_markdown_heading_or_html_title_is_bounded(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# " + "word " * 5000 + "\n\nSome text under it here.\n", "utf-8")
    (tmp_path / "b.html").write_text(
        f"<title>{'Title ' * 5000}</title><p>Walk each day, gently.</p>", "utf-8"
    )
    for name in ("a.md", "b.html"):
        document = read_document(tmp_path / name)
        assert len(document.title) <= MAX_TITLE_CHARS
        assert all(len(p.heading) <= MAX_TITLE_CHARS for p in document.passages)
        assert max(len(p.text) for p in document.passages) <= MAX_PASSAGE_CHARS


def test_many_short_blocks_of_long_words_stay_within_the_character_bound() -> None:
    blocks = [Block("paragraph", f"{'a' * 900} {'b' * 900} {'c' * 100}") for _ in range(20)]
    passages = chunk(blocks, "doc", "Doc")
    assert len(passages) == 10  # two blocks of 1,902 characters fit in one passage, three do not
    assert max(len(p.text) for p in passages) <= MAX_PASSAGE_CHARS
