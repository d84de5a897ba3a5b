"""`lumbar explain ID`: a plain-words page about a cause, specialist, test or treatment."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from lumbar.care.pages import page_for
from lumbar.care.render import render_page_markdown
from lumbar.care.terminal import print_page
from lumbar.knowledge.loader import load_knowledge


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Show the patient page for one knowledge-base id: what it is, why it matters, "
        "what to expect and when to worry."
    )
    parser.add_argument(
        "id", help="a cause, specialist, test or treatment id, e.g. muscle_strain or mri_lumbar"
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown instead of the terminal page")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    page = page_for(load_knowledge(), args.id)  # an unknown id: NotFoundError, shown by main with exit 1
    if args.markdown:
        sys.stdout.write(render_page_markdown(page))
        return 0
    print_page(page, Console())
    return 0
