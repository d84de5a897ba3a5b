"""ConText over the packaged trigger list: negation and its scope, terminators, clause breaks,
pseudo-triggers, doubt, hypotheticals, the past and other people."""

from __future__ import annotations

import json
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path

import pytest

from lumbar.intake.context import CLAUSE_STARTERS, CONJUNCTIONS, ContextDetector, Scopes, Trigger
from lumbar.intake.lexicon import Lexicon
from lumbar.intake.normalise import normalise
from lumbar.intake.reader import Reading, TextReader
from lumbar.intake.tokens import SENTENCE_END, Token
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.schema import ContextCategory, ContextRule

Read = Callable[[str], Reading]


def status(reading: Reading, finding_id: str) -> str | None:
    found = reading.findings.get(finding_id)
    if found is None:
        return None
    return "possible" if found.certainty == "possible" else found.status


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No numbness or tingling.", {"leg_numbness_tingling": "absent"}),
        (
            "Denies fever, chills or weight loss.",
            {"chills_rigors": "absent", "unexplained_weight_loss": "absent"},
        ),
        ("no fever, but I have chills", {"chills_rigors": "present"}),
        ("No fever, I have chills.", {"chills_rigors": "present"}),
        ("No fever, I do have shivers though.", {"chills_rigors": "present"}),
        ("no numbness and my legs are getting weaker", {"progressive_leg_weakness": "present"}),
        ("no fever, just a sore lower back", {"back_pain": "present"}),
        ("My legs are not weak.", {"muscle_weakness_leg": "absent"}),
        ("I have not peed since this morning.", {"urinary_retention": "present"}),
        ("It is not getting better.", {"pain_not_improving": "present"}),
        ("It came on for no obvious cause.", {"insidious_onset": "present"}),
        ("My bladder is normal.", {"bladder_dysfunction": "absent"}),
        ("I have no history of cancer.", {"cancer_history": "absent"}),
        ("The tightening will not relax, with back pain.", {"back_pain": "present"}),
        # "except" says where: the phrase read across it is out of the negation's scope
        ("back agony, no numbness except round my bum", {"saddle_numbness": "present"}),
        ("no numbness round my bum", {"saddle_numbness": "absent"}),
        # a terminator that does not affirm leaves a phrase read across it negated
        ("I drink not much water because I go to the toilet a lot", {"waters_breaking": "absent"}),
        # a sign asked and answered
        ("30 wks, backache by evening. bleeding? no. baby kicking loads", {"vaginal_bleeding": "absent"}),
        # "if I sit ... it goes off" is what happens each time, not a supposition
        (
            "both my legs get heavy when I walk. If I sit on a bench it goes off in a minute.",
            {"neurogenic_claudication": "present"},
        ),
        ("It's not that I can't walk, I can.", {"refuses_to_walk": None}),
        # a checklist answered in a row, and a list after a colon
        (
            "numbness - no. bladder - yes a bit, cant tell when i need to go",
            {"leg_numbness_tingling": "absent"},
        ),
        (
            "numbness - no. bladder - yes a bit, cant tell when i need to go",
            {"bladder_dysfunction": "present"},
        ),
        ("To answer what the midwife asks: no bleeding, no fluid", {"vaginal_bleeding": "absent"}),
    ],
)
def test_negation_and_its_scope(read: Read, text: str, expected: dict[str, str]) -> None:
    reading = read(text)
    for finding_id, want in expected.items():
        assert status(reading, finding_id) == want, f"{finding_id} in {text!r}"


def test_negated_fever_stays_absent_when_chills_follow(read: Read) -> None:
    reading = read("No fever, but I have had chills and night sweats.")
    assert reading.findings["fever"].status == "absent"
    assert reading.findings["chills_rigors"].status == "present"


def test_not_reaches_only_a_few_words(read: Read) -> None:
    reading = read("Back pain that doesn't change when I move, and keeps me awake.")
    assert status(reading, "night_pain") == "present"


def test_a_listed_negation_does_not_flip_an_absent_phrase(read: Read) -> None:
    reading = read("No bladder problems, bladder and bowels normal.")
    assert status(reading, "bladder_dysfunction") == "absent"


@pytest.mark.parametrize(
    ("text", "finding_id"),
    [
        ("Maybe a fever.", "fever"),
        ("I think I might have a temperature.", "fever"),
        ("Possibly a bit of numbness in my foot.", "leg_numbness_tingling"),
        ("Not sure if I've lost weight.", "unexplained_weight_loss"),
    ],
)
def test_doubt_makes_a_finding_possible(read: Read, text: str, finding_id: str) -> None:
    assert status(read(text), finding_id) == "possible"


@pytest.mark.parametrize(
    "text",
    [
        "What if I get numb between my legs?",
        "Is it dangerous if I can't pee?",
        "What happens if the pain spreads to both legs?",
        "I'm worried about getting numb between my legs.",
    ],
)
def test_hypotheticals_are_ignored(read: Read, text: str) -> None:
    reading = read(text)
    warning = {f for f in reading.present() if f not in {"back_pain", "female", "male"}}
    assert not warning, f"{sorted(warning)} read from {text!r}"
    assert any(why == "hypothetical" for _, _, why in reading.ignored)


@pytest.mark.parametrize(
    "text", ["I had sciatica years ago.", "Years ago I had sciatica.", "In the past I had sciatica."]
)
def test_past_symptoms_are_ignored(read: Read, text: str) -> None:
    reading = read(text)
    assert "leg_pain_radiating" not in reading.findings
    assert "in the past" in {why for _, _, why in reading.ignored}, reading.ignored


def test_past_history_is_kept(read: Read) -> None:
    assert status(read("I had breast cancer years ago."), "cancer_history") == "present"
    assert status(read("I used to have kidney stones."), "previous_kidney_stones") == "present"


def test_a_terminator_ends_the_past(read: Read) -> None:
    reading = read("Years ago I had sciatica but now there is pain down my leg again.")
    assert status(reading, "leg_pain_radiating") == "present"


@pytest.mark.parametrize(
    ("text", "ignored"),
    [
        ("I have back pain; my wife has a kidney infection at the moment.", "recent_infection"),
        ("My colleague had sciatica, but I only have back ache.", "leg_pain_radiating"),
        ("Back ache. My dad has ankylosing spondylitis.", None),
    ],
)
def test_someone_elses_findings_are_ignored(read: Read, text: str, ignored: str | None) -> None:
    reading = read(text)
    assert reading.subject.who == "self"
    assert status(reading, "back_pain") == "present"
    if ignored:
        assert ignored not in reading.findings


def test_family_history_phrase_is_not_someone_else(read: Read) -> None:
    reading = read("I have back ache. My dad has ankylosing spondylitis.")
    assert status(reading, "family_history_spondyloarthritis") == "present"


def test_a_late_period_is_not_a_period_but_still_says_female(read: Read) -> None:
    reading = read("My period is late and my lower back aches.")
    assert status(reading, "during_period") == "absent"
    assert status(reading, "female") == "present"


def test_scope_is_counted_in_words(make_kb: Callable[..., KnowledgeBase]) -> None:
    kb = make_kb(
        {"fever": ["fever"]}, rules=[ContextRule(literal="no", category=ContextCategory.NEGATED, max_scope=2)]
    )
    lexicon = Lexicon(kb)
    detector = ContextDetector(kb.context_rules)

    def cats(text: str) -> set[ContextCategory]:
        tokens = lexicon.tokens(text)
        (categories,) = detector.categories(tokens, lexicon.find(tokens))
        return categories

    assert cats("no fever") == {ContextCategory.NEGATED}
    assert cats("no real fever") == {ContextCategory.NEGATED}
    assert cats("no real high fever") == {ContextCategory.NEGATED}
    assert cats("no real very high fever") == set()
    assert cats("no real. fever") == set()


def test_a_pseudo_trigger_switches_off_the_trigger_inside_it(make_kb: Callable[..., KnowledgeBase]) -> None:
    rules = [
        ContextRule(literal="not", category=ContextCategory.NEGATED, max_scope=5),
        ContextRule(literal="not only", category=ContextCategory.PSEUDO, direction="none"),
        ContextRule(literal="but", category=ContextCategory.TERMINATE, direction="none"),
    ]
    kb = make_kb({"fever": ["fever"], "chills": ["chills"]}, rules=rules)
    lexicon, detector = Lexicon(kb), ContextDetector(kb.context_rules)
    tokens = lexicon.tokens("not only fever")
    assert detector.categories(tokens, lexicon.find(tokens)) == [set()]
    tokens = lexicon.tokens("not fever but chills")
    assert detector.categories(tokens, lexicon.find(tokens)) == [{ContextCategory.NEGATED}, set()]


def test_the_writer_named_again_ends_someone_elses_scope(read: Read) -> None:
    """'my husband was the one who noticed i was dragging my foot': the foot is the writer's."""
    reading = read("back pain. my husband was the one who noticed I was dragging my foot")
    assert "foot_drop" in reading.present()
    assert "cancer_history" not in read("I have back pain for a week. My dad had prostate cancer.").present()


def _plain_counts(tokens: list[Token], triggers: list[Trigger]) -> list[list[int]]:
    """The scopes' prefix counts the plain way: every token in turn."""
    n = len(tokens)
    words, stops, commas, ends, affirming = ([0] * n for _ in range(5))
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1].text if k + 1 < n else ""
        words[k] = not tok.is_punct
        stops[k] = tok.text in SENTENCE_END or (
            (tok.text == "," or tok.text in CONJUNCTIONS) and nxt in CLAUSE_STARTERS
        )
        commas[k] = tok.text in (",", "and")
    for t in triggers:
        if t.rule.category == ContextCategory.TERMINATE:
            ends[t.start] = True
            affirming[t.start] = t.rule.affirms
    return [list(accumulate(flags, initial=0)) for flags in (words, stops, commas, ends, affirming)]


def test_scopes_count_what_a_walk_over_every_token_counts(reader: TextReader) -> None:
    """The comprehensions and the shared table of no terminators give the plain walk's counts, on every
    labelled text, on no tokens at all and on one."""
    cases = Path(__file__).resolve().parents[2] / "cases" / "intake.jsonl"
    texts = [json.loads(line)["text"] for line in cases.read_text(encoding="utf-8").splitlines() if line]
    detector = reader.detector
    assert isinstance(detector, ContextDetector)
    terminated = 0
    for text in ["", "no", "back pain, but no fever except at night", *texts]:
        tokens = reader.lexicon.tokens(normalise(text))
        triggers = detector._triggers(tokens)
        scopes = Scopes(tokens, triggers)
        counts = [scopes._words, scopes._stops, scopes._commas, scopes._terminators, scopes._affirming]
        assert counts == _plain_counts(tokens, triggers), text
        assert scopes.word_at == [k for k, tok in enumerate(tokens) if not tok.is_punct]
        terminated += scopes._terminators[-1] > 0
    assert terminated > 5
