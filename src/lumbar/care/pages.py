"""Patient pages for causes, specialists, tests and treatments, built from the knowledge base.

Each page answers the same four questions: what it is, why it matters, what to expect, and
when to worry. "When to worry" comes from the warning-sign rules: those that suspect the cause,
or else the rules that send anyone with back pain to emergency care.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from lumbar.care import wording
from lumbar.care.models import PageSection, PatientPage
from lumbar.care.needs import describe, reduce
from lumbar.care.profile import finding_name
from lumbar.errors import NotFoundError
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import (
    Cause,
    DiagnosticTest,
    Level,
    Specialist,
    Treatment,
    WarningSignRule,
)

PAGE_KINDS = ("causes", "specialists", "tests", "treatments")
WHAT, WHY, EXPECT, WORRY = "What it is", "Why it matters", "What to expect", "When to worry"
#: How many of the findings that raise a cause's odds most are named on its page.
TOP_EVIDENCE = 6


def page_ids(kb: KnowledgeBase) -> list[str]:
    """Every id with a patient page."""
    return [item_id for kind in PAGE_KINDS for item_id in getattr(kb, kind)]


def page_for(kb: KnowledgeBase, item_id: str) -> PatientPage:
    """The page for a cause, specialist, test or treatment id.

    Raises NotFoundError naming the closest ids when there is no such page.
    """
    if item_id in kb.causes:
        return cause_page(kb.causes[item_id], kb)
    if item_id in kb.specialists:
        return specialist_page(kb.specialists[item_id], kb)
    if item_id in kb.tests:
        return test_page(kb.tests[item_id], kb)
    if item_id in kb.treatments:
        return treatment_page(kb.treatments[item_id], kb)
    close = difflib.get_close_matches(item_id, page_ids(kb), n=5, cutoff=0.5)
    hint = f" Close ids: {', '.join(close)}." if close else " Try `lumbar kb list` for every id."
    raise NotFoundError(f"no cause, specialist, test or treatment has the id '{item_id}'.{hint}")


def cause_page(cause: Cause, kb: KnowledgeBase) -> PatientPage:
    raising = sorted((e for e in cause.evidence if e.lr_present > 1), key=lambda e: -e.lr_present)
    why = [f"It usually needs {kb.levels[cause.typical_level].name}."]
    sections = [
        PageSection(heading=WHAT, paragraphs=[cause.explanation]),
        PageSection(
            heading=WHY,
            paragraphs=why + (["These make it more likely:"] if raising else []),
            bullets=[finding_name(e.finding, kb) for e in raising[:TOP_EVIDENCE]],
        ),
    ]
    expect = [f"You may see: {kb.specialists[s].name}." for s in cause.specialists if s in kb.specialists]
    expect += [f"A doctor may arrange: {kb.tests[t].name}." for t in cause.tests if t in kb.tests]
    expect += [
        f"What can help: {kb.treatments[t].name}."
        for t in cause.care
        if t in kb.treatments and kb.treatments[t].recommendation != "not_recommended"
    ]
    if expect:
        sections.append(PageSection(heading=EXPECT, bullets=expect))
    rules = [r for r in kb.rules.values() if cause.id in r.suspects] or _emergency_rules(kb)
    sections.append(_worry(rules, kb))
    return PatientPage(
        id=cause.id,
        kind="cause",
        title=cause.name,
        sections=sections,
        sources=_titles([*cause.sources, *(c for r in rules for c in r.sources)], kb),
    )


def specialist_page(specialist: Specialist, kb: KnowledgeBase) -> PatientPage:
    causes = [c for c in kb.causes.values() if specialist.id in c.specialists]
    tests = list(dict.fromkeys(t for c in causes for t in c.tests if t in kb.tests))
    sections = [PageSection(heading=WHAT, paragraphs=[specialist.text])]
    if causes:
        sections.append(
            PageSection(
                heading=WHY, paragraphs=["lumbar may suggest this for:"], bullets=[c.name for c in causes]
            )
        )
    if tests:
        sections.append(
            PageSection(
                heading=EXPECT, paragraphs=["They may arrange:"], bullets=[kb.tests[t].name for t in tests]
            )
        )
    rules = _emergency_rules(kb)
    sections.append(_worry(rules, kb, wait=True))
    return PatientPage(
        id=specialist.id,
        kind="specialist",
        title=specialist.name,
        sections=sections,
        sources=_titles([*specialist.sources, *(c for r in rules for c in r.sources)], kb),
    )


def test_page(test: DiagnosticTest, kb: KnowledgeBase) -> PatientPage:
    causes = [c for c in kb.causes.values() if test.id in c.tests]
    sections = [PageSection(heading=WHAT, paragraphs=[test.text])]
    if causes:
        sections.append(
            PageSection(
                heading=WHY, paragraphs=["It can help to find or rule out:"], bullets=[c.name for c in causes]
            )
        )
    if test.expect:
        sections.append(PageSection(heading=EXPECT, paragraphs=[test.expect]))
    rules = _emergency_rules(kb)
    sections.append(_worry(rules, kb, wait=True))
    return PatientPage(
        id=test.id,
        kind="test",
        title=test.name,
        sections=sections,
        sources=_titles([*test.sources, *(c for r in rules for c in r.sources)], kb),
    )


def treatment_page(treatment: Treatment, kb: KnowledgeBase) -> PatientPage:
    grade = wording.GRADE_WORDS[treatment.evidence_grade]
    why = [f"{wording.RECOMMENDATION_WORDS[treatment.recommendation]} ({grade})."]
    why += [
        wording.CONFLICT.format(topic=c.topic.rstrip("?"), follows=c.follows)
        for c in kb.conflicts.values()
        if treatment.id in c.affects
    ]
    values = {
        "How long": treatment.duration,
        "How often": treatment.frequency,
        "Limits": treatment.dose_limits,
    }
    fact_lines = [f"{label}: {value}" for label, value in values.items() if value]
    sections = [
        PageSection(heading=WHAT, paragraphs=[treatment.text]),
        PageSection(heading=WHY, paragraphs=why),
    ]
    if treatment.how or fact_lines:
        sections.append(PageSection(heading=EXPECT, paragraphs=fact_lines, bullets=treatment.how))
    worry = list(treatment.stop_if)
    if treatment.contraindications:
        worry.append(f"Not for people with: {_names(treatment.contraindications, kb)}.")
    if treatment.cautions:
        worry.append(f"Ask a pharmacist or doctor first if you have: {_names(treatment.cautions, kb)}.")
    if worry:
        sections.append(PageSection(heading=WORRY, bullets=worry))
    return PatientPage(
        id=treatment.id,
        kind="treatment",
        title=treatment.name,
        sections=sections,
        sources=_titles(treatment.sources, kb),
    )


def _emergency_rules(kb: KnowledgeBase) -> list[WarningSignRule]:
    """Rules that send anyone with back pain to emergency care on one new sign."""
    found = []
    for rule in kb.rules.values():
        if rule.level.rank < Level.EMERGENCY.rank or rule.outside_back:
            continue
        need = reduce(rule.when, frozenset(), frozenset())
        if need is not None and need.size == 1:
            found.append(rule)
    return found


def _worry(rules: list[WarningSignRule], kb: KnowledgeBase, wait: bool = False) -> PageSection:
    bullets = []
    for rule in sorted(rules, key=lambda r: -r.level.rank):
        need = reduce(rule.when, frozenset(), frozenset())
        if need is not None and not need.satisfied:
            bullets.append(f"{describe(need, lambda f: finding_name(f, kb))}: {rule.action}")
    intro = (
        "Do not wait for an appointment if you get any of these:"
        if wait
        else "Get help if you get any of these:"
    )
    return PageSection(heading=WORRY, paragraphs=[intro], bullets=list(dict.fromkeys(bullets)))


def _names(finding_ids: list[str], kb: KnowledgeBase) -> str:
    return ", ".join(finding_name(f, kb).lower() for f in finding_ids)


def _titles(citations: Iterable[object], kb: KnowledgeBase) -> dict[str, str]:
    """Citation text -> title of its source."""
    found: dict[str, str] = {}
    for citation in citations:
        text = str(citation)
        source = text.partition("#")[0]
        found[text] = kb.sources[source].title if source in kb.sources else source
    return found
