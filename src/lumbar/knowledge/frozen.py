"""The base of the run-time classes of the knowledge base and the results, and of the engines' small
records on a one-shot assessment's path: immutable records compared, hashed and shown by their
fields, like frozen dataclasses.

Not ``@dataclass`` itself: the decorator writes and compiles each class's methods when the module is
imported (about 3 M instructions a class, 200 M for the knowledge base's 54 classes, more than the
pydantic models they replace), whereas the generated classes (:mod:`lumbar.knowledge.validation.generate`)
carry their ``__init__`` in their source, compiled once into the ``.pyc``. An instance keeps its fields
in its ``__dict__``, so pickle reads it back in C. :class:`Record` is the mutable kind, for the
engines' working records. Neither imports :mod:`dataclasses` (with :mod:`inspect`, 32 M instructions
of a one-shot assessment).
"""

from __future__ import annotations

from typing import Any, ClassVar, Self


class FrozenInstanceError(AttributeError):
    """A field of a :class:`Frozen` record was assigned or deleted (as ``dataclasses``' error of that name)."""


class _Factory:
    """The default of a list or dict field in a generated ``__init__``: a new empty one each time."""

    def __repr__(self) -> str:
        return "FACTORY"


#: the default of a field whose default is a new empty list or dict
FACTORY: Any = _Factory()


class Record:
    """A record of the fields named in ``FIELDS``, compared and shown by them; mutable, so unhashable
    (defining ``__eq__`` alone leaves ``__hash__`` None)."""

    FIELDS: ClassVar[tuple[str, ...]] = ()

    def field_values(self) -> tuple[Any, ...]:
        """The fields' values, in order."""
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.field_values() == other.field_values()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"


class Frozen:
    """An immutable record of the fields named in ``FIELDS``, set once by the class's ``__init__``."""

    #: every field, in order (the base class's first)
    FIELDS: ClassVar[tuple[str, ...]] = ()
    #: the value each optional field takes when not given
    DEFAULTS: ClassVar[dict[str, Any]] = {}
    #: field -> the name its JSON form gives it, where the two differ (``for_`` -> ``for``)
    ALIASES: ClassVar[dict[str, str]] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def field_values(self) -> tuple[Any, ...]:
        """The fields' values, in order."""
        return tuple(getattr(self, name) for name in self.FIELDS)

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` (field name -> new value)."""
        return type(self)(**{**{name: getattr(self, name) for name in self.FIELDS}, **changes})

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.field_values() == other.field_values()

    def __hash__(self) -> int:
        return hash(self.field_values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"
