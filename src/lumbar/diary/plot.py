"""The diary's plot: pain now and at its worst (and activity, where written) over the days since the
first assessment, with the plan's milestones marked, as a server-side SVG drawn by matplotlib. Kept
questionnaire scores (those diary.yaml's ``plotted_scores`` names: Roland-Morris, STarT Back) are
drawn in a second, smaller panel under it, on the same days.

It needs no JavaScript and no network (matplotlib ships its fonts and needs no download), fits a 390-pixel phone
screen, holds no inline style (matplotlib's ``style`` attributes become SVG presentation attributes, so a
page whose Content-Security-Policy refuses inline styles still draws it, not a black box), and carries a
text alternative: a ``<title>``/``<desc>`` inside the SVG, and a summary
sentence with one line per day for a screen reader or a table. The output is the same for the same
entries: the SVG's ids come from a fixed salt and it holds no date.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any
from xml.etree import ElementTree

import matplotlib
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.typing import RcKeyType
from pydantic import BaseModel, ConfigDict

from lumbar.diary.doses import diary_rules
from lumbar.diary.entry import Entry
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.questionnaires import TOTAL

SVG = "http://www.w3.org/2000/svg"
#: fixed look and fixed ids; words stay text (searchable, read aloud, sharp when zoomed), laid out
#: with matplotlib's own DejaVu Sans and shown in any sans-serif font where that is missing
STYLE: dict[RcKeyType, Any] = {
    "svg.hashsalt": "lumbar-diary",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.titlesize": 11,
    "legend.fontsize": 9,
}
#: inches at 96 px each: 3.9 in fits a 390-px phone screen beside its margins
SIZE = (3.9, 3.4)
#: with the scores' panel: taller, the pain's panel twice the scores'
SIZE_WITH_SCORES = (3.9, 5.0)
PANEL_HEIGHTS = (2, 1)
#: colour-blind-safe pair (Okabe-Ito); lines differ by marker and dash as well
NOW, WORST, ACTIVITY, MILESTONE = "#0072B2", "#D55E00", "#009E73", "#555555"
#: the scores' lines, in diary.yaml's order of ``plotted_scores`` (Okabe-Ito), with their markers
SCORE_STYLES = (("#CC79A7", "D", "-"), ("#E69F00", "v", "-."), ("#56B4E9", "P", "--"))


class ScorePoint(BaseModel):
    """A questionnaire's total on a day, as the plot draws it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    day: date
    questionnaire: str
    total: int


class DiaryPlot(BaseModel):
    """The plot as SVG text, and its text alternative."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    svg: str
    title: str
    summary: str
    rows: list[str]


def render_plot(
    entries: Sequence[Entry], start: date, kb: KnowledgeBase, scores: Sequence[ScorePoint] = ()
) -> DiaryPlot:
    """The plot of ``entries`` over the days since ``start`` (the first assessment's day), with the
    ``scores`` of the questionnaires diary.yaml plots in a panel under it (others are left out).

    Drawn once per set of entries and scores and kept (at most :data:`KEPT_PLOTS` a knowledge base): a
    diary page is viewed far more often than a day is written, and drawing takes tens of milliseconds."""
    kept = sorted((e for e in entries if e.day >= start), key=lambda e: e.day)
    plotted = set(diary_rules(kb).plotted_scores)
    points = sorted((p for p in scores if p.day >= start and p.questionnaire in plotted), key=lambda p: p.day)
    return _plots(kb)(
        tuple(e.model_dump_json() for e in kept), start, tuple(p.model_dump_json() for p in points)
    )


#: plots kept per knowledge base
KEPT_PLOTS = 512


@per_knowledge_base
def _plots(kb: KnowledgeBase) -> Callable[[tuple[str, ...], date, tuple[str, ...]], DiaryPlot]:
    @lru_cache(maxsize=KEPT_PLOTS)
    def draw(entries: tuple[str, ...], start: date, scores: tuple[str, ...]) -> DiaryPlot:
        points = [ScorePoint.model_validate_json(p) for p in scores]
        return _draw([Entry.model_validate_json(e) for e in entries], start, kb, points)

    return draw


def _draw(kept: list[Entry], start: date, kb: KnowledgeBase, points: list[ScorePoint]) -> DiaryPlot:
    rules = diary_rules(kb)
    wording = rules.wording
    days = [(e.day - start).days for e in kept]
    with matplotlib.rc_context(STYLE):
        if points:
            figure = Figure(figsize=SIZE_WITH_SCORES, layout="constrained")
            axes, below = figure.subplots(2, 1, sharex=True, height_ratios=PANEL_HEIGHTS)
            _draw_scores(below, points, start, kb)
        else:
            figure = Figure(figsize=SIZE, layout="constrained")
            axes = figure.add_subplot()
        axes.plot(days, [e.pain_now for e in kept], color=NOW, marker="o", label=wording.plot_pain_now)
        axes.plot(
            days,
            [e.pain_worst for e in kept],
            color=WORST,
            marker="s",
            linestyle="--",
            label=wording.plot_pain_worst,
        )
        active = [(d, e.activity) for d, e in zip(days, kept, strict=True) if e.activity is not None]
        if active:
            axes.plot(
                [d for d, _ in active],
                [a for _, a in active],
                color=ACTIVITY,
                marker="^",
                linestyle=":",
                label=wording.plot_activity,
            )
        for milestone in rules.review.milestones:
            axes.axvline(
                milestone.days,
                color=MILESTONE,
                linewidth=1,
                linestyle=(0, (2, 2)),
                gid=f"milestone-{milestone.id}",
            )
            axes.text(
                milestone.days,
                1.02,
                milestone.label,
                transform=axes.get_xaxis_transform(),
                ha="center",
                va="bottom",
                fontsize=9,
                color=MILESTONE,
                gid=f"milestone-{milestone.id}-label",
            )
        scored = [(p.day - start).days for p in points]
        last = max([*days, *scored, *(m.days for m in rules.review.milestones)])
        axes.set_xlim(-0.5, last + 1)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylim(-0.3, 10.3)
        axes.set_yticks(range(0, 11, 2))
        axes.set_ylabel(wording.plot_axis_pain)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        (below if points else axes).set_xlabel(wording.plot_axis_days)
        figure.legend(loc="outside lower center", ncols=1, frameon=False)
        out = io.StringIO()
        FigureCanvasSVG(figure).print_svg(out, metadata={"Date": None})
    summary = " ".join([_summary(kept, start, kb), *_score_summaries(points, kb)])
    rows = [wording.plot_row.format(day=_day(e.day), now=e.pain_now, worst=e.pain_worst) for e in kept]
    rows += [_score_row(p, kb) for p in points]
    return DiaryPlot(
        svg=_with_text(out.getvalue(), wording.plot_title, summary),
        title=wording.plot_title,
        summary=summary,
        rows=rows,
    )


def _draw_scores(axes: Any, points: list[ScorePoint], start: date, kb: KnowledgeBase) -> None:
    """The scores' panel: a line per questionnaire, from 0 to the highest total of those drawn."""
    wording = diary_rules(kb).wording
    highest = 0
    for (questionnaire_id, dated), (colour, marker, dash) in zip(
        _by_questionnaire(points, kb).items(), SCORE_STYLES, strict=False
    ):
        form = kb.questionnaires[questionnaire_id]
        highest = max(highest, form.score_range(TOTAL)[1])
        axes.plot(
            [(p.day - start).days for p in dated],
            [p.total for p in dated],
            color=colour,
            marker=marker,
            linestyle=dash,
            label=wording.plot_score_line.format(name=form.short_name, unit=form.score_unit),
            gid=f"scores-{questionnaire_id}",
        )
    axes.set_ylim(-0.5, highest + 0.5)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    axes.set_ylabel(wording.plot_axis_scores)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)


def _by_questionnaire(points: list[ScorePoint], kb: KnowledgeBase) -> dict[str, list[ScorePoint]]:
    """Questionnaire id -> its points by day, in diary.yaml's order of ``plotted_scores``."""
    return {
        form: [p for p in points if p.questionnaire == form]
        for form in diary_rules(kb).plotted_scores
        if any(p.questionnaire == form for p in points)
    }


def _score_summaries(points: list[ScorePoint], kb: KnowledgeBase) -> list[str]:
    wording = diary_rules(kb).wording
    sentences = []
    for questionnaire_id, dated in _by_questionnaire(points, kb).items():
        form = kb.questionnaires[questionnaire_id]
        first, last = dated[0], dated[-1]
        if len(dated) == 1:
            text = wording.plot_score_one.format(
                name=form.short_name, total=first.total, unit=form.score_unit, day=_day(first.day)
            )
        else:
            text = wording.plot_score_summary.format(
                name=form.short_name,
                first=first.total,
                last=last.total,
                unit=form.score_unit,
                first_day=_day(first.day),
                last_day=_day(last.day),
            )
        sentences.append(text)
    return sentences


def _score_row(point: ScorePoint, kb: KnowledgeBase) -> str:
    form = kb.questionnaires[point.questionnaire]
    return diary_rules(kb).wording.plot_score_row.format(
        day=_day(point.day), name=form.short_name, total=point.total, unit=form.score_unit
    )


def _summary(kept: list[Entry], start: date, kb: KnowledgeBase) -> str:
    wording = diary_rules(kb).wording
    if not kept:
        return wording.no_entries
    first, last = kept[0], kept[-1]
    text = wording.plot_summary.format(
        days=(last.day - start).days,
        first_day=_day(first.day),
        last_day=_day(last.day),
        first_now=first.pain_now,
        last_now=last.pain_now,
        first_worst=first.pain_worst,
        last_worst=last.pain_worst,
    )
    return " ".join(text.split())


def _with_text(svg: str, title: str, summary: str) -> str:
    """The SVG with a ``<title>`` and ``<desc>`` first, and ``role="img"``, for screen readers, and its
    styles as presentation attributes."""
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ElementTree.fromstring(svg)
    _styles_as_attributes(root)
    for position, (tag, text) in enumerate((("title", title), ("desc", summary))):
        element = ElementTree.Element(f"{{{SVG}}}{tag}")
        element.text = text
        root.insert(position, element)
    root.set("role", "img")
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=False)


def _styles_as_attributes(root: ElementTree.Element) -> None:
    """Every ``style="a: b; …"`` as attributes ``a="b"``, and the ``<style>`` sheet's one rule for every
    element (matplotlib's ``*{stroke-linejoin: …}``) as attributes of the root, which the rest inherit."""
    for parent in root.iter():
        for sheet in [child for child in parent if child.tag == f"{{{SVG}}}style"]:
            rules = (sheet.text or "").partition("{")[2].partition("}")[0]
            _set_declarations(root, rules)
            parent.remove(sheet)
    for element in root.iter():
        declarations = element.attrib.pop("style", None)
        if declarations:
            _set_declarations(element, declarations)


def _set_declarations(element: ElementTree.Element, declarations: str) -> None:
    for declaration in declarations.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip():
            element.set(name.strip(), value.strip())


def _day(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B}"
