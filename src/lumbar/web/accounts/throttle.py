"""Log-in throttling: a few attempts at once, then a slow refill, per client address and per username.

Built on the web's own token buckets (``lumbar.web.rate_limit``): guessing a password from one place,
or one person's password from many places, is slowed to a few tries a minute. Over the limit is a 429
with ``Retry-After``, and the password is not even checked.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from lumbar.plain_words import count
from lumbar.web.accounts.people import normal_username
from lumbar.web.errors import Refusal
from lumbar.web.rate_limit import TokenBuckets
from lumbar.web.settings import LOGIN_BURST, LOGIN_PER_MINUTE


class LoginThrottle:
    """Counts log-in (and sign-up) attempts per client address and per username."""

    def __init__(
        self,
        burst: int = LOGIN_BURST,
        per_minute: float = LOGIN_PER_MINUTE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clients = TokenBuckets(per_minute, burst, clock)
        self._usernames = TokenBuckets(per_minute, burst, clock)

    def attempt(self, client: str, username: str) -> None:
        """Count one attempt; raises Refusal (429) when the client or the username is over its limit."""
        wait = max(self._clients.take(client), self._usernames.take(normal_username(username)))
        if wait:
            seconds = max(1, math.ceil(wait))
            raise Refusal(
                429,
                "too_many_log_ins",
                f"there were many tries to log in in a short time. Please wait {count(seconds, 'second')} "
                "and try again.",
                headers={"Retry-After": str(seconds)},
            )
