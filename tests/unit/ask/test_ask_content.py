"""A file's kind is decided by its bytes as well as its name: binary content is refused whatever the
extension, and a file without an extension is read only when it looks like a document."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumbar.ask.content import decode_document, looks_like_prose
from lumbar.ask.documents import read_document
from lumbar.errors import DocumentError

PROSE = "Back care at home\n\nHeat relaxes tight muscles. Use a warm compress for fifteen minutes.\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + b"IHDR" * 10, "PNG image"),
        ("scan.txt", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "PDF file"),
        ("letter.md", b"PK\x03\x04word/document.xml", "ZIP archive"),
        ("page.html", b"\x1f\x8b\x08\x00compressed", "gzip"),
        ("notes.txt", b"\xff\xfeH\x00e\x00a\x00t\x00", "UTF-16"),
    ],
)
def test_binary_content_is_refused_whatever_the_extension(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        read_document(path)


def test_a_nul_byte_anywhere_marks_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_bytes(PROSE.encode() * 400 + b"\x00\x01\x02 trailing data")  # past the first 8 KB
    with pytest.raises(DocumentError, match="binary"):
        read_document(path)


def test_text_full_of_control_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "terminal.txt"
    path.write_bytes(b"\x1b[31mred\x1b[0m \x07\x08 " * 50 + PROSE.encode())
    with pytest.raises(DocumentError, match="control characters"):
        read_document(path)


def test_a_few_stray_control_characters_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "leaflet.txt"
    path.write_bytes(PROSE.encode() * 20 + b"\x0c page two\n" + PROSE.encode())
    assert read_document(path).title == "Back care at home"


def test_a_file_without_an_extension_is_read_when_it_is_prose(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text(PROSE, encoding="utf-8")
    document = read_document(path)
    assert document.id == "readme"
    assert "warm compress" in document.passages[0].text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "passwd_copy",
            "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n" * 3,
        ),
        (
            "id_key_copy",
            "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n" * 6
            + "-----END OPENSSH PRIVATE KEY-----\n",
        ),
        ("config", '{"port": 8080, "debug": true, "hosts": ["10.0.0.1", "10.0.0.2"]}\n'),
    ],
)
def test_a_file_without_an_extension_that_is_not_prose_is_refused(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"does not look like a document.*name it \.txt, \.md or \.html"):
        read_document(path)


def test_html_content_is_read_as_html_even_without_the_extension(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>Clinic page</title></head><body><p>Walk for thirty minutes.</p></body></html>"
    for name in ("saved_page", "saved_page.txt"):
        (tmp_path / name).write_text(page, encoding="utf-8")
        document = read_document(tmp_path / name)
        assert document.title == "Clinic page"
        assert document.passages[0].text == "Walk for thirty minutes."


def test_decode_names_the_kind_by_extension_and_content() -> None:
    assert decode_document(Path("a.md"), b"# Title\n\nSome words here.")[0] == "markdown"
    assert decode_document(Path("a.htm"), b"<p>Some words here.</p>")[0] == "html"
    assert decode_document(Path("a.TXT"), b"Some words here.")[0] == "text"
    with pytest.raises(DocumentError, match=r"unsupported file type '\.docx'"):
        decode_document(Path("a.docx"), b"Some words here.")


def test_prose_is_told_from_tables_and_keys() -> None:
    assert looks_like_prose("Rest for a day or two, then walk a little more each day.")
    assert not looks_like_prose("a1b2 c3d4 e5f6 g7h8")
    assert not looks_like_prose("two words")
