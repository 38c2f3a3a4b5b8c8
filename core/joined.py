"""Joined videos in the library: clips of finished tasks joined in order (core/media/join.py) into
one MP4 that comes into the library as a task of its own.

:func:`join_tasks` is blocking (it decodes and encodes): the CLI runs it in a thread, the window
in its process pool; everything it takes and returns pickles. The caller then adds the result to
the journal with ``Engine.import_videos([record.video_path])``, which reads the sidecar written
here: the joined task's request names its parts (``params["parts"]``), and its sidecar lists them
with their prompts and lengths.

In a worker process, :func:`join_job` runs the join with a :class:`JoinChannel`: a few bytes of
shared memory named by a string (so it pickles) where the worker writes its progress and reads
whether to cancel. No thread, pipe or process is added for it.
"""

from __future__ import annotations

import os
import struct
import time
from datetime import datetime
from multiprocessing import shared_memory
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


class JoinChannel:
    """Progress out of, and a cancel into, a join running in another process (shared memory)."""

    _LAYOUT = struct.Struct("<?d")  # cancel requested, fraction done

    def __init__(self, name: str | None = None) -> None:
        """A new channel (no ``name``; its owner unlinks it with :meth:`close`), or the one named."""
        self.owner = name is None
        self._memory = shared_memory.SharedMemory(name=name, create=self.owner, size=self._LAYOUT.size)
        buf = self._memory.buf
        assert buf is not None
        self._buf = buf
        if self.owner:
            self._LAYOUT.pack_into(self._buf, 0, False, 0.0)

    @property
    def name(self) -> str:
        return self._memory.name

    def cancel(self) -> None:
        self._LAYOUT.pack_into(self._buf, 0, True, self.progress)

    @property
    def cancelled(self) -> bool:
        return bool(self._LAYOUT.unpack_from(self._buf, 0)[0])

    @property
    def progress(self) -> float:
        return float(self._LAYOUT.unpack_from(self._buf, 0)[1])

    def report(self, fraction: float) -> None:
        struct.pack_into("<d", self._buf, 1, fraction)

    def close(self) -> None:
        self._buf.release()
        self._memory.close()
        if self.owner:
            self._memory.unlink()


def join_job(
    parts: list[TaskRecord], library: str, output: str | None, crossfade: float, channel: str
) -> TaskRecord | dict[str, str]:
    """:func:`join_tasks` for a worker process: progress and cancel through the named channel;
    returns the joined task, or ``{"kind": ..., "message": ...}`` when it could not be made."""
    link = JoinChannel(channel)
    try:
        return join_tasks(
            parts,
            Path(library),
            output=Path(output) if output else None,
            crossfade=crossfade,
            progress=link.report,
            cancel=lambda: link.cancelled,
        )
    except ClipDeskError as exc:
        return {"kind": exc.kind.value, "message": exc.message}
    finally:
        link.close()
