"""Text -> findings: lexicon matches, ConText qualifiers, numbers and the person described."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import ClassVar, Literal

from lumbar.intake.context import ContextDetector, QualifierDetector
from lumbar.intake.lexicon import Lexicon, Match
from lumbar.intake.normalise import normalise
from lumbar.intake.person import RELATIONS, Subject, read_subject, speaks_of_own_symptoms
from lumbar.intake.quantities import (
    Quantity,
    read_age,
    read_duration,
    read_pain_score,
    read_pregnancy_weeks,
    read_temperature,
)
from lumbar.intake.tokens import SENTENCE_END, Token
from lumbar.intake.unordered import UnorderedDetector
from lumbar.knowledge.frozen import Frozen, Record
from lumbar.knowledge.loader import KnowledgeBase
from lumbar.knowledge.memo import per_knowledge_base
from lumbar.knowledge.schema import ContextCategory, Finding

Status = Literal["present", "absent"]
#: finding groups that describe the past by nature, so "history of" does not cancel them.
#: an accident or fall in the past ("five months ago someone went into my car") is not today's injury.
HISTORY_GROUPS = frozenset({"history", "medication", "person", "mechanism", "course"})
#: finding groups a negation does not flip: who the person is.
UNNEGATED_GROUPS = frozenset({"person"})
RELATION_WORDS = frozenset(RELATIONS)
#: numeric findings and the reader of each.
NUMBER_READERS: dict[str, Callable[[str], Quantity | None]] = {
    "age": read_age,
    "temperature_c": read_temperature,
    "pain_score": read_pain_score,
    "duration_days": read_duration,
    "pregnancy_weeks": read_pregnancy_weeks,
}


class ReadFinding(Record):
    """One finding read from text: present or absent, the words it came from, how sure."""

    FIELDS: ClassVar[tuple[str, ...]] = ("id", "status", "evidence", "certainty", "value")

    def __init__(
        self,
        id: str,
        status: Status,
        evidence: str,
        certainty: Literal["definite", "possible"] = "definite",
        value: float | None = None,
    ) -> None:
        self.id = id
        self.status = status
        self.evidence = evidence
        self.certainty = certainty
        self.value = value


class ImpossibleNumber(Frozen):
    """A number the text gives that cannot be right (an age of 999): never used as a value."""

    FIELDS: ClassVar[tuple[str, ...]] = ("finding", "value", "evidence")

    finding: str
    value: float
    evidence: str

    def __init__(self, finding: str, value: float, evidence: str) -> None:
        vars(self).update(finding=finding, value=value, evidence=evidence)


class Reading(Record):
    """Everything the intake read from one text."""

    FIELDS: ClassVar[tuple[str, ...]] = ("findings", "subject", "ignored", "impossible")

    def __init__(
        self,
        findings: dict[str, ReadFinding] | None = None,
        subject: Subject | None = None,
        ignored: list[tuple[str, str, str]] | None = None,
        impossible: list[ImpossibleNumber] | None = None,
    ) -> None:
        self.findings = {} if findings is None else findings
        self.subject = Subject() if subject is None else subject
        self.ignored: list[tuple[str, str, str]] = [] if ignored is None else ignored  # (finding, words, why)
        #: numbers outside their finding's plausible range, in the order of NUMBER_READERS
        self.impossible = [] if impossible is None else impossible

    def present(self) -> set[str]:
        return {f.id for f in self.findings.values() if f.status == "present"}

    def absent(self) -> set[str]:
        return {f.id for f in self.findings.values() if f.status == "absent"}

    def value(self, finding_id: str) -> float | None:
        found = self.findings.get(finding_id)
        return found.value if found else None


class TextReader:
    """Reads findings from free text using one knowledge base; build once, reuse for every text."""

    def __init__(self, kb: KnowledgeBase, detector: QualifierDetector | None = None) -> None:
        self.kb = kb
        self.lexicon = Lexicon(kb)
        self.detector = detector or ContextDetector(kb.context_rules)
        self.unordered = UnorderedDetector(self.lexicon, kb)

    def read(self, text: str) -> Reading:
        """Findings present or absent in ``text``, with their evidence."""
        text = normalise(text)
        reading = Reading(subject=read_subject(text))
        # "he"/"she" is someone else only when the writer clearly speaks of their own symptoms too
        own_symptoms = reading.subject.who == "self" and speaks_of_own_symptoms(text)
        numbers = self._read_numbers(text, reading)
        tokens = self.lexicon.tokens(text)
        matches = self.lexicon.find(tokens)
        around = _Surroundings(tokens)
        for match in matches:
            finding = self.kb.findings[match.pattern.finding]
            plural = finding.both_sides
            both = bool(plural and any(tokens[i].text in plural.words for i in match.used))
            if _settled(reading, finding, both):
                continue  # nothing another mention could add ("weak leg" said a hundred times)
            cats = self.detector.categories(tokens, [match])[0]
            start, end = tokens[match.start].start, tokens[match.end].end
            words = text[start:end]
            why = self._ignore_reason(finding, cats, reading.subject, around.relation(match.start))
            if why is None and own_symptoms and around.third_person(match):
                why = "about someone else"  # "my dad ... he still can't feel his bladder"
            why = why or _measured(finding, start, end, numbers)
            if why:
                reading.ignored.append((finding.id, words, why))
                continue
            # a phrase that itself says "absent" ("no fever") is not flipped by a list's leading "no";
            # who the person is stays so ("my period is late" still says female)
            negated = (
                ContextCategory.NEGATED in cats
                and not match.pattern.negative
                and finding.group not in UNNEGATED_GROUPS
            )
            status: Status = "absent" if negated or match.pattern.negative else "present"
            certainty: Literal["definite", "possible"] = (
                "possible" if ContextCategory.POSSIBLE in cats else "definite"
            )
            _record(reading, ReadFinding(finding.id, status, words, certainty))
            if status == "present" and plural and both:
                # "my legs are weak": a plural body word means both sides
                _record(reading, ReadFinding(plural.implies, "present", words, certainty))
        for finding_id, (quantity, _) in numbers.items():
            _record(reading, ReadFinding(finding_id, "present", quantity.evidence, value=quantity.value))
        self._apply_sex(reading)
        complete(reading, self.kb)
        # the second reader comes last: what the words and the screens settled, it leaves alone
        if self._read_unordered(text, tokens, reading):
            complete(reading, self.kb)
        flag_possible(reading, self.kb)
        return reading

    def _read_unordered(self, text: str, tokens: list[Token], reading: Reading) -> bool:
        """Warning signs the second reader finds out of order: possible, never absent, never over the
        lexicon. True when it added one."""
        found = [
            m
            for m in self.unordered.find(tokens, self.lexicon.stems(tokens))
            if m.pattern.finding not in reading.findings
        ]
        added = False
        for match, cats in zip(found, self.detector.categories(tokens, found), strict=True):
            if cats - {ContextCategory.POSSIBLE} or match.pattern.finding in reading.findings:
                continue  # negated, hypothetical, someone else's or past: this reader only ever adds
            words = text[tokens[match.start].start : tokens[match.end].end]
            _record(reading, ReadFinding(match.pattern.finding, "present", words, "possible"))
            added = True
        return added

    def _read_numbers(self, text: str, reading: Reading) -> dict[str, tuple[Quantity, tuple[int, int]]]:
        """Each number the text gives that can be right, with the character span of its words; the
        others go to ``reading.impossible``."""
        out: dict[str, tuple[Quantity, tuple[int, int]]] = {}
        for finding_id, reader in NUMBER_READERS.items():
            quantity: Quantity | None = reader(text)
            if quantity is None:
                continue
            plausible = self.kb.findings[finding_id].plausible
            if plausible is not None and not plausible.holds(quantity.value):
                reading.impossible.append(ImpossibleNumber(finding_id, quantity.value, quantity.evidence))
                continue
            start = text.find(quantity.evidence)
            out[finding_id] = (quantity, (start, start + len(quantity.evidence)) if start >= 0 else (-1, -1))
        return out

    @staticmethod
    def _ignore_reason(
        finding: Finding, cats: set[ContextCategory], subject: Subject, relation: str | None
    ) -> str | None:
        if ContextCategory.HYPOTHETICAL in cats:
            return "hypothetical"
        # writing about someone (the patient), a third person's illness is not the patient's:
        # "asking for my husband ... my mum died of bone cancer"
        if ContextCategory.OTHER_PERSON in cats and (subject.who == "self" or relation != subject.relation):
            return "about someone else"
        if ContextCategory.HISTORICAL in cats and finding.group not in HISTORY_GROUPS:
            return "in the past"
        return None

    @staticmethod
    def _apply_sex(reading: Reading) -> None:
        sex = reading.subject.sex
        if sex and sex not in reading.findings:
            _record(reading, ReadFinding(sex, "present", reading.subject.relation or sex))


#: words that put a clause about someone other than the writer.
THIRD_PERSON = frozenset({"he", "she", "his", "him", "her", "hers", "himself", "herself"})


class _Surroundings:
    """What surrounds each token: the relation word before it and whether its clause says "he"/"she".

    Built once per text from the few tokens that matter (relation words, pronouns, sentence and clause
    ends), found in one pass; each match is then looked up by bisection.
    """

    def __init__(self, tokens: list[Token]) -> None:
        marks = [(k, tok.text) for k, tok in enumerate(tokens) if tok.text in _MARKS]
        self._relations = [k for k, text in marks if text in RELATION_WORDS]
        self._words = [text for _, text in marks if text in RELATION_WORDS]
        self._sentence_ends = [k for k, text in marks if text in SENTENCE_END]
        self._clause_ends = [k for k, text in marks if text in SENTENCE_END or text == ","]
        self._third = [k for k, text in marks if text in THIRD_PERSON]

    def relation(self, k: int) -> str | None:
        """The last relation word before token ``k`` in its sentence."""
        i = bisect_left(self._relations, k)
        if not i:
            return None
        ends = bisect_left(self._sentence_ends, k)
        if ends and self._sentence_ends[ends - 1] > self._relations[i - 1]:
            return None
        return self._words[i - 1]

    def clause_start(self, k: int) -> int:
        """The first token of token ``k``'s clause (after "." or ",")."""
        i = bisect_left(self._clause_ends, k)
        return self._clause_ends[i - 1] + 1 if i else 0

    def third_person(self, match: Match) -> bool:
        """True when the clause of ``match``, up to its last word, speaks of "he" or "she"."""
        i = bisect_left(self._third, self.clause_start(match.start))
        return i < len(self._third) and self._third[i] <= match.end


#: the tokens :class:`_Surroundings` looks at.
_MARKS = RELATION_WORDS | THIRD_PERSON | SENTENCE_END | {","}


def _measured(
    finding: Finding, start: int, end: int, numbers: dict[str, tuple[Quantity, tuple[int, int]]]
) -> str | None:
    """A threshold finding whose words are part of a measurement ("a temperature of 37.9") is read
    from the number, not from the words."""
    rule = finding.derived_from
    if rule is None or rule.finding not in numbers:
        return None
    lo, hi = numbers[rule.finding][1]
    return "read from the number" if start < hi and lo < end else None


def _settled(reading: Reading, finding: Finding, both: bool) -> bool:
    """True when ``finding`` (and, for a mention of ``both`` sides, what that implies) is already read
    present and definite, the most any further mention could say (see ``_record``)."""
    ids = (finding.id, finding.both_sides.implies) if both and finding.both_sides else (finding.id,)
    for finding_id in ids:
        old = reading.findings.get(finding_id)
        if old is None or old.status != "present" or old.certainty != "definite":
            return False
    return True


def _record(reading: Reading, new: ReadFinding) -> None:
    """Keep one entry per finding; present beats absent, definite beats possible (safety first)."""
    old = reading.findings.get(new.id)
    if (
        old is None
        or (old.status == "absent" and new.status == "present")
        or (old.status == new.status and old.certainty == "possible" and new.certainty == "definite")
    ):
        reading.findings[new.id] = new


#: the finding that stands for "a warning sign is possibly there but was not read clearly"; its rule
#: in rules.yaml sets the floor of the level (the policy is data, see rule_possible_warning_sign).
POSSIBLE_WARNING_SIGN = "possible_warning_sign"


def possible_signs(reading: Reading, kb: KnowledgeBase) -> list[ReadFinding]:
    """Warning signs read as possibly present ("maybe a bit numb down there"), in reading order."""
    return [
        f
        for f in reading.findings.values()
        if f.status == "present" and f.certainty == "possible" and kb.findings[f.id].warning_sign
    ]


def flag_possible(reading: Reading, kb: KnowledgeBase) -> None:
    """Set ``possible_warning_sign`` exactly when some warning sign is possibly present."""
    reading.findings.pop(POSSIBLE_WARNING_SIGN, None)
    possible = possible_signs(reading, kb)
    if possible and POSSIBLE_WARNING_SIGN in kb.findings:
        reading.findings[POSSIBLE_WARNING_SIGN] = ReadFinding(
            POSSIBLE_WARNING_SIGN, "present", possible[0].evidence, "possible"
        )


def complete(reading: Reading, kb: KnowledgeBase) -> None:
    """Add derived findings (thresholds), implied findings and ruled-out findings, to a fixed point."""
    derived, screens = _derived_and_screens(kb)
    for _ in range(4):
        before = {k: v.status for k, v in reading.findings.items()}
        for finding in derived:
            rule = finding.derived_from
            if rule is None:
                continue
            value = reading.value(rule.finding)
            if value is None:
                continue
            source = reading.findings[rule.finding]
            status: Status = "present" if rule.holds(value) else "absent"
            _record(reading, ReadFinding(finding.id, status, source.evidence))
        # in the order read, so that the findings come out in the same order in every process
        for present_id in [f.id for f in reading.findings.values() if f.status == "present"]:
            finding = kb.findings[present_id]
            evidence = reading.findings[present_id].evidence
            certainty = reading.findings[present_id].certainty
            for implied in finding.implies:
                # what a possible finding implies is possible too
                _record(reading, ReadFinding(implied, "present", evidence, certainty))
            for excluded in finding.rules_out:
                if excluded not in reading.findings:
                    reading.findings[excluded] = ReadFinding(excluded, "absent", evidence)
        for finding in screens:
            _apply_screen(reading, finding)
        if before == {k: v.status for k, v in reading.findings.items()}:
            break


@per_knowledge_base
def _derived_and_screens(kb: KnowledgeBase) -> tuple[list[Finding], list[Finding]]:
    """The findings derived from a number, and the screening findings, in file order."""
    findings = kb.findings.values()
    return [f for f in findings if f.derived_from is not None], [f for f in findings if f.covers]


def _apply_screen(reading: Reading, screen: Finding) -> None:
    """A screening finding and the findings it covers agree: "no" rules them all out; any one present
    makes the screen present; all of them absent make the screen absent."""
    known = reading.findings.get(screen.id)
    covered = [reading.findings.get(c) for c in screen.covers]
    if known is not None and known.status == "absent":
        for covered_id in screen.covers:
            if covered_id not in reading.findings:
                reading.findings[covered_id] = ReadFinding(covered_id, "absent", known.evidence)
        return
    if known is not None:
        return
    present = [f for f in covered if f is not None and f.status == "present"]
    if present:
        _record(reading, ReadFinding(screen.id, "present", present[0].evidence, present[0].certainty))
    elif all(f is not None and f.status == "absent" for f in covered):
        evidence = next(f.evidence for f in covered if f is not None)
        reading.findings[screen.id] = ReadFinding(screen.id, "absent", evidence)
