"""Start coroutines from the GUI without losing them.

asyncio keeps only weak references to tasks, so a task started from a slot and not stored can be
garbage-collected mid-flight. ``spawn`` keeps a strong reference until the task ends and routes
any exception to one notifier (the main window shows it), so nothing fails silently.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger("clipdesk.gui")
T = TypeVar("T")
Notifier = Callable[[BaseException], None]

_tasks: set[asyncio.Task[Any]] = set()
_notifier: Notifier | None = None


def set_notifier(notifier: Notifier | None) -> None:
    """Where exceptions of spawned tasks go (None: the log only)."""
    global _notifier
    _notifier = notifier


def spawn(coro: Coroutine[Any, Any, T], *, name: str | None = None) -> asyncio.Task[T]:
    """Run ``coro`` as a task on the GUI's event loop, keeping a reference until it ends."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    task = loop.create_task(coro, name=name)
    _tasks.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _tasks.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is None:
        return
    log.error("background task %s failed", task.get_name(), exc_info=exc)
    if _notifier is not None:
        try:
            _notifier(exc)
        except Exception:
            log.exception("the error notifier failed")


def pending() -> list[asyncio.Task[Any]]:
    return [t for t in _tasks if not t.done()]


async def drain(timeout: float = 5.0) -> None:
    """Wait for spawned tasks to end (shutdown and tests); cancel what is left after ``timeout``."""
    tasks = pending()
    if not tasks:
        return
    _done, left = await asyncio.wait(tasks, timeout=timeout)
    for task in left:
        task.cancel()
    if left:
        await asyncio.gather(*left, return_exceptions=True)
