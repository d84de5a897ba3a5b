"""Passages: the pieces of text `lumbar ask` searches, and how the knowledge base becomes passages.

A passage keeps where it came from: its source id (a knowledge-base source or an added
document), a locator inside that source (a heading, paragraph or item id) and a title to show.
Its text is plain: paragraphs on their own lines, list items on lines that start with "- ".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lumbar.knowledge.loader import KnowledgeBase

KNOWLEDGE = "knowledge"
DOCUMENT = "document"
#: the source id of a knowledge item that cites no source
UNCITED_SOURCE = "lumbar_knowledge_base"

#: kind of knowledge item -> words added to its index entry, so "which test…" finds the tests
KIND_WORDS: dict[str, str] = {
    "causes": "cause",
    "rules": "",
    "specialists": "specialist doctor",
    "tests": "test",
    "treatments": "treatment",
    "prevention": "prevention prevent",
    "complications": "complication",
    "conflicts": "",
}
#: the label of an item's direct answer to "should I …?" (its ``advice``); answers show it without
ADVICE_LABEL = "In short"
#: text fields of knowledge items, in reading order, with the label put before them (None: no label)
TEXT_FIELDS: tuple[tuple[str, str | None], ...] = (
    ("advice", ADVICE_LABEL),
    ("explanation", None),
    ("text", None),
    ("reason", None),
    ("action", None),
    ("how", "How"),
    ("duration", "How long"),
    ("frequency", "How often"),
    ("dose_limits", "Limits"),
    ("stop_if", "Stop if"),
    ("expect", "What to expect"),
)


@dataclass(frozen=True)
class Passage:
    """One searchable piece of text with its source, locator and titles."""

    id: str
    text: str
    source: str
    locator: str
    title: str
    source_title: str
    kind: str = DOCUMENT
    #: words that describe the passage (its heading, item name) and are searched with the text
    heading: str = ""

    @property
    def searchable(self) -> str:
        """The text the index searches: the heading, then the passage."""
        return f"{self.heading}\n{self.text}" if self.heading else self.text


def _lines(value: Any, label: str | None) -> Iterator[str]:
    """Render one field as passage lines: a sentence, or a lead line followed by "- " items."""
    if value is None or value == "" or value == []:
        return
    if isinstance(value, list):
        items = [" ".join(str(v).split()) for v in value if str(v).strip()]
        if label:
            yield f"{label}:"
        yield from (f"- {item}" for item in items)
        return
    text = " ".join(str(value).split())
    yield f"{label}: {text}" if label else text


def _corrected(text: str, item: object) -> str:
    """``text`` with the misprint a conflict records replaced by the words meant."""
    misprint = getattr(item, "misprint", None)
    if misprint is None:
        return text
    return re.sub(re.escape(" ".join(misprint.says.split())), misprint.means, text, flags=re.IGNORECASE)


def _conflict_lines(item: object) -> Iterator[str]:
    for position in getattr(item, "positions", []):
        cited = ", ".join(dict.fromkeys(c.source for c in position.sources))
        yield f"One view ({cited}): {_corrected(' '.join(position.says.split()), item)}"
    follows = getattr(item, "follows", "")
    if follows:
        yield f"lumbar follows: {' '.join(follows.split())}"


def item_text(item: object) -> str:
    """The readable text of a knowledge item: its explanation, steps, timing, limits and reasons."""
    lines: list[str] = []
    if hasattr(item, "positions"):
        lines.extend(_conflict_lines(item))
        lines.extend(_lines(getattr(item, "reason", None), "Why"))
        return "\n".join(lines)
    for field, label in TEXT_FIELDS:
        lines.extend(_lines(getattr(item, field, None), label))
    return "\n".join(lines)


def item_title(item: object) -> str:
    """What to call a knowledge item: its name, else its topic, else its id."""
    for attribute in ("name", "topic"):
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return str(getattr(item, "id", "item"))


def passages_from_knowledge(kb: KnowledgeBase) -> list[Passage]:
    """One passage per cause, rule, specialist, test, treatment, prevention, complication and conflict.

    The source is the item's first cited source; the locator is that citation's locator, else the
    item id. Tables this function does not know (findings, sources) are skipped.
    """
    passages: list[Passage] = []
    for kind, table in kb.tables().items():
        if kind not in KIND_WORDS:
            continue
        for item_id, item in table.items():
            text = item_text(item)
            if not text.strip():
                continue
            citations = list(getattr(item, "sources", []) or []) or [
                c for position in getattr(item, "positions", []) for c in position.sources
            ]
            source = citations[0].source if citations else UNCITED_SOURCE
            locator = (citations[0].locator if citations else None) or item_id
            known = kb.sources.get(source)
            title = item_title(item)
            passages.append(
                Passage(
                    id=f"kb:{kind}:{item_id}",
                    text=text,
                    source=source,
                    locator=locator,
                    title=title,
                    source_title=known.title if known else title,
                    kind=KNOWLEDGE,
                    heading=f"{title} {KIND_WORDS[kind]}".strip(),
                )
            )
    return passages
