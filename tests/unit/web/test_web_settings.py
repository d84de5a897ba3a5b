"""Settings and the app factory: settings come in from outside; nothing is loaded until needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lumbar.errors import InterviewError, SettingsError
from lumbar.interview.models import InterviewState
from lumbar.web import WebSettings, create_app, settings_from_env
from lumbar.web.settings import DEFAULT_HOST, DEFAULT_PORT

#: secrets of the least allowed length (32 bytes)
GIVEN, ONE, TWO = "given".ljust(32, "."), "one".ljust(32, "."), "two".ljust(32, ".")


def test_settings_read_the_secret_from_the_environment(tmp_path: Path) -> None:
    settings = settings_from_env(environ={"LUMBAR_SECRET": f" {GIVEN} ", "LUMBAR_HOME": str(tmp_path)})
    assert settings.secret == GIVEN
    assert settings.ask is not None and settings.ask.home == tmp_path
    assert (settings.host, settings.port) == (DEFAULT_HOST, DEFAULT_PORT)


def test_without_a_secret_each_process_makes_its_own() -> None:
    settings = settings_from_env(environ={})
    assert settings.secret is None
    first, second = settings.with_secret(), settings.with_secret()
    assert first.secret and second.secret and first.secret != second.secret
    assert WebSettings(secret=GIVEN).with_secret().secret == GIVEN


@pytest.mark.parametrize("secret", ["short", "x" * 31, "é" * 15])
def test_a_secret_shorter_than_32_bytes_is_refused(secret: str) -> None:
    with pytest.raises(SettingsError, match=r"LUMBAR_SECRET is \d+ bytes long; .* at least 32 bytes"):
        settings_from_env(environ={"LUMBAR_SECRET": secret})
    with pytest.raises(SettingsError, match="at least 32 bytes"):
        WebSettings(secret=secret)


def test_a_secret_of_32_bytes_is_enough() -> None:
    assert WebSettings(secret="é" * 16).secret == "é" * 16


def test_creating_the_app_loads_no_engine() -> None:
    app = create_app(WebSettings(secret=GIVEN))
    engines = app.state.engines
    assert "kb" not in vars(engines) and "assessor" not in vars(engines)
    assert app.state.settings.secret == GIVEN


def test_importing_the_web_package_does_no_work() -> None:
    code = (
        "import sys, lumbar.web, lumbar.cli\n"  # lumbar.cli.serve, with uvicorn, loads only for `lumbar serve`
        "from lumbar.knowledge.loader import load_knowledge\n"
        "print(load_knowledge.cache_info().currsize, 'uvicorn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "False"]


def test_apps_with_different_secrets_refuse_each_others_tokens() -> None:
    one, two = create_app(WebSettings(secret=ONE)), create_app(WebSettings(secret=TWO))
    token = one.state.signer.sign(InterviewState(text="back cramp"))
    assert one.state.signer.read(token).text == "back cramp"
    with pytest.raises(InterviewError):
        two.state.signer.read(token)


def test_every_bad_setting_is_reported_at_once() -> None:
    env = {
        "LUMBAR_SECRET": "short",
        "LUMBAR_RATE_BURST": "zero",
        "LUMBAR_TIME_BUDGET": "nan",
        "LUMBAR_ALLOWED_HOSTS": "clinic.local:8000",
        "LUMBAR_ENGINE_WORKERS": "0",
    }
    with pytest.raises(SettingsError) as refused:
        settings_from_env(environ=env)
    message = str(refused.value)
    for variable in env:
        assert variable in message


def test_the_emergency_number_is_read_and_checked() -> None:
    assert settings_from_env(environ={"LUMBAR_EMERGENCY_NUMBER": "112"}).emergency_number == "112"
    assert WebSettings().emergency_number == "999"
    with pytest.raises(SettingsError, match="LUMBAR_EMERGENCY_NUMBER"):
        settings_from_env(environ={"LUMBAR_EMERGENCY_NUMBER": "call me"})


def test_the_database_is_the_settings_url_else_the_file_in_the_data_folder(tmp_path: Path) -> None:
    default = settings_from_env(environ={"LUMBAR_HOME": str(tmp_path)})
    assert default.database_url == f"sqlite:///{tmp_path / 'lumbar.sqlite3'}"
    given = settings_from_env(environ={"LUMBAR_DATABASE_URL": "postgresql://db-host/lumbar"})
    assert given.database_url == "postgresql://db-host/lumbar"


def test_interviews_saved_by_one_app_are_found_by_the_next_over_the_same_database(tmp_path: Path) -> None:
    settings = WebSettings(secret=GIVEN, database_url=f"sqlite:///{tmp_path / 'lumbar.sqlite3'}")
    key = create_app(settings).state.saved_states.save(InterviewState(text="my back"))
    assert create_app(settings).state.saved_states.load(key).text == "my back"
