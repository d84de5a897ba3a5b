"""Which questions are still worth asking, best first.

Three blocks, in this order:

1. **Warning signs** that could raise the level for this person, most urgent first. *Screened*
   ones (rules marked ``screen: true`` in rules.yaml) are asked even when nothing points to them:
   a "yes" alone would send the person to an emergency department for a nerve (cauda equina) or
   pregnancy problem, or it opens such questions
   (fever opens "confused or drowsy?"; "Could you be pregnant?" opens bleeding and waters breaking),
   because people rarely volunteer them. *Contextual* ones are asked when the causes their rule
   suspects are in play (a fair share of the odds, or odds the evidence has at least doubled),
   when another warning sign of the rule is present, or when the sign's ``ask_when`` gate is open.
2. **Rule findings in play**: other questions of a rule that could raise the level to a doctor
   within 24 hours or more, when the evidence points to that rule (blood in the urine once a kidney
   stone is suspected).
3. **Information**: the expected information the answer gives about the causes (entropy in bits)
   plus the expected change to the plan (levels of urgency, times their chance); only questions
   above ``INFO_THRESHOLD``. The person's age comes first.

At an emergency level only warning signs that could raise it further are left: the person needs
care now, not more questions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any, ClassVar

from lumbar.knowledge.choices import choice_answers, is_choice
from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import Finding, Level, ValueType, WarningSignRule
from lumbar.triage import question_terms as terms_of
from lumbar.triage.differential import SUSPECT_LOG_LR, CauseScore
from lumbar.triage.question_terms import (
    CauseTerms,
    Look,
    Now,
    contribution,
    fires,
    reference_rate,
    sample_values,
)
from lumbar.triage.rules import Compiled, FindingState, TriageResult, compiled, suspected_causes

#: a plain question whose answer opens this many screened warning signs is asked with them
#: (a warning sign needs to open only one).
OPENS_AT_LEAST = 2
#: a contextual warning sign is asked when its rule's suspected causes hold this share of the odds ...
CONTEXT_THRESHOLD = 0.03
#: ... or when the evidence so far has multiplied the odds of one of them by this much.
CONTEXT_LR = 2.0
#: an information question must be worth this much (bits plus expected levels) to be asked.
INFO_THRESHOLD = 0.25
#: bits of information one expected level of change to the plan is worth.
PLAN_WEIGHT = 1.0
#: questions about the person (age) lead the information block: many warning signs and causes
#: depend on them, and they are quick to answer.
PERSON_GROUP = "person"
PERSON_BONUS = 1.0
#: how relevant a rule that suspects no cause in particular is.
NEUTRAL_RELEVANCE = 0.1
#: an answer the ranking tries: yes/no, a number, or a choice's id.
Answer = bool | float | str
#: Level.rank, looked up once (the ranking compares levels many thousand times a step).
_RANK = {level: level.rank for level in Level}


class Candidate(Frozen):
    """A question worth asking: the finding, whether it is a warning sign and why it is asked."""

    FIELDS: ClassVar[tuple[str, ...]] = ("finding", "warning", "score", "why", "reach", "screened")
    DEFAULTS: ClassVar[dict[str, Any]] = {"reach": None, "screened": False}

    finding: Finding
    warning: bool  # asked in the warning-sign block
    score: float
    why: str
    reach: Level | None  # the most urgent level one answer could lead to
    screened: bool  # asked even when nothing in the picture points to it

    def __init__(
        self,
        finding: Finding,
        warning: bool,
        score: float,
        why: str,
        reach: Level | None = None,
        screened: bool = False,
    ) -> None:
        vars(self).update(
            finding=finding, warning=warning, score=score, why=why, reach=reach, screened=screened
        )


def askable(finding: Finding, state: FindingState) -> bool:
    """A finding that has a question, is unknown (for a choice question: some finding its choices name
    is unknown), and whose gates allow asking it now."""
    present, absent = state.present, state.absent
    if finding.question is None or finding.id in present or finding.id in absent:
        return False
    if is_choice(finding) and all(f in present or f in absent for f in finding.choice_findings()):
        return False
    if finding.ask_unless and not present.isdisjoint(finding.ask_unless):
        return False
    return not finding.ask_when or not present.isdisjoint(finding.ask_when)


def rank_questions(
    kb: KnowledgeBase,
    state: FindingState,
    triage: TriageResult,
    causes: list[CauseScore],
    exclude: frozenset[str] = frozenset(),
    limit: int | None = None,
) -> list[Candidate]:
    """Every question worth asking, best first (see the module docstring); the first ``limit`` when given.

    ``exclude`` holds questions already asked but still unknown (answered "not sure"), or not to be
    ranked here.
    """
    return QuestionRanker.of(kb).rank(state, triage, causes, exclude, limit)


class QuestionRanker:
    """The question ranking over one knowledge base; its tables are built once, by ``__init__``."""

    kb: KnowledgeBase
    causes: dict[str, CauseTerms]
    rates: dict[str, float]
    yes_rates: dict[str, dict[str, float]]  # finding -> cause -> chance of "yes"
    lrs_of: dict[str, list[tuple[int, float, float]]]  # finding -> causes' index, log LRs
    restricted: frozenset[str]  # causes with ``requires`` or ``excludes``
    rules_of: dict[str, list[WarningSignRule]]
    checks_of: dict[str, list[tuple[WarningSignRule, Compiled]]]  # the same, compiled
    derived_of: dict[str, list[Finding]]
    samples: dict[str, list[float]]
    screened_signs: list[Finding]
    gated: dict[str, list[Finding]]  # gate finding -> screened signs it opens
    danger: frozenset[str]  # the universal danger screen's findings
    with_question: list[Finding]  # the findings that can be asked, in file order
    yes_closure: dict[str, tuple[frozenset[str], frozenset[str]]]  # see _closure
    # the same facts laid out for the loops that run for every question of every ranking:
    cause_index: dict[str, int]  # cause -> its place in ``causes``
    yes_rows: dict[str, tuple[float, ...]]  # finding -> chance of "yes" by cause index
    known_terms: dict[str, tuple[tuple[int, int, float, float], ...]]  # see _known_terms
    restricted_terms: tuple[tuple[int, frozenset[str], frozenset[str]], ...]
    warning_ids: dict[str, frozenset[str]]  # rule id -> the warning signs it names
    # number -> each value tried, with whether each of its derived findings holds there
    bands: dict[str, list[tuple[float, tuple[bool, ...]]]]
    # question -> the screened signs its answers could open and the rules they could fire (see _reached)
    reach_signs: dict[str, frozenset[str]]
    reach_rules: dict[str, frozenset[str]]
    in_play_rules: dict[str, tuple[tuple[WarningSignRule, frozenset[str]], ...]]  # see _in_play_rules
    # each question with what :func:`askable` reads: a choice's findings, its ask_unless and ask_when
    gates: list[tuple[Finding, frozenset[str] | None, frozenset[str], frozenset[str]]]
    tried_answers: dict[str, list[Answer]]  # question -> its answers, as :meth:`answers`
    yes_effects: dict[str, YesEffects]  # yes/no question -> what its "yes" could reach

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.causes = {
            c.id: CauseTerms(
                math.log(c.prior / (1 - c.prior)),
                {e.finding: (math.log(e.lr_present), math.log(e.lr_absent)) for e in c.evidence},
                frozenset(c.requires),
                frozenset(c.excludes),
            )
            for c in kb.causes.values()
        }
        self.rates = {f: reference_rate(kb, f) for f in kb.findings}
        self.with_question = [f for f in kb.findings.values() if f.question is not None]
        self.yes_closure = {f: _closure(kb, f) for f in kb.findings}
        self.yes_rates = {
            f: {
                c: min(0.95, max(0.001, math.exp(t.log_lr[f][0]) * rate))
                for c, t in self.causes.items()
                if f in t.log_lr
            }
            for f, rate in self.rates.items()
        }
        self.lrs_of = {}
        for index, terms in enumerate(self.causes.values()):
            for finding_id, (lr_yes, lr_no) in terms.log_lr.items():
                self.lrs_of.setdefault(finding_id, []).append((index, lr_yes, lr_no))
        self.restricted = frozenset(c for c, t in self.causes.items() if t.requires or t.excludes)
        self.cause_index = {c: index for index, c in enumerate(self.causes)}
        self.yes_rows = {
            f: tuple(with_cause.get(c, min(0.95, max(0.001, 1.0 * self.rates[f]))) for c in self.causes)
            for f, with_cause in self.yes_rates.items()
        }
        self.known_terms = _known_terms(self.causes)
        self.restricted_terms = tuple(
            (index, t.requires, t.excludes)
            for index, (c, t) in enumerate(self.causes.items())
            if c in self.restricted
        )
        self.warning_ids = {
            r.id: frozenset(f for f in r.when.finding_ids() if kb.findings[f].warning_sign)
            for r in kb.rules.values()
        }
        self.rules_of = {}
        self.checks_of = {}
        for rule in kb.rules.values():
            for finding_id in rule.when.finding_ids():
                self.rules_of.setdefault(finding_id, []).append(rule)
                self.checks_of.setdefault(finding_id, []).append((rule, compiled(rule.when)))
        for finding in kb.findings.values():
            # a choice question stands for the findings its choices name in their rules
            named = [r for f in finding.choice_findings() for r in self.rules_of.get(f, [])]
            if named:
                self.rules_of[finding.id] = list({r.id: r for r in named}.values())
                self.checks_of[finding.id] = [(r, compiled(r.when)) for r in self.rules_of[finding.id]]
        self.derived_of = {}
        for finding in kb.findings.values():
            if finding.derived_from is not None:
                self.derived_of.setdefault(finding.derived_from.finding, []).append(finding)
        self.samples = {
            number: sample_values([d.derived_from.value for d in derived if d.derived_from])
            for number, derived in self.derived_of.items()
        }
        self.bands = {
            number: [
                (value, tuple(bool(d.derived_from and d.derived_from.holds(value)) for d in derived))
                for value in self.samples[number]
            ]
            for number, derived in self.derived_of.items()
        }
        self.screened_signs = [
            f
            for f in kb.findings.values()
            if f.warning_sign
            and f.question
            and f.ask_when
            and any(map(self.screened, self.rules_of.get(f.id, [])))
        ]
        self.danger = frozenset(
            f
            for rule in kb.rules.values()
            if rule.screen and rule.outside_back and rule.level is Level.EMERGENCY_AMBULANCE
            for f in rule.when.finding_ids()
        )
        self.gated = {}
        for sign in self.screened_signs:
            for gate in sign.ask_when:
                self.gated.setdefault(gate, []).append(sign)
        self.in_play_rules = {f.id: rules for f in self.with_question if (rules := self._in_play_rules(f))}
        self.gates = [
            (
                f,
                frozenset(f.choice_findings()) if is_choice(f) else None,
                frozenset(f.ask_unless),
                frozenset(f.ask_when),
            )
            for f in self.with_question
        ]
        self.tried_answers = {f.id: self._answer_values(f) for f in self.with_question}
        reached = {f.id: self._reached(f) for f in self.with_question}
        self.reach_signs = {
            f: frozenset(sign.id for g in found for sign in self.gated.get(g, ()))
            for f, found in reached.items()
        }
        self.reach_rules = {
            f: frozenset(r.id for g in found for r, _ in self.checks_of.get(g, ()))
            for f, found in reached.items()
        }
        self.yes_effects = {
            f.id: _yes_effects(self, f.id)
            for f in self.with_question
            if self.tried_answers[f.id][:1] == [True]
        }

    def _answer_values(self, finding: Finding) -> list[Answer]:
        """The answers :meth:`answers` tries, in its order, without their chances."""
        if is_choice(finding):
            return [c.id for c in finding.choices]
        if finding.type not in (ValueType.NUMBER, ValueType.DURATION):
            return [True, False]
        return [value for value, _ in self.bands.get(finding.id, [])]

    def _reached(self, finding: Finding) -> frozenset[str]:
        """Every finding some answer to ``finding`` could make present (itself, a choice's findings, a
        number's derived ones, and what each implies): :meth:`suppose` adds no other."""
        starts = [
            finding.id,
            *finding.choice_findings(),
            *(d.id for d in self.derived_of.get(finding.id, [])),
        ]
        return frozenset(f for start in starts for f in self.yes_closure[start][0])

    @staticmethod
    def of(kb: KnowledgeBase) -> QuestionRanker:
        """The ranker of ``kb`` (built once per knowledge-base object)."""
        return _ranker(kb)

    # --- the ranking ---------------------------------------------------------------------------

    def rank(
        self,
        state: FindingState,
        triage: TriageResult,
        causes: list[CauseScore],
        exclude: frozenset[str] = frozenset(),
        limit: int | None = None,
    ) -> list[Candidate]:
        """Warning signs, then rule findings in play, then information; each block best first; the
        first ``limit`` only when given."""
        now = self.now(state, triage, causes)
        emergency = _RANK[triage.level] >= _RANK[Level.EMERGENCY]
        warnings: list[Candidate] = []
        in_play: list[Candidate] = []
        info: list[Candidate] = []
        # an information question's answers are tried only if the information block is worked out
        informative: list[tuple[Finding, Look | None, str, bool]] = []
        for finding in self.askable_questions(state, exclude):
            why = finding.rationale or "It helps tell the likely causes apart."
            if self.settled(finding, now):
                # the same blocks as below, for a question whose answers can open no sign nor raise the level
                if emergency:
                    continue
                if finding.warning_sign:
                    informative.append((finding, None, why, True))
                elif (level := self.in_play_level(finding, now)) is not None:
                    reach = self.reach(self.look(finding, now), triage)
                    in_play.append(Candidate(finding, False, 10.0 * _RANK[level], why, reach))
                else:
                    informative.append((finding, None, why, False))
                continue
            look = self.look(finding, now)
            raises = _RANK[look.reach] > _RANK[triage.level]
            opens = self.opening_level(look.opened, triage, 1 if finding.warning_sign else OPENS_AT_LEAST)
            reach = look.reach if raises else None
            # a warning sign whose ask_when gate is open is in context by the knowledge base's word
            gated = bool(finding.ask_when)
            if (
                finding.warning_sign
                and raises
                and (look.screened or opens or gated or look.relevance >= CONTEXT_THRESHOLD)
            ):
                # most urgent first by what a "yes" does by itself; the file order breaks ties
                sure = look.screened or opens is not None
                score = 10.0 * _RANK[look.reach] + (1.0 if sure else look.relevance)
                warnings.append(Candidate(finding, True, score, why, reach, sure))
            elif opens is not None:
                # it only opens other signs: after the emergency signs that act by themselves
                score = 10.0 * min(_RANK[opens], _RANK[Level.EMERGENCY]) - 5.0
                warnings.append(Candidate(finding, True, score, why, opens, True))
            elif emergency or finding.warning_sign:
                # a warning sign left out above is worth only what it tells about the causes
                if not emergency:
                    informative.append((finding, look, why, True))
            elif (level := self.in_play_level(finding, now)) is not None:
                in_play.append(Candidate(finding, False, 10.0 * _RANK[level], why, reach))
            else:
                informative.append((finding, look, why, False))
        # the information block comes last: when the blocks above fill ``limit``, it is not worked out
        if limit is None or len(warnings) + len(in_play) < limit:
            info = [c for args in informative if (c := self.informative(now, emergency, *args))]
        for block in (warnings, in_play, info):
            block.sort(key=lambda c: -c.score)
        ranked = warnings + in_play + info
        return ranked if limit is None else ranked[:limit]

    def askable_questions(self, state: FindingState, exclude: frozenset[str] = frozenset()) -> list[Finding]:
        """The questions :func:`askable` in ``state`` and not in ``exclude``, in file order (from a
        table of each question's gates, built once)."""
        present = state.present
        answered = present | state.absent
        skipped = answered | exclude
        return [
            finding
            for finding, named, unless, when in self.gates
            if finding.id not in skipped
            and (named is None or not named <= answered)
            and (not unless or unless.isdisjoint(present))
            and (not when or not when.isdisjoint(present))
        ]

    def informative(
        self,
        now: Now,
        emergency: bool,
        finding: Finding,
        look: Look | None,
        why: str,
        sign: bool,
    ) -> Candidate | None:
        """An information question, when it is worth asking: a warning sign (``sign``) by what it tells
        about the causes alone; another question by that plus the expected change to the plan. Its
        answers are tried here when ``look`` is None."""
        if look is None:
            look = self.look(finding, now)
        reach = self.reach(look, now.triage)
        self.weigh(finding, look, now)
        if sign:
            gain = self.gain(look, now)
            return Candidate(finding, False, gain, why, reach) if gain >= INFO_THRESHOLD else None
        # at an emergency level the causes no longer steer the questions
        score = (0.0 if emergency else self.gain(look, now)) + PLAN_WEIGHT * look.plan
        score += PERSON_BONUS if finding.group == PERSON_GROUP else 0.0
        return Candidate(finding, False, score, why, reach) if score >= INFO_THRESHOLD else None

    def now(self, state: FindingState, triage: TriageResult, causes: list[CauseScore]) -> Now:
        """The starting picture, with each cause's log odds and evidence LR worked out once."""
        totals = self._known_log_lrs(state)
        logs = {
            c: t.log_prior_odds + total for (c, t), total in zip(self.causes.items(), totals, strict=True)
        }
        lrs = {c: math.exp(logs[c] - t.log_prior_odds) for c, t in self.causes.items()}
        for cause_id in suspected_causes(triage):  # as in rank_causes, so that probs and logs agree
            if cause_id in logs:
                logs[cause_id] += SUSPECT_LOG_LR
        probs = {c.cause.id: c.probability for c in causes}
        possible = frozenset([r.id for r in triage.possible])
        index = self.cause_index
        shares = tuple((index[c], p) for c, p in probs.items())
        return Now(state, triage, probs, logs, lrs, possible, terms_of.entropy(probs.values()), shares)

    def look(self, finding: Finding, now: Now) -> Look:
        """Try every answer to ``finding``: what it tells, which rules it fires, what it opens; the
        answers' chances are left to :meth:`weigh`."""
        state, triage = now.state, now.triage
        look = Look(reach=triage.level)
        for answer in self.tried_answers[finding.id]:
            if answer is False:
                # a plain "no" makes one finding absent: that opens no gate and fires no rule (the
                # state after it is made only when weighed)
                look.tried.append((None, None))
                continue
            after = self.suppose(state, finding.id, answer)
            yes = self.yes_effects.get(finding.id) if answer is True else None
            if yes is not None and yes.closure.isdisjoint(state.present):
                # the "yes" made exactly its closure present: what that reaches is in the table
                signs, checks = yes.signs, yes.checks
            else:
                new = after.present - state.present
                signs = tuple(sign for gate in new for sign in self.gated.get(gate, ()))
                checks = self.touching(new)
            for sign in signs:
                if not askable(sign, state) and askable(sign, after):
                    look.opened[sign.id] = sign
            possible, present = now.possible, after.present
            rules = [r for r, check in checks if r.id in possible and fires(check, present)]
            for rule in rules:
                look.reach = max(look.reach, rule.level, key=_RANK.__getitem__)
                look.screened = look.screened or self.screened(rule)
                look.relevance = max(look.relevance, self.relevance(rule, now))
            lift = max(_RANK[r.level] for r in rules) - _RANK[triage.level] if rules else None
            look.tried.append((after, lift))
        return look

    def weigh(self, finding: Finding, look: Look, now: Now) -> None:
        """Give ``look`` each answer's chance and the expected change to the plan (levels of urgency
        times their chance), once."""
        if look.weighed:
            return
        state = now.state
        for (p, _), (after, lift) in zip(self.answers(finding, now), look.tried, strict=True):
            if lift is not None:
                look.plan += p * lift
            if after is None:
                after = FindingState(state.present, state.absent | {finding.id})
            look.answers.append((p, after))
        look.weighed = True

    def settled(self, finding: Finding, now: Now) -> bool:
        """True when no answer to ``finding`` can open enough screened warning signs to be asked for
        that, and (for a warning sign) none can fire a rule that raises the level: its block is then
        known without trying its answers."""
        least = 1 if finding.warning_sign else OPENS_AT_LEAST
        if len(self.reach_signs[finding.id]) >= least:
            return False
        return not finding.warning_sign or now.possible.isdisjoint(self.reach_rules[finding.id])

    @staticmethod
    def reach(look: Look, triage: TriageResult) -> Level | None:
        """The most urgent level an answer could lead to, when above the present one."""
        return look.reach if _RANK[look.reach] > _RANK[triage.level] else None

    def gain(self, look: Look, now: Now) -> float:
        """The expected information (bits) the answer gives about the causes (of a weighed ``look``);
        worked out only for the questions whose place depends on it."""
        gain = 0.0
        for p, after in look.answers:
            gain += p * (now.uncertainty - self.entropy_after(now, after))
        return gain

    # --- warning-sign rules --------------------------------------------------------------------

    def raised(
        self, now: Now, after: FindingState, new: frozenset[str] | None = None
    ) -> list[WarningSignRule]:
        """The rules that could still raise the level and fire once ``after`` is known (``new``: its
        findings not present before, when already worked out).

        Only a rule that names a newly present finding can fire: a rule not known yet stays unknown or
        turns false as the findings it names become absent (see :meth:`Compiled.evaluate`)."""
        if new is None:
            new = after.present - now.state.present
        possible, present = now.possible, after.present
        return [r for r, check in self.touching(new) if r.id in possible and fires(check, present)]

    def touching(self, found: Iterable[str]) -> tuple[tuple[WarningSignRule, Compiled], ...]:
        """The rules naming one of ``found`` (a choice question: the findings its choices name), each
        once, with their compiled conditions."""
        touched: dict[str, tuple[WarningSignRule, Compiled]] = {}
        for finding_id in found:
            for rule, check in self.checks_of.get(finding_id, ()):
                touched.setdefault(rule.id, (rule, check))
        return tuple(touched.values())

    def screened(self, rule: WarningSignRule) -> bool:
        """A rule whose warning signs are asked even when not suggested (``screen`` in rules.yaml)."""
        return rule.screen

    def relevance(self, rule: WarningSignRule, now: Now) -> float:
        """How much the picture points to ``rule``: 1 when one of its warning signs is present,
        else its suspects' share of the odds (at least ``CONTEXT_THRESHOLD`` when the evidence has
        multiplied the odds of one of them by ``CONTEXT_LR``)."""
        found = now.relevance.get(rule.id)
        if found is None:
            found = now.relevance[rule.id] = self._relevance(rule, now)
        return found

    def _relevance(self, rule: WarningSignRule, now: Now) -> float:
        if self._warning_present(rule, now.state):
            return 1.0
        if rule.outside_back:
            return 0.0
        if not rule.suspects:
            return NEUTRAL_RELEVANCE
        share = sum(now.probs.get(c, 0.0) for c in rule.suspects)
        if any(now.lrs.get(c, 0.0) >= CONTEXT_LR for c in rule.suspects if c in now.probs):
            share = max(share, CONTEXT_THRESHOLD)
        return share

    def opening_level(self, opened: dict[str, Finding], triage: TriageResult, least: int) -> Level | None:
        """The most urgent level the screened signs an answer opens could set, when it opens at
        least ``least`` of them that could raise the level; else None."""
        if len(opened) < least:
            return None
        levels = [
            r.level
            for f in opened.values()
            for r in self.rules_of.get(f.id, [])
            if self.screened(r) and _RANK[r.level] > _RANK[triage.level]
        ]
        return max(levels, key=_RANK.__getitem__) if levels else None

    def in_play_level(self, finding: Finding, now: Now) -> Level | None:
        """The most urgent rule of ``finding`` (24 hours or more, still able to raise the level, its
        needed context present) that the evidence points to: a suspect's odds at least doubled, or
        one of its warning signs present."""
        present = now.state.present
        levels = [
            rule.level
            for rule, context in self.in_play_rules.get(finding.id, ())
            if rule.id in now.possible
            and context <= present
            and (
                self._warning_present(rule, now.state)
                or any(now.lrs.get(c, 0.0) >= CONTEXT_LR for c in rule.suspects)
            )
        ]
        return max(levels, key=_RANK.__getitem__) if levels else None

    def _in_play_rules(self, finding: Finding) -> tuple[tuple[WarningSignRule, frozenset[str]], ...]:
        """The rules of ``finding`` at 24 hours or more, each with its context: the findings it needs in
        any case (its plain ``all`` ids) other than those this question asks, which must be present
        first (no point asking about leg numbness for the cancer rule before cancer is known)."""
        asked = {finding.id, *finding.choice_findings()}
        return tuple(
            (rule, frozenset(t for t in rule.when.all if isinstance(t, str) and t not in asked))
            for rule in self.rules_of.get(finding.id, [])
            if _RANK[rule.level] >= _RANK[Level.CONSULTATION_24]
        )

    def _warning_present(self, rule: WarningSignRule, state: FindingState) -> bool:
        return not self.warning_ids[rule.id].isdisjoint(state.present)

    # --- causes and answers --------------------------------------------------------------------

    def posterior(self, state: FindingState) -> dict[str, float]:
        """Cause probabilities (naive Bayes, as :func:`rank_causes`) over the causes still possible."""
        ids = [c for c in self.causes if self._possible(c, state)]
        logs = [self.causes[c].log_prior_odds + self._log_lr(self.causes[c], state) for c in ids]
        return dict(zip(ids, _shares(logs), strict=True))

    def entropy_after(self, now: Now, after: FindingState) -> float:
        """The entropy (bits) of :meth:`posterior` of ``after``, worked out from ``now`` and the
        findings that changed."""
        before = now.state
        changed = (after.present ^ before.present) | (after.absent ^ before.absent)
        logs = list(now.logs.values())  # in the order of self.causes
        for finding_id in changed:
            for index, lr_yes, lr_no in self.lrs_of.get(finding_id, ()):
                logs[index] += contribution(lr_yes, lr_no, finding_id, after) - contribution(
                    lr_yes, lr_no, finding_id, before
                )
        present = after.present
        ruled_out = {
            index
            for index, requires, excludes in self.restricted_terms
            if not (requires <= present and excludes.isdisjoint(present))
        }
        possible = [v for index, v in enumerate(logs) if index not in ruled_out] if ruled_out else logs
        return terms_of.entropy(_shares(possible))

    def _possible(self, cause_id: str, state: FindingState) -> bool:
        """A cause whose ``requires`` are present and none of whose ``excludes`` is."""
        if cause_id not in self.restricted:
            return True
        terms = self.causes[cause_id]
        return terms.requires <= state.present and terms.excludes.isdisjoint(state.present)

    @staticmethod
    def _log_lr(terms: CauseTerms, state: FindingState) -> float:
        total = 0.0
        for finding_id, (lr_yes, lr_no) in terms.log_lr.items():
            if finding_id in state.present:
                total += lr_yes
            elif finding_id in state.absent:
                total += lr_no
        return total

    def _known_log_lrs(self, state: FindingState) -> list[float]:
        """:meth:`_log_lr` of every cause, in the order of ``self.causes``, from the findings known
        rather than from every cause's whole evidence list; each cause's terms are added in its own
        order, so the sums are the same to the last bit."""
        found: dict[int, list[tuple[int, float]]] = {}
        for finding_id in state.present:
            for index, position, lr_yes, _ in self.known_terms.get(finding_id, ()):
                found.setdefault(index, []).append((position, lr_yes))
        for finding_id in state.absent - state.present:
            for index, position, _, lr_no in self.known_terms.get(finding_id, ()):
                found.setdefault(index, []).append((position, lr_no))
        totals = [0.0] * len(self.causes)
        for index, terms in found.items():
            terms.sort()
            total = 0.0
            for _, value in terms:
                total += value
            totals[index] = total
        return totals

    def p_yes(self, finding_id: str, now: Now) -> float:
        """Predicted chance of "yes": each cause's chance times how often the finding comes with it
        (its reference rate times the cause's LR)."""
        cached = now.p_cache.get(finding_id)
        if cached is not None:
            return cached
        row = self.yes_rows[finding_id]  # a cause without an LR for it: the finding's reference rate
        total = 0.0
        for index, p in now.shares:
            total += p * row[index]
        now.p_cache[finding_id] = result = min(0.95, max(0.001, total))
        return result

    def answers(self, finding: Finding, now: Now) -> list[tuple[float, Answer]]:
        """The possible answers to ``finding`` with their predicted chances; a number is tried at one
        value inside each band its derived findings cut it into, a choice question at each choice."""
        if is_choice(finding):
            return self.choice_answers(finding, now)
        if finding.type not in (ValueType.NUMBER, ValueType.DURATION):
            p_yes = self.p_yes(finding.id, now)
            return [(p_yes, True), (1 - p_yes, False)]
        weighted = []
        for value, holds in self.bands.get(finding.id, []):
            weight = 1.0
            for derived, held in zip(self.derived_of[finding.id], holds, strict=True):
                p = self.p_yes(derived.id, now)
                weight *= p if held else 1 - p
            weighted.append((weight, value))
        norm = sum(w for w, _ in weighted) or 1.0
        return [(w / norm, v) for w, v in weighted]

    def _holds(self, finding_id: str, value: float) -> tuple[bool, ...]:
        """Whether each derived finding of the number ``finding_id`` holds at ``value`` (looked up for
        the values the ranking tries)."""
        for sample, holds in self.bands.get(finding_id, ()):
            if sample == value:
                return holds
        derived = self.derived_of.get(finding_id, [])
        return tuple(bool(d.derived_from and d.derived_from.holds(value)) for d in derived)

    def choice_answers(self, finding: Finding, now: Now) -> list[tuple[float, Answer]]:
        """Each choice with its predicted chance: how likely the findings it implies are present and
        those it rules out absent, shared out over the choices."""
        weighted = []
        for choice in finding.choices:
            weight = 1.0
            for named, present in choice_answers(choice).items():
                p = self.p_yes(named, now)
                weight *= p if present else 1 - p
            weighted.append((weight, choice.id))
        norm = sum(w for w, _ in weighted) or 1.0
        return [(w / norm, c) for w, c in weighted]

    def suppose(self, state: FindingState, finding_id: str, answer: Answer) -> FindingState:
        """``state`` after one answer, with the implied, ruled-out and derived findings added (for a
        choice, the findings it sets)."""
        if answer is False:
            return FindingState(state.present, state.absent | {finding_id})
        if answer is True:
            closure, ruled_out = self.yes_closure[finding_id]
            if closure.isdisjoint(state.present):
                # what the loop below gives when none of the implied findings is known present yet
                present_after = state.present | closure
                return FindingState(present_after, (state.absent | ruled_out) - present_after)
        present, absent = set(state.present), set(state.absent)
        todo: list[str] = []
        if isinstance(answer, str):
            choice = self.kb.findings[finding_id].choice(answer)
            for named, yes in (choice_answers(choice) if choice is not None else {}).items():
                if yes:
                    todo.append(named)
                elif named not in present:
                    absent.add(named)
        else:
            todo.append(finding_id)
        if isinstance(answer, float | int) and not isinstance(answer, bool):
            holds = self._holds(finding_id, answer)
            for derived, held in zip(self.derived_of.get(finding_id, []), holds, strict=True):
                if held:
                    todo.append(derived.id)
                elif derived.id not in present:
                    absent.add(derived.id)
        while todo:
            current = todo.pop()
            if current in present:
                continue
            present.add(current)
            absent.discard(current)
            finding = self.kb.findings[current]
            todo.extend(finding.implies)
            absent.update(f for f in finding.rules_out if f not in present)
        return FindingState(frozenset(present), frozenset(absent))


_ranker = per_knowledge_base(QuestionRanker, kept=True)


def _known_terms(causes: dict[str, CauseTerms]) -> dict[str, tuple[tuple[int, int, float, float], ...]]:
    """Finding -> for each cause with LRs for it: the cause's index, the finding's place in the cause's
    evidence, and its log LRs present and absent."""
    out: dict[str, list[tuple[int, int, float, float]]] = {}
    for index, terms in enumerate(causes.values()):
        for position, (finding_id, (lr_yes, lr_no)) in enumerate(terms.log_lr.items()):
            out.setdefault(finding_id, []).append((index, position, lr_yes, lr_no))
    return {finding_id: tuple(terms) for finding_id, terms in out.items()}


class YesEffects(Frozen):
    """What a "yes" to a yes/no question reaches when it makes exactly its closure present (none of
    it known present before): the screened signs it could open and the rules naming a finding of it."""

    FIELDS: ClassVar[tuple[str, ...]] = ("closure", "signs", "checks")

    closure: frozenset[str]
    signs: tuple[Finding, ...]  # the signs gated by a finding of the closure (a sign once per gate)
    checks: tuple[tuple[WarningSignRule, Compiled], ...]  # as QuestionRanker.touching(closure)

    def __init__(
        self,
        closure: frozenset[str],
        signs: tuple[Finding, ...],
        checks: tuple[tuple[WarningSignRule, Compiled], ...],
    ) -> None:
        vars(self).update(closure=closure, signs=signs, checks=checks)


def _yes_effects(ranker: QuestionRanker, finding_id: str) -> YesEffects:
    closure = ranker.yes_closure[finding_id][0]
    signs = tuple(sign for gate in closure for sign in ranker.gated.get(gate, ()))
    return YesEffects(closure, signs, ranker.touching(closure))


def _closure(kb: KnowledgeBase, finding_id: str) -> tuple[frozenset[str], frozenset[str]]:
    """The findings a "yes" to ``finding_id`` makes present (itself and what it implies, at any depth)
    and those they rule out."""
    closure: set[str] = set()
    todo = [finding_id]
    while todo:
        current = todo.pop()
        if current not in closure:
            closure.add(current)
            todo.extend(kb.findings[current].implies)
    ruled_out = {r for f in closure for r in kb.findings[f].rules_out}
    return frozenset(closure), frozenset(ruled_out)


def _shares(logs: list[float]) -> list[float]:
    """Log odds -> probabilities summing to one (a softmax)."""
    if not logs:
        return []
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    norm = sum(weights)
    return [w / norm for w in weights]


def danger_screen(kb: KnowledgeBase) -> frozenset[str]:
    """Findings of the universal danger screen: the signs of a screened rule that calls an ambulance
    whatever the cause (``screen`` and ``outside_back`` in rules.yaml). They are asked before anything."""
    return QuestionRanker.of(kb).danger


def danger_leads(kb: KnowledgeBase, candidates: list[Candidate]) -> bool:
    """True when the best question is the danger screen, which goes before a sign the text hinted at."""
    return bool(candidates) and candidates[0].finding.id in danger_screen(kb)
