"""`lumbar explain ID`: a plain-words page about a cause, specialist, test or treatment."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "explain",
        help="explain a cause, specialist, test or treatment in plain words",
        description="Show the patient page for one knowledge-base id: what it is, why it matters, "
        "what to expect and when to worry.",
    )
    parser.add_argument(
        "id", help="a cause, specialist, test or treatment id, e.g. muscle_strain or mri_lumbar"
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown instead of the terminal page")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lumbar.care.pages import page_for
    from lumbar.errors import NotFoundError
    from lumbar.knowledge.loader import load_knowledge

    try:
        page = page_for(load_knowledge(), args.id)
    except NotFoundError as exc:
        print(f"lumbar: {exc}", file=sys.stderr)
        return 1
    if args.markdown:
        from lumbar.care.render import render_page_markdown

        sys.stdout.write(render_page_markdown(page))
        return 0
    from rich.console import Console

    from lumbar.care.terminal import print_page

    print_page(page, Console())
    return 0
