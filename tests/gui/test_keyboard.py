"""Keyboard: Alt mnemonics open the menus wherever the focus is in the window, and the window's
mnemonics are not shared by two controls (an ambiguous one only moves the focus)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu

from gui.main_window import MainWindow

MENUS = {Qt.Key.Key_F: "&File", Qt.Key.Key_V: "&View", Qt.Key.Key_H: "&Help"}


@pytest.mark.parametrize("where", ["prompt", "queue", "library", "player"])
def test_alt_letters_open_the_menus(window: MainWindow, qtbot: Any, where: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    focus = {
        "prompt": window.generate_panel.prompt,
        "queue": window.queue.table,
        "library": window.library.view,
        "player": window.player.stage,
    }[where]
    window.focus_region("library" if where == "library" else "queue")
    focus.setFocus()
    qtbot.waitUntil(focus.hasFocus)
    for key, title in MENUS.items():
        qtbot.keyClick(focus, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        popup = QApplication.activePopupWidget()
        assert popup.title() == window.tr(title) or popup.menuAction().text() == title
        popup.close()
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        focus.setFocus()


def test_no_mnemonic_is_shared_in_the_window(window: MainWindow) -> None:
    letters: dict[str, list[str]] = {}

    def note(text: str) -> None:
        found = re.search(r"&(\w)", text.replace("&&", ""))
        if found:
            letters.setdefault(found.group(1).lower(), []).append(text)

    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if widget.isVisibleTo(window) and widget.window() is window:
            note(widget.text())
    for index in range(window.tabs.count()):
        note(window.tabs.tabText(index))
    for action in window.menuBar().actions():
        note(action.text())
    assert {k: v for k, v in letters.items() if len(v) > 1} == {}
