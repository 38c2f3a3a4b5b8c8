"""Small dialogs about one task: its request/response log, and the decision on an unknown submit.

Both are opened with ``open()`` (never a nested ``exec()``), so the asyncio loop keeps running.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.tasks.journal import TaskRecord
from gui.spawn import spawn
from gui.texts import state_name

if TYPE_CHECKING:
    from core.tasks.engine import Engine


class LogDialog(QDialog):
    """The task's request and the journal's request/response log (already redacted by core)."""

    def __init__(self, engine: Engine, record: TaskRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.record = record
        self.setWindowTitle(self.tr("Task log: %1").replace("%1", record.id[:8]))
        self.resize(760, 520)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName(self.tr("Task log"))
        self.text.setPlainText(self.tr("Loading…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(self.tr("&Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.loaded = spawn(self._load(), name="task-log")

    async def _load(self) -> None:
        lines = await self.engine.journal.task_log(self.record.id)
        public = self.record.to_public()
        public.pop("uploads", None)
        parts = [
            self.tr("State: %1").replace("%1", state_name(self.record.state)),
            "",
            self.tr("Request"),
            json.dumps(public["request"], ensure_ascii=False, indent=2),
            "",
            self.tr("Log"),
        ]
        for at, line in lines:
            parts.append(f"{datetime.fromtimestamp(at).strftime('%Y-%m-%d %H:%M:%S')}  {line}")
        if not lines:
            parts.append(self.tr("(nothing logged yet)"))
        self.text.setPlainText("\n".join(parts))


class ResolveDialog(QDialog):
    """A submit whose answer was lost: give the provider's task id, send it again, or drop it."""

    USE_ID, RESUBMIT, DROP = "use_id", "resubmit", "drop"
    decided = Signal(str, str)  # (decision, remote id)

    def __init__(self, record: TaskRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("Unknown submit"))
        explain = QLabel(
            self.tr(
                "ClipDesk sent this task but never heard back. The provider may have created it "
                "and charged for it, so ClipDesk will not send it again by itself.\n\n"
                "Check the provider's console. If the task is there, enter its id to follow it. "
                "Otherwise send it again (it may be charged twice if it did exist), or drop it."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.remote_id = QLineEdit(self)
        self.remote_id.setPlaceholderText(self.tr("The provider's task id"))
        self.remote_id.setAccessibleName(self.tr("The provider's task id"))
        label = QLabel(self.tr("&Task id at the provider:"), self)
        label.setBuddy(self.remote_id)
        buttons = QDialogButtonBox(self)
        self.use_button = QPushButton(self.tr("&Follow this id"), self)
        self.use_button.setEnabled(False)
        resend = QPushButton(self.tr("&Send again"), self)
        drop = QPushButton(self.tr("&Drop task"), self)
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(resend, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(drop, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.tr("Decide &later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.remote_id.textChanged.connect(lambda text: self.use_button.setEnabled(bool(text.strip())))
        self.use_button.clicked.connect(lambda: self._decide(self.USE_ID))
        resend.clicked.connect(lambda: self._decide(self.RESUBMIT))
        drop.clicked.connect(lambda: self._decide(self.DROP))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        if record.error_message:
            detail = QLabel(record.error_message, self)
            detail.setWordWrap(True)
            detail.setProperty("tone", "muted")
            layout.addWidget(detail)
        layout.addWidget(label)
        layout.addWidget(self.remote_id)
        layout.addWidget(buttons)

    def _decide(self, decision: str) -> None:
        self.decided.emit(decision, self.remote_id.text().strip())
        self.accept()
