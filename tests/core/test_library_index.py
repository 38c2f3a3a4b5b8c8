"""Finished videos carry a JSON sidecar; a folder of videos re-indexed into another journal comes
back with its tasks' prompts and settings, videos without a sidecar come in from their own
metadata, and what the library already has is left alone."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.config.paths import Paths
from core.library import IMPORTED, find_videos, sidecar_path
from core.tasks.engine import Engine
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from tests.support.engine import close_engine, open_engine
from tests.support.videos import make_video


async def _open(home: Path, base_url: str | None = None) -> Engine:
    folders = {name: home / name for name in ("config", "data", "cache", "logs", "library")}
    return await open_engine(Paths(**folders), base_url)


_close = close_engine


def make_clip(path: Path, *, title: str | None = None, created: str | None = None, seconds: int = 2) -> Path:
    """A small clip (6 fps, 64x48 pixels), with a title and creation time when given."""
    return make_video(path, frames=6 * seconds, rate=6, size=(64, 48), title=title, created=created)


def test_a_finished_video_has_a_sidecar_and_comes_back_in_another_library(
    dashscope_emu: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    request = GenerationRequest(
        model="wan2.5-i2v-preview",
        prompt="a fox in the snow",
        image="https://example.com/fox.png",
        duration=5,
        resolution="720p",
        seed=7,
    )

    async def make() -> TaskRecord:
        engine = await _open(tmp_path / "first", dashscope_emu.base_url)
        try:
            record = await engine.create("c", request)
            await asyncio.wait_for(engine.wait([record.id]), 60)
            return record
        finally:
            await _close(engine)

    done = asyncio.run(make())
    assert done.state is TaskState.SUCCEEDED, done.error_message
    video = Path(done.video_path or "")
    sidecar = json.loads(sidecar_path(video).read_text(encoding="utf-8"))
    assert sidecar["id"] == done.id and sidecar["request"]["prompt"] == "a fox in the snow"
    assert sidecar["connection"] == "c" and sidecar["video_sha256"] == done.video_sha256
    text = sidecar_path(video).read_text(encoding="utf-8")
    assert "sk-ok" not in text and (done.result_url or "§") not in text  # no key, no signed link

    moved = tmp_path / "carried" / "clips"  # the folder, copied to another machine
    shutil.copytree(video.parent, moved)

    async def reindex() -> tuple[list[TaskRecord], list[TaskRecord]]:
        engine = await _open(tmp_path / "second")
        try:
            first = await engine.import_videos([str(tmp_path / "carried")])
            again = await engine.import_videos([str(tmp_path / "carried")])  # nothing new
            return first, again
        finally:
            await _close(engine)

    first, again = asyncio.run(reindex())
    [back] = first
    assert again == []
    assert back.id == done.id and back.request == request and back.connection == "c"
    assert back.state is TaskState.SUCCEEDED and back.created_at == done.created_at
    assert Path(back.video_path or "").parent == moved

    async def reopened() -> TaskRecord:
        engine = await _open(tmp_path / "second")
        try:
            return engine.tasks[done.id]  # kept in the journal
        finally:
            await _close(engine)

    assert asyncio.run(reopened()).request.prompt == "a fox in the snow"


def test_videos_without_a_sidecar_come_in_from_their_metadata(tmp_path: Path) -> None:
    folder = tmp_path / "old renders"
    tagged = make_clip(folder / "harbour.mp4", title="Harbour at dawn", created="2026-03-01T08:30:00.000000Z")
    plain = make_clip(folder / "sub" / "untitled take.mov", seconds=3)
    (folder / "notes.txt").write_text("not a video", encoding="utf-8")
    make_clip(folder / ".hidden" / "skip.mp4")
    (folder / "broken.mp4").write_bytes(b"\0" * 100)  # unreadable: still comes in, by its name
    assert find_videos([str(folder)]) == [folder / "broken.mp4", tagged, plain]

    async def go() -> list[TaskRecord]:
        engine = await _open(tmp_path / "home")
        try:
            return await engine.import_videos([str(folder)])
        finally:
            await _close(engine)

    records = {Path(r.video_path or "").name: r for r in asyncio.run(go())}
    assert set(records) == {"harbour.mp4", "untitled take.mov", "broken.mp4"}
    harbour = records["harbour.mp4"]
    assert harbour.request.prompt == "Harbour at dawn" and harbour.connection == IMPORTED
    assert harbour.created_at == datetime(2026, 3, 1, 8, 30, tzinfo=UTC).timestamp()
    assert (harbour.request.duration, harbour.request.resolution) == (2, "48p")
    take = records["untitled take.mov"]
    assert take.request.prompt == "untitled take" and take.request.duration == 3
    assert take.created_at == os.stat(plain).st_mtime
    assert records["broken.mp4"].request.prompt == "broken"
    assert all(r.state is TaskState.SUCCEEDED and r.video_size for r in records.values())


def test_a_known_task_whose_video_moved_is_pointed_at_it(tmp_path: Path) -> None:
    video = make_clip(tmp_path / "library" / "clip.mp4")

    async def go() -> tuple[TaskRecord, list[TaskRecord], list[TaskRecord]]:
        engine = await _open(tmp_path / "home")
        try:
            [record] = await engine.import_videos([str(video)])
            from core.library import write_sidecar

            write_sidecar(record)
            elsewhere = tmp_path / "moved" / "clip.mp4"
            elsewhere.parent.mkdir()
            shutil.copy(video, elsewhere)
            shutil.copy(sidecar_path(video), sidecar_path(elsewhere))
            copied = await engine.import_videos([str(elsewhere)])  # a copy: the original stays
            video.unlink()
            moved = await engine.import_videos([str(elsewhere.parent)])
            return record, copied, moved
        finally:
            await _close(engine)

    record, copied, moved = asyncio.run(go())
    assert copied == []
    assert [r.id for r in moved] == [record.id] and moved[0].video_path == str(
        tmp_path / "moved" / "clip.mp4"
    )


def test_a_sidecar_that_cannot_be_written_never_fails_the_task(
    dashscope_emu: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    import core.tasks.engine

    def broken(record: TaskRecord) -> Path:
        raise TypeError("something in the request the sidecar cannot hold")

    monkeypatch.setattr(core.tasks.engine, "write_sidecar", broken)
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    request = GenerationRequest(
        model="wan2.5-i2v-preview", prompt="a fox", image="https://example.com/fox.png"
    )

    async def go() -> tuple[TaskRecord, list[str]]:
        engine = await _open(tmp_path / "home", dashscope_emu.base_url)
        try:
            record = await engine.create("c", request)
            await asyncio.wait_for(engine.wait([record.id]), 60)
            return record, [line for _at, line in await engine.journal.task_log(record.id)]
        finally:
            await _close(engine)

    record, log = asyncio.run(go())
    assert record.state is TaskState.SUCCEEDED and Path(record.video_path or "").is_file()
    assert any("no sidecar written" in line for line in log)
