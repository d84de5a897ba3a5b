"""Engine calls off the event loop: a bounded pool of worker threads, caps on how many calls may wait,
and a time budget per request.

Assessing, interviewing, planning and answering run in ``workers`` threads, so the event loop stays
free: the health check, the static files and every other request keep being answered while the
engines work. At most ``workers + queue`` calls are admitted at once, and at most ``per_client`` from
one client address; a call over either cap is refused at once with 429 and ``Retry-After``. A call
that takes longer than ``budget`` seconds gets 503 with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from lumbar.plain_words import count
from lumbar.web.errors import Refusal

T = TypeVar("T")


class EnginePool:
    """The worker threads every engine call of an app runs in, with its caps and time budget."""

    def __init__(self, workers: int, queue: int, per_client: int, budget: float, retry_after: int) -> None:
        self.workers = workers
        self.capacity = workers + queue
        self.per_client = per_client
        self.budget = budget
        self.retry_after = retry_after
        self._executor: ThreadPoolExecutor | None = None
        # Calls are admitted on the event loop but released from the worker threads.
        self._lock = threading.Lock()
        self._admitted = 0
        self._by_client: dict[str, int] = {}

    @property
    def admitted(self) -> int:
        """Calls admitted and not finished yet (running or waiting for a thread)."""
        return self._admitted

    async def run(self, client: str, work: Callable[[], T]) -> T:
        """``work()`` in a worker thread, for ``client``; raises Refusal (429 or 503) as described above."""
        self._admit(client)
        try:
            future = self._pool().submit(work)
        except BaseException:
            self._release(client)
            raise
        future.add_done_callback(lambda _: self._release(client))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.budget)
        except TimeoutError:
            # A thread cannot be stopped: work that has started goes on in the background and keeps
            # its place in the pool until it ends (work still waiting for a thread is dropped). So a
            # stuck engine holds at most the pool's threads, and later calls are refused, not queued.
            raise Refusal(
                503,
                "timed_out",
                f"this took longer than {self.budget:g} seconds, so lumbar stopped waiting. Please try "
                f"again in {count(self.retry_after, 'second')}.",
                headers={"Retry-After": str(self.retry_after)},
            ) from None

    def shutdown(self) -> None:
        """Stop the worker threads once their current work ends (a later call starts new ones)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:  # made on the first call, never when the app is made
            self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="lumbar-engine")
        return self._executor

    def _admit(self, client: str) -> None:
        with self._lock:
            if self._admitted >= self.capacity:
                raise self._busy(
                    "busy",
                    f"lumbar is busy with other requests just now. Please try again in {count(self.retry_after, 'second')}.",
                )
            if self._by_client.get(client, 0) >= self.per_client:
                raise self._busy(
                    "too_many_at_once",
                    f"{self.per_client} requests from your computer are still being worked on. Please wait "
                    f"for them to finish, or try again in {count(self.retry_after, 'second')}.",
                )
            self._admitted += 1
            self._by_client[client] = self._by_client.get(client, 0) + 1

    def _release(self, client: str) -> None:
        with self._lock:
            self._admitted -= 1
            left = self._by_client.pop(client, 1) - 1
            if left:
                self._by_client[client] = left

    def _busy(self, code: str, message: str) -> Refusal:
        return Refusal(429, code, message, headers={"Retry-After": str(self.retry_after)})


@dataclass(frozen=True)
class EngineCall:
    """Engine work of one request: ``await call(work)`` runs ``work()`` in the pool for its client."""

    pool: EnginePool
    client: str

    async def __call__(self, work: Callable[[], T]) -> T:
        return await self.pool.run(self.client, work)
