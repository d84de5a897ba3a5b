"""Settings of the web app: where it listens, the signing secret, its limits and the knowledge it serves.

Each value read from the environment is a field of ``lumbar.settings.Settings`` (its type, default,
least value and description live there, once). A value that cannot be used is refused when the
settings are made (``SettingsError``, naming the environment variable and the fix), so
``lumbar serve`` stops at start-up rather than at the first request.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from lumbar.ask.settings import AskSettings, ask_settings
from lumbar.settings import Settings, read_settings, variable_of
from lumbar.store.database import database_url

if TYPE_CHECKING:
    from lumbar.knowledge.loader import KnowledgeBase

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: an interview token older than this (seconds) is refused as stale
TOKEN_MAX_AGE = 24 * 60 * 60
SECRET_ENV = variable_of("secret")
ALLOWED_HOSTS_ENV = variable_of("allowed_hosts")
#: the names of this computer that are always answered when no allowed hosts are given
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
#: listening addresses that mean "every address", so they name no host
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")
#: log-in (and sign-up) attempts allowed at once, per client address and per username, and a minute after
LOGIN_BURST = 10
LOGIN_PER_MINUTE = 5.0
#: the limits the web app reads from the environment (fields of lumbar.settings.Settings)
LIMITS = (
    "allowed_hosts",
    "max_body_bytes",
    "rate_per_minute",
    "rate_burst",
    "engine_workers",
    "engine_queue",
    "client_concurrency",
    "time_budget",
    "retry_after",
)
#: the environment variable of each limit
ENV_OF: dict[str, str] = {name: variable_of(name) for name in LIMITS}


def _default(name: str) -> Any:
    return Settings.model_fields[name].default


@dataclass(frozen=True)
class WebSettings:
    """Everything the app needs from outside.

    ``secret`` and the limits (``allowed_hosts``, ``max_body_bytes``, ``rate_per_minute``,
    ``rate_burst``, ``engine_workers``, ``engine_queue``, ``client_concurrency``, ``time_budget``,
    ``retry_after``) and ``emergency_number`` are the fields of ``lumbar.settings.Settings`` of the same name, documented
    there and in docs/settings.md; they are checked against its bounds when made. ``secret`` ``None``
    means one is made for this process. ``knowledge`` and ``ask`` default to the packaged knowledge
    base and ``lumbar ask``'s usual library. ``login_burst`` and ``login_per_minute`` throttle log-ins (see
    ``lumbar.web.accounts.throttle``). ``today`` fixes the clock of care plans. ``database_url`` is lumbar's
    database (see ``lumbar.store``), holding the interviews' saved states; ``None`` keeps it in this
    process's memory.
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    secret: str | None = None
    knowledge: KnowledgeBase | None = None
    ask: AskSettings | None = None
    token_max_age: int = TOKEN_MAX_AGE
    today: Callable[[], date] = field(default=date.today)
    database_url: str | None = None
    allowed_hosts: tuple[str, ...] | None = None
    max_body_bytes: int = _default("max_body_bytes")
    rate_per_minute: float = _default("rate_per_minute")
    rate_burst: int = _default("rate_burst")
    engine_workers: int = _default("engine_workers")
    engine_queue: int = _default("engine_queue")
    client_concurrency: int = _default("client_concurrency")
    time_budget: float = _default("time_budget")
    retry_after: int = _default("retry_after")
    emergency_number: str = _default("emergency_number")
    login_burst: int = LOGIN_BURST
    login_per_minute: float = LOGIN_PER_MINUTE

    def __post_init__(self) -> None:
        # the bounds are the settings table's: a value it would refuse from the environment is refused here
        limits = {name: getattr(self, name) for name in LIMITS}
        read_settings(environ={}, secret=self.secret, emergency_number=self.emergency_number, **limits)

    def now(self) -> datetime:
        """The current moment on the settings' clock: the day from ``today``, the time of day (UTC) from
        the system clock, so that what is saved is dated as the pages date it."""
        return datetime.combine(self.today(), datetime.now(UTC).time(), tzinfo=UTC)

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
    """The web settings read from ``environ`` (default: the process environment), see lumbar.settings.

    Raises SettingsError naming every variable that cannot be used.
    """
    table = read_settings(environ)
    limits = {name: getattr(table, name) for name in LIMITS}
    return WebSettings(
        host=host,
        port=port,
        secret=table.secret,
        ask=ask_settings(table),
        emergency_number=table.emergency_number,
        database_url=database_url(table),
        **limits,
    )
