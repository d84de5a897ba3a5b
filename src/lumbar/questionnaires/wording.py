"""Interface wording of questionnaire results and errors: labels and sentences, no clinical facts.

What a group means and the forms' own words live in the knowledge base (questionnaires.yaml).
"""

from __future__ import annotations

TICKED = "Ticked"
NOT_TICKED = "Not ticked"
UNKNOWN_ITEM = (
    "There is no question '{item}' in this form; use the question ids `lumbar questionnaire show` lists."
)
BAD_CHOICE = "Question {number}: '{answer}' is not one of the answers; choose one of {choices}."
BAD_TICK = "Question {number}: '{answer}' is not a tick; say 'ticked' or 'not_ticked'."
BAD_NUMBER = "Question {number}: '{answer}' is not a whole number from {low} to {high}."
MISSING = (
    "{name} is scored only when all {count} questions are answered. "
    "Please answer question(s) {items} as well."
)
BLANK = "{count} sentence(s) left blank count as not ticked, as the form says."

# --- change between two scores -------------------------------------------------------------------
BETTER = "Your score went from {before} to {after} {unit}: a change of {points} point(s), big enough to be a real improvement."
WORSE = "Your score went from {before} to {after} {unit}: a change of {points} point(s), big enough to be a real worsening."
SMALL = (
    "Your score went from {before} to {after} {unit}. A change this small can happen by chance, "
    "so it is not counted as better or worse (a real change is at least {mic_points} points "
    "or {mic_percent} in a hundred of the first score)."
)
SAME = "Your score stayed at {after} {unit}."
RECOVERED = "A score this low is what people who feel recovered usually have."
GROUP_MOVED = "Your group changed from {before} to {after}."
GROUP_SAME = "Your group stayed the same: {after}."
NO_RULE = "This form has no agreed size of a real change, so lumbar compares the groups only."
OTHER_FORM = "These two scores come from different forms ({before} and {after}); only scores of one form can be compared."
