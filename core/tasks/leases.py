"""Task leases: one engine works on a task at a time, also across processes (the app, and the CLI
run beside it on the same data folder).

An engine takes a task's lease in the journal (its holder id and an expiry) before it submits,
polls, downloads or resumes the task, renews the leases of the tasks it works on every third of
:data:`LEASE_SECONDS`, and gives all of them up when it closes. Another engine takes a lease over
only when it is free: never taken, given up, expired, or held by a holder that has ended (a process
of this machine that no longer exists, as after kill -9, or a closed engine of this process). A
holder on another machine (a data folder on a network share) is waited for until its lease expires.
"""

from __future__ import annotations

import os
import socket
import sys
import time
import uuid

from core.tasks.journal import Journal

LEASE_SECONDS = 60.0
_HOST = socket.gethostname().replace(":", "_")
_OPEN: set[str] = set()  # holders of this process whose engine has not closed


def new_holder() -> str:
    """A holder id: this machine, this process, this engine."""
    return f"{_HOST}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def holder_gone(holder: str) -> bool:
    """Whether ``holder`` has certainly ended (when unsure: no, and its lease runs out instead)."""
    host, _, rest = holder.partition(":")
    pid_text, _, _ = rest.partition(":")
    if host != _HOST or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return holder not in _OPEN
    if sys.platform == "win32":  # os.kill(pid, 0) is not a probe there
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # another user's process: it exists
        return False
    return False


class Leases:
    """One engine's leases in its journal."""

    def __init__(self, journal: Journal, seconds: float = LEASE_SECONDS) -> None:
        self.journal = journal
        self.seconds = seconds
        self.holder = new_holder()
        _OPEN.add(self.holder)

    def until(self) -> float:
        return time.time() + self.seconds

    async def take(self, task_ids: list[str]) -> dict[str, str | None]:
        """The tasks whose lease this engine now holds, each with its previous holder."""
        if not task_ids:
            return {}
        return await self.journal.take_leases(self.holder, task_ids, self.until(), holder_gone)

    async def renew(self, task_ids: list[str]) -> set[str]:
        """Renew the leases of ``task_ids``; returns those still held here."""
        if not task_ids:
            return set()
        return await self.journal.renew_leases(self.holder, task_ids, self.until())

    async def release(self) -> None:
        """Give every lease up (the engine is closing)."""
        _OPEN.discard(self.holder)
        await self.journal.release_leases(self.holder)
