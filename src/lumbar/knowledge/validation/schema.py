"""The knowledge base's schema: every YAML file under ``data/`` validates into these pydantic models.

Only the validating path (``lumbar kb check``, the compile step of :mod:`lumbar.knowledge.loader`)
imports them. Each validated item becomes at once its run-time class of the same name in
:mod:`lumbar.knowledge.schema`, a plain immutable class generated from these models (fields,
defaults, docstrings and methods) by :mod:`lumbar.knowledge.validation.generate`; a test fails when
the two differ.

Each clinical item cites its sources as ``"source_id"`` or ``"source_id#locator"``; the
locator points to a heading, paragraph or recommendation number inside that source.
"""

from __future__ import annotations

from string import Formatter
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from lumbar.knowledge.terms import (
    NOTICE_FIELDS,
    ContextCategory,
    EvidenceGrade,
    Level,
    RecommendationStrength,
    Sex,
    SourceKind,
    UnsurePolicy,
    ValueType,
    YesMeans,
)

ItemId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
#: every knowledge model: unknown keys refused, items immutable. ``defer_build``: a model's validator
#: is built on its first validation, not at import (generating the run-time classes validates nothing).
ITEM_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Citation(BaseModel):
    """A pointer into a source: its id and, optionally, where inside it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    source: str
    locator: str | None = None

    def __str__(self) -> str:
        return f"{self.source}#{self.locator}" if self.locator else self.source


def _parse_citation(value: Any) -> Any:
    if isinstance(value, str):
        source, _, locator = value.partition("#")
        return {"source": source.strip(), "locator": locator.strip() or None}
    return value


CitationField = Annotated[Citation, BeforeValidator(_parse_citation)]


class Item(BaseModel):
    """Base of every knowledge item: an id and, for clinical items, its sources."""

    model_config = ITEM_CONFIG

    id: ItemId
    sources: list[CitationField] = Field(default_factory=list)

    @property
    def source_ids(self) -> list[str]:
        """The distinct source ids cited, in order."""
        return list(dict.fromkeys(c.source for c in self.sources))


# --- sources -----------------------------------------------------------------------------------


class Source(BaseModel):
    """A document lumbar relies on: a seed page, a guideline, a paper or a standard."""

    model_config = ITEM_CONFIG

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
    kind: SourceKind
    title: str
    locator: str = Field(description="where the relied-on content sits: section, recommendation or heading")
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    note: str | None = None


# --- findings ----------------------------------------------------------------------------------


class Threshold(BaseModel):
    """A boolean finding derived from a numeric one, e.g. fever from temperature >= 38 °C."""

    model_config = ITEM_CONFIG

    finding: ItemId
    op: Literal[">=", ">", "<=", "<"]
    value: float

    def holds(self, number: float) -> bool:
        """True when ``number`` passes this threshold."""
        return {
            ">=": number >= self.value,
            ">": number > self.value,
            "<=": number <= self.value,
            "<": number < self.value,
        }[self.op]


class PlausibleRange(BaseModel):
    """The values a number can take for a living person, and what to tell someone who gives another.

    A value outside (an age of 999, -5 weeks of pregnancy) is a slip: it is never used, and the
    ``notice`` says so in plain words. In it, ``{words}`` is what the person wrote, ``{min}`` and
    ``{max}`` the range.
    """

    model_config = ITEM_CONFIG

    min: float
    max: float
    notice: str = Field(
        min_length=1, description="plain words: which number could not be right, and that it was not used"
    )

    @model_validator(mode="after")
    def _consistent(self) -> PlausibleRange:
        if self.min >= self.max:
            raise ValueError(f"min ({self.min:g}) must be below max ({self.max:g})")
        parts = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(self.notice)]
        fields = {name for name, _, _ in parts if name is not None}
        plain = all(not spec and conversion is None for name, spec, conversion in parts if name is not None)
        if "words" not in fields or not fields <= NOTICE_FIELDS or not plain:
            raise ValueError(
                "the notice must quote {words} and may use only "
                + ", ".join(f"{{{name}}}" for name in sorted(NOTICE_FIELDS))
                + ", with no format after a colon"
            )
        return self

    def holds(self, value: float) -> bool:
        """True when ``value`` can be right."""
        return self.min <= value <= self.max

    def notice_for(self, words: str) -> str:
        """The notice for a number that was not used, quoting the person's ``words``."""
        return self.notice.format(words=words, min=f"{self.min:g}", max=f"{self.max:g}")


class BothSides(BaseModel):
    """Plural body words that, in a finding's matched words, mean both sides ("legs", "feet")."""

    model_config = ITEM_CONFIG

    words: list[str] = Field(min_length=1)
    implies: ItemId


class Wording(BaseModel):
    """Another wording of a finding's question, with what a "yes" to it means for the finding.

    "Can you walk on your heels as usual?" asks about weakness the other way round: its "yes" means
    the finding is absent. Every wording says so; the interview records the answer accordingly.
    """

    model_config = ITEM_CONFIG

    text: str
    yes_means: YesMeans

    def finding_answer(self, answer: str) -> str:
        """The answer as it bears on the finding: "yes" and "no" swap when yes means absent (any
        other answer, "unsure" or a choice, is kept)."""
        if self.yes_means == "absent" and answer != "unsure":
            return "no" if answer == "yes" else "yes"
        return answer


class Choice(BaseModel):
    """One answer of a one-of-several question: its id, the words shown, and what choosing it says
    about other findings ("both legs" implies the finding that the warning-sign rules read).

    ``if_unsure`` marks the choice a "not sure" counts as when the question's ``unsure`` policy
    counts it as present (the safer choice: "both legs").
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: ItemId
    text: str = Field(description="plain words on the answer button")
    implies: list[ItemId] = Field(default_factory=list, description="findings that are present when chosen")
    rules_out: list[ItemId] = Field(default_factory=list, description="findings that are absent when chosen")
    if_unsure: bool = False


class Finding(Item):
    """A symptom, sign, history item, risk factor or number the person can report."""

    name: str
    group: str
    question: str | None = Field(None, description="plain-words question; None = never asked directly")
    rationale: str | None = Field(None, description="why lumbar asks this, in plain words")
    type: ValueType = ValueType.BOOLEAN
    unit: str | None = None
    plausible: PlausibleRange | None = Field(
        None, description="a number or duration: the values that can be right, and the notice for others"
    )
    choices: list[Choice] = Field(
        default_factory=list, description="`type: choice`: the answers, one of which is chosen"
    )
    synonyms: list[str] = Field(default_factory=list, description="lay phrases that mean this finding")
    absent_synonyms: list[str] = Field(
        default_factory=list, description="phrases that mean the finding is absent ('bladder normal')"
    )
    warning_sign: bool = False
    derived_from: Threshold | None = None
    implies: list[ItemId] = Field(default_factory=list, description="findings that are present when this is")
    rules_out: list[ItemId] = Field(
        default_factory=list, description="findings that are absent when this is present"
    )
    covers: list[ItemId] = Field(
        default_factory=list,
        description="a screening question: 'no' rules out every covered finding; 'yes' opens their questions",
    )
    both_sides: BothSides | None = Field(
        None, description="a finding read with a plural body word ('my legs are weak') means both sides"
    )
    unsure: UnsurePolicy = UnsurePolicy.UNKNOWN
    unsure_question: Wording | None = Field(None, description="asked after a first 'not sure'")
    ask_when: list[ItemId] = Field(
        default_factory=list, description="ask only when one of these findings is present"
    )
    ask_unless: list[ItemId] = Field(
        default_factory=list, description="never ask when one of these findings is present"
    )
    names_other_findings: bool = Field(
        False,
        description="its phrases contain another finding's words ('ibuprofen does not help'), which stay read",
    )

    def choice(self, choice_id: str) -> Choice | None:
        """The choice with id ``choice_id``, or None."""
        return next((c for c in self.choices if c.id == choice_id), None)

    def choice_ids(self) -> list[str]:
        """The ids of the choices, in order."""
        return [c.id for c in self.choices]

    def unsure_choice(self) -> Choice | None:
        """The choice a "not sure" counts as, when the ``unsure`` policy counts it as present."""
        return next((c for c in self.choices if c.if_unsure), None)

    def choice_findings(self) -> list[str]:
        """Every finding the choices name (implied or ruled out), in order, once each."""
        return list(dict.fromkeys(f for c in self.choices for f in [*c.implies, *c.rules_out]))


# --- causes ------------------------------------------------------------------------------------


class Evidence(BaseModel):
    """How one finding shifts the odds of a cause: likelihood ratios when present and absent."""

    model_config = ITEM_CONFIG

    finding: ItemId
    lr_present: float = Field(1.0, gt=0)
    lr_absent: float = Field(1.0, gt=0)
    basis: Literal["published", "estimate"] = Field(
        "estimate", description="published: an LR reported by the cited study; estimate: set from the sources"
    )
    sources: list[CitationField] = Field(default_factory=list)

    @property
    def source_ids(self) -> list[str]:
        return list(dict.fromkeys(c.source for c in self.sources))


class Cause(Item):
    """A condition that can present as lower-back cramps or pain."""

    name: str
    category: Literal[
        "musculoskeletal", "neurological", "visceral", "pregnancy", "systemic", "gynaecological"
    ]
    icd10: list[str]
    snomed: list[str] = Field(default_factory=list)
    explanation: str
    prior: float = Field(gt=0, lt=1, description="share among people who bring lower-back cramps to lumbar")
    requires: list[ItemId] = Field(default_factory=list, description="impossible unless all are present")
    excludes: list[ItemId] = Field(default_factory=list, description="impossible when any is present")
    evidence: list[Evidence] = Field(default_factory=list)
    specialists: list[ItemId] = Field(default_factory=list)
    tests: list[ItemId] = Field(default_factory=list)
    care: list[ItemId] = Field(default_factory=list, description="treatments and self-care ids")
    typical_level: Level = Field(description="the care it usually needs once suspected (patient pages)")


# --- warning-sign rules ------------------------------------------------------------------------


class Condition(BaseModel):
    """A boolean combination of findings: all of ``all``, at least ``min_any`` of ``any``, none of ``none``.

    Each element is a finding id (present) or a nested condition.
    """

    model_config = ITEM_CONFIG

    all: list[ItemId | Condition] = Field(default_factory=list)
    any: list[ItemId | Condition] = Field(default_factory=list)
    min_any: int = 1
    none: list[ItemId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if not (self.all or self.any):
            raise ValueError("a condition needs 'all' or 'any'")
        if self.any and self.min_any > len(self.any):
            raise ValueError("min_any is larger than the 'any' list")
        return self

    def alone(self) -> set[str]:
        """The finding ids that by themselves make this condition true (an ``any`` of one, no ``all``)."""
        if self.all or self.min_any != 1:
            return set()
        return {term for term in self.any if isinstance(term, str)}

    def finding_ids(self) -> set[str]:
        """Every finding id this condition mentions, at any depth."""
        ids: set[str] = set(self.none)
        for term in [*self.all, *self.any]:
            ids |= term.finding_ids() if isinstance(term, Condition) else {term}
        return ids


class AgeBand(BaseModel):
    """Ages in whole years, ``min`` inclusive and ``max`` exclusive; either end may be open."""

    model_config = ITEM_CONFIG

    min: int | None = Field(None, ge=0, le=120)
    max: int | None = Field(None, ge=1, le=120)

    @model_validator(mode="after")
    def _ordered(self) -> AgeBand:
        if self.min is None and self.max is None:
            raise ValueError("an age band needs min, max or both")
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise ValueError(f"age band min {self.min} must be below max {self.max}")
        return self


class Audience(BaseModel):
    """A group of people a warning-sign rule is written for: all the given parts must fit.

    An unknown age or sex fits (when in doubt, the sign is shown); ``findings`` fits when the
    person has any of them, or has not yet been asked one that would be asked of them.
    """

    model_config = ITEM_CONFIG

    age: AgeBand | None = None
    sex: Sex | None = None
    findings: list[ItemId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> Audience:
        if self.age is None and self.sex is None and not self.findings:
            raise ValueError("an audience needs age, sex or findings; use applies_to: everyone for all")
        return self


#: ``everyone``: a sign for every person with back pain; ``picture``: only for someone who already
#: has one of the rule's own findings; otherwise the groups the rule is written for.
AppliesTo = Literal["everyone", "picture"] | Annotated[list[Audience], Field(min_length=1)]


class WarningSignRule(Item):
    """Findings that together set an urgency level, with the reason in plain words."""

    name: str
    level: Level
    applies_to: AppliesTo = Field(
        description="whose safety-net lists this rule's signs: everyone, picture (someone who already"
        " has one of its findings) or groups by age, sex and findings; the person's own findings"
        " always bring a rule in"
    )
    when: Condition
    reason: str
    action: str = Field(description="what to do now, in plain words")
    suspects: list[ItemId] = Field(default_factory=list, description="cause ids this rule points to")
    outside_back: bool = Field(False, description="an emergency that is not a back problem")
    screen: bool = Field(
        False, description="ask this rule's warning signs of everyone: people rarely volunteer them"
    )
    search: str = Field(
        "",
        pattern=r"^([a-z]+( [a-z]+)*)?$",
        description="words `lumbar ask` adds to the search when a question fires this rule"
        " (lower-case words, one space apart), so the sources' urgent advice comes first",
    )
    says_when_worse: list[ItemId] = Field(
        default_factory=list,
        description="more urgent rules built on this rule's own signs whose escalation its action already"
        " says ('go to the emergency department if the pain is severe'); the safety-net shows this"
        " rule's one line instead of a second line for theirs",
    )


# --- care, tests, specialists, prevention, complications ---------------------------------------


#: what an ``advice`` field holds: the direct answer to "should I …?" about the item
ADVICE = (
    "one plain sentence that answers 'should I see / have / do I need this?': whether to go here "
    "first, and when it is the right step; `lumbar ask` says it first, with its source"
)


class Specialist(Item):
    name: str
    text: str = Field(description="what they do and when you would see them")
    advice: str | None = Field(None, description=ADVICE)


class DiagnosticTest(Item):
    name: str
    text: str = Field(description="what it shows and when it is used")
    advice: str | None = Field(None, description=ADVICE)
    expect: str | None = Field(None, description="what to expect on the day")


class Sentence(BaseModel):
    """A sentence of an item's text said only to a person with one of ``findings``."""

    model_config = ITEM_CONFIG

    findings: list[ItemId] = Field(min_length=1)
    text: str


class Treatment(Item):
    """A self-care action, medicine, therapy or procedure, with its timing and limits."""

    name: str
    kind: Literal["self_care", "medicine", "therapy", "procedure", "position", "exercise"]
    text: str
    advice: str | None = Field(None, description=ADVICE)
    text_if: list[Sentence] = Field(
        default_factory=list, description="sentences added to `text` for a person with one of their findings"
    )
    phase: list[Literal["now", "today", "48h", "2_weeks", "long_term", "doctor"]] = Field(
        default_factory=list
    )
    how: list[str] = Field(default_factory=list, description="step-by-step instructions")
    duration: str | None = None
    frequency: str | None = None
    dose_limits: str | None = None
    stop_if: list[str] = Field(default_factory=list, description="when to stop, in plain words")
    contraindications: list[ItemId] = Field(
        default_factory=list, description="finding ids that rule this out for the person"
    )
    cautions: list[ItemId] = Field(default_factory=list, description="finding ids that call for care")
    counts_as: list[ItemId] = Field(
        default_factory=list,
        description="findings a person has once they follow this (a medicine started today is a new "
        "medicine), so the safety-net includes the signs written for them",
    )
    evidence_grade: EvidenceGrade
    recommendation: RecommendationStrength


class MedicineClass(Item):
    """A kind of medicine (an anti-inflammatory, paracetamol, an opioid, …): the finding that says a
    person takes one, and what the plan tells them then. ``{medicine}`` in the texts is the medicine's name."""

    name: str = Field(description="plain words: 'an anti-inflammatory painkiller'")
    finding: ItemId = Field(description="the finding read when a person takes a medicine of this kind")
    already_taking: str = Field(description="what to do while taking it, shown in the plan")
    not_helping: str = Field(description="what to do when it does not help, and when to see someone")
    stop_when: list[ItemId] = Field(
        default_factory=list,
        description="findings that can be a reaction to it: then `stop` is shown instead",
    )
    stop: str | None = Field(None, description="what to do when one of `stop_when` is present")


class Medicine(Item):
    """A medicine people take for back pain, by its generic and common brand names."""

    name: str = Field(description="the name shown to the person, e.g. 'co-codamol'")
    names: list[str] = Field(min_length=1, description="generic and brand names as people write them")
    ingredients: list[str] = Field(min_length=1, description="active ingredients, in plain words")
    classes: list[ItemId] = Field(min_length=1, description="ids in medicine_classes.yaml")


class Prevention(Item):
    name: str
    text: str


class Complication(Item):
    name: str
    text: str


class Position(BaseModel):
    model_config = ITEM_CONFIG

    sources: list[CitationField]
    says: str


class Misprint(BaseModel):
    """A word error in a seed page: the words as printed and the words meant.

    `lumbar ask` never quotes the sentence that holds them; `lumbar kb check` finds them in the seed.
    """

    model_config = ITEM_CONFIG

    seed: str = Field(description="the seed document's id (its file name without .txt)")
    says: str = Field(min_length=3, description="the wrong words, copied verbatim from the seed")
    means: str = Field(min_length=3, description="the words meant")

    @model_validator(mode="after")
    def _differs(self) -> Misprint:
        if " ".join(self.says.lower().split()) == " ".join(self.means.lower().split()):
            raise ValueError("`says` and `means` are the same words; a misprint corrects something")
        return self


class Conflict(Item):
    """Where sources disagree: both positions, which one lumbar follows and why."""

    topic: str
    positions: list[Position] = Field(min_length=2)
    follows: str
    reason: str
    affects: list[ItemId] = Field(default_factory=list, description="items that carry the followed position")
    misprint: Misprint | None = Field(None, description="when the disagreement is a word error in a seed")

    @property
    def source_ids(self) -> list[str]:
        """The sources of the conflict itself and of every position."""
        cited = [*self.sources, *(c for p in self.positions for c in p.sources)]
        return list(dict.fromkeys(c.source for c in cited))


# --- urgency levels ------------------------------------------------------------------------------


class LevelRouting(BaseModel):
    """The first port of call at a level."""

    model_config = ITEM_CONFIG

    specialist: ItemId = Field(description="id in specialists.yaml")
    why: str = Field(description="why it is listed, shown beside it")


class LevelTests(BaseModel):
    """Whether tests are listed at a level; when not, why, with its sources."""

    model_config = ITEM_CONFIG

    listed: bool
    reason: str | None = None
    sources: list[CitationField] = Field(default_factory=list)

    @model_validator(mode="after")
    def _reason_when_not_listed(self) -> LevelTests:
        if not self.listed and not (self.reason and self.sources):
            raise ValueError("a level that lists no test needs a `reason` and its `sources`")
        return self


class AskWarning(BaseModel):
    """What `lumbar ask` puts first when a question describes a sign of this level."""

    model_config = ITEM_CONFIG

    kind: str = Field(description="the kind of help in ask's JSON ('emergency', 'urgent')")
    message: str = Field(description="the sentence shown before the answer")

    @field_validator("message")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return " ".join(value.split())


class ResultBasis(BaseModel):
    """What a result says about the information it used: the description alone, or with answers.

    The same words can give a different result with the interview's answers (a "no" rules a sign
    out, a "yes" can raise the level), so every result says which it used.
    """

    model_config = ITEM_CONFIG

    text_only: str = Field(description="no interview: the description alone, and where to answer questions")
    no_questions: str = Field(description="the interview ran but no question could change the result")
    one_answer: str = Field(description="the description and one answer")
    answers: str = Field(description="the description and {count} answers (two or more)")

    @field_validator("answers")
    @classmethod
    def _counts(cls, value: str) -> str:
        if "{count}" not in value:
            raise ValueError("must say how many answers: include {count}")
        return value

    def sentence(self, answered: int, interviewed: bool) -> str:
        """The sentence for a result from ``answered`` answers (``interviewed``: the interview ran)."""
        if answered == 1:
            return self.one_answer
        if answered > 1:
            return self.answers.format(count=answered)
        return self.no_questions if interviewed else self.text_only


class UrgencyLevel(BaseModel):
    """Every sentence shown about one urgency level, and where it sends people (levels.yaml)."""

    model_config = ITEM_CONFIG

    id: Level
    name: str = Field(description="the level in running text")
    action: str = Field(description="the one sentence of what to do")
    headline: str = Field(description="the opening line of a care plan")
    title: str = Field(description="the short title of the web result page")
    banner: str = Field(description="the terminal banner")
    style: str = Field(description="the Rich style of the banner")
    border: str = Field(description="the Rich colour of the care plan panel")
    css_class: str
    safety_net_prefix: str = Field(description="heading of a safety-net group: '… if you get'")
    said_as: list[str] = Field(
        default_factory=list,
        description="other sentences that say no more than the action; left out under a safety-net heading",
    )
    emergency: bool
    routing: LevelRouting
    tests: LevelTests
    already_there: str | None = Field(None, description="safety-net note when every sign is already present")
    ask_warning: AskWarning | None = Field(
        None, description="what `lumbar ask` says when a question names a sign"
    )
    interview_done: str = Field(
        description="why the interview asks nothing more when no question left can change the result"
    )
    sources: list[CitationField] = Field(default_factory=list)

    @property
    def source_ids(self) -> list[str]:
        """The distinct source ids cited by the level and its tests line, in order."""
        return list(dict.fromkeys(c.source for c in [*self.sources, *self.tests.sources]))


# --- seed coverage -----------------------------------------------------------------------------


class SeedClaim(BaseModel):
    """One clinical claim of a seed page, mapped to the items holding it or rejected with a reason."""

    model_config = ITEM_CONFIG

    id: ItemId
    seed: str
    anchor: str = Field(description="a few words quoted from the seed that locate the claim")
    claim: str = Field(description="the claim in our own words")
    maps_to: list[ItemId] = Field(default_factory=list)
    rejected: Literal["anecdote", "contradicted", "off_topic", "unsupported"] | None = None
    reason: str | None = None

    @field_validator("anchor")
    @classmethod
    def _short_anchor(cls, anchor: str) -> str:
        if len(anchor.split()) > 14:
            raise ValueError("an anchor locates a claim in a few words; do not copy sentences")
        return anchor


class SkippedPassage(BaseModel):
    """A seed paragraph that holds no clinical claim (navigation, advertising, headings)."""

    model_config = ITEM_CONFIG

    seed: str
    anchor: str
    reason: str


# --- intake context rules (ConText) ------------------------------------------------------------


class ContextRule(BaseModel):
    """A ConText trigger: a phrase that modifies the findings in its scope."""

    model_config = ITEM_CONFIG

    literal: str
    category: ContextCategory
    direction: Literal["forward", "backward", "both", "none"] = "forward"
    max_scope: int = Field(8, ge=1, le=40, description="words the trigger reaches")
    stops_at_comma: bool = Field(
        False,
        description="a verb's negation ('it does not let up, bump feels hard') ends at a comma or 'and'; a list's ('no fever, chills') does not",
    )
    findings: list[str] = Field(
        default_factory=list,
        description="modifies only these findings ('can I take' a painkiller); empty = every finding",
    )
    affirms: bool = Field(
        False,
        description="a terminator that says what follows is so: 'no numbness except round my bum' (a phrase read across it is out of the scope)",
    )


class WordClass(BaseModel):
    """Words the phrase matcher treats as one ("tummy", "stomach" and "abdomen" read as "belly")."""

    model_config = ITEM_CONFIG

    canonical: str
    variants: list[str] = Field(min_length=1)


class Shorthand(BaseModel):
    """A written form read as other words: text-speak ("cnt", "2day") and learners' spellings ("becos")."""

    model_config = ITEM_CONFIG

    written: str = Field(
        pattern=r"^\S+( \S+){0,2}$", description="one word, or up to three that mean something together"
    )
    reads_as: str = Field(min_length=1)


# --- red-flag audit ------------------------------------------------------------------------------


class AuditCase(BaseModel):
    """A description of a picture in lay words; for a firing case, the level it must reach at least."""

    model_config = ITEM_CONFIG

    text: str = Field(min_length=3)
    level: Level | None = None


class RedFlagPicture(Item):
    """A clinical picture a guideline calls urgent, the rules that cover it and the cases that show it.

    ``fires`` are descriptions that must fire one of ``rules`` and reach ``level``; ``silent`` are
    look-alikes that must fire none of them. The audit lives in data so that a picture without a
    rule or a case fails ``lumbar kb check``.
    """

    name: str
    level: Level = Field(description="the level the guideline asks for")
    fits_back_problem: bool = Field(description="false: the cause is outside the back causes")
    rules: list[ItemId] = Field(min_length=1)
    fires: list[AuditCase] = Field(min_length=1)
    silent: list[AuditCase] = Field(min_length=1)
