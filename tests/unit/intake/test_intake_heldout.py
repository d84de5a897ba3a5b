"""The intake on held-out lay wordings of warning signs (tests/cases/intake_heldout.jsonl).

The held-out sentences were written from how people talk, not from the lexicon: terse, rambling,
teenage, elderly, non-native, texting, third person, negated and hedged, and sentences with no
warning sign that use risky words ("wear and tear", "fell asleep", "my nose bled"). Batch ho (244
sentences) was written and measured before the lexicon was widened for it; batches hb, hc, hd and he
were written afterwards, each measured before it was used (he last: warning-sign recall 0.63 there
before its own misses were looked at). Recall on wordings nobody has tuned for is what matters, so
these floors guard what was reached, and the known misses are listed honestly.

Items are scored as in lumbar.eval.intake (closure on both sides); here only the items of
warning-sign findings (``warning_sign: true``) and of the other findings the warning-sign rules use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from lumbar.eval.intake import GoldCase, evaluate, gold_reading, items, load_cases
from lumbar.intake.person import read_subject
from lumbar.intake.quantities import read_temperature
from lumbar.intake.reader import Reading, TextReader
from lumbar.knowledge.loader import KnowledgeBase

CASES = Path(__file__).resolve().parents[2] / "cases"
HELDOUT = CASES / "intake_heldout.jsonl"
VIGNETTES = Path(__file__).resolve().parents[4] / "shared" / "vignettes" / "dev.jsonl"
MIN_SENTENCES = 450
#: findings the warning-sign rules lean on besides the warning signs themselves.
RED_FLAG_CONTEXT = frozenset(
    "fever chills_rigors flank_pain dysuria haematuria colicky_pain pain_radiating_to_groin minor_fall "
    "major_trauma osteoporosis long_term_steroids cancer_history iv_drug_use immunosuppression "
    "recent_spinal_procedure night_pain unexplained_weight_loss pregnant".split()
)
#: reached: warning signs P 0.959 R 0.927; with the context findings P 0.955 R 0.930; overall P 0.910 R 0.896.
FLOORS = {"warning_sign": (0.93, 0.90), "red_flag_context": (0.93, 0.90), "overall": (0.88, 0.87)}

#: warning-sign items still read wrongly, each for a reason the lexicon cannot fix by a phrase.
KNOWN = {
    # plural "legs" stems like "leg": "my legs feel weak / keep buckling / give way" reads one weak leg
    ("ho058", "missed", "bilateral_leg_symptoms=present"),
    ("ho063", "missed", "bilateral_leg_symptoms=present"),
    # images and wordings too loose for a phrase ("like at the dentist", "gone completely dead",
    # "my bits", "won't do what I tell them", "it drags", "shuffling", "a pulse thing")
    ("ho002", "missed", "saddle_numbness=present"),
    ("ho004", "missed", "saddle_numbness=present"),
    ("ho005", "missed", "saddle_numbness=present"),
    ("ho009", "missed", "saddle_numbness=present"),
    ("ho015", "missed", "saddle_numbness=absent"),
    ("ho033", "missed", "urinary_retention=present"),
    ("ho033", "missed", "bladder_dysfunction=present"),
    ("ho033", "missed", "bladder_bowel_change=present"),
    ("ho044", "missed", "bowel_incontinence=present"),
    ("ho060", "missed", "gait_disturbance=present"),
    ("ho063", "missed", "muscle_weakness_leg=present"),
    ("ho069", "missed", "gait_disturbance=present"),
    ("ho074", "missed", "gait_disturbance=present"),
    ("ho206", "missed", "pulsating_abdomen=present"),
    ("hb020", "missed", "fever=present"),
    ("hb032", "missed", "reduced_fetal_movement=present"),
    ("hb068", "missed", "fever=present"),
    # "if I'd noticed any numbness ... and actually I have": the "if" makes it hypothetical
    ("hc001", "missed", "saddle_numbness=present"),
    # "I didn't realise I'd had an accident until I stood up, it was poo"; "going over on my foot"
    ("he005", "missed", "bowel_incontinence=present"),
    ("he005", "missed", "bladder_bowel_change=present"),
    ("he008", "missed", "gait_disturbance=present"),
    # a comma ends the reach of "maybe", so "my belt's on a new notch" still says weight loss
    ("ho150", "missed", "unexplained_weight_loss=possible"),
    ("ho150", "extra", "unexplained_weight_loss=present"),
    # negations the lexicon does not read ("no falls or accidents", "not leaking at all")
    ("ho097", "missed", "major_trauma=absent"),
    ("ho238", "missed", "muscle_weakness_leg=absent"),
    ("hb047", "missed", "urinary_incontinence=absent"),
    ("hb047", "extra", "waters_breaking=absent"),
    ("hb049", "missed", "major_trauma=absent"),
    ("hb063", "missed", "urinary_incontinence=absent"),
    ("hd005", "missed", "night_pain=absent"),
    # "bladder and bowels are fine" rules out every bladder and bowel sign (the labels name two)
    ("hb046", "extra", "bladder_bowel_change=absent"),
    ("hb046", "extra", "urinary_retention=absent"),
    ("hb046", "extra", "urinary_incontinence=absent"),
    ("hd006", "extra", "bladder_bowel_change=absent"),
    ("hd006", "extra", "urinary_retention=absent"),
    ("hd006", "extra", "urinary_incontinence=absent"),
    ("ho128", "extra", "bladder_dysfunction=absent"),
    # over-reading, safe side: "bleeding"/"bled" of a nose or a cut, "wet knickers" in pregnancy,
    # "dribbling urine" as a weak stream too, a baby "keeping me awake", "injects into his arms",
    # an epidural ten years ago, a grandfather's cancer, "can't walk on my heels" as trouble walking
    ("ho027", "extra", "bladder_dysfunction=present"),
    ("ho143", "extra", "night_pain=present"),
    ("ho166", "extra", "arm_or_jaw_pain=present"),
    ("ho185", "extra", "urinary_incontinence=present"),
    ("ho185", "extra", "bladder_bowel_change=present"),
    ("ho199", "extra", "vaginal_bleeding=present"),
    ("ho200", "extra", "vaginal_bleeding=present"),
    ("ho201", "extra", "vaginal_bleeding=present"),
    ("ho233", "extra", "recent_spinal_procedure=present"),
    ("ho234", "extra", "cancer_history=present"),
    ("hc010", "extra", "gait_disturbance=present"),
    ("ho005", "extra", "fever=present"),
    # read on purpose: "no leaks" also says no waters breaking
    ("ho039", "extra", "waters_breaking=absent"),
}


@pytest.fixture(scope="module")
def cases(kb: KnowledgeBase) -> list[GoldCase]:
    return load_cases(HELDOUT, kb)


@pytest.fixture(scope="module")
def readings(cases: list[GoldCase], reader: TextReader) -> dict[str, Reading]:
    return {case.id: reader.read(case.text) for case in cases}


def _differences(
    cases: list[GoldCase], readings: dict[str, Reading], kb: KnowledgeBase, keep: Callable[[str], bool]
) -> tuple[int, int, int, set[tuple[str, str, str]]]:
    """Gold items, items read, items matched and the differences, over the findings ``keep`` accepts."""
    gold_n = read_n = matched = 0
    diffs: set[tuple[str, str, str]] = set()
    for case in cases:
        gold = {k: v for k, v in items(gold_reading(case, kb), kb).items() if keep(k)}
        read = {k: v for k, v in items(readings[case.id], kb).items() if keep(k)}
        gold_n += len(gold)
        read_n += len(read)
        matched += sum(read.get(k) == v for k, v in gold.items())
        diffs |= {(case.id, "missed", f"{k}={v}") for k, v in gold.items() if read.get(k) != v}
        diffs |= {(case.id, "extra", f"{k}={v}") for k, v in read.items() if gold.get(k) != v}
    return gold_n, read_n, matched, diffs


def _warning(kb: KnowledgeBase) -> Callable[[str], bool]:
    return lambda finding_id: kb.findings[finding_id].warning_sign


def test_enough_heldout_sentences(cases: list[GoldCase]) -> None:
    assert len(cases) >= MIN_SENTENCES


@pytest.mark.parametrize("name", ["warning_sign", "red_flag_context"])
def test_warning_sign_precision_and_recall(
    name: str, cases: list[GoldCase], readings: dict[str, Reading], kb: KnowledgeBase
) -> None:
    warning = _warning(kb)
    keep = warning if name == "warning_sign" else (lambda f: warning(f) or f in RED_FLAG_CONTEXT)
    gold, read, matched, diffs = _differences(cases, readings, kb, keep)
    precision, recall = matched / read, matched / gold
    low_p, low_r = FLOORS[name]
    shown = sorted(diffs - KNOWN)
    assert precision >= low_p, f"{name} precision {precision:.3f}: {shown}"
    assert recall >= low_r, f"{name} recall {recall:.3f}: {shown}"


def test_no_new_warning_sign_misses(
    cases: list[GoldCase], readings: dict[str, Reading], kb: KnowledgeBase
) -> None:
    """Every warning-sign difference is a known one; fixing a known one is welcome (drop it from KNOWN)."""
    *_, diffs = _differences(cases, readings, kb, _warning(kb))
    assert sorted(diffs - KNOWN) == [], "\n".join(map(str, sorted(diffs - KNOWN)))


def test_no_known_difference_is_stale(
    cases: list[GoldCase], readings: dict[str, Reading], kb: KnowledgeBase
) -> None:
    """A known difference that no longer happens is dropped from KNOWN, so the list stays true."""
    *_, diffs = _differences(cases, readings, kb, lambda f: True)
    assert sorted(KNOWN - diffs) == []


def test_overall_heldout_precision_and_recall(cases: list[GoldCase], reader: TextReader) -> None:
    report = evaluate(cases, reader)
    low_p, low_r = FLOORS["overall"]
    assert report.overall.precision >= low_p
    assert report.overall.recall >= low_r


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _texts(path: Path) -> set[str]:
    return {_norm(json.loads(line)["text"]) for line in path.read_text().splitlines() if line.strip()}


def test_heldout_is_not_copied_from_the_labelled_set() -> None:
    assert not _texts(HELDOUT) & _texts(CASES / "intake.jsonl")


@pytest.mark.skipif(
    not VIGNETTES.exists(), reason="../shared/vignettes/dev.jsonl is not beside the repository"
)
def test_heldout_is_not_copied_from_the_public_vignettes() -> None:
    assert not _texts(HELDOUT) & _texts(VIGNETTES)


# --- the intake bugs the held-out set found -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I'm not peeing normally.", "bladder_dysfunction"),
        ("My legs are not strong.", "muscle_weakness_leg"),
        ("My bowels are not normal.", "bowel_incontinence"),
    ],
)
def test_a_negated_all_clear_phrase_is_not_read_as_absent(
    read: Callable[[str], Reading], text: str, finding: str
) -> None:
    assert finding not in read(text).absent()


def test_an_all_clear_phrase_after_another_negation_still_counts(read: Callable[[str], Reading]) -> None:
    assert {"fever", "bladder_dysfunction"} <= read("No fever, peeing normally.").absent()


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("My husband hasn't passed water all day and he's in agony with his back.", "husband"),
        ("My son fell out of a tree and now his back hurts.", "son"),
        ("My dad went white and collapsed in the kitchen.", "dad"),
    ],
)
def test_a_relation_introduced_with_a_contraction_or_an_event(text: str, relation: str) -> None:
    assert read_subject(text).relation == relation


def test_a_relations_red_flag_is_read_when_the_text_is_about_them(read: Callable[[str], Reading]) -> None:
    assert "urinary_retention" in read("My husband hasn't passed water all day.").present()


def test_the_writer_speaks_of_their_own_pain_after_a_relation() -> None:
    assert read_subject("My grandad was a heavy smoker; I'm 40 with back pain.").who == "self"


def test_a_thermometer_reading() -> None:
    found = read_temperature("Thermometer says 39.4.")
    assert found is not None and found.value == 39.4


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("I'm in tears with this back pain.", "tearing_pain"),
        ("I roll on a tennis ball for my back.", "pain_radiating_to_groin"),
        ("My blood test came back normal.", "pain_radiating_to_groin"),
        ("My back muscles are rock hard.", "pregnant"),
        ("My aunt died of cancer.", "cancer_history"),
        ("I inject insulin four times a day.", "iv_drug_use"),
        ("She injects insulin twice a day and her back aches.", "iv_drug_use"),
        ("He does inject insulin, back sore since Monday.", "iv_drug_use"),
        ("The doctor upped my water tablets last month.", "pregnant"),
        ("It was boiling at the match and my back seized.", "recent_infection"),
        ("Hurt my back at the gym, not gonna lie it was my own fault.", "iv_drug_use"),
        ("Did dead lifts yesterday and my back is stiff.", "leg_numbness_tingling"),
        ("My husband injects insulin and his back aches.", "iv_drug_use"),
        ("6 weeks, back still bad after lifting.", "pregnant"),
        ("I can shuffle about but it catches when I twist.", "gait_disturbance"),
        ("I get my back pain every six months or so.", "cyclical_monthly_pain"),
        ("30 weeks, my bump goes hard every ten minutes.", "hard_tender_womb"),
        ("My left leg feels dead after sitting.", "bilateral_leg_symptoms"),
        ("Had a chest infection 2 yrs ago, back sore now.", "age_under_12"),
        ("Both legs feel completely normal, just my back.", "bilateral_leg_symptoms"),
        ("I fell asleep on the sofa.", "minor_fall"),
        ("My waters haven't gone.", "waters_breaking"),
    ],
)
def test_risky_words_without_a_warning_sign(read: Callable[[str], Reading], text: str, not_read: str) -> None:
    assert not_read not in read(text).present()
