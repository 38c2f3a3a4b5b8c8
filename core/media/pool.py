"""CPU-heavy work (image preparation, thumbnails, last frames, offline renders) in one process pool.

One :class:`concurrent.futures.ProcessPoolExecutor` per app ("spawn" context, so it works the same
in a frozen bundle after ``multiprocessing.freeze_support()``), created on first use: an app that
never decodes starts no worker. Its workers run at a lowered priority, so when the machine is busy
the window comes first. A job is a picklable module-level function and its arguments.

- :func:`run` awaits a job from the asyncio loop; :func:`call` runs one from a worker thread;
  :func:`submit` starts one and gives its future (a long render, collected by polling).
- A worker that dies (a decoder crash, a kill) breaks the pool: the next job gets a new pool. A job
  that was in the broken pool is tried once more, alone; if it breaks that pool too it fails with
  :class:`WorkerCrashed` (code ``worker_crashed``). Jobs that were only beside it succeed.
- Workers idle for IDLE_SECONDS end (the next job starts the pool again); :func:`shutdown` ends
  them at once (also at exit).
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from core.errors import ClipDeskError, ErrorKind

T = TypeVar("T")
NICENESS = 10
WORKERS = max(2, min(4, os.cpu_count() or 2))  # started as jobs need them; a render leaves room beside it

IDLE_SECONDS = 60.0  # a pool with nothing to do this long ends its workers (their memory back)

_lock = threading.Lock()
_alone = threading.Lock()  # jobs tried again after a crash run one at a time
# Workers started from two threads at once (a pool replaced after a crash beside the one in use)
# raced in multiprocessing's spawn ("bad value(s) in fds_to_keep"): starts are serialised.
_spawning = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_busy = 0  # jobs submitted and not done
_idle: threading.Timer | None = None


class WorkerCrashed(ClipDeskError):
    """The worker process running this job ended (a crash in a decoder or encoder, or a kill)."""

    def __init__(self, what: str) -> None:
        super().__init__(
            ErrorKind.UNKNOWN, f"the worker process stopped while working on {what}", code="worker_crashed"
        )


def _start_worker() -> None:
    """In each worker: lower its priority, and end it when the app ends however it ends (kill -9
    included: the pool's own pipes would keep an orphan waiting)."""
    if hasattr(os, "nice"):
        os.nice(NICENESS)
    parent = multiprocessing.parent_process()
    if parent is not None:
        sentinel = parent.sentinel

        def watch() -> None:
            multiprocessing.connection.wait([sentinel])
            os._exit(0)

        threading.Thread(target=watch, name="clipdesk-pool-parent", daemon=True).start()


def _current() -> ProcessPoolExecutor:
    global _pool, _idle
    with _lock:
        if _idle is not None:
            _idle.cancel()
            _idle = None
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=WORKERS,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
            )
        return _pool


def _replace(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def _job_done(_future: Future[Any]) -> None:
    """When the last job is done, end the workers if no other comes within IDLE_SECONDS."""
    global _busy, _idle
    with _lock:
        _busy -= 1
        if _busy == 0 and _pool is not None:
            _idle = threading.Timer(IDLE_SECONDS, _end_if_idle, args=(_pool,))
            _idle.daemon = True
            _idle.start()


def _end_if_idle(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _busy or _pool is not pool:
            return
        _pool = None
    pool.shutdown(wait=True)


def _submit(function: Callable[..., T], args: tuple[Any, ...]) -> tuple[ProcessPoolExecutor, Future[T]]:
    global _busy
    while True:
        pool = _current()
        with _lock:
            _busy += 1  # before the submit: no idle timer ends this pool meanwhile
        try:
            with _spawning:  # a submit may start a worker: one start at a time across pools
                future = pool.submit(function, *args)
        except BaseException as exc:
            with _lock:
                _busy -= 1
                current = _pool
            if isinstance(exc, BrokenProcessPool):
                _replace(pool)
            elif not isinstance(exc, RuntimeError) or current is pool:  # a real error
                raise
            continue  # shut down by another thread just now: the next pool takes it
        future.add_done_callback(_job_done)
        return pool, future


def _once(function: Callable[..., T], args: tuple[Any, ...]) -> T:
    pool, future = _submit(function, args)
    try:
        return future.result()
    except BrokenProcessPool:
        _replace(pool)
        raise


def _again(function: Callable[..., T], args: tuple[Any, ...]) -> T:
    """The job once more, alone in a fresh pool, after a pool broke under it."""
    with _alone:
        try:
            return _once(function, args)
        except BrokenProcessPool:
            raise WorkerCrashed(getattr(function, "__name__", "a job")) from None


def call(function: Callable[..., T], *args: Any) -> T:
    """Run ``function(*args)`` in the pool and wait for it (from a thread, never the loop)."""
    try:
        return _once(function, args)
    except BrokenProcessPool:
        return _again(function, args)


async def run(function: Callable[..., T], *args: Any) -> T:
    """Run ``function(*args)`` in the pool without blocking the running loop."""
    pool, future = _submit(function, args)
    try:
        return await asyncio.wrap_future(future)
    except BrokenProcessPool:
        _replace(pool)
    return await asyncio.to_thread(_again, function, args)


def submit(function: Callable[..., T], *args: Any) -> Future[T]:
    """Start ``function(*args)`` in the pool; its future raises BrokenProcessPool if a worker dies
    meanwhile (the caller decides: see :func:`run` and :func:`call` for the usual answer)."""
    return _submit(function, args)[1]


def pids() -> list[int]:
    """The workers' process ids (none until the first job)."""
    with _lock:
        pool = _pool
    processes = getattr(pool, "_processes", None) or {}
    return list(processes)


def shutdown() -> None:
    """End the workers (jobs waiting are cancelled); the next job starts a new pool."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


atexit.register(shutdown)
