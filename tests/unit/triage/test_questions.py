"""Question ranking: the danger screen first, answered and excluded findings never again."""

from __future__ import annotations

import pytest

from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Level
from lumbar.triage.differential import rank_causes
from lumbar.triage.questions import Now, QuestionRanker, askable, danger_leads, danger_screen, rank_questions
from lumbar.triage.rules import FindingState, TriageResult, suspected_causes, triage


def _ranking(state: FindingState) -> tuple[KnowledgeBase, QuestionRanker, TriageResult, Now]:
    """The knowledge base, its ranker, the triage of ``state`` and the ranker's view of it."""
    kb = load_knowledge()
    ranker = QuestionRanker.of(kb)
    result = triage(kb, state)
    return kb, ranker, result, ranker.now(state, result, rank_causes(kb, state))


def _ranked(state: FindingState, exclude: frozenset[str] = frozenset()) -> list[str]:
    kb = load_knowledge()
    return [
        c.finding.id for c in rank_questions(kb, state, triage(kb, state), rank_causes(kb, state), exclude)
    ]


def test_with_nothing_known_the_danger_screen_is_asked_first() -> None:
    kb = load_knowledge()
    state = FindingState(frozenset(), frozenset())
    candidates = rank_questions(kb, state, triage(kb, state), rank_causes(kb, state))
    assert candidates[0].finding.id in danger_screen(kb)
    assert danger_leads(kb, candidates)


def test_an_answered_or_excluded_finding_is_not_asked_again() -> None:
    first = _ranked(FindingState(frozenset(), frozenset()))[0]
    assert first not in _ranked(FindingState(frozenset(), frozenset({first})))
    assert first not in _ranked(FindingState(frozenset(), frozenset()), exclude=frozenset({first}))


def test_a_gated_question_waits_for_its_gate() -> None:
    kb = load_knowledge()
    gated = next(f for f in kb.findings.values() if f.question is not None and f.ask_when)
    assert not askable(gated, FindingState(frozenset(), frozenset()))
    assert askable(gated, FindingState(frozenset({gated.ask_when[0]}), frozenset()))


def test_a_choice_question_is_ranked_by_what_its_choices_could_do() -> None:
    kb = load_knowledge()
    state = FindingState(frozenset({"back_pain", "leg_pain_radiating"}), frozenset())
    result = triage(kb, state)
    candidates = rank_questions(kb, state, result, rank_causes(kb, state))
    leg_sides = next(c for c in candidates if c.finding.id == "leg_sides")
    assert leg_sides.warning and leg_sides.reach is Level.EMERGENCY  # "both legs" fires the nerve rule
    ranker = QuestionRanker.of(kb)
    now = ranker.now(state, result, rank_causes(kb, state))
    chances = dict((answer, p) for p, answer in ranker.answers(kb.findings["leg_sides"], now))
    assert set(chances) == {"one_leg", "both_legs"} and sum(chances.values()) == pytest.approx(1.0)
    assert chances["both_legs"] == pytest.approx(ranker.p_yes("bilateral_leg_symptoms", now))
    both = ranker.suppose(state, "leg_sides", "both_legs")
    assert "bilateral_leg_symptoms" in both.present and "leg_sides" not in both.present
    assert "bilateral_leg_symptoms" in ranker.suppose(state, "leg_sides", "one_leg").absent


def test_a_choice_question_is_not_asked_once_its_findings_are_known() -> None:
    kb = load_knowledge()
    leg_sides = kb.findings["leg_sides"]
    gate = frozenset({"leg_pain_radiating"})
    assert askable(leg_sides, FindingState(gate, frozenset()))
    assert not askable(leg_sides, FindingState(gate | {"bilateral_leg_symptoms"}, frozenset()))
    assert not askable(leg_sides, FindingState(gate, frozenset({"bilateral_leg_symptoms"})))
    assert not askable(leg_sides, FindingState(frozenset(), frozenset()))  # no leg symptom: not asked


_PICTURES = [
    FindingState(frozenset(), frozenset()),
    FindingState(frozenset({"back_pain", "leg_pain_radiating"}), frozenset({"fever"})),
    FindingState(frozenset({"back_pain", "fever", "lifting_injury"}), frozenset({"leg_pain_radiating"})),
]


@pytest.mark.parametrize("state", _PICTURES)
def test_the_log_lrs_from_the_known_findings_are_each_causes_whole_sum_to_the_last_bit(
    state: FindingState,
) -> None:
    ranker = QuestionRanker.of(load_knowledge())
    whole = [ranker._log_lr(terms, state) for terms in ranker.causes.values()]
    assert ranker._known_log_lrs(state) == whole


@pytest.mark.parametrize("state", _PICTURES)
def test_the_rules_an_answer_fires_are_those_that_turn_true_among_the_rules_still_possible(
    state: FindingState,
) -> None:
    kb, ranker, _result, now = _ranking(state)
    tried = 0
    for finding in kb.findings.values():
        if not askable(finding, state):
            continue
        for _, answer in ranker.answers(finding, now):
            after = ranker.suppose(state, finding.id, answer)
            fired = {r.id for r in triage(kb, after).fired} & now.possible
            assert {r.id for r in ranker.raised(now, after)} == fired, (finding.id, answer)
            tried += 1
    assert tried > 20


@pytest.mark.parametrize("state", _PICTURES)
def test_a_question_settled_without_its_answers_is_one_whose_answers_open_nothing_and_raise_nothing(
    state: FindingState,
) -> None:
    kb, ranker, result, now = _ranking(state)
    settled = [f for f in kb.findings.values() if askable(f, state) and ranker.settled(f, now)]
    for finding in settled:
        look = ranker.look(finding, now)
        least = 1 if finding.warning_sign else 2
        assert ranker.opening_level(look.opened, result, least) is None, finding.id
        if finding.warning_sign:
            assert ranker.reach(look, result) is None, finding.id
    assert settled


_SUSPECTING = [
    FindingState(frozenset({"back_pain", "fever", "iv_drug_use"}), frozenset()),
    FindingState(frozenset({"back_pain", "saddle_anaesthesia", "urinary_retention"}), frozenset()),
]


@pytest.mark.parametrize("state", _PICTURES + _SUSPECTING)
def test_the_uncertainty_worked_out_from_the_log_odds_is_that_of_the_ranked_causes(
    state: FindingState,
) -> None:
    """The log odds the ranker updates and the causes' chances it starts from are one picture, with
    the odds a fired rule's suspects are raised by."""
    kb = load_knowledge()
    ranker = QuestionRanker.of(kb)
    result = triage(kb, state)
    now = ranker.now(state, result, rank_causes(kb, state, suspected_causes(result)))
    assert ranker.entropy_after(now, state) == pytest.approx(now.uncertainty, abs=1e-9)


def test_the_pictures_with_suspects_have_a_rule_that_suspects_a_cause() -> None:
    kb = load_knowledge()
    for state in _SUSPECTING:
        assert suspected_causes(triage(kb, state)), state


def _pictures_of_every_question() -> list[FindingState]:
    """The pictures above, and each one with every question's finding (or its gate) present or absent."""
    kb = load_knowledge()
    out = list(_PICTURES + _SUSPECTING)
    for base in _PICTURES:
        for finding in kb.findings.values():
            if finding.question is None:
                continue
            for known in [
                finding.id,
                *finding.ask_when[:1],
                *finding.ask_unless[:1],
                *finding.choice_findings(),
            ]:
                out.append(FindingState(base.present | {known}, base.absent - {known}))
                out.append(FindingState(base.present - {known}, base.absent | {known}))
    return out


def test_the_askable_questions_from_the_gates_table_are_those_askable_says() -> None:
    kb = load_knowledge()
    ranker = QuestionRanker.of(kb)
    questions = [f for f in kb.findings.values() if f.question is not None]
    for state in _pictures_of_every_question():
        for exclude in (frozenset(), frozenset([*sorted(state.present | state.absent)[:2], questions[0].id])):
            expected = [f for f in questions if f.id not in exclude and askable(f, state)]
            assert ranker.askable_questions(state, exclude) == expected, (state, exclude)


def test_the_effects_of_a_yes_kept_per_question_are_those_worked_out_from_its_closure() -> None:
    kb = load_knowledge()
    ranker = QuestionRanker.of(kb)
    assert ranker.yes_effects
    for finding_id, yes in ranker.yes_effects.items():
        closure = ranker.suppose(FindingState(frozenset(), frozenset()), finding_id, True).present
        assert yes.closure == closure, finding_id
        named = [r.id for r, _ in yes.checks]
        assert sorted(named) == sorted(r.id for r in kb.rules.values() if r.when.finding_ids() & closure)
        assert {s.id for s in yes.signs} == {s.id for g in closure for s in ranker.gated.get(g, ())}


@pytest.mark.parametrize("state", _PICTURES + _SUSPECTING)
def test_a_look_finds_the_rules_each_answer_fires_and_the_signs_it_opens_as_triage_does(
    state: FindingState,
) -> None:
    """What a look reads from the table of a "yes" is what triage and askable say of the state after it."""
    kb, ranker, result, now = _ranking(state)
    for finding in ranker.askable_questions(state):
        look = ranker.look(finding, now)
        levels = []
        opened = set()
        for answer in ranker.tried_answers[finding.id]:
            after = ranker.suppose(state, finding.id, answer)
            levels += [r.level for r in triage(kb, after).fired if r.id in now.possible]
            opened |= {s.id for s in ranker.screened_signs if not askable(s, state) and askable(s, after)}
        assert look.reach == max([result.level, *levels], key=lambda level: level.rank), finding.id
        assert set(look.opened) == opened, finding.id


def test_a_rules_context_for_a_question_is_its_plain_all_findings_the_question_does_not_ask() -> None:
    kb = load_knowledge()
    ranker = QuestionRanker.of(kb)
    for finding_id, rules in ranker.in_play_rules.items():
        finding = kb.findings[finding_id]
        asked = {finding.id, *finding.choice_findings()}
        for rule, context in rules:
            assert rule.level.rank >= Level.CONSULTATION_24.rank
            assert context == {t for t in rule.when.all if isinstance(t, str)} - asked
    assert any(context for rules in ranker.in_play_rules.values() for _, context in rules)
