"""A finished task's duration as the provider reports it, and one history read for many tasks."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

import core.tasks.engine as engine_module
from core.config.connections import Connection
from core.config.paths import default_paths
from core.config.secrets import SecretStore
from core.providers.base import PollResult, RemoteStatus
from core.providers.dashscope import DashScopeProvider
from core.tasks.engine import Engine
from core.tasks.journal import Journal, TaskRecord, TaskState
from core.tasks.request import GenerationRequest


def _answer(output: dict[str, Any]) -> httpx.Response:
    return httpx.Response(200, json={"request_id": "r", "output": output})


def test_dashscope_success_reports_the_span_from_its_submit_to_its_end() -> None:
    provider = DashScopeProvider()
    done = {"task_id": "t", "task_status": "SUCCEEDED", "video_url": "https://cdn.example/v.mp4"}
    result = provider.parse_poll(
        _answer({**done, "submit_time": "2025-01-08 16:43:17.421", "end_time": "2025-01-08 16:45:02.921"})
    )
    assert result.remote_seconds == pytest.approx(105.5)
    assert provider.reports_duration
    for times in (
        {},
        {"submit_time": "yesterday", "end_time": "2025-01-08 16:45:02"},
        {"submit_time": "2025-01-08 16:43:17+08:00", "end_time": "2025-01-08 16:45:02"},
    ):
        assert provider.parse_poll(_answer({**done, **times})).remote_seconds is None


def _engine(home: Path) -> tuple[Engine, Journal]:
    paths = default_paths().ensure()
    journal = Journal(paths.database)
    engine = Engine(paths, journal, SecretStore())
    engine.add_connection(Connection(name="c", dialect="dashscope", base_url="http://127.0.0.1:9"))
    return engine, journal


def _record() -> TaskRecord:
    request = GenerationRequest(model="wan2.5-i2v-preview", prompt="p", image="https://example.com/a.png")
    return TaskRecord(
        id=TaskRecord.new_id(),
        connection="c",
        dialect="dashscope",
        base_url="",
        model=request.model,
        request=request,
    )


def test_the_history_holds_the_reported_duration_not_when_clipdesk_looked(clipdesk_home: Path) -> None:
    async def go() -> tuple[TaskRecord, float | None]:
        engine, journal = _engine(clipdesk_home)
        await journal.open()
        record = _record()
        record.state, record.remote_id, record.submitted_at = TaskState.RUNNING, "t", time.time() - 30
        await journal.insert(record)
        result = PollResult(
            RemoteStatus.SUCCEEDED, 1.0, result_url="https://cdn.example/v.mp4", remote_seconds=12.0
        )
        assert await engine._apply_poll(record, result)
        record.state = TaskState.SUCCEEDED
        await journal.save(record, "state")
        typical = await journal.typical_duration("c", record.model)
        await journal.close()
        return record, typical

    record, typical = asyncio.run(go())
    assert record.submitted_at is not None and record.finished_at == pytest.approx(record.submitted_at + 12.0)
    assert typical == pytest.approx(12.0)


def test_many_tasks_starting_to_poll_at_once_read_the_history_once(
    clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def go() -> tuple[list[float | None], int]:
        engine, journal = _engine(clipdesk_home)
        await journal.open()
        reads = 0
        real = journal.recent_durations

        async def counted(connection: str, model: str) -> list[float]:
            nonlocal reads
            reads += 1
            await asyncio.sleep(0.05)
            return await real(connection, model)

        monkeypatch.setattr(journal, "recent_durations", counted)
        values = await asyncio.gather(*(engine._typical_duration(_record()) for _ in range(50)))
        await journal.close()
        return values, reads

    values, reads = asyncio.run(go())
    assert values == [None] * 50
    assert reads == 1


def test_submitting_and_the_remote_id_are_fsynced_before_the_engine_goes_on(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    dashscope_emu.seconds_queued, dashscope_emu.seconds_running = 0.0, 0.2

    async def go() -> list[tuple[str, bool]]:
        engine, journal = _engine(clipdesk_home)
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=dashscope_emu.base_url))
        await journal.open()
        saves: list[tuple[str, bool]] = []
        real = journal.save

        async def spy(record: TaskRecord, *names: str, durable: bool = True) -> None:
            saves.append((record.state.value, durable))
            await real(record, *names, durable=durable)

        monkeypatch.setattr(journal, "save", spy)
        record = await engine.create("c", _record().request)
        await engine.wait()
        assert record.state is TaskState.SUCCEEDED, record.error_message
        await engine.close()
        await journal.close()
        return saves

    saves = dict(asyncio.run(go()))
    assert saves["submitting"] and saves["running"] and saves["downloading"]
    assert not saves["succeeded"]


def test_the_next_submit_does_not_wait_for_the_last_remote_id_to_reach_the_disk(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One submit at a time (max_submits=1): the slot is free once the provider answered; the
    remote id is still journaled before its task does anything else."""
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    dashscope_emu.seconds_queued, dashscope_emu.seconds_running = 0.0, 0.2

    async def go() -> list[str]:
        engine, journal = _engine(clipdesk_home)
        engine.add_connection(
            Connection(name="c", dialect="dashscope", base_url=dashscope_emu.base_url, max_submits=1)
        )
        await journal.open()
        order: list[str] = []
        real = journal.save

        async def slow(record: TaskRecord, *names: str, durable: bool = True) -> None:
            if record.state is TaskState.RUNNING and "remote_id" in names:
                await asyncio.sleep(1.0)  # a slow disk
                assert record.state is TaskState.RUNNING  # nothing happened to it meanwhile
                await real(record, *names, durable=durable)
                order.append(f"{record.id} on disk")
                return
            if record.state is TaskState.SUBMITTING:
                order.append(f"submitting {record.id}")
            await real(record, *names, durable=durable)

        monkeypatch.setattr(journal, "save", slow)
        first = await engine.create("c", _record().request)
        second = await engine.create("c", _record().request)
        await engine.wait()
        assert first.state is second.state is TaskState.SUCCEEDED
        await engine.close()
        await journal.close()
        return [line.replace(first.id, "1").replace(second.id, "2") for line in order]

    order = asyncio.run(go())
    assert order.index("submitting 2") < order.index("1 on disk")


def _batch(dashscope_emu: Any, count: int, prompt: str = "p") -> tuple[list[TaskRecord], list[int]]:
    """``count`` tasks of one model on a connection with no history, started together; the
    polls each task's id got."""

    async def go() -> list[TaskRecord]:
        engine, journal = _engine(Path())
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=dashscope_emu.base_url))
        await journal.open()
        request = GenerationRequest(
            model="wan2.5-i2v-preview", prompt=prompt, image="https://example.com/a.png"
        )
        records = await asyncio.gather(*(engine.create("c", request) for _ in range(count)))
        await engine.wait()
        await engine.close()
        await journal.close()
        return list(records)

    records = asyncio.run(asyncio.wait_for(go(), 120))
    polls = [dashscope_emu.count("GET", f"/api/v1/tasks/{r.remote_id}") for r in records]
    return records, polls


def test_tasks_started_together_follow_a_few_scouts(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No history for the model: two tasks poll on the cautious schedule, the others wait for one
    of them to finish and then look once, when they are due."""
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    # each task's own polls (with the task list, the scouts' looks would be answered by the list)
    monkeypatch.setattr(DashScopeProvider, "lists_tasks", False)
    dashscope_emu.seconds_queued, dashscope_emu.seconds_running = 0.0, 4.0
    records, polls = _batch(dashscope_emu, 12)
    assert all(r.state is TaskState.SUCCEEDED for r in records), [r.error_message for r in records]
    scouts = sorted(polls)[-engine_module.SCOUTS :]
    followers = sorted(polls)[: -engine_module.SCOUTS]
    assert min(scouts) >= 3  # the cautious schedule: 1, 2.5, 4.75 s
    assert max(followers) <= 2, polls


def test_followers_look_by_themselves_when_no_scout_succeeds(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every task fails on the provider: nobody learns a duration, and each task still sees its
    own end, a look every FOLLOW_WAIT."""
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    monkeypatch.setattr(engine_module, "FOLLOW_WAIT", 0.5)
    dashscope_emu.seconds_queued, dashscope_emu.seconds_running = 0.0, 1.0
    records, _polls = _batch(dashscope_emu, 6, prompt="every one fails #fail")
    assert all(r.state is TaskState.FAILED for r in records), [r.state for r in records]
