"""Joining videos from the window: order the clips, choose a cross-fade, and join them in a worker
process (``executor``: anything with ``submit(fn, *args)`` returning a
``concurrent.futures.Future``, e.g. the process pool) while the dialog shows its progress through
a :class:`~core.joined.JoinChannel` and can cancel it; a cancelled join leaves nothing behind."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.joined import JoinChannel, join_job
from core.tasks.journal import TaskRecord
from gui.spawn import spawn

log = logging.getLogger("clipdesk.gui")
PROGRESS_MS = 100


class Executor(Protocol):
    def submit(self, fn: Callable[..., Any], /, *args: Any) -> Future[Any]: ...


class JoinDialog(QDialog):
    """Order the clips, choose a cross-fade, join them in a worker process; progress and cancel."""

    joined = Signal(object)  # the joined TaskRecord, once it is in the library

    def __init__(
        self,
        parts: list[TaskRecord],
        title_of: Callable[[TaskRecord], str],
        executor: Executor,
        library: Path,
        add_to_library: Callable[[list[str]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Join videos"))
        self.executor, self.library, self.add_to_library = executor, library, add_to_library
        self.channel: JoinChannel | None = None
        self.running: asyncio.Task[None] | None = None
        self.made: TaskRecord | None = None
        self._close_when_done = False
        self.parts = QListWidget(self)
        self.parts.setAccessibleName(self.tr("Clips, in order"))
        self.parts.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        for record in parts:
            item = QListWidgetItem(title_of(record))
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.parts.addItem(item)
        up = QPushButton(self.tr("Move &up"), self)
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(self.tr("Move &down"), self)
        down.clicked.connect(lambda: self._move(+1))
        self.crossfade = QDoubleSpinBox(self)
        self.crossfade.setRange(0.0, 2.0)
        self.crossfade.setSingleStep(0.25)
        self.crossfade.setSuffix(self.tr(" s"))
        self.crossfade.setAccessibleName(self.tr("Cross-fade"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.status = QLabel(self.tr("Clips that agree are copied as they are; others are re-encoded."), self)
        self.status.setWordWrap(True)
        self.join_button = QPushButton(self.tr("&Join"), self)
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)

        order = QHBoxLayout()
        order.addWidget(up)
        order.addWidget(down)
        order.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Cross-fade:"), self.crossfade)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Clips, in the order they will play (drag to reorder):"), self))
        layout.addWidget(self.parts, 1)
        layout.addLayout(order)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(520, 420)

    def ordered(self) -> list[TaskRecord]:
        return [self.parts.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.parts.count())]

    def _move(self, by: int) -> None:
        row = self.parts.currentRow()
        if row < 0 or not 0 <= row + by < self.parts.count():
            return
        item = self.parts.takeItem(row)
        self.parts.insertItem(row + by, item)
        self.parts.setCurrentRow(row + by)

    def start(self) -> asyncio.Task[None] | None:
        if self.running is not None:
            return None
        self.join_button.setEnabled(False)
        self.parts.setEnabled(False)
        self.crossfade.setEnabled(False)
        self.status.setText(self.tr("Joining…"))
        self.channel = JoinChannel()  # from now on, Cancel reaches the join
        self._timer.start()
        self.running = spawn(self._join(self.channel), name="join")
        return self.running

    async def _join(self, channel: JoinChannel) -> None:
        try:
            future = self.executor.submit(
                join_job, self.ordered(), str(self.library), None, self.crossfade.value(), channel.name
            )
            result = await asyncio.wrap_future(future)
            if isinstance(result, TaskRecord):
                await self.add_to_library([str(result.video_path)])
        except Exception as exc:  # the worker died, or the library could not take the video
            log.exception("join failed")
            result = {"kind": "unknown", "message": str(exc)}
        finally:
            self._timer.stop()
            self.channel = None
            channel.close()
            self.running = None
        if self._close_when_done:
            super().reject()
            return
        if isinstance(result, TaskRecord):
            self.made = result
            self.progress.setValue(1000)
            self.status.setText(
                self.tr("Joined into the library: %1").replace("%1", Path(str(result.video_path)).name)
            )
            self.cancel_button.setText(self.tr("Close"))
            self.joined.emit(result)
            return
        self.progress.setValue(0)
        self.join_button.setEnabled(True)
        self.parts.setEnabled(True)
        self.crossfade.setEnabled(True)
        if result.get("kind") == "cancelled":
            self.status.setText(self.tr("Cancelled; nothing was written."))
        else:
            self.status.setText(
                self.tr("These clips cannot be joined: %1").replace("%1", result.get("message", ""))
            )

    def _show_progress(self) -> None:
        if self.channel is not None:
            self.progress.setValue(round(self.channel.progress * 1000))

    def cancel(self) -> None:
        """Cancel a join in progress (it removes what it wrote), else close."""
        if self.running is not None and self.channel is not None:
            self.channel.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.running is not None and self.channel is not None:  # closing cancels the join;
            self.channel.cancel()  # the window goes once the worker has stopped
            self._close_when_done = True
            self.hide()
            return
        super().reject()
