"""Whether a warning-sign rule is written for this person: its ``applies_to`` in rules.yaml.

A rule is for everyone, for someone who already has one of its findings (``picture``), or for
groups by age, sex and findings. The person's own findings always bring a rule in, and what is
not known counts as fitting, so a sign the person could plausibly get is never left out.
"""

from __future__ import annotations

from typing import get_args

from lumbar.care.profile import Profile
from lumbar.knowledge.schema import Audience, Sex, WarningSignRule

#: The values of ``Audience.sex``; each is also the finding id of that sex.
SEXES: frozenset[str] = frozenset(get_args(Sex))


def applies(rule: WarningSignRule, profile: Profile, unknowns: frozenset[str], closer: bool) -> bool:
    """True when the rule's signs belong in this person's safety-net.

    ``closer``: the person already has some of what the rule needs (their picture). ``unknowns``:
    background findings not yet asked that would be asked of them (e.g. being pregnant).
    """
    if rule.applies_to == "everyone" or closer:
        return True
    if rule.applies_to == "picture":
        return False
    return any(fits(audience, profile, unknowns) for audience in rule.applies_to)


def fits(audience: Audience, profile: Profile, unknowns: frozenset[str]) -> bool:
    """Every part of ``audience`` fits; an unknown age or sex fits."""
    if audience.age is not None and profile.age is not None:
        low, high = audience.age.min, audience.age.max
        if (low is not None and profile.age < low) or (high is not None and profile.age >= high):
            return False
    other = profile.present & (SEXES - {audience.sex})
    if audience.sex is not None and audience.sex not in profile.present and other:
        return False
    if audience.findings:
        return any(f in profile.present or f in unknowns for f in audience.findings)
    return True
