"""Videos and what they were made from, readable without the journal: a JSON sidecar beside each
finished video (``clip.mp4.json``), and the import or re-index of video files from a folder.

The sidecar holds the task's id, connection, dialect, model, request, times, remote id and hash:
never a key (a request holds none) and never the result's link (it may carry a signature). With
it, a folder of videos copied to another machine, or a library whose journal was lost, comes back
with its prompts and settings ("reuse settings" works on it); a video without one comes in from
its own metadata (title or comment tag, creation time, duration, height) as an imported video.
A video deleted for good goes with its sidecar.

Everything here reads or writes files: the engine calls it off its loop (``asyncio.to_thread``).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from core.media.images import remove_unfinished_writes, write_atomic
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest

log = logging.getLogger(__name__)

SIDECAR_VERSION = 1
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".webm", ".mkv"})
IMPORTED = "imported"  # the connection (and dialect) of a video that came from outside ClipDesk
_SIDECAR_FIELDS = (
    "id",
    "connection",
    "dialect",
    "model",
    "created_at",
    "submitted_at",
    "finished_at",
    "remote_id",
    "parent_id",
    "relation",
    "batch_id",
    "video_size",
    "video_sha256",
)


def sidecar_path(video: Path) -> Path:
    return video.with_name(video.name + ".json")


def write_sidecar(
    record: TaskRecord, *, taken_over: bool = False, parts: list[dict[str, Any]] | None = None
) -> Path:
    """Write ``record``'s sidecar beside its video (whole or not at all); returns its path.

    ``taken_over``: the task was left by a run that stopped, maybe while writing this sidecar; the
    temporary file such a write leaves in the library is removed first. ``parts``: for a joined
    video, the clips it was joined from, in order.
    """
    assert record.video_path
    data: dict[str, Any] = {"clipdesk_sidecar": SIDECAR_VERSION}
    data.update({name: getattr(record, name) for name in _SIDECAR_FIELDS})
    data["request"] = record.request.to_dict()
    if parts is not None:
        data["parts"] = parts
    path = sidecar_path(Path(record.video_path))
    if taken_over:
        for tmp in remove_unfinished_writes(path):
            log.info("removed %s, left by a run that stopped while writing it", tmp.name)
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def read_sidecar(video: Path) -> dict[str, Any] | None:
    """The video's sidecar, or None when it has none or it is not one of ours."""
    try:
        data = json.loads(sidecar_path(video).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("clipdesk_sidecar"), int):
        return None
    if not isinstance(data.get("id"), str) or not isinstance(data.get("request"), dict):
        return None
    return data


def find_videos(paths: Iterable[str]) -> list[Path]:
    """The video files among ``paths``, folders searched through (hidden entries skipped)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [Path(root) / f for f in sorted(files) if _is_video(Path(f))]
        elif path.is_file() and _is_video(path):
            found.append(path)
    return found


def _is_video(path: Path) -> bool:
    return path.suffix.lower() in VIDEO_SUFFIXES and not path.name.startswith(".")


@dataclass
class Indexed:
    """What re-indexing found: records to add, known tasks whose video has moved (task id, the
    video's new path), and how many videos were in the library already."""

    added: list[TaskRecord]
    moved: list[tuple[str, str]]
    skipped: int


def index(videos: list[Path], tasks: dict[str, TaskRecord]) -> Indexed:
    """Records for ``videos`` that are not in ``tasks`` yet (read-only: ``tasks`` is not changed).
    A video with a sidecar becomes the task it was (its id, request and times; a known task whose
    file is gone is pointed at it); one without becomes an imported video described by its own
    metadata."""
    by_path = {os.path.realpath(r.video_path) for r in tasks.values() if r.video_path}
    ids = set(tasks)
    added: list[TaskRecord] = []
    moved: list[tuple[str, str]] = []
    skipped = 0
    for video in videos:
        real = os.path.realpath(video)
        if real in by_path:
            skipped += 1
            continue
        by_path.add(real)
        sidecar = read_sidecar(video)
        if sidecar is not None and sidecar["id"] in ids:
            known = tasks.get(sidecar["id"])
            gone = known is not None and not (known.video_path and Path(known.video_path).is_file())
            if known is not None and gone and known.state is TaskState.SUCCEEDED:
                moved.append((known.id, str(video)))
            else:
                skipped += 1  # the same task's video, copied: the one the library has stays
            ids.add(sidecar["id"])
            continue
        record = _from_sidecar(video, sidecar) if sidecar else None
        record = record or _from_metadata(video)
        ids.add(record.id)
        added.append(record)
    return Indexed(added, moved, skipped)


def _from_sidecar(video: Path, data: dict[str, Any]) -> TaskRecord | None:
    try:
        request = GenerationRequest.from_dict(data["request"])
        record = TaskRecord(
            id=data["id"],
            connection=str(data.get("connection") or IMPORTED),
            dialect=str(data.get("dialect") or IMPORTED),
            base_url="",
            model=str(data.get("model") or request.model),
            request=request,
            state=TaskState.SUCCEEDED,
            video_path=str(video),
        )
        for name in ("created_at", "submitted_at", "finished_at"):
            if isinstance(data.get(name), int | float):
                setattr(record, name, float(data[name]))
        for name in ("remote_id", "parent_id", "relation", "batch_id", "video_sha256"):
            if isinstance(data.get(name), str):
                setattr(record, name, data[name])
        record.video_size = video.stat().st_size
        return record
    except (TypeError, ValueError, KeyError, OSError) as exc:
        log.info("sidecar of %s unusable (%s): imported from the file", video, exc)
        return None


def _from_metadata(video: Path) -> TaskRecord:
    """An imported video: title or comment tag as its prompt, creation time (else the file's
    time), duration and height as its settings, where the file says them."""
    stat = video.stat()
    created = stat.st_mtime
    prompt, duration, resolution = "", None, None
    try:
        import av

        with av.open(str(video)) as container:
            tags = {k.lower(): v for k, v in (container.metadata or {}).items()}
            prompt = (tags.get("title") or tags.get("comment") or tags.get("description") or "").strip()
            when = tags.get("creation_time")
            if when:
                created = datetime.fromisoformat(when.replace("Z", "+00:00")).timestamp()
            if container.duration:
                duration = max(1, round(container.duration / 1_000_000))
            streams = container.streams.video
            if streams and streams[0].height:
                resolution = f"{streams[0].height}p"
    except Exception as exc:  # an unreadable or odd file still comes in, by its name and time
        log.info("no metadata read from %s: %s", video, exc)
    request = GenerationRequest(
        model=IMPORTED, prompt=prompt or video.stem, duration=duration, resolution=resolution
    )
    return TaskRecord(
        id=TaskRecord.new_id(),
        connection=IMPORTED,
        dialect=IMPORTED,
        base_url="",
        model=IMPORTED,
        request=request,
        state=TaskState.SUCCEEDED,
        created_at=created,
        updated_at=created,
        finished_at=created,
        video_path=str(video),
        video_size=stat.st_size,
    )


def delete_video(video: Path) -> None:
    """Remove a video and its sidecar for good (one already gone is fine: a delete stopped half
    way is finished by the next). Raises OSError when the video cannot be removed."""
    video.unlink(missing_ok=True)
    sidecar_path(video).unlink(missing_ok=True)
