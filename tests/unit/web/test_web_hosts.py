"""Allowed hosts: a request whose Host header names another server is refused (400), which
defends against DNS rebinding; the loopback names and the bound host are allowed by default."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from web_helpers import asgi_call, client_class, make_settings, run_async

from lumbar.errors import SettingsError
from lumbar.web import WebSettings, create_app, settings_from_env
from lumbar.web.hosts import host_name, is_allowed

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

LOOPBACK = ("localhost", "127.0.0.1", "::1")


@pytest.fixture(scope="module")
def default_app(ask_home: Path) -> FastAPI:
    """An app with the default allowed hosts (the TestClient's name is not among them)."""
    return create_app(make_settings(ask_home, allowed_hosts=None))


@pytest.fixture(scope="module")
def default_client(default_app: FastAPI) -> Iterator[TestClient]:
    with client_class()(default_app) as client:
        yield client


@pytest.mark.parametrize(
    ("bound", "allowed"),
    [
        ("127.0.0.1", LOOPBACK),
        ("0.0.0.0", LOOPBACK),
        ("::", LOOPBACK),
        ("192.168.1.20", (*LOOPBACK, "192.168.1.20")),
        ("Clinic-PC.local", (*LOOPBACK, "clinic-pc.local")),
    ],
)
def test_by_default_the_loopback_names_and_a_named_bound_host_are_allowed(
    bound: str, allowed: tuple[str, ...]
) -> None:
    assert settings_from_env(host=bound, environ={}).hosts_allowed() == allowed


def test_the_allowed_hosts_are_read_from_the_environment() -> None:
    env = {"LUMBAR_ALLOWED_HOSTS": " Clinic.Local, 192.168.1.20 ,[fe80::1],*.clinic.example, "}
    settings = settings_from_env(host="0.0.0.0", environ=env)
    assert settings.hosts_allowed() == ("clinic.local", "192.168.1.20", "fe80::1", "*.clinic.example")


def test_a_name_with_a_port_is_refused() -> None:
    with pytest.raises(
        SettingsError, match=r"LUMBAR_ALLOWED_HOSTS lists 'clinic\.local:8000'; .* without a port"
    ):
        settings_from_env(environ={"LUMBAR_ALLOWED_HOSTS": "clinic.local:8000"})


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("Clinic.Local:8000", "clinic.local"),
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]:8000", "::1"),
        ("[::1]", "::1"),
        ("example.org.", "example.org"),
        ("[::1", None),
        ("a:b", None),
        ("", None),
    ],
)
def test_the_name_in_a_host_header(header: str, name: str | None) -> None:
    assert host_name(header) == name


def test_wildcard_patterns() -> None:
    assert is_allowed("a.clinic.example", ["*.clinic.example"])
    assert not is_allowed("clinic.example", ["*.clinic.example"])
    assert not is_allowed("evilclinic.example", ["*.clinic.example"])
    assert is_allowed("anything", ["*"])


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"])
def test_a_request_for_a_loopback_name_is_answered(default_client: TestClient, host: str) -> None:
    assert default_client.get("/api/health", headers={"host": host}).status_code == 200


def test_a_request_for_another_host_is_a_400_in_the_one_shape(default_client: TestClient) -> None:
    # DNS rebinding: the browser reaches this server's address, but under the attacker's name.
    reply = default_client.post(
        "/api/assess", json={"text": "back pain"}, headers={"host": "rebind.attacker.example"}
    )
    assert reply.status_code == 400
    error = reply.json()["error"]
    assert error["code"] == "host_not_allowed"
    assert "rebind.attacker.example" in error["message"] and "LUMBAR_ALLOWED_HOSTS" in error["message"]
    assert reply.headers["x-frame-options"] == "DENY"


def test_a_page_for_another_host_is_a_400_page(default_client: TestClient) -> None:
    reply = default_client.get("/", headers={"host": "rebind.attacker.example"})
    assert reply.status_code == 400
    assert reply.headers["content-type"].startswith("text/html") and "LUMBAR_ALLOWED_HOSTS" in reply.text


def test_a_request_without_a_host_header_is_refused(default_app: FastAPI) -> None:
    reply = run_async(asgi_call(default_app, "GET", "/api/health", host=None))
    assert reply.status == 400 and "no Host header" in json.loads(reply.body)["error"]["message"]


def test_a_listed_name_is_answered(ask_home: Path) -> None:
    app = create_app(WebSettings(allowed_hosts=("clinic.local",), secret="s" * 32))
    with client_class()(app, base_url="http://clinic.local:8000") as client:
        assert client.get("/api/health").status_code == 200
        assert client.get("/api/health", headers={"host": "localhost"}).status_code == 400
