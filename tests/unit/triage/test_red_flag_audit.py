"""Issue 10: the red-flag audit (knowledge/data/red_flags.yaml). Every picture a guideline calls urgent
has rules; each of its `fires` descriptions fires one of them and reaches its level, each `silent`
look-alike fires none; a picture outside the back causes is said to be so."""

from __future__ import annotations

import pytest

from lumbar.assessor import default_engine
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import AuditCase, RedFlagPicture

KB = load_knowledge()
FIRES = [(p, c) for p in KB.red_flags.values() for c in p.fires]
SILENT = [(p, c) for p in KB.red_flags.values() for c in p.silent]


def _rules_fired(text: str) -> set[str]:
    return {r.rule for r in default_engine().assess(text).level_reasons if r.rule}


@pytest.mark.parametrize(
    ("picture", "case"), FIRES, ids=[f"{p.id}-fires-{i}" for i, (p, _) in enumerate(FIRES)]
)
def test_a_firing_case_fires_the_picture_and_reaches_its_level(
    picture: RedFlagPicture, case: AuditCase
) -> None:
    assessment = default_engine().assess(case.text)
    fired = {r.rule for r in assessment.level_reasons if r.rule}
    assert fired & set(picture.rules), f"{case.text!r} fired {sorted(fired)}"
    wanted = case.level or picture.level
    assert assessment.level.rank >= wanted.rank, f"{case.text!r}: {assessment.level} < {wanted}"
    if not picture.fits_back_problem:
        assert not assessment.fits_back_problem, f"{case.text!r} is not a back problem"


@pytest.mark.parametrize(
    ("picture", "case"), SILENT, ids=[f"{p.id}-silent-{i}" for i, (p, _) in enumerate(SILENT)]
)
def test_a_look_alike_fires_none_of_the_pictures_rules(picture: RedFlagPicture, case: AuditCase) -> None:
    assert not _rules_fired(case.text) & set(picture.rules), case.text


def test_every_picture_has_rules_and_cases_of_both_kinds() -> None:
    for picture in KB.red_flags.values():
        assert picture.rules and picture.fires and picture.silent, picture.id
        assert set(picture.rules) <= set(KB.rules), picture.id
