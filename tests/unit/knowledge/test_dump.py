"""A knowledge item as JSON data is what pydantic's ``model_dump(mode="json")`` gave for it, for every
item of the packaged knowledge base, with and without the defaults."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from lumbar.errors import Problem
from lumbar.knowledge.dump import as_data, json_text
from lumbar.knowledge.loader import ITEM_FILES, LEVELS_FILE, QUESTIONNAIRES_FILE, data_root, read_yaml
from lumbar.knowledge.schema import UrgencyLevel
from lumbar.knowledge.validation.convert import schema_model, to_runtime
from lumbar.knowledge.validation.questionnaires import Questionnaire


def models() -> list[BaseModel]:
    problems: list[Problem] = []
    found: list[BaseModel] = []
    for name, runtime in [*ITEM_FILES.items(), (LEVELS_FILE, UrgencyLevel)]:
        model = schema_model(runtime)
        found += [model.model_validate(raw) for raw in read_yaml(data_root() / name, problems)]
    assert problems == []
    return found


MODELS = models()


@pytest.mark.parametrize("exclude_defaults", [False, True])
def test_every_item_dumps_as_pydantic_dumped_it(exclude_defaults: bool) -> None:
    assert len(MODELS) > 1000
    differ = [
        model
        for model in MODELS
        if as_data(to_runtime(model), exclude_defaults=exclude_defaults)
        != model.model_dump(mode="json", exclude_defaults=exclude_defaults)
    ]
    assert differ == []


def test_a_questionnaire_as_json_is_what_pydantic_wrote() -> None:
    problems: list[Problem] = []
    raw: list[dict[str, Any]] = read_yaml(data_root() / QUESTIONNAIRES_FILE, problems)
    for entry in raw:
        model = Questionnaire.model_validate(entry)
        assert json_text(to_runtime(model), indent=2) == model.model_dump_json(indent=2)
