"""The HTML report of an inbox triage: counts by level, the emergencies first, bad rows by kind, and
two charts (messages at each level; messages per day, by level) drawn as inline SVG by matplotlib.

The page is one self-contained file: no script, no font or style from the network. The charts are
drawn on a ``Figure`` of their own (not pyplot's global state), so drawing is safe in any thread.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import matplotlib
from jinja2 import Environment, PackageLoader, select_autoescape
from matplotlib.figure import Figure

from lumbar.batch.summary import EMERGENCIES, LEVELS, InboxSummary
from lumbar.knowledge.schema import Level

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

#: one colour per level, most urgent first (alarm red to calm green)
COLOURS = {
    Level.EMERGENCY_AMBULANCE: "#b00020",
    Level.EMERGENCY: "#e65100",
    Level.CONSULTATION_24: "#f9a825",
    Level.CONSULTATION: "#1565c0",
    Level.SELF_CARE: "#2e7d32",
}
#: days are drawn one by one (empty days too) up to this span; past it, only the days with messages
MAX_FILLED_DAYS = 400
#: text stays text (the page's own font, searchable), and the same summary gives the same bytes
_SVG_SETTINGS: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "lumbar",
    "font.family": "sans-serif",
}


def _svg(figure: Figure) -> str:
    """The figure as an inline <svg> element (without the XML declaration and doctype)."""
    out = io.StringIO()
    with matplotlib.rc_context(_SVG_SETTINGS):
        figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg") :]


def levels_chart(summary: InboxSummary, titles: Mapping[Level, str]) -> str:
    """A bar per level, most urgent on top: how many messages were at it."""
    with matplotlib.rc_context(_SVG_SETTINGS):
        figure = Figure(figsize=(8, 3))
        axes = figure.add_subplot()
        counts = [summary.by_level[level] for level in LEVELS]
        bars = axes.barh([titles[level] for level in LEVELS], counts, color=[COLOURS[lv] for lv in LEVELS])
        axes.bar_label(bars, labels=[f"{count:,}" for count in counts], padding=3)
        axes.invert_yaxis()
        axes.set_title("Messages at each level")
        axes.spines[["top", "right"]].set_visible(False)
        axes.margins(x=0.12)
    return _svg(figure)


def days(summary: InboxSummary) -> list[date]:
    """The days to draw: every day from the first to the last message, or only the days with some."""
    if not summary.per_day:
        return []
    first, last = min(summary.per_day), max(summary.per_day)
    span = (last - first).days
    if span > MAX_FILLED_DAYS:
        return sorted(summary.per_day)
    return [first + timedelta(days=n) for n in range(span + 1)]


def per_day_chart(summary: InboxSummary, titles: Mapping[Level, str]) -> str | None:
    """Messages per day, stacked by level (the most urgent on top); None when no message had a date."""
    shown = days(summary)
    if not shown:
        return None
    with matplotlib.rc_context(_SVG_SETTINGS):
        figure = Figure(figsize=(8, 3.6))
        axes = figure.add_subplot()
        positions = range(len(shown))
        bottom = [0] * len(shown)
        for level in reversed(LEVELS):
            counts = [summary.per_day[day][level] if day in summary.per_day else 0 for day in shown]
            axes.bar(positions, counts, bottom=bottom, color=COLOURS[level], label=titles[level], width=0.85)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        step = max(1, len(shown) // 14)
        axes.set_xticks(
            list(positions)[::step], [day.strftime("%d %b") for day in shown][::step], rotation=45
        )
        axes.set_title("Messages per day")
        axes.spines[["top", "right"]].set_visible(False)
        handles, labels = axes.get_legend_handles_labels()
        axes.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return _svg(figure)


def html_report(summary: InboxSummary, titles: Mapping[Level, str], source: str) -> str:
    """The report page of ``summary``; ``titles`` names each level in plain words (levels.yaml)."""
    environment = Environment(
        loader=PackageLoader("lumbar.batch", "templates"), autoescape=select_autoescape(["html"])
    )
    return environment.get_template("report.html").render(
        summary=summary,
        titles=titles,
        levels=LEVELS,
        emergency_levels=EMERGENCIES,
        colours=COLOURS,
        source=source,
        levels_svg=levels_chart(summary, titles),
        per_day_svg=per_day_chart(summary, titles),
    )
