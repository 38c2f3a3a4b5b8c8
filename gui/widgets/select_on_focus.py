"""Item views whose keyboard focus comes with a selection.

Qt makes a view's first item current when the view gets the focus, without selecting it, and the
views' actions work on the selection: Return, which plays the library's selection, did nothing,
and the queue's actions stayed disabled. :func:`select_current` selects it, called from the focus
handler of the queue's table and of :class:`SelectOnFocusList` (an override, not an event filter:
a filter would be a Python call for every event of the view).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QListView


def select_current(view: QAbstractItemView) -> None:
    """Select the current item (or the first) of ``view`` when nothing is selected."""
    selection, model = view.selectionModel(), view.model()
    if selection is None or model is None or selection.hasSelection():
        return
    current = view.currentIndex()
    if not current.isValid() and model.rowCount() > 0:
        current = model.index(0, 0)
    if current.isValid():
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        selection.select(current, flags)


class SelectOnFocusList(QListView):
    """A list view that selects its current item as it gets the keyboard focus."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        select_current(self)
        super().focusInEvent(event)
