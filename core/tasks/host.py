"""The engine in a process of its own, so the caller's process (the GUI's) never waits for it.

With qasync the GUI's asyncio loop is Qt's thread. An engine on that loop parsed every poll answer
and every download chunk there (1,000 polling tasks stalled the window for up to 210 ms). An engine
on a thread of the same process was better, but every Qt→Python call of the window then waited for
the GIL while the engine held it (bench/ui_stall.py: 77–100 stalls over 16 ms in 30 s, up to
260 ms, plus the engine's garbage collections stopping both). So the engine, its HTTP clients and
its journal run in a child process (:func:`serve`); :class:`EngineProxy` gives the caller the
engine's API:

- coroutines (``create``, ``cancel``, ``retry``, ...) are sent to the child and awaited on the
  caller's loop; exceptions come back as the same classes (ClipDeskError keeps kind and message);
- ``tasks`` and ``connections`` are a mirror kept by the events: one record object per task,
  updated in place, so a record the caller holds shows the task's current state;
- engine events are coalesced (one per task however often it changed) in the child, sent once a
  frame, and delivered to the caller's listeners on the caller's loop, at most ``frame`` apart;
- no message carries more than RECORDS_PER_MESSAGE task records (events, a reply's records, the
  tasks known at start come in parts), so the caller's reader thread never holds the GIL long;
- before answering a call the child sends what is pending, so a caller sees its own action
  reflected when the call returns; a reply's task records the caller holds by then (a batch it
  just created) are named by id, so each record crosses the pipe once;
- keys stay with the caller: the child asks for a connection's key when it opens a lane or checks
  a new task (the caller reads its keyring off its own loop, on the proxy's reader thread), and
  keeps it only in the lane's memory, as the engine always did;
- the child stops when the caller closes it or goes away (the pipe closes): lanes stop where they
  stand, the journal closes, and running remote tasks resume next start.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import itertools
import logging
import multiprocessing
import os
import pickle
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection as Pipe
from typing import TYPE_CHECKING, Any

from core.config.connections import Connection
from core.config.paths import Paths, default_paths
from core.config.secrets import SecretStore
from core.errors import ClipDeskError, ErrorKind
from core.tasks.journal import TaskRecord
from core.tasks.request import GenerationRequest

if TYPE_CHECKING:  # the app's process never imports the engine, its HTTP stack or providers
    from core.providers.probe import ProbeResult
    from core.tasks.engine import Listener

log = logging.getLogger(__name__)

FRAME = 1 / 30
NICENESS = 15
# The caller's reader thread unpickles a message holding the GIL (1,000 task records: ~15 ms in
# which the window's thread cannot run): events, replies and the tasks known at start are sent
# in parts of at most this many records, ~1.5 ms each.
RECORDS_PER_MESSAGE = 100
BatchListener = Callable[[list[tuple[str, TaskRecord]]], None]
# Engine methods the caller may run in the child (anything else is refused there).
CALLS = frozenset(
    {
        "create",
        "create_many",
        "cancel",
        "retry",
        "remove",
        "resolve_unknown",
        "import_videos",
        "load",
        "resume_all",
        "wait",
        "add_connection",
        "remove_connection",
        "pause",
        "unpause",
        "task_log",
        "typical_duration",
        "check_connection",
        "test_connection",
        "spend_summary",
    }
)


PARTS = "<the parts sent before>"  # a reply whose list came in "part" messages


class EngineStopped(ClipDeskError):
    """The engine's process is gone (it crashed or was killed); nothing more can be sent to it."""

    def __init__(self, message: str = "the engine stopped unexpectedly; restart ClipDesk") -> None:
        super().__init__(ErrorKind.UNKNOWN, message)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a ClipDeskError with its words."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return ClipDeskError(ErrorKind.UNKNOWN, f"{type(exc).__name__}: {exc}")


class _Coalescer:
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


# ------------------------------------------------------------------------------------- the child
class _RemoteSecrets(SecretStore):
    """The child's view of the caller's keys: each ``get`` asks the caller."""

    def __init__(self, ask: Callable[[str], str | None]) -> None:
        super().__init__()
        self._ask = ask

    def get(self, connection: str) -> str | None:
        from core.redact import register_secret

        value = self._ask(connection)
        register_secret(value)
        return value

    def set(self, connection: str, key: str) -> bool:  # pragma: no cover - the child never stores keys
        raise RuntimeError("keys are stored by the app, not by the engine process")


class _Server:
    """The engine's side of the pipe, in the child process."""

    def __init__(self, pipe: Pipe, paths: Paths, frame: float) -> None:
        self.pipe = pipe
        self.paths = paths
        self.frame = frame
        self.send_lock = threading.Lock()
        self.events = _Coalescer()
        self.flush_scheduled = False
        self.answers: dict[int, concurrent.futures.Future[str | None]] = {}
        self.ids = itertools.count()
        self.done = asyncio.Event()
        self.sent_connections: dict[str, Connection] = {}
        self.mirrored: set[str] = set()  # the tasks whose records the caller holds (sent to it)

    def send(self, message: tuple[Any, ...]) -> None:
        with self.send_lock:
            self.pipe.send(message)

    # -- keys, asked of the caller (blocks the engine's loop for one round trip; rare) -----------
    def ask_secret(self, name: str) -> str | None:
        ask_id = next(self.ids)
        answer: concurrent.futures.Future[str | None] = concurrent.futures.Future()
        self.answers[ask_id] = answer
        self.send(("secret?", ask_id, name))
        try:
            return answer.result(timeout=60)
        except (concurrent.futures.TimeoutError, EngineStopped):
            return None
        finally:
            self.answers.pop(ask_id, None)

    # -- events ----------------------------------------------------------------------------------
    def collect(self, event: str, record: TaskRecord) -> None:
        self.events.add(event, record)
        if not self.flush_scheduled:
            self.flush_scheduled = True
            asyncio.get_running_loop().call_later(self.frame, self.flush)

    def flush(self) -> None:
        self.flush_scheduled = False
        batch = self.events.take()
        for event, record in batch:
            (self.mirrored.discard if event == "removed" else self.mirrored.add)(record.id)
        for start in range(0, len(batch), RECORDS_PER_MESSAGE):
            self.send(("events", batch[start : start + RECORDS_PER_MESSAGE]))
        connections = dict(self.engine.connections)
        if connections != self.sent_connections:
            self.sent_connections = connections
            self.send(("connections", connections))

    # -- the loop --------------------------------------------------------------------------------
    async def run(self) -> None:
        from core.config.connections import ConnectionStore
        from core.logs import configure_logging
        from core.tasks.engine import Engine
        from core.tasks.journal import Journal

        loop = asyncio.get_running_loop()
        reader = threading.Thread(target=self.read, args=(loop,), name="clipdesk-engine-pipe", daemon=True)
        reader.start()
        configure_logging(self.paths, name="engine")
        self.journal = Journal(self.paths.database)
        try:
            await self.journal.open()
            self.engine = Engine(
                self.paths,
                self.journal,
                _RemoteSecrets(self.ask_secret),
                ConnectionStore(self.paths.config).load(),
            )
            await self.engine.load()
        except BaseException as exc:
            self.send(("failed", _portable(exc)))
            await self.journal.close()
            return
        self.engine.subscribe(self.collect)
        self.sent_connections = dict(self.engine.connections)
        known = list(self.engine.tasks.values())
        self.mirrored.update(record.id for record in known)
        for start in range(0, len(known), RECORDS_PER_MESSAGE):
            self.send(("known", known[start : start + RECORDS_PER_MESSAGE]))
        self.send(("ready", [], self.sent_connections))
        await self.done.wait()
        await self.engine.close()
        await self.journal.close()
        self.flush()

    def read(self, loop: asyncio.AbstractEventLoop) -> None:
        """The child's reader thread: calls go to the engine's loop, key answers straight back."""
        while True:
            try:
                message = self.pipe.recv()
            except (EOFError, OSError):
                break  # the caller is gone: stop where we stand, the journal says where
            kind = message[0]
            if kind == "secret":
                answer = self.answers.get(message[1])
                if answer is not None:
                    answer.set_result(message[2])
            elif kind == "close":
                break
            else:
                loop.call_soon_threadsafe(self.start_call, *message[1:])
        for answer in list(self.answers.values()):
            answer.set_exception(EngineStopped("the app closed"))
        loop.call_soon_threadsafe(self.done.set)

    def start_call(self, call_id: int, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        asyncio.get_running_loop().create_task(self.call(call_id, method, args, kwargs))

    async def call(self, call_id: int, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        try:
            if method not in CALLS:
                raise ValueError(f"not an engine call: {method}")
            target = self.journal if method in ("task_log", "typical_duration") else self.engine
            result = getattr(target, method)(*args, **kwargs)
            if asyncio.iscoroutine(result):
                result = await result
            reply: tuple[Any, ...] = ("reply", call_id, True, result, False)
        except Exception as exc:
            reply = ("reply", call_id, False, _portable(exc), False)
        self.flush()  # what the call changed reaches the caller before its answer
        if reply[2] and isinstance(result, list) and result and isinstance(result[0], TaskRecord):
            # The caller holds the records the events sent it (flushed just now, ahead of this
            # reply): those are named by id, not sent again (a batch of 1,000 crossed twice).
            result = [r.id if r.id in self.mirrored else r for r in result]
            reply = ("reply", call_id, True, result, True)
        if reply[2] and isinstance(result, list) and len(result) > RECORDS_PER_MESSAGE:
            for start in range(0, len(result), RECORDS_PER_MESSAGE):  # the list, in parts
                self.send(("part", call_id, result[start : start + RECORDS_PER_MESSAGE]))
            reply = ("reply", call_id, True, PARTS, reply[4])
        self.send(reply)


def serve(pipe: Pipe, paths: Paths, frame: float) -> None:
    """The child process's entry point."""
    if hasattr(os, "nice"):
        # The window comes first: when the machine is busy, the engine's process yields the CPU to
        # the app's (its work is network-bound and loses nothing by waiting a few milliseconds).
        # At +15 it weighs 1/28 of the window (the scheduler's weights), at +5 a third: the window
        # still had to share the CPU with it in a busy moment (bench/README.md, ui_stall).
        # Niceness orders the processes of one session (autogroup) or cgroup, not the machine.
        os.nice(NICENESS)
    asyncio.run(_Server(pipe, paths, frame).run())


# ------------------------------------------------------------------------------------ the caller
class RemoteJournal:
    """The journal's reads the window needs, answered by the engine's process."""

    def __init__(self, proxy: EngineProxy) -> None:
        self._proxy = proxy

    async def task_log(self, task_id: str) -> list[tuple[float, str]]:
        result: list[tuple[float, str]] = await self._proxy._run("task_log", task_id)
        return result

    async def typical_duration(self, connection: str, model: str) -> float | None:
        result: float | None = await self._proxy._run("typical_duration", connection, model)
        return result


class EngineProxy:
    """The engine's API for the caller (the GUI). Build it with :meth:`start`."""

    _pipe: Pipe
    _process: multiprocessing.process.BaseProcess
    _reader: threading.Thread
    _writer: threading.Thread

    def __init__(self, secrets: SecretStore, frame: float = FRAME) -> None:
        self._secrets = secrets
        self._frame = frame
        self._caller: asyncio.AbstractEventLoop | None = None
        self._listeners: list[Listener] = []
        self._batch_listeners: list[BatchListener] = []
        self._tasks: dict[str, TaskRecord] = {}
        self._connections: dict[str, Connection] = {}
        self._events = _Coalescer()
        self._lock = threading.Lock()
        self._scheduled = False
        self._calls: dict[int, concurrent.futures.Future[Any]] = {}
        self._parts: dict[int, list[Any]] = {}  # call id -> the reply's list so far
        self._ids = itertools.count()
        self._outbox: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._ready: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._stopped = False
        self._closing = False
        self.journal = RemoteJournal(self)

    @classmethod
    async def start(
        cls, secrets: SecretStore, paths: Paths | None = None, *, frame: float = FRAME
    ) -> EngineProxy:
        """Start the engine's process (journal opened, tasks loaded, nothing resumed yet)."""
        proxy = cls(secrets, frame)
        proxy._caller = asyncio.get_running_loop()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        proxy._pipe = ours
        # Not a daemon: the offline renderer starts processes of its own from the engine. The child
        # ends when this process closes the pipe, which an exit does (atexit below, and the OS).
        proxy._process = context.Process(
            target=serve, args=(theirs, paths or default_paths(), frame), name="clipdesk-engine"
        )
        proxy._process.start()
        theirs.close()
        atexit.register(ours.close)  # before multiprocessing's own exit handler joins the child
        proxy._reader = threading.Thread(target=proxy._read, name="clipdesk-engine-reader", daemon=True)
        proxy._reader.start()
        proxy._writer = threading.Thread(target=proxy._write, name="clipdesk-engine-writer", daemon=True)
        proxy._writer.start()
        try:
            await asyncio.wrap_future(proxy._ready)
        except BaseException:
            await proxy._join()
            raise
        return proxy

    # -- the pipe ----------------------------------------------------------------------------------
    def _send(self, message: tuple[Any, ...]) -> None:
        """Queue ``message`` for the writer thread: the caller's thread never waits for a full pipe
        (1,000 tasks created at once are 0.5 MB, eight times a pipe's buffer)."""
        self._outbox.put(message)

    def _write(self) -> None:
        """The writer thread: pickle and send what the caller queued, in order."""
        while (message := self._outbox.get()) is not None:
            try:
                self._pipe.send(message)
            except (OSError, ValueError):
                if message[0] == "call":
                    future = self._calls.pop(message[1], None)
                    if future is not None and not future.done():
                        future.set_exception(EngineStopped())

    def _read(self) -> None:
        """The reader thread: mirror the child's events, answer its key questions, settle calls."""
        while True:
            try:
                message = self._pipe.recv()
            except (EOFError, OSError):
                break
            kind = message[0]
            if kind == "events":
                for event, record in message[1]:
                    self._apply_event(event, record)
            elif kind == "part":
                self._parts.setdefault(message[1], []).extend(message[2])
            elif kind == "reply":
                future = self._calls.pop(message[1], None)
                parts = self._parts.pop(message[1], [])
                if future is not None:
                    if not message[2]:
                        future.set_exception(message[3])
                    else:
                        value = parts if message[3] == PARTS else message[3]
                        if message[4]:  # task records, those the mirror holds by id
                            value = [self._tasks[x] if isinstance(x, str) else x for x in value]
                        future.set_result(value)
            elif kind == "secret?":
                try:
                    value = self._secrets.get(message[2])
                except Exception:
                    log.exception("reading a key for the engine failed")
                    value = None
                self._send(("secret", message[1], value))
            elif kind == "connections":
                self._connections = message[1]
            elif kind == "known":
                for record in message[1]:
                    self._tasks[record.id] = record
            elif kind == "ready":
                self._connections = message[2]
                self._ready.set_result(None)
            elif kind == "failed":
                self._ready.set_exception(message[1])
        self._stopped = True
        if not self._ready.done():
            self._ready.set_exception(EngineStopped("the engine could not start; see the log"))
        for future in list(self._calls.values()):
            if not future.done():
                future.set_exception(EngineStopped())
        self._calls.clear()
        if not self._closing:
            log.error("the engine's process stopped unexpectedly (exit code %s)", self._process.exitcode)

    def _apply_event(self, event: str, record: TaskRecord) -> None:
        """Mirror one event (reader thread), then queue it for the caller's listeners."""
        if event == "removed":
            record = self._tasks.pop(record.id, record)
        else:
            mine = self._tasks.get(record.id)
            if mine is None:
                self._tasks[record.id] = record
            else:
                mine.__dict__.update(record.__dict__)
                record = mine
        with self._lock:
            self._events.add(event, record)
            schedule = not self._scheduled
            self._scheduled = True
        if schedule and self._caller is not None:
            self._caller.call_soon_threadsafe(self._caller.call_later, self._frame, self.dispatch)

    def dispatch(self) -> None:
        """Deliver pending events to the listeners (on the caller's loop)."""
        with self._lock:
            batch = self._events.take()
            self._scheduled = False
        if not batch:
            return
        for batch_listener in list(self._batch_listeners):
            batch_listener(batch)
        for event, record in batch:
            for listener in list(self._listeners):
                listener(event, record)

    def _call(self, method: str, *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        if self._stopped:
            future.set_exception(EngineStopped())
            return future
        call_id = next(self._ids)
        self._calls[call_id] = future
        self._send(("call", call_id, method, args, kwargs))
        return future

    async def _run(self, method: str, *args: Any, **kwargs: Any) -> Any:
        result = await asyncio.wrap_future(self._call(method, *args, **kwargs))
        self.dispatch()
        return self._mine(result)

    def _mine(self, result: Any) -> Any:
        """The mirror's record object for a record the child returned (one object per task)."""
        if isinstance(result, TaskRecord):
            return self._tasks.get(result.id, result)
        if isinstance(result, list) and result and isinstance(result[0], TaskRecord):
            return [self._tasks.get(r.id, r) for r in result]
        return result

    # -- listeners ---------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def subscribe_batch(self, listener: BatchListener) -> None:
        """``listener`` gets each frame's events at once (a view inserts a frame's new rows in one go)."""
        self._batch_listeners.append(listener)

    def unsubscribe_batch(self, listener: BatchListener) -> None:
        if listener in self._batch_listeners:
            self._batch_listeners.remove(listener)

    # -- state, read from the caller's thread ------------------------------------------------------
    @property
    def tasks(self) -> dict[str, TaskRecord]:
        return dict(self._tasks)

    @property
    def connections(self) -> dict[str, Connection]:
        return dict(self._connections)

    @property
    def alive(self) -> bool:
        return not self._stopped

    # -- actions, run in the engine's process ------------------------------------------------------
    async def create(self, connection_name: str, request: GenerationRequest, **kwargs: Any) -> TaskRecord:
        record: TaskRecord = await self._run("create", connection_name, request, **kwargs)
        return record

    async def create_many(
        self, connection_name: str, requests: list[GenerationRequest], **kwargs: Any
    ) -> list[TaskRecord]:
        """Many tasks in one call (a batch of 1,000 is one message, not 1,000 round trips)."""
        records: list[TaskRecord] = await self._run("create_many", connection_name, requests, **kwargs)
        return records

    async def cancel(self, task_id: str) -> None:
        await self._run("cancel", task_id)

    async def retry(self, task_id: str) -> TaskRecord:
        record: TaskRecord = await self._run("retry", task_id)
        return record

    async def remove(self, task_id: str) -> None:
        await self._run("remove", task_id)

    async def resolve_unknown(self, task_id: str, **kwargs: Any) -> None:
        await self._run("resolve_unknown", task_id, **kwargs)

    async def import_videos(self, paths: list[str]) -> list[TaskRecord]:
        return list(await self._run("import_videos", paths))

    async def load(self) -> list[TaskRecord]:
        records: list[TaskRecord] = await self._run("load")
        return records

    async def resume_all(self) -> list[TaskRecord]:
        records: list[TaskRecord] = await self._run("resume_all")
        return records

    async def wait(self, task_ids: Iterable[str] | None = None) -> None:
        await self._run("wait", list(task_ids) if task_ids is not None else None)

    def add_connection(self, connection: Connection) -> None:
        """Applied in the engine's process before returning (a settings change, rare and quick)."""
        self._call("add_connection", connection).result(timeout=10)

    def remove_connection(self, name: str) -> None:
        self._call("remove_connection", name).result(timeout=10)

    async def check_connection(self, connection: Connection, key: str | None) -> None:
        await self._run("check_connection", connection, key)

    async def test_connection(self, connection: Connection, key: str | None) -> ProbeResult:
        result: ProbeResult = await self._run("test_connection", connection, key)
        return result

    async def spend_summary(self, connection: str | None, month: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = await self._run("spend_summary", connection, month)
        return result

    def pause(self, connection: str) -> None:
        self._call("pause", connection)

    def unpause(self, connection: str) -> None:
        self._call("unpause", connection)

    async def close(self) -> None:
        """Stop the engine where it stands, close its journal, and end its process."""
        self._closing = True
        if not self._stopped:
            self._send(("close",))
        await self._join()
        self.dispatch()

    async def _join(self) -> None:
        loop = asyncio.get_running_loop()
        process = self._process
        await loop.run_in_executor(None, process.join, 30)
        if process.is_alive():
            log.error("the engine's process did not stop in 30 s; ending it")
            process.terminate()
            await loop.run_in_executor(None, process.join, 5)
        await loop.run_in_executor(None, self._reader.join, 5)
        self._outbox.put(None)
        await loop.run_in_executor(None, self._writer.join, 5)
        self._pipe.close()
