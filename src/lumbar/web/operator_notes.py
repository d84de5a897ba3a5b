"""What the people who run lumbar need to know about its limits and protections, for the OpenAPI
description and the /docs page: each limit with its setting, its default and this server's value.

Made from the settings themselves, so the numbers shown cannot drift from the ones enforced.
"""

from __future__ import annotations

from dataclasses import dataclass

from lumbar.settings import MIN_SECRET_BYTES
from lumbar.web.middleware import SECURITY_HEADERS
from lumbar.web.settings import ENV_OF, LOOPBACK_NAMES, SECRET_ENV, WebSettings

#: each limit's settings field and what it does, in the order the notes list them
LIMIT_MEANINGS: dict[str, str] = {
    "max_body_bytes": "the largest request body (JSON or form), in bytes; a larger one is refused with 413 "
    "before it is read (by Content-Length at once, or as a chunked body streams in)",
    "allowed_hosts": "the names the Host header may give; any other is refused with 400 (this stops DNS "
    "rebinding). `*.example.org` allows every name under it",
    "rate_per_minute": "requests a minute, on average, from one client address (a token bucket); more are "
    "refused with 429 and Retry-After; 0 turns the limit off. /api/health and /static are not counted",
    "rate_burst": "requests one client address may make at once before the rate applies",
    "engine_workers": "worker threads for engine calls (assess, interview, plan, ask), which never run on "
    "the event loop, so /api/health and other requests answer while they work",
    "engine_queue": "engine calls that may wait for a worker; past workers + queue a call is refused at once "
    "with 429 and Retry-After",
    "client_concurrency": "engine calls one client address may have going at once; more are refused with 429",
    "time_budget": "seconds an engine call may take; past it the request is answered 503 with Retry-After "
    "(the work finishes in the background, holding its worker until then)",
    "retry_after": "seconds a client refused because the engines are busy or the time budget ran out is "
    "told to wait (Retry-After)",
}
DEFAULT_HOSTS = f"{', '.join(LOOPBACK_NAMES)}, and the `lumbar serve --host` name unless it is a wildcard"


@dataclass(frozen=True)
class LimitNote:
    """One limit as the notes list it."""

    variable: str
    default: str
    current: str
    meaning: str


def limit_notes(settings: WebSettings) -> list[LimitNote]:
    """Every limit with its environment variable, its default and its value in ``settings``."""
    defaults = WebSettings()
    notes = []
    for name, meaning in LIMIT_MEANINGS.items():
        if name == "allowed_hosts":
            default, current = DEFAULT_HOSTS, ", ".join(settings.hosts_allowed())
        else:
            default, current = _number(getattr(defaults, name)), _number(getattr(settings, name))
        notes.append(LimitNote(ENV_OF[name], default, current, meaning))
    return notes


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def api_description(settings: WebSettings) -> str:
    """The part of the OpenAPI description for operators: every limit, the CSRF rules, the headers."""
    rows = "\n".join(
        f"| `{n.variable}` | {n.default} | {n.current} | {n.meaning} |" for n in limit_notes(settings)
    )
    headers = ", ".join(f"`{name}: {value}`" for name, value in SECURITY_HEADERS.items())
    return f"""

## Limits and protections

Each limit is a setting, read from the environment by `lumbar serve`:

| setting | default | this server | what it does |
| --- | --- | --- | --- |
{rows}

**Secret.** `{SECRET_ENV}` encrypts and signs the interview tokens (Fernet, with a key derived by \
HKDF-SHA256) and signs the form tokens. When set it must be at least {MIN_SECRET_BYTES} bytes, or \
`lumbar serve` stops with an error. Unset, a random secret is made for each process, and tokens stop \
working when the server restarts.

**Cross-site requests.** POST, PUT, PATCH and DELETE, on any route, are refused with 403 when the \
`Origin` header, or without one the `Referer`, names another site than the request's `Host`. Scripts \
that send neither header (curl, Python) call the JSON API as before. The HTML forms also carry a token \
bound to a cookie (`lumbar_csrf`, HttpOnly, SameSite=Strict).

**Bodies.** A JSON body that gives a key twice is refused with 422, naming the key.

**Headers.** Every response carries {headers}; API answers and form pages also `Cache-Control: no-store`. \
HEAD is answered wherever GET is.
"""
