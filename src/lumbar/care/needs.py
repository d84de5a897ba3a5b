"""What a warning-sign rule still needs to fire for this person, and how to say it in plain words.

A rule's condition is reduced against the findings the person already has: present findings
drop out, background findings (age, history, being pregnant) that are absent make the rule
impossible, and what is left is the set of new signs that would fire it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any, ClassVar

from lumbar.knowledge.frozen import Frozen
from lumbar.knowledge.schema import Condition
from lumbar.plain_words import lower_first


class Need(Frozen):
    """All of ``all``, and at least ``count`` of ``options``; each term a finding id or a nested Need.

    ``used`` (the findings the person already has that the rule used) is left out of equality and hash.
    """

    FIELDS: ClassVar[tuple[str, ...]] = ("all", "options", "count", "used")
    DEFAULTS: ClassVar[dict[str, Any]] = {"all": (), "options": (), "count": 0, "used": frozenset()}

    all: tuple[str | Need, ...]
    options: tuple[str | Need, ...]
    count: int
    used: frozenset[str]

    def __init__(
        self,
        all: tuple[str | Need, ...] = (),
        options: tuple[str | Need, ...] = (),
        count: int = 0,
        used: frozenset[str] = frozenset(),
    ) -> None:
        vars(self).update(all=all, options=options, count=count, used=used)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Need) or other.__class__ is not self.__class__:
            return NotImplemented
        return (self.all, self.options, self.count) == (other.all, other.options, other.count)

    def __hash__(self) -> int:
        return hash((self.all, self.options, self.count))

    @property
    def satisfied(self) -> bool:
        return not self.all and self.count <= 0

    def finding_ids(self) -> Iterator[str]:
        """Every finding id still needed, at any depth, in order."""
        for term in (*self.all, *self.options):
            if isinstance(term, Need):
                yield from term.finding_ids()
            else:
                yield term

    @cached_property
    def size(self) -> int:
        """The fewest new findings that would satisfy this need."""
        own = sum(_size(t) for t in self.all)
        if self.count > 0:
            own += sum(sorted(_size(t) for t in self.options)[: self.count])
        return own

    @cached_property
    def ids(self) -> frozenset[str]:
        """The finding ids of :meth:`finding_ids` as a set."""
        return frozenset(self.finding_ids())

    @cached_property
    def alone(self) -> frozenset[str]:
        """The findings that would each satisfy this need on their own (none when it needs two or more)."""
        if self.size != 1:
            return frozenset()
        terms = self.all or tuple(t for t in self.options if _size(t) == 1)
        return frozenset().union(*(ids_of(t) for t in terms))


def _size(term: str | Need) -> int:
    return term.size if isinstance(term, Need) else 1


def ids_of(term: str | Need) -> frozenset[str]:
    """The finding ids of one term of a need."""
    return term.ids if isinstance(term, Need) else frozenset({term})


def alone(need: Need) -> frozenset[str]:
    """The findings that would each satisfy ``need`` on their own (none when it needs two or more)."""
    return need.alone


def without(need: Need, listed: frozenset[str]) -> Need | None:
    """``need`` less the one-finding alternatives already in ``listed``; None when nothing is left.

    Only needs that one new sign would satisfy are pruned; a combination is kept whole.
    """
    if need.size != 1:
        return need
    if need.all:
        return None if ids_of(need.all[0]) <= listed else need
    kept = tuple(t for t in need.options if _size(t) != 1 or not ids_of(t) <= listed)
    if not kept:
        return None
    return need if len(kept) == len(need.options) else Need(need.all, kept, need.count, need.used)


def pruned(need: Need, listed: frozenset[str]) -> Need | None:
    """``need`` without the ways to meet it that hold a sign in ``listed``; None when every way does.

    A sign listed on its own, under the same action or a more urgent one, already sends the person
    for help, so a combination holding it adds nothing: once "fainting" is listed, "wheezing with
    fainting" is not, and "a pulsing belly with fainting or sweating" becomes "… with sweating".
    """
    if not need.ids & listed:
        return need
    kept_all: list[str | Need] = []
    for term in need.all:
        kept = _pruned_term(term, listed)
        if kept is None:
            return None
        kept_all.append(kept)
    if not need.count:
        return Need(tuple(kept_all), need.options, need.count, need.used)
    options = tuple(kept for term in need.options if (kept := _pruned_term(term, listed)) is not None)
    if len(options) < need.count:
        return None
    return Need(tuple(kept_all), options, need.count, need.used)


def _pruned_term(term: str | Need, listed: frozenset[str]) -> str | Need | None:
    if isinstance(term, Need):
        return pruned(term, listed)
    return None if term in listed else term


def reduce(cond: Condition, present: frozenset[str], background: frozenset[str]) -> Need | None:
    """What is still needed for ``cond`` to hold, or None when it cannot hold for this person.

    ``used`` on the result names the present findings that brought the rule closer.
    """
    if any(f in present for f in cond.none):
        return None
    used: set[str] = set()
    still: list[str | Need] = []
    for term in cond.all:
        reduced = _reduce_term(term, present, background, used)
        if reduced is None:
            return None
        if reduced != "":
            still.append(reduced)
    options: list[str | Need] = []
    met = 0
    for term in cond.any:
        reduced = _reduce_term(term, present, background, used)
        if reduced == "":
            met += 1
        elif reduced is not None:
            options.append(reduced)
    count = max(cond.min_any - met, 0) if cond.any else 0
    if count > len(options):
        return None
    return Need(tuple(still), tuple(options) if count else (), count, frozenset(used))


def _reduce_term(
    term: str | Condition, present: frozenset[str], background: frozenset[str], used: set[str]
) -> str | Need | None:
    """'' when met, None when impossible, else what is left."""
    if isinstance(term, Condition):
        need = reduce(term, present, background)
        if need is None:
            return None
        used |= need.used
        return "" if need.satisfied else need
    if term in present:
        used.add(term)
        return ""
    return None if term in background else term


def describe(need: Need, name: Callable[[str], str]) -> str:
    """The signs of ``need`` as one plain sentence fragment, first letter capitalised."""
    text = _describe(need, name, top=True)
    return text[:1].upper() + text[1:]


def _describe(need: Need, name: Callable[[str], str], top: bool) -> str:
    parts = [_term(t, name) for t in need.all]
    if need.count == 1:
        # inside a combination, commas: "stiff neck with fever, headache or confusion" is one sign
        parts.append(_or_list([_term(t, name) for t in _alternatives(need.options)], "; " if top else ", "))
    elif need.count > 1:
        listed = "; ".join(_term(t, name) for t in need.options)
        parts.append(f"at least {need.count} of these together: {listed}")
    if len(parts) == 1:
        return parts[0]
    return (", together with " if top else " with ").join(parts)


def _alternatives(options: tuple[str | Need, ...]) -> list[str | Need]:
    """Options with nested "one of these" lists opened into the same list."""
    flat: list[str | Need] = []
    for term in options:
        if isinstance(term, Need) and not term.all and term.count == 1:
            flat.extend(_alternatives(term.options))
        else:
            flat.append(term)
    return flat


def _term(term: str | Need, name: Callable[[str], str]) -> str:
    return _describe(term, name, top=False) if isinstance(term, Need) else lower_first(name(term))


def _or_list(items: list[str], separator: str = "; ") -> str:
    if len(items) <= 1:
        return "".join(items)
    last = " or " if separator == ", " else f"{separator}or "
    return separator.join(items[:-1]) + last + items[-1]
