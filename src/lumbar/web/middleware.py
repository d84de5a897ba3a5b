"""Headers on every response (no outside scripts or framing, no referrer to other sites, no caching
of API answers or interview pages), and HEAD answered wherever GET is."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: no scripts, styles or images from anywhere but this server; no framing; no referrer to other
#: sites. "same-origin", not "no-referrer": under "no-referrer" browsers send "Origin: null" with
#: the page's own form posts, and the Origin check (lumbar.web.csrf) would refuse them.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


#: addresses whose answers hold what the person typed (the API, and each interview step by its key)
PRIVATE_PATHS = ("/api/", "/interview/")


class SecurityHeaders:
    """A plain ASGI middleware adding :data:`SECURITY_HEADERS` (and ``no-store`` for the API and forms)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # answers and interview pages hold what the person typed: keep them out of caches
        private = scope["path"].startswith(PRIVATE_PATHS) or scope["method"] == "POST"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if private:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """A plain ASGI middleware answering HEAD wherever GET is answered.

    FastAPI routes answer only the methods they name, so ``HEAD /`` was a 405. The request goes on
    as GET and the answer's body is dropped; its headers, ``Content-Length`` included, are kept.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        # A copy: the server keeps its own scope, in which the method is still HEAD.
        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
