"""Joined videos in the library: clips of finished tasks joined in order (core/media/join.py) into
one MP4 that comes into the library as a task of its own.

:func:`join_tasks` is blocking (it decodes and encodes): the CLI runs it in a thread, the window
in its process pool; everything it takes and returns pickles. The caller then adds the result to
the journal with ``Engine.import_videos([record.video_path])``, which reads the sidecar written
here: the joined task's request names its parts (``params["parts"]``), and its sidecar lists them
with their prompts and lengths.
"""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import ClipDeskError, ErrorKind
from core.library import write_sidecar
from core.media.join import Cancel, JoinResult, Progress, join_videos
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest

JOINED = "joined"  # the connection, dialect and model of a joined video


def check_parts(parts: list[TaskRecord]) -> list[Path]:
    """The videos of ``parts``; raises ClipDeskError(INVALID_INPUT) for a task without one."""
    videos = []
    for part in parts:
        if part.state is not TaskState.SUCCEEDED or not part.video_path:
            raise ClipDeskError(
                ErrorKind.INVALID_INPUT, f"task {part.id[:8]} has no video ({part.state.value})"
            )
        if not os.path.isfile(part.video_path):
            raise ClipDeskError(
                ErrorKind.INVALID_INPUT, f"the video of task {part.id[:8]} is missing: {part.video_path}"
            )
        videos.append(Path(part.video_path))
    return videos


def default_output(library: Path, task_id: str) -> Path:
    return library / datetime.now().strftime("%Y-%m-%d") / f"joined-{task_id[:8]}.mp4"


def join_tasks(
    parts: list[TaskRecord],
    library: Path,
    *,
    output: Path | None = None,
    crossfade: float = 0.0,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> TaskRecord:
    """Join the videos of ``parts`` in order into ``output`` (default: the library's folder of the
    day) and write its sidecar; returns the joined task, not yet in the journal. Raises
    ClipDeskError (INVALID_INPUT, or CANCELLED: then nothing was written)."""
    videos = check_parts(parts)
    task_id = TaskRecord.new_id()
    target = output or default_output(library, task_id)
    result = join_videos(videos, target, crossfade=crossfade, progress=progress, cancel=cancel)
    record = joined_record(task_id, parts, result, crossfade)
    try:
        write_sidecar(record, parts=_listing(parts, result))
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return record


def joined_record(task_id: str, parts: list[TaskRecord], result: JoinResult, crossfade: float) -> TaskRecord:
    first = parts[0].request
    prompts = [p.request.prompt.strip() for p in parts if p.request.prompt.strip()]
    request = GenerationRequest(
        model=JOINED,
        prompt=" → ".join(dict.fromkeys(prompts))[:500],
        duration=max(1, round(result.duration)),
        resolution=first.resolution,
        params={"parts": [p.id for p in parts], "crossfade": crossfade, "seconds": round(result.duration, 3)},
    )
    now = time.time()
    return TaskRecord(
        id=task_id,
        connection=JOINED,
        dialect=JOINED,
        base_url="",
        model=JOINED,
        request=request,
        state=TaskState.SUCCEEDED,
        created_at=now,
        finished_at=now,
        video_path=str(result.path),
        video_size=result.path.stat().st_size,
    )


def _listing(parts: list[TaskRecord], result: JoinResult) -> list[dict[str, Any]]:
    return [
        {
            "id": part.id,
            "video_path": part.video_path,
            "prompt": part.request.prompt,
            "model": part.model,
            "duration": info.duration,
        }
        for part, info in zip(parts, result.parts, strict=True)
    ]
