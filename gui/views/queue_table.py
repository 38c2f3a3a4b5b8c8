"""The queue's table view: a QTableView that does not repaint for rows added out of sight.

Any row insertion makes a QTableView lay its items out again, and that layout repaints the whole
viewport (QAbstractItemView::doItemsLayout), 3-5 ms for a screenful of the queue. When 1,000 tasks
are created at once the newest rows go on top and the older ones below them, off screen, in
several insertions (gui/models/task_model.py): each was a full repaint of rows that had not
changed, while the engine and the provider's traffic kept both cores busy. Here a layout caused
only by rows added below a full screen updates the scroll bar and repaints nothing else; any
other change of the rows (removal, move, sort, filter, reset, rows added where they can be seen)
lays out and repaints as Qt always does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, SignalInstance
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QTableView, QWidget

from gui.widgets.select_on_focus import select_current

AnyIndex = QModelIndex | QPersistentModelIndex


class QueueTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Since the last layout: rows were added below the screen, and nothing else changed.
        self._below_only = False
        self._other_change = False
        self.resized: Callable[[], None] | None = None  # called after the table changed size

    def focusInEvent(self, event: QFocusEvent) -> None:
        select_current(self)
        super().focusInEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsInserted.disconnect(self._rows_inserted)
            for signal in self._structure_signals(old):
                signal.disconnect(self._structure_changed)
        super().setModel(model)
        if model is not None:
            model.rowsInserted.connect(self._rows_inserted)
            for signal in self._structure_signals(model):
                signal.connect(self._structure_changed)
        self._structure_changed()

    @staticmethod
    def _structure_signals(model: QAbstractItemModel) -> list[SignalInstance]:
        return [
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
            model.columnsMoved,
            model.layoutChanged,
            model.modelReset,
        ]

    def _rows_inserted(self, parent: AnyIndex, first: int, _last: int) -> None:
        # The row at the viewport's last pixel: -1 when the rows end above it (new rows would show).
        bottom = self.rowAt(self.viewport().height() - 1)
        if not parent.isValid() and bottom >= 0 and first > bottom:
            self._below_only = True
        else:
            self._other_change = True

    def _structure_changed(self, *_args: object) -> None:
        self._other_change = True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # rows change height: lay out and repaint
            self._other_change = True
        super().changeEvent(event)

    def doItemsLayout(self) -> None:
        quiet = self._below_only and not self._other_change
        self._below_only = self._other_change = False
        if quiet:
            self.updateGeometries()  # the scroll bar's range; what is on screen has not changed
        else:
            super().doItemsLayout()
