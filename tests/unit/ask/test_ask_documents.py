"""Files become passages with a source id, a title and locators; bad files are refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from ask_helpers import HEAT_PAGE

from lumbar.ask import documents
from lumbar.ask.documents import MAX_BYTES, READER_VERSION, chunk, read_document
from lumbar.ask.readers import Block
from lumbar.errors import DocumentError


def test_a_text_file_becomes_passages_under_its_headings(tmp_path: Path) -> None:
    path = tmp_path / "Home Care.txt"
    path.write_text(HEAT_PAGE, encoding="utf-8")
    document = read_document(path)
    assert document.id == "home_care"
    assert document.title == "Back care at home"
    assert [p.locator for p in document.passages] == ["Heat", "Driving", "Stretches"]
    stretch = document.passages[2]
    assert (
        stretch.text
        == "For the cat stretch:\n- Get down on your hands and knees.\n- Arch your back up, then let it sag."
    )
    assert {p.source for p in document.passages} == {"home_care"}
    assert document.fingerprint.startswith(f"{READER_VERSION}:")


def test_paragraphs_without_a_heading_are_located_by_number() -> None:
    blocks = [Block("paragraph", "First paragraph has words."), Block("paragraph", "Second one " * 70)]
    passages = chunk(blocks, "doc", "Doc")
    assert [p.locator for p in passages] == ["paragraph 1", "paragraph 2"]


def test_a_table_of_contents_names_no_section() -> None:
    blocks = [Block("heading", h) for h in ("Contents", "Causes", "Treatment", "Prevention")]
    blocks.append(Block("paragraph", "The text that follows the contents list."))
    assert chunk(blocks, "doc", "Doc")[0].locator == "paragraph 1"


def test_html_and_markdown_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<title>Page A</title><p>Walk for thirty minutes each day.</p>", "utf-8")
    (tmp_path / "b.md").write_text("# Page B\n\nSwimming relaxes the back muscles.\n", "utf-8")
    assert read_document(tmp_path / "a.html").title == "Page A"
    assert read_document(tmp_path / "b.md").passages[0].locator == "Page B"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02PNG", "binary"),
        ("latin.txt", "caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
        ("empty.md", b"   \n\n", "no text"),
        ("scan.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_unreadable_files_raise_a_document_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        read_document(path)


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(DocumentError, match="folder"):
        read_document(tmp_path / "folder.txt")


def test_a_file_over_the_size_limit_is_refused_with_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "MAX_BYTES", 1_000_000)
    path = tmp_path / "huge.txt"
    path.write_text(HEAT_PAGE * (1_100_000 // len(HEAT_PAGE) + 1), encoding="utf-8")
    with pytest.raises(DocumentError, match=r"is 1\.1 MB, larger than the 1 MB lumbar reads; split it"):
        read_document(path)
    assert MAX_BYTES >= 15_000_000  # a 15 MB export is accepted


def test_a_device_is_not_read(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(Path("/dev/null"))  # old code read devices until memory ran out
