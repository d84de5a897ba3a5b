"""Readers that turn plain text, Markdown and HTML into blocks: headings, paragraphs and list items.

Each reader returns the document's title and its blocks in reading order; chunking them into
passages is :mod:`lumbar.ask.documents`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from lumbar.ask.text import squash_spaces

BlockKind = Literal["heading", "paragraph", "item"]
#: a list item longer than this is prose, and stands as a paragraph of its own
LONG_ITEM_WORDS = 40
#: a title is at most this long; a longer first line is content, and its first words the title
MAX_TITLE_CHARS = 200
#: the words a title taken from a paragraph keeps
TITLE_WORDS = 12
_LIST_MARKER = re.compile(r"^\s*(?:[-*•–·+▪◦]|\d{1,2}[.)])\s+")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’")


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item of a document, in reading order."""

    kind: BlockKind
    text: str


def _looks_like_heading(line: str) -> bool:
    n_words = len(line.split())
    return (
        0 < n_words <= 12
        and len(line) <= 90
        and not line.endswith(_SENTENCE_END)
        and (line[0].isupper() or line[0].isdigit())
    )


_DATE = re.compile(
    r"^((mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}$"
    r"|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$",
    re.IGNORECASE,
)


def _title_line(lines: list[str]) -> int:
    """Index of the title: a first line of four words or more, else the first line the page repeats.

    Web pages saved as text often start with a date, a breadcrumb or "You are here"; their title
    comes back later as a heading or inside a breadcrumb.
    """
    head = [
        (i, line)
        for i, line in enumerate(lines[:8])
        if not _DATE.match(line) and ">" not in line and not _LIST_MARKER.match(line)
    ]
    if not head:
        return 0
    if head[0][0] == 0 and len(head[0][1].split()) >= 4:
        return 0
    for i, line in head:
        if len(line.split()) >= 2 and any(line in other for j, other in enumerate(lines) if j != i):
            return i
    return head[0][0]


def short_title(text: str) -> str:
    """``text`` as a title: itself when short, else its first words (up to MAX_TITLE_CHARS) and "…"."""
    text = squash_spaces(text)
    if len(text) <= MAX_TITLE_CHARS:
        return text
    head = " ".join(text[:MAX_TITLE_CHARS].split()[:TITLE_WORDS])[: MAX_TITLE_CHARS - 1]
    return f"{head}…"


def text_blocks(text: str) -> tuple[str, list[Block]]:
    """Title and blocks of a plain-text document.

    Lines that continue a sentence (the line before has no closing mark and this one starts in
    lower case) are joined; short lines without a closing mark are headings; lines that start
    with a bullet or a number are list items.
    """
    logical: list[str] = []
    for raw in text.splitlines():
        line = squash_spaces(raw)
        continues = (
            logical
            and logical[-1]
            and line[:1].islower()
            and not logical[-1].endswith((".", "!", "?", ":"))
            and not _LIST_MARKER.match(line)
        )
        if continues:
            logical[-1] = f"{logical[-1]} {line}"
        else:
            logical.append(line)
    lines = [line for line in logical if line]
    if not lines:
        return "", []
    at = _title_line(lines)
    title, blocks = lines[at], []
    if len(title) > MAX_TITLE_CHARS:  # a paragraph, not a title: keep it as content
        title, at = short_title(title), at - 1
    for line in lines[at + 1 :]:
        marker = _LIST_MARKER.match(line)
        if marker:
            item = line[marker.end() :].strip()
            kind: BlockKind = "item" if len(item.split()) <= LONG_ITEM_WORDS else "paragraph"
            blocks.append(Block(kind, item))
        elif _looks_like_heading(line):
            blocks.append(Block("heading", line))
        else:
            blocks.append(Block("paragraph", line))
    return title, blocks


# --- Markdown ----------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links keep their words
    (re.compile(r"<[^>]+>"), ""),  # inline HTML tags
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])[*_](\S(?:.*?\S)?)[*_](?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`+"), ""),
)


def _md_inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return squash_spaces(text)


def _item_or_paragraph(text: str) -> Block:
    kind: BlockKind = "item" if len(text.split()) <= LONG_ITEM_WORDS else "paragraph"
    return Block(kind, text)


def markdown_blocks(text: str) -> tuple[str, list[Block]]:
    """Title and blocks of a Markdown document (ATX and Setext headings, lists, paragraphs; code skipped)."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    item: list[str] = []
    in_code = False
    lines = text.splitlines()
    if lines and lines[0].strip() == "---" and "---" in (s.strip() for s in lines[1:]):
        lines = lines[[s.strip() for s in lines].index("---", 1) + 1 :]  # front matter

    def flush() -> None:
        if paragraph:
            blocks.append(Block("paragraph", _md_inline(" ".join(paragraph))))
            paragraph.clear()
        if item:
            blocks.append(_item_or_paragraph(_md_inline(" ".join(item))))
            item.clear()

    for raw in lines:
        if _MD_FENCE.match(raw):
            flush()
            in_code = not in_code
            continue
        if in_code:
            continue
        line = raw.strip().lstrip(">").strip()
        heading = _MD_HEADING.match(raw)
        if heading:
            flush()
            blocks.append(Block("heading", _md_inline(heading.group(2))))
        elif _MD_SETEXT.match(raw) and len(paragraph) == 1 and not item:
            blocks.append(Block("heading", _md_inline(paragraph.pop())))
        elif _LIST_MARKER.match(raw):
            flush()
            item.append(raw[_LIST_MARKER.match(raw).end() :])  # type: ignore[union-attr]
        elif not line:
            flush()
        elif item and raw[:1] in (" ", "\t"):
            item.append(line)
        else:
            if item:
                flush()
            paragraph.append(line)
    flush()
    blocks = [b for b in blocks if b.text]
    title = next((b.text for b in blocks if b.kind == "heading"), "")
    if not title and blocks:
        title = " ".join(blocks[0].text[: MAX_TITLE_CHARS * 2].split()[:TITLE_WORDS])
    return title, blocks


# --- HTML --------------------------------------------------------------------------------------

_HTML_BLOCKS = {
    "p", "div", "section", "article", "main", "li", "td", "th", "tr", "table", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "figcaption", "caption", "header", "footer", "aside", "form",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_HTML_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "head", "iframe", "button", "select"}
_HTML_BREAKS = {"br", "hr"}


class _BlockParser(HTMLParser):
    """Collects the text of block elements; skips scripts, styles and navigation."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title = ""
        self._stack: list[str] = []
        self._skip = 0
        self._in_title = False
        self._buffer: list[str] = []

    def _flush(self) -> None:
        text = squash_spaces("".join(self._buffer))
        self._buffer = []
        if not text:
            return
        tag = next((t for t in reversed(self._stack) if t in _HTML_BLOCKS), "p")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.blocks.append(Block("heading", text))
        elif tag == "li":
            self.blocks.append(_item_or_paragraph(text))
        else:
            self.blocks.append(Block("paragraph", text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _HTML_SKIP:
            self._skip += 1
        elif tag in _HTML_BREAKS:
            self._flush()
        elif tag in _HTML_BLOCKS:
            self._flush()
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HTML_SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _HTML_BLOCKS:
            self._flush()
            if tag in self._stack:
                del self._stack[len(self._stack) - 1 - self._stack[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._buffer.append(data)


def html_blocks(text: str) -> tuple[str, list[Block]]:
    """Title (the <title>, else the first heading) and blocks of an HTML page."""
    parser = _BlockParser()
    parser.feed(text)
    parser.close()
    parser._flush()
    title = squash_spaces(parser.title) or next((b.text for b in parser.blocks if b.kind == "heading"), "")
    return title, parser.blocks
