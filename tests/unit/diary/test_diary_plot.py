"""The plot: well-formed SVG drawn by matplotlib with the milestones marked, the same every time,
and a text alternative."""

from __future__ import annotations

from datetime import date, timedelta
from xml.etree import ElementTree

from diary_helpers import START, falling

from lumbar.diary.entry import Entry
from lumbar.diary.plot import SVG, ScorePoint, render_plot
from lumbar.knowledge.loader import KnowledgeBase

NS = {"svg": SVG}


def test_the_plot_is_svg_with_the_milestones_marked_and_labelled(kb: KnowledgeBase) -> None:
    plot = render_plot(falling(START, 7, 2), START, kb)
    root = ElementTree.fromstring(plot.svg)
    assert root.tag == f"{{{SVG}}}svg" and root.get("role") == "img"
    ids = {element.get("id") for element in root.iter()}
    assert kb.diary is not None
    for milestone in kb.diary.review.milestones:
        assert f"milestone-{milestone.id}" in ids
        label = root.find(f".//svg:g[@id='milestone-{milestone.id}-label']", NS)
        assert label is not None and milestone.label in "".join(label.itertext())


def test_the_plot_carries_its_text_alternative(kb: KnowledgeBase) -> None:
    plot = render_plot(falling(START, 7, 2), START, kb)
    root = ElementTree.fromstring(plot.svg)
    assert root.findtext("svg:title", namespaces=NS) == plot.title
    assert root.findtext("svg:desc", namespaces=NS) == plot.summary
    assert "from 7 to 2" in plot.summary and len(plot.rows) == 15


def test_the_plot_fits_a_phone_screen(kb: KnowledgeBase) -> None:
    root = ElementTree.fromstring(render_plot(falling(START, 7, 2), START, kb).svg)
    width = float(root.get("width", "0").removesuffix("pt")) * 96 / 72
    assert 300 <= width <= 390


def test_the_same_entries_give_the_same_svg(kb: KnowledgeBase) -> None:
    entries = falling(START, 7, 2)
    assert render_plot(entries, START, kb).svg == render_plot(list(entries), START, kb).svg


def test_activity_is_drawn_when_written(kb: KnowledgeBase) -> None:
    entries = [
        Entry(day=START + timedelta(days=i), pain_now=5, pain_worst=6, activity=3 + i) for i in range(3)
    ]
    assert kb.diary is not None
    with_activity = render_plot(entries, START, kb).svg
    without = render_plot(falling(START, 5, 5, count=3), START, kb).svg
    assert kb.diary.wording.plot_activity in with_activity and kb.diary.wording.plot_activity not in without


def test_a_plot_is_drawn_once_for_the_same_days(kb: KnowledgeBase) -> None:
    days = falling(START, 7, 3)
    first = render_plot(days, START, kb)
    assert render_plot(list(days), START, kb) is first
    assert render_plot(days[:-1], START, kb) is not first  # another set of days is drawn anew


def scores_over(start: date) -> list[ScorePoint]:
    """Roland-Morris on days 0 and 10, STarT Back on day 0, and a pain score the plot leaves out."""
    return [
        ScorePoint(day=start, questionnaire="rmdq", total=14),
        ScorePoint(day=start + timedelta(days=10), questionnaire="rmdq", total=8),
        ScorePoint(day=start, questionnaire="start_back", total=5),
        ScorePoint(day=start, questionnaire="pain_nrs", total=7),
    ]


def test_kept_scores_are_drawn_in_a_second_panel_on_the_same_days(kb: KnowledgeBase) -> None:
    assert kb.diary is not None
    wording = kb.diary.wording
    plot = render_plot(falling(START, 7, 2), START, kb, scores_over(START))
    root = ElementTree.fromstring(plot.svg)
    ids = {element.get("id") for element in root.iter()}
    assert {"scores-rmdq", "scores-start_back"} <= ids and "scores-pain_nrs" not in ids
    assert wording.plot_axis_scores in plot.svg and "Roland-Morris (out of 24)" in plot.svg
    height = float(root.get("height", "0").removesuffix("pt")) * 96 / 72
    alone = ElementTree.fromstring(render_plot(falling(START, 7, 2), START, kb).svg)
    assert (
        height > float(alone.get("height", "0").removesuffix("pt")) * 96 / 72
    )  # the second panel adds height, not width: it still fits a phone


def test_the_text_alternative_names_the_scores(kb: KnowledgeBase) -> None:
    plot = render_plot(falling(START, 7, 2), START, kb, scores_over(START))
    root = ElementTree.fromstring(plot.svg)
    assert root.findtext("svg:desc", namespaces=NS) == plot.summary
    assert "Roland-Morris went from 14 to 8 out of 24" in plot.summary
    assert "STarT Back: 5 out of 9 on Monday 2 March." in plot.summary
    assert "pain_nrs" not in plot.summary and len(plot.rows) == 15 + 3
    assert "Thursday 12 March: Roland-Morris 8 out of 24" in plot.rows


def test_no_scores_draw_no_scores_panel(kb: KnowledgeBase) -> None:
    plain = render_plot(falling(START, 7, 2), START, kb)
    only_pain_score = render_plot(falling(START, 7, 2), START, kb, scores_over(START)[-1:])
    assert only_pain_score.svg == plain.svg and "scores-" not in plain.svg


def test_the_plot_holds_no_inline_style_that_a_strict_page_would_refuse(kb: KnowledgeBase) -> None:
    root = ElementTree.fromstring(render_plot(falling(START, 7, 2), START, kb, scores_over(START)).svg)
    assert [element for element in root.iter() if "style" in element.attrib] == []
    assert root.find(".//svg:style", NS) is None
    assert root.get("stroke-linejoin") == "round"  # the sheet's rule, now the root's, for all to inherit
    background = root.find(".//svg:g[@id='patch_1']/svg:path", NS)
    assert background is not None and background.get("fill") == "#ffffff"
