"""Read a YAML file shipped inside the ask package (its vocabulary, its clutter rules)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from lumbar.errors import KnowledgeError, Problem


def packaged_yaml(name: str) -> Any:
    """The parsed file ``name`` of ``lumbar.ask``; raises KnowledgeError naming ``ask/<name>`` when
    it is not valid YAML."""
    text = (resources.files("lumbar.ask") / name).read_text(encoding="utf-8")
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError([Problem(f"ask/{name}", None, f"not valid YAML: {exc}")]) from exc
