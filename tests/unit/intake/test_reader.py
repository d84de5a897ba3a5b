"""The whole reading: numbers beat the words around them, present beats absent, who it is about."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from lumbar.intake.lexicon import Match, Pattern
from lumbar.intake.normalise import normalise
from lumbar.intake.reader import RELATION_WORDS, THIRD_PERSON, Reading, TextReader, _Surroundings
from lumbar.intake.tokens import SENTENCE_END

INTAKE_CASES = Path(__file__).resolve().parents[2] / "cases" / "intake.jsonl"

Read = Callable[[str], Reading]


def test_a_measured_temperature_decides_fever(read: Read) -> None:
    normal = read("My lower back aches with a temperature of 37.9.")
    assert normal.findings["fever"].status == "absent"
    assert normal.value("temperature_c") == 37.9
    assert any(why == "read from the number" for _, _, why in normal.ignored)
    high = read("Fever of 39 degrees and back pain.")
    assert high.findings["fever"].status == "present"
    assert "high_fever" in high.present()


def test_fahrenheit_becomes_celsius_and_sets_fever(read: Read) -> None:
    reading = read("Back spasms with a fever of 101.8F.")
    assert reading.value("temperature_c") == 38.8
    assert "fever" in reading.present()


def test_present_beats_absent(read: Read) -> None:
    reading = read("No fever yesterday. Today I have a fever.")
    assert reading.findings["fever"].status == "present"


def test_implied_and_derived_findings(read: Read) -> None:
    reading = read("I'm 70 and I can't pee since this morning.")
    assert {
        "urinary_retention",
        "bladder_dysfunction",
        "age_over_65",
        "duration_under_2_days",
    } <= reading.present()
    assert "age_under_45" in reading.absent()


def test_sex_of_the_person_described(read: Read) -> None:
    reading = read("My dad, 74, has had back pain for 6 weeks.")
    assert reading.subject.who == "other"
    assert "male" in reading.present() and "female" in reading.absent()
    assert reading.value("age") == 74
    assert reading.value("duration_days") == 42


def test_evidence_quotes_the_text(read: Read) -> None:
    text = "Since last night I can't feel the toilet paper when I wipe."
    found = read(text).findings["saddle_numbness"]
    assert found.evidence in text
    assert "toilet paper" in found.evidence


def test_reader_is_reusable_and_deterministic(reader: TextReader) -> None:
    text = "Pulled my back lifting, no numbness, pain 6/10."
    first, second = reader.read(text), reader.read(text)
    assert {k: (v.status, v.value) for k, v in first.findings.items()} == {
        k: (v.status, v.value) for k, v in second.findings.items()
    }


@pytest.mark.parametrize(
    ("text", "finding_id"),
    [
        ("My foot is numb but I can walk.", "saddle_numbness"),  # "but" is not "butt"
        ("I had a fever and pins and needles in my foot.", "iv_drug_use"),
        ("My MRI showed wear and tear in my discs.", "tearing_pain"),
        ("There is a sore spot in my back and I'm 20 weeks pregnant.", "vaginal_bleeding"),
        ("I cannot hold my pee any more.", "urinary_retention"),
        ("I can't feel myself peeing.", "urinary_retention"),
        ("I have been on prednisolone for years and now my back hurts.", "usual_pattern"),
        ("I bumped my back on a door.", "pregnant"),
        ("My back hurts after I hurt my knee.", "lifting_injury"),
        ("My feet are a bit numb.", "saddle_numbness"),  # "a bit" is not "my bits"
        ("My leg went numb a bit when I sat.", "saddle_numbness"),
    ],
)
def test_words_that_only_look_like_a_finding(read: Read, text: str, finding_id: str) -> None:
    assert finding_id not in read(text).present()


@pytest.mark.parametrize(
    "text",
    [
        "I can't pee.",
        "I can't even pee.",
        "I can't seem to pee.",
        "I haven't been able to pee since last night.",
        "I am unable to pass urine.",
    ],
)
def test_cannot_pee_is_retention(read: Read, text: str) -> None:
    assert "urinary_retention" in read(text).present()


@pytest.mark.parametrize("text", ["My back hurts and my feet are going numb.", "back pain, numb feet"])
def test_numb_feet_are_numbness_in_a_foot(read: Read, text: str) -> None:
    """Numb feet are a nerve sign, not only the burning feet of diabetes."""
    assert "leg_numbness_tingling" in read(text).present()


def test_clumsy_hands_are_read(read: Read) -> None:
    assert "hand_clumsiness" in read("I keep dropping cups and can't do my shirt buttons").present()


@pytest.mark.parametrize(
    ("text", "finding_id"),
    [
        # "back in" is a place here, not "back in March"
        ("When I lie on my back in bed I feel a pulsing in my belly.", "pulsating_abdomen"),
        (
            "It's more that I don't really feel it coming any more, not sure I've fully emptied.",
            "bladder_dysfunction",
        ),
        ("She went white as a sheet because the room was going round.", "dizziness_fainting"),
        ("Her wee in the pad is very dark brown, like cola.", "dark_urine"),
        ("He is holding his chest and sweating.", "chest_pain"),
        ("Grandad says he can't feel his feet right.", "leg_numbness_tingling"),
    ],
)
def test_signs_said_in_carers_and_plain_words(read: Read, text: str, finding_id: str) -> None:
    assert finding_id in read(text).present()


def test_a_checklist_answered_no_then_yes_keeps_the_yes(read: Read) -> None:
    """'Fever? No, numb bum? Yes': the 'no' answers the first question only."""
    found = read("Fever? No, numb bum? Yes")
    assert "saddle_numbness" in found.present() and "fever" in found.absent()


def test_crashing_on_a_sofa_is_not_an_accident(read: Read) -> None:
    assert "major_trauma" not in read("crashed on my mate's sofa after a night out").present()
    assert "major_trauma" in read("I crashed my car yesterday").present()


@pytest.mark.parametrize(
    ("text", "finding_id"),
    [
        ("The ladder went out from under me and I came down fourteen feet onto the patio.", "major_trauma"),
        ("For the first time ever she's been wet and soiled.", "bowel_incontinence"),
        ("On my lower back appear some lump, hard, not moving.", "spinal_deformity"),
        (
            "Hurt my back gardening 5 weeks ago, thought it would settle but it's still the same.",
            "pain_not_improving",
        ),
        ("The pain in my lower back is the worst I've ever had.", "severe_pain"),
    ],
)
def test_signs_said_by_older_people_and_their_families(read: Read, text: str, finding_id: str) -> None:
    assert finding_id in read(text).present()


def test_is_fine_does_not_reach_back_across_a_comma(read: Read) -> None:
    """'left leg sciatica, right leg is fine': the sciatica stays."""
    assert "leg_pain_radiating" in read("left leg sciatica, right leg is fine").present()


def test_a_no_that_goes_on_does_not_answer_the_question_before_it(read: Read) -> None:
    """'… stingy wee at the same time? no temp': the no is forward; 'bleeding? no.' still answers."""
    reading = read("is it normal to get back ache and stingy wee at the same time? no temp i dont think")
    assert "dysuria" in reading.present()
    assert "fever" not in reading.present()
    assert "vaginal_bleeding" not in read("30 weeks, back aches. bleeding? no. baby kicking").present()


def test_what_makes_it_worse_is_not_a_supposition(read: Read) -> None:
    """'worse if i lounge about, wakes me round 4am': the waking is said, not supposed."""
    assert "wakes_second_half_night" in read("worse if i lounge about, wakes me round 4am").present()


def test_not_coming_and_going_denies_only_itself(read: Read) -> None:
    """'constant not coming n going belly hard as a rock': the belly stays."""
    reading = read("back pain constant not coming n going belly hard as a rock n bleeding")
    assert {"constant_pain", "rigid_belly"} <= reading.present()
    assert "colicky_pain" not in reading.present()
    assert "colicky_pain" in read("the pain comes and goes in my back").present()


@pytest.mark.parametrize(
    ("text", "finding_id"),
    [
        ("Third round of chemo last Tuesday, back aching.", "immunosuppression"),
        ("I am on the kidney machine three days a week.", "immunosuppression"),
        ("Had my heart valve replaced two years ago.", "heart_valve"),
        ("I've got a small bulge on the main artery in my tummy.", "known_aortic_aneurysm"),
        ("My daughter gets cramping on the first day of her period.", "during_period"),
    ],
)
def test_infection_and_vessel_risks_said_by_their_treatment(read: Read, text: str, finding_id: str) -> None:
    assert finding_id in read(text).present()


def test_a_contiguous_phrase_reads_past_one_word_of_stress(read: Read) -> None:
    """'cant really move my legs' is '=cannot move my legs'; two words in the way still break it."""
    assert "bilateral_leg_symptoms" in read("landed flat on my back, cant really move my legs").present()
    assert "bilateral_leg_symptoms" not in read("cannot really quite move my legs").present()


def test_the_surroundings_of_each_token_are_those_a_walk_over_every_token_gives(reader: TextReader) -> None:
    """The relation word before each token and whether its clause says "he"/"she" up to each token,
    found by bisection, are what reading every token in turn gives, on every labelled text."""
    texts = [
        json.loads(line)["text"] for line in INTAKE_CASES.read_text(encoding="utf-8").splitlines() if line
    ]
    texts += ["my dad, he fell. my mum says she is fine, and he is not", ". , he", "wife"]
    seen = 0
    for text in texts:
        tokens = reader.lexicon.tokens(normalise(text))
        around = _Surroundings(tokens)
        relation: str | None = None
        start = 0
        third_from: dict[int, bool] = {}
        for k, tok in enumerate(tokens):
            assert around.relation(k) == relation, (text, k)
            assert around.clause_start(k) == start, (text, k)
            third_from[k] = any(tokens[j].text in THIRD_PERSON for j in range(start, k + 1))
            match = Match(Pattern.of("x", ("x",), False), k, k, frozenset({k}))
            assert around.third_person(match) is third_from[k], (text, k)
            seen += relation is not None
            if tok.text in SENTENCE_END:
                relation = None
            elif tok.text in RELATION_WORDS:
                relation = tok.text
            if tok.text in SENTENCE_END or tok.text == ",":
                start = k + 1
    assert seen > 100


@pytest.mark.parametrize(
    ("text", "finding_id"),
    [
        ("The truck tipped on the ramp and I got thrown out and landed flat on my back.", "major_trauma"),
        ("Came off my motorbike, back is ten times worse than before.", "severe_pain"),
    ],
)
def test_a_serious_accident_and_its_pain_said_plainly(read: Read, text: str, finding_id: str) -> None:
    assert finding_id in read(text).present()
