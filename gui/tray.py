"""The tray icon and the desktop notification when a task ends.

Where the desktop has no tray (or the platform is offscreen) notifications go to the status bar
only. A task notifies once, when it is seen to reach an end state in this session.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from core.store import TaskRecord, TaskState
from gui.texts import error_summary


class TaskNotifier(QObject):
    notified = Signal(str, str)  # title, message (also shown in the status bar)
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, enabled: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._seen: dict[str, TaskState] = {}
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("ClipDesk")
            menu = QMenu(parent)
            menu.addAction(self.tr("Show ClipDesk"), self.show_requested.emit)
            menu.addSeparator()
            menu.addAction(self.tr("Quit"), self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda *_: self.show_requested.emit())
            self.tray.show()

    def watch(self, record: TaskRecord) -> None:
        """Remember a task's state without notifying (tasks that were already there)."""
        self._seen[record.id] = record.state

    def on_task_events(self, batch: list[tuple[str, TaskRecord]]) -> None:
        """A frame's events: only a task whose state moved is looked at further."""
        seen = self._seen
        for event, record in batch:
            before = seen.get(record.id)
            if event == "removed" or (before is not None and before is not record.state):
                self.on_task_event(event, record)
            elif before is None:
                seen[record.id] = record.state

    def on_task_event(self, event: str, record: TaskRecord) -> None:
        before = self._seen.get(record.id)
        self._seen[record.id] = record.state
        if event == "removed":
            self._seen.pop(record.id, None)
            return
        if before is None or before is record.state:
            return
        ended = record.state.terminal and not before.terminal and record.state is not TaskState.CANCELLED
        if ended or record.state is TaskState.UNKNOWN:
            self.notify_task(record)

    def notify_task(self, record: TaskRecord) -> None:
        prompt = record.request.prompt.strip().replace("\n", " ")
        prompt = prompt if len(prompt) <= 50 else prompt[:48] + "…"
        if record.state is TaskState.SUCCEEDED:
            title = self.tr("Video ready")
            message = prompt or record.model
        elif record.state is TaskState.UNKNOWN:
            title = self.tr("A task needs your decision")
        elif record.state is TaskState.EXPIRED:
            title = self.tr("Task expired")
        else:
            title = self.tr("Task failed")
        if record.state is not TaskState.SUCCEEDED:
            message = " · ".join(p for p in (prompt, error_summary(record.error_kind)) if p) or record.model
        self.notified.emit(title, message)
        if self.enabled and self.tray is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Information
                if record.state is TaskState.SUCCEEDED
                else QSystemTrayIcon.MessageIcon.Warning
            )
            self.tray.showMessage(title, message, icon, 6000)
