"""The terminal report without Rich: every section in its order, every word kept at 40 and 80 columns,
styles only on a terminal without NO_COLOR, the person's words printed as they were written."""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest

from lumbar.assessment import Assessment, Notice
from lumbar.assessor import default_engine
from lumbar.cli.render import (
    ATTRIBUTES,
    COLOURS,
    PALETTE,
    RESET,
    Page,
    ansi,
    assessment_report,
    cells,
    print_assessment,
    terminal_width,
    wrap,
)
from lumbar.knowledge.loader import load_knowledge
from lumbar.plain_words import chance, source_place

#: a sciatica that calls for a doctor: causes, specialists, tests, advice and questions all shown
TEXT = "My back hurts for 8 weeks with pain down my leg and numbness in my foot, I am 60 and lost weight"
BRACKETED = "You wrote “I am 999 [red]years[/red] old [/bold]”, but an age has to be between 0 and 120 years."
SECTIONS = (
    "Why",
    "Please check",
    "This picture does not fit a back problem.",
    "Likely cause",
    "Who to see",
    "Tests a doctor may order",
    "What to do",
    "Still worth answering",
    "Sources",
    "lumbar gives information",
)
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


class Terminal(io.StringIO):
    """Standard output as a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def result() -> Assessment:
    """A real assessment with every section: a notice quoting the person and a picture outside the back."""
    assessed = default_engine().assess(TEXT)
    notice = Notice(text=BRACKETED, finding="age", evidence="I am 999 [red]years[/red] old [/bold]")
    return assessed.replace(notices=[notice], fits_back_problem=False)


def words(text: str) -> str:
    return " ".join(text.split())


def shown_texts(result: Assessment) -> list[str]:
    """Every paragraph the report shows whole, outside the causes."""
    items = [*result.level_reasons, *result.specialists, *result.tests, *result.advice[:8]]
    return [
        *(item.text for item in items),
        *(notice.text for notice in result.notices),
        *(question.text for question in result.next_questions),
        *(source_place(ref.title, ref.locator) for ref in result.sources.values()),
        load_knowledge().levels[result.level].banner,
        result.disclaimer,
    ]


@pytest.mark.parametrize("width", [40, 80])
def test_every_section_is_there_in_its_order(result: Assessment, width: int) -> None:
    report = assessment_report(result, width=width)
    assert result.specialists and result.tests and result.next_questions and result.causes
    places = [words(report).find(section) for section in SECTIONS]
    assert -1 not in places, [s for s, p in zip(SECTIONS, places, strict=True) if p == -1]
    assert places == sorted(places)
    assert words(report).find(load_knowledge().levels[result.level].banner) < places[0]


@pytest.mark.parametrize("width", [40, 80])
def test_wrapping_keeps_every_word_and_every_line_fits(result: Assessment, width: int) -> None:
    report = assessment_report(result, width=width)
    assert max(cells(line) for line in report.splitlines()) <= width
    flat = words(report)
    missing = [text[:40] for text in shown_texts(result) if words(text) not in flat]
    assert missing == []
    assert [f"{n}. " in flat for n in range(1, len(result.sources) + 1)] == [True] * len(result.sources)
    # the causes: a table at 80 columns, one block each at 40; either way every word of every cell
    findings = load_knowledge().findings
    cells_shown = [
        part
        for cause in result.causes[:5]
        for part in (
            cause.name,
            chance(cause.probability),
            *(findings[f].name for f in [*cause.for_[:4], *cause.against[:3]]),
        )
    ]
    assert not Counter(" ".join(cells_shown).replace(",", "").split()) - Counter(
        flat.replace(",", "").split()
    )
    assert ("Chance: " in report) is (width == 40)


def test_a_long_word_is_cut_to_the_width_and_kept_whole() -> None:
    page = Page(20, styled=False)
    page.add("see https://example.org/a/very/long/address/indeed now", "• ", "  ")
    assert max(cells(line) for line in page.lines) <= 20
    assert "".join(line[2:] for line in page.lines).replace(" ", "") == (
        "seehttps://example.org/a/very/long/address/indeednow"
    )


@pytest.mark.parametrize("width", range(20, 41))
def test_a_citation_is_never_broken(width: int) -> None:
    lines = wrap(
        "Take the lowest dose that helps, for the shortest time you need it.", width, "• ", "  ", "[1, 4, 7]"
    )
    assert lines[-1][1].endswith("[1, 4, 7]")
    assert max(cells(prefix + shown) for prefix, shown in lines) <= width
    assert (
        words(" ".join(w for _, w in lines))
        == "Take the lowest dose that helps, for the shortest time you need it. [1, 4, 7]"
    )


def test_wide_characters_count_two_columns() -> None:
    page = Page(20, styled=False)
    page.add("腰痛 " * 12)
    assert cells("腰痛") == 4
    assert max(cells(line) for line in page.lines) <= 20
    assert words(" ".join(page.lines)) == words("腰痛 " * 12)


def test_no_escape_codes_when_not_a_terminal(result: Assessment, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    piped, terminal = io.StringIO(), Terminal()
    print_assessment(result, stream=piped)
    print_assessment(result, stream=terminal)
    assert "\x1b" not in piped.getvalue()
    shown = terminal.getvalue()
    assert ansi(load_knowledge().levels[result.level].style) in shown  # the check above can fail
    assert ESCAPE.sub("", shown) == piped.getvalue()


@pytest.mark.parametrize(("variable", "value"), [("NO_COLOR", "1"), ("TERM", "dumb")])
def test_no_color_and_a_dumb_terminal_are_honoured(
    result: Assessment, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv(variable, value)
    terminal = Terminal()
    print_assessment(result, stream=terminal)
    assert "YOU" in terminal.getvalue() or "Why" in terminal.getvalue()
    assert "\x1b" not in terminal.getvalue()


def test_the_persons_words_are_printed_verbatim(result: Assessment, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    terminal = Terminal()
    print_assessment(result, stream=terminal)
    assert "I am 999 [red]years[/red] old [/bold]”" in words(ESCAPE.sub("", terminal.getvalue()))
    assert "I am 999 [red]years[/red] old [/bold]”" in words(assessment_report(result, width=40))


def test_an_escape_code_in_the_persons_words_is_never_obeyed(result: Assessment) -> None:
    notice = Notice(text="You wrote “\x1b[2J\x1b[31mred\x07”.", finding="age", evidence="red")
    report = assessment_report(result.replace(notices=[notice]), width=80, styled=False)
    assert "\x1b" not in report and "\x07" not in report
    assert "[2J [31mred" in report


def test_the_width_comes_from_columns_or_the_terminal_else_80(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    assert terminal_width(io.StringIO()) == 80
    monkeypatch.setenv("COLUMNS", "40")
    assert terminal_width(io.StringIO()) == 40


def test_every_levels_style_is_translated_word_for_word() -> None:
    known = {"on", *ATTRIBUTES, *COLOURS, *PALETTE}
    for level, wording in load_knowledge().levels.items():
        style = wording.style.split()
        assert set(style) <= known, f"{level}: {wording.style!r} has a word ansi() leaves out"
        codes = ansi(wording.style)[2:-1].split(";")
        colours = [w for w in style if w in COLOURS or w in PALETTE]
        assert len(codes) == len(style) - style.count("on") + 2 * sum(w in PALETTE for w in colours), level
    assert ansi("bold white on red") == "\x1b[1;37;41m"
    assert ansi("bold black on yellow") == "\x1b[1;30;43m"
    assert ansi("bold white on dark_orange3") == "\x1b[1;37;48;5;166m"
    assert ansi("dark_orange3") == "\x1b[38;5;166m"
    assert ansi("sparkly") == ""  # an unknown word never stops the report


def test_the_banner_is_painted_in_the_levels_style(result: Assessment) -> None:
    wording = load_knowledge().levels[result.level]
    report = assessment_report(result, width=40, styled=True)
    banner = report.splitlines()[1]
    assert banner.startswith(ansi(wording.style)) and banner.endswith(RESET)
    assert wording.banner.split()[0] in banner
