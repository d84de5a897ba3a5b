"""Who is signed in: a session cookie sealed by the server, with an expiry.

The cookie holds the person's id and a fingerprint of their password hash, encrypted and signed with
Fernet under a key derived from the server's secret for this one purpose (HKDF-SHA256, as the
interview tokens in ``lumbar.web.signed_state``), and the time it was made: one older than
``max_age`` is refused. It is HttpOnly, SameSite=Lax and Secure when the page came over https.

Chosen over a server-side session table (which would need a new table shared with other parts of
lumbar, and a write on every log-in) and over Starlette's ``SessionMiddleware`` (signed but readable,
a fixed Secure flag, and no tie to the password): the fingerprint makes a changed password, a deleted
account or an id given again to a new person end every old session, with nothing kept on the server.
Log-out deletes the cookie in the browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from fastapi import Request, Response

from lumbar.store import PersonRecord

COOKIE_NAME = "lumbar_session"
KEY_PURPOSE = b"lumbar.session-cookie.v1"
#: a session lasts this long after log-in (seconds)
SESSION_MAX_AGE = 14 * 24 * 60 * 60
#: longer cookies than this are not even opened
MAX_COOKIE_CHARS = 500


@dataclass(frozen=True)
class SessionClaim:
    """What a session cookie says: the person's id and the fingerprint of their password hash."""

    person_id: int
    fingerprint: str


def fingerprint(person: PersonRecord) -> str:
    """A short digest of the person's password hash (and id), which changes when either does."""
    digest = hashlib.sha256(f"{person.id}:{person.password_hash}".encode()).digest()
    return base64.urlsafe_b64encode(digest[:12]).decode("ascii")


class SessionCookies:
    """Seals a person's session into a cookie value and opens it again, refusing changed or stale ones."""

    def __init__(self, secret: str, max_age: int = SESSION_MAX_AGE, clock: Callable[[], float] = time.time):
        if not secret:
            raise ValueError("session cookies need a non-empty secret")
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=KEY_PURPOSE)
        self._fernet = Fernet(base64.urlsafe_b64encode(hkdf.derive(secret.encode("utf-8"))))
        self.max_age = max_age
        self._clock = clock

    def seal(self, person: PersonRecord) -> str:
        """The cookie value of a session for ``person``."""
        payload = json.dumps({"p": person.id, "f": fingerprint(person)}, separators=(",", ":"))
        return self._fernet.encrypt_at_time(payload.encode("utf-8"), int(self._clock())).decode("ascii")

    def open(self, value: str | None) -> SessionClaim | None:
        """What the cookie ``value`` claims; None when there is none, or it is changed, stale or malformed."""
        if not value or len(value) > MAX_COOKIE_CHARS:
            return None
        try:
            payload = json.loads(
                self._fernet.decrypt_at_time(value.encode("ascii"), self.max_age, int(self._clock()))
            )
            return SessionClaim(person_id=int(payload["p"]), fingerprint=str(payload["f"]))
        except (InvalidToken, ValueError, KeyError, TypeError, UnicodeError):
            return None

    def start(self, request: Request, response: Response, person: PersonRecord) -> None:
        """Set the session cookie of ``person`` on ``response``."""
        response.set_cookie(
            COOKIE_NAME,
            self.seal(person),
            max_age=self.max_age,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )

    @staticmethod
    def end(request: Request, response: Response) -> None:
        """Delete the session cookie in the browser."""
        response.delete_cookie(
            COOKIE_NAME, httponly=True, samesite="lax", secure=request.url.scheme == "https"
        )
