"""Bugs in src/ that the fuzz tests found and that are not fixed yet.

Each is pinned by a ``xfail(strict=True)`` test with a minimal input (named in ``PINNED_BY``): when the
bug is fixed, that test passes, strict xfail turns the pass into a failure, and whoever fixed it
removes the xfail mark and the entry here. Until then the fuzz tests let exactly these errors
through, so that they keep looking for new ones instead of finding the same one again.
"""

from __future__ import annotations

#: known bug -> the test that pins it.
PINNED_BY: dict[str, str] = {}


def known_bug(exc: BaseException) -> str | None:
    """The name of the known bug ``exc`` shows, or None for any other error."""
    del exc  # none at present: the five the fuzz tests found (issue 11) are fixed and tested
    return None
