"""Item views whose keyboard focus comes with a selection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtWidgets import QAbstractItemView


class SelectOnFocus(QObject):
    """A view that gets the keyboard focus with nothing selected selects its current item (Qt makes
    the first item current on focus without selecting it, and the actions work on the selection:
    Return, which plays it, did nothing)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QAbstractItemView):
            selection, model = watched.selectionModel(), watched.model()
            if selection is not None and model is not None and not selection.hasSelection():
                current = watched.currentIndex()
                if not current.isValid() and model.rowCount() > 0:
                    current = model.index(0, 0)
                if current.isValid():
                    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
                    if watched.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
                        flags |= QItemSelectionModel.SelectionFlag.Rows
                    selection.select(current, flags)
        return False
