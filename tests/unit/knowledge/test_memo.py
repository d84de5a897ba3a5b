"""per_knowledge_base: one build per knowledge-base object, a bounded number kept; the tables declared
kept are built for the cache folder and read back from it."""

from __future__ import annotations

import gc
import pickle

import pytest

from lumbar.care.profile import background_ids
from lumbar.knowledge import memo
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import KEPT, kept_tables, per_knowledge_base, remember_tables


def _empty() -> KnowledgeBase:
    fields = [name for name in KnowledgeBase.FIELDS if name not in KnowledgeBase.DEFAULTS]
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


def test_a_kept_table_is_built_for_keeping_and_read_back_without_building(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(memo, "KEPT_TABLES", {})

    def sizes(kb: KnowledgeBase) -> list[int]:
        return [len(kb.findings)]

    table = per_knowledge_base(sizes, kept=True)
    per_knowledge_base(lambda kb: "not kept")
    built, fresh = _empty(), _empty()
    tables = kept_tables(built)
    assert list(tables) == [table.name] == [f"{__name__}.{sizes.__qualname__}"] and table.built(built)
    assert list(memo.KEPT_TABLES) == [table.name]
    assert not table.built(fresh)
    remember_tables(fresh, {**tables, "a.table.no.longer.kept": 1})
    assert table.built(fresh) and table(fresh) is tables[table.name]


def test_a_table_is_pickled_by_name_like_a_function() -> None:
    assert pickle.loads(pickle.dumps(background_ids)) is background_ids
