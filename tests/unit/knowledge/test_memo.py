"""per_knowledge_base: one build per knowledge-base object, a bounded number kept."""

from __future__ import annotations

import dataclasses
import gc

from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import KEPT, per_knowledge_base


def _empty() -> KnowledgeBase:
    fields = [f.name for f in dataclasses.fields(KnowledgeBase) if f.default is dataclasses.MISSING]
    return KnowledgeBase(**{name: {} for name in fields})  # type: ignore[arg-type]


def test_builds_once_per_knowledge_base() -> None:
    calls: list[int] = []

    @per_knowledge_base
    def count(kb: KnowledgeBase) -> int:
        calls.append(1)
        return len(calls)

    first, second = _empty(), _empty()
    assert [count(first), count(first), count(second), count(first)] == [1, 1, 2, 1]


def test_a_new_knowledge_base_is_never_given_a_dead_ones_result() -> None:
    builds = iter(range(1000))

    @per_knowledge_base
    def number(kb: KnowledgeBase) -> int:
        return next(builds)

    seen = []
    for _ in range(3 * KEPT):  # the ids of freed objects are reused: each new base gets its own
        kb = _empty()
        seen.append(number(kb))
        del kb
        gc.collect()
    assert seen == list(range(3 * KEPT))


def test_only_the_last_knowledge_bases_are_kept() -> None:
    @per_knowledge_base
    def table(kb: KnowledgeBase) -> list[int]:
        return []

    bases = [_empty() for _ in range(KEPT + 3)]
    first = table(bases[0])
    for kb in bases[1:]:
        table(kb)
    assert table(bases[-1]) is table(bases[-1])
    assert table(bases[0]) is not first  # dropped, built again
