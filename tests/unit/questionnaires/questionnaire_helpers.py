"""Answer sets for the questionnaire tests, built item by item."""

from __future__ import annotations


def start_back_answers(agreed: set[int], bothersome: str = "not_at_all") -> dict[str, str]:
    """Answers to the nine items: 'agree' to the numbered items 1-8 in ``agreed``, item 9 as given."""
    ids = [
        "leg_pain",
        "shoulder_neck_pain",
        "walked_short_distances",
        "dressed_slowly",
        "not_safe_active",
        "worrying_thoughts",
        "never_better",
        "not_enjoyed",
    ]
    answers = {item_id: "agree" if n in agreed else "disagree" for n, item_id in enumerate(ids, 1)}
    return {**answers, "bothersome": bothersome}
