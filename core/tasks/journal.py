"""The SQLite journal: every task, persisted before its submit, resumable after any crash.

All database work runs on one dedicated thread (SQLite connections are thread-bound), so the event
loop — and the GUI's thread with it — never waits on disk. The schema version lives in
``PRAGMA user_version``; migrations are numbered, and an existing database is copied aside before
it is migrated. WAL: a committed state change survives a crash of ClipDesk. Writes that guard money
or a person's decision (the default: a new task, submitting, the remote id, unknown, failed,
cancelled...) commit with synchronous=FULL, so they also survive a power cut before their caller
goes on. Writes saved with ``durable=False`` (a finished download's record, log lines) commit
without the fsync (synchronous=NORMAL): a power cut may lose the last of them, and what it loses
redoes itself on resume (a ``downloading`` task takes the file already in place). The WAL is
written in order, so the next FULL commit makes every earlier one durable too.

Each task row also holds its lease (which engine works on it, until when: core/tasks/leases.py);
the lease is not part of :class:`TaskRecord`, and taking one answers which tasks were taken.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from core.tasks.request import GenerationRequest
from core.tasks.states import TERMINAL_STATES, TaskState

log = logging.getLogger("clipdesk.store")
T = TypeVar("T")


@dataclass
class TaskRecord:
    id: str
    connection: str
    dialect: str
    base_url: str
    model: str
    request: GenerationRequest
    state: TaskState = TaskState.QUEUED
    remote_id: str | None = None
    remote_status: str | None = None
    progress: float | None = None
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)
    submitted_at: float | None = None
    finished_at: float | None = None
    attempts: int = 0
    error_kind: str | None = None
    error_message: str | None = None
    error_code: str | None = None
    result_url: str | None = None
    result_expires_at: float | None = None
    video_path: str | None = None
    video_size: int | None = None
    video_sha256: str | None = None
    uploads: dict[str, Any] = field(default_factory=dict)
    parent_id: str | None = None
    batch_id: str | None = None
    output_dir: str | None = None
    # usage and billing fields as the provider reported them (PollResult.usage), {} until it does
    usage: dict[str, Any] = field(default_factory=dict)
    # what it should cost ({amount, currency, basis, confirmed}) and, once the provider reports
    # it, what it was charged ({amount, currency, basis, reported}); see core/pricing.py
    estimate: dict[str, Any] | None = None
    charge: dict[str, Any] | None = None
    balance: dict[str, Any] | None = None  # the account's balance once it finished, where known
    relation: str | None = None  # how it came from parent_id (core/tasks/lineage.py)

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def to_public(self) -> dict[str, Any]:
        """The record as the CLI prints it (never any key: the request holds none)."""
        data = asdict(self)
        data["state"] = self.state.value
        data["request"] = self.request.to_dict()
        data["error"] = (
            {"kind": self.error_kind, "message": self.error_message, "code": self.error_code}
            if self.error_kind
            else None
        )
        return data


_COLUMNS = [f.name for f in fields(TaskRecord)]
_UPDATES: dict[tuple[str, ...], tuple[str, list[str]]] = {}  # field names -> (UPDATE statement, columns)
_JSON_COLUMNS = {"request", "uploads", "usage", "estimate", "charge", "balance"}

MIGRATIONS: list[str] = [
    # 1: the task journal
    """
    CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        connection TEXT NOT NULL,
        dialect TEXT NOT NULL,
        base_url TEXT NOT NULL,
        model TEXT NOT NULL,
        request TEXT NOT NULL,
        state TEXT NOT NULL,
        remote_id TEXT,
        remote_status TEXT,
        progress REAL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        submitted_at REAL,
        finished_at REAL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_kind TEXT,
        error_message TEXT,
        error_code TEXT,
        result_url TEXT,
        result_expires_at REAL,
        video_path TEXT,
        video_size INTEGER,
        video_sha256 TEXT,
        uploads TEXT NOT NULL DEFAULT '{}',
        parent_id TEXT,
        batch_id TEXT,
        output_dir TEXT
    );
    CREATE INDEX tasks_state ON tasks(state);
    CREATE INDEX tasks_created ON tasks(created_at);
    CREATE TABLE task_log (
        task_id TEXT NOT NULL,
        at REAL NOT NULL,
        line TEXT NOT NULL
    );
    CREATE INDEX task_log_task ON task_log(task_id);
    """,
    # 2: usage and billing fields the provider reported, as its JSON
    "ALTER TABLE tasks ADD COLUMN usage TEXT NOT NULL DEFAULT '{}';",
    # 3: task leases: the engine working on a task (its holder id) and until when, unless renewed
    """
    ALTER TABLE tasks ADD COLUMN lease_holder TEXT;
    ALTER TABLE tasks ADD COLUMN lease_expires REAL;
    CREATE INDEX tasks_lease ON tasks(lease_holder);
    """,
    # 4: what a task costs (and the account's balance after it), and the spend ledger
    # (core/tasks/ledger.py): one row a submitted task, its estimate until the provider reports
    # the charge; kept when the task is removed
    """
    ALTER TABLE tasks ADD COLUMN estimate TEXT;
    ALTER TABLE tasks ADD COLUMN charge TEXT;
    ALTER TABLE tasks ADD COLUMN balance TEXT;
    CREATE TABLE spend (
        task_id TEXT PRIMARY KEY,
        connection TEXT NOT NULL,
        at REAL NOT NULL,
        amount REAL NOT NULL,
        currency TEXT NOT NULL,
        kind TEXT NOT NULL
    );
    CREATE INDEX spend_connection_at ON spend(connection, at);
    """,
    # 5: lineage: how a task came from its parent (retry, reuse, variation, continues, extends)
    """
    ALTER TABLE tasks ADD COLUMN relation TEXT;
    CREATE INDEX tasks_parent ON tasks(parent_id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class JournalError(Exception):
    """The journal cannot be used; the message says why and what to do. Nothing was deleted."""


def _explain(path: Path, exc: sqlite3.Error) -> JournalError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        why = "it is locked by another program (is ClipDesk already running?)"
    elif "readonly" in text or "read-only" in text:
        why = "it or its folder is read-only"
    elif "malformed" in text or "not a database" in text or "corrupt" in text:
        why = "it is damaged; it was left untouched, and backups sit beside it"
    elif "disk" in text and "full" in text:
        why = "the disk is full"
    else:
        why = str(exc)
    return JournalError(f"ClipDesk cannot use its task journal {path}: {why}")


class Journal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clipdesk-journal")
        self._conn: sqlite3.Connection | None = None
        self._thread_id: int | None = None
        self._pending: list[
            tuple[str, Any, tuple[asyncio.Future[None], asyncio.AbstractEventLoop] | None, bool]
        ] = []
        self._full = True  # synchronous=FULL on the connection now
        self._pending_lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------------------
    def open_sync(self) -> None:
        """Open and migrate, on the journal thread (blocking the caller; CLI start-up)."""
        self._executor.submit(self._open).result()

    async def open(self) -> None:
        await self._run(self._open)

    def _open(self) -> None:
        self._thread_id = threading.get_ident()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA busy_timeout=5000")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise JournalError(
                    f"the task journal {self.path} was written by a newer ClipDesk (schema {version}); "
                    "update ClipDesk to open it"
                )
            if version < SCHEMA_VERSION:
                self._migrate(conn, version)
            conn.execute("PRAGMA quick_check").fetchone()
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc
        self._conn = conn

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        if version > 0:
            backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            with sqlite3.connect(backup) as dest:
                conn.backup(dest)
            log.info("journal backed up to %s before migrating from schema %s", backup, version)
        for number in range(version, SCHEMA_VERSION):
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Read again under the write lock: another ClipDesk starting at the same moment
                # (a script's parallel generates, the GUI) may have migrated since we looked.
                if conn.execute("PRAGMA user_version").fetchone()[0] > number:
                    conn.execute("COMMIT")
                    continue
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version={number + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    async def close(self) -> None:
        if self._conn is not None:
            await self._run(self._close)
        self._executor.shutdown(wait=True)

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- plumbing --------------------------------------------------------------------------------
    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn, *args)

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise JournalError("the task journal is not open")
        return self._conn

    async def _execute(self, sql: str, params: tuple[Any, ...] | list[Any], durable: bool = True) -> None:
        """Write one statement. Writes that arrive together share one transaction (group commit):
        one fsync for many state changes, and each caller returns only once it is committed (on
        disk, unless every write of the transaction is ``durable=False``: see the module doc)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        self._enqueue(sql, params, (future, loop), durable)
        await future

    def _enqueue(
        self,
        sql: str,
        params: tuple[Any, ...] | list[Any],
        waiter: tuple[asyncio.Future[None], asyncio.AbstractEventLoop] | None,
        durable: bool = True,
    ) -> None:
        with self._pending_lock:
            self._pending.append((sql, params, waiter, durable))
            first = len(self._pending) == 1
        if first:
            self._executor.submit(self._flush)

    def _flush(self) -> None:
        with self._pending_lock:
            batch, self._pending = self._pending, []
        error: BaseException | None = None
        try:
            db = self._db()
            full = any(item[3] for item in batch)
            if full != self._full:
                db.execute("PRAGMA synchronous=FULL" if full else "PRAGMA synchronous=NORMAL")
                self._full = full
            db.execute("BEGIN IMMEDIATE")
            try:
                for sql, params, _waiter, _durable in batch:
                    db.execute(sql, params)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            error = _explain(self.path, exc)
            log.error("%s", error)
        except BaseException as exc:
            error = exc
        by_loop: dict[asyncio.AbstractEventLoop, list[asyncio.Future[None]]] = {}
        for _sql, _params, waiter, _durable in batch:
            if waiter is not None:
                by_loop.setdefault(waiter[1], []).append(waiter[0])
        for loop, futures in by_loop.items():  # one wake-up per loop, not one per write
            loop.call_soon_threadsafe(_settle, futures, error)

    # -- tasks -----------------------------------------------------------------------------------
    @staticmethod
    def _to_row(record: TaskRecord, names: list[str] = _COLUMNS) -> list[Any]:
        row = []
        for name in names:
            value = getattr(record, name)
            if name == "request":
                value = json.dumps(record.request.to_dict(), ensure_ascii=False)
            elif name in _JSON_COLUMNS:
                value = json.dumps(value, ensure_ascii=False)
            elif isinstance(value, StrEnum):
                value = value.value
            row.append(value)
        return row

    @staticmethod
    def _from_row(row: sqlite3.Row | tuple[Any, ...]) -> TaskRecord:
        data = dict(zip(_COLUMNS, row, strict=True))
        data["request"] = GenerationRequest.from_dict(json.loads(data["request"]))
        data["uploads"] = json.loads(data["uploads"] or "{}")
        data["usage"] = json.loads(data["usage"] or "{}")
        for name in ("estimate", "charge", "balance"):
            data[name] = json.loads(data[name]) if data[name] else None
        data["state"] = TaskState(data["state"])
        return TaskRecord(**data)

    async def insert(self, record: TaskRecord, lease: tuple[str, float] | None = None) -> None:
        """Journal a new task; with ``lease`` (holder, expiry), held by that engine from the start."""
        names, row = list(_COLUMNS), self._to_row(record)
        if lease is not None:
            names += ["lease_holder", "lease_expires"]
            row += list(lease)
        marks = ",".join("?" * len(names))
        await self._execute(f"INSERT INTO tasks ({','.join(names)}) VALUES ({marks})", row)

    async def save(self, record: TaskRecord, *names: str, durable: bool = True) -> None:
        """Persist the named fields of ``record`` (all fields when none are named). ``durable=False``
        only for what a resume redoes by itself (see the module doc)."""
        record.updated_at = time.time()
        statement = _UPDATES.get(names)
        if statement is None:  # the same few field lists every time: build each statement once
            chosen = list(dict.fromkeys([n for n in (names or _COLUMNS) if n != "id"] + ["updated_at"]))
            statement = _UPDATES[names] = (
                f"UPDATE tasks SET {','.join(f'{n}=?' for n in chosen)} WHERE id=?",
                chosen,
            )
        sql, chosen = statement
        await self._execute(sql, [*self._to_row(record, chosen), record.id], durable)

    async def get(self, task_id: str) -> TaskRecord | None:
        rows = await self._run(self._select, "WHERE id=?", (task_id,))
        return rows[0] if rows else None

    async def all(self) -> list[TaskRecord]:
        return await self._run(self._select, "ORDER BY created_at", ())

    async def unfinished(self) -> list[TaskRecord]:
        terminal = tuple(s.value for s in TERMINAL_STATES)
        marks = ",".join("?" * len(terminal))
        return await self._run(self._select, f"WHERE state NOT IN ({marks}) ORDER BY created_at", terminal)

    async def delete(self, task_id: str) -> None:
        await self._execute("DELETE FROM tasks WHERE id=?", (task_id,))
        await self._execute("DELETE FROM task_log WHERE task_id=?", (task_id,))

    def _select(self, where: str, params: tuple[Any, ...]) -> list[TaskRecord]:
        try:
            rows = self._db().execute(f"SELECT {','.join(_COLUMNS)} FROM tasks {where}", params).fetchall()
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc
        return [self._from_row(r) for r in rows]

    # -- leases: one engine works on a task at a time -------------------------------------------
    # Written on the journal's thread outside the group commit, as they need an answer (which tasks
    # were taken), and without the fsync: a lease lost to a power cut is simply taken again.
    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the journal's thread (``BEGIN IMMEDIATE`` … ``COMMIT``),
        rolled back on any error; a database error comes out explained."""
        try:
            db = self._relaxed()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise _explain(self.path, exc) from exc

    async def take_leases(
        self, holder: str, task_ids: list[str], until: float, gone: Callable[[str], bool]
    ) -> dict[str, str | None]:
        """Take the lease of each task in ``task_ids`` that is free (held by nobody, by ``holder``,
        past its expiry, or by a holder ``gone`` says has ended). Returns the tasks taken, each with
        its previous holder; the others are left to the engine that holds them."""
        return await self._run(self._take_leases, holder, task_ids, until, gone)

    def _take_leases(
        self, holder: str, task_ids: list[str], until: float, gone: Callable[[str], bool]
    ) -> dict[str, str | None]:
        taken: dict[str, str | None] = {}
        now = time.time()
        with self._transaction() as db:
            for chunk in _chunks(task_ids):
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT id, lease_holder, lease_expires FROM tasks WHERE id IN ({marks})", chunk
                ).fetchall()
                for task_id, old, expires in rows:
                    if old is None or old == holder or (expires or 0) < now or gone(old):
                        taken[task_id] = old
            db.executemany(
                "UPDATE tasks SET lease_holder=?, lease_expires=? WHERE id=?",
                [(holder, until, task_id) for task_id in taken],
            )
        return taken

    async def renew_leases(self, holder: str, task_ids: list[str], until: float) -> set[str]:
        """Extend ``holder``'s leases of ``task_ids``; returns the tasks it still holds (one taken
        over meanwhile by another engine is not among them)."""

        def renew() -> set[str]:
            held: set[str] = set()
            with self._transaction() as db:
                for chunk in _chunks(task_ids):
                    marks = ",".join("?" * len(chunk))
                    db.execute(
                        f"UPDATE tasks SET lease_expires=? WHERE lease_holder=? AND id IN ({marks})",
                        [until, holder, *chunk],
                    )
                    rows = db.execute(
                        f"SELECT id FROM tasks WHERE lease_holder=? AND id IN ({marks})", [holder, *chunk]
                    )
                    held.update(r[0] for r in rows.fetchall())
            return held

        return await self._run(renew)

    async def release_leases(self, holder: str) -> None:
        """Give up every lease ``holder`` has (its engine is closing)."""
        await self._execute(
            "UPDATE tasks SET lease_holder=NULL, lease_expires=NULL WHERE lease_holder=?", (holder,), False
        )

    async def lease(self, task_id: str) -> tuple[str | None, float | None]:
        """(holder, expiry) of a task's lease."""

        def read() -> tuple[str | None, float | None]:
            row = self._db().execute("SELECT lease_holder, lease_expires FROM tasks WHERE id=?", (task_id,))
            found = row.fetchone()
            return (found[0], found[1]) if found else (None, None)

        return await self._run(read)

    def _relaxed(self) -> sqlite3.Connection:
        """The connection, committing without the fsync (see the leases' note above)."""
        db = self._db()
        if self._full:
            db.execute("PRAGMA synchronous=NORMAL")
            self._full = False
        return db

    # -- per-task request/response log (already redacted by the caller) --------------------------
    def add_log(self, task_id: str, line: str) -> None:
        """Append to a task's log with the next commit; diagnostics, so nobody waits for the disk."""
        self._enqueue("INSERT INTO task_log VALUES (?,?,?)", (task_id, time.time(), line), None, False)

    async def task_log(self, task_id: str) -> list[tuple[float, str]]:
        def read() -> list[tuple[float, str]]:
            rows = self._db().execute(
                "SELECT at, line FROM task_log WHERE task_id=? ORDER BY rowid", (task_id,)
            )
            return [(float(a), str(b)) for a, b in rows.fetchall()]

        return await self._run(read)

    # -- other tables of the same database (the spend ledger) -----------------------------------
    async def write(self, sql: str, params: tuple[Any, ...]) -> None:
        """One durable write, committed with the task writes around it."""
        await self._execute(sql, params)

    async def read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        def select() -> list[tuple[Any, ...]]:
            try:
                return [tuple(r) for r in self._db().execute(sql, params).fetchall()]
            except sqlite3.Error as exc:
                raise _explain(self.path, exc) from exc

        return await self._run(select)

    # -- history, for ETAs and polling schedules -------------------------------------------------
    async def typical_duration(self, connection: str, model: str) -> float | None:
        """Median seconds from submit to a finished remote task, over recent successes."""
        values = await self.recent_durations(connection, model)
        return values[len(values) // 2] if values else None

    async def recent_durations(self, connection: str, model: str) -> list[float]:
        """Seconds from submit to a finished remote task of the 20 latest successes, sorted."""

        def read() -> list[float]:
            rows = (
                self._db()
                .execute(
                    "SELECT finished_at - submitted_at FROM tasks WHERE connection=? AND model=? "
                    "AND state=? AND submitted_at IS NOT NULL AND finished_at IS NOT NULL "
                    "ORDER BY finished_at DESC LIMIT 20",
                    (connection, model, TaskState.SUCCEEDED.value),
                )
                .fetchall()
            )
            return sorted(float(r[0]) for r in rows if r[0] and r[0] > 0)

        return await self._run(read)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    """Pieces small enough for one statement's parameters."""
    return [items[n : n + size] for n in range(0, len(items), size)]


def _settle(futures: list[asyncio.Future[None]], error: BaseException | None) -> None:
    for future in futures:
        if future.done():
            continue
        if error is None:
            future.set_result(None)
        else:
            future.set_exception(error)
