"""Read a clinic's documents (plain text, Markdown, HTML) into passages.

Each reader turns a file into blocks (headings, paragraphs, list items); :func:`chunk` then
groups the blocks under each heading into passages of a few short paragraphs, keeping a list
with the sentence that introduces it. The source id is the file name's stem made into an id,
the title is the first line or heading, and the locator is the heading (or paragraph number).
Every passage is bounded in words and characters, however long the file's lines are.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lumbar.ask.cleaning import Cleaner, default_cleaner
from lumbar.ask.content import decode_document
from lumbar.ask.long_text import split_long
from lumbar.ask.passages import DOCUMENT, Passage
from lumbar.ask.readers import MAX_TITLE_CHARS, Block, html_blocks, markdown_blocks, short_title, text_blocks
from lumbar.ask.text import slugify
from lumbar.errors import DocumentError

#: bump when reading or chunking changes, so indexed documents are read again
READER_VERSION = "4"
#: the largest file `lumbar docs add` reads
MAX_BYTES = 20_000_000
#: this many headings in a row are a table of contents, not the heading of what follows
CONTENTS_RUN = 4
#: a passage grows by whole paragraphs up to about this many words
TARGET_WORDS = 110
#: no passage is longer than this many words or characters (longer paragraphs are cut)
MAX_PASSAGE_WORDS = 2 * TARGET_WORDS
MAX_PASSAGE_CHARS = 4_000

# "Read also: …" style cross-links: a short label, a colon, then a title.
_LINK_LABEL = re.compile(r"^[\w ]{2,25}:\s*\S")


@dataclass(frozen=True)
class Document:
    """A document read from disk: its id, title, path, fingerprint and passages."""

    id: str
    title: str
    path: str
    fingerprint: str
    passages: tuple[Passage, ...]


def _pick_heading(run: list[str]) -> str:
    """The heading of a run of consecutive headings: the last that is not a "Label: title" cross-link.

    A long run is a table of contents or a menu, which names no one section: no heading then.
    """
    if len(run) >= CONTENTS_RUN:
        return ""
    plain = [h for h in run if not _LINK_LABEL.match(h)]
    return (plain or run)[-1]


def bounded_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    """The blocks, with any too long for a passage cut at sentence or word boundaries.

    A heading too long to name a section is read as a paragraph.
    """
    for block in blocks:
        if block.kind == "heading" and len(block.text) > MAX_TITLE_CHARS:
            block = Block("paragraph", block.text)
        if block.kind == "heading":
            yield block
            continue
        for piece in split_long(block.text, MAX_PASSAGE_WORDS, MAX_PASSAGE_CHARS // 2):
            yield Block(block.kind, piece)


def chunk(blocks: Iterable[Block], doc_id: str, title: str) -> list[Passage]:
    """Group blocks into passages of a few paragraphs under one heading.

    No passage has more than MAX_PASSAGE_WORDS words or MAX_PASSAGE_CHARS characters.
    """
    passages: list[Passage] = []
    heading_run: list[str] = []
    heading = ""
    lines: list[str] = []
    words = 0
    chars = 0
    paragraph_number = 0
    first_paragraph = 0

    def flush() -> None:
        nonlocal lines, words, chars
        text = "\n".join(lines).strip()
        if len(text.split()) >= 3:
            locator = heading or f"paragraph {first_paragraph}"
            passages.append(
                Passage(
                    id=f"{doc_id}:{len(passages) + 1}",
                    text=text,
                    source=doc_id,
                    locator=locator,
                    title=title,
                    source_title=title,
                    kind=DOCUMENT,
                    heading=heading,
                )
            )
        lines, words, chars = [], 0, 0

    for block in bounded_blocks(blocks):
        if block.kind == "heading":
            if heading_run == [] and lines:
                flush()
            heading_run.append(block.text)
            continue
        if heading_run:
            heading = _pick_heading(heading_run)
            heading_run = []
        size = len(block.text.split())
        if lines and chars + len(block.text) + 3 > MAX_PASSAGE_CHARS:
            flush()
        if block.kind == "paragraph":
            paragraph_number += 1
            if lines and words + size > TARGET_WORDS:
                flush()
            if not lines:
                first_paragraph = paragraph_number
            lines.append(block.text)
        else:
            if lines and words + size > 2 * TARGET_WORDS:
                flush()
            if not lines:
                first_paragraph = max(paragraph_number, 1)
            lines.append(f"- {block.text}")
        words += size
        chars += len(block.text) + 3
    flush()
    return passages


def _read_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; DocumentError says what is wrong."""
    try:
        if path.is_dir():
            raise DocumentError(f"{path}: is a folder; pass the files inside it")
        if path.exists() and not path.is_file():
            raise DocumentError(f"{path}: is not a regular file (a device, pipe or socket); pass a document")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(_too_large(path, size))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the size may have grown since stat
    except FileNotFoundError as exc:
        raise DocumentError(f"{path}: no such file; check the path") from exc
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror})") from exc
    if len(data) > MAX_BYTES:
        raise DocumentError(_too_large(path, len(data)))
    return data


def _too_large(path: Path, size: int) -> str:
    return (
        f"{path}: is {size / 1_000_000:.1f} MB, larger than the {MAX_BYTES // 1_000_000} MB lumbar reads; "
        "split it into smaller files and add them"
    )


def read_document(path: Path, cleaner: Cleaner | None = None) -> Document:
    """Read one file into a :class:`Document`, without its clutter and misprinted sentences.

    Raises DocumentError when it cannot be read.
    """
    cleaner = cleaner if cleaner is not None else default_cleaner()
    data = _read_bytes(path)
    kind, text = decode_document(path, data)
    if kind == "markdown":
        title, blocks = markdown_blocks(text)
    elif kind == "html":
        title, blocks = html_blocks(text)
    else:
        title, blocks = text_blocks(text)
    doc_id = slugify(path.stem)
    title = short_title(title) or path.stem
    passages = chunk(cleaner.clean(blocks), doc_id, title)
    if not passages:
        raise DocumentError(f"{path}: holds no text to index")
    # The cleaning rules are part of the fingerprint: a new rule or misprint reads the file again.
    digest = hashlib.sha256(cleaner.fingerprint.encode() + b"\0" + data).hexdigest()[:16]
    return Document(doc_id, title, str(path), f"{READER_VERSION}:{digest}", tuple(passages))
