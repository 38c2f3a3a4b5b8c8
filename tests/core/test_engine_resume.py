"""Tasks resumed after a restart need only what their next step needs: a task already submitted
polls and downloads without its images; a task not yet submitted finds them again, whether they
were files (kept in the task's folder) or web addresses (kept in the request)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from core.config.paths import default_paths
from core.tasks.engine import Engine
from core.tasks.journal import TaskState
from core.tasks.request import GenerationRequest
from tests.support.engine import close_engine, open_engine

WEB_IMAGE = "https://example.com/fox.png"


async def _open(base_url: str) -> Engine:
    return await open_engine(default_paths(), base_url)


_close = close_engine


async def _restart_and_finish(base_url: str, task_id: str) -> None:
    """Open the engine again, resume what is unfinished, and see the task succeed."""
    engine = await _open(base_url)
    try:
        await engine.resume_all()
        await asyncio.wait_for(engine.wait([task_id]), 60)
        again = engine.tasks[task_id]
        assert again.state is TaskState.SUCCEEDED, again.error_message
    finally:
        await _close(engine)


def test_a_queued_task_with_a_web_image_is_submitted_after_a_restart(
    dashscope_emu: Any, clipdesk_home: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    request = GenerationRequest(model="wan2.5-i2v-preview", prompt="a fox", image=WEB_IMAGE)

    async def go() -> None:
        engine = await _open(dashscope_emu.base_url)
        engine.pause("c")  # it waits in the queue when the app closes
        record = await engine.create("c", request)
        await _close(engine)
        assert record.state is TaskState.QUEUED

        await _restart_and_finish(dashscope_emu.base_url, record.id)

    asyncio.run(go())
    [submit] = dashscope_emu.submits
    assert WEB_IMAGE in submit.body.decode()


def test_a_running_task_resumes_without_its_images(
    dashscope_emu: Any, clipdesk_home: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """Its folder of prepared images may be gone (cleaned, or never needed): it was billed, it
    polls and downloads all the same."""
    import shutil

    from tests.support.images import make_image

    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    dashscope_emu.seconds_running = 2.0
    image = make_image(tmp_path / "fox.png")
    request = GenerationRequest(model="wan2.5-i2v-preview", prompt="a fox", image=str(image))

    async def go() -> None:
        engine = await _open(dashscope_emu.base_url)
        record = await engine.create("c", request)
        for _ in range(200):
            if record.state is TaskState.RUNNING:
                break
            await asyncio.sleep(0.05)
        await _close(engine)
        assert record.state is TaskState.RUNNING and record.remote_id
        shutil.rmtree(engine.paths.tasks / record.id)

        await _restart_and_finish(dashscope_emu.base_url, record.id)

    asyncio.run(go())
    assert len(dashscope_emu.submits) == 1


def test_closing_during_an_offline_render_stops_it_and_it_resumes(clipdesk_home: Path) -> None:
    """Quitting while a long offline preview renders: the engine closes promptly, the task stays
    unfinished in the journal, and the next engine takes it up again."""
    from core.config.connections import Connection

    request = GenerationRequest(model="preview", prompt="a harbour", duration=15, resolution="1080p")

    async def go() -> None:
        engine = await open_engine(default_paths())
        engine.add_connection(Connection(name="p", dialect="local"))
        record = await engine.create("p", request)
        for _ in range(400):
            if record.state is TaskState.RUNNING:
                break
            await asyncio.sleep(0.05)
        assert record.state is TaskState.RUNNING
        await asyncio.wait_for(close_engine(engine), 10)

        again = await open_engine(default_paths())
        try:
            again.add_connection(Connection(name="p", dialect="local"))
            assert not again.tasks[record.id].state.terminal
            await again.resume_all()
            assert record.id in again._runners
        finally:
            await asyncio.wait_for(close_engine(again), 10)

    asyncio.run(go())
