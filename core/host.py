"""The engine on its own thread, so the caller's thread (the GUI's) never does network or disk work.

With qasync the GUI's asyncio loop is Qt's thread; an engine on that loop would parse every poll
answer and every download chunk there (measured: 1,000 polling tasks stalled a window for up to
210 ms, bench/ui_stall.py). :class:`EngineThread` runs the engine on a private asyncio loop in a
worker thread; :class:`EngineProxy` gives the caller the same API:

- coroutines (``create``, ``cancel``, ``retry``, ...) are awaited on the caller's loop while they
  run on the engine's;
- ``tasks`` and ``connections`` are snapshots (a dict copy is atomic under the GIL);
- engine events are coalesced (one per task however often it changed) and delivered to the
  caller's listeners on the caller's loop, at most ``frame`` seconds apart.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from core.connections import Connection
from core.engine import Engine, Listener
from core.request import GenerationRequest
from core.store import Journal, TaskRecord

T = TypeVar("T")


class EngineThread:
    """A private asyncio loop in a daemon thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="clipdesk-engine", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()
        self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        self.loop.close()

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the engine's loop; await it from any other loop."""
        return await asyncio.wrap_future(self.submit(coro))

    def call(self, fn: Callable[..., Any], *args: Any) -> None:
        self.loop.call_soon_threadsafe(fn, *args)

    def stop(self) -> None:
        if self.loop.is_running():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)


class EngineProxy:
    """The engine's API for code on another loop (the GUI). Build it with :meth:`start`."""

    def __init__(
        self, host: EngineThread, engine: Engine, caller: asyncio.AbstractEventLoop, frame: float
    ) -> None:
        self._host = host
        self._engine = engine
        self._caller = caller
        self._frame = frame
        self._listeners: list[Listener] = []
        self._pending: OrderedDict[str, tuple[str, TaskRecord]] = OrderedDict()
        self._lock = threading.Lock()
        self._scheduled = False
        host.call(engine.subscribe, self._collect)

    @classmethod
    async def start(cls, make: Callable[[], Awaitable[Engine]], *, frame: float = 1 / 30) -> EngineProxy:
        """Start a thread, build the engine there with ``make``, and return its proxy."""
        host = EngineThread()

        async def build() -> Engine:
            return await make()

        engine = await host.run(build())
        return cls(host, engine, asyncio.get_running_loop(), frame)

    # -- events: engine thread -> caller's loop, coalesced ---------------------------------------
    def _collect(self, event: str, record: TaskRecord) -> None:
        with self._lock:
            previous = self._pending.get(record.id)
            if previous is None:
                self._pending[record.id] = (event, record)
            elif event == "removed":
                if previous[0] == "added":
                    del self._pending[record.id]  # came and went within one frame
                else:
                    self._pending[record.id] = (event, record)
            # a "changed" after a pending event adds nothing: listeners read the record's current state
            schedule = not self._scheduled
            self._scheduled = True
        if schedule:
            self._caller.call_soon_threadsafe(self._caller.call_later, self._frame, self.dispatch)

    def dispatch(self) -> None:
        """Deliver pending events to the listeners (on the caller's loop)."""
        with self._lock:
            batch = list(self._pending.values())
            self._pending.clear()
            self._scheduled = False
        for event, record in batch:
            for listener in list(self._listeners):
                listener(event, record)

    def _delivered(self, result: T) -> T:
        """Deliver what is pending first: a caller sees its own action reflected when it returns."""
        self.dispatch()
        return result

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- state, read from the caller's thread ----------------------------------------------------
    @property
    def tasks(self) -> dict[str, TaskRecord]:
        return dict(self._engine.tasks)

    @property
    def connections(self) -> dict[str, Connection]:
        return dict(self._engine.connections)

    @property
    def journal(self) -> Journal:
        """The journal's reads work from any loop (they run on its own thread)."""
        return self._engine.journal

    # -- actions, run on the engine's loop ---------------------------------------------------------
    async def create(self, connection_name: str, request: GenerationRequest, **kwargs: Any) -> TaskRecord:
        return self._delivered(await self._host.run(self._engine.create(connection_name, request, **kwargs)))

    async def cancel(self, task_id: str) -> None:
        await self._host.run(self._engine.cancel(task_id))
        self.dispatch()

    async def retry(self, task_id: str) -> TaskRecord:
        return self._delivered(await self._host.run(self._engine.retry(task_id)))

    async def remove(self, task_id: str) -> None:
        await self._host.run(self._engine.remove(task_id))
        self.dispatch()

    async def resolve_unknown(self, task_id: str, **kwargs: Any) -> None:
        await self._host.run(self._engine.resolve_unknown(task_id, **kwargs))
        self.dispatch()

    async def load(self) -> list[TaskRecord]:
        return await self._host.run(self._engine.load())

    async def resume_all(self) -> list[TaskRecord]:
        return await self._host.run(self._engine.resume_all())

    async def wait(self, task_ids: list[str] | None = None) -> None:
        await self._host.run(self._engine.wait(task_ids))
        self.dispatch()

    def add_connection(self, connection: Connection) -> None:
        """Applied on the engine's loop before returning (a settings change, rare and quick)."""
        self._host.submit(_call(self._engine.add_connection, connection)).result(timeout=10)

    def remove_connection(self, name: str) -> None:
        self._host.submit(_call(self._engine.remove_connection, name)).result(timeout=10)

    def pause(self, connection: str) -> None:
        self._host.call(self._engine.pause, connection)

    def unpause(self, connection: str) -> None:
        self._host.call(self._engine.unpause, connection)

    async def close(self, *also: Callable[[], Awaitable[None]]) -> None:
        """Stop the engine (and run ``also`` there, e.g. closing the journal), then the thread."""

        async def shutdown() -> None:
            await self._engine.close()
            for step in also:
                await step()

        try:
            await self._host.run(shutdown())
        finally:
            self._host.stop()
        self.dispatch()


async def _call(fn: Callable[..., Any], *args: Any) -> Any:
    """A plain function run on the engine's loop (it may need the running loop)."""
    return fn(*args)
