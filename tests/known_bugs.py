"""Bugs in src/ that the fuzz tests found and that are not fixed yet.

Each is pinned by a ``xfail(strict=True)`` test with a minimal input (named in ``PINNED_BY``): when the
bug is fixed, that test passes, strict xfail turns the pass into a failure, and whoever fixed it
removes the xfail mark and the entry here. Until then the fuzz tests let exactly these errors
through, so that they keep looking for new ones instead of finding the same one again.
"""

from __future__ import annotations

import traceback

from lumbar.errors import KnowledgeError

#: known bug -> the test that pins it.
PINNED_BY = {
    "empty safety-net": "tests/unit/test_assess_fuzz.py::test_a_text_that_fires_every_ambulance_rule_it_can_is_assessed",
    "re-asked unknown finding": "tests/unit/interview/test_interview_fuzz.py::"
    "test_a_state_that_reasks_an_unknown_finding_is_refused",
    "answer beyond float range": "tests/unit/interview/test_interview_fuzz.py::"
    "test_a_number_beyond_the_float_range_is_refused_as_an_answer",
}


def known_bug(exc: BaseException) -> str | None:
    """The name of the known bug ``exc`` shows, or None for any other error."""
    where = [frame.name for frame in traceback.extract_tb(exc.__traceback__)]
    if isinstance(exc, KnowledgeError) and "build_safety_net" in where:
        return "empty safety-net"  # a person who fires every ambulance rule in reach gets no plan
    if isinstance(exc, KeyError) and "check_state" in where:
        return "re-asked unknown finding"  # check_state looks up 'reasked' ids without checking them
    if isinstance(exc, OverflowError) and "check_answer" in where:
        return "answer beyond float range"  # float(10**400) in check_answer
    return None
