"""Batch: one task per image of a folder, or per row of a CSV, with the form's current settings.

A dry run lists every task and what is wrong with the ones that would be refused; only then can
the valid ones be queued (sharing one batch id).
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.pricing import estimate
from core.tasks.request import GenerationRequest
from gui.batch import BatchItem, check, from_csv, from_folder
from gui.settings import UserSettings
from gui.spawn import spawn
from gui.texts import connection_label, explain_invalid, money
from gui.theme import colour
from gui.views.generate_panel import GeneratePanel

if TYPE_CHECKING:
    from core.tasks.engine import Engine


class BatchDialog(QDialog):
    def __init__(
        self, engine: Engine, panel: GeneratePanel, settings: UserSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.panel = panel
        self.settings = settings
        self.items: list[BatchItem] = []
        self.queued: asyncio.Task[None] | None = None
        self.setWindowTitle(self.tr("Batch"))
        self.resize(860, 560)
        self.folder_radio = QRadioButton(self.tr("A &folder of images"), self)
        self.csv_radio = QRadioButton(self.tr("A &CSV file: image, prompt, overrides"), self)
        self.folder_radio.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.folder_radio)
        kinds.addButton(self.csv_radio)
        self.path_edit = QLineEdit(self)
        self.path_edit.setAccessibleName(self.tr("Folder or CSV file"))
        browse = QPushButton(self.tr("B&rowse…"), self)
        help_label = QLabel(
            self.tr(
                "Each image or row becomes a task with the form's current connection, model and settings. "
                "CSV overrides look like duration=5;resolution=720p;seed=7."
            ),
            self,
        )
        help_label.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Tasks in the batch"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Source"), self.tr("Prompt"), self.tr("Overrides"), self.tr("Check"), self.tr("Cost")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.queue_button = buttons.addButton(self.tr("&Queue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.queue_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_radio)
        layout.addWidget(self.csv_radio)
        layout.addLayout(row)
        layout.addWidget(help_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        browse.clicked.connect(self._browse)
        self.path_edit.editingFinished.connect(self.dry_run)
        self.folder_radio.toggled.connect(self.dry_run)
        self.queue_button.clicked.connect(self.queue_all)
        buttons.rejected.connect(self.reject)
        self.dry_run()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter checks the source again; queueing (which may cost money) needs the button itself."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.focusWidget() is not self.queue_button
        ):
            self.dry_run()
            event.accept()
            return
        super().keyPressEvent(event)

    def _browse(self) -> None:
        if self.folder_radio.isChecked():
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder of images"))
        else:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("CSV file"), "", self.tr("CSV files (*.csv *.txt)")
            )
        if path:
            self.path_edit.setText(path)
            self.dry_run()

    def set_source(self, path: Path) -> None:
        (self.folder_radio if path.is_dir() else self.csv_radio).setChecked(True)
        self.path_edit.setText(str(path))
        self.dry_run()

    def dry_run(self, *_args: object) -> list[BatchItem]:
        """Build every request and check it; nothing is sent."""
        path = Path(self.path_edit.text().strip())
        template = self.panel.build_request()
        self.items = []
        if self.path_edit.text().strip():
            try:
                if self.folder_radio.isChecked() and path.is_dir():
                    self.items = from_folder(path, template)
                elif self.csv_radio.isChecked() and path.is_file():
                    self.items = from_csv(path, template)
            except OSError as exc:
                self.summary.setText(
                    self.tr("Cannot read %1: %2").replace("%1", str(path)).replace("%2", str(exc))
                )
        check(self.items, self.panel.spec, explain_invalid)
        self._show()
        return self.items

    def valid_items(self) -> list[BatchItem]:
        return [i for i in self.items if not i.problem]

    def _cost(self, request: GenerationRequest, copies: int) -> tuple[float | None, str | None]:
        """The estimate for a row's copies (core/pricing.py): (amount or None, currency)."""
        connection = self.engine.connections.get(self.panel.connection_name())
        if connection is None:
            return None, None
        cost = estimate(connection.dialect, self.panel.spec, request, connection.prices)
        return (None if cost.amount is None else cost.amount * copies), cost.currency

    def _show(self) -> None:
        self.table.setRowCount(len(self.items))
        copies = self.panel.count.value()
        total_cost: float | None = 0.0
        currency: str | None = None
        for row, item in enumerate(self.items):
            overrides = ";".join(f"{k}={v}" for k, v in item.overrides.items())
            check_text = item.problem or self.tr("OK")
            amount, currency = self._cost(item.request, copies) if not item.problem else (0.0, currency)
            if not item.problem:
                total_cost = None if amount is None or total_cost is None else total_cost + amount
            cost_text = "" if item.problem else money(amount, currency)
            if not item.problem and amount is None:
                cost_text = self.tr("price unknown — set it in Settings")
            cells = (item.source, item.request.prompt, overrides, check_text, cost_text)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                if column == 3 and item.problem:
                    cell.setForeground(colour("error"))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        valid = len(self.valid_items())
        total = valid * copies
        if not self.items:
            text = self.tr("Choose a folder of images or a CSV file.")
        else:
            text = (
                self.tr("%n task(s) will be queued on “%1” with %2 (%3 per row).", "", total)
                .replace("%1", connection_label(self.panel.connection_name()))
                .replace("%2", self.panel.model_combo.currentText() or self.panel.model_id())
                .replace("%3", str(copies))
            )
            skipped = len(self.items) - valid
            if skipped:
                text += "\n" + self.tr("%n row(s) with problems will be skipped.", "", skipped)
            if total:
                text += "\n" + self.tr("Estimated total: %1").replace("%1", money(total_cost, currency))
        self.summary.setText(text)
        self.queue_button.setText(self.tr("&Queue %n task(s)", "", total))
        self.queue_button.setEnabled(total > 0)

    def queue_all(self) -> None:
        items = self.valid_items()
        if not items:
            return
        self.queued = spawn(self._queue(items), name="batch")
        self.queue_button.setEnabled(False)

    async def _queue(self, items: list[BatchItem]) -> None:
        batch_id = uuid.uuid4().hex
        connection = self.panel.connection_name()
        output_dir = self.settings.output_dir or None
        copies = self.panel.count.value()
        requests = [request for item in items for request in self.panel.copies_of(item.request, copies)]
        await self.engine.create_many(connection, requests, output_dir=output_dir, batch_id=batch_id)
        self.accept()
