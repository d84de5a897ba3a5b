"""Settings of the web app: where it listens, the signing secret and the knowledge it serves.

Read from the environment only when asked (never at import time), so tests pass their own.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lumbar.ask.settings import AskSettings
    from lumbar.knowledge.loader import KnowledgeBase

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
#: an interview token older than this (seconds) is refused as stale
TOKEN_MAX_AGE = 24 * 60 * 60
SECRET_ENV = "LUMBAR_SECRET"


@dataclass(frozen=True)
class WebSettings:
    """Everything the app needs from outside.

    ``secret`` signs the interview tokens; ``None`` means one is made for this process (tokens
    then stop working when the server restarts). ``knowledge`` and ``ask`` default to the packaged
    knowledge base and ``lumbar ask``'s usual library. ``today`` fixes the clock of care plans.
    """

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    secret: str | None = None
    knowledge: KnowledgeBase | None = None
    ask: AskSettings | None = None
    token_max_age: int = TOKEN_MAX_AGE
    today: Callable[[], date] = field(default=date.today)

    def with_secret(self) -> WebSettings:
        """These settings with a secret: the given one, else a new random one for this process."""
        if self.secret:
            return self
        return replace(self, secret=secrets.token_urlsafe(32))


def settings_from_env(
    host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, environ: Mapping[str, str] | None = None
) -> WebSettings:
    """Settings with the secret from ``$LUMBAR_SECRET`` (if set) and the ask library from the environment."""
    from lumbar.ask.settings import settings_from_env as ask_settings_from_env

    env = os.environ if environ is None else environ
    secret = env.get(SECRET_ENV, "").strip() or None
    return WebSettings(host=host, port=port, secret=secret, ask=ask_settings_from_env(env))
