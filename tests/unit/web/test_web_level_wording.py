"""The result page's level title comes from levels.yaml: a changed copy shows on the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from web_helpers import SELF_CARE_TEXT, client_class, make_settings, page_interview

from lumbar.knowledge.loader import data_root, parse_knowledge
from lumbar.web import create_app

MARK = "Zebra-marked"


def test_the_result_page_title_is_the_title_of_levels_yaml(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(str(data_root()), root)
    levels = yaml.safe_load((root / "levels.yaml").read_text(encoding="utf-8"))
    for level in levels:
        level["title"] = f"{MARK} {level['title']}"
    (root / "levels.yaml").write_text(yaml.safe_dump(levels, sort_keys=False), encoding="utf-8")
    kb, problems = parse_knowledge(root)
    assert problems == []
    with client_class()(create_app(make_settings(tmp_path, knowledge=kb))) as client:
        html, _ = page_interview(client, SELF_CARE_TEXT)
    main = html[html.index("<main") :]
    assert "<h1" in main and f">{MARK} " in main
