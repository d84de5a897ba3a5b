"""Sources cited by number, as "[1, 4]", with their numbered list: for every rendering of a result.

Its own module, apart from the Jinja2 renderings (:mod:`lumbar.care.render`), so the terminal report
numbers its sources without importing Jinja2.
"""

from __future__ import annotations

from collections.abc import Mapping


class Citer:
    """Numbers for sources in their given order (source id -> title): citations read "[1, 4]"."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.titles = dict(sources)
        self.numbers = {source_id: n for n, source_id in enumerate(self.titles, start=1)}

    def __call__(self, citations: list[str]) -> str:
        """The distinct numbers of ``citations`` ("source_id" or "source_id#locator"), as "[1, 4]"."""
        ids = dict.fromkeys(c.partition("#")[0] for c in citations)
        numbers = sorted(self.numbers[i] for i in ids if i in self.numbers)
        return f"[{', '.join(map(str, numbers))}]" if numbers else ""

    def listing(self) -> list[str]:
        """The numbered source list: "1. Title"."""
        return [f"{self.numbers[sid]}. {title}" for sid, title in self.titles.items()]
