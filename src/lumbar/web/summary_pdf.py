"""The summary for your doctor as a file: the same HTML page, and that page printed to PDF by WeasyPrint
on A4 or US Letter (the stylesheet's print rules, with the paper size set by CSS ``@page``).

The summary is meant for one page: when it runs over, it is printed again in a smaller type, down to
``FONT_SIZES[-1]`` (below that it would be hard to read, so a very long summary takes a second page).
The web page's footer (about this server) is left off paper; the summary says it is not a diagnosis.

Nothing is fetched while printing: the page's stylesheet is read from the package and every other
address is refused, so the PDF is made offline and the same way every time.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from typing import Any, Literal

import lazy_loader

# WeasyPrint loads Pango and its fonts; only a PDF download or `lumbar summary --format pdf` pays for it
weasyprint = lazy_loader.load("weasyprint")

Paper = Literal["a4", "letter"]
#: the CSS page size of each paper
PAPER_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}
STYLESHEET = ("static", "lumbar.css")
#: the page's addresses are read against this one, which is never fetched: see ``_offline_fetcher``
BASE_URL = "https://lumbar.invalid/"
#: the summary's type sizes in points, tried in turn until it fits on one page
FONT_SIZES = (9.5, 8.5, 7.5)
PAPER_ONLY = ".site-footer { display: none; }"


def summary_html(
    templates: Any, summary: Any, key: str | None = None, address: str | None = None, query: str = ""
) -> str:
    """The summary page as HTML text, outside a web request (``key`` and ``address`` only on the web)."""
    template = templates.env.get_template("summary.html")
    return str(template.render(summary=summary, request=None, key=key, address=address, query=query))


def summary_pdf(html: str, paper: Paper = "a4") -> bytes:
    """``html`` (the summary page) printed to PDF on ``paper``, on one page when the type can shrink to fit."""
    # the stylesheet's screen-only rules (width queries, accent colours) mean nothing on paper
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def render(size: float) -> Any:
        # after the page's own stylesheet, so these rules win over its @page and type size
        extra = (
            f"@page {{ size: {PAPER_SIZES[paper]}; }} {PAPER_ONLY} .doctor-summary {{ font-size: {size}pt; }}"
        )
        printed = html.replace("</head>", f"<style>{extra}</style></head>", 1)
        return weasyprint.HTML(string=printed, base_url=BASE_URL, url_fetcher=_offline_fetcher()).render()

    rendered = render(FONT_SIZES[0])
    for size in FONT_SIZES[1:]:
        if len(rendered.pages) == 1:
            break
        rendered = render(size)
    return bytes(rendered.write_pdf())


def _offline_fetcher() -> Any:
    stylesheet = files("lumbar.web").joinpath(*STYLESHEET).read_bytes()

    class Offline(weasyprint.urls.URLFetcher):  # type: ignore[name-defined]
        """Gives the page's stylesheet from the package and refuses every other address."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url == BASE_URL + "/".join(STYLESHEET):
                return weasyprint.urls.URLFetcherResponse(
                    url, body=stylesheet, headers={"Content-Type": "text/css"}
                )
            raise weasyprint.urls.URLFetchingError(f"lumbar prints offline; not fetched: {url}")

    return Offline()
