"""The HTML report of an inbox triage: counts by level, the emergencies first, bad rows by kind, and
two charts (messages at each level; messages per day, by level) drawn as inline SVG by pygal.

The page is one self-contained file: no script, no font or style from the network.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

import pygal
from jinja2 import Environment, PackageLoader, select_autoescape
from pygal.style import Style

from lumbar.batch.summary import EMERGENCIES, LEVELS, InboxSummary
from lumbar.knowledge.schema import Level

#: one colour per level, most urgent first (the web page's alarm red to calm green)
COLOURS = {
    Level.EMERGENCY_AMBULANCE: "#b00020",
    Level.EMERGENCY: "#e65100",
    Level.CONSULTATION_24: "#f9a825",
    Level.CONSULTATION: "#1565c0",
    Level.SELF_CARE: "#2e7d32",
}
#: days are drawn one by one (empty days too) up to this span; past it, only the days with messages
MAX_FILLED_DAYS = 400


def _style(levels: list[Level]) -> Style:
    return Style(
        background="white",
        plot_background="white",
        colors=tuple(COLOURS[level] for level in levels),
        font_family="sans-serif",
    )


def _config() -> pygal.Config:
    config = pygal.Config()
    config.js = []  # pygal's tooltips come from the network; the report works offline
    config.disable_xml_declaration = True
    config.show_legend = True
    config.legend_at_bottom = True
    config.legend_at_bottom_columns = 2
    config.truncate_legend = -1  # the levels' titles whole, never cut
    config.print_values = False
    config.height = 360
    config.width = 860
    return config


def levels_chart(summary: InboxSummary, titles: Mapping[Level, str]) -> str:
    """A bar per level, most urgent first: how many messages were at it."""
    chart = pygal.HorizontalBar(_config(), style=_style(LEVELS), title="Messages at each level")
    for level in LEVELS:
        chart.add(titles[level], [summary.by_level[level]])
    chart.x_labels = [""]
    return str(chart.render(is_unicode=True))


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
    bottom_up = list(reversed(LEVELS))
    chart = pygal.StackedBar(_config(), style=_style(bottom_up), title="Messages per day")
    chart.x_labels = [day.strftime("%d %b") for day in shown]
    chart.x_label_rotation = 45
    chart.show_minor_x_labels = False
    chart.x_labels_major_every = max(1, len(shown) // 14)
    for level in bottom_up:
        chart.add(
            titles[level], [summary.per_day[day][level] if day in summary.per_day else 0 for day in shown]
        )
    return str(chart.render(is_unicode=True))


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
