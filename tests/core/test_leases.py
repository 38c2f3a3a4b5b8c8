"""One engine per task: engines sharing a journal (the app, a CLI beside it) never submit, poll,
download or resume the same task together, and a task whose engine has gone is taken over."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from core.config.connections import Connection
from core.config.paths import Paths, default_paths
from core.config.secrets import SecretStore
from core.tasks.engine import Engine
from core.tasks.journal import Journal, TaskRecord
from core.tasks.leases import holder_gone, new_holder
from core.tasks.request import GenerationRequest
from core.tasks.states import TaskState
from tests.emulators.base import bearer_key
from tests.support.cli import ROOT, cli_env

MODEL = "wan2.5-i2v-preview"
IMAGE = "https://example.com/fox.png"  # a web address: nothing to prepare


class _Key(SecretStore):
    """Each engine its own key, so that the emulator tells their requests apart."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def get(self, connection: str) -> str | None:
        return self.key


async def _engine(paths: Paths, key: str, base_url: str | None = None, **options: Any) -> Engine:
    paths.ensure()
    journal = Journal(paths.database)
    await journal.open()
    engine = Engine(paths, journal, _Key(key), **options)
    if base_url:
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=base_url + "/alibailian"))
    await engine.load()
    return engine


async def _close(engine: Engine) -> None:
    await engine.close()
    await engine.journal.close()


def _who_worked_on(emu: Any) -> dict[str, list[str]]:
    """Per remote task: the key of each request about it (submit, polls, file), in order."""
    seen: dict[str, list[str]] = {}
    for task in emu.tasks.values():
        keys = [task.key or "?"]
        for req in emu.requests:
            if req.path.endswith(f"/tasks/{task.id}"):
                keys.append(bearer_key(req) or "?")
            elif task.file_id and f"/files/{task.file_id}" in req.path:
                keys.append("file")
        seen[task.id] = keys
    return seen


def test_two_engines_on_one_journal_never_work_on_one_task(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    dashscope_emu.seconds_running = 1.0
    paths = default_paths()
    other = replace(paths, cache=clipdesk_home / "cache-b", library=clipdesk_home / "library-b")

    async def go() -> list[TaskRecord]:
        a = await _engine(paths, "sk-engine-a", dashscope_emu.base_url, lease_seconds=0.6)
        b = await _engine(other, "sk-engine-b", dashscope_emu.base_url, lease_seconds=0.6)
        try:
            made = [
                await a.create("c", GenerationRequest(MODEL, f"a harbour {n}", image=IMAGE)) for n in range(3)
            ]
            made += [
                await b.create("c", GenerationRequest(MODEL, f"a lighthouse {n}", image=IMAGE))
                for n in range(3)
            ]
            # each resumes everything unfinished, again and again, as a second app or `resume` would
            for _ in range(5):
                await asyncio.gather(a.resume_all(), b.resume_all())
                await asyncio.sleep(0.1)
            await asyncio.wait_for(asyncio.gather(a.wait(), b.wait()), 60)
            return [await a.journal.get(r.id) for r in made]  # type: ignore[misc]
        finally:
            await _close(a)
            await _close(b)

    records = asyncio.run(go())
    assert [r.state for r in records] == [TaskState.SUCCEEDED] * 6, [r.error_message for r in records]
    assert len(dashscope_emu.submits) == 6  # each billed once
    for remote_id, keys in _who_worked_on(dashscope_emu).items():
        engines = {k for k in keys if k != "file"}
        assert len(engines) == 1, (remote_id, keys)  # one engine submitted, polled it
        assert keys.count("file") == 1, (remote_id, keys)  # and downloaded it, once
    # every video in the library of the engine that made it, none in the other's
    assert len(list(paths.library.rglob("*.mp4"))) == 3
    assert len(list(other.library.rglob("*.mp4"))) == 3


def test_a_task_left_by_a_killed_process_is_taken_over_and_one_of_a_live_one_is_not(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    env = cli_env(clipdesk_home, key="sk-cli")
    args = ["generate", "--dialect", "dashscope", "--base-url", dashscope_emu.base_url + "/alibailian"]
    args += ["--model", MODEL, "--image", IMAGE, "--prompt", "a harbour at dusk #never", "--json"]
    cli = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    async def go() -> TaskRecord:
        # the app's own leases are short, so it looks often; the CLI's are renewed: never expired here
        app = await _engine(default_paths(), "sk-app", lease_seconds=1.5)
        try:
            deadline = time.monotonic() + 60
            while not any(r.state is TaskState.RUNNING for r in await app.journal.all()):
                assert cli.poll() is None and time.monotonic() < deadline, (
                    "the CLI never got its task running"
                )
                await asyncio.sleep(0.05)
            polls = len(dashscope_emu.requests)
            while len(dashscope_emu.requests) < polls + 3:  # the CLI polls it
                assert cli.poll() is None and time.monotonic() < deadline, "the CLI stopped polling"
                await asyncio.sleep(0.05)
            assert await app.resume_all() == []  # its holder is alive: left to it
            cli.kill()  # SIGKILL: no lease given up
            cli.wait(30)
            # the app notices by itself that the holder is gone, and takes the task over
            while not any(bearer_key(r) == "sk-app" for r in dashscope_emu.requests):
                assert time.monotonic() < deadline, "the app never took the task over"
                await asyncio.sleep(0.05)
            [record] = app.tasks.values()
            assert record.state is TaskState.RUNNING and record.remote_id
            dashscope_emu.release(record.remote_id)
            await asyncio.wait_for(app.wait([record.id]), 60)
            return record
        finally:
            if cli.poll() is None:
                cli.kill()
                cli.wait(30)
            await _close(app)

    record = asyncio.run(go())
    assert record.state is TaskState.SUCCEEDED, record.error_message
    assert len(dashscope_emu.submits) == 1
    [keys] = _who_worked_on(dashscope_emu).values()
    # the CLI submitted and polled; once it was gone, the app polled and downloaded
    cut = keys.index("sk-app")
    assert set(keys[:cut]) == {"sk-cli"} and set(keys[cut:]) == {"sk-app", "file"}, keys


def test_a_lease_is_free_once_expired_or_its_holder_gone(clipdesk_home: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    here = new_holder()
    gone = here.split(":")[0] + f":{dead.pid}:x"
    elsewhere = "another-machine:1:x"  # cannot be probed: waited for until its lease expires
    assert holder_gone(gone)
    assert not holder_gone(elsewhere)

    async def go() -> None:
        paths = default_paths().ensure()
        journal = Journal(paths.database)
        await journal.open()
        try:
            ids = []
            for holder, until in (
                (elsewhere, time.time() + 60),
                (elsewhere, time.time() - 1),
                (gone, time.time() + 60),
            ):
                record = TaskRecord(
                    id=TaskRecord.new_id(),
                    connection="c",
                    dialect="dashscope",
                    base_url="",
                    model=MODEL,
                    request=GenerationRequest(MODEL, "x"),
                )
                await journal.insert(record, lease=(holder, until))
                ids.append(record.id)
            live, expired, left = ids
            taken = await journal.take_leases(here, ids, time.time() + 60, holder_gone)
            assert taken == {expired: elsewhere, left: gone}
            assert (await journal.lease(live))[0] == elsewhere
            assert await journal.renew_leases(here, ids, time.time() + 60) == {expired, left}
        finally:
            await journal.close()

    asyncio.run(go())
