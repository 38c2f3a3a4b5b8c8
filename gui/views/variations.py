"""Variations of a task's settings: N takes across seeds, models and connections (any mix), made
as one group (one ``batch_id``), each a ``variation`` of the task (core/tasks/variations.py).

The models offered are those of the task's connection that take its kind of input; the
connections offered are those whose catalog lists one of the chosen models. Every take of every
target gets the same seeds, so models and connections are compared on equal terms.

Before anything is made the dialog shows what the group should cost: each target's estimate per
take and the total (per currency; a target with no known price says "price unknown — set it in
Settings"), and, read from the spend ledger off the window's thread, any daily or monthly cap of a
connection that the group would pass (its tasks over the cap are then held, or refused where no
price is known).
"""

from __future__ import annotations

import asyncio
import time
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
from gui.texts import connection_label, model_label, money


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
        self.costs = QLabel(self)  # each target's estimate per take, the total, and caps passed
        self.costs.setWordWrap(True)
        self.costs.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cap_note = QLabel(self)  # the caps the group would pass, from the ledger
        self.cap_note.setWordWrap(True)
        self.cap_note.setProperty("tone", "warning")
        self.cap_note.hide()
        self.checking: asyncio.Task[None] | None = None  # the caps, read from the ledger
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
        layout.addWidget(self.costs)
        layout.addWidget(self.cap_note)
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
        self._show_costs()
        if self.checking is not None:
            self.checking.cancel()
        self.checking = spawn(self._check_caps(), name="variations-caps") if total else None

    def estimates(self) -> list[tuple[str, str, Any]]:
        """(connection, model, estimate of one take or None) for every target."""
        found = []
        for name, request in plan_variations(self.record.request, 1, self.targets()):
            try:
                cost = self.engine.estimate(name, request)
            except ClipDeskError:
                cost = None
            found.append((name, request.model, cost))
        return found

    def _per_connection(self) -> dict[tuple[str, str], float]:
        """(connection, currency) → what the whole group should cost there (known prices only)."""
        sums: dict[tuple[str, str], float] = {}
        for name, _model, cost in self.estimates():
            if cost is not None and cost.amount is not None and cost.currency:
                key = (name, cost.currency)
                sums[key] = sums.get(key, 0.0) + cost.amount * self.count.value()
        return sums

    def _show_costs(self) -> None:
        takes = self.count.value()
        lines: list[str] = []
        totals: dict[str, float] = {}
        unknown = 0
        for name, model, cost in self.estimates():
            spec = next(
                (s for s in catalog_models(self.engine.connections[name].dialect) if s.id == model), None
            )
            shown = model_label(self.engine.connections[name].dialect, spec) if spec else model
            target = self.tr("%1 on “%2”").replace("%1", shown)
            target = target.replace("%2", connection_label(name))
            if cost is None or cost.amount is None:
                unknown += takes
                lines.append(self.tr("%1: price unknown — set it in Settings").replace("%1", target))
                continue
            each = money(cost.amount, cost.currency)
            line = self.tr("%1: %2 per variation").replace("%1", target).replace("%2", each)
            if cost.status == "vendor":
                line += " " + self.tr("(the vendor's list price; a gateway may charge otherwise)")
            lines.append(line)
            totals[cost.currency] = totals.get(cost.currency, 0.0) + cost.amount * takes
        if totals:
            total = " + ".join(money(amount, currency) for currency, amount in totals.items())
            lines.append(self.tr("Estimated total: %1").replace("%1", total))
            if unknown:
                lines[-1] += " " + self.tr("(and %n variation(s) whose price is unknown)", "", unknown)
        self.costs.setText("\n".join(lines))

    async def _check_caps(self) -> None:
        """The caps the group would pass, from the spend ledger (SQLite, on the journal's thread)."""
        now = time.time()
        said = []
        unknown = {name for name, _m, cost in self.estimates() if cost is None or cost.amount is None}
        for (name, currency), amount in self._per_connection().items():
            connection = self.engine.connections[name]
            for passed in await self.engine.ledger.caps_passed(connection, amount, currency, now):
                text = self.tr("daily") if passed["cap"] == "daily" else self.tr("monthly")
                said.append(
                    self.tr(
                        "This group would pass the %1 cap of “%2” (%3; %4 spent or in flight, the group "
                        "%5): the variations over it will wait, held by budget, until the cap is raised "
                        "or a new day or month."
                    )
                    .replace("%1", text)
                    .replace("%2", connection_label(name))
                    .replace("%3", money(passed["limit"], currency))
                    .replace("%4", money(passed["spent"], currency))
                    .replace("%5", money(amount, currency))
                )
        for name in sorted(unknown):
            connection = self.engine.connections.get(name)
            if connection is not None and (connection.daily_budget, connection.monthly_budget) != (
                None,
                None,
            ):
                said.append(
                    self.tr(
                        "“%1” has a spending cap and no price for some of these models: they will be "
                        "refused there until a price is set in Settings."
                    ).replace("%1", connection_label(name))
                )
        self.cap_note.setText("\n".join(said))
        self.cap_note.setVisible(bool(said))
        self.checking = None

    def done(self, result: int) -> None:
        if self.checking is not None:
            self.checking.cancel()
            self.checking = None
        super().done(result)

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
