"""The engine in its own process (core/tasks/host.py): the window's view of it, across the pipe."""

from __future__ import annotations

import asyncio
import multiprocessing.connection
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from core.config.connections import LOCAL_CONNECTION, Connection
from core.config.paths import default_paths
from core.config.secrets import SecretStore
from core.errors import ClipDeskError, ErrorKind, InvalidInput, ProviderError
from core.tasks.host import NICENESS, EngineProxy, EngineStopped
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest

ROOT = Path(__file__).resolve().parents[2]
PREVIEW = GenerationRequest(model="preview", prompt="a harbour at dawn", duration=1, resolution="360p")
WAN = GenerationRequest(model="wan2.5-i2v-preview", prompt="p", image="https://example.com/a.png")


def test_errors_cross_a_pickle_whole() -> None:
    for error in (
        InvalidInput("the prompt is too long", field="prompt"),
        ClipDeskError(
            ErrorKind.RATE_LIMITED, "slow down", code="Throttling", retry_after=3.0, http_status=429
        ),
        ProviderError(ErrorKind.UPSTREAM_FAILED, "it failed"),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert copy.__dict__ == error.__dict__
        assert str(copy) == str(error)


def test_a_task_runs_in_the_engine_process_and_the_caller_sees_it(clipdesk_home: Path) -> None:
    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        try:
            assert engine._process.pid != os.getpid()
            # the window's process comes first when the CPU is busy
            mine, its = (
                os.getpriority(os.PRIO_PROCESS, 0),
                os.getpriority(os.PRIO_PROCESS, engine._process.pid),
            )
            assert its == min(mine + NICENESS, 19)
            assert LOCAL_CONNECTION in engine.connections
            seen: list[tuple[str, TaskState]] = []
            batches: list[int] = []
            engine.subscribe(lambda event, record: seen.append((event, record.state)))
            engine.subscribe_batch(lambda batch: batches.append(len(batch)))
            record = await engine.create(LOCAL_CONNECTION, PREVIEW)
            assert ("added", record.state) in seen  # delivered before create returned
            assert engine.tasks[record.id] is record
            await engine.wait([record.id])
            # the record the caller holds is the one the events update
            assert record.state is TaskState.SUCCEEDED, record.error_message
            assert record.video_path and Path(record.video_path).stat().st_size > 0
            assert seen[-1] == ("changed", TaskState.SUCCEEDED)
            assert sum(batches) == len(seen)
            assert await engine.journal.task_log(record.id)
        finally:
            await engine.close()
        assert not engine._process.is_alive()
        assert engine._process.exitcode == 0

    asyncio.run(go())


def test_a_batch_is_created_in_one_call(clipdesk_home: Path) -> None:
    """create_many: the requests in order, one message each way; a request that is not valid
    creates none of the batch."""
    quick = [GenerationRequest(model="preview", prompt=f"card {n}", duration=1) for n in range(5)]
    bad = GenerationRequest(model="preview", prompt="too long", duration=999)

    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        try:
            engine.pause(LOCAL_CONNECTION)
            sent: list[str] = []
            real_send = engine._send
            engine._send = lambda message: (sent.append(message[0]), real_send(message))  # type: ignore[method-assign]
            records = await engine.create_many(LOCAL_CONNECTION, quick, batch_id="b1")
            assert sent == ["call"]
            assert [r.request.prompt for r in records] == [f"card {n}" for n in range(5)]
            assert all(r.batch_id == "b1" and engine.tasks[r.id] is r for r in records)
            with pytest.raises(InvalidInput):
                await engine.create_many(LOCAL_CONNECTION, [quick[0], bad, quick[1]], batch_id="b2")
            assert not [r for r in engine.tasks.values() if r.batch_id == "b2"]
        finally:
            await engine.close()

    asyncio.run(go())


def records_in(message: Any) -> list[TaskRecord]:
    """The task records a message from the engine's process carries, however nested."""
    if isinstance(message, TaskRecord):
        return [message]
    if isinstance(message, (list, tuple)):
        return [record for part in message for record in records_in(part)]
    return []


def watch_received(monkeypatch: Any) -> list[list[TaskRecord]]:
    """Each message the caller's end of the pipe receives from now on: the records it carries."""
    received: list[list[TaskRecord]] = []
    real_recv = multiprocessing.connection.Connection.recv

    def recv(pipe: Any) -> Any:
        message = real_recv(pipe)
        received.append(records_in(message))
        return message

    monkeypatch.setattr(multiprocessing.connection.Connection, "recv", recv)
    return received


def test_no_message_from_the_engine_holds_many_records(clipdesk_home: Path, monkeypatch: Any) -> None:
    """The caller's reader thread unpickles each message holding the GIL: 1,000 task records are
    ~15 ms in which the window's thread cannot run. Events, replies and the tasks known at start
    come in messages of at most RECORDS_PER_MESSAGE records, and arrive whole all the same."""
    from core.tasks.host import RECORDS_PER_MESSAGE

    many = [GenerationRequest(model="preview", prompt=f"card {n}", duration=1) for n in range(250)]

    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        try:
            engine.pause(LOCAL_CONNECTION)
            records = await engine.create_many(LOCAL_CONNECTION, many)
            assert [r.request.prompt for r in records] == [f"card {n}" for n in range(250)]
            assert all(engine.tasks[r.id] is r for r in records)
        finally:
            await engine.close()
        again = await EngineProxy.start(SecretStore(), default_paths().ensure())
        try:
            assert len(again.tasks) == 250  # all known at start, though sent in parts
        finally:
            await again.close()

    received = watch_received(monkeypatch)
    asyncio.run(go())
    sizes = [len(records) for records in received]
    assert sum(sizes) >= 500  # the events and the start carried them all (the reply: their ids) ...
    assert max(sizes) <= RECORDS_PER_MESSAGE  # ... a few at a time


def test_a_batch_crosses_the_pipe_once(clipdesk_home: Path, monkeypatch: Any) -> None:
    """create_many's records reach the caller in the events that announce them; the reply names
    them by id instead of carrying them again (a second copy of 1,000 records was ~12 ms more of
    the reader thread holding the GIL while a batch is created)."""
    many = [GenerationRequest(model="preview", prompt=f"card {n}", duration=1) for n in range(150)]
    received = watch_received(monkeypatch)

    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        try:
            engine.pause(LOCAL_CONNECTION)
            received.clear()
            records = await engine.create_many(LOCAL_CONNECTION, many)
            assert [r.request.prompt for r in records] == [f"card {n}" for n in range(150)]
            assert all(engine.tasks[r.id] is r for r in records)  # the mirror's own objects
            crossed = sorted(record.id for records in received for record in records)
            assert crossed == sorted(r.id for r in records)  # each record once
        finally:
            await engine.close()

    asyncio.run(go())


def test_errors_reach_the_caller_with_their_kind(clipdesk_home: Path) -> None:
    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        try:
            with pytest.raises(InvalidInput) as bad:
                await engine.create("nowhere", PREVIEW)
            assert bad.value.field == "connection"
            engine.add_connection(
                Connection(name="Bailian", dialect="dashscope", base_url="http://127.0.0.1:9")
            )
            with pytest.raises(ClipDeskError) as nokey:
                await engine.create("Bailian", WAN)
            assert nokey.value.kind is ErrorKind.AUTH
            assert not [r for r in engine.tasks.values() if r.connection == "Bailian"]
        finally:
            await engine.close()

    asyncio.run(go())


def test_the_key_comes_from_the_callers_keyring_and_goes_to_its_host_only(
    clipdesk_home: Path, dashscope_emu: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.2")
    dashscope_emu.seconds_queued, dashscope_emu.seconds_running = 0.0, 0.5
    secrets = SecretStore()  # the test's in-memory keyring lives in this process only
    secrets.set("Bailian", "sk-from-the-app")

    async def go() -> None:
        engine = await EngineProxy.start(secrets, default_paths().ensure())
        try:
            engine.add_connection(
                Connection(name="Bailian", dialect="dashscope", base_url=dashscope_emu.base_url)
            )
            record = await engine.create("Bailian", WAN)
            await engine.wait([record.id])
            assert record.state is TaskState.SUCCEEDED, record.error_message
        finally:
            await engine.close()

    asyncio.run(go())
    api = [r for r in dashscope_emu.requests if "/api/v1/" in r.path]
    assert api and {r.headers.get("Authorization") for r in api} == {"Bearer sk-from-the-app"}
    logs = b"".join(p.read_bytes() for p in (clipdesk_home).rglob("*.log"))
    assert b"sk-from-the-app" not in logs


def test_a_dead_engine_process_fails_calls_instead_of_hanging(clipdesk_home: Path) -> None:
    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        os.kill(engine._process.pid, signal.SIGKILL)
        engine._reader.join(timeout=20)
        assert not engine.alive
        with pytest.raises(EngineStopped):
            await engine.create(LOCAL_CONNECTION, PREVIEW)
        await engine.close()

    asyncio.run(go())


def test_the_engine_process_stops_when_the_app_is_killed(clipdesk_home: Path) -> None:
    script = (
        "import asyncio, os, signal, sys\n"
        "from core.tasks.host import EngineProxy\n"
        "from core.config.paths import default_paths\n"
        "from core.config.secrets import SecretStore\n"
        "async def go():\n"
        "    engine = await EngineProxy.start(SecretStore(), default_paths().ensure())\n"
        "    print(engine._process.pid, flush=True)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "if __name__ == '__main__':\n"
        "    asyncio.run(go())\n"
    )
    path = clipdesk_home.parent / "killed_app.py"
    path.write_text(script)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == -signal.SIGKILL, out.stderr
    child = int(out.stdout.split()[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child), "the engine's process outlived the app"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_caller_never_waits_for_a_full_pipe(clipdesk_home: Path) -> None:
    """A thousand tasks created at once are more than a pipe holds: the caller's thread queues them
    and goes on, even while the engine's process is not reading at all."""
    import threading

    async def go() -> None:
        engine = await EngineProxy.start(SecretStore(), default_paths().ensure())
        futures: list[Any] = []

        def ask() -> None:
            futures.extend(engine._call("typical_duration", "c" * 1000, "m") for _ in range(1000))

        os.kill(engine._process.pid, signal.SIGSTOP)
        caller = threading.Thread(target=ask)
        caller.start()
        caller.join(timeout=20)
        blocked = caller.is_alive()
        os.kill(engine._process.pid, signal.SIGCONT)
        caller.join()
        assert not blocked, "the caller waited for the engine's process to read"
        results = await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))
        assert results == [None] * 1000
        await engine.close()

    asyncio.run(go())
