"""Polls of many running tasks of one connection, answered by one list request where the dialect can
list its tasks (``Provider.running_tasks``).

While two or more tasks of the connection are polling, a poll first looks at the connection's task
list, fetched at most once every FRESH seconds and shared by every poll in that time. A task the
list shows as still queued or running needs no request of its own; any other task (finished,
failed, missing from the list, or shown with a word not understood) is polled as before, so its
result, error and end time come from its own answer. A list that fails turns listing off for the
connection for OFF_FOR seconds, and so does a list that shows none of the tasks polling; polls then
go one by one, as they do for a dialect without a list.

A list also tells which tasks have just ended: one that an earlier list showed going and this one
does not. Such a task is woken (:meth:`Listing.wait` returns at once) and polls now instead of at
its own next look, so a list any task fetched tells every task sharing it, for no request more.
"""

from __future__ import annotations

import asyncio
import logging
import time

from core.providers.base import PollResult, Provider, ProviderContext, RemoteStatus

log = logging.getLogger("clipdesk.engine")

FRESH = 1.5  # seconds a list answers polls for
FORGET = 60.0  # seconds after its last poll a task no longer counts as polling
OFF_FOR = 600.0  # seconds listing stays off after a list failed
_STILL_GOING = (RemoteStatus.QUEUED, RemoteStatus.RUNNING)


class Listing:
    def __init__(self, provider: Provider) -> None:
        self.provider = provider
        self._polling: dict[str, float] = {}  # remote id -> when it last polled
        self._statuses: dict[str, RemoteStatus] | None = None
        self._fetched_at = float("-inf")
        self._fetching: asyncio.Future[dict[str, RemoteStatus] | None] | None = None
        self._off_until = float("-inf")
        self._wake: dict[str, asyncio.Event] = {}  # remote id -> set when a list saw it end

    async def wait(self, remote_id: str, seconds: float, also: asyncio.Event | None = None) -> bool:
        """Sleep ``seconds``, less when a list shows the task ended (then True) or ``also`` is set."""
        self._polling.setdefault(remote_id, time.monotonic())  # waiting counts as polling
        woken = self._wake.setdefault(remote_id, asyncio.Event())
        waits = [asyncio.ensure_future(woken.wait())]
        if also is not None:
            waits.append(asyncio.ensure_future(also.wait()))
        try:
            await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiting in waits:
                waiting.cancel()
            ended = woken.is_set()
            woken.clear()
        return ended

    def forget(self, remote_id: str) -> None:
        """The task stopped polling (it ended, failed or was cancelled)."""
        self._polling.pop(remote_id, None)
        self._wake.pop(remote_id, None)

    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        now = time.monotonic()
        self._polling[remote_id] = now
        for other, last in list(self._polling.items()):
            if now - last > FORGET:
                del self._polling[other]
                self._wake.pop(other, None)
        if self.provider.lists_tasks and len(self._polling) > 1 and now >= self._off_until:
            statuses = await self._current(ctx)
            status = statuses.get(remote_id) if statuses is not None else None
            if status in _STILL_GOING:
                assert status is not None
                return PollResult(status)
        result = await self.provider.poll(ctx, remote_id)
        if result.status not in _STILL_GOING:
            self.forget(remote_id)
        return result

    async def _current(self, ctx: ProviderContext) -> dict[str, RemoteStatus] | None:
        if time.monotonic() - self._fetched_at < FRESH:
            return self._statuses
        if self._fetching is None:  # one list for every poll waiting on it; never cancelled by one
            self._fetching = asyncio.ensure_future(self._fetch(ctx))
        return await asyncio.shield(self._fetching)

    async def _fetch(self, ctx: ProviderContext) -> dict[str, RemoteStatus] | None:
        started = time.monotonic()
        try:
            statuses = await self.provider.running_tasks(ctx)
        except Exception as exc:  # (a list only saves requests: whatever goes wrong, poll one by one)
            log.info("listing %s tasks failed, polling them one by one: %s", self.provider.dialect, exc)
            statuses = None
            self._off_until = time.monotonic() + OFF_FOR
        finally:
            self._fetching = None
        if statuses is not None and not statuses.keys() & self._polling.keys():
            # none of the tasks polling is on it (a key with many tasks elsewhere, or a list that
            # does not show them): it would only add a request to theirs
            self._off_until = time.monotonic() + OFF_FOR
        if statuses is not None and self._statuses is not None:
            for remote_id in self._polling.keys() & self._statuses.keys() - statuses.keys():
                self._wake.setdefault(remote_id, asyncio.Event()).set()  # it was going, now it is not
        self._statuses, self._fetched_at = statuses, started
        return statuses
