"""The per-client rate limit: a token bucket per client address; over it, 429 with ``Retry-After``.

Each client address has a bucket of ``burst`` tokens, refilled at ``per_minute`` tokens a minute;
each request takes one, and a request that finds the bucket empty is refused, told how many seconds
until a token is back. Kept in this process, in a few lines, rather than a library: lumbar runs as
one process on one machine and needs no shared store (with ``--workers N`` each worker counts on
its own). The address is the one the server sees; behind a reverse proxy on the same machine,
uvicorn's forwarded-header handling (on for 127.0.0.1 by default) makes it the person's.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

from lumbar.plain_words import count
from lumbar.web.errors import Refusal, send_refusal

#: buckets kept at most; past this the longest-idle client is forgotten (it starts full again)
MAX_CLIENTS = 10_000
#: requests never counted: the health check and the style sheet
EXEMPT_PREFIXES = ("/static/", "/api/health")


def client_address(scope: Scope) -> str:
    """The address of the client of a request, as the server saw it."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class TokenBuckets:
    """One token bucket per client: ``burst`` requests at once, refilled at ``per_minute`` a minute.

    Used only from the event loop (no ``await`` inside), so it needs no lock.
    """

    def __init__(
        self,
        per_minute: float,
        burst: int,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = MAX_CLIENTS,
    ) -> None:
        self.burst = burst
        self.max_clients = max_clients
        self._per_second = per_minute / 60
        self._clock = clock
        #: client -> (tokens left, when counted); the most recently seen client last
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, client: str) -> float:
        """Take a token for ``client``: 0 when there was one, else the seconds until there will be."""
        now = self._clock()
        tokens, then = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - then) * self._per_second)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self._per_second
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            del self._buckets[next(iter(self._buckets))]
        return wait


class RateLimit:
    """ASGI middleware refusing (429, ``Retry-After``) a client that is over its rate."""

    def __init__(self, app: ASGIApp, buckets: TokenBuckets) -> None:
        self.app = app
        self.buckets = buckets

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(EXEMPT_PREFIXES):
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(client_address(scope))
        if not wait:
            await self.app(scope, receive, send)
            return
        seconds = max(1, math.ceil(wait))
        refusal = Refusal(
            429,
            "rate_limited",
            f"there were many requests from your computer in a short time. Please wait {count(seconds, 'second')} "
            "and try again.",
            headers={"Retry-After": str(seconds)},
        )
        await send_refusal(refusal, scope, receive, send)
