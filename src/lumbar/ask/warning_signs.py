"""Notice a question that describes a warning sign, so the answer starts with where to get help.

The phrases live in ``warning_signs.yaml``. This is a safety net for `lumbar ask`, not triage:
`lumbar assess` holds the rules, and the message sends the person there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from lumbar.ask.text import fold
from lumbar.errors import KnowledgeError, Problem

WARNING_SIGNS_FILE = "warning_signs.yaml"
_NEGATION = re.compile(r"\b(no|not|never|without|nor|denies|deny)\b")
_CLAUSE_BREAK = re.compile(r"[.;,!?]|\b(but|however|although|though)\b")


@dataclass(frozen=True)
class WarningSign:
    """A warning sign: its id, level, the words it adds to the search and its patterns."""

    id: str
    level: str
    search: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class WarningMatch:
    """The warning signs a question describes, the most urgent level and the message for it."""

    signs: tuple[str, ...]
    level: str
    message: str
    search: str


@dataclass(frozen=True)
class WarningSigns:
    """Every warning sign, and the message of each level (most urgent first)."""

    levels: dict[str, str]
    signs: tuple[WarningSign, ...]

    def detect(self, question: str) -> WarningMatch | None:
        """The warning signs described in ``question`` (negated mentions ignored), or None."""
        text = fold(question)
        found = [sign for sign in self.signs if any(_affirmed(text, p) for p in sign.patterns)]
        if not found:
            return None
        order = list(self.levels)
        level = min((s.level for s in found), key=order.index)
        search = " ".join(dict.fromkeys(s.search for s in found))
        return WarningMatch(tuple(s.id for s in found), level, self.levels[level], search)


def _affirmed(text: str, pattern: re.Pattern[str]) -> bool:
    for match in pattern.finditer(text):
        before = _CLAUSE_BREAK.split(text[: match.start()])[-1] or ""
        if not _NEGATION.search(" ".join(before.split()[-3:])):
            return True
    return False


def _problem(item: str | None, message: str) -> KnowledgeError:
    return KnowledgeError([Problem(f"ask/{WARNING_SIGNS_FILE}", item, message)])


def parse_warning_signs(raw: Any) -> WarningSigns:
    """Build :class:`WarningSigns` from parsed YAML; raises KnowledgeError naming what is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("levels"), dict):
        raise _problem(None, "expected a mapping with 'levels' and 'signs'")
    levels = {str(k): " ".join(str(v).split()) for k, v in raw["levels"].items()}
    signs = []
    for entry in raw.get("signs") or []:
        sign_id = str(entry.get("id", "?")) if isinstance(entry, dict) else "?"
        try:
            level = str(entry["level"])
            if level not in levels:
                raise _problem(sign_id, f"level {level!r} is not one of {sorted(levels)}")
            patterns = tuple(re.compile(str(p)) for p in entry["patterns"])
        except (KeyError, TypeError, re.error) as exc:
            raise _problem(sign_id, f"a sign needs 'level' and valid 'patterns' ({exc})") from exc
        signs.append(WarningSign(sign_id, level, " ".join(str(entry.get("search", "")).split()), patterns))
    return WarningSigns(levels, tuple(signs))


@cache
def load_warning_signs() -> WarningSigns:
    """The warning signs shipped with lumbar (read once per process)."""
    text = (resources.files("lumbar.ask") / WARNING_SIGNS_FILE).read_text(encoding="utf-8")
    try:
        return parse_warning_signs(yaml.safe_load(text))
    except yaml.YAMLError as exc:
        raise _problem(None, f"not valid YAML: {exc}") from exc
