"""The task engine: lanes per connection, the state machine, and the journal-before-submit rule.

Every task runs as one asyncio task that walks ``queued → uploading → submitting → running →
downloading → succeeded`` and writes each step to the journal before acting on it:

- the task is written (state ``queued``) before anything is sent;
- ``submitting`` is written before the billed request leaves; the remote id is written the moment
  it arrives;
- a submit whose answer was lost becomes ``unknown`` and is never re-sent by itself;
- on start-up every unfinished task resumes where its journal entry says it stopped;
- every change of state goes through ``states.move`` (core/tasks/states.py), which refuses one the
  transition table does not hold;
- a task is worked on by one engine at a time: the engine holds its lease in the journal
  (core/tasks/leases.py), so the app and a CLI beside it never submit, poll or download it twice.

The engine is plain asyncio on the caller's loop (the window's, under qasync; ``asyncio.run`` in the
CLI). Nothing it runs there blocks: the journal works on its own thread, keys are read from the
keyring with ``asyncio.to_thread`` when a lane opens or a task is checked, files are hashed and
images prepared off the loop. Watchers listen through :class:`core.tasks.events.TaskEvents`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.config.connections import Connection
from core.config.paths import Paths
from core.config.secrets import SecretStore
from core.errors import (
    UNREADABLE_CODES,
    ClipDeskError,
    DiskFull,
    ErrorKind,
    InvalidInput,
    ProviderError,
    RequestNotSent,
    SubmitOutcomeUnknown,
)
from core.library import find_videos, index, write_sidecar
from core.media import pool
from core.media.images import PreparedImage, prepare_image, prepare_images
from core.pricing import Estimate, charge_from_usage, estimate
from core.providers import get_provider
from core.providers.base import PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.providers.catalog import validate_request
from core.providers.probe import Balances, ProbeResult, probe
from core.redact import redact
from core.tasks import states
from core.tasks.events import TaskEvents, reflected
from core.tasks.journal import Journal, JournalError, TaskRecord
from core.tasks.leases import LEASE_SECONDS, Leases
from core.tasks.ledger import Ledger, next_day
from core.tasks.listing import Listing
from core.tasks.request import GenerationRequest
from core.tasks.schedule import PollSchedule, log_spread
from core.tasks.states import TaskState

if TYPE_CHECKING:
    from core.net.download import Downloaded
    from core.net.http import HttpLayer

log = logging.getLogger("clipdesk.engine")

IMAGE_SLOTS = ("image", "last_image", "ref_images")
SUBMIT_ATTEMPTS = 6  # only for submits the server provably did not receive, or refused with 429
DEFAULT_DEADLINE = 3 * 3600.0  # seconds from submit until a running task is given up on
CREATE_AT_ONCE = 50  # tasks of a batch started in one turn of the loop
GATEWAY_AMBIGUOUS = {502, 504}  # a proxy's answer: the request may have reached the provider


class CannotSave(DiskFull):
    """The finished video cannot be put where it belongs (its folder cannot be made or written).
    Handled like a full disk: the task stays ``downloading`` with its .part, and resumes once fixed."""

    def __init__(self, folder: Path, exc: OSError) -> None:
        where = exc.filename or folder
        ClipDeskError.__init__(
            self,
            ErrorKind.UNKNOWN,
            f"the video cannot be saved ({exc.strerror or type(exc).__name__}: {where}); "
            "fix that folder, then resume",
        )


@dataclass
class Lane:
    """One connection's HTTP client and its limits on concurrent submits, polls and downloads."""

    connection: Connection
    provider: Provider
    http: HttpLayer
    submits: asyncio.Semaphore
    polls: asyncio.Semaphore
    downloads: asyncio.Semaphore
    running: asyncio.Event  # set while the connection is not paused (the engine's, per connection)
    listing: Listing = field(init=False)  # polls of many tasks answered by one list, where there is one
    balances: Balances = field(init=False)  # the account's balance after a finished task

    def __post_init__(self) -> None:
        self.listing = Listing(self.provider)
        self.balances = Balances(self.provider.dialect, self.http)

    @property
    def paused(self) -> bool:
        return not self.running.is_set()


class Engine(TaskEvents):
    def __init__(
        self,
        paths: Paths,
        journal: Journal,
        secrets: SecretStore,
        connections: dict[str, Connection] | None = None,
        *,
        deadline: float = DEFAULT_DEADLINE,
        lease_seconds: float = LEASE_SECONDS,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.journal = journal
        self.secrets = secrets
        self.connections: dict[str, Connection] = dict(connections or {})
        self.deadline = deadline
        self.tasks: dict[str, TaskRecord] = {}
        self._runners: dict[str, asyncio.Task[None]] = {}
        self._lanes: dict[str, Lane] = {}
        self._gates: dict[str, asyncio.Event] = {}  # per connection: set while it is not paused
        self._closing = False
        self._background: set[asyncio.Task[None]] = set()
        self._prepared: dict[str, dict[str, list[PreparedImage]]] = {}  # inputs of tasks made this session
        # per (connection, model): (when read, median seconds) or the read in flight
        self._typical: dict[tuple[str, str], tuple[float, float | None] | asyncio.Future[float | None]] = {}
        self._spread: dict[tuple[str, str], float | None] = {}  # σ of log durations (see schedule)
        # Tasks of a connection and model with no history yet: a few scouts poll for all of them
        self._scouts: dict[tuple[str, str], int] = {}
        self._learned: dict[tuple[str, str], _Learned] = {}
        self._seen_done: set[str] = set()  # tasks whose end this session saw (no earlier run's file)
        self.leases = Leases(journal, lease_seconds)  # one engine per task (core/tasks/leases.py)
        self._elsewhere: set[str] = set()  # unfinished tasks another engine holds: taken over once it is gone
        self._leased: set[str] = set()  # leases just taken (insert, resume) for the runner about to start
        self._keeper: asyncio.Task[None] | None = None
        self.ledger = Ledger(journal)
        # False (the CLI): a task held by a budget cap stays held in the journal and its runner
        # ends; True (the app): it waits for a higher cap or a new day, then goes on by itself
        self.hold_waits = True
        self._budget_locks: dict[str, asyncio.Lock] = {}
        self._budget_changed = asyncio.Event()

    # -- connections and lanes -------------------------------------------------------------------
    def add_connection(self, connection: Connection) -> None:
        old = self._lanes.pop(connection.name, None)
        self.connections[connection.name] = connection
        self.release_held()  # its caps may have changed
        if old is not None:
            task = asyncio.get_running_loop().create_task(old.http.aclose())
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    def remove_connection(self, name: str) -> None:
        """Forget a connection; its tasks keep their records (a resume recreates it from them)."""
        self.connections.pop(name, None)
        old = self._lanes.pop(name, None)
        if old is not None:
            task = asyncio.get_running_loop().create_task(old.http.aclose())
            self._background.add(task)
            task.add_done_callback(self._background.discard)

    async def lane(self, name: str) -> Lane:
        """The connection's lane, opened on first use (its key read off the loop)."""
        lane = self._lanes.get(name)
        if lane is None:
            connection = self.connections.get(name)
            if connection is None:
                raise ClipDeskError(ErrorKind.INVALID_INPUT, f"there is no connection named {name!r}")
            provider = get_provider(connection.dialect)
            key = await asyncio.to_thread(self._open_lane, connection, provider)
            lane = self._lanes.get(name)  # opened by another task meanwhile
            if lane is not None:
                return lane
            from core.net.http import HttpLayer  # (imported by _open_lane, in its thread)

            http = HttpLayer(
                connection.base_url,
                auth_headers=provider.auth_headers(key) if key else {},
                proxy=connection.proxy,
                max_in_flight=max(connection.max_polls, connection.max_submits) + connection.max_downloads,
            )
            lane = Lane(
                connection,
                provider,
                http,
                asyncio.Semaphore(connection.max_submits),
                asyncio.Semaphore(connection.max_polls),
                asyncio.Semaphore(connection.max_downloads),
                self._gate(name),
            )
            self._lanes[name] = lane
        return lane

    def _open_lane(self, connection: Connection, provider: Provider) -> str | None:
        """In a worker thread, what opening a lane waits on: the key from the keyring, the HTTP
        stack's import (httpx, aiohttp: the engine does not import it before the first lane, so
        the window can show the queue and the library without it), and its first-use work
        (certificates, imports) for a connection that talks HTTP."""
        import core.net.download  # noqa: F401 - and with it core.net.http

        if connection.base_url:
            from core.net.http import warm_up

            warm_up()
        return self.secrets.get(connection.name) if provider.needs_key else None

    def _gate(self, connection: str) -> asyncio.Event:
        gate = self._gates.get(connection)
        if gate is None:
            gate = self._gates[connection] = asyncio.Event()
            gate.set()
        return gate

    async def test_connection(self, connection: Connection, key: str | None) -> ProbeResult:
        """Settings' "Test connection": the URL and the key, with a request that costs nothing
        (core/providers/probe.py); the verdict in words, and the balance where the API has one."""
        return await probe(connection, key)

    async def spend_summary(self, connection: str | None, month: str) -> list[dict[str, Any]]:
        """The spend ledger's month, per connection and currency (core/tasks/ledger.py)."""
        return await self.ledger.summary(connection, month)

    def pause(self, connection: str) -> None:
        self._gate(connection).clear()

    def unpause(self, connection: str) -> None:
        self._gate(connection).set()

    def paused(self, connection: str) -> bool:
        return not self._gate(connection).is_set()

    # -- creating tasks --------------------------------------------------------------------------
    @reflected
    async def create(
        self,
        connection_name: str,
        request: GenerationRequest,
        *,
        output_dir: str | None = None,
        parent_id: str | None = None,
        batch_id: str | None = None,
        start: bool = True,
        relation: str | None = None,
    ) -> TaskRecord:
        """Validate, prepare the inputs, journal the task, then start it. Raises before any request
        is sent when the input is bad (InvalidInput) or the connection has no key (auth).
        ``relation``: how it comes from ``parent_id`` (core/tasks/lineage.py)."""
        connection, provider = self._check(connection_name, request)
        await self._check_key(connection, provider)
        return await self._create(
            connection,
            provider,
            request,
            output_dir=output_dir,
            parent_id=parent_id,
            batch_id=batch_id,
            start=start,
            relation=relation,
        )

    async def _create(
        self,
        connection: Connection,
        provider: Provider,
        request: GenerationRequest,
        *,
        output_dir: str | None = None,
        parent_id: str | None = None,
        batch_id: str | None = None,
        start: bool = True,
        relation: str | None = None,
    ) -> TaskRecord:
        """``create`` once the request and the key are checked."""
        record = TaskRecord(
            id=TaskRecord.new_id(),
            connection=connection.name,
            dialect=connection.dialect,
            base_url=connection.base_url,
            model=request.model,
            request=request,
            output_dir=output_dir,
            parent_id=parent_id,
            batch_id=batch_id,
            relation=relation if parent_id else None,
        )
        record.estimate = self._estimate(connection, provider, request).to_dict()
        images: dict[str, list[PreparedImage]] = {}
        sources = [request.image, request.last_image, *request.ref_images]
        if any(s and not _is_url(s) for s in sources):  # decoded and re-encoded in the process pool
            images = await pool.run(prepare_images, _slots(request), provider.image_limits)
            await asyncio.to_thread(self._store_images, record.id, images)
        elif any(sources):  # URLs only: nothing to read or store
            images = prepare_images(_slots(request), provider.image_limits)
        await self.journal.insert(record, lease=(self.leases.holder, self.leases.until()))
        self._leased.add(record.id)
        self._prepared[record.id] = images
        self.tasks[record.id] = record
        self._emit("added", record)
        if start:
            self._start(record)
        return record

    async def validate(self, connection_name: str, request: GenerationRequest) -> None:
        """Everything :meth:`create` checks before it writes anything (raises), with nothing written
        or sent: the request against the catalog, and its local images read and prepared."""
        _connection, provider = self._check(connection_name, request)
        if any(s and not _is_url(s) for s in (request.image, request.last_image, *request.ref_images)):
            await pool.run(prepare_images, _slots(request), provider.image_limits)

    def _check(self, connection_name: str, request: GenerationRequest) -> tuple[Connection, Provider]:
        """What can be said of a request before anything is written or sent (raises)."""
        connection = self.connections.get(connection_name)
        if connection is None:
            raise InvalidInput(f"there is no connection named {connection_name!r}", field="connection")
        provider = get_provider(connection.dialect)
        validate_request(provider.catalog.spec(request.model), request)
        if provider.needs_base_url and not connection.base_url:
            raise InvalidInput(f"the connection {connection.name!r} has no base URL", field="base_url")
        return connection, provider

    async def _check_key(self, connection: Connection, provider: Provider) -> None:
        """Raise (auth) when the connection needs a key and the keyring has none (read off the loop)."""
        if provider.needs_key and not await asyncio.to_thread(self.secrets.get, connection.name):
            raise ClipDeskError(
                ErrorKind.AUTH,
                f"no API key for {connection.name!r}: add one in the connection settings, "
                "or set CLIPDESK_API_KEY for a headless run",
            )

    def estimate(self, connection_name: str, request: GenerationRequest) -> Estimate:
        """What one generation of ``request`` should cost on this connection (validates nothing)."""
        connection = self.connections.get(connection_name)
        if connection is None:
            raise InvalidInput(f"there is no connection named {connection_name!r}", field="connection")
        return self._estimate(connection, get_provider(connection.dialect), request)

    @staticmethod
    def _estimate(connection: Connection, provider: Provider, request: GenerationRequest) -> Estimate:
        spec = provider.catalog.spec(request.model)
        return estimate(connection.dialect, spec, request, connection.prices)

    def release_held(self) -> None:
        """Caps changed: tasks held by a budget look again."""
        self._budget_changed.set()
        self._budget_changed = asyncio.Event()

    async def _within_budget(self, lane: Lane, record: TaskRecord) -> bool:
        """Before a submit: check the connection's caps and reserve this task's estimate in the
        ledger (one task at a time per connection, so a batch cannot overshoot). False: the task
        of a batch is now held; a single task over a cap fails with kind ``budget``."""
        connection = self.connections.get(record.connection, lane.connection)
        if record.estimate is None:  # a task journaled before estimates were kept
            record.estimate = self._estimate(connection, lane.provider, record.request).to_dict()
        amount = (record.estimate or {}).get("amount")
        currency = (record.estimate or {}).get("currency")
        lock = self._budget_locks.setdefault(connection.name, asyncio.Lock())
        async with lock:
            why = await self.ledger.refusal(connection, record.id, amount, currency, time.time())
            if why is None:
                if amount is not None and currency is not None and lane.provider.dialect != "local":
                    await self.ledger.reserve(record.id, connection.name, float(amount), str(currency))
                return True
        if record.batch_id is None or amount is None:
            raise ClipDeskError(ErrorKind.BUDGET, why, code="budget")
        record.error_kind, record.error_message, record.error_code = ErrorKind.BUDGET.value, why, "budget"
        await self._set_state(record, TaskState.HELD, "error_kind", "error_message", "error_code")
        await self._log(record, f"held by budget: {why}")
        return False

    async def _wait_for_budget(self, record: TaskRecord) -> bool:
        """A held task waits for a higher cap or a new day (False: not in this process)."""
        if not self.hold_waits:
            return False
        changed = self._budget_changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), max(next_day(time.time()) - time.time(), 1.0))
        record.error_kind = record.error_message = record.error_code = None
        await self._set_state(record, TaskState.QUEUED, "error_kind", "error_message", "error_code")
        return True

    async def _record_charge(self, record: TaskRecord, result: PollResult) -> bool:
        """The charge the provider reports in its final answer: in the ledger, and on the record
        (True), saved with the task's next state."""
        provider = get_provider(record.dialect)
        connection = self.connections.get(record.connection)
        charge = charge_from_usage(
            record.dialect,
            provider.catalog.spec(record.model),
            record.request,
            result.usage,
            connection.prices if connection else None,
        )
        if charge is None:
            return False
        charge["not_charged"] = charge["amount"] == 0
        record.charge = charge
        if charge["amount"] is not None:
            await self.ledger.settle(record.id, record.connection, charge["amount"], charge["currency"])
        return True

    @reflected
    async def create_many(
        self,
        connection_name: str,
        requests: list[GenerationRequest],
        *,
        output_dir: str | None = None,
        batch_id: str | None = None,
    ) -> list[TaskRecord]:
        """A batch in one call. Every request is checked first: one that is not valid creates none
        of them. Then they are created CREATE_AT_ONCE at a time (their journal writes share a
        commit; the loop's turns stay short: 800 started in one turn held the window 75 ms), in
        order of creation time."""
        checked = [self._check(connection_name, request) for request in requests]
        if checked:
            await self._check_key(*checked[0])  # one keyring read for the batch
        made: list[TaskRecord] = []
        jobs = list(zip(checked, requests, strict=True))
        for start in range(0, len(jobs), CREATE_AT_ONCE):
            made += await asyncio.gather(
                *(
                    self._create(connection, provider, r, output_dir=output_dir, batch_id=batch_id)
                    for (connection, provider), r in jobs[start : start + CREATE_AT_ONCE]
                )
            )
        return made

    def _task_dir(self, task_id: str) -> Path:
        return self.paths.tasks / task_id

    def _store_images(self, task_id: str, images: dict[str, list[PreparedImage]]) -> None:
        folder = self._task_dir(task_id)
        folder.mkdir(parents=True, exist_ok=True)
        for slot, items in images.items():
            for n, image in enumerate(items):
                if image.data:
                    image.save(folder / f"{slot}-{n}")

    def _load_images(self, record: TaskRecord, provider: Provider) -> dict[str, list[PreparedImage]]:
        """The images ``create`` prepared: read back from the task's folder, or, for a web address
        (never stored, as in ``create``), prepared again from the request."""
        folder = self._task_dir(record.id)
        loaded: dict[str, list[PreparedImage]] = {}
        for slot, items in _slots(record.request).items():
            if items:
                loaded[slot] = [
                    prepare_image(src, provider.image_limits, field=slot)
                    if _is_url(src)
                    else PreparedImage.load(folder / f"{slot}-{n}", src)
                    for n, src in enumerate(items)
                ]
        return loaded

    # -- resuming --------------------------------------------------------------------------------
    async def load(self) -> list[TaskRecord]:
        """Read every task from the journal into memory (for the GUI's table)."""
        records = await self.journal.all()
        for record in records:
            self.tasks.setdefault(record.id, record)
        return records

    @reflected
    async def resume_all(self, only: set[str] | None = None) -> list[TaskRecord]:
        """Resume every unfinished task (of ``only``, when given) that no other engine works on.
        A submit that was in flight when we stopped becomes ``unknown`` (looked up where the
        dialect can), and is never sent again by itself."""
        resumed = []
        unfinished = [
            s
            for s in await self.journal.unfinished()
            if s.id not in self._runners and (only is None or s.id in only)
        ]
        taken = await self.leases.take([s.id for s in unfinished])
        for task_id in (only or set()) - {s.id for s in unfinished} - set(self._runners):
            await self._ended_elsewhere(task_id)
        for stored in unfinished:
            if stored.id not in taken:
                self._held_elsewhere(stored.id)
                continue
            self._elsewhere.discard(stored.id)
            record = self.tasks.setdefault(stored.id, stored)
            if record is not stored and taken[stored.id] != self.leases.holder:
                self._adopt(record, stored)
            if record.connection not in self.connections:
                self.connections[record.connection] = Connection(
                    name=record.connection, dialect=record.dialect, base_url=record.base_url
                )
            if record.state is TaskState.SUBMITTING:
                if get_provider(record.dialect).billed:
                    await self._mark_unknown(record, "ClipDesk stopped while this submit was in flight")
                    await self._try_resolve_unknown(record)
                else:
                    await self._set_state(record, TaskState.QUEUED)
            if record.state is TaskState.UNKNOWN:
                resumed.append(record)
                continue
            if record.state is TaskState.HELD:  # a new run looks at the caps again
                record.error_kind = record.error_message = record.error_code = None
                await self._set_state(record, TaskState.QUEUED, "error_kind", "error_message", "error_code")
            self._leased.add(record.id)
            self._start(record)
            resumed.append(record)
        return resumed

    async def _try_resolve_unknown(self, record: TaskRecord) -> None:
        lane = await self.lane(record.connection)
        ctx = self._context(lane, record)
        try:
            remote_id = await lane.provider.find_lost_submit(ctx, record.request)
        except ClipDeskError as exc:
            log.info("lookup of lost submit %s failed: %s", record.id, exc)
            return
        if remote_id:
            record.remote_id = remote_id
            record.error_kind = record.error_message = record.error_code = None
            await self._set_state(
                record, TaskState.RUNNING, "remote_id", "error_kind", "error_message", "error_code"
            )
            await self._log(record, f"found the task created by the lost submit: {remote_id}")

    # -- user actions ----------------------------------------------------------------------------
    @reflected
    async def cancel(self, task_id: str) -> None:
        record = self.tasks[task_id]
        if record.state.terminal:
            return
        if task_id not in self._runners:
            await self._claim_or_refuse(record)
            if record.state.terminal:  # ended meanwhile by the engine that had it
                return
        runner = self._runners.pop(task_id, None)
        if runner is not None:
            runner.cancel()
            await asyncio.gather(runner, return_exceptions=True)
        if record.remote_id and record.state in (TaskState.RUNNING, TaskState.SUBMITTING):
            lane = await self.lane(record.connection)
            if lane.provider.can_cancel:
                try:
                    await lane.provider.cancel(self._context(lane, record), record.remote_id)
                except ClipDeskError as exc:
                    await self._log(record, f"remote cancel refused: {exc.message}")
        record.finished_at = time.time()
        await self._fail(record, ClipDeskError(ErrorKind.CANCELLED), TaskState.CANCELLED)

    @reflected
    async def retry(self, task_id: str) -> TaskRecord:
        """A new task with the same request, linked to the old one. Never reuses the old submit."""
        old = self.tasks[task_id]
        return await self.create(
            old.connection, old.request, output_dir=old.output_dir, parent_id=old.id, relation="retry"
        )

    @reflected
    async def resolve_unknown(
        self, task_id: str, *, remote_id: str | None = None, resubmit: bool = False
    ) -> None:
        """A person decides about an ``unknown`` submit: give its remote id, send it again, or drop it."""
        record = self.tasks[task_id]
        if task_id not in self._runners:
            await self._claim_or_refuse(record)
        if record.state is not TaskState.UNKNOWN:
            raise ClipDeskError(
                ErrorKind.INVALID_INPUT, "only a task whose submit is unknown can be resolved"
            )
        record.error_kind = record.error_message = record.error_code = None
        if remote_id:
            record.remote_id = remote_id.strip()
            await self._set_state(record, TaskState.RUNNING, "remote_id", "error_kind", "error_message")
        elif resubmit:
            await self._set_state(record, TaskState.QUEUED, "error_kind", "error_message")
        else:
            await self._fail(record, ClipDeskError(ErrorKind.CANCELLED, "dropped after an unknown submit"))
            return
        self._start(record)

    @reflected
    async def remove(self, task_id: str) -> None:
        record = self.tasks.get(task_id)
        if record is None:
            return
        if not record.state.terminal and record.state is not TaskState.UNKNOWN:
            await self.cancel(task_id)
        await self.journal.delete(task_id)
        self.tasks.pop(task_id, None)
        self._emit("removed", record)

    @reflected
    async def import_videos(self, paths: list[str]) -> list[TaskRecord]:
        """Video files, and the videos in folders (searched through), into the library: a video
        with a sidecar comes back as the task it was (a known task whose file had moved is pointed
        at it), one without as an imported video (core/library.py). Videos the library has where
        they are are left alone. Returns the tasks added or pointed at a new place."""
        videos = await asyncio.to_thread(find_videos, paths)
        found = await asyncio.to_thread(index, videos, dict(self.tasks))
        changed: list[TaskRecord] = []
        for task_id, path in found.moved:
            record = self.tasks.get(task_id)
            if record is not None:
                record.video_path = path
                await self._save(record, "video_path")
                changed.append(record)
        for record in found.added:
            await self.journal.insert(record)
            self.tasks[record.id] = record
            self._emit("added", record)
            changed.append(record)
        added, moved = len(found.added), len(found.moved)
        log.info("import: %d videos found, %d added, %d moved", len(videos), added, moved)
        return changed

    async def wait(self, task_ids: list[str] | None = None) -> None:
        """Until the given tasks (default: all running) have stopped."""
        while True:
            runners = [r for tid, r in self._runners.items() if task_ids is None or tid in task_ids]
            if not runners:
                return
            await asyncio.gather(*runners, return_exceptions=True)

    async def close(self) -> None:
        """Stop every runner where it stands (the journal says where), close clients and the journal."""
        self._closing = True
        runners = list(self._runners.values())
        if self._keeper is not None:
            runners.append(self._keeper)
        for runner in runners:
            runner.cancel()
        await asyncio.gather(*runners, return_exceptions=True)
        try:
            await self.leases.release()
        except (JournalError, RuntimeError) as exc:  # a journal closed first: they expire by themselves
            log.warning("task leases not given up: %s", exc)
        for lane in self._lanes.values():
            lane.balances.close()
            await lane.http.aclose()
            shutdown = getattr(lane.provider, "shutdown", None)
            if callable(shutdown):
                shutdown()
        self._lanes.clear()

    # -- the state machine -----------------------------------------------------------------------
    def _start(self, record: TaskRecord) -> None:
        if self._closing or record.id in self._runners:
            return
        runner = asyncio.get_running_loop().create_task(self._run(record), name=f"task-{record.id[:8]}")
        self._runners[record.id] = runner
        runner.add_done_callback(functools.partial(self._forget_runner, record.id))

    def _forget_runner(self, task_id: str, _task: asyncio.Task[None]) -> None:
        self._runners.pop(task_id, None)

    def _context(self, lane: Lane, record: TaskRecord) -> ProviderContext:
        return ProviderContext(
            http=lane.http,
            uploads=record.uploads,
            work_dir=self._task_dir(record.id),
            task_id=record.id,
            log=functools.partial(self._log_soon, record),
        )

    async def _run(self, record: TaskRecord) -> None:
        if record.id in self._leased:  # taken a moment ago: no second round trip for it
            self._leased.discard(record.id)
            self._keep_leases()
        elif not await self._claim(record):
            return
        try:
            lane = await self.lane(record.connection)
            ctx = self._context(lane, record)
            images = self._prepared.pop(record.id, None)
            ctx.images = images or {}
            while not record.state.terminal and record.state is not TaskState.UNKNOWN:
                if record.state in (TaskState.QUEUED, TaskState.UPLOADING):
                    # Only a submit needs the images: a task resumed after its submit polls and
                    # downloads without them (its folder may be gone; it was billed all the same).
                    if images is None and (
                        record.request.image or record.request.last_image or record.request.ref_images
                    ):
                        images = await asyncio.to_thread(self._load_images, record, lane.provider)
                        ctx.images = images
                    await self._submit(lane, ctx, record)
                elif record.state is TaskState.HELD:
                    if not await self._wait_for_budget(record):
                        return
                    lane = await self.lane(record.connection)  # its caps (and client) may be new
                    ctx = self._context(lane, record)
                    ctx.images = images or {}
                elif record.state is TaskState.RUNNING:
                    await self._poll_until_done(lane, ctx, record)
                elif record.state is TaskState.DOWNLOADING:
                    await self._download(lane, ctx, record)
                else:  # SUBMITTING is only seen here after a crash; resume_all handles it
                    await self._mark_unknown(record, "the submit was interrupted")
        except asyncio.CancelledError:
            raise
        except SubmitOutcomeUnknown as exc:
            await self._mark_unknown(record, exc.message)
        except DiskFull as exc:
            record.error_kind, record.error_message = exc.kind.value, exc.message
            await self._save(record, "error_kind", "error_message")
        except ClipDeskError as exc:
            expired = exc.kind is ErrorKind.EXPIRED and states.allowed(record.state, TaskState.EXPIRED)
            await self._fail(record, exc, TaskState.EXPIRED if expired else TaskState.FAILED)
        except JournalError:
            log.exception("journal failure for task %s", record.id)
            raise
        except Exception as exc:
            log.exception("task %s failed unexpectedly", record.id)
            await self._fail(
                record, ClipDeskError(ErrorKind.UNKNOWN, f"internal error: {type(exc).__name__}")
            )

    async def _submit(self, lane: Lane, ctx: ProviderContext, record: TaskRecord) -> None:
        if not await self._within_budget(lane, record):
            return
        try:
            await self._submit_attempts(lane, ctx, record)
        except ClipDeskError as exc:
            if record.remote_id is None and not isinstance(exc, SubmitOutcomeUnknown):
                # refused by the provider, or never received: no task was created, nothing spent
                why = "the provider refused the submit" if isinstance(exc, ProviderError) else "not sent"
                await self.ledger.release(record.id)
                record.charge = {
                    "amount": 0,
                    "currency": (record.estimate or {}).get("currency"),
                    "basis": f"{why} ({exc.kind.value}): no task was created",
                    "not_charged": True,
                }
                await self._save(record, "charge")
            raise

    async def _submit_attempts(self, lane: Lane, ctx: ProviderContext, record: TaskRecord) -> None:
        provider = lane.provider
        for attempt in range(1, SUBMIT_ATTEMPTS + 1):
            await lane.running.wait()
            accepted: Submitted | None = None
            async with lane.submits:
                if provider.needs_upload and not record.uploads:
                    await self._set_state(record, TaskState.UPLOADING)
                    record.uploads = await provider.upload(ctx, record.request)
                    ctx.uploads = record.uploads
                    await self._save(record, "uploads")
                record.attempts += 1
                record.submitted_at = time.time()
                # Journal first: from here on the request may reach the provider.
                await self._set_state(record, TaskState.SUBMITTING, "attempts", "submitted_at")
                try:
                    submitted = await provider.submit(ctx, record.request)
                except RequestNotSent as exc:
                    wait = min(2**attempt, 30)
                    reason = exc.message
                except ProviderError as exc:
                    if exc.code in UNREADABLE_CODES and (exc.http_status is None or exc.http_status < 300):
                        # accepted, but the answer cannot be read: the task may exist and be billed
                        raise SubmitOutcomeUnknown(f"the answer to the submit is unreadable: {exc.message}")
                    if exc.http_status == 429 and attempt < SUBMIT_ATTEMPTS:
                        wait = exc.retry_after if exc.retry_after is not None else min(2**attempt, 60)
                        reason = "rate limited at submit (nothing was created)"
                    elif exc.http_status in GATEWAY_AMBIGUOUS:
                        raise SubmitOutcomeUnknown(
                            f"the gateway answered HTTP {exc.http_status}: {exc.message}"
                        )
                    else:
                        raise
                else:
                    accepted = submitted
            if accepted is not None:
                # Journaled in the same step the answer came in; only the submit slot is already
                # free for the next task (the provider is done with this request).
                record.remote_id = accepted.remote_id
                record.remote_status = accepted.status.value
                record.usage = accepted.usage or record.usage
                await self._set_state(record, TaskState.RUNNING, "remote_id", "remote_status", "usage")
                await self._log(record, f"submitted, remote id {accepted.remote_id}")
                if accepted.result is not None and await self._apply_poll(record, accepted.result):
                    self._seen_done.add(record.id)  # the answer held the result: no poll needed
                return
            # The server provably created nothing: back to queued and try again after a pause.
            await self._set_state(record, TaskState.QUEUED)
            await self._log(record, f"submit not accepted ({reason}); retrying in {wait:.0f} s")
            await asyncio.sleep(wait)
        raise ClipDeskError(ErrorKind.NETWORK, "the provider could not be reached to submit the task")

    async def _poll_until_done(self, lane: Lane, ctx: ProviderContext, record: TaskRecord) -> None:
        key = (record.connection, record.model)
        scout = [False]
        try:
            await self._poll_loop(lane, ctx, record, key, scout)
        finally:
            if scout[0]:
                self._scouts[key] -= 1

    async def _poll_loop(
        self, lane: Lane, ctx: ProviderContext, record: TaskRecord, key: tuple[str, str], scout: list[bool]
    ) -> None:
        """Poll until the task leaves ``running``. With no history for its connection and model,
        tasks started together learn from each other: SCOUTS of them poll on the cautious schedule,
        the others look every FOLLOW_WAIT seconds at most until a scout finishes, then follow the
        scout's duration (a batch of 200 costs about 3 requests a task instead of 8)."""
        assert record.remote_id is not None
        exact = lane.provider.reports_duration
        typical = await self._typical_duration(record)
        schedule = PollSchedule.for_task(typical, exact=exact, spread=self._spread.get(key))
        started = record.submitted_at or time.time()
        hint: float | None = None
        look_now = False
        while True:
            elapsed = time.time() - started
            if typical is None and not scout[0] and schedule.adaptive:
                learned = self._learned.get(key)
                if learned is not None and learned.seconds is not None:
                    typical = learned.seconds
                    schedule = PollSchedule.for_task(typical, exact=exact)
                    first = schedule.first_look or 0.0
                    look_now = look_now or elapsed >= first - 0.5
                elif learned is not None and learned.progress:
                    pass  # the provider reports progress: the schedule reads it, no need to follow
                elif self._scouts.get(key, 0) < SCOUTS:
                    scout[0] = True
                    self._scouts[key] = self._scouts.get(key, 0) + 1
                elif not look_now:
                    learned = self._learned.setdefault(key, _Learned())
                    ended = await lane.listing.wait(record.remote_id, FOLLOW_WAIT, also=learned.event)
                    # a look after FOLLOW_WAIT (states, failures), or now when a list saw it end
                    look_now = ended or learned.seconds is None
                    continue
            delay = 0.0 if look_now else schedule.next_delay(elapsed, record.progress, hint)
            look_now = False
            await lane.listing.wait(record.remote_id, delay)  # sooner when a list shows it ended
            await lane.running.wait()
            if time.time() - started > self.deadline:
                raise ClipDeskError(
                    ErrorKind.UPSTREAM_FAILED,
                    f"no result after {self.deadline / 60:.0f} minutes",
                    code="deadline",
                )
            try:
                async with lane.polls:
                    result = await lane.listing.poll(ctx, record.remote_id)
            except ProviderError as exc:
                if exc.kind is ErrorKind.NOT_FOUND and not lane.provider.billed:
                    await self._set_state(record, TaskState.QUEUED)  # free to render again
                    return
                if exc.kind in (ErrorKind.NETWORK, ErrorKind.RATE_LIMITED) or (exc.http_status or 0) >= 500:
                    hint = exc.retry_after
                    await self._log(record, f"poll failed, will retry: {exc.message}")
                    continue
                raise
            except ClipDeskError as exc:
                if exc.kind in (ErrorKind.NETWORK, ErrorKind.RATE_LIMITED):
                    hint = exc.retry_after
                    await self._log(record, f"poll failed, will retry: {exc.message}")
                    continue
                raise
            hint = result.poll_after
            if result.progress is not None and result.status is not RemoteStatus.SUCCEEDED:
                learned = self._learned.setdefault(key, _Learned())
                if not learned.progress:
                    learned.progress = True
                    learned.event.set()  # followers go back to their own schedules
            if await self._apply_poll(record, result):
                if record.state is TaskState.DOWNLOADING:
                    self._seen_done.add(record.id)
                return

    async def _apply_poll(self, record: TaskRecord, result: PollResult) -> bool:
        """Record one poll answer. True when the task left ``running``."""
        status_changed = record.remote_status != result.status.value
        record.remote_status = result.status.value
        record.progress = result.progress
        money: list[str] = []  # saved with the next state when the task ends, at once otherwise
        if result.usage and result.usage != record.usage:
            record.usage = result.usage
            money.append("usage")
        if result.status is RemoteStatus.RUNNING or result.status is RemoteStatus.QUEUED:
            if money:
                await self._save(record, *money)
        elif await self._record_charge(record, result):
            money.append("charge")
        if result.status is RemoteStatus.SUCCEEDED:
            self._typical.pop((record.connection, record.model), None)  # learn from this one too
            if record.submitted_at:
                learned = self._learned.setdefault((record.connection, record.model), _Learned())
                learned.seconds = max(_finished_at(record, result) - record.submitted_at, 0.1)
                learned.event.set()
            record.result_url = result.result_url
            record.result_expires_at = result.result_expires_at
            record.finished_at = _finished_at(record, result)
            await self._set_state(
                record,
                TaskState.DOWNLOADING,
                "remote_status",
                "result_url",
                "result_expires_at",
                "finished_at",
                *money,
            )
            return True
        if result.status is RemoteStatus.FAILED:
            record.finished_at = time.time()
            await self._fail(record, result.error or ClipDeskError(ErrorKind.UPSTREAM_FAILED), also=money)
            return True
        if result.status is RemoteStatus.CANCELLED:
            record.finished_at = time.time()
            await self._fail(record, ClipDeskError(ErrorKind.CANCELLED), TaskState.CANCELLED, also=money)
            return True
        if money:  # an answer in words not understood: what it said of money is kept all the same
            await self._save(record, *money)
        # the remote status word and progress are shown, not journaled: the next state change saves them
        if status_changed or result.progress is not None:
            self._emit("changed", record)
        return False

    async def _download(self, lane: Lane, ctx: ProviderContext, record: TaskRecord) -> None:
        from core.net.download import adopt  # (imported when the lane opened)

        assert record.remote_id is not None
        result = PollResult(
            RemoteStatus.SUCCEEDED, result_url=record.result_url, result_expires_at=record.result_expires_at
        )
        part = self._task_dir(record.id) / "result.part"
        final = self._final_path(record)
        # Only a task that was already downloading when this session took it over can have a file
        # in place from an earlier run; one whose end this session saw skips the look (a thread hop).
        earlier_run = record.id not in self._seen_done
        self._seen_done.discard(record.id)
        if earlier_run and not part.exists() and await asyncio.to_thread(final.is_file):
            # The last run moved the finished file into place and stopped before journaling it:
            # take it, rather than fetch it again (a second copy, or "expired" once the link is old).
            done = await asyncio.to_thread(adopt, final)
            await self._log(record, "the finished video was already in place")
        else:
            try:
                fetched = await self._fetch_result(lane, ctx, record, result, part, final)
            except OSError as exc:  # the whole video is in .part; its place cannot be made or written
                raise CannotSave(final.parent, exc) from exc
            if fetched is None:
                return
            done = fetched
        record.video_path = str(done.path)
        record.video_size = done.size
        record.video_sha256 = done.sha256
        record.progress = 1.0
        record.error_kind = record.error_message = record.error_code = None
        # What the video is, beside it: a library re-indexed elsewhere gets its settings back. Written
        # before the task is journaled as done, so that a run stopped meanwhile (the task still
        # downloading) takes the video in place next time and writes its sidecar then.
        try:
            await asyncio.to_thread(write_sidecar, record, taken_over=earlier_run)
        except Exception as exc:  # the video is done: a sidecar never undoes that
            await self._log(record, f"no sidecar written beside the video: {exc}")
        # The account's balance where the API has a call for it, read once now (bounded: the video
        # is in place), so that the notice of this task says it.
        balance = await lane.balances.after_task()
        if balance is not None:
            record.balance = balance
        # Not fsynced on its own: should a power cut lose it, the task resumes as downloading and
        # takes the file already in place (the downloading state before it was fsynced).
        await self._set_state(
            record,
            TaskState.SUCCEEDED,
            "video_path",
            "video_size",
            "video_sha256",
            "progress",
            "error_kind",
            "error_message",
            "error_code",
            "balance",
            durable=False,
        )

    async def _fetch_result(
        self,
        lane: Lane,
        ctx: ProviderContext,
        record: TaskRecord,
        result: PollResult,
        part: Path,
        final: Path,
    ) -> Downloaded | None:
        """The result into ``final``; None when the task ended meanwhile (expired)."""
        from core.net.download import download  # (imported when the lane opened)

        assert record.remote_id is not None
        target = lane.provider.download_target(ctx, record.remote_id, result)
        async with lane.downloads:
            try:
                done = await download(lane.http, target.url, part, final, with_auth=target.with_auth)
            except ClipDeskError as exc:
                if exc.kind is not ErrorKind.EXPIRED or not lane.provider.billed:
                    raise
                # The link may have been refreshed: ask once more before giving up.
                fresh = await lane.provider.poll(ctx, record.remote_id)
                if fresh.status is not RemoteStatus.SUCCEEDED or fresh.result_url in (
                    None,
                    record.result_url,
                ):
                    await self._fail(record, exc, TaskState.EXPIRED)
                    return None
                record.result_url = fresh.result_url
                await self._save(record, "result_url")
                target = lane.provider.download_target(ctx, record.remote_id, fresh)
                done = await download(lane.http, target.url, part, final, with_auth=target.with_auth)
        return done

    async def _typical_duration(self, record: TaskRecord) -> float | None:
        """This connection's median duration for the model, from the journal (cached for a minute);
        the spread of those durations goes to ``_spread``."""
        key = (record.connection, record.model)
        cached = self._typical.get(key)
        if isinstance(cached, asyncio.Future):  # another task is reading it: one query for all
            return await asyncio.shield(cached)
        if cached is not None and time.monotonic() - cached[0] < 60:
            return cached[1]
        reading: asyncio.Future[float | None] = asyncio.get_running_loop().create_future()
        self._typical[key] = reading
        try:
            durations = await self.journal.recent_durations(*key)
            value = durations[len(durations) // 2] if durations else None
            self._spread[key] = log_spread(durations)
        except BaseException as exc:
            if self._typical.get(key) is reading:
                del self._typical[key]
            reading.set_exception(exc)
            reading.exception()  # retrieved: a waiter may not exist
            raise
        if self._typical.get(key) is reading:
            self._typical[key] = (time.monotonic(), value)
        reading.set_result(value)
        return value

    def _final_path(self, record: TaskRecord) -> Path:
        folder = Path(record.output_dir) if record.output_dir else self.paths.library
        day = datetime.fromtimestamp(record.created_at).strftime("%Y-%m-%d")
        words = re.sub(r"[^\w一-鿿]+", "-", record.request.prompt.strip())[:40].strip("-")
        stem = f"{words or 'video'}-{record.id[:8]}"
        return (folder if record.output_dir else folder / day) / f"{stem}.mp4"

    # -- leases: one engine per task (core/tasks/leases.py) --------------------------------------
    async def _claim(self, record: TaskRecord) -> bool:
        """Take ``record``'s lease before working on it; False when another engine holds it."""
        taken = await self.leases.take([record.id])
        if record.id not in taken:
            self._held_elsewhere(record.id)
            return False
        self._elsewhere.discard(record.id)
        if taken[record.id] != self.leases.holder:  # another engine may have moved it on: the journal knows
            stored = await self.journal.get(record.id)
            if stored is not None:
                self._adopt(record, stored)
        self._keep_leases()
        return True

    async def _claim_or_refuse(self, record: TaskRecord) -> None:
        if not await self._claim(record):
            raise ClipDeskError(
                ErrorKind.INVALID_INPUT,
                "another ClipDesk (the app, or a command line run) is working on this task: use that one",
            )

    def _adopt(self, record: TaskRecord, stored: TaskRecord) -> None:
        """Take the journal's word for a task another engine worked on (not a change of state: the
        state it holds was reached, through states.move, by that engine)."""
        for name in (f.name for f in fields(TaskRecord)):
            setattr(record, name, getattr(stored, name))
        self._emit("changed", record)

    async def _ended_elsewhere(self, task_id: str) -> None:
        """A task another engine held has ended there: show how it ended."""
        self._elsewhere.discard(task_id)
        record, stored = self.tasks.get(task_id), await self.journal.get(task_id)
        if record is not None and stored is not None:
            self._adopt(record, stored)

    def _held_elsewhere(self, task_id: str) -> None:
        if task_id not in self._elsewhere:
            log.info("task %s is worked on by another ClipDesk; left to it", task_id)
        self._elsewhere.add(task_id)
        self._keep_leases()

    def _keep_leases(self) -> None:
        if self._closing or (self._keeper is not None and not self._keeper.done()):
            return
        self._keeper = asyncio.get_running_loop().create_task(self._keep_leases_loop(), name="leases")

    async def _keep_leases_loop(self) -> None:
        """Renew the leases of the tasks worked on here; stop one whose lease another engine took
        over (this one stalled past its expiry); take over tasks whose holder is gone."""
        while True:
            await asyncio.sleep(self.leases.seconds / 3)
            try:
                working = list(self._runners)
                held = await self.leases.renew(working)
                for task_id in working:
                    runner = self._runners.get(task_id)
                    if task_id not in held and runner is not None:
                        log.warning("task %s was taken over by another ClipDesk; stopped here", task_id)
                        runner.cancel()
                if self._elsewhere:
                    await self.resume_all(only=set(self._elsewhere))
            except JournalError as exc:
                log.warning("task leases not renewed: %s", exc)

    # -- journal helpers -------------------------------------------------------------------------
    async def _save(self, record: TaskRecord, *names: str, durable: bool = True) -> None:
        await self.journal.save(record, *names, durable=durable)
        self._emit("changed", record)

    async def _set_state(
        self, record: TaskRecord, state: TaskState, *names: str, durable: bool = True
    ) -> None:
        """The one way a task changes state: refused (IllegalTransition) unless the table holds it."""
        states.move(record, state)
        await self._save(record, "state", *names, durable=durable)

    async def _fail(
        self,
        record: TaskRecord,
        exc: ClipDeskError,
        state: TaskState = TaskState.FAILED,
        also: Iterable[str] = (),
    ) -> None:
        """End ``record`` in ``state`` with ``exc``; ``also``: other fields saved with it."""
        record.error_kind = exc.kind.value
        record.error_message = exc.message
        record.error_code = exc.code
        record.finished_at = record.finished_at or time.time()
        fields = ("error_kind", "error_message", "error_code", "finished_at", *also)
        await self._set_state(record, state, *fields)
        await self._log(record, f"{state.value}: {exc.kind.value}: {exc.message} (code {exc.code})")

    async def _mark_unknown(self, record: TaskRecord, why: str) -> None:
        record.error_kind = ErrorKind.UNKNOWN.value
        record.error_message = (
            f"{why}. The provider may have created (and billed) the task; ClipDesk will not send it again "
            "by itself. Check the provider's console, then give its task id, send it again, or drop it."
        )
        await self._set_state(record, TaskState.UNKNOWN, "error_kind", "error_message")

    async def _log(self, record: TaskRecord, line: str) -> None:
        self._log_soon(record, line)

    def _log_soon(self, record: TaskRecord, line: str) -> None:
        self.journal.add_log(record.id, redact(line))


SCOUTS = 2  # tasks of a connection and model with no history that poll for all the others
FOLLOW_WAIT = 15.0  # seconds the others wait for a scout between looks of their own


@dataclass
class _Learned:
    """What the first tasks of a connection and model found out, for the tasks started with them."""

    event: asyncio.Event = field(default_factory=asyncio.Event)
    seconds: float | None = None  # submit to success, of the first that succeeded
    progress: bool = False  # the provider reports progress: every task follows its own


def _finished_at(record: TaskRecord, result: PollResult) -> float:
    """When the remote task ended: the submit plus the duration the provider reports, where it
    does (never later than now); else now, when ClipDesk saw it."""
    now = time.time()
    if result.remote_seconds is not None and record.submitted_at:
        return min(now, record.submitted_at + result.remote_seconds)
    return now


def _slots(request: GenerationRequest) -> dict[str, list[str]]:
    """The request's images by the field they came from."""
    return {
        "image": [request.image] if request.image else [],
        "last_image": [request.last_image] if request.last_image else [],
        "ref_images": list(request.ref_images),
    }


def _is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))
