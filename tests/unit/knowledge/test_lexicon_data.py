"""The lay phrases of findings.yaml and the ConText triggers of context_rules.yaml can be matched as
written: no empty phrase, no phrase that says both present and absent, no trigger the tokenizer
would split differently."""

from __future__ import annotations

from collections import Counter

import pytest

from lumbar.intake.tokens import phrase_stems, tokenize
from lumbar.knowledge.loader import load_knowledge
from lumbar.knowledge.schema import ContextCategory

KB = load_knowledge()
FINDINGS = sorted(KB.findings.values(), key=lambda f: f.id)


@pytest.mark.parametrize("finding", FINDINGS, ids=[f.id for f in FINDINGS])
def test_phrases_are_matchable(finding: object) -> None:
    synonyms = finding.synonyms  # type: ignore[attr-defined]
    absent = finding.absent_synonyms  # type: ignore[attr-defined]
    for phrase in [*synonyms, *absent]:
        assert phrase_stems(phrase.lstrip("=")), f"{phrase!r} has no words"
        if phrase.startswith("="):
            assert len(phrase_stems(phrase[1:])) >= 2, f"{phrase!r}: '=' only matters for two words or more"
    repeated = [p for p, n in Counter(p.lower() for p in [*synonyms, *absent]).items() if n > 1]
    assert not repeated, f"phrases listed twice: {repeated}"
    both = {p.lower() for p in synonyms} & {p.lower() for p in absent}
    assert not both, f"phrases that say present and absent: {sorted(both)}"


def test_number_findings_have_no_phrases() -> None:
    for finding in FINDINGS:
        if finding.type.value in {"number", "duration"}:
            assert not finding.synonyms and not finding.absent_synonyms, finding.id


@pytest.mark.parametrize("rule", KB.context_rules, ids=[r.literal for r in KB.context_rules])
def test_trigger_is_written_as_the_tokenizer_reads_it(rule: object) -> None:
    literal = rule.literal  # type: ignore[attr-defined]
    assert " ".join(t.text for t in tokenize(literal)) == literal, f"{literal!r} can never match"


def test_triggers_are_unique() -> None:
    seen = Counter((r.literal, r.category, r.direction) for r in KB.context_rules)
    assert [k for k, n in seen.items() if n > 1] == []


def test_every_category_has_triggers() -> None:
    assert {r.category for r in KB.context_rules} == set(ContextCategory)
