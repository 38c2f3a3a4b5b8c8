"""The engine's task events, for whoever watches: one at a time, or a frame's worth at once.

A listener added with :meth:`TaskEvents.subscribe` hears every event as it happens. One added with
:meth:`TaskEvents.subscribe_batch` hears, once per frame (``FRAME`` seconds, on the running asyncio
loop: the window's, under qasync), the events of that frame coalesced to one per task: a task
added and changed is "added" once, added and removed is nothing. A table then writes a frame's
rows in one go however many times its tasks changed. An action marked :func:`reflected` delivers
what it changed before it returns, so its caller finds it shown (a new task's row to select).
Plain Python: the window's models turn the batches into Qt signals.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

if TYPE_CHECKING:
    from core.tasks.journal import TaskRecord

log = logging.getLogger("clipdesk.engine")

P = ParamSpec("P")
R = TypeVar("R")
E = TypeVar("E", bound="TaskEvents")
FRAME = 1 / 30
Listener = Callable[[str, "TaskRecord"], None]  # (event, record); events: added, changed, removed
BatchListener = Callable[[list[tuple[str, "TaskRecord"]]], None]


class Coalescer:
    """Pending events, one per task: an "added" stays "added", a change after it adds nothing
    (listeners read the record's current state), "removed" after "added" cancels both."""

    def __init__(self) -> None:
        self.pending: OrderedDict[str, tuple[str, TaskRecord]] = OrderedDict()

    def add(self, event: str, record: TaskRecord) -> None:
        previous = self.pending.get(record.id)
        if previous is None:
            self.pending[record.id] = (event, record)
        elif event == "removed":
            if previous[0] == "added":
                del self.pending[record.id]
            else:
                self.pending[record.id] = (event, record)
        elif previous[0] == "removed":
            self.pending[record.id] = (event, record)

    def take(self) -> list[tuple[str, TaskRecord]]:
        batch = list(self.pending.values())
        self.pending.clear()
        return batch


class TaskEvents:
    """The observer half of the engine (it calls :meth:`_emit`)."""

    frame: float = FRAME

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._batch_listeners: list[BatchListener] = []
        self._pending = Coalescer()
        self._flush: asyncio.TimerHandle | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def subscribe_batch(self, listener: BatchListener) -> None:
        """``listener`` gets each frame's events at once, coalesced per task."""
        self._batch_listeners.append(listener)

    def unsubscribe_batch(self, listener: BatchListener) -> None:
        if listener in self._batch_listeners:
            self._batch_listeners.remove(listener)

    def _emit(self, event: str, record: TaskRecord) -> None:
        for listener in list(self._listeners):
            try:
                listener(event, record)
            except Exception:
                log.exception("a task listener failed")
        if self._batch_listeners:
            self._pending.add(event, record)
            if self._flush is None:
                self._flush = asyncio.get_running_loop().call_later(self.frame, self.dispatch)

    def dispatch(self) -> None:
        """Deliver the pending batch now (also what the frame's timer calls)."""
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        batch = self._pending.take()
        if not batch:
            return
        for listener in list(self._batch_listeners):
            try:
                listener(batch)
            except Exception:
                log.exception("a task batch listener failed")


def reflected(
    method: Callable[Concatenate[E, P], Coroutine[Any, Any, R]],
) -> Callable[Concatenate[E, P], Coroutine[Any, Any, R]]:
    """An action whose events reach the batch listeners before it returns."""

    @functools.wraps(method)
    async def action(self: E, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await method(self, *args, **kwargs)
        finally:
            self.dispatch()

    return action
