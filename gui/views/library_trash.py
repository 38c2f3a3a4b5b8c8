"""Deleting videos in the library's trash for good: the chosen ones, or all of them (Empty trash),
once the creator has confirmed (gui/views/library_view.py asks).

A video's file and sidecar are removed first, off the window's thread (core/library.delete_video);
then its task leaves the journal as the queue's Remove takes it out (Engine.remove; the spend
ledger keeps what it cost), and what the library marked of it is forgotten. A file that cannot be
removed keeps its task, still in the trash, and the creator is told. A delete stopped half way
(the file gone, the task still there) is finished by the next one.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from core.library import delete_video
from core.tasks.journal import TaskRecord
from gui.settings import LibraryMarks
from gui.thumbnails import Thumbnails

if TYPE_CHECKING:
    from core.tasks.engine import Engine

log = logging.getLogger("clipdesk.gui")


async def delete_for_good(
    engine: Engine, marks: LibraryMarks, thumbnails: list[Thumbnails | None], records: list[TaskRecord]
) -> list[TaskRecord]:
    """Delete ``records`` (videos in the trash) for good; returns those whose file stayed."""
    kept: list[TaskRecord] = []
    gone: list[str] = []
    for record in records:
        if record.video_path:
            try:
                await asyncio.to_thread(delete_video, Path(record.video_path))
            except OSError as exc:
                log.warning("could not delete %s: %s", record.video_path, exc)
                kept.append(record)
                continue
            for pictures in thumbnails:
                if pictures is not None:
                    pictures.forget(record.video_path)
        await engine.remove(record.id)
        gone.append(record.id)
    if gone:
        marks.forget(gone)
    return kept
