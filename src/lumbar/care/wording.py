"""Interface wording of plans and pages: headings and labels, no clinical facts.

The wording of each urgency level lives in the knowledge base (levels.yaml); what to do in a
given case comes from it too (rule actions, treatment texts).
"""

from __future__ import annotations

from lumbar.knowledge.schema import EvidenceGrade, RecommendationStrength

SECTION_TITLES: dict[str, str] = {
    "while_you_wait": "While you wait for help",
    "today": "Today",
    "48h": "The next 48 hours",
    "2_weeks": "The next two weeks",
    "long_term": "Staying well in the long term",
    "doctor": "What a doctor or physiotherapist may offer",
    "advised_against": "What NICE advises against",
}

GRADE_WORDS: dict[EvidenceGrade, str] = {
    EvidenceGrade.HIGH: "strong evidence",
    EvidenceGrade.MODERATE: "moderate-quality evidence",
    EvidenceGrade.LOW: "low-quality evidence",
    EvidenceGrade.VERY_LOW: "very little evidence",
    EvidenceGrade.EXPERT: "expert advice rather than trials",
    EvidenceGrade.NONE: "not enough evidence to say",
}

RECOMMENDATION_WORDS: dict[RecommendationStrength, str] = {
    RecommendationStrength.RECOMMENDED: "Recommended",
    RecommendationStrength.OPTION: "An option that may help",
    RecommendationStrength.NOT_RECOMMENDED: "Advised against",
}

NOT_BACK_PROBLEM = "This may not be a back problem at all. Do not wait to see if it settles."
CAUTION = "Check with a pharmacist or doctor first, because of: {names}."
LEFT_OUT = "Left out of your plan because of: {names}. Ask a pharmacist or doctor what is safe for you."
CONFLICT = "Sources disagree ({topic}). lumbar follows: {follows}"
SUITS = "Suggested for {causes}."
REVIEW_BY = "If you are not better by {date}, book a visit."
IF_UNKNOWN = "If {names}: {signs}"
PREVENTION_WHY = "Helps stop back pain coming back."
TAKING_TITLE = "What you already take: {medicine}"
TAKING_WHY = "You told us you take this."
TAKING_NOT_HELPING_WHY = "You told us it does not help."
TAKING_STOP_WHY = "You told us about: {names}."
CONTAINS = "{medicine} has {ingredients} in it."
KIND = "{medicine} is {kind}."
