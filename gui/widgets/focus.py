"""Focus comes back to where it was in the window when a dialog over it closes."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def return_focus_after(dialog: QWidget, window: QWidget) -> None:
    """When ``dialog`` finishes, activate ``window`` and give the focus back to the widget that had
    it as the dialog opened (else the window's own focus widget)."""
    had = QApplication.focusWidget()
    before = had if had is not None and had.window() is window else None

    def back() -> None:
        if not shiboken6.isValid(window) or not window.isVisible():
            return
        window.activateWindow()
        target = before if before is not None and shiboken6.isValid(before) else None
        if target is None or not target.isVisible() or not target.isEnabled():
            target = window.focusWidget()
        if target is not None:
            target.setFocus()

    dialog.finished.connect(lambda *_: QTimer.singleShot(0, back))  # type: ignore[attr-defined]
