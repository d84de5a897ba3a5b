"""A small accessibility checker for rendered pages (stdlib only), and WCAG contrast maths.

It checks what can be checked from the HTML alone: language, one h1, landmarks, a working skip
link, a label for every field, names for buttons and links, alt text, heading order, unique ids
and references to ids that exist. The browser tests add axe-core on the live pages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import ClassVar

LANDMARKS = ("header", "nav", "main", "footer")
FIELDS = ("input", "textarea", "select")
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    inside_label: bool = False


@dataclass
class PageAudit:
    """What the parser found in one page."""

    lang: str | None = None
    title: str = ""
    elements: list[_Element] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)

    def by_tag(self, *tags: str) -> list[_Element]:
        return [e for e in self.elements if e.tag in tags]


class _Parser(HTMLParser):
    VOID: ClassVar[set[str]] = {
        "input",
        "img",
        "meta",
        "link",
        "br",
        "hr",
        "source",
        "area",
        "base",
        "col",
        "embed",
        "wbr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.audit = PageAudit()
        self.open: list[_Element] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.audit.lang = values.get("lang")
        if tag == "title":
            self.in_title = True
        inside_label = any(e.tag == "label" for e in self.open)
        element = _Element(tag, values, inside_label=inside_label)
        self.audit.elements.append(element)
        if re.fullmatch(r"h[1-6]", tag):
            self.audit.headings.append(int(tag[1]))
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.audit.title += data
        for element in self.open:
            element.text += data


def audit(html: str) -> PageAudit:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.audit


def problems(html: str) -> list[str]:
    """Every accessibility problem found in a page, in plain words (empty: none found)."""
    page = audit(html)
    found: list[str] = []
    if page.lang != "en":
        found.append(f'<html lang> is {page.lang!r}, not "en"')
    if not page.title.strip():
        found.append("the page has no <title>")
    h1s = page.by_tag("h1")
    if len(h1s) != 1:
        found.append(f"the page has {len(h1s)} h1 elements, not one")
    for landmark in LANDMARKS:
        if not page.by_tag(landmark):
            found.append(f"no <{landmark}> landmark")
    if len(page.by_tag("main")) > 1:
        found.append("more than one <main>")
    ids = [e.attrs["id"] for e in page.elements if "id" in e.attrs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        found.append(f"duplicate ids: {duplicates}")
    known = set(ids)
    focusable = [
        e
        for e in page.elements
        if e.tag in ("a", "button", "input", "textarea", "select") and e.attrs.get("type") != "hidden"
    ]
    if not focusable or focusable[0].tag != "a" or focusable[0].attrs.get("href", "")[:1] != "#":
        found.append("the first focusable element is not a skip link")
    elif focusable[0].attrs["href"][1:] not in known:
        found.append("the skip link points to no element")
    labels_for = {e.attrs.get("for") for e in page.by_tag("label")}
    for element in page.by_tag(*FIELDS):
        if element.attrs.get("type") in UNLABELLED_INPUT_TYPES:
            continue
        named = (
            element.attrs.get("id") in labels_for
            or element.inside_label
            or element.attrs.get("aria-label", "").strip()
            or element.attrs.get("aria-labelledby")
        )
        if not named:
            found.append(f"<{element.tag} name={element.attrs.get('name')!r}> has no label")
    for element in page.elements:
        for attribute in ("aria-labelledby", "aria-describedby"):
            for ref in element.attrs.get(attribute, "").split():
                if ref not in known:
                    found.append(f"{attribute}={ref!r} points to no element")
        if element.tag == "label" and element.attrs.get("for") and element.attrs["for"] not in known:
            found.append(f"<label for={element.attrs['for']!r}> points to no field")
    for element in page.by_tag("button"):
        if not element.text.strip() and not element.attrs.get("aria-label"):
            found.append("a button has no text")
    for element in page.by_tag("a"):
        if not element.text.strip() and not element.attrs.get("aria-label"):
            found.append(f"the link to {element.attrs.get('href')!r} has no text")
    for element in page.by_tag("img"):
        if "alt" not in element.attrs:
            found.append(f"<img src={element.attrs.get('src')!r}> has no alt text")
    levels = page.headings
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            found.append(f"heading level jumps from h{before} to h{after}")
    if levels and levels[0] != 1:
        found.append(f"the first heading is h{levels[0]}, not h1")
    return found


# --- contrast (WCAG 2.x) ----------------------------------------------------------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance of a #rrggbb (or #rgb) colour."""
    digits = hex_colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(one: str, two: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    a, b = sorted((luminance(one), luminance(two)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def palette(css: str) -> dict[str, str]:
    """The colour custom properties (``--name: #hex``) of a style sheet."""
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\b", css))


def colour_pairs(colours: dict[str, str]) -> list[tuple[str, str]]:
    """(foreground, background) names: each ``X-fg`` on ``X-bg``, or on ``page-bg`` without one."""
    pairs = []
    for name in colours:
        if name.endswith("-fg"):
            background = name[:-3] + "-bg"
            pairs.append((name, background if background in colours else "page-bg"))
    return pairs
