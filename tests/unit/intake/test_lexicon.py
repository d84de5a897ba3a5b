"""The phrase matcher on tiny hand-made knowledge bases: gaps, clauses, "=" phrases, misspellings,
and which of two overlapping matches wins."""

from __future__ import annotations

import pickle
import random
from collections.abc import Callable

import pytest

from lumbar.intake.lexicon import Lexicon, Pattern, PhraseTable
from lumbar.intake.reader import TextReader
from lumbar.intake.speller import Speller
from lumbar.knowledge.loader import KnowledgeBase

MakeKb = Callable[..., KnowledgeBase]

FINDINGS = {
    "saddle": ["numb between my legs"],
    "numb": ["numb", "pins and needles"],
    "numb_leg": ["numb leg"],
    "lower_belly": ["=lower belly"],
    "belly": ["belly"],
    "lower_back": ["lower back"],
    "sciatica": ["sciatica", "pain down my leg"],
    "injects": ["needles"],
    "tearing": ["tearing"],
    "worn_discs": ["wear and tear"],
    "hurt_back": ["hurt my back"],
    "cough": {"synonyms": ["worse when i cough"], "absent": ["no cough"]},
    "fever": ["hot and cold", "hot and shivery"],
    "heat_tried": ["=hot and cold packs"],
    "both_legs_weak": ["=legs are weak"],
    "leg_weak": ["legs weak"],
}
WARNING = ("saddle", "injects", "tearing", "fever", "both_legs_weak", "leg_weak")


@pytest.fixture(scope="module")
def lexicon(make_kb: MakeKb) -> Lexicon:
    return Lexicon(make_kb(FINDINGS, warning=WARNING))


def found(lexicon: Lexicon, text: str) -> set[str]:
    return {m.pattern.finding for m in lexicon.find(lexicon.tokens(text))}


def test_words_of_a_phrase_may_have_up_to_two_words_between(lexicon: Lexicon) -> None:
    assert "saddle" in found(lexicon, "numb right between my legs")
    assert "saddle" in found(lexicon, "numb just there between my legs")
    assert "saddle" not in found(lexicon, "numb up and down between my legs")


def test_function_words_in_the_gap_are_free(lexicon: Lexicon) -> None:
    # "the", "of" and "my" do not count towards the gap
    assert "sciatica" in found(lexicon, "pain down the back of my leg")


def test_a_phrase_stays_within_its_clause(lexicon: Lexicon) -> None:
    assert "saddle" not in found(lexicon, "numb, between my legs")
    assert "numb_leg" not in found(lexicon, "no numbness and my legs feel strong")
    assert "numb_leg" in found(lexicon, "numb and heavy legs")


def test_two_plain_words_match_in_either_order(lexicon: Lexicon) -> None:
    assert "numb_leg" in found(lexicon, "my leg is numb")


def test_a_phrase_with_a_function_word_keeps_its_order(lexicon: Lexicon) -> None:
    assert "hurt_back" in found(lexicon, "I hurt my back")
    assert "hurt_back" not in found(lexicon, "my back hurts")


def test_contiguous_phrase_allows_no_filler(lexicon: Lexicon) -> None:
    assert "lower_belly" in found(lexicon, "cramps in my lower belly")
    assert "lower_belly" not in found(lexicon, "lower part of my belly")
    # the same words without "=" allow filler
    assert "lower_back" in found(lexicon, "lower part of my back")


def test_stems_match_other_forms(lexicon: Lexicon) -> None:
    assert "cough" in found(lexicon, "it is worse when I'm coughing")
    assert "lower_back" in found(lexicon, "my Lower Backs")


def test_misspelt_words_are_corrected(lexicon: Lexicon) -> None:
    assert "sciatica" in found(lexicon, "I have siatica")
    assert "sciatica" in found(lexicon, "I have sciatcia")
    assert "sciatica" in found(lexicon, "I have sciiatica")


def test_short_typos_are_corrected_but_real_words_never(lexicon: Lexicon) -> None:
    assert "belly" in found(lexicon, "my bely hurts")
    fixes = lexicon.speller.corrections("he said three times it could be his acne, then died")
    assert fixes == {}, "ordinary English words are never 'corrected' (said/slid, died/dived)"
    assert Speller({"fever", "urine"}).corrections("a fevr and urrine") == {
        "fevr": "fever",
        "urrine": "urine",
    }


def test_speller_leaves_ambiguous_words_alone() -> None:
    speller = Speller({"tingle", "tingly", "sciatica"})
    assert speller.corrections("tinglz siatica") == {"siatica": "sciatica"}
    assert speller.corrections("tingle") == {}


def test_the_longer_phrase_owns_its_words(lexicon: Lexicon) -> None:
    assert found(lexicon, "numb between my legs") == {"saddle"}


def test_a_warning_sign_gives_way_only_when_its_word_is_part_of_the_longer_phrase(lexicon: Lexicon) -> None:
    assert found(lexicon, "pins and needles") == {"numb"}
    assert found(lexicon, "wear and tear") == {"worn_discs"}
    # in the gap of a longer phrase, a warning sign stays
    assert {"sciatica", "tearing"} <= found(lexicon, "pain tearing down my leg")


def test_a_warning_sign_inside_an_exact_compound_that_names_a_thing_gives_way(lexicon: Lexicon) -> None:
    assert found(lexicon, "i tried hot and cold packs") == {"heat_tried"}
    assert found(lexicon, "i keep going hot and cold") == {"fever"}
    assert found(lexicon, "hot and cold packs, now i feel hot and shivery") == {"heat_tried", "fever"}
    # an exact compound that is itself a warning sign takes nothing from another sign
    assert found(lexicon, "her legs are weak") == {"both_legs_weak", "leg_weak"}


def test_absent_phrases_are_marked_negative(lexicon: Lexicon) -> None:
    matches = lexicon.find(lexicon.tokens("no cough"))
    assert [(m.pattern.finding, m.pattern.negative) for m in matches] == [("cough", True)]


def test_match_remembers_the_tokens_it_used_and_skipped(lexicon: Lexicon) -> None:
    tokens = lexicon.tokens("numb right between my legs")
    (match,) = lexicon.find(tokens)
    used = [tokens[i].text for i in sorted(match.used)]
    assert used[0] == "numb" and used[-1] == "legs" and "right" not in used
    assert (match.start, match.end) == (0, len(tokens) - 1)


def test_the_phrase_table_unpacks_each_first_stem_as_built_and_only_when_asked() -> None:
    patterns = [
        Pattern.of("leg_weakness", ("leg", "weak"), False),
        Pattern.of("leg_weakness", ("leg", "the", "weak"), True, contiguous=True),
    ]
    table = pickle.loads(
        pickle.dumps(PhraseTable({"leg": patterns, "back": [Pattern.of("x", ("back",), False)]}))
    )
    assert table._unpacked == {}
    assert table.get("leg") == patterns and table.get("arm") == []
    assert list(table._unpacked) == ["leg"]
    assert [p.stems for ps in table.values() for p in ps] == [
        ("leg", "weak"),
        ("leg", "the", "weak"),
        ("back",),
    ]


def test_candidates_are_tested_only_when_their_rarest_later_stem_is_held() -> None:
    weak = Pattern.of("a", ("leg", "weak"), False)
    heavy = Pattern.of("b", ("leg", "heavy", "weak"), False)  # "heavy" is its rarer later stem
    alone = Pattern.of("c", ("leg",), False)
    table = PhraseTable({"leg": [weak, heavy, alone], "arm": [Pattern.of("d", ("arm", "weak"), False)]})
    assert table.candidates("leg", {"leg", "weak"}) == [weak, alone]
    assert table.candidates("leg", {"leg", "heavy"}) == [alone]
    assert table.candidates("leg", {"leg", "heavy", "weak"}) == [weak, heavy, alone]
    assert table.candidates("arm", {"leg", "weak"}) == [] and table.candidates("hip", {"hip"}) == []
    assert table._by_anchor["leg"] == {"weak": [0], "heavy": [1], "leg": [2]}


def test_candidates_equal_the_patterns_whose_every_stem_is_held(reader: TextReader) -> None:
    """The anchors only skip work: on the packaged table, for stems drawn at random around each first
    stem's own phrases, the candidates are that first stem's patterns filtered whole, in order."""
    table = pickle.loads(pickle.dumps(reader.lexicon.by_first))
    firsts = list(table._packed)
    vocabulary = sorted({s for patterns in table.values() for p in patterns for s in p.stems})
    rng = random.Random(16)
    for first in firsts:
        patterns = table.get(first)
        for _ in range(3):
            present = {first, *rng.sample(vocabulary, 40), *rng.choice(patterns).stems}
            own = [s for p in patterns for s in p.stems]
            present |= set(rng.sample(own, min(3, len(own))))
            slow = [p for p in patterns if present.issuperset(p.stems)]
            assert table.candidates(first, present) == slow, (first, sorted(present))


def test_a_stem_that_would_break_the_packing_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be packed"):
        PhraseTable({"leg": [Pattern.of("x", ("leg", "weak\tly"), False)]})
