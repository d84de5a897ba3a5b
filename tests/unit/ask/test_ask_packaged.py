"""Ask's packaged YAML files are read in one place, and a broken one is a KnowledgeError naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lumbar.ask import packaged
from lumbar.ask.packaged import packaged_yaml
from lumbar.errors import KnowledgeError


@pytest.mark.parametrize("name", ["synonyms.yaml", "clutter.yaml"])
def test_the_shipped_files_read_as_mappings(name: str) -> None:
    assert isinstance(packaged_yaml(name), dict)


def test_a_file_that_is_not_yaml_names_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken.yaml").write_text("rules: [unclosed", encoding="utf-8")
    monkeypatch.setattr(packaged.resources, "files", lambda _package: tmp_path)
    with pytest.raises(KnowledgeError, match=r"ask/broken.yaml.*not valid YAML"):
        packaged_yaml("broken.yaml")
