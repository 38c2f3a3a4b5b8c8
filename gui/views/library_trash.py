"""Deleting videos in the library's trash for good: the chosen ones, or all of them (Empty trash),
each after a confirmation that says how many and that it cannot be undone.

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

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.library import delete_video
from core.tasks.journal import TaskRecord
from gui.models.library_model import LibraryModel
from gui.settings import LibraryMarks
from gui.spawn import spawn
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


class TrashDeletion(QObject):
    """Asks, then deletes; says what it did through ``message``."""

    message = Signal(str)

    def __init__(self, model: LibraryModel, pictures: list[Thumbnails | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.pictures = pictures  # the caches that hold the videos' pictures (thumbnails, scrubbing)
        self.window = parent
        self.deleting: asyncio.Task[None] | None = None  # the last delete started
        self._boxes: list[QMessageBox] = []  # confirmations open

    def ask(self, records: list[TaskRecord], everything: bool) -> QMessageBox:
        """Open the confirmation (it returns at once); deleting starts when the creator confirms."""
        count = len(records)
        if everything:
            title = self.tr("Empty trash")
            text = self.tr("Delete the %n video(s) in the trash permanently?", "", count)
        else:
            title = self.tr("Delete permanently")
            text = self.tr("Delete %n video(s) permanently?", "", count)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, self.window
        )
        box.setInformativeText(self.tr("Their files are removed from the disk. This cannot be undone."))
        delete = box.addButton(self.tr("&Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        delete.clicked.connect(lambda: self._start(records))
        self._boxes.append(box)
        box.finished.connect(lambda *_: self._boxes.remove(box) if box in self._boxes else None)
        box.open()
        return box

    def _start(self, records: list[TaskRecord]) -> None:
        self.deleting = spawn(self._delete(records), name="delete-videos")

    async def _delete(self, records: list[TaskRecord]) -> None:
        kept = await delete_for_good(self.model.engine, self.model.marks, self.pictures, records)
        text = self.tr("Deleted %n video(s) permanently", "", len(records) - len(kept))
        if kept:
            text += " · " + self.tr("%n could not be removed (still in the trash)", "", len(kept))
        self.message.emit(text)
