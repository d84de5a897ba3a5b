"""The request-body limit: a body larger than the setting is refused (413) before it is read.

A body that says its size (``Content-Length``) is judged by that alone, before a byte of it is
read. A body that does not (chunked) is counted as it streams in, and refused as soon as the count
passes the limit, so a 200 MB body costs at most the limit and one chunk of memory. Starlette's own
``max_body_size`` is not used: it is new (it would raise the minimum Starlette), answers in plain
text, and checks ``Content-Length`` only once the app starts reading.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from lumbar.web.errors import Refusal, send_refusal


class BodyTooLarge(Refusal):
    """A request body over the limit (413)."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(
            413,
            "too_large",
            f"the request is larger than {max_bytes} bytes, the most this server accepts. "
            "Please send a shorter text.",
        )


class BodyLimit:
    """ASGI middleware refusing a request body of more than ``max_bytes`` (413, the one error shape)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            if not (declared.isascii() and declared.isdigit()):
                refusal = Refusal(400, "bad_request", "the Content-Length header is not a whole number.")
                await send_refusal(refusal, scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                await send_refusal(BodyTooLarge(self.max_bytes), scope, receive, send)
                return

        received = 0
        response_started = False

        async def receive_within_limit() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def send_noting_start(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive_within_limit, send_noting_start)
        except BodyTooLarge as refusal:
            # Usually the app's error handlers answer it; this covers a body read outside a route.
            if response_started:
                raise
            await send_refusal(refusal, scope, receive, send)
