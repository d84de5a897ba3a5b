"""`lumbar serve`: its options reach uvicorn; bad options are refused in plain words."""

from __future__ import annotations

import os
from typing import Any

import pytest

from lumbar.cli import build_parser, main, serve
from lumbar.errors import InputError

SECRET = "a-secret-from-the-environment-32b"


@pytest.fixture
def uvicorn_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    import uvicorn

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setattr(serve, "run_workers", lambda *args: 0)  # lumbar's own workers: nothing started
    return calls


def test_serve_is_a_verb_with_host_and_port() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8000, os.cpu_count() or 1)
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "9001"])
    assert (args.host, args.port) == ("0.0.0.0", 9001)


def test_serve_runs_the_app_on_the_host_and_port(
    uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LUMBAR_SECRET", SECRET)
    assert main(["serve", "--port", "8123", "--workers", "1"]) == 0
    (app,), options = uvicorn_calls[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert app.state.settings.secret == SECRET
    assert "http://127.0.0.1:8123/" in capsys.readouterr().out


def test_workers_share_one_secret(
    uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget_afterwards(monkeypatch, "LUMBAR_SECRET", "LUMBAR_ALLOWED_HOSTS")
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(serve, "run_workers", lambda *args: started.append(args) or 0)
    assert main(["serve", "--workers", "2", "--port", "8124"]) == 0
    assert started == [("127.0.0.1", 8124, 2, "info")] and not uvicorn_calls
    assert os.environ["LUMBAR_SECRET"]


def test_without_so_reuseport_uvicorns_own_workers_serve(
    uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget_afterwards(monkeypatch, "LUMBAR_SECRET", "LUMBAR_ALLOWED_HOSTS")
    monkeypatch.setattr(serve, "reuse_port_available", lambda: False)
    assert main(["serve", "--workers", "2"]) == 0
    (target,), options = uvicorn_calls[0]
    assert target == "lumbar.web.app:create_app" and options["factory"] and options["workers"] == 2
    assert os.environ["LUMBAR_SECRET"]


def _forget_afterwards(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Unset ``names`` now, and remove afterwards whatever `lumbar serve` sets in them."""
    for name in names:
        monkeypatch.setenv(name, "")  # recorded, so monkeypatch restores the variable afterwards
        monkeypatch.delenv(name)


def test_the_bound_host_is_allowed_besides_the_loopback_names(
    uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _forget_afterwards(monkeypatch, "LUMBAR_SECRET", "LUMBAR_ALLOWED_HOSTS")
    assert main(["serve", "--host", "192.168.1.20", "--workers", "1"]) == 0
    (app,), _ = uvicorn_calls[0]
    assert app.state.settings.hosts_allowed() == ("localhost", "127.0.0.1", "::1", "192.168.1.20")
    assert main(["serve", "--host", "192.168.1.20", "--workers", "2"]) == 0
    assert os.environ["LUMBAR_ALLOWED_HOSTS"] == "localhost,127.0.0.1,::1,192.168.1.20"


def test_a_wildcard_bind_answers_only_loopback_and_says_how_to_open_up(
    uvicorn_calls: list[tuple[tuple[Any, ...], dict[str, Any]]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _forget_afterwards(monkeypatch, "LUMBAR_SECRET", "LUMBAR_ALLOWED_HOSTS")
    assert main(["serve", "--host", "0.0.0.0", "--workers", "1"]) == 0
    (app,), _ = uvicorn_calls[0]
    assert app.state.settings.hosts_allowed() == ("localhost", "127.0.0.1", "::1")
    assert "set LUMBAR_ALLOWED_HOSTS" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv", [["serve", "--port", "0"], ["serve", "--port", "70000"], ["serve", "--workers", "0"]]
)
def test_bad_options_are_refused(argv: list[str], uvicorn_calls: list[Any]) -> None:
    from lumbar.cli.serve import run

    with pytest.raises(InputError):
        run(build_parser().parse_args(argv))
    assert uvicorn_calls == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_short_secret_stops_serve_with_its_fix_and_no_traceback(
    workers: str,
    uvicorn_calls: list[Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LUMBAR_SECRET", "too-short")
    assert main(["serve", "--workers", workers]) == 1
    err = capsys.readouterr().err
    assert err.startswith("lumbar: LUMBAR_SECRET is 9 bytes long") and "at least 32 bytes" in err
    assert "Traceback" not in err
    assert uvicorn_calls == []
