"""Settings of the web app: where it listens, the signing secret and the knowledge it serves.

Read from the environment only when asked (never at import time), so tests pass their own.
A value that cannot be used is refused when the settings are made (``SettingsError``, naming the
environment variable and the fix), so ``lumbar serve`` stops at start-up rather than at the first
request.
"""

from __future__ import annotations

import math
import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from lumbar.errors import SettingsError

if TYPE_CHECKING:
    from lumbar.ask.settings import AskSettings
    from lumbar.knowledge.loader import KnowledgeBase

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: an interview token older than this (seconds) is refused as stale
TOKEN_MAX_AGE = 24 * 60 * 60
SECRET_ENV = "LUMBAR_SECRET"
ALLOWED_HOSTS_ENV = "LUMBAR_ALLOWED_HOSTS"
#: the names of this computer that are always answered when no allowed hosts are given
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
#: listening addresses that mean "every address", so they name no host
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")
#: a secret shorter than this (in UTF-8 bytes) is too easy to guess to sign and encrypt with
MIN_SECRET_BYTES = 32
#: the largest request body accepted (64 KB: a long description and an interview token fit)
MAX_BODY_BYTES = 64 * 1024
#: requests a minute each client address may make, on average, and how many it may make at once
RATE_PER_MINUTE = 120
RATE_BURST = 40
#: worker threads for engine calls, calls that may wait for one, and calls one client may have going
ENGINE_WORKERS = 4
ENGINE_QUEUE = 16
CLIENT_CONCURRENCY = 4
#: seconds an engine call may take before the request is answered 503 (a cold start takes ~2 s)
TIME_BUDGET = 15.0
#: seconds a client refused for a busy server or a spent time budget is told to wait
RETRY_AFTER = 5


def host_list(text: str) -> tuple[str, ...]:
    """Host names from a comma-separated list, lower case, without IPv6 brackets or a final dot."""
    return tuple(name.strip().lower().strip("[]").rstrip(".") for name in text.split(",") if name.strip())


def finite_number(text: str) -> float:
    """A number from text; ValueError for anything else, "nan" and "inf" included."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is not a finite number")
    return value


#: the environment variable of each setting settings_from_env reads, and how its text is read
ENV_OF: dict[str, tuple[str, Callable[[str], object]]] = {
    "allowed_hosts": (ALLOWED_HOSTS_ENV, host_list),
    "max_body_bytes": ("LUMBAR_MAX_BODY_BYTES", int),
    "rate_per_minute": ("LUMBAR_RATE_PER_MINUTE", finite_number),
    "rate_burst": ("LUMBAR_RATE_BURST", int),
    "engine_workers": ("LUMBAR_ENGINE_WORKERS", int),
    "engine_queue": ("LUMBAR_ENGINE_QUEUE", int),
    "client_concurrency": ("LUMBAR_CLIENT_CONCURRENCY", int),
    "time_budget": ("LUMBAR_TIME_BUDGET", finite_number),
    "retry_after": ("LUMBAR_RETRY_AFTER", int),
}


#: the least value of each numeric setting
MINIMUM_OF: dict[str, float] = {
    "max_body_bytes": 1024,
    "rate_per_minute": 0,
    "rate_burst": 1,
    "engine_workers": 1,
    "engine_queue": 0,
    "client_concurrency": 1,
    "time_budget": 0.05,
    "retry_after": 1,
}
_WHAT_PARSER_READS: dict[object, str] = {int: "a whole number", finite_number: "a number"}


@dataclass(frozen=True)
class WebSettings:
    """Everything the app needs from outside.

    ``secret`` (``$LUMBAR_SECRET``) signs and encrypts the interview tokens and the form tokens;
    when set it must be at least 32 bytes. ``None`` means one is made for this process (tokens then
    stop working when the server restarts). ``knowledge`` and ``ask`` default to the packaged
    knowledge base and ``lumbar ask``'s usual library. ``today`` fixes the clock of care plans.

    Limits that make the server safe to open to a clinic network:

    ``allowed_hosts`` (``$LUMBAR_ALLOWED_HOSTS``, comma-separated; default ``None``: the loopback
    names localhost, 127.0.0.1 and ::1, plus ``host`` when it is not a wildcard such as 0.0.0.0):
    the names a request's Host header may give; any other is refused with 400 (DNS rebinding).
    ``*.example.org`` allows every name under example.org, ``*`` allows any name.

    ``max_body_bytes`` (``$LUMBAR_MAX_BODY_BYTES``, default 65536 = 64 KB, at least 1024): the
    largest request body (JSON or form); a larger one is refused with 413 before it is read.

    ``rate_per_minute`` (``$LUMBAR_RATE_PER_MINUTE``, default 120; 0 turns the limit off) and
    ``rate_burst`` (``$LUMBAR_RATE_BURST``, default 40): each client address may make ``rate_burst``
    requests at once and ``rate_per_minute`` a minute on average (a token bucket); more are refused
    with 429 and ``Retry-After``. The health check and the style sheet are not counted.

    Engine calls (assess, interview, plan, ask) run off the event loop in ``engine_workers``
    (``$LUMBAR_ENGINE_WORKERS``, default 4) threads; at most ``engine_queue``
    (``$LUMBAR_ENGINE_QUEUE``, default 16) more may wait for one, and one client address may have
    at most ``client_concurrency`` (``$LUMBAR_CLIENT_CONCURRENCY``, default 4) going; over either cap
    a call is refused at once with 429. A call taking longer than ``time_budget``
    (``$LUMBAR_TIME_BUDGET``, seconds, default 15) is answered 503. Both refusals say to retry after
    ``retry_after`` (``$LUMBAR_RETRY_AFTER``, seconds, default 5).
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    secret: str | None = None
    knowledge: KnowledgeBase | None = None
    ask: AskSettings | None = None
    token_max_age: int = TOKEN_MAX_AGE
    today: Callable[[], date] = field(default=date.today)
    allowed_hosts: tuple[str, ...] | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    rate_per_minute: float = RATE_PER_MINUTE
    rate_burst: int = RATE_BURST
    engine_workers: int = ENGINE_WORKERS
    engine_queue: int = ENGINE_QUEUE
    client_concurrency: int = CLIENT_CONCURRENCY
    time_budget: float = TIME_BUDGET
    retry_after: int = RETRY_AFTER

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise SettingsError("; ".join(problems))

    def problems(self) -> list[str]:
        """Every value of these settings that cannot be used, each with its fix (empty when all are fine)."""
        problems = []
        secret_bytes = len(self.secret.encode("utf-8")) if self.secret is not None else MIN_SECRET_BYTES
        if secret_bytes < MIN_SECRET_BYTES:
            problems.append(
                f"{SECRET_ENV} is {secret_bytes} bytes long; when set it must be at least "
                f"{MIN_SECRET_BYTES} bytes. Make one with "
                "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`, or unset it to get a new "
                "random secret at each start (interview tokens then stop working after a restart)"
            )
        for name in self.allowed_hosts or ():
            if name.count(":") == 1 or not name:
                problems.append(f"{ALLOWED_HOSTS_ENV} lists '{name}'; give host names without a port")
        for name, least in MINIMUM_OF.items():
            value = getattr(self, name)
            if value < least:
                problems.append(f"{ENV_OF[name][0]} is {value}; it must be at least {least:g}")
        return problems

    def hosts_allowed(self) -> tuple[str, ...]:
        """The host names answered: ``allowed_hosts``, else the loopback names and the bound host."""
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        bound = self.host.strip("[]").lower()
        if bound in WILDCARD_ADDRESSES or bound in LOOPBACK_NAMES:
            return LOOPBACK_NAMES
        return (*LOOPBACK_NAMES, bound)

    def with_secret(self) -> WebSettings:
        """These settings with a secret: the given one, else a new random one for this process."""
        if self.secret:
            return self
        return replace(self, secret=secrets.token_urlsafe(32))


def settings_from_env(
    host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, environ: Mapping[str, str] | None = None
) -> WebSettings:
    """Settings with the secret from ``$LUMBAR_SECRET`` (if set) and the ask library from the environment.

    Raises SettingsError naming every variable that cannot be used.
    """
    from lumbar.ask.settings import settings_from_env as ask_settings_from_env

    env = os.environ if environ is None else environ
    secret = env.get(SECRET_ENV, "").strip() or None
    values: dict[str, Any] = {}
    problems = []
    for name, (variable, read) in ENV_OF.items():
        text = env.get(variable, "").strip()
        if not text:
            continue
        try:
            values[name] = read(text)
        except ValueError:
            what = _WHAT_PARSER_READS.get(read, "a valid value")
            problems.append(f"{variable} must be {what}; it is '{text[:40]}'")
    try:
        settings = WebSettings(host=host, port=port, secret=secret, ask=ask_settings_from_env(env), **values)
    except SettingsError as exc:
        problems.append(str(exc))
    if problems:
        raise SettingsError("; ".join(problems))
    return settings
