"""Questions become concepts with synonyms; passages that cover the whole question rank first."""

from __future__ import annotations

from ask_helpers import memory_index, passage

from lumbar.ask.retrieve import EXACT, SYNONYM, Retriever, analyse
from lumbar.ask.vocabulary import load_vocabulary


def test_a_question_becomes_concepts_from_the_longest_known_phrases() -> None:
    query = analyse("How long should I put a warm compress on my lower back?", load_vocabulary())
    assert [c.label for c in query.concepts] == ["warm compress", "lower back"]
    compress = dict(query.concepts[0].alternatives)
    assert compress[("warm", "compress")] == EXACT
    assert compress[("heat", "pad")] == SYNONYM
    assert query.asks("duration") and not query.asks("specialist")


def test_stopwords_alone_make_no_concept() -> None:
    assert analyse("What should I do about it?", load_vocabulary()).concepts == ()


def test_a_lay_word_finds_the_medical_word() -> None:
    index = memory_index(
        [
            passage("a:1", "Acetaminophen eases mild pain."),
            passage("b:1", "Swimming relaxes the muscles."),
        ]
    )
    ranked = Retriever(index, load_vocabulary()).retrieve("Is Tylenol any good?").ranked
    assert [s.hit.passage.id for s in ranked] == ["a:1"]
    assert ranked[0].reach == 1.0
    assert ranked[0].coverage < 1.0  # found through a synonym, not the question's own word


def test_covering_every_concept_beats_repeating_one() -> None:
    index = memory_index(
        [
            passage("a:1", "Heat heat heat. Heat is good. More heat for the back."),
            passage("b:1", "Heat eases a spasm when you drive a long way."),
            passage("c:1", "Walking helps recovery."),
        ]
    )
    ranked = Retriever(index, load_vocabulary()).retrieve("heat while driving").ranked
    assert ranked[0].hit.passage.id == "b:1"
    assert ranked[0].coverage == 1.0


def test_unknown_words_are_marked_and_make_a_question_off_topic() -> None:
    index = memory_index([passage("a:1", "Heat relaxes the back muscles.")])
    retriever = Retriever(index, load_vocabulary())
    off = retriever.retrieve("What is the capital of France?").query
    assert off.unknown_share == 1.0 and not off.on_topic
    half = retriever.retrieve("Is heat good for zebras?").query
    assert half.unknown_share == 0.5 and half.on_topic  # "heat" is a known word of the synonym table


def test_words_that_only_ask_for_a_duration_are_not_part_of_the_topic() -> None:
    query = analyse("Is there a time limit for the hot tub?", load_vocabulary())
    assert [c.label for c in query.concepts] == ["hot tub"]
    assert query.asks("duration")
