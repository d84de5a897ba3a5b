"""Clean a document's blocks before they become passages: drop page clutter and misprinted sentences.

Clutter (navigation, "Read also" links, "click here" lines, share buttons, advert headings) is
described by the rules of ``clutter.yaml``; a block that matches one is dropped whole. Word
errors of the seed pages are recorded in the knowledge base as a conflict's ``misprint``; the
sentence that holds one is dropped, and the knowledge base's own item on the subject (and the
conflict, which quotes both readings) answers instead.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from lumbar.ask.knowledge_source import lenient_knowledge
from lumbar.ask.packaged import packaged_yaml
from lumbar.ask.readers import Block, BlockKind
from lumbar.ask.text import fold, split_sentences, squash_spaces
from lumbar.errors import KnowledgeError, Problem
from lumbar.knowledge.loader import KnowledgeBase, data_root

CLUTTER_FILE = "clutter.yaml"
BLOCK_KINDS: tuple[BlockKind, ...] = ("heading", "paragraph", "item")


@dataclass(frozen=True)
class ClutterRule:
    """One kind of clutter: a pattern tried on whole blocks of the given kinds."""

    id: str
    why: str
    pattern: re.Pattern[str]
    kinds: frozenset[str]

    def matches(self, block: Block) -> bool:
        return block.kind in self.kinds and bool(self.pattern.search(block.text))


@dataclass(frozen=True)
class Cleaner:
    """The clutter rules and the misprinted phrases (folded) to keep out of passages."""

    rules: tuple[ClutterRule, ...]
    misprints: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> str:
        """Changes whenever a rule or a misprint changes, so documents are read again."""
        parts = [f"{r.id}\0{r.pattern.pattern}\0{sorted(r.kinds)}" for r in self.rules] + list(self.misprints)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]

    def clutter(self, block: Block) -> ClutterRule | None:
        """The first rule the block matches, or None when it is content."""
        return next((rule for rule in self.rules if rule.matches(block)), None)

    def misprinted(self, text: str) -> bool:
        """True when ``text`` holds a recorded misprint."""
        folded = squash_spaces(fold(text))
        return any(phrase in folded for phrase in self.misprints)

    def clean(self, blocks: Iterable[Block]) -> Iterator[Block]:
        """The blocks without clutter, each without the sentences that hold a misprint."""
        for block in blocks:
            if self.clutter(block) is not None:
                continue
            if not self.misprinted(block.text):
                yield block
                continue
            kept = " ".join(s for s in split_sentences(block.text) if not self.misprinted(s))
            if kept.strip():
                yield Block(block.kind, kept)


def _problem(item: str | None, message: str) -> KnowledgeError:
    return KnowledgeError([Problem(f"ask/{CLUTTER_FILE}", item, message)])


def _rule(name: str, entry: Any) -> ClutterRule:
    """One rule from its YAML entry; its examples must match and its keeps must not."""
    if not isinstance(entry, dict) or not str(entry.get("why") or "").strip():
        raise _problem(name, "a rule needs 'why' (what the clutter is) and 'pattern'")
    try:
        pattern = re.compile(str(entry["pattern"]), re.IGNORECASE)
    except (KeyError, re.error) as exc:
        raise _problem(name, f"'pattern' is missing or not a regular expression ({exc})") from exc
    kinds = entry.get("kinds") or list(BLOCK_KINDS)
    unknown = [k for k in kinds if k not in BLOCK_KINDS]
    if unknown:
        raise _problem(name, f"unknown block kinds {unknown}; use {', '.join(BLOCK_KINDS)}")
    rule = ClutterRule(name, " ".join(str(entry["why"]).split()), pattern, frozenset(kinds))
    examples = entry.get("examples") or []
    if not examples:
        raise _problem(name, "give at least one example of the clutter under 'examples'")
    kind = kinds[0]
    for example in examples:
        if not rule.matches(Block(kind, str(example))):
            raise _problem(name, f"the pattern does not match its example {example!r}")
    for keep in entry.get("keeps") or []:
        if rule.matches(Block(kind, str(keep))):
            raise _problem(name, f"the pattern matches {keep!r}, which it must keep")
    return rule


def parse_clutter(raw: Any) -> tuple[ClutterRule, ...]:
    """The clutter rules of the parsed YAML; raises KnowledgeError when one is malformed."""
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), dict) or not raw["rules"]:
        raise _problem(None, "expected a mapping 'rules' of rule id -> why, pattern, examples")
    return tuple(_rule(str(name), entry) for name, entry in raw["rules"].items())


@cache
def load_clutter() -> tuple[ClutterRule, ...]:
    """The clutter rules shipped with lumbar (read once per process)."""
    raw = packaged_yaml(CLUTTER_FILE)
    return parse_clutter(raw)


def misprints(kb: KnowledgeBase | None) -> tuple[str, ...]:
    """The misprinted phrases the knowledge base's conflicts record, folded for matching."""
    if kb is None:
        return ()
    found = (c.misprint.says for c in kb.conflicts.values() if c.misprint is not None)
    return tuple(sorted({squash_spaces(fold(phrase)) for phrase in found}))


@cache
def default_cleaner() -> Cleaner:
    """The shipped clutter rules and the packaged knowledge base's misprints."""
    return Cleaner(load_clutter(), misprints(lenient_knowledge(data_root())))
