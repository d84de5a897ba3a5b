"""The safety-net: which new signs mean "get help", and how soon, derived from the warning-sign rules.

Every rule in ``kb.rules`` is reduced against what the person already has (see
:mod:`lumbar.care.needs`). A rule that one or two new signs would fire becomes a line of the
safety-net, with the rule's own action. Rules brought closer by the person's own findings
(pregnancy, age, steroids, a recent spinal procedure, …) are marked personal, which is how
the lower thresholds of those groups appear without any clinical fact in this module.

Only rules written for this person are listed (``applies_to`` in rules.yaml, see
:mod:`lumbar.care.audience`), and each sign that is enough on its own is listed once, under the
most urgent action it calls for.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from lumbar.care import wording
from lumbar.care.audience import applies
from lumbar.care.items import names, treatment_item
from lumbar.care.models import PlanItem, SafetyNet, SafetySign, SignGroup
from lumbar.care.needs import Need, alone, describe, ids_of, pruned, reduce, without
from lumbar.care.profile import Profile, finding_name, relevant_unknowns
from lumbar.errors import KnowledgeError, Problem
from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Level, Treatment, WarningSignRule
from lumbar.plain_words import beyond

# datetime is imported by the plan, which dates its review; an assessment's advice has no date
if TYPE_CHECKING:
    from datetime import date

#: Rules needing more new signs than this are not listed: one for most rules; two for the ambulance
#: level and for rules the person's own findings already bring closer.
MAX_NEW_SIGNS = 1
MAX_NEW_SIGNS_CLOSE = 2
#: Treatments that state when to book a visit if not better: the usual one, and the sooner one.
REVIEW_ITEM = "review_if_not_better"
EARLY_REVIEW_ITEM = "early_review"
#: lines and signs remembered per knowledge base (a few hundred serve the labelled sets)
MEMO_SIZE = 4096


def build_safety_net(
    level: Level,
    kb: KnowledgeBase,
    profile: Profile,
    background: frozenset[str],
    today: date,
    starting: frozenset[str] = frozenset(),
) -> SafetyNet:
    """The signs to act on (more urgent than ``level``) and, for self-care, when to book a visit.

    ``starting``: findings the person will have by following the plan (a medicine started today is a
    new medicine, see ``counts_as`` in treatments.yaml); rules written for them are in the net.

    Raises KnowledgeError when the knowledge base yields no sign at all: lumbar never shows a
    plan without a safety-net. At the ambulance level the net may be empty: the person has already
    been told to call an ambulance now, and every ambulance sign within reach is already there.
    """
    # here, not at the top: an assessment's advice has no date, and datetime costs a one-shot command 5 M
    # instructions; the plan that calls this has already imported it for ``today``
    from datetime import timedelta  # noqa: PLC0415

    signs, at_risk = _signs(kb, profile, background, starting)
    shown = [s for s in signs if _worth_showing(s.level, level)]
    if not shown and level is not Level.EMERGENCY_AMBULANCE:
        raise KnowledgeError([Problem("rules.yaml", None, "no warning-sign rule gives a safety-net sign")])
    groups = []
    for group_level in sorted({s.level for s in shown}, key=lambda lv: -lv.rank):
        in_group = [s for s in shown if s.level == group_level]
        in_group.sort(key=lambda s: not s.personal)
        groups.append(
            SignGroup(level=group_level, heading=kb.levels[group_level].safety_net_prefix, signs=in_group)
        )
    review = _review(level, kb, at_risk)
    days = _days(review.duration or "") if review else None
    review_by = today + timedelta(days=days) if days else None
    note = None if groups else kb.levels[level].already_there
    return SafetyNet(
        groups=groups,
        note=note,
        review=treatment_item(review, kb, profile) if review else None,
        review_by=review_by,
    )


def _worth_showing(sign_level: Level, plan_level: Level) -> bool:
    """Signs more urgent than the plan's level; at the ambulance level, the ambulance signs themselves."""
    if plan_level is Level.EMERGENCY_AMBULANCE:
        return sign_level is Level.EMERGENCY_AMBULANCE
    return sign_level.rank > plan_level.rank


class _Line(Frozen):
    """A rule's sign for this person, before it is written out: what is still needed and why."""

    FIELDS: ClassVar[tuple[str, ...]] = ("rule", "need", "assumed", "because", "sources")

    rule: WarningSignRule
    need: Need
    assumed: tuple[str, ...]
    because: tuple[str, ...]
    sources: tuple[str, ...]

    def __init__(
        self,
        rule: WarningSignRule,
        need: Need,
        assumed: tuple[str, ...],
        because: tuple[str, ...],
        sources: tuple[str, ...],
    ) -> None:
        vars(self).update(rule=rule, need=need, assumed=assumed, because=because, sources=sources)


def _signs(
    kb: KnowledgeBase, profile: Profile, background: frozenset[str], starting: frozenset[str]
) -> tuple[list[SafetySign], bool]:
    """Every sign for this person, each under one action, most urgent first; and whether a risk applies."""
    unknowns = relevant_unknowns(profile, kb, background)
    memo = _memo(kb)
    lines: list[_Line] = []
    at_risk = False
    for rule, line, used in _reachable(kb, profile, background, unknowns):
        at_risk = at_risk or bool(used & background - unknowns)
        if applies(rule, profile, unknowns | starting, closer=bool(used)):
            lines.append(line)
    # a rule whose action already says when to go sooner stands for the more urgent rule built on its signs
    said = {worse for line in lines for worse in line.rule.says_when_worse}
    lines = [line for line in lines if line.rule.id not in said]
    lines.sort(key=lambda line: -line.rule.level.rank)
    by_text: dict[str, SafetySign] = {}
    for line in _once(_promote(lines)):
        sign = memo.written(line)
        by_text.setdefault(sign.text, sign)
    return list(by_text.values()), at_risk


def review_line(
    level: Level, kb: KnowledgeBase, profile: Profile, background: frozenset[str]
) -> PlanItem | None:
    """The safety-net's "book a visit if not better" line alone (``build_safety_net(...).review``),
    without writing out its signs: what an assessment's advice needs."""
    if level is not Level.SELF_CARE:
        return None
    unknowns = relevant_unknowns(profile, kb, background)
    # what brings a rule closer is among the findings it names that the person has (or may have), so
    # only a rule naming one of the person's background findings can put them at risk
    had = profile.present & background - unknowns
    memo = _memo(kb)
    at_risk = any(
        found[1] & had
        for rule in memo.naming_any(had)
        if (found := memo.line(rule, profile.present, background, unknowns)) is not None
    )
    review = _review(level, kb, at_risk)
    return treatment_item(review, kb, profile) if review else None


def _reachable(
    kb: KnowledgeBase, profile: Profile, background: frozenset[str], unknowns: frozenset[str]
) -> Iterator[tuple[WarningSignRule, _Line, frozenset[str]]]:
    """Each rule within reach of this person, its line and the findings that brought it closer."""
    memo = _memo(kb)
    for rule in kb.rules.values():
        found = memo.line(rule, profile.present, background, unknowns)
        if found is not None:
            yield rule, found[0], found[1]


def _promote(lines: list[_Line]) -> list[_Line]:
    """Signs that each alone call for one action but together for a more urgent one go under the latter.

    e.g. any one cauda equina sign means the emergency department, two together an ambulance: all are
    listed once, under the ambulance (under-triage is the worse error).
    """
    result = list(lines)
    ranks = [line.rule.level.rank for line in result]  # a line keeps its rule below
    for i, combined in enumerate(result):
        if combined.need.size < 2:
            continue
        wanted = frozenset(combined.need.finding_ids())
        for j in range(i + 1, len(result)):
            single = result[j]
            if ranks[j] >= ranks[i] or single.assumed != combined.assumed:
                continue
            if not wanted or not wanted <= alone(single.need):
                continue
            options = tuple(t for t in single.need.all or single.need.options if ids_of(t) <= wanted)
            result[i] = _Line(
                rule=combined.rule,
                need=Need(options=options, count=1, used=combined.need.used | single.need.used),
                assumed=combined.assumed,
                because=tuple(dict.fromkeys([*combined.because, *single.because])),
                sources=tuple(dict.fromkeys([*combined.sources, *single.sources])),
            )
            result[j] = single.replace(need=without(single.need, wanted) or Need())
            break
    return [line for line in result if not line.need.satisfied]


def _once(lines: list[_Line]) -> list[_Line]:
    """Each sign that is enough on its own listed once, under the most urgent action (lines most urgent first);
    and no combination that holds a sign already listed on its own at its action or a more urgent one.

    Within one action the single signs are taken first, so that they prune its combinations. A sign
    listed only "if pregnant" does not take the place of the same sign for everyone.
    """
    listed: dict[tuple[str, ...], frozenset[str]] = {}
    kept: dict[int, _Line] = {}
    order = sorted(range(len(lines)), key=lambda i: (-lines[i].rule.level.rank, lines[i].need.size > 1))
    for i in order:
        line = lines[i]
        need = pruned(line.need, listed.get((), frozenset()) | listed.get(line.assumed, frozenset()))
        if need is None:
            continue
        listed[line.assumed] = listed.get(line.assumed, frozenset()) | alone(need)
        kept[i] = line if need is line.need else line.replace(need=need)
    return [kept[i] for i in sorted(kept)]


class _Memo:
    """One knowledge base's lines and signs, each worked out once.

    A rule's line depends only on which of the rule's own findings the person has, cannot get
    (background) or has not been asked, and most rules meet none of them: a few lines serve everyone.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.ids = {rule.id: frozenset(rule.when.finding_ids()) for rule in kb.rules.values()}
        naming: dict[str, list[WarningSignRule]] = {}
        for rule in kb.rules.values():
            for finding_id in self.ids[rule.id]:
                naming.setdefault(finding_id, []).append(rule)
        #: finding -> the rules that name it, in the file's order
        self.naming = {finding_id: tuple(rules) for finding_id, rules in naming.items()}
        self._line = functools.lru_cache(maxsize=MEMO_SIZE)(self._rule_line)
        self._written = functools.lru_cache(maxsize=MEMO_SIZE)(self._line_written)

    def line(
        self,
        rule: WarningSignRule,
        present: frozenset[str],
        background: frozenset[str],
        unknowns: frozenset[str],
    ) -> tuple[_Line, frozenset[str]] | None:
        """:func:`_line` of the rule for the person's findings that the rule mentions."""
        ids = self.ids[rule.id]
        return self._line(rule.id, present & ids, background & ids, unknowns & ids)

    def naming_any(self, finding_ids: frozenset[str]) -> list[WarningSignRule]:
        """The rules that name any of ``finding_ids``, each once, in no particular order."""
        if len(finding_ids) == 1:
            (only,) = finding_ids
            return list(self.naming.get(only, ()))
        return list({rule.id: rule for f in finding_ids for rule in self.naming.get(f, ())}.values())

    def written(self, line: _Line) -> SafetySign:
        """:func:`_written` of the line."""
        return self._written(line.rule.id, line.need, line.assumed, line.because)

    def _rule_line(
        self, rule_id: str, present: frozenset[str], background: frozenset[str], unknowns: frozenset[str]
    ) -> tuple[_Line, frozenset[str]] | None:
        return _line(self.kb.rules[rule_id], present, background, unknowns)

    def _line_written(
        self, rule_id: str, need: Need, assumed: tuple[str, ...], because: tuple[str, ...]
    ) -> SafetySign:
        rule = self.kb.rules[rule_id]
        sources = tuple(str(c) for c in rule.sources)
        return _written(_Line(rule, need, assumed, because, sources), self.kb)


_memo = per_knowledge_base(_Memo)


def _line(
    rule: WarningSignRule,
    present: frozenset[str],
    background: frozenset[str],
    unknowns: frozenset[str],
) -> tuple[_Line, frozenset[str]] | None:
    """The rule's sign for this person and the findings that brought it closer; None when out of reach."""
    need = reduce(rule.when, present, background)
    assumed: list[str] = []
    if need is None and unknowns:
        # e.g. a woman who has not said whether she is pregnant: list the pregnancy signs as "If pregnant: …"
        need = reduce(rule.when, present | unknowns, background)
        assumed = sorted(need.used & unknowns) if need is not None else []
        if need is not None and not assumed:
            need = None
    if need is None or need.satisfied:
        return None
    close = bool(need.used) or rule.level is Level.EMERGENCY_AMBULANCE
    if need.size > (MAX_NEW_SIGNS_CLOSE if close else MAX_NEW_SIGNS):
        return None
    because = tuple(sorted(need.used - set(assumed)))
    line = _Line(rule, need, tuple(assumed), because, tuple(str(c) for c in rule.sources))
    return line, need.used


def _written(line: _Line, kb: KnowledgeBase) -> SafetySign:
    """The line in plain words, with the rule's action."""
    text = describe(line.need, lambda f: _sign_name(f, kb))
    if line.assumed:
        text = wording.IF_UNKNOWN.format(
            names=names(list(line.assumed), kb), signs=text[:1].lower() + text[1:]
        )
    words = kb.levels[line.rule.level]
    return SafetySign(
        text=text,
        action=line.rule.action,
        then=beyond(line.rule.action, [words.action, words.headline, words.title, *words.said_as]),
        level=line.rule.level,
        rule=line.rule.id,
        findings=list(dict.fromkeys(line.need.finding_ids())),
        personal=bool(line.because or line.assumed),
        because=[finding_name(f, kb) for f in line.because],
        sources=list(line.sources),
    )


def _sign_name(finding_id: str, kb: KnowledgeBase) -> str:
    """A finding's name, with its threshold when derived from a measured number: "Fever (38 °C or more)"."""
    name = finding_name(finding_id, kb)
    finding = kb.findings.get(finding_id)
    threshold = finding.derived_from if finding else None
    base = kb.findings.get(threshold.finding) if threshold else None
    if threshold is None or base is None or not base.unit or base.type != "number":
        return name
    value = f"{threshold.value:g} {base.unit}"
    if str(threshold.value).rstrip("0").rstrip(".") in name:
        return name
    bound = {">=": f"{value} or more", ">": f"over {value}", "<=": f"{value} or less", "<": f"under {value}"}
    return f"{name} ({bound[threshold.op]})"


def _review(level: Level, kb: KnowledgeBase, at_risk: bool) -> Treatment | None:
    """The "book a visit if not better" treatment of a self-care plan; the sooner one when a risk applies."""
    if level is not Level.SELF_CARE:
        return None
    return kb.treatments.get(EARLY_REVIEW_ITEM if at_risk else REVIEW_ITEM) or kb.treatments.get(REVIEW_ITEM)


def _days(duration: str) -> int | None:
    """Days in a simple duration such as "2 weeks" or "10 days"."""
    match = re.search(r"(\d+)\s*(day|week)", duration)
    if match is None:
        return None
    return int(match.group(1)) * (7 if match.group(2) == "week" else 1)
