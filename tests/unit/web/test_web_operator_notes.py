"""Docs that cannot drift: every web setting is read from the environment, checked, and documented in
the settings table (lumbar.settings), the README's clinic section, the OpenAPI description and the /docs page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from lumbar.settings import Settings
from lumbar.web import WebSettings, create_app, settings_from_env
from lumbar.web.operator_notes import LIMIT_MEANINGS
from lumbar.web.settings import ENV_OF, SECRET_ENV

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

README = Path(__file__).resolve().parents[3] / "README.md"
#: a value for each setting read from the environment, other than its default
SAMPLES: dict[str, tuple[str, Any]] = {
    "allowed_hosts": ("clinic.local", ("clinic.local",)),
    "max_body_bytes": ("2048", 2048),
    "rate_per_minute": ("30", 30.0),
    "rate_burst": ("3", 3),
    "engine_workers": ("2", 2),
    "engine_queue": ("0", 0),
    "client_concurrency": ("1", 1),
    "time_budget": ("2.5", 2.5),
    "retry_after": ("9", 9),
}
VARIABLES = [SECRET_ENV, *ENV_OF.values()]


def clinic_section() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"^## Running lumbar for a clinic\n(.*?)(?=^## )", text, re.S | re.M)
    assert found, "README.md has no section 'Running lumbar for a clinic'"
    return found.group(1)


@pytest.mark.parametrize("name", list(ENV_OF))
def test_every_setting_is_read_from_its_variable(name: str) -> None:
    variable = ENV_OF[name]
    text, value = SAMPLES[name]
    assert getattr(WebSettings(), name) != value
    assert getattr(settings_from_env(environ={variable: text}), name) == value


@pytest.mark.parametrize("name", list(ENV_OF))
def test_every_setting_is_named_typed_and_documented(name: str) -> None:
    assert name in WebSettings.__dataclass_fields__ and WebSettings.__annotations__[name]
    assert f"``{name}``" in (WebSettings.__doc__ or "")
    field = Settings.model_fields[name]
    assert field.annotation is not None and field.description
    assert getattr(WebSettings(), name) == field.default


@pytest.mark.parametrize("variable", VARIABLES)
def test_every_variable_is_in_the_readme_and_the_openapi_description(variable: str) -> None:
    assert f"`{variable}`" in clinic_section()
    description = create_app(WebSettings()).openapi()["info"]["description"]
    assert f"`{variable}`" in description


def test_the_notes_cover_every_limit() -> None:
    assert set(LIMIT_MEANINGS) == set(ENV_OF)


def test_the_openapi_description_gives_defaults_and_this_servers_values() -> None:
    description = create_app(WebSettings(max_body_bytes=2048, time_budget=2.5)).openapi()["info"][
        "description"
    ]
    assert "| `LUMBAR_MAX_BODY_BYTES` | 65536 | 2048 |" in description
    assert "| `LUMBAR_TIME_BUDGET` | 15 | 2.5 |" in description
    for words in ("at least 32 bytes", "Origin", "Referer", "403", "Content-Security-Policy", "key twice"):
        assert words in description


def test_the_docs_page_lists_the_limits(client: TestClient) -> None:
    page = client.get("/docs").text
    for variable in ENV_OF.values():
        assert f"<code>{variable}</code>" in page
