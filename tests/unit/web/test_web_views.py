"""What the result page shows: numbers in plain words, findings by name, absent findings marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_helpers import SELF_CARE_TEXT, make_settings

from lumbar.assessment import FoundFinding
from lumbar.web.engines import Engines
from lumbar.web.views import (
    ABSENT_MARK,
    cause_view,
    number_sources,
    passage_links,
    percent,
    quantity,
    result_view,
)


@pytest.fixture(scope="module")
def engines(ask_home: Path) -> Engines:
    return Engines(make_settings(ask_home))


@pytest.mark.parametrize(
    ("value", "unit", "words"),
    [
        (35, "years", "35 years"),
        (1, "days", "1 day"),
        (38.5, "°C", "38.5 °C"),
        (6, "/10", "6/10"),
        (3, None, "3"),
    ],
)
def test_quantities_read_plainly(value: float, unit: str | None, words: str) -> None:
    assert quantity(value, unit) == words


def test_percentages_never_show_zero_for_a_listed_cause() -> None:
    assert percent(0.001) == 1 and percent(0.748) == 75


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
    told = assessment.model_copy(
        update={"findings": [FoundFinding(id="fever", status="absent", evidence="answered: no")]}
    )
    assert result_view(told, engines.plan(told), engines).said_no == [engines.finding_name("fever")]


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
