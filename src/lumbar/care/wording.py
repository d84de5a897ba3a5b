"""Interface wording of plans and pages: headings and labels, no clinical facts.

The meaning of each urgency level is CONTRACT.md section 3; what to do in a given case comes
from the knowledge base (rule actions, treatment texts).
"""

from __future__ import annotations

from lumbar.knowledge.schema import EvidenceGrade, Level, Recommendation

HEADLINES: dict[Level, str] = {
    Level.SELF_CARE: "You can look after this at home. Here is your plan.",
    Level.CONSULTATION: (
        "Book a visit with a GP or physiotherapist in the coming days. Until then, this plan can help."
    ),
    Level.CONSULTATION_24: "See a doctor within 24 hours.",
    Level.EMERGENCY: "Go to an emergency department now.",
    Level.EMERGENCY_AMBULANCE: "Call an ambulance or your emergency number now.",
}

SIGN_HEADINGS: dict[Level, str] = {
    Level.EMERGENCY_AMBULANCE: "Call an ambulance now if you get",
    Level.EMERGENCY: "Go to an emergency department now if you get",
    Level.CONSULTATION_24: "See a doctor within 24 hours if you get",
    Level.CONSULTATION: "Book a doctor or physiotherapist visit if you get",
    Level.SELF_CARE: "Keep going with your plan if you get",
}

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

RECOMMENDATION_WORDS: dict[Recommendation, str] = {
    Recommendation.RECOMMENDED: "Recommended",
    Recommendation.OPTION: "An option that may help",
    Recommendation.NOT_RECOMMENDED: "Advised against",
}

LEVEL_NAMES: dict[Level, str] = {
    Level.SELF_CARE: "self-care at home",
    Level.CONSULTATION: "a doctor or physiotherapist visit in the coming days",
    Level.CONSULTATION_24: "a doctor within 24 hours",
    Level.EMERGENCY: "the emergency department now",
    Level.EMERGENCY_AMBULANCE: "an ambulance now",
}

NOT_BACK_PROBLEM = "This may not be a back problem at all. Do not wait to see if it settles."
CAUTION = "Check with a pharmacist or doctor first, because of: {names}."
LEFT_OUT = "Left out of your plan because of: {names}. Ask a pharmacist or doctor what is safe for you."
CONFLICT = "Sources disagree ({topic}). lumbar follows: {follows}"
SUITS = "Suggested for {causes}."
REVIEW_BY = "If you are not better by {date}, book a visit."
IF_UNKNOWN = "If {names}: {signs}"
#: the safety-net of a person who already has every ambulance sign within reach
ALREADY_AMBULANCE = (
    "You already have signs that need an ambulance: call 999 (or your local emergency number) now. "
    "Do not wait to see if anything else happens."
)
PREVENTION_WHY = "Helps stop back pain coming back."
