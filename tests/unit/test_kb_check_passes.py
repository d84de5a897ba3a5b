"""The packaged knowledge base passes `lumbar kb check`, through the real command."""

from __future__ import annotations

from lumbar.cli import main
from lumbar.knowledge.check import check_knowledge


def test_packaged_knowledge_has_no_problems() -> None:
    report = check_knowledge()
    assert report.problems == []
    assert report.counts["causes"] >= 26 and report.counts["rules"] >= 30
    assert report.claims_mapped > 0 and sum(report.claims_rejected.values()) > 0


def test_kb_check_command_exits_zero(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["kb", "check"]) == 0
    assert "knowledge base OK" in capsys.readouterr().out
