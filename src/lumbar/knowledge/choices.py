"""One-of-several questions: which question asks about a finding, and what a chosen answer says.

A `type: choice` finding ("Do you feel it in one leg or in both legs?") is never present or absent
itself: its answer sets the findings its choices name ("both legs" implies the bilateral leg finding
the warning-sign rules read; "one leg only" rules it out). So the rules, the causes and the
assessment keep working on the boolean findings, and a finding named by a choice is asked through
its choice question.
"""

from __future__ import annotations

from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Choice, Finding, ValueType


def is_choice(finding: Finding) -> bool:
    """True for a question answered by picking one of its choices."""
    return finding.type is ValueType.CHOICE


def choice_answers(choice: Choice) -> dict[str, bool]:
    """The findings a chosen answer settles: the implied ones present, the ruled-out ones absent."""
    return {**dict.fromkeys(choice.rules_out, False), **dict.fromkeys(choice.implies, True)}


def asking_question(kb: KnowledgeBase, finding_id: str) -> Finding | None:
    """The question that settles ``finding_id``: its own, or the choice question one of whose
    choices names it; None when no question asks about it."""
    question_id = _asked_by(kb).get(finding_id)
    return kb.findings[question_id] if question_id is not None else None


def choice_question_of(kb: KnowledgeBase, finding_id: str) -> Finding | None:
    """The choice question whose choices name ``finding_id``, when it has no question of its own."""
    question = asking_question(kb, finding_id)
    return question if question is not None and question.id != finding_id else None


@per_knowledge_base
def _asked_by(kb: KnowledgeBase) -> dict[str, str]:
    """finding id -> the id of the finding whose question settles it."""
    out: dict[str, str] = {}
    for finding in kb.findings.values():
        if finding.question is None:
            continue
        out.setdefault(finding.id, finding.id)
        if is_choice(finding):
            for named in finding.choice_findings():
                if kb.findings.get(named) is not None and kb.findings[named].question is None:
                    out.setdefault(named, finding.id)
    return out
