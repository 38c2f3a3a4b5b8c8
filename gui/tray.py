"""The tray icon and the desktop notification when a task or a batch ends.

Where the desktop has no tray (or the platform is offscreen) notifications go to the status bar
only. A task notifies once, when it is seen to reach an end state in this session; the tasks of a
batch (a batch file, or copies from the form) notify together, once, when the last of them ends,
with how many are ready and how many failed. A finished task's notice says the account's balance
where the provider reported one with it (core/providers/probe.py, read once per finished task); a
batch's says the latest. Clicking a notification brings the window up and
plays the video it tells of (a batch's latest); the tray's menu plays the latest video too.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from core.tasks.journal import TaskRecord, TaskState
from gui.texts import balance_text, error_summary


class TaskNotifier(QObject):
    notified = Signal(str, str)  # title, message (also shown in the status bar)
    show_requested = Signal()
    play_requested = Signal(str)  # a video file
    quit_requested = Signal()

    def __init__(self, icon: QIcon, enabled: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._seen: dict[str, TaskState] = {}
        self._batches: dict[str, set[str]] = {}  # batch id → its tasks' ids
        self._batch_video: dict[str, str] = {}  # batch id → its latest ready video
        self._batch_balance: dict[str, str] = {}  # batch id → the latest balance its tasks reported
        self._notified_video: str | None = None  # what the last notification tells of
        self._latest_video: str | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("ClipDesk")
            menu = QMenu(parent)
            menu.addAction(self.tr("Show ClipDesk"), self.show_requested.emit)
            self._play_latest = menu.addAction(self.tr("Play the latest video"), self.play_latest)
            self._play_latest.setEnabled(False)
            menu.addSeparator()
            menu.addAction(self.tr("Quit"), self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda *_: self.show_requested.emit())
            self.tray.messageClicked.connect(self.open_notified)
            self.tray.show()

    def watch(self, record: TaskRecord) -> None:
        """Remember a task's state without notifying (tasks that were already there)."""
        self._seen[record.id] = record.state
        if record.batch_id:
            self._batches.setdefault(record.batch_id, set()).add(record.id)

    def on_task_events(self, batch: list[tuple[str, TaskRecord]]) -> None:
        """A frame's events: only a task whose state moved is looked at further."""
        seen = self._seen
        for event, record in batch:
            before = seen.get(record.id)
            if event == "removed" or (before is not None and before is not record.state):
                self.on_task_event(event, record)
            elif before is None:
                self.watch(record)

    def on_task_event(self, event: str, record: TaskRecord) -> None:
        before = self._seen.get(record.id)
        self._seen[record.id] = record.state
        members = self._batches.get(record.batch_id or "")
        if event == "removed":
            self._seen.pop(record.id, None)
            if members is not None:
                members.discard(record.id)
            return
        if before is None or before is record.state:
            return
        if record.state is TaskState.SUCCEEDED and record.video_path:
            self._latest_video = record.video_path
            if self.tray is not None:
                self._play_latest.setEnabled(True)
            if record.batch_id:
                self._batch_video[record.batch_id] = record.video_path
                if balance_text(record.balance):
                    self._batch_balance[record.batch_id] = balance_text(record.balance)
        ended = record.state.terminal and not before.terminal
        if record.state is TaskState.UNKNOWN:
            self.notify_task(record)  # a decision is wanted now, batch or not
        elif ended and members is not None and len(members) > 1:
            if all(self._seen.get(m, TaskState.QUEUED).terminal for m in members):
                self.notify_batch(record.batch_id or "", members)
        elif ended and record.state is not TaskState.CANCELLED:
            self.notify_task(record)

    def notify_batch(self, batch_id: str, members: set[str]) -> None:
        states = [self._seen[m] for m in members]
        ready = states.count(TaskState.SUCCEEDED)
        cancelled = states.count(TaskState.CANCELLED)
        failed = len(states) - ready - cancelled
        if not ready and not failed:
            return  # cancelled whole: the user knows
        parts = [self.tr("%n video(s) ready", "", ready)] if ready else []
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        if cancelled:
            parts.append(self.tr("%n cancelled", "", cancelled))
        if batch_id in self._batch_balance:
            parts.append(self._batch_balance.pop(batch_id))
        self._notified_video = self._batch_video.get(batch_id) if ready else None
        self._show(self.tr("Batch finished"), " · ".join(parts), failed == 0)

    def open_notified(self) -> None:
        """A notification was clicked: the window, playing the video it told of (if any)."""
        self.show_requested.emit()
        if self._notified_video:
            self.play_requested.emit(self._notified_video)

    def play_latest(self) -> None:
        self.show_requested.emit()
        if self._latest_video:
            self.play_requested.emit(self._latest_video)

    def notify_task(self, record: TaskRecord) -> None:
        prompt = record.request.prompt.strip().replace("\n", " ")
        prompt = prompt if len(prompt) <= 50 else prompt[:48] + "…"
        if record.state is TaskState.SUCCEEDED:
            title = self.tr("Video ready")
            message = " · ".join(p for p in (prompt or record.model, balance_text(record.balance)) if p)
        elif record.state is TaskState.UNKNOWN:
            title = self.tr("A task needs your decision")
        elif record.state is TaskState.EXPIRED:
            title = self.tr("Task expired")
        else:
            title = self.tr("Task failed")
        if record.state is not TaskState.SUCCEEDED:
            message = " · ".join(p for p in (prompt, error_summary(record.error_kind)) if p) or record.model
        succeeded = record.state is TaskState.SUCCEEDED
        self._notified_video = record.video_path if succeeded else None
        self._show(title, message, succeeded)

    def _show(self, title: str, message: str, good: bool) -> None:
        self.notified.emit(title, message)
        if self.enabled and self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Information if good else QSystemTrayIcon.MessageIcon.Warning
            self.tray.showMessage(title, message, icon, 6000)
