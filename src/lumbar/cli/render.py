"""The terminal report of an assessment, drawn with the standard library: the level banner first, then
the reasons.

`lumbar assess --text` prints it once and exits, so it imports no Rich: Rich's console, panels and
tables cost about 270 M instructions of that start, these lines and their drawing about 7 M
(benchmarks/README.md, start-up step 5). Lines are wrapped to the terminal's width with hanging indents; colour and bold only on a
terminal, without ``NO_COLOR`` or a dumb ``TERM``; the person's own words are printed as text, never read
as markup or escape codes. The interactive commands (``lumbar check``) show the same report through Rich.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from typing import TextIO

from lumbar.assessment import Assessment
from lumbar.care.citations import Citer
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.plain_words import chance, source_place

#: the words of a Rich style string (levels.yaml's ``style``) as ANSI select-graphic-rendition codes
ATTRIBUTES = {"bold": "1", "dim": "2", "italic": "3", "underline": "4"}
#: colours by their ANSI number: 30 + n in front, 40 + n behind ("on")
COLOURS = {"black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7}
#: Rich's names of the 256-colour palette that levels.yaml uses
PALETTE = {"dark_orange3": 166}
RESET = "\x1b[0m"
#: the narrowest terminal that shows the causes as a table; narrower, one block per cause
TABLE_WIDTH = 64
DEFAULT_WIDTH = 80
NARROWEST = 20
CAUSES_SHOWN = 5
ADVICE_SHOWN = 8
GAP = "  "

#: holds a citation's words together while a paragraph is wrapped (never in printable text)
NO_BREAK = "\x00"


def ansi(style: str) -> str:
    """A Rich style string such as "bold white on red" as one ANSI sequence; a word it does not know is
    left out, so a new style in levels.yaml never stops the report (a test covers every level's)."""
    codes = []
    behind = False
    for word in style.split():
        if word == "on":
            behind = True
        elif word in ATTRIBUTES:
            codes.append(ATTRIBUTES[word])
        elif word in COLOURS:
            codes.append(str((40 if behind else 30) + COLOURS[word]))
        elif word in PALETTE:
            codes.append(f"{48 if behind else 38};5;{PALETTE[word]}")
    return f"\x1b[{';'.join(codes)}m" if codes else ""


BOLD = ansi("bold")
DIM = ansi("dim")
ITALIC = ansi("italic")
WARNING = ansi("bold yellow")
ALARM = ansi("bold red")


def cells(text: str) -> int:
    """How many terminal columns ``text`` takes: wide (East Asian) characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def printable(text: str) -> str:
    """``text`` without control characters, so an escape code in the person's words is never obeyed."""
    return text if text.isprintable() else "".join(c if c.isprintable() else " " for c in text)


def fit(text: str, room: int) -> int:
    """How many characters of ``text``, from its start, fit in ``room`` columns."""
    if text.isascii():
        return min(len(text), room)
    used = 0
    for n, c in enumerate(text):
        used += cells(c)
        if used > room:
            return n
    return len(text)


def wrap(text: str, width: int, first: str = "", rest: str = "", tail: str = "") -> list[tuple[str, str]]:
    """``text`` broken into lines of at most ``width`` columns, greedily at spaces, each line as its
    prefix (``first``, then ``rest``) and its words; ``tail`` (a citation) ends it, never broken unless
    it is wider than a line, and a word wider than a line is cut."""
    words = printable(text).split()
    if tail:
        words.append(tail.replace(" ", NO_BREAK))
    left = " ".join(words)
    lines = []
    prefix = first
    while cells(prefix) + cells(left) > width:
        room = max(1, width - cells(prefix))
        end = fit(left, room)
        cut = left.rfind(" ", 0, end + 1)
        if cut > 0:
            lines.append((prefix, left[:cut]))
            left = left[cut + 1 :]
        elif cells(prefix) > cells(rest):  # the word fits better after the shorter prefix
            lines.append((prefix.rstrip(), ""))
        else:
            lines.append((prefix, left[: max(1, end)]))
            left = left[max(1, end) :]
        prefix = rest
    lines.append((prefix, left))
    return [(prefix, line.replace(NO_BREAK, " ")) for prefix, line in lines] if tail else lines


class Page:
    """The report's lines at one width, painted with ANSI styles or plain."""

    def __init__(self, width: int, styled: bool) -> None:
        self.width = max(width, NARROWEST)
        self.styled = styled
        self.lines: list[str] = []

    def paint(self, text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if self.styled and style and text else text

    def add(
        self,
        text: str,
        first: str = "",
        rest: str = "",
        *,
        style: str = "",
        tail: str = "",
        tail_style: str = "",
        first_style: str = "",
    ) -> None:
        """A paragraph wrapped with a hanging indent: ``first`` before its first line (painted in
        ``first_style``), ``rest`` before the others, ``tail`` (a citation, in ``tail_style``) at its end."""
        lines = wrap(text, self.width, first, rest, tail)
        for number, (prefix, words) in enumerate(lines):
            if number == 0 and first_style:
                prefix = self.paint(prefix.rstrip(" "), first_style) + prefix[len(prefix.rstrip(" ")) :]
            if tail and number == len(lines) - 1 and words.endswith(tail):
                words = f"{self.paint(words[: -len(tail)], style)}{self.paint(tail, tail_style)}"
            else:
                words = self.paint(words, style)
            self.lines.append(prefix + words)

    def heading(self, title: str, style: str = BOLD) -> None:
        """A blank line, then the section's title on a rule: "── Why ─────"."""
        lines = wrap(title, self.width - 1, "── ", "   ")
        room = self.width - cells("".join(lines[-1])) - 1
        self.lines += ["", *(prefix + self.paint(words, style) for prefix, words in lines)]
        if room >= 2:
            self.lines[-1] += " " + "─" * room

    def banner(self, words: str, style: str) -> None:
        """The level's words centred in a box the width of the page, the whole box in the level's style."""
        inner = self.width - 4
        rows = []
        for _, text in wrap(words, inner):
            pad = inner - cells(text)
            rows.append(f"┃ {' ' * (pad // 2)}{text}{' ' * (pad - pad // 2)} ┃")
        edge = "━" * (self.width - 2)
        for row in (f"┏{edge}┓", *rows, f"┗{edge}┛"):
            self.lines.append(self.paint(row, style))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        """Columns sharing the page's width, the widest narrowed first; rows apart when one wraps."""
        widths = [max(cells(w) for w in (title, *(row[i] for row in rows))) for i, title in enumerate(header)]
        while sum(widths) + len(GAP) * (len(widths) - 1) > self.width and max(widths) > 1:
            widths[widths.index(max(widths))] -= 1
        self.lines += self._row(header, widths, BOLD)
        self.lines.append("─" * (sum(widths) + len(GAP) * (len(widths) - 1)))
        drawn = [self._row(row, widths) for row in rows]
        apart = any(len(lines) > 1 for lines in drawn)
        for number, lines in enumerate(drawn):
            if apart and number:
                self.lines.append("")
            self.lines.extend(lines)

    def _row(self, row: list[str], widths: list[int], style: str = "") -> list[str]:
        """One row's lines, each cell wrapped in its column and padded to its width."""
        columns = [[words for _, words in wrap(cell, width)] for cell, width in zip(row, widths, strict=True)]
        lines = []
        for n in range(max(len(c) for c in columns)):
            parts = []
            for column, width in zip(columns, widths, strict=True):
                words = column[n] if n < len(column) else ""
                parts.append(self.paint(words, style) + " " * (width - cells(words)))
            lines.append(GAP.join(parts).rstrip())
        return lines


def assessment_report(
    result: Assessment, kb: KnowledgeBase | None = None, *, width: int = DEFAULT_WIDTH, styled: bool = False
) -> str:
    """Everything a person needs, most important first, as lines of ``width`` columns (ANSI styles when
    ``styled``); ``kb`` defaults to the packaged one.

    Findings read by their names, chances in words and sources by number, as on the web page.
    """
    kb = kb or load_knowledge()
    page = Page(width, styled)
    citer = Citer({sid: source_place(ref.title, ref.locator) for sid, ref in result.sources.items()})

    def names(finding_ids: list[str]) -> str:
        return ", ".join(kb.findings[f].name if f in kb.findings else f for f in finding_ids)

    wording = kb.levels[result.level]
    page.banner(wording.banner, ansi(wording.style))
    page.heading("Why")
    for reason in result.level_reasons:
        page.add(reason.text, "• ", "  ", tail=citer(reason.sources), tail_style=DIM)
    if result.notices:
        page.heading("Please check", WARNING)
        for notice in result.notices:
            page.add(notice.text, "! ", "  ", first_style=WARNING)  # the person's words: text, never markup
    if not result.fits_back_problem:
        page.lines.append("")
        page.add("This picture does not fit a back problem.", style=ALARM)
    if result.causes:
        causes = [
            [cause.name, chance(cause.probability), names(cause.for_[:4]), names(cause.against[:3])]
            for cause in result.causes[:CAUSES_SHOWN]
        ]
        page.heading("Likely causes")
        if page.width >= TABLE_WIDTH:
            page.table(["Likely cause", "Chance", "Points for", "Points against"], causes)
        else:
            cause_blocks(page, causes)
    lists = (
        ("Who to see", result.specialists),
        ("Tests a doctor may order", result.tests),
        ("What to do", result.advice[:ADVICE_SHOWN]),
    )
    for title, items in lists:
        if items:
            page.heading(title)
            for item in items:
                page.add(item.text, "• ", "  ", tail=citer(item.sources), tail_style=DIM)
    if result.next_questions:
        page.heading("Still worth answering (run `lumbar check`)")
        for question in result.next_questions:
            page.add(question.text, "? ", "  ")
    page.heading("Sources", BOLD + DIM)
    listing = citer.listing()
    indent = " " * (max((cells(line.partition(" ")[0]) for line in listing), default=0) + 1)
    for line in listing:
        number, _, title = line.partition(" ")
        page.add(title, f"{number:<{len(indent)}}", indent, style=DIM)
    page.lines.append("")
    page.add(result.disclaimer, style=ITALIC)
    return "\n".join(page.lines) + "\n"


def cause_blocks(page: Page, causes: list[list[str]]) -> None:
    """The causes for a narrow terminal: each its name, then its chance and the points for and against."""
    for number, (name, likelihood, for_, against) in enumerate(causes):
        if number:
            page.lines.append("")
        page.add(name, style=BOLD)
        page.add(likelihood, "  Chance: ", "    ")
        if for_:
            page.add(for_, "  Points for: ", "    ")
        if against:
            page.add(against, "  Points against: ", "    ")


def terminal_width(stream: TextIO) -> int:
    """``COLUMNS`` when set, else the terminal's width, else 80 (a file or a pipe)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or DEFAULT_WIDTH
    except (AttributeError, OSError, ValueError):
        return DEFAULT_WIDTH


def wants_styles(stream: TextIO) -> bool:
    """Colour and bold only on a terminal, and not when ``NO_COLOR`` is set (no-color.org) or the
    terminal is a dumb one."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") in ("dumb", "unknown"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def print_assessment(
    result: Assessment, kb: KnowledgeBase | None = None, stream: TextIO | None = None
) -> None:
    """Print the report to ``stream`` (standard output) at its width, styled when it is a terminal;
    ``kb`` defaults to the packaged knowledge base."""
    stream = stream or sys.stdout
    stream.write(assessment_report(result, kb, width=terminal_width(stream), styled=wants_styles(stream)))
