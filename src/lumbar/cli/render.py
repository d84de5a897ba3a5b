"""Rich renderings of an assessment for the terminal: the level banner first, then the reasons."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lumbar.assessment import Assessment
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Level


def banner(level: Level, kb: KnowledgeBase) -> Panel:
    """The coloured urgency banner (words and style from levels.yaml)."""
    wording = kb.levels[level]
    return Panel(Text(wording.banner, justify="center"), style=wording.style)


def assessment_view(result: Assessment, kb: KnowledgeBase | None = None) -> Group:
    """Everything a person needs, most important first; ``kb`` defaults to the packaged one."""
    parts: list = [banner(result.level, kb or load_knowledge())]
    reasons = Table.grid(padding=(0, 1))
    for reason in result.level_reasons:
        cites = ", ".join(reason.sources)
        reasons.add_row("•", f"{reason.text} [dim]({cites})[/dim]")
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
                cause.name,
                f"{cause.probability:.0%}",
                ", ".join(cause.for_[:4]),
                ", ".join(cause.against[:3]),
            )
        parts.append(causes)
    for title, items in (("Who to see", result.specialists), ("Tests a doctor may order", result.tests)):
        if items:
            grid = Table.grid(padding=(0, 1))
            for item in items:
                grid.add_row("•", f"{item.text} [dim]({', '.join(item.sources)})[/dim]")
            parts.append(Panel(grid, title=title, title_align="left"))
    if result.advice:
        grid = Table.grid(padding=(0, 1))
        for item in result.advice[:8]:
            grid.add_row("•", f"{item.text} [dim]({', '.join(item.sources)})[/dim]")
        parts.append(Panel(grid, title="What to do", title_align="left"))
    if result.next_questions:
        grid = Table.grid(padding=(0, 1))
        for q in result.next_questions:
            grid.add_row("?", q.text)
        parts.append(Panel(grid, title="Still worth answering (run `lumbar check`)", title_align="left"))
    sources = Table.grid(padding=(0, 1))
    for source_id, ref in result.sources.items():
        sources.add_row(f"[dim]{source_id}[/dim]", f"{ref.title} — {ref.locator}")
    parts.append(Panel(sources, title="Sources", title_align="left", style="dim"))
    parts.append(Text(result.disclaimer, style="italic"))
    return Group(*parts)


def print_assessment(
    result: Assessment, console: Console | None = None, kb: KnowledgeBase | None = None
) -> None:
    """Print the assessment to the terminal; ``kb`` defaults to the packaged knowledge base."""
    (console or Console()).print(assessment_view(result, kb))
