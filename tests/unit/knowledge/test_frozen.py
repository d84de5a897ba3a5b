"""The knowledge base's run-time records behave as frozen dataclasses: compared, hashed and shown by
their fields, never changed in place, copied with changes, and pickled whole."""

from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError

import pytest

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
