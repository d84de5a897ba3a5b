"""Allowed hosts: a request whose ``Host`` header names another server is refused (400).

This defends against DNS rebinding: a page on another site that gets its own name pointed at this
server's address can make the browser call lumbar, but the browser still sends that site's name as
``Host``, which is not on the list. Written here rather than using Starlette's
TrustedHostMiddleware, which answers in plain text, not in the one error shape.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from lumbar.web.errors import Refusal, send_refusal
from lumbar.web.settings import ALLOWED_HOSTS_ENV

#: how much of a refused name the message repeats
SHOWN_CHARS = 80


def host_name(header: str) -> str | None:
    """The name in a ``Host`` header, lower case and without its port, or None when it is not one.

    ``Clinic.local:8000`` -> ``clinic.local``; ``[::1]:8000`` -> ``::1``.
    """
    value = header.strip().lower()
    if value.startswith("["):
        name, bracket, port = value[1:].partition("]")
        if not bracket or (port and not (port.startswith(":") and port[1:].isdigit())):
            return None
        return name or None
    name, _, port = value.partition(":")
    if port and not port.isdigit():
        return None
    return name.rstrip(".") or None


def is_allowed(name: str, patterns: Iterable[str]) -> bool:
    """True when ``name`` is one of ``patterns``: an exact name, ``*.domain`` (any name under it) or ``*``."""
    for pattern in patterns:
        if pattern in ("*", name) or (pattern.startswith("*.") and name.endswith(pattern[1:])):
            return True
    return False


class AllowedHosts:
    """ASGI middleware refusing (400, the one error shape) a request for a host not in ``hosts``."""

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = Headers(scope=scope).get("host")
        name = host_name(header) if header is not None else None
        if name is not None and is_allowed(name, self.hosts):
            await self.app(scope, receive, send)
            return
        if header is None:
            message = "the request has no Host header, so this server cannot tell which site it is for."
        else:
            message = (
                f"this server does not answer to the name '{header[:SHOWN_CHARS]}'. Use the address "
                f"you were given; whoever runs lumbar can add the name to {ALLOWED_HOSTS_ENV}."
            )
        await send_refusal(Refusal(400, "host_not_allowed", message), scope, receive, send)
