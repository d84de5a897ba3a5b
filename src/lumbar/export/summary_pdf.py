"""The summary for your doctor as a file: an HTML page of its own (the summary without the web site's
header and footer, its stylesheet inside, so the file reads the same anywhere), and that page printed
to PDF by WeasyPrint on A4 or US Letter (the stylesheet's print rules, the paper size set by CSS
``@page``). The web's PDF download and `lumbar summary` both use it; the web page shows the same
template inside the site's frame.

The summary is meant for one page: when it runs over, it is printed again in a smaller type, down to
``FONT_SIZES[-1]`` (below that it would be hard to read, so a very long summary takes a second page).
The summary says it is not a diagnosis.

Nothing is fetched while printing: the stylesheet is in the page and every address is refused, so the
PDF is made offline and the same way every time.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import lazy_loader
from jinja2 import Environment, PackageLoader, select_autoescape

from lumbar.care.render import long_date

# WeasyPrint loads Pango and its fonts; only a PDF download or `lumbar summary --format pdf` pays for it
weasyprint = lazy_loader.load("weasyprint")

Paper = Literal["a4", "letter"]
#: the CSS page size of each paper
PAPER_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}
#: the web pages' stylesheet, read as a file of the package (its print rules lay the summary out)
STYLESHEET = ("web", "static", "lumbar.css")
#: the summary's template, and the frame it is put in for a file (the web puts it in the site's own)
TEMPLATE = "summary.html"
FILE_FRAME = "summary_file.html"
#: the web site's frame (its header, menu and footer), which the web's templates add
FRAME_ON_THE_WEB = "base.html"
#: the page's addresses are read against this one, which is never fetched: see ``_offline_fetcher``
BASE_URL = "https://lumbar.invalid/"
#: the summary's type sizes in points, tried in turn until it fits on one page
FONT_SIZES = (9.5, 8.5, 7.5)


def summary_loader() -> PackageLoader:
    """The loader of the summary's templates, shipped in the package (lumbar/export/templates)."""
    return PackageLoader("lumbar.export", "templates")


@cache
def summary_templates() -> Environment:
    """The summary's templates, for its files."""
    env = Environment(
        loader=summary_loader(),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["long_date"] = long_date
    return env


def summary_html(summary: Any) -> str:
    """The summary as an HTML file of its own, its stylesheet inside."""
    stylesheet = files("lumbar").joinpath(*STYLESHEET).read_text(encoding="utf-8")
    template = summary_templates().get_template(TEMPLATE)
    return str(template.render(summary=summary, frame=FILE_FRAME, stylesheet=stylesheet, request=None))


def summary_pdf(html: str, paper: Paper = "a4") -> bytes:
    """``html`` (the summary page) printed to PDF on ``paper``, on one page when the type can shrink to fit."""
    # the stylesheet's screen-only rules (width queries, accent colours) mean nothing on paper
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def render(size: float) -> Any:
        # after the page's own stylesheet, so these rules win over its @page and type size
        extra = f"@page {{ size: {PAPER_SIZES[paper]}; }} .doctor-summary {{ font-size: {size}pt; }}"
        printed = html.replace("</head>", f"<style>{extra}</style></head>", 1)
        return weasyprint.HTML(string=printed, base_url=BASE_URL, url_fetcher=_offline_fetcher()).render()

    rendered = render(FONT_SIZES[0])
    for size in FONT_SIZES[1:]:
        if len(rendered.pages) == 1:
            break
        rendered = render(size)
    return bytes(rendered.write_pdf())


def _offline_fetcher() -> Any:
    class Offline(weasyprint.urls.URLFetcher):  # type: ignore[name-defined]
        """Refuses every address: the page carries its stylesheet, and nothing else is needed."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            raise weasyprint.urls.URLFetchingError(f"lumbar prints offline; not fetched: {url}")

    return Offline()
