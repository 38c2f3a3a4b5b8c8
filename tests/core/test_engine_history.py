"""The poll schedule learns from this connection's finished tasks within the same session."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from core.config.connections import Connection
from core.config.paths import default_paths
from core.config.secrets import SecretStore
from core.tasks.engine import Engine
from core.tasks.journal import Journal, TaskState
from core.tasks.request import GenerationRequest


def test_history_from_this_session_steers_the_next_task(
    dashscope_emu: Any, monkeypatch, clipdesk_home: Path
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    dashscope_emu.seconds_queued, dashscope_emu.seconds_running = 0.0, 6.0

    async def go() -> tuple[tuple[int, float], tuple[int, float]]:
        paths = default_paths().ensure()
        journal = Journal(paths.database)
        await journal.open()
        engine = Engine(paths, journal, SecretStore())
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=dashscope_emu.base_url))
        seen: list[tuple[int, float]] = []  # per task: its polls, and how long after its end it was seen
        for _ in range(2):
            before = dashscope_emu.count("GET", "/api/v1/tasks") + dashscope_emu.count(
                "GET", "/alibailian/api/v1/tasks"
            )
            record = await engine.create(
                "c",
                GenerationRequest(model="wan2.5-i2v-preview", prompt="p", image="https://example.com/a.png"),
            )
            await engine.wait()
            assert record.state is TaskState.SUCCEEDED, record.error_message
            after = dashscope_emu.count("GET", "/api/v1/tasks") + dashscope_emu.count(
                "GET", "/alibailian/api/v1/tasks"
            )
            task = dashscope_emu.tasks[record.remote_id]
            seen.append((after - before, task.extra["noticed"] - task.finished_at))
        await engine.close()
        await journal.close()
        return seen[0], seen[1]

    (cold, cold_late), (warm, warm_late) = asyncio.run(go())
    assert cold >= 2
    # with the first task's duration known, the second is seen done sooner after its end, for no
    # more polls than the first needed
    assert warm <= cold
    assert warm_late < cold_late
