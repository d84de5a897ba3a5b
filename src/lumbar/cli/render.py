"""Rich renderings of an assessment for the terminal: the level banner first, then the reasons."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lumbar.assessment import Assessment
from lumbar.care.citations import Citer
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Level
from lumbar.plain_words import chance, source_place


def banner(level: Level, kb: KnowledgeBase) -> Panel:
    """The coloured urgency banner (words and style from levels.yaml)."""
    wording = kb.levels[level]
    return Panel(Text(wording.banner, justify="center"), style=wording.style)


def assessment_view(result: Assessment, kb: KnowledgeBase | None = None) -> Group:
    """Everything a person needs, most important first; ``kb`` defaults to the packaged one.

    Findings read by their names, chances in words and sources by number, as on the web page.
    """
    kb = kb or load_knowledge()
    citer = Citer({sid: source_place(ref.title, ref.locator) for sid, ref in result.sources.items()})

    def cite(source_ids: list[str]) -> str:
        found = citer(source_ids)
        return f" [dim]{escape(found)}[/dim]" if found else ""

    def names(finding_ids: list[str]) -> str:
        return ", ".join(kb.findings[f].name if f in kb.findings else f for f in finding_ids)

    parts: list = [banner(result.level, kb)]
    reasons = Table.grid(padding=(0, 1))
    for reason in result.level_reasons:
        reasons.add_row("•", Text.from_markup(escape(reason.text) + cite(reason.sources)))
    parts.append(Panel(reasons, title="Why", title_align="left"))
    if result.notices:
        notices = Table.grid(padding=(0, 1))
        for notice in result.notices:
            notices.add_row("!", Text(notice.text))  # quotes the person's words: never read as markup
        parts.append(Panel(notices, title="Please check", title_align="left", border_style="yellow"))
    if not result.fits_back_problem:
        parts.append(Text("This picture does not fit a back problem.", style="bold red"))
    if result.causes:
        causes = Table("Likely cause", "Chance", "Points for", "Points against", expand=True)
        for cause in result.causes[:5]:
            causes.add_row(
                cause.name, chance(cause.probability), names(cause.for_[:4]), names(cause.against[:3])
            )
        parts.append(causes)
    lists = (
        ("Who to see", result.specialists),
        ("Tests a doctor may order", result.tests),
        ("What to do", result.advice[:8]),
    )
    for title, items in lists:
        if items:
            grid = Table.grid(padding=(0, 1))
            for item in items:
                grid.add_row("•", Text.from_markup(escape(item.text) + cite(item.sources)))
            parts.append(Panel(grid, title=title, title_align="left"))
    if result.next_questions:
        grid = Table.grid(padding=(0, 1))
        for q in result.next_questions:
            grid.add_row("?", q.text)
        parts.append(Panel(grid, title="Still worth answering (run `lumbar check`)", title_align="left"))
    sources = Table.grid(padding=(0, 1))
    for source_id, title in citer.titles.items():
        sources.add_row(f"{citer.numbers[source_id]}.", title)
    parts.append(Panel(sources, title="Sources", title_align="left", style="dim"))
    parts.append(Text(result.disclaimer, style="italic"))
    return Group(*parts)


def print_assessment(
    result: Assessment, console: Console | None = None, kb: KnowledgeBase | None = None
) -> None:
    """Print the assessment to the terminal; ``kb`` defaults to the packaged knowledge base."""
    (console or Console()).print(assessment_view(result, kb))
