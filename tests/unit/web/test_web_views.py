"""What the result page shows: numbers in plain words, findings by name, absent findings marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_helpers import SELF_CARE_TEXT, make_settings

from lumbar.assessment import FoundFinding
from lumbar.care.models import SafetySign
from lumbar.export.result_words import ABSENT_MARK, cause_view
from lumbar.web.engines import Engines
from lumbar.web.views import (
    extra_actions,
    net_group,
    number_sources,
    passage_links,
    result_view,
)


@pytest.fixture(scope="module")
def engines(ask_home: Path) -> Engines:
    return Engines(make_settings(ask_home))


def test_points_for_and_against_use_names_and_mark_what_is_absent(engines: Engines) -> None:
    assessment = engines.assess(SELF_CARE_TEXT + " No pain down my legs.")
    absent = set(assessment.negated)
    for cause in assessment.causes:
        view = cause_view(cause, absent, engines)
        for finding_id, shown in zip(
            [*cause.for_, *cause.against], [*view.points_for, *view.points_against], strict=True
        ):
            assert shown.startswith(engines.finding_name(finding_id))
            assert shown.endswith(ABSENT_MARK) == (finding_id in absent)


def test_what_you_told_us_gives_numbers_with_units(engines: Engines) -> None:
    assessment = engines.assess(SELF_CARE_TEXT)
    view = result_view(assessment, engines.plan(assessment), engines)
    assert f"{engines.finding_name('age')}: 35 years" in view.said_yes
    told = assessment.replace(findings=[FoundFinding(id="fever", status="absent", evidence="answered: no")])
    assert result_view(told, engines.plan(told), engines).said_no == [engines.finding_name("fever")]


def test_the_result_opens_with_the_plans_first_steps_and_folds_the_later_ones(engines: Engines) -> None:
    assessment = engines.assess(SELF_CARE_TEXT)
    plan = engines.plan(assessment)
    view = result_view(assessment, plan, engines, "112")
    assert view.first_steps == plan.sections[0]
    assert view.later_sections == plan.sections[1:]
    assert view.emergency_number == "112"
    assert all(
        cause.chance.startswith("about ") and cause.chance.endswith(" in 100") for cause in view.causes
    )


def test_an_urgent_action_never_repeats_the_levels_own_words(engines: Engines) -> None:
    assessment = engines.assess("my back hurts, I am numb between my legs and I have wet myself")
    plan = engines.plan(assessment)
    wording = engines.kb.levels[assessment.level]
    assert plan.urgent is not None
    extra = extra_actions(plan, wording)
    said = " ".join(plan.urgent.actions)
    assert wording.headline in said  # the plan's action starts with the level's own sentence ...
    assert wording.headline not in extra  # ... which the page says once, in its title
    assert extra and all(sentence in said for sentence in extra)
    assert len(extra) == len(set(extra))


def test_sources_are_numbered_once_each_in_order(engines: Engines) -> None:
    assessment = engines.assess(SELF_CARE_TEXT)
    numbers = number_sources(assessment, engines.plan(assessment))
    assert [n for n, _ in numbers.values()] == list(range(1, len(numbers) + 1))
    assert set(assessment.sources) <= set(numbers)


def test_answer_citations_link_to_their_passages_and_text_stays_escaped() -> None:
    html = str(passage_links("Rest <b>briefly</b> [1] and move [12]."))
    assert "&lt;b&gt;" in html
    assert '[<a href="#passage-1"><span class="sr-only">passage </span>1</a>]' in html
    assert 'href="#passage-12"' in html


def test_an_urgent_sentence_that_adds_to_the_title_becomes_the_title(engines: Engines) -> None:
    assessment = engines.assess("I am 35. My lower back has hurt for 3 days and I have a fever of 38.5")
    plan = engines.plan(assessment)
    view = result_view(assessment, plan, engines)
    wording = engines.kb.levels[assessment.level]
    assert view.level_title.startswith(wording.title)
    assert not any(a.startswith(wording.title) for a in view.extra_actions)


def test_a_safety_net_sign_shows_only_what_its_groups_heading_does_not_say(engines: Engines) -> None:
    assessment = engines.assess(SELF_CARE_TEXT)
    plan = engines.plan(assessment)
    shortened = 0
    for group in plan.safety_net.groups:
        words = engines.kb.levels[group.level]
        for sign in group.signs:
            for said in (words.action, words.headline, *words.said_as):
                assert said not in sign.then
            assert sign.then in sign.action
            shortened += sign.then != sign.action
    assert shortened  # the repeats are there to remove


@pytest.mark.parametrize(
    "text", [SELF_CARE_TEXT, "I am 70 and my lower back went into a cramp after gardening yesterday."]
)
def test_the_safety_net_shows_the_persons_and_everyones_emergency_signs_and_names_the_rest(
    engines: Engines, text: str
) -> None:
    plan = engines.plan(engines.assess(text))
    folded_somewhere = named_somewhere = False
    for group in plan.safety_net.groups:
        view = net_group(group, engines)
        lines = [*view.shown, *view.folded]
        # each sign once, under one action, and each line's signs share that action
        assert sorted(id(s) for line in lines for s in line.signs) == sorted(id(s) for s in group.signs)
        assert all(len({s.action for s in line.signs}) == 1 for line in lines)
        emergency = engines.kb.levels[group.level].emergency

        def in_full(sign: SafetySign, emergency: bool = emergency) -> bool:
            return sign.personal or (emergency and engines.kb.rules[sign.rule].applies_to == "everyone")

        assert all(in_full(s) for line in view.shown for s in line.signs), group.heading
        assert not any(in_full(s) for line in view.folded for s in line.signs), group.heading
        assert view.folded_signs == sum(not in_full(s) for s in group.signs)
        # at an emergency level every folded sign is still named, without a tap
        folded_rules = {s.rule for line in view.folded for s in line.signs}
        if emergency:
            assert len(view.named) == len(folded_rules)
            assert all(name[:1].islower() for name in view.named)
            named_somewhere |= bool(view.named)
        else:
            assert not view.named
        folded_somewhere |= bool(view.folded)
    assert folded_somewhere  # a self-care plan has less urgent signs to fold
    assert named_somewhere  # and signs for groups the person is in (a started medicine, age)
