"""Cross-site request forgery: an Origin check on every unsafe request, and a token in every form.

**Origin check.** POST, PUT, PATCH and DELETE, on any route, are refused (403) when the ``Origin``
header, or without one the ``Referer``, names another site than the request's own ``Host``.
Browsers send ``Origin`` with every POST from a page, so another site cannot post to lumbar through
a person's browser. Scripts (curl, Python) send neither header, so JSON API calls from them work.

**Form tokens (signed double submit).** Each browser gets a random cookie (HttpOnly,
SameSite=Strict) and every form that posts carries ``HMAC(secret, cookie)`` in a hidden field.
Another site can neither read lumbar's pages nor set its cookie, so it cannot send a matching pair;
a cookie planted some other way is useless without the secret. Chosen over a plain double submit
(field == cookie) because the field proves the pair was made by this server, and over
server-side sessions because a form token needs nothing kept about the browser.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from lumbar.web.errors import Refusal, send_refusal

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
COOKIE_NAME = "lumbar_csrf"
FIELD_NAME = "csrf_token"
#: what a cookie made by :func:`new_cookie` looks like (anything else is replaced)
_COOKIE_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")
_PURPOSE = b"lumbar.form-token.v1:"
#: ports a browser leaves out of Origin (http and https): "x" and "x:443" are the same place
_DEFAULT_PORTS = (None, 80, 443)
SHOWN_CHARS = 80


def _authority(host: str | None, port: int | None) -> str | None:
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host if port in _DEFAULT_PORTS else f"{host}:{port}"


def origin_authority(url: str) -> str | None:
    """``host[:port]`` of an Origin or Referer value (None for ``null`` or anything not http(s))."""
    try:
        parts = urlsplit(url.strip())
        return _authority(parts.hostname, parts.port) if parts.scheme in ("http", "https") else None
    except ValueError:
        return None


def host_authority(header: str) -> str | None:
    """``host[:port]`` of a Host header, in the same form as :func:`origin_authority`."""
    try:
        parts = urlsplit(f"//{header.strip()}")
        return _authority(parts.hostname, parts.port)
    except ValueError:
        return None


class OriginCheck:
    """ASGI middleware refusing (403) an unsafe request whose Origin (else Referer) is another site."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        which, claimed = "Origin", headers.get("origin")
        if claimed is None:
            which, claimed = "Referer", headers.get("referer")
        own = host_authority(headers.get("host", ""))
        if claimed is None or (own is not None and origin_authority(claimed) == own):
            await self.app(scope, receive, send)
            return
        message = (
            f"this request came from another site (its {which} header says '{claimed[:SHOWN_CHARS]}'), "
            "so it was refused. Please use lumbar's own pages. A script calling the API should send no "
            f"{which} header, or one naming this server."
        )
        await send_refusal(Refusal(403, "cross_origin", message), scope, receive, send)


class FormTokens:
    """The form token bound to a browser's cookie: ``HMAC-SHA256(secret, cookie)``."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("form tokens need a non-empty secret")
        self._key = secret.encode("utf-8")

    def token_for(self, cookie: str) -> str:
        """The token a form must carry for ``cookie``."""
        return hmac.new(self._key, _PURPOSE + cookie.encode("utf-8"), hashlib.sha256).hexdigest()

    def is_valid(self, cookie: str | None, token: str | None) -> bool:
        """True when ``token`` was made by this server for ``cookie``."""
        if not cookie or not token or not _COOKIE_SHAPE.fullmatch(cookie):
            return False
        return hmac.compare_digest(self.token_for(cookie), token)


def new_cookie() -> str:
    """A new random cookie value (32 bytes)."""
    return secrets.token_urlsafe(32)


def form_page(request: Request, templates: Jinja2Templates, name: str, context: dict[str, Any]) -> Response:
    """The page ``name`` with ``csrf_token`` for its forms, setting the browser's cookie if it has none."""
    tokens: FormTokens = request.app.state.form_tokens
    cookie = request.cookies.get(COOKIE_NAME, "")
    is_new = not _COOKIE_SHAPE.fullmatch(cookie)
    if is_new:
        cookie = new_cookie()
    response = templates.TemplateResponse(request, name, {**context, "csrf_token": tokens.token_for(cookie)})
    if is_new:
        response.set_cookie(
            COOKIE_NAME, cookie, httponly=True, samesite="strict", secure=request.url.scheme == "https"
        )
    return response


async def require_form_token(request: Request) -> None:
    """A dependency refusing (403) a posted form without the token for the browser's cookie."""
    tokens: FormTokens = request.app.state.form_tokens
    form = await request.form()  # already parsed (and kept) by FastAPI for the route's fields
    token = form.get(FIELD_NAME)
    if not tokens.is_valid(request.cookies.get(COOKIE_NAME), token if isinstance(token, str) else None):
        raise Refusal(
            403,
            "bad_form_token",
            "this form has expired or did not come from lumbar's own page, so it was not used. Please "
            "start again from the first page. (lumbar's forms need cookies to be allowed for this site.)",
        )
