"""The red-flag audit: each urgent picture -> the rules that cover it -> the cases that show it.

``lumbar kb check`` prints the table and fails on a picture whose rules do not exist (a picture with
no rule or no case cannot be loaded at all). Whether each case really fires its rules is the engine's
business: ``tests/unit/triage/test_red_flag_audit.py`` runs every one.
"""

from __future__ import annotations

from dataclasses import dataclass

from lumbar.errors import Problem
from lumbar.knowledge.loader import KnowledgeBase

FILE = "red_flags.yaml"


@dataclass(frozen=True)
class AuditRow:
    """One line of the audit table."""

    picture: str
    level: str
    rules: list[str]
    fires: int
    silent: int
    fits_back_problem: bool


def audit_rows(kb: KnowledgeBase) -> list[AuditRow]:
    """The audit table, in file order."""
    return [
        AuditRow(p.id, p.level.value, list(p.rules), len(p.fires), len(p.silent), p.fits_back_problem)
        for p in kb.red_flags.values()
    ]


def check_audit(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """Every picture names existing rules, and at least one of them reaches the picture's level."""
    for picture in kb.red_flags.values():
        known = [r for r in picture.rules if r in kb.rules]
        for missing in sorted(set(picture.rules) - set(known)):
            problems.append(
                Problem(FILE, picture.id, f"rule '{missing}' does not exist; add it or fix the id")
            )
        if known and max(kb.rules[r].level.rank for r in known) < picture.level.rank:
            problems.append(
                Problem(
                    FILE, picture.id, f"no listed rule reaches {picture.level.value}; add or raise a rule"
                )
            )
