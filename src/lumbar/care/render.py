"""Render a care plan or a patient page as Markdown, or a plan as printable HTML (Jinja2)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from lumbar.care import wording
from lumbar.care.citations import Citer
from lumbar.care.models import (
    CarePlan,
    PatientPage,
    PlanItem,
    PlanSection,
    SafetyNet,
    SafetySign,
    UrgentMessage,
)
from lumbar.plain_words import source_place


def long_date(day: date) -> str:
    """A date as people write it: "15 January 2025"."""
    return f"{day.day} {day:%B %Y}"


def full_stop(text: str) -> str:
    """``text`` ending in one full stop (or its own ! or ?), never two."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else text + "."


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when there is no sentence end)."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def signs_by_action(signs: Iterable[SafetySign]) -> list[tuple[str, list[SafetySign]]]:
    """The signs gathered under each distinct action, in first-seen order."""
    gathered: dict[str, list[SafetySign]] = {}
    for sign in signs:
        gathered.setdefault(sign.action, []).append(sign)
    return list(gathered.items())


def item_facts(item: PlanItem) -> list[str]:
    """The short facts of an item: how long, how often, limits."""
    facts = []
    if item.duration:
        facts.append(f"How long: {item.duration}")
    if item.frequency:
        facts.append(f"How often: {item.frequency}")
    if item.dose_limits:
        facts.append(f"Limits: {item.dose_limits}")
    return facts


# --- Markdown ----------------------------------------------------------------------------------


def render_markdown(plan: CarePlan) -> str:
    """The whole plan as Markdown: urgent action first when needed, then sections, safety-net, sources."""
    lines = ["# Your back care plan", "", f"*Made on {long_date(plan.created)}. {plan.disclaimer}*", ""]
    lines += headline_markdown(plan)
    lines += body_markdown(plan, Citer(plan.sources))
    return "\n".join(lines).rstrip() + "\n"


def headline_markdown(plan: CarePlan) -> list[str]:
    """The opening: what to do now (urgent plans) or the headline, the reasons and likely causes."""
    lines: list[str] = []
    if plan.urgent is not None:
        lines += urgent_markdown(plan.urgent)
    else:
        lines += [f"**{plan.headline}**", ""]
        if plan.level_reasons:
            lines += ["Why:", *[f"- {reason}" for reason in plan.level_reasons], ""]
    if plan.causes:
        lines += [f"Most likely cause{'s' if len(plan.causes) > 1 else ''}: {', '.join(plan.causes)}.", ""]
    if plan.basis:
        lines += [f"*{plan.basis}*", ""]
    return lines


def urgent_markdown(urgent: UrgentMessage) -> list[str]:
    lines = ["## Do this now", "", f"**{urgent.headline}**", ""]
    lines += [f"- **{action}**" for action in urgent.actions]
    lines.append("")
    if urgent.not_back_problem:
        lines += [f"**{wording.NOT_BACK_PROBLEM}**", ""]
    if urgent.reasons:
        lines += ["Why:", *[f"- {reason}" for reason in urgent.reasons], ""]
    return lines


def body_markdown(plan: CarePlan, citer: Citer) -> list[str]:
    """Everything after the opening: sections, what was left out, the safety-net and the sources."""
    lines: list[str] = []
    for section in plan.sections:
        lines += section_markdown(section, citer)
    if plan.left_out:
        lines += ["## Left out of your plan", ""]
        lines += [f"- **{left.title}**: {left.reason}" for left in plan.left_out]
        lines.append("")
    lines += safety_net_markdown(plan.safety_net, citer)
    if plan.sources:
        lines += ["## Sources", "", *citer.listing(), ""]
    return lines


def section_markdown(section: PlanSection, citer: Citer) -> list[str]:
    lines = [f"## {section.title}", ""]
    compact = section.id in {"doctor", "advised_against"}
    for item in section.items:
        lines += compact_item_markdown(item, citer) if compact else item_markdown(item, citer)
    if compact:
        lines.append("")
    if section.more:
        lines += [f"Other ideas: {', '.join(section.more)}.", ""]
    return lines


def item_markdown(item: PlanItem, citer: Citer) -> list[str]:
    lines = [f"### {item.title}", "", item.text, ""]
    if item.how:
        lines += [f"{n}. {step}" for n, step in enumerate(item.how, 1)]
        lines.append("")
    lines += [f"- {fact}" for fact in item_facts(item)]
    if item.stop_if:
        lines.append(f"- Stop if: {' '.join(item.stop_if)}")
    lines += [f"- **{caution}**" for caution in item.cautions]
    lines += [f"- {note}" for note in item.notes]
    lines += [f"- Why: {item.why} {citer(item.sources)}", ""]
    return lines


def compact_item_markdown(item: PlanItem, citer: Citer) -> list[str]:
    line = f"- **{item.title}**: {item.text}"
    extras = [*item_facts(item), *item.cautions, *item.notes]
    if extras:
        line += " " + " ".join(full_stop(e) for e in extras)
    return [line + f" *{item.why}* {citer(item.sources)}"]


def safety_net_markdown(net: SafetyNet, citer: Citer) -> list[str]:
    lines = ["## Your safety-net", ""]
    if net.note:
        lines += [f"**{net.note}**", ""]
    for group in net.groups:
        lines += [f"### {group.heading}:", ""]
        for sign in group.signs:
            because = f" *(This matters for you: {', '.join(sign.because).lower()}.)*" if sign.because else ""
            then = f": {sign.then}" if sign.then else ""
            lines.append(f"- **{sign.text}**{then}{because}")
        lines.append("")
    if net.review is not None:
        lines += ["### If you are not getting better", "", net.review.text]
        if net.review_by is not None:
            lines[-1] += " " + wording.REVIEW_BY.format(date=long_date(net.review_by))
        lines[-1] += f" {citer(net.review.sources)}"
        lines.append("")
    return lines


def render_page_markdown(page: PatientPage) -> str:
    """A patient page as Markdown."""
    lines = [f"# {page.title}", ""]
    for section in page.sections:
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.bullets:
            lines += [f"- {bullet}" for bullet in section.bullets]
            lines.append("")
    if page.sources:
        lines += [
            "## Sources",
            "",
            *[f"- {source_place(title, c.partition('#')[2])}" for c, title in page.sources.items()],
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


# --- HTML --------------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("lumbar.care", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    env.filters["full_stop"] = full_stop
    env.filters["first_sentence"] = first_sentence
    env.globals["item_facts"] = item_facts
    env.globals["signs_by_action"] = signs_by_action
    return env


def render_html(plan: CarePlan, full: bool = False) -> str:
    """The plan as one self-contained HTML page with print styles (A4).

    By default a one-page printable summary: the first sentence of each item with its limits,
    the whole safety-net and every source. ``full=True`` adds every step, as in the Markdown.
    """
    template = _environment().get_template("plan.html.j2")
    citer = Citer(plan.sources)
    return template.render(plan=plan, wording=wording, full=full, cite=citer, sources=citer.listing())
