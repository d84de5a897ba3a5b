"""Helpers for the `lumbar ask` tests: a small knowledge base, sample pages and in-memory indexes."""

from __future__ import annotations

from lumbar.ask.index import ORIGIN_USER, DocumentRecord
from lumbar.ask.memory_index import MemoryIndex
from lumbar.ask.passages import DOCUMENT, Passage
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.terms import Level
from lumbar.knowledge.validation.convert import to_runtime
from lumbar.knowledge.validation.schema import Cause, Conflict, Source, Treatment, WarningSignRule

HEAT_PAGE = """Back care at home

Heat
Heat relaxes tight muscles. Use a warm compress for 15 minutes every four hours.
If heat makes the pain worse, stop and try a cold compress.

Driving
You can drive with back spasms as long as you are not taking narcotic pain medication.

Stretches
For the cat stretch:
- Get down on your hands and knees.
- Arch your back up, then let it sag.
"""

MEDICINE_PAGE = """# Medicines for back spasms

Paracetamol (acetaminophen) eases mild pain. Anti-inflammatory painkillers such as ibuprofen
should not be taken for more than ten days, as they may cause bleeding in the stomach.
"""


def small_knowledge() -> KnowledgeBase:
    """A knowledge base of one source, cause, treatment, rule and conflict (validated, as loaded ones are)."""
    source = Source(id="guide", kind="guideline", title="A back-pain guideline", locator="whole")
    cause = Cause(
        id="muscle_strain",
        name="Muscle strain",
        category="musculoskeletal",
        icd10=["S39.012"],
        explanation="A strained back muscle tightens into a spasm after lifting or twisting.",
        prior=0.5,
        typical_level=Level.SELF_CARE,
        sources=["guide#Causes"],
    )
    heat = Treatment(
        id="heat_pack",
        name="Warm compress",
        kind="self_care",
        text="Heat helps tight muscles relax.",
        how=["Wrap a heat pack in a cloth.", "Place it on the sore area."],
        duration="about 15 minutes",
        frequency="about every 4 hours",
        stop_if=["The heat makes the pain worse."],
        evidence_grade="moderate",
        recommendation="recommended",
        sources=["guide#Heat"],
    )
    rule = WarningSignRule(
        id="rule_ces",
        name="Cauda equina syndrome",
        level="emergency",
        applies_to="everyone",
        when={"any": ["saddle_numbness"]},
        reason="Numbness between the legs or new bladder trouble can mean squeezed nerves.",
        action="Go to the emergency department now.",
        sources=["guide"],
    )
    conflict = Conflict(
        id="bed_rest",
        topic="Bed rest for back spasms",
        positions=[
            {"sources": ["page_a"], "says": "Rest in bed for two days."},
            {"sources": ["guide"], "says": "Stay active; bed rest slows recovery."},
        ],
        follows="Stay active.",
        reason="Trials favour staying active.",
    )
    return KnowledgeBase(
        sources={"guide": to_runtime(source)},
        findings={},
        causes={"muscle_strain": to_runtime(cause)},
        rules={"rule_ces": to_runtime(rule)},
        specialists={},
        tests={},
        treatments={"heat_pack": to_runtime(heat)},
        prevention={},
        complications={},
        conflicts={"bed_rest": to_runtime(conflict)},
        context_rules=[],
        claims=[],
        skipped=[],
    )


def passage(pid: str, text: str, *, kind: str = DOCUMENT, title: str = "Page", heading: str = "") -> Passage:
    """A passage for tests; its source is the part of the id before the colon."""
    source = pid.split(":")[0]
    return Passage(pid, text, source, heading or "paragraph 1", title, title, kind, heading)


def memory_index(passages: list[Passage]) -> MemoryIndex:
    """An in-memory index holding ``passages``, one document per source."""
    index = MemoryIndex()
    by_source: dict[str, list[Passage]] = {}
    for p in passages:
        by_source.setdefault(p.source, []).append(p)
    for source, group in by_source.items():
        index.put_document(DocumentRecord(source, group[0].title, "", ORIGIN_USER, "f"), group)
    return index
