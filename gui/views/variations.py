"""Variations of a task's settings: N takes across seeds, models and connections (any mix), made
as one group (one ``batch_id``), each a ``variation`` of the task (core/tasks/variations.py).

The models offered are those of the task's connection that take its kind of input; the
connections offered are those whose catalog lists one of the chosen models. Every take of every
target gets the same seeds, so models and connections are compared on equal terms.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import ClipDeskError
from core.providers import get_provider
from core.tasks.journal import TaskRecord
from core.tasks.lineage import VARIATION
from core.tasks.variations import MAX_TAKES, plan_variations
from gui.spawn import spawn
from gui.texts import connection_label


def catalog_models(dialect: str) -> list[Any]:
    try:
        return list(get_provider(dialect).catalog.models)
    except (KeyError, ValueError, ClipDeskError):
        return []


class VariationsDialog(QDialog):
    """Choose takes, models and connections; Make creates the group."""

    made = Signal(str, int)  # the group's batch id, how many tasks were made

    def __init__(self, record: TaskRecord, engine: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Variations"))
        self.record, self.engine = record, engine
        self.creating: asyncio.Task[None] | None = None
        self.failures: list[str] = []
        mode = record.request.mode
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_TAKES)
        self.count.setValue(4)
        self.count.setAccessibleName(self.tr("Takes per model and connection"))
        self.models = QListWidget(self)
        self.models.setAccessibleName(self.tr("Models"))
        for spec in catalog_models(record.dialect):
            if mode in spec.modes:
                self._add(self.models, spec.label or spec.id, spec.id, spec.id == record.model)
        self.connections = QListWidget(self)
        self.connections.setAccessibleName(self.tr("Connections"))
        for name, connection in sorted(engine.connections.items()):
            ids = {spec.id for spec in catalog_models(connection.dialect)}
            if ids & set(self._values(self.models, checked=False)):
                self._add(self.connections, connection_label(name), name, name == record.connection)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        for widget in (self.models, self.connections):
            widget.itemChanged.connect(self._update)
        self.count.valueChanged.connect(self._update)
        self.buttons = QDialogButtonBox(self)
        self.make_button = self.buttons.addButton(self.tr("&Make"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Takes (each its own seed):"), self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Variations of “%1”").replace("%1", record.request.prompt[:80]), self)
        )
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Models:"), self))
        layout.addWidget(self.models, 1)
        layout.addWidget(QLabel(self.tr("Connections:"), self))
        layout.addWidget(self.connections, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._update()
        self.resize(460, 480)

    @staticmethod
    def _add(widget: QListWidget, text: str, value: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)

    @staticmethod
    def _values(widget: QListWidget, *, checked: bool = True) -> list[str]:
        return [
            str(widget.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(widget.count())
            if not checked or widget.item(n).checkState() == Qt.CheckState.Checked
        ]

    def targets(self) -> list[tuple[str, str]]:
        """(connection, model) pairs: every chosen model on every chosen connection that has it."""
        models = self._values(self.models)
        found = []
        for name in self._values(self.connections):
            connection = self.engine.connections[name]
            ids = {spec.id for spec in catalog_models(connection.dialect)}
            found += [(name, model) for model in models if model in ids]
        return found

    def _update(self, *_args: object) -> None:
        total = len(self.targets()) * self.count.value()
        self.summary.setText(self.tr("%n task(s) will be made, as one group.", "", total))
        self.make_button.setEnabled(total > 0 and self.creating is None)

    def make(self) -> asyncio.Task[None] | None:
        if self.creating is not None or not self.targets():
            return None
        self.make_button.setEnabled(False)
        self.creating = spawn(self._make(), name="variations")
        return self.creating

    async def _make(self) -> None:
        planned = plan_variations(self.record.request, self.count.value(), self.targets())
        batch_id = uuid.uuid4().hex
        made = 0
        for connection, request in planned:
            try:
                await self.engine.create(
                    connection, request, parent_id=self.record.id, relation=VARIATION, batch_id=batch_id
                )
                made += 1
            except ClipDeskError as exc:  # e.g. a setting another model does not take
                self.failures.append(f"{connection} / {request.model}: {exc.message}")
        self.creating = None
        self.made.emit(batch_id, made)
        if self.failures:
            text = self.tr("%n task(s) made; these could not be:", "", made)
            self.summary.setText(text + "\n" + "\n".join(self.failures[:6]))
            return
        self.accept()
