"""The video at the centre: the player is the largest region at the common window sizes, the
splitters are remembered, and full screen fills the screen and comes back (F, Esc, double-click)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from gui.main_window import MainWindow


def share(widget: Any, window: Any) -> float:
    return widget.width() * widget.height() / (window.width() * window.height())


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_the_player_is_the_largest_region(window: MainWindow, qtbot: Any, size: tuple[int, int]) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    qtbot.waitUntil(lambda: share(window.player, window) >= 0.40)
    player = share(window.player, window)
    for other in (window.generate_panel, window.tabs):
        assert player > share(other, window)


def test_the_splitters_are_remembered(window: MainWindow, services: Any, qtbot: Any) -> None:
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.right.sizes()[0] > 300)
    total = sum(window.right.sizes())
    window.right.setSizes([total - 250, 250])
    window.main_split.setSizes([450, sum(window.main_split.sizes()) - 450])
    state = window.ui_state
    window.close()
    again = MainWindow(services, ui_state=state)
    qtbot.addWidget(again)
    again.show()
    again.resize(1280, 800)  # (the offscreen screen is smaller: the geometry comes back clamped)
    qtbot.waitUntil(lambda: again.right.sizes()[1] == 250 and again.main_split.sizes()[0] == 450)
    again.close()


def test_full_screen_fills_the_screen_and_returns(window: MainWindow, qtbot: Any) -> None:
    player = window.player
    place = player.parentWidget()
    screen = window.screen().geometry()
    for enter, leave in (("F", "Escape"), ("F", "F"), ("dbl", "dbl")):
        player.stage.setFocus()
        if enter == "dbl":
            qtbot.mouseDClick(player.stage, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        else:
            qtbot.keyClick(player.stage, Qt.Key.Key_F)
        qtbot.waitUntil(lambda: player.isWindow() and player.geometry() == screen)
        assert player.isFullScreen()
        qtbot.waitUntil(player.isActiveWindow)  # (the platform activates it after it shows)
        focus = player.focusWidget() or player
        assert focus is player.stage, (enter, leave)
        if leave == "dbl":
            qtbot.mouseDClick(player.stage, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        else:
            qtbot.keyClick(focus, getattr(Qt.Key, f"Key_{leave}"))
        qtbot.waitUntil(lambda: not player.isWindow())
        assert player.parentWidget() is place and player.window() is window
        qtbot.waitUntil(window.isActiveWindow)  # the keys go to the window again
        qtbot.waitUntil(lambda: player.isVisible() and share(player, window) > 0.3)


def test_escape_does_nothing_to_the_player_in_the_window(window: MainWindow, qtbot: Any) -> None:
    window.player.stage.setFocus()
    qtbot.keyClick(window.player.stage, Qt.Key.Key_Escape)
    assert not window.player.isWindow()
