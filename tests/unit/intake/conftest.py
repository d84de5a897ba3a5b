"""Fixtures for the intake tests: the packaged knowledge base and reader, and tiny hand-made bases."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from lumbar.intake.reader import Reading, TextReader
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import ContextRule, Finding

MakeKb = Callable[..., KnowledgeBase]


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def reader(kb: KnowledgeBase) -> TextReader:
    return TextReader(kb)


@pytest.fixture(scope="session")
def read(reader: TextReader) -> Callable[[str], Reading]:
    return reader.read


@pytest.fixture(scope="session")
def make_kb(kb: KnowledgeBase) -> MakeKb:
    """A knowledge base with only the given findings ({id: synonyms} or Finding) and context rules."""

    def build(
        findings: dict[str, Any], rules: list[ContextRule] | None = None, warning: tuple[str, ...] = ()
    ) -> KnowledgeBase:
        table = {}
        for finding_id, spec in findings.items():
            if isinstance(spec, Finding):
                table[finding_id] = spec
                continue
            synonyms, absent = (spec, []) if isinstance(spec, list) else (spec["synonyms"], spec["absent"])
            table[finding_id] = Finding(
                id=finding_id,
                name=finding_id,
                group="test",
                synonyms=synonyms,
                absent_synonyms=absent,
                warning_sign=finding_id in warning,
            )
        extra = {"word_classes": []} if hasattr(kb, "word_classes") else {}
        return kb.replace(findings=table, context_rules=rules or [], **extra)

    return build
