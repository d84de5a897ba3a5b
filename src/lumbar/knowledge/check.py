"""`lumbar kb check`: every problem of the knowledge base at once, each with file, item id and fix.

Checks: schema (via the loader), every reference resolves, every clinical item cites a known
source, every cause id of CONTRACT.md is present, every seed paragraph is covered by a claim or
skipped, every claim is mapped or rejected with a reason, every conflict says what lumbar follows,
every number has a plausible range that its thresholds lie in, every yes/no question asks one
thing that "yes" confirms (no either/or between two alternatives: that is a `type: choice` question,
see :mod:`lumbar.knowledge.choice_check`), every questionnaire's bands
cover each reachable score once (see :mod:`lumbar.knowledge.questionnaire_check`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from lumbar.errors import Problem
from lumbar.knowledge.audit import AuditRow, audit_rows, check_audit
from lumbar.knowledge.choice_check import check_choices
from lumbar.knowledge.diary_check import check_diary
from lumbar.knowledge.loader import KnowledgeBase, data_root, parse_knowledge
from lumbar.knowledge.questionnaire_check import check_questionnaires
from lumbar.knowledge.schema import Condition, Medicine, MedicineClass, SeedClaim, SkippedPassage, ValueType
from lumbar.settings import read_settings

#: the cause ids CONTRACT.md section 4 fixes.
CONTRACT_CAUSES = [
    "muscle_strain",
    "ligament_sprain",
    "posture_static_load",
    "herniated_disc",
    "spinal_stenosis",
    "spondylolisthesis",
    "vertebral_fracture",
    "cauda_equina_syndrome",
    "spinal_infection",
    "spinal_malignancy",
    "axial_spondyloarthritis",
    "spinal_osteoarthritis",
    "degenerative_disc_disease",
    "myositis",
    "electrolyte_deficiency",
    "dehydration",
    "medication_side_effect",
    "metabolic_or_endocrine_disorder",
    "kidney_infection",
    "kidney_stone",
    "abdominal_aortic_aneurysm",
    "pregnancy_back_pain",
    "preterm_labour",
    "miscarriage_or_ectopic",
    "placental_abruption",
    "menstrual_cramps",
]
MIN_PARAGRAPH_WORDS = 4
#: pairs of opposites: a question naming both around an "or" asks which ("one leg, or both legs?").
OPPOSITES = [
    ("one", "both"),
    ("left", "right"),
    ("better", "worse"),
    ("more", "less"),
    ("sharp", "dull"),
    ("day", "night"),
    ("sudden", "gradual"),
]
#: words that offer alternatives, so that "yes" cannot say which: "one leg or both", "or not?",
#: "is it only one leg, or do both legs feel it", "or is it either", "which leg", and opposites.
EITHER_OR = re.compile(
    "|".join(
        [
            r"\bor\s+(?:(?:is|are|do|does|did|was|were|has|have)\s+)?(?:both|neither|the other)\b",
            r"\bor\s+not\s*\?",
            r"\bonly\b[^?]*,\s*or\b",
            r"^(?:which|what|where|how|why|who)\b",
            *(rf"\b{a}\b[^?]*\bor\b[^?]*\b{b}\b" for pair in OPPOSITES for a, b in (pair, pair[::-1])),
        ]
    ),
    re.IGNORECASE,
)


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    claims_mapped: int = 0
    claims_rejected: Counter[str] = field(default_factory=Counter)
    paragraphs: int = 0
    seeds_found: bool = True
    audit: list[AuditRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def seeds_dir() -> Path | None:
    """The folder of seed documents: the settings' ``seeds`` (``$LUMBAR_SEEDS``, else ../shared/seeds
    beside the checkout), when it exists."""
    folder = read_settings().seeds_folder()
    return folder.resolve() if folder is not None and folder.is_dir() else None


def check_knowledge(root: Traversable | Path | None = None, seeds: Path | None = None) -> CheckReport:
    """Validate the knowledge base under ``root`` (the packaged one by default)."""
    kb, problems = parse_knowledge(root if root is not None else data_root())
    report = CheckReport(problems=list(problems))
    _check_references(kb, report.problems)
    _check_sources(kb, report.problems)
    _check_contract(kb, report.problems)
    _check_levels(kb, report.problems)
    _check_conflicts(kb, report.problems)
    _check_coverage(kb, seeds if seeds is not None else seeds_dir(), report)
    _check_misprints(kb, seeds if seeds is not None else seeds_dir(), report.problems)
    _check_questions(kb, report.problems)
    check_choices(kb, report.problems)
    _check_numbers(kb, report.problems)
    check_audit(kb, report.problems)
    check_questionnaires(kb, report.problems)
    check_diary(kb, report.problems)
    report.audit = audit_rows(kb)
    report.counts = {kind: len(table) for kind, table in kb.tables().items()}
    report.counts["context_rules"] = len(kb.context_rules)
    report.counts["seed_claims"] = len(kb.claims)
    report.counts["questionnaires"] = len(kb.questionnaires)
    return report


def _ref(
    problems: list[Problem], file: str, item: str, what: str, ref: str, table: dict[str, object]
) -> None:
    if ref not in table:
        problems.append(Problem(file, item, f"{what} '{ref}' does not exist; add it or fix the id"))


def _condition_ids(cond: Condition) -> set[str]:
    return cond.finding_ids()


def _check_references(kb: KnowledgeBase, problems: list[Problem]) -> None:
    f = kb.findings
    for finding in f.values():
        for ref in [
            *finding.implies,
            *finding.rules_out,
            *finding.ask_when,
            *finding.ask_unless,
            *finding.covers,
        ]:
            _ref(problems, "findings.yaml", finding.id, "finding", ref, f)  # type: ignore[arg-type]
        if finding.derived_from:
            _ref(problems, "findings.yaml", finding.id, "finding", finding.derived_from.finding, f)  # type: ignore[arg-type]
        if finding.both_sides:
            _ref(problems, "findings.yaml", finding.id, "finding", finding.both_sides.implies, f)  # type: ignore[arg-type]
    for cause in kb.causes.values():
        for ev in cause.evidence:
            _ref(problems, "causes.yaml", cause.id, "finding", ev.finding, f)  # type: ignore[arg-type]
        for ref in [*cause.requires, *cause.excludes]:
            _ref(problems, "causes.yaml", cause.id, "finding", ref, f)  # type: ignore[arg-type]
        for ref in cause.specialists:
            _ref(problems, "causes.yaml", cause.id, "specialist", ref, kb.specialists)  # type: ignore[arg-type]
        for ref in cause.tests:
            _ref(problems, "causes.yaml", cause.id, "test", ref, kb.tests)  # type: ignore[arg-type]
        for ref in cause.care:
            _ref(problems, "causes.yaml", cause.id, "treatment", ref, kb.treatments)  # type: ignore[arg-type]
    for rule in kb.rules.values():
        for ref in sorted(_condition_ids(rule.when)):
            _ref(problems, "rules.yaml", rule.id, "finding", ref, f)  # type: ignore[arg-type]
        for ref in rule.suspects:
            _ref(problems, "rules.yaml", rule.id, "cause", ref, kb.causes)  # type: ignore[arg-type]
        for ref in rule.says_when_worse:
            _ref(problems, "rules.yaml", rule.id, "rule", ref, kb.rules)  # type: ignore[arg-type]
            worse = kb.rules.get(ref)
            if worse is not None and (
                worse.level.rank <= rule.level.rank
                or not _condition_ids(rule.when) <= _condition_ids(worse.when)
            ):
                problems.append(
                    Problem(
                        "rules.yaml",
                        rule.id,
                        f"says_when_worse '{ref}' must be more urgent and need its signs",
                    )
                )
        audiences = rule.applies_to if isinstance(rule.applies_to, list) else []
        for ref in [f for audience in audiences for f in audience.findings]:
            _ref(problems, "rules.yaml", rule.id, "finding", ref, f)  # type: ignore[arg-type]
    for treatment in kb.treatments.values():
        said_if = [f for sentence in treatment.text_if for f in sentence.findings]
        for ref in [*treatment.contraindications, *treatment.cautions, *treatment.counts_as, *said_if]:
            _ref(problems, "treatments.yaml", treatment.id, "finding", ref, f)  # type: ignore[arg-type]
    for kind in kb.medicine_classes.values():
        for ref in kind.stop_when:
            _ref(problems, "medicine_classes.yaml", kind.id, "finding", ref, f)  # type: ignore[arg-type]
    for trigger in kb.context_rules:
        for ref in trigger.findings:
            _ref(problems, "context_rules.yaml", trigger.literal, "finding", ref, f)  # type: ignore[arg-type]
    every: dict[str, object] = {}
    for table in kb.tables().values():
        every.update(table)
    for conflict in kb.conflicts.values():
        for ref in conflict.affects:
            _ref(problems, "conflicts.yaml", conflict.id, "item", ref, every)
    for claim in kb.claims:
        for ref in claim.maps_to:
            _ref(problems, "coverage.yaml", claim.id, "item", ref, every)


def either_or(text: str) -> str | None:
    """The words of ``text`` that offer alternatives ("one leg, or both"), or None: a yes/no question
    with them cannot be answered by "yes" (which one?)."""
    match = EITHER_OR.search(text)
    return match.group(0).strip(" ,") if match else None


def _check_questions(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """A question asks one thing (one question mark); a yes/no question asks no either/or; every other
    wording says what "yes" means (the schema requires ``yes_means``)."""
    for finding in kb.findings.values():
        wordings = [finding.question] + ([finding.unsure_question.text] if finding.unsure_question else [])
        for text in filter(None, wordings):
            if text.count("?") != 1:
                problems.append(
                    Problem("findings.yaml", finding.id, f"{text!r} must ask exactly one question")
                )
            words = either_or(text) if finding.type is ValueType.BOOLEAN else None
            if words:
                problems.append(
                    Problem(
                        "findings.yaml",
                        finding.id,
                        f"{text!r} is a yes/no question but offers a choice ({words!r}): a 'yes' cannot "
                        "say which; reword it as one yes/no question that 'yes' confirms, or make it a "
                        "`type: choice` question with `choices`",
                    )
                )
        if finding.unsure_question and not finding.question:
            problems.append(Problem("findings.yaml", finding.id, "unsure_question without a question"))


def _check_numbers(kb: KnowledgeBase, problems: list[Problem]) -> None:
    """Every number has a plausible range (and only numbers do); every threshold on it lies inside."""
    numeric = (ValueType.NUMBER, ValueType.DURATION)
    for finding in kb.findings.values():
        if finding.type in numeric and finding.plausible is None:
            problems.append(
                Problem(
                    "findings.yaml",
                    finding.id,
                    "a number needs `plausible: {min, max, notice}`: the values that can be right, "
                    "and what to tell someone who gives another",
                )
            )
        if finding.type not in numeric and finding.plausible is not None:
            problems.append(Problem("findings.yaml", finding.id, "`plausible` is for numbers; remove it"))
        rule = finding.derived_from
        source = kb.findings.get(rule.finding) if rule else None
        if rule and source and source.plausible and not source.plausible.holds(rule.value):
            problems.append(
                Problem(
                    "findings.yaml",
                    finding.id,
                    f"threshold {rule.value:g} lies outside the plausible range of {source.id} "
                    f"({source.plausible.min:g}–{source.plausible.max:g}); fix one of them",
                )
            )


def _check_sources(kb: KnowledgeBase, problems: list[Problem]) -> None:
    for kind, table in kb.tables().items():
        if kind == "sources":
            continue
        file = f"{kind}.yaml"
        for item_id, item in table.items():
            positions = getattr(item, "positions", [])
            if not item.sources and not any(p.sources for p in positions):
                problems.append(Problem(file, item_id, "cites no source; add `sources: [source_id#locator]`"))
            for citation in item.sources:
                if citation.source not in kb.sources:
                    problems.append(Problem(file, item_id, f"cites unknown source '{citation.source}'"))
    medicine_items: list[tuple[str, Medicine | MedicineClass]] = [
        *(("medicines.yaml", m) for m in kb.medicines.values()),
        *(("medicine_classes.yaml", c) for c in kb.medicine_classes.values()),
    ]
    for file, item in medicine_items:
        if not item.sources:
            problems.append(Problem(file, item.id, "cites no source; add `sources: [source_id#locator]`"))
        for citation in item.sources:
            if citation.source not in kb.sources:
                problems.append(Problem(file, item.id, f"cites unknown source '{citation.source}'"))
    for cause in kb.causes.values():
        for ev in cause.evidence:
            if not ev.sources:
                problems.append(Problem("causes.yaml", cause.id, f"evidence '{ev.finding}' cites no source"))
            for citation in ev.sources:
                if citation.source not in kb.sources:
                    problems.append(
                        Problem(
                            "causes.yaml",
                            cause.id,
                            f"evidence '{ev.finding}' cites unknown source '{citation.source}'",
                        )
                    )
    for conflict in kb.conflicts.values():
        for position in conflict.positions:
            for citation in position.sources:
                if citation.source not in kb.sources:
                    problems.append(
                        Problem("conflicts.yaml", conflict.id, f"cites unknown source '{citation.source}'")
                    )


def _check_contract(kb: KnowledgeBase, problems: list[Problem]) -> None:
    for cause_id in CONTRACT_CAUSES:
        if cause_id not in kb.causes:
            problems.append(Problem("causes.yaml", cause_id, "cause id of CONTRACT.md section 4 is missing"))


def _check_levels(kb: KnowledgeBase, problems: list[Problem]) -> None:
    for level in kb.levels.values():
        _ref(problems, "levels.yaml", level.id.value, "specialist", level.routing.specialist, kb.specialists)  # type: ignore[arg-type]
        for citation in [*level.sources, *level.tests.sources]:
            if citation.source not in kb.sources:
                problems.append(
                    Problem("levels.yaml", level.id.value, f"cites unknown source '{citation.source}'")
                )


def _check_conflicts(kb: KnowledgeBase, problems: list[Problem]) -> None:
    for conflict in kb.conflicts.values():
        if not conflict.follows.strip() or not conflict.reason.strip():
            problems.append(
                Problem("conflicts.yaml", conflict.id, "say which position lumbar follows and why")
            )


def _check_misprints(kb: KnowledgeBase, seeds: Path | None, problems: list[Problem]) -> None:
    """Every misprint a conflict records names a known seed and is found, verbatim, in it."""
    texts: dict[str, str] = {}
    for conflict in kb.conflicts.values():
        misprint = conflict.misprint
        if misprint is None:
            continue
        if misprint.seed not in kb.sources:
            problems.append(
                Problem("conflicts.yaml", conflict.id, f"misprint names unknown seed '{misprint.seed}'")
            )
            continue
        path = seeds / f"{misprint.seed}.txt" if seeds is not None else None
        if path is None or not path.is_file():
            continue
        text = texts.setdefault(misprint.seed, _normal(path.read_text(encoding="utf-8", errors="replace")))
        if _normal(misprint.says) not in text:
            problems.append(
                Problem("conflicts.yaml", conflict.id, f"misprint not found in the seed: '{misprint.says}'")
            )


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower()


def seed_paragraphs(text: str) -> list[str]:
    """The seed's paragraphs (lines) with at least MIN_PARAGRAPH_WORDS words, normalised."""
    return [_normal(line) for line in text.splitlines() if len(line.split()) >= MIN_PARAGRAPH_WORDS]


def _check_coverage(kb: KnowledgeBase, seeds: Path | None, report: CheckReport) -> None:
    problems = report.problems
    for claim in kb.claims:
        if claim.rejected and not (claim.reason or "").strip():
            problems.append(Problem("coverage.yaml", claim.id, "a rejected claim needs a reason"))
        if not claim.rejected and not claim.maps_to:
            problems.append(Problem("coverage.yaml", claim.id, "claim is unmapped: add maps_to or rejected"))
        if claim.rejected:
            report.claims_rejected[claim.rejected] += 1
        else:
            report.claims_mapped += 1
    if seeds is None:
        report.seeds_found = False
        return
    entries: list[SeedClaim | SkippedPassage] = [*kb.claims, *kb.skipped]
    anchors: dict[str, list[str]] = {}
    for entry in entries:
        anchors.setdefault(entry.seed, []).append(_normal(entry.anchor))
    stems = {p.stem for p in seeds.glob("*.txt")}
    for seed in stems:
        if seed not in kb.sources:
            problems.append(Problem("sources.yaml", seed, "seed document has no source entry"))
    for entry in entries:
        label = entry.id if isinstance(entry, SeedClaim) else entry.anchor[:30]
        if entry.seed not in stems:
            problems.append(Problem("coverage.yaml", label, f"unknown seed '{entry.seed}'"))
    for path in sorted(seeds.glob("*.txt")):
        text = _normal(path.read_text(encoding="utf-8", errors="replace"))
        seed_anchors = anchors.get(path.stem, [])
        for anchor in seed_anchors:
            if anchor not in text:
                problems.append(
                    Problem("coverage.yaml", path.stem, f"anchor not found in the seed: '{anchor}'")
                )
        for paragraph in seed_paragraphs(path.read_text(encoding="utf-8", errors="replace")):
            report.paragraphs += 1
            if not any(anchor in paragraph for anchor in seed_anchors):
                problems.append(
                    Problem(
                        "coverage.yaml", path.stem, f"paragraph not covered by any claim: '{paragraph[:70]}…'"
                    )
                )
