"""Measure the intake against labelled sentences: precision and recall per finding group.

    python -m lumbar.eval.intake FILE [--json] [--errors]

FILE (the repository's is ``tests/cases/intake.jsonl``) holds one JSON object a line::

    {"id": "...", "text": "...", "present": [finding ids], "absent": [finding ids],
     "possible": [finding ids], "values": {"age": 34, "pregnancy_weeks": [14, 27]}}

``present`` and ``absent`` list every finding the sentence states; ``possible`` (optional) the
findings it states with doubt ("maybe a fever"); ``values`` the numbers it states, each a number
or a ``[low, high]`` range for vague words ("second trimester", "for years").

How items are scored (the choices, so the figures can be read):

- An item is one finding with its status: present, possible or absent. The gold and the reading
  are both completed by the knowledge base's own closure (``complete``: thresholds, ``implies``,
  ``rules_out``), so a finding implied by another ("can't pee" -> new bladder trouble; "52F" ->
  not male) is counted alike on both sides, never as a difference of convention.
- Numbers (age, temperature, pain score, duration, weeks of pregnancy) form the group "values": a
  value counts when it lies within tolerance of the gold number (or inside the gold range).
- Findings that are only a threshold on a number (``derived_from`` and no words of their own, such
  as age_over_50 or duration_over_6_weeks) are not scored: the number behind them is. Findings
  with words as well as a threshold (fever, high_fever, severe_pain) are scored.
- The group of an item is "negation" when it is absent, "uncertainty" when it is present with
  doubt, and otherwise the finding's ``group`` in findings.yaml (cauda_equina, neuro, …).
- Precision = matched / read, recall = matched / gold, per group and overall (micro-averaged
  over every item, values included).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.table import Table

from lumbar.errors import InputError
from lumbar.intake.reader import ReadFinding, Reading, TextReader, complete
from lumbar.knowledge.loader import KnowledgeBase, load_knowledge
from lumbar.knowledge.schema import Finding, ValueType

Tag = Literal["present", "possible", "absent"]
#: how far a number may be from the gold one and still count.
TOLERANCE = {"age": 0.5, "temperature_c": 0.15, "pain_score": 0.5, "pregnancy_weeks": 0.5}
#: durations: the larger of an absolute slack in days and a share of the gold value.
DURATION_SLACK_DAYS = 0.05
DURATION_SLACK_SHARE = 0.1
VALUES_GROUP = "values"
NEGATION_GROUP = "negation"
UNCERTAINTY_GROUP = "uncertainty"
#: findings the engine sets (possible_warning_sign), never read from words.
ENGINE_GROUP = "engine"

GoldValue = float | tuple[float, float]


@dataclass(frozen=True)
class GoldCase:
    """One labelled sentence."""

    id: str
    text: str
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    possible: tuple[str, ...] = ()
    values: dict[str, GoldValue] = field(default_factory=dict)


@dataclass
class Tally:
    """Counts for one group: gold items, items read, and items read that match the gold."""

    gold: int = 0
    read: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.read if self.read else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.read += other.read
        self.matched += other.matched


@dataclass(frozen=True)
class Miss:
    """One difference between the gold and the reading of a case."""

    case: str
    kind: Literal["missed", "extra"]
    group: str
    item: str


@dataclass
class Report:
    """Per-group and overall tallies, and every difference found."""

    groups: dict[str, Tally]
    overall: Tally
    cases: int
    misses: list[Miss]

    def to_json_dict(self) -> dict[str, Any]:
        def row(t: Tally) -> dict[str, Any]:
            return {
                "gold": t.gold,
                "read": t.read,
                "matched": t.matched,
                "precision": round(t.precision, 4),
                "recall": round(t.recall, 4),
                "f1": round(t.f1, 4),
            }

        return {
            "cases": self.cases,
            "overall": row(self.overall),
            "groups": {name: row(t) for name, t in sorted(self.groups.items())},
            "misses": [m.__dict__ for m in self.misses],
        }


# --- reading the gold file ------------------------------------------------------------------------


def load_cases(path: Path, kb: KnowledgeBase) -> list[GoldCase]:
    """The labelled cases of a JSONL file; raises InputError naming the line of any bad one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    cases: list[GoldCase] = []
    problems: list[str] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            cases.append(_parse_case(json.loads(line), kb))
        except (json.JSONDecodeError, ValueError, TypeError, KeyError) as exc:
            problems.append(f"{path}:{number}: {exc}")
    ids = [c.id for c in cases]
    problems += [
        f"{path}: id {i!r} is used more than once" for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    if problems:
        raise InputError("the labelled cases have problems:\n  " + "\n  ".join(problems))
    return cases


def _parse_case(row: dict[str, Any], kb: KnowledgeBase) -> GoldCase:
    lists = {key: tuple(row.get(key, ())) for key in ("present", "absent", "possible")}
    for key, ids in lists.items():
        for finding_id in ids:
            finding = kb.findings.get(finding_id)
            if finding is None:
                raise ValueError(f"{row['id']}: {key} names no finding: {finding_id!r}")
            if not _scored(finding):
                raise ValueError(
                    f"{row['id']}: {finding_id!r} is a number or a threshold; put numbers in values"
                )
    values: dict[str, GoldValue] = {}
    for name, value in (row.get("values") or {}).items():
        finding = kb.findings.get(name)
        if finding is None or finding.type not in (ValueType.NUMBER, ValueType.DURATION):
            raise ValueError(f"{row['id']}: values names no number finding: {name!r}")
        values[name] = (float(value[0]), float(value[1])) if isinstance(value, list) else float(value)
    if not isinstance(row["text"], str) or not row["text"].strip():
        raise ValueError(f"{row['id']}: the text is empty")
    return GoldCase(str(row["id"]), row["text"], values=values, **lists)


# --- scoring --------------------------------------------------------------------------------------


def _scored(finding: Finding) -> bool:
    """Boolean findings that the text can state: not a pure threshold on a number, nor set by the engine."""
    if finding.type is not ValueType.BOOLEAN or finding.group == ENGINE_GROUP:
        return False
    return finding.derived_from is None or bool(finding.synonyms or finding.absent_synonyms)


def gold_reading(case: GoldCase, kb: KnowledgeBase) -> Reading:
    """The gold labels as a Reading, completed by the knowledge base's closure."""
    reading = Reading()
    for name, value in case.values.items():
        point = (value[0] + value[1]) / 2 if isinstance(value, tuple) else value
        reading.findings[name] = ReadFinding(name, "present", "gold", value=point)
    for finding_id in case.absent:
        reading.findings[finding_id] = ReadFinding(finding_id, "absent", "gold")
    for finding_id in case.possible:
        reading.findings[finding_id] = ReadFinding(finding_id, "present", "gold", certainty="possible")
    for finding_id in case.present:
        reading.findings[finding_id] = ReadFinding(finding_id, "present", "gold")
    complete(reading, kb)
    return reading


def items(reading: Reading, kb: KnowledgeBase) -> dict[str, Tag]:
    """Finding id -> present / possible / absent, for the scored findings of a reading."""
    out: dict[str, Tag] = {}
    for found in reading.findings.values():
        finding = kb.findings[found.id]
        if not _scored(finding):
            continue
        if found.status == "absent":
            out[found.id] = "absent"
        else:
            out[found.id] = "possible" if found.certainty == "possible" else "present"
    return out


def group_of(finding: Finding, tag: Tag) -> str:
    """The reporting group of one item."""
    if tag == "absent":
        return NEGATION_GROUP
    if tag == "possible":
        return UNCERTAINTY_GROUP
    return finding.group


def value_matches(name: str, gold: GoldValue, read: float) -> bool:
    """True when ``read`` is within tolerance of the gold number, or inside the gold range."""
    if isinstance(gold, tuple):
        return gold[0] <= read <= gold[1]
    if name == "duration_days":
        slack = max(DURATION_SLACK_DAYS, DURATION_SLACK_SHARE * gold)
    else:
        slack = TOLERANCE.get(name, 0.5)
    return abs(read - gold) <= slack


def score_case(case: GoldCase, reading: Reading, kb: KnowledgeBase) -> tuple[dict[str, Tally], list[Miss]]:
    """The tallies of one case, by group, and its differences."""
    tallies: dict[str, Tally] = {}
    misses: list[Miss] = []

    def tally(group: str) -> Tally:
        return tallies.setdefault(group, Tally())

    gold = items(gold_reading(case, kb), kb)
    read = items(reading, kb)
    for finding_id, tag in gold.items():
        group = group_of(kb.findings[finding_id], tag)
        tally(group).gold += 1
        if read.get(finding_id) == tag:
            tally(group).matched += 1
        else:
            misses.append(Miss(case.id, "missed", group, f"{finding_id}={tag}"))
    for finding_id, tag in read.items():
        group = group_of(kb.findings[finding_id], tag)
        tally(group).read += 1
        if gold.get(finding_id) != tag:
            misses.append(Miss(case.id, "extra", group, f"{finding_id}={tag}"))
    read_values = {
        f.id: f.value
        for f in reading.findings.values()
        if f.value is not None and kb.findings[f.id].type in (ValueType.NUMBER, ValueType.DURATION)
    }
    values = tally(VALUES_GROUP)
    for name, gold_value in case.values.items():
        values.gold += 1
        got = read_values.get(name)
        if got is not None and value_matches(name, gold_value, got):
            values.matched += 1
        else:
            misses.append(Miss(case.id, "missed", VALUES_GROUP, f"{name}={_show(gold_value)} (read {got})"))
    for name, got in read_values.items():
        values.read += 1
        if name not in case.values:
            misses.append(Miss(case.id, "extra", VALUES_GROUP, f"{name}={got:g}"))
    return tallies, misses


def _show(value: GoldValue) -> str:
    return f"{value[0]:g}..{value[1]:g}" if isinstance(value, tuple) else f"{value:g}"


def evaluate(cases: Iterable[GoldCase], reader: TextReader) -> Report:
    """Read every case and tally the differences from the gold labels."""
    groups: dict[str, Tally] = {}
    misses: list[Miss] = []
    count = 0
    for case in cases:
        count += 1
        tallies, case_misses = score_case(case, reader.read(case.text), reader.kb)
        for name, t in tallies.items():
            groups.setdefault(name, Tally()).add(t)
        misses += case_misses
    overall = Tally()
    for t in groups.values():
        overall.add(t)
    return Report(groups, overall, count, misses)


def evaluate_file(path: Path, kb: KnowledgeBase | None = None) -> Report:
    """Evaluate the packaged (or given) knowledge base's intake on a labelled file."""
    kb = kb or load_knowledge()
    return evaluate(load_cases(path, kb), TextReader(kb))


# --- output ---------------------------------------------------------------------------------------


def render(report: Report, show_errors: bool = False) -> None:
    """Print the report as a Rich table (and, if asked, every difference by case)."""
    table = Table(title=f"Intake: {report.cases} labelled sentences")
    for column in ("group", "gold", "read", "matched", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "group" else "right")

    def add(name: str, t: Tally, style: str | None = None) -> None:
        table.add_row(
            name, str(t.gold), str(t.read), str(t.matched), f"{t.precision:.3f}", f"{t.recall:.3f}",
            f"{t.f1:.3f}", style=style,
        )  # fmt: skip

    for name in sorted(report.groups):
        add(name, report.groups[name])
    table.add_section()
    add("overall", report.overall, style="bold")
    console = Console()
    console.print(table)
    if show_errors:
        for miss in report.misses:
            console.print(f"{miss.case:>10}  {miss.kind:<6} [{miss.group}] {miss.item}", markup=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (2 when the file cannot be read)."""
    parser = argparse.ArgumentParser(
        prog="python -m lumbar.eval.intake", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("file", type=Path, help="labelled JSONL file, e.g. tests/cases/intake.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every difference by case")
    args = parser.parse_args(argv)
    try:
        report = evaluate_file(args.file)
    except InputError as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        data = report.to_json_dict()
        if not args.errors:
            data.pop("misses")
        print(json.dumps(data, indent=2))
    else:
        render(report, show_errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
