"""The knowledge base's run-time records behave as frozen dataclasses: compared, hashed and shown by
their fields, never changed in place, copied with changes, and pickled whole."""

from __future__ import annotations

import pickle

import pytest

from lumbar.knowledge.frozen import FrozenInstanceError, Record
from lumbar.knowledge.schema import AgeBand, Choice, Citation, Condition, Finding, Item


def test_records_are_equal_by_class_and_fields() -> None:
    assert Citation(source="nice", locator="1.1") == Citation(source="nice", locator="1.1")
    assert Citation(source="nice") != Citation(source="nice", locator="1.1")
    assert Item(id="a") != Finding(id="a", name="a", group="g")  # another class, even with the same fields
    assert hash(AgeBand(min=50)) == hash(AgeBand(min=50))
    with pytest.raises(TypeError):
        hash(Condition(all=["a"]))  # a list field, as for a frozen dataclass


def test_a_record_cannot_be_changed_in_place() -> None:
    choice = Choice(id="both", text="Both legs")
    with pytest.raises(FrozenInstanceError):
        choice.text = "One leg"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del choice.text


def test_each_record_gets_its_own_empty_lists() -> None:
    first, second = Choice(id="a", text="A"), Choice(id="b", text="B")
    assert first.implies == [] and first.implies is not second.implies


def test_replace_copies_with_changes_and_keeps_the_original() -> None:
    finding = Finding(id="fever", name="Fever", group="general", synonyms=["hot"])
    changed = finding.replace(synonyms=["hot", "feverish"])
    assert changed.synonyms == ["hot", "feverish"] and finding.synonyms == ["hot"]
    assert changed.replace(synonyms=["hot"]) == finding
    with pytest.raises(TypeError):
        finding.replace(colour="red")


def test_repr_names_every_field_in_order() -> None:
    assert repr(Citation(source="nice")) == "Citation(source='nice', locator=None)"


def test_a_record_pickles_whole() -> None:
    finding = Finding(id="fever", name="Fever", group="general", sources=[Citation(source="nice")])
    again = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == finding and again.source_ids == ["nice"]
    with pytest.raises(FrozenInstanceError):
        again.name = "x"  # type: ignore[misc]


class _Tally(Record):
    FIELDS = ("name", "count")

    def __init__(self, name: str, count: int = 0) -> None:
        self.name = name
        self.count = count


class _OtherTally(_Tally):
    pass


def test_a_mutable_record_is_compared_and_shown_by_its_fields_and_never_hashed() -> None:
    tally = _Tally("spasms")
    tally.count += 2
    assert tally == _Tally("spasms", 2)
    assert tally != _Tally("spasms", 3)
    assert tally != _OtherTally("spasms", 2)  # another class is never equal, as with dataclasses
    assert repr(tally) == "_Tally(name='spasms', count=2)"
    with pytest.raises(TypeError):
        hash(tally)


def test_an_assigned_field_raises_an_attribute_error() -> None:
    condition = Condition(all=["fever"])
    with pytest.raises(AttributeError):  # what getattr's and hasattr's callers expect
        condition.min_any = 2  # type: ignore[misc]
