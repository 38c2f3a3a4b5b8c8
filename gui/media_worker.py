"""Decoding work (thumbnails, a video's last frame) in a process of its own, at low priority.

Made on the window's process's own threads, thumbnails competed with the window's thread for this
machine's two CPUs as ten downloads finished (bench/ui_stall.py traced its last stalls there), and
a niced thread there would hold the GIL the window needs while it waits for a CPU. In a child
process at niceness +15 the work yields to the window, shares no GIL with it, and a file that
crashes FFmpeg ends the child, not the app: that job fails alone and the jobs behind it go to a
new child.

:class:`MediaWorker` runs one job at a time, in the order submitted; a job is a picklable
module-level function (``gui.media``'s) and its arguments. The child is started on the first
job, from the calling thread (never the window's: callers submit from worker threads), and ends
when the worker is closed or its parent goes away (its pipe closes).
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable
from concurrent.futures import Future
from multiprocessing.connection import Connection as Pipe
from typing import Any

log = logging.getLogger("clipdesk.gui")
NICENESS = 15


class WorkerStopped(RuntimeError):
    """The child ended while it was working on this job (a crash in the decoder, or a kill)."""


def serve(pipe: Pipe) -> None:
    """The child: say which job it takes, run it, answer it; until told to stop or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl+C is the app's to handle, not ours
    if hasattr(os, "nice"):
        os.nice(NICENESS)
    while True:
        try:
            job = pipe.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        job_id, function, args = job
        try:
            pipe.send(("taken", job_id))
            try:
                answer: tuple[Any, ...] = ("done", job_id, True, function(*args))
            except Exception as exc:
                answer = ("done", job_id, False, f"{type(exc).__name__}: {exc}")
            pipe.send(answer)
        except (OSError, ValueError):
            return


class _Child:
    """One child process, its pipe and the thread that reads its answers."""

    def __init__(self, on_answer: Callable[[tuple[Any, ...]], None], on_end: Callable[[_Child], None]):
        self.in_hand: int | None = None  # the job the child said it took and has not answered
        self.heard = False  # it said anything at all (a child that cannot start says nothing)
        context = multiprocessing.get_context("spawn")
        self.pipe, theirs = context.Pipe()
        self.process = context.Process(target=serve, args=(theirs,), name="clipdesk-media", daemon=True)
        self.process.start()
        theirs.close()
        self._on_answer, self._on_end = on_answer, on_end
        self.reader = threading.Thread(target=self._read, name="clipdesk-media-reader", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                message = self.pipe.recv()
            except (EOFError, OSError):
                break
            self.heard = True
            if message[0] == "taken":
                self.in_hand = message[1]
            else:
                self.in_hand = None
                self._on_answer(message[1:])
        self.pipe.close()
        self._on_end(self)

    def stop(self) -> None:
        """Ask the child to end after the job in hand (its reader then sees the pipe close)."""
        try:
            self.pipe.send(None)
        except (OSError, ValueError):
            pass


class MediaWorker:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count()
        # job id -> (future, function, args), in the order sent: the child answers in that order
        self._jobs: dict[int, tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]] = {}
        self._child: _Child | None = None
        self._closed = False

    @property
    def pid(self) -> int | None:
        """The child's process id while one runs (for tests and diagnosis)."""
        child = self._child
        return child.process.pid if child is not None else None

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            if self._closed:
                future.set_exception(WorkerStopped("the media worker is closed"))
                return future
            job_id = next(self._ids)
            self._jobs[job_id] = (future, function, args)
            self._send(job_id)
        return future

    def _send(self, job_id: int) -> None:
        """Send one job to the child, starting one when there is none (holding the lock)."""
        if self._child is None:
            self._child = _Child(self._on_answer, self._on_end)
        _, function, args = self._jobs[job_id]
        try:
            self._child.pipe.send((job_id, function, args))
        except (OSError, ValueError):
            pass  # the child is gone: _on_end sends what it did not take to a new one

    def _on_answer(self, answer: tuple[Any, ...]) -> None:
        job_id, ok, value = answer
        with self._lock:
            job = self._jobs.pop(job_id, None)
        if job is None or job[0].done():
            return
        if ok:
            job[0].set_result(value)
        else:
            job[0].set_exception(RuntimeError(value))

    def _on_end(self, child: _Child) -> None:
        """The child ended: the job it had in hand fails, the others go to a new child."""
        child.process.join(5)
        with self._lock:
            if self._child is child:
                self._child = None
            waiting = sorted(self._jobs)
            if self._closed or not child.heard:  # closed, or no child can start: fail them all
                if waiting and not self._closed:
                    log.error("the media worker could not start (exit code %s)", child.process.exitcode)
                failed, waiting = waiting, []
            else:
                in_hand = child.in_hand
                failed = [in_hand] if in_hand is not None and in_hand in self._jobs else []
                waiting = [job_id for job_id in waiting if job_id != in_hand]
                if failed:
                    log.warning("the media worker ended during a job (exit code %s)", child.process.exitcode)
            ended = [self._jobs.pop(job_id)[0] for job_id in failed]
            for job_id in waiting:
                self._send(job_id)
        for future in ended:
            if not future.done():
                future.set_exception(WorkerStopped("the media worker stopped while working on this"))

    def close(self) -> None:
        """Stop taking jobs; the child ends after the one in hand (jobs still waiting fail)."""
        with self._lock:
            self._closed = True
            if self._child is not None:
                self._child.stop()
