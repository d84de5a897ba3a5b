"""Choose specialists and tests from the level, the fired rules and the top causes; gather sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Literal

from lumbar.assessment import LevelReason, RankedCause, Recommendation, SourceRef
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Cause, DiagnosticTest, Specialist
from lumbar.triage.differential import CauseScore
from lumbar.triage.rules import FindingState, TriageResult

#: a cause this likely or more contributes its specialists and tests.
MIN_SHARE = 0.08
#: the knowledge base's tables of specialists and tests
CatalogueName = Literal["specialists", "tests"]
#: source references and recommendations kept per knowledge base (a source with each set of places cited)
KEPT_REFS = 4096


def _suspects(kb: KnowledgeBase, result: TriageResult) -> list[str]:
    ids: list[str] = []
    for rule in result.fired:
        ids += [s for s in rule.suspects if s in kb.causes]
    return list(dict.fromkeys(ids))


def choose_specialists(
    kb: KnowledgeBase, result: TriageResult, top: list[CauseScore]
) -> list[Recommendation]:
    """Who to see: the level's first port of call, then the specialists of suspected and likely causes."""
    routing = kb.levels[result.level].routing
    picks: dict[str, str] = {routing.specialist: routing.why}
    for spec_id, cause, score in _cause_items(kb, result, top, lambda c: c.specialists):
        likely = f"For {cause.name.lower()} ({score.probability:.0%} likely)." if score else None
        picks.setdefault(spec_id, likely or f"For a suspected {cause.name.lower()}.")
    return _recommendations(kb, "specialists", picks)[:5]


def choose_tests(kb: KnowledgeBase, result: TriageResult, top: list[CauseScore]) -> list[Recommendation]:
    """Tests a doctor may order: those of suspected causes, then of likely causes.

    None at a level whose ``tests.listed`` is false in levels.yaml (the reason and source are there).
    """
    if not kb.levels[result.level].tests.listed:
        return []
    picks: dict[str, str] = {}
    for test_id, cause, _ in _cause_items(kb, result, top, lambda c: c.tests):
        picks.setdefault(test_id, f"To check for {cause.name.lower()}.")
    return _recommendations(kb, "tests", picks)[:6]


def _cause_items(
    kb: KnowledgeBase, result: TriageResult, top: list[CauseScore], items: Callable[[Cause], list[str]]
) -> Iterator[tuple[str, Cause, CauseScore | None]]:
    """The items of the suspected causes (no score), then of the causes at least ``MIN_SHARE`` likely."""
    for cause_id in _suspects(kb, result):
        cause = kb.causes[cause_id]
        for item_id in items(cause):
            yield item_id, cause, None
    for score in top:
        if score.probability >= MIN_SHARE:
            for item_id in items(score.cause):
                yield item_id, score.cause, score


def _recommendations(
    kb: KnowledgeBase, table: CatalogueName, picks: Mapping[str, str]
) -> list[Recommendation]:
    """Each picked id found in the knowledge base's ``table`` with the reason it was picked, in order."""
    make = _recommendation(kb)
    return [found for item_id, why in picks.items() if (found := make(table, item_id, why)) is not None]


@per_knowledge_base
def _recommendation(kb: KnowledgeBase) -> Callable[[CatalogueName, str, str], Recommendation | None]:
    """A specialist or test as recommended for one reason, made once per item and reason."""

    @lru_cache(maxsize=KEPT_REFS)
    def make(table: CatalogueName, item_id: str, why: str) -> Recommendation | None:
        catalogue: Mapping[str, Specialist | DiagnosticTest] = (
            kb.specialists if table == "specialists" else kb.tests
        )
        item = catalogue.get(item_id)
        if item is None:
            return None
        return Recommendation(id=item.id, text=f"{item.name}: {item.text}", sources=item.source_ids, why=why)

    return make


def no_flag_reason(kb: KnowledgeBase, state: FindingState, warnings_pending: bool) -> LevelReason:
    """The reason given when no warning-sign rule fires; says whether warning questions remain."""
    ruled_out = sorted(f for f in state.absent if kb.findings[f].warning_sign)
    text = (
        "No warning signs were found in what you described, so this can usually be managed at home. "
        "Most back cramps ease within days to a few weeks."
    )
    if warnings_pending:
        text += " Please answer the warning-sign questions too, to be sure."
    elif ruled_out:
        text += " You told us you have none of the warning signs we asked about."
    return LevelReason(text=text, findings=ruled_out, sources=["nice_ng59", "nhs_back_pain"], rule=None)


@per_knowledge_base
def _cited_places(kb: KnowledgeBase) -> dict[str, tuple[tuple[str, str], ...]]:
    """Item id -> each (source id, locator) its citations give a place for, in order; the item found
    as :meth:`KnowledgeBase.item` finds it (the first table holding the id)."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for table in kb.tables().values():
        for item_id, item in table.items():
            if item_id not in out:
                citations = getattr(item, "sources", [])
                out[item_id] = tuple((c.source, c.locator) for c in citations if c.locator)
    return out


def collect_sources(
    kb: KnowledgeBase,
    reasons: Sequence[LevelReason],
    causes: Sequence[RankedCause],
    recommendations: Sequence[Recommendation] = (),
) -> dict[str, SourceRef]:
    """Title and locator of every source id the reasons, causes and recommendations cite.

    The locator lists the places actually cited by the items shown (a heading, a recommendation
    number); a source cited without a place gets its general locator from sources.yaml.
    """
    ids: list[str] = []
    for reason in reasons:
        ids += reason.sources
    for cause in causes:
        ids += cause.sources
    for rec in recommendations:
        ids += rec.sources
    shown = [r.rule for r in reasons if r.rule] + [c.id for c in causes]
    shown += [r.id for r in recommendations]
    places: dict[str, list[str]] = {}
    cited_at = _cited_places(kb)
    for item_id in shown:
        for source_id, locator in cited_at.get(item_id, ()):
            places.setdefault(source_id, []).append(locator)
    ref = _source_refs(kb)
    return {
        source_id: ref(source_id, "; ".join(dict.fromkeys(places[source_id])) if source_id in places else "")
        for source_id in dict.fromkeys(ids)
    }


@per_knowledge_base
def _source_refs(kb: KnowledgeBase) -> Callable[[str, str], SourceRef]:
    """A source's reference with the places cited, made once per source and places (an assessment
    refers to some twenty sources; a few hundred references serve every assessment)."""

    @lru_cache(maxsize=KEPT_REFS)
    def ref(source_id: str, cited: str) -> SourceRef:
        source = kb.sources.get(source_id)
        if source is None:
            return SourceRef(title=source_id, locator=cited)
        return SourceRef(title=source.title, locator=cited or source.locator)

    return ref
