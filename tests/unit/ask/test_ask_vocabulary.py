"""The synonym table is data; it validates and reports what is wrong."""

from __future__ import annotations

import pytest

from lumbar.ask.vocabulary import load_vocabulary, parse_vocabulary
from lumbar.errors import KnowledgeError


def test_the_shipped_vocabulary_links_lay_words_and_medical_words() -> None:
    vocabulary = load_vocabulary()
    for lay, medical in [
        (("tylenol",), ("acetaminophen",)),
        (("pee",), ("urin",)),
        (("gp",), ("doctor",)),
        (("heat", "pad"), ("warm", "compress")),
        (("physio",), ("physiotherapist",)),
        (("cramp",), ("spasm",)),
        (("lumbar",), ("lower", "back")),
        (("scan",), ("mri",)),
    ]:
        groups = set(vocabulary.phrase_groups[lay])
        assert any(medical in vocabulary.groups[g] for g in groups) or any(
            medical in vocabulary.groups[n] for g in groups for n in vocabulary.includes[g]
        ), (lay, medical)
    assert "the" in vocabulary.stopwords and "no" in vocabulary.stopwords
    assert {t.name for t in vocabulary.question_types} >= {"duration", "frequency", "specialist", "tests"}


def test_a_group_including_an_unknown_group_is_reported() -> None:
    with pytest.raises(KnowledgeError, match="unknown group 'nsaid'"):
        parse_vocabulary({"groups": {"painkiller": {"terms": ["painkiller"], "includes": ["nsaid"]}}})


def test_a_bad_question_type_is_reported() -> None:
    with pytest.raises(KnowledgeError, match="regexes"):
        parse_vocabulary({"groups": {}, "question_types": {"duration": {"asks": ["("], "answers": "x"}}})
    with pytest.raises(KnowledgeError, match="mapping"):
        parse_vocabulary(["not", "a", "mapping"])
