"""ConText triggers written once for a family of words.

A trigger's literal may name word lists in braces: ``"{owner} {relative} has"`` stands for one trigger per
combination ("my mum has", "his brother has", …). The lists live in ``context_words.yaml``, so a new
relative or verb is one word in one place rather than a line for each combination.
"""

from __future__ import annotations

from itertools import product
from string import Formatter
from typing import Any

from lumbar.errors import Problem

CONTEXT_WORDS_FILE = "context_words.yaml"
CONTEXT_RULES_FILE = "context_rules.yaml"


def expand_families(raw: Any, words: Any, problems: list[Problem]) -> Any:
    """``raw`` (the parsed context_rules.yaml) with every braced literal expanded, in file order.

    A literal naming an unknown list, or a list that is not a list of words, is a problem, and the
    trigger is dropped.
    """
    if not isinstance(raw, list):
        return raw
    lists = _word_lists(words, problems)
    expanded: list[Any] = []
    for entry in raw:
        literal = entry.get("literal") if isinstance(entry, dict) else None
        if not isinstance(literal, str) or "{" not in literal:
            expanded.append(entry)
            continue
        names = [field for _, field, _, _ in Formatter().parse(literal) if field is not None]
        unknown = [name for name in names if name not in lists]
        if unknown:
            problems.append(
                Problem(
                    CONTEXT_RULES_FILE,
                    literal,
                    f"names no word list of {CONTEXT_WORDS_FILE}: {', '.join(unknown)}",
                )
            )
            continue
        for combination in product(*(lists[name] for name in names)):
            filled = literal.format_map(dict(zip(names, combination, strict=True)))
            expanded.append({**entry, "literal": filled})
    return expanded


def _word_lists(words: Any, problems: list[Problem]) -> dict[str, list[str]]:
    """The word lists of context_words.yaml: a mapping of names to lists of words."""
    if words is None:
        return {}
    if not isinstance(words, dict):
        problems.append(Problem(CONTEXT_WORDS_FILE, None, "expected a mapping of names to lists of words"))
        return {}
    lists: dict[str, list[str]] = {}
    for name, value in words.items():
        if isinstance(value, list) and value and all(isinstance(word, str) and word for word in value):
            lists[str(name)] = value
        else:
            problems.append(Problem(CONTEXT_WORDS_FILE, str(name), "expected a non-empty list of words"))
    return lists
