"""The settings table: read only when asked, every value bounded, every setting documented."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import lumbar.settings
from lumbar.errors import SettingsError
from lumbar.settings import Settings, find_seeds, read_settings, reference_rows, variable_of

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_DOC = ROOT / "docs" / "settings.md"
TABLE = re.compile(r"<!-- settings table: start -->\n(.*?)<!-- settings table: end -->", re.S)


def documented_variables(text: str) -> set[str]:
    return set(re.findall(r"`(LUMBAR_[A-Z_]+)`", text))


def test_nothing_is_read_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUMBAR_RATE_BURST", "not a number")
    importlib.reload(lumbar.settings)
    with pytest.raises(SettingsError, match="LUMBAR_RATE_BURST must be a whole number"):
        lumbar.settings.read_settings()


def test_the_given_environment_is_read_not_the_process_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LUMBAR_RATE_BURST", "7")
    assert read_settings().rate_burst == 7
    assert read_settings({}).rate_burst == Settings.model_fields["rate_burst"].default
    assert read_settings({"LUMBAR_RATE_BURST": " 9 "}).rate_burst == 9


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("LUMBAR_RATE_BURST", "0", "LUMBAR_RATE_BURST is 0; it must be at least 1"),
        ("LUMBAR_TIME_BUDGET", "0.01", "LUMBAR_TIME_BUDGET is 0.01; it must be at least 0.05"),
        ("LUMBAR_TIME_BUDGET", "inf", "LUMBAR_TIME_BUDGET must be a number; it is 'inf'"),
        ("LUMBAR_ENGINE_WORKERS", "2.5", "LUMBAR_ENGINE_WORKERS must be a whole number; it is '2.5'"),
        ("LUMBAR_SECRET", "short", "LUMBAR_SECRET is 5 bytes long; when set it must be at least 32 bytes"),
        ("LUMBAR_ALLOWED_HOSTS", "a.org:80", "LUMBAR_ALLOWED_HOSTS lists 'a.org:80'; give host names"),
    ],
)
def test_a_bad_value_names_its_variable_and_the_fix(variable: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError) as refused:
        read_settings({variable: value})
    assert str(refused.value).startswith(message)


def test_values_given_in_code_are_checked_too() -> None:
    with pytest.raises(SettingsError, match="LUMBAR_MAX_BODY_BYTES is 10; it must be at least 1024"):
        read_settings({}, max_body_bytes=10)


def test_the_seeds_setting_unset_empty_and_given(tmp_path: Path) -> None:
    assert read_settings({}).seeds_folder() == find_seeds()
    assert read_settings({"LUMBAR_SEEDS": " "}).seeds_folder() is None
    assert read_settings({"LUMBAR_SEEDS": str(tmp_path)}).seeds_folder() == tmp_path


def test_hosts_are_read_as_a_list() -> None:
    hosts = read_settings({"LUMBAR_ALLOWED_HOSTS": "Clinic.local., [::1], *.example.org"}).allowed_hosts
    assert hosts == ("clinic.local", "::1", "*.example.org")


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_is_typed_defaulted_and_described(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.annotation is not None
    assert field.description, f"give the setting {name} a description"
    assert not field.is_required(), f"give the setting {name} a default"


def test_every_setting_is_documented_and_every_documented_one_exists() -> None:
    text = SETTINGS_DOC.read_text(encoding="utf-8")
    fields = {variable_of(name) for name in Settings.model_fields}
    assert fields - documented_variables(text) == set(), "add these settings to docs/settings.md"
    assert documented_variables(text) - fields == set(), "docs/settings.md names settings that do not exist"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert documented_variables(readme) <= fields, "README.md names settings that do not exist"
    assert "docs/settings.md" in readme


def test_the_documented_table_is_the_one_the_settings_make() -> None:
    found = TABLE.search(SETTINGS_DOC.read_text(encoding="utf-8"))
    assert found, "docs/settings.md has lost its table markers"
    rows = [line for line in found.group(1).splitlines() if line.startswith("| `")]
    assert rows == reference_rows(), (
        "regenerate docs/settings.md's table from lumbar.settings.reference_rows()"
    )
