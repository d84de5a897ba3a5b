"""What kind of document a file holds, decided by its bytes as well as its name.

The name's extension proposes plain text, Markdown or HTML; the content must agree: binary files
(images, PDFs, archives, programs, databases) are refused whatever they are called, text must be
UTF-8, and a file without an extension is read only when its words look like prose or an HTML page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from lumbar.errors import DocumentError

DocumentKind = Literal["text", "markdown", "html"]

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: the extensions `lumbar docs add` reads (a file without one is judged by its content)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
#: the first bytes of common binary formats, and what to call them in a message
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word or Excel file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)
#: control characters (other than tab, line breaks and form feed) allowed per character of text
MAX_CONTROL_SHARE = 0.001
#: how much of a file without an extension is looked at to decide whether it is prose
PROSE_SAMPLE_CHARS = 65_536
#: share of its tokens that must be words for a file without an extension to count as prose
MIN_WORD_SHARE = 0.6
#: a word longer than this is not a word of prose (keys, hashes, base64)
MAX_WORD_CHARS = 30
_FOLLOWS = "lumbar reads plain text, Markdown and HTML; save it as one of those and add it again"
#: the control bytes counted against MAX_CONTROL_SHARE (all but tab, line breaks and form feed)
_CONTROL_BYTES = bytes(b for b in [*range(32), 127] if chr(b) not in "\t\n\r\f\v")
_PUNCTUATION = "\"'“”‘’()[]{}<>«».,;:!?*_…-–—/"


def decode_document(path: Path, data: bytes) -> tuple[DocumentKind, str]:
    """The kind and text of a file's bytes; DocumentError says why a file cannot be read."""
    suffix = path.suffix.lower()
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"{path}: unsupported file type {suffix!r}; {_FOLLOWS}")
    for signature, name in SIGNATURES:
        if data.startswith(signature):
            raise DocumentError(f"{path}: is a binary file ({name}), not a text document; {_FOLLOWS}")
    if b"\x00" in data:
        raise DocumentError(f"{path}: looks like a binary file; {_FOLLOWS}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: is not UTF-8 text (byte {exc.start}); save it as UTF-8 and add it again"
        ) from exc
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise DocumentError(f"{path}: holds {controls:,} control characters, so it looks binary; {_FOLLOWS}")
    kind = _kind(path, suffix, text)
    if kind is None:
        raise DocumentError(
            f"{path}: has no extension and does not look like a document; "
            "if it is one, name it .txt, .md or .html and add it again"
        )
    return kind, text


def _kind(path: Path, suffix: str, text: str) -> DocumentKind | None:
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES or _starts_as_html(text):
        return "html"
    if suffix in TEXT_SUFFIXES or looks_like_prose(text):
        return "text"
    return None


def _starts_as_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def looks_like_prose(text: str) -> bool:
    """True when most of the first tokens of ``text`` are words, as in sentences (not keys or tables)."""
    tokens = text[:PROSE_SAMPLE_CHARS].split()
    if len(tokens) < 3:
        return False
    words = sum(1 for token in tokens if _is_word(token))
    return words >= MIN_WORD_SHARE * len(tokens)


def _is_word(token: str) -> bool:
    core = token.strip(_PUNCTUATION)
    return 0 < len(core) <= MAX_WORD_CHARS and core.replace("'", "").replace("-", "").isalpha()
