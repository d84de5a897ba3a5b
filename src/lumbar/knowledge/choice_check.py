"""`lumbar kb check` for one-of-several questions (`type: choice` in findings.yaml).

A choice question has a question, at least two choices with unique ids and words to show, and each
choice names the findings it sets (``implies``, ``rules_out``), which exist, are not choice questions
themselves and have no question of their own (the choice question asks them). When "not sure" counts
as present (``unsure: reask`` or ``present``), exactly one choice says it is the one it counts as
(``if_unsure``); the question asked again offers the same choices, so its ``yes_means`` is ``present``.
"""

from __future__ import annotations

from collections import Counter

from lumbar.errors import Problem
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import Finding, UnsurePolicy, ValueType

FILE = "findings.yaml"
MIN_CHOICES = 2


def check_choices(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """Add every problem of the choice questions (and of choices on other questions) to ``problems``."""
    for finding in kb.findings.values():
        if finding.type is ValueType.CHOICE:
            problems.extend(Problem(FILE, finding.id, message) for message in _choice_problems(kb, finding))
        elif finding.choices:
            problems.append(
                Problem(FILE, finding.id, f"`choices` are for `type: choice`, not {finding.type.value}")
            )


def _choice_problems(kb: KnowledgeBase, finding: Finding) -> list[str]:
    out: list[str] = []
    if not finding.question:
        out.append("a `type: choice` finding needs a `question` (its choices are its answers)")
    if len(finding.choices) < MIN_CHOICES:
        out.append(f"a `type: choice` question needs at least {MIN_CHOICES} `choices`")
    for choice_id, count in Counter(finding.choice_ids()).items():
        if count > 1:
            out.append(f"choice id {choice_id!r} is used {count} times; give each choice its own id")
    for choice in finding.choices:
        where = f"choice {choice.id!r}"
        if not choice.text.strip():
            out.append(f"{where} needs `text`: the plain words shown on its button")
        if not choice.implies and not choice.rules_out:
            out.append(f"{where} says nothing about other findings: add `implies` or `rules_out`")
        for named in sorted(set(choice.implies) & set(choice.rules_out)):
            out.append(f"{where} both implies and rules out {named!r}; keep one")
        for named in [*choice.implies, *choice.rules_out]:
            target = kb.findings.get(named)
            if target is None:
                out.append(f"{where}: finding {named!r} does not exist; add it or fix the id")
            elif target.type is ValueType.CHOICE:
                out.append(f"{where} names the choice question {named!r}; name its findings instead")
            elif target.question is not None:
                out.append(
                    f"{where} names {named!r}, which has a question of its own: remove that question "
                    "(this one asks it) or the name"
                )
    out.extend(_unsure_problems(finding))
    return out


def _unsure_problems(finding: Finding) -> list[str]:
    """ "Not sure" must count as one named choice exactly when the policy counts it as present."""
    out: list[str] = []
    marked = [c.id for c in finding.choices if c.if_unsure]
    counts = finding.unsure in (UnsurePolicy.REASK, UnsurePolicy.PRESENT)
    if counts and len(marked) != 1:
        out.append(
            f"`unsure: {finding.unsure.value}` counts 'not sure' as one choice: mark exactly one "
            f"choice `if_unsure: true` (now {len(marked)})"
        )
    if not counts and marked:
        out.append("`if_unsure` is used only with `unsure: reask` or `unsure: present`")
    if finding.unsure_question is not None and finding.unsure_question.yes_means != "present":
        out.append("the question asked again offers the same choices: its `yes_means` must be `present`")
    return out
