"""Item views whose keyboard focus comes with a selection.

Qt makes a view's first item current when the view gets the focus, without selecting it, and the
views' actions work on the selection: Return, which plays the library's selection, did nothing,
and the queue's actions stayed disabled. :func:`select_current` selects it; the queue's own table
calls it from its focus handler, other views get :class:`SelectOnFocus` as an event filter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject
from PySide6.QtWidgets import QAbstractItemView


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


class SelectOnFocus(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QAbstractItemView):
            select_current(watched)
        return False
