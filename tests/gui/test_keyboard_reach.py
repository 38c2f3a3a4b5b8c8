"""Keyboard: every action of the window without a mouse. Generate from the prompt with Ctrl+Enter,
the composer's fields in the order they read, the queue's row menu from the context-menu key or
Shift+F10 with each action's shortcut shown, the row actions by those shortcuts, the Queue and
Library tabs, and the player's keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from core.config.connections import LOCAL_CONNECTION
from core.tasks.journal import TaskRecord, TaskState
from tests.gui.conftest import run, until
from tests.gui.fakes import Engine, record
from tests.gui.test_library_browse import grouped  # noqa: F401  (a fixture)

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def focused(qtbot: Any, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def active_window(window: Any, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


# -- the composer ------------------------------------------------------------------------------------
def test_ctrl_enter_in_the_prompt_generates(window: Any, qtbot: Any, qloop: Any) -> None:
    """Ctrl+Enter (either Enter key) from the prompt queues the task, as the Generate button does,
    and adds no line to the prompt; Ctrl+2 then Ctrl+Shift+X cancels what was queued."""
    active_window(window, qtbot)
    panel = window.generate_panel
    panel.select_connection(LOCAL_CONNECTION)
    focused(qtbot, panel.prompt)
    qtbot.keyClicks(panel.prompt, "a paper boat")
    qtbot.keyClick(panel.prompt, Qt.Key.Key_Return, CTRL)
    run(qloop, until(lambda: len(window.engine.tasks) == 1, what="a task from Ctrl+Return"))
    qtbot.keyClick(panel.prompt, Qt.Key.Key_Enter, CTRL | Qt.KeyboardModifier.KeypadModifier)
    run(qloop, until(lambda: len(window.engine.tasks) == 2, what="a task from Ctrl+Enter"))
    assert panel.prompt.toPlainText() == "a paper boat"
    assert {r.request.prompt for r in window.engine.tasks.values()} == {"a paper boat"}

    qtbot.keyClick(panel.prompt, Qt.Key.Key_2, CTRL)  # View → Queue
    table = window.queue.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(table, Qt.Key.Key_X, CTRL | SHIFT)
    run(
        qloop,
        until(
            lambda: all(r.state is TaskState.CANCELLED for r in window.engine.tasks.values()),
            what="both tasks cancelled",
        ),
    )


def test_ctrl_enter_does_nothing_while_the_form_says_what_is_missing(
    window: Any, qtbot: Any, qloop: Any
) -> None:
    active_window(window, qtbot)
    panel = window.generate_panel
    panel.select_connection(LOCAL_CONNECTION)
    focused(qtbot, panel.prompt)
    panel.prompt.setPlainText("")  # no prompt: nothing to make
    assert not panel.generate_button.isEnabled()
    qtbot.keyClick(panel.prompt, Qt.Key.Key_Return, CTRL)
    run(qloop, until(lambda: True))
    assert window.engine.tasks == {}


def test_the_composer_tabs_in_the_order_it_reads(window: Any, qtbot: Any) -> None:
    """Tab goes down the form as it is laid out: connection, model, inputs, prompt, the model's
    options (its own ones among them, before the seed), copies, Generate, Batch; then out of the
    composer. The scroll area round the form is no stop of its own."""
    active_window(window, qtbot)
    panel = window.generate_panel
    panel.select_connection(LOCAL_CONNECTION)
    panel.prompt.setPlainText("a paper boat")
    assert panel.form.params, "the offline preview has options of its own"
    focused(qtbot, panel.connection_combo)
    order: list[QWidget] = []
    while (widget := QApplication.focusWidget()) is not None and panel.isAncestorOf(widget):
        assert widget not in order, "the focus came round again without leaving the composer"
        order.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    form = panel.form
    expected = [
        panel.connection_combo,
        panel.model_combo,
        panel.prompt,
        form.duration,
        form.resolution,
        *form.params.values(),
        form.seed,
        panel.count,
        panel.generate_button,
        panel.batch_button,
    ]
    assert [w for w in order if w in expected] == expected
    assert panel.scroll_area not in order
    assert order[-1] is panel.batch_button  # the composer's last stop


# -- the queue -----------------------------------------------------------------------------------
class Tasks(Engine):
    """A stand-in engine that notes what the queue asked of it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    async def cancel(self, task_id: str) -> None:
        self.asked.append(("cancel", task_id))

    async def retry(self, task_id: str) -> None:
        self.asked.append(("retry", task_id))

    async def remove(self, task_id: str) -> None:
        self.asked.append(("remove", task_id))


def queue_with(qapp: Any, qtbot: Any, tasks: list[TaskRecord]) -> tuple[Tasks, Any]:
    from gui.models.task_model import TaskModel
    from gui.views.queue_view import QueueView

    engine = Tasks()
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    queue = QueueView(engine, model)  # type: ignore[arg-type]
    qtbot.addWidget(queue)
    queue.resize(900, 600)
    queue.show()
    qtbot.waitExposed(queue)
    engine.deliver([("added", task) for task in tasks])
    model.settle()
    queue.activateWindow()
    focused(qtbot, queue.table)
    return engine, queue


def select(queue: Any, task_id: str) -> None:
    """The task's row selected alone, the keyboard on it (as the arrow keys leave it)."""
    from PySide6.QtCore import QItemSelectionModel

    row = queue.model.row_of(task_id)
    index = queue.proxy.mapFromSource(queue.model.index(row, 1))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    queue.table.selectionModel().setCurrentIndex(index, flags)


def test_the_menu_key_and_shift_f10_open_the_rows_menu_with_its_shortcuts(
    qapp: Any, qtbot: Any, qloop: Any
) -> None:
    running = record(0, TaskState.RUNNING, 0.3)
    engine, queue = queue_with(qapp, qtbot, [running])
    select(queue, running.id)
    row = queue.table.visualRect(queue.table.currentIndex())

    def menu_key() -> None:
        """What the platform sends for the context-menu key: a context-menu event from the keyboard
        at the current cell (Qt's own; QTest's key events do not go through the platform)."""
        centre = row.center()
        keyboard = QContextMenuEvent.Reason.Keyboard
        event = QContextMenuEvent(keyboard, centre, queue.viewport.mapToGlobal(centre))
        QApplication.sendEvent(queue.table, event)

    for press in (menu_key, lambda: qtbot.keyClick(queue.table, Qt.Key.Key_F10, SHIFT)):
        press()
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        assert [m for m in queue.findChildren(QMenu) if m.isVisible()] == [menu]  # one menu, not two
        actions = {a.text(): a for a in menu.actions() if not a.isSeparator()}
        for wanted in (
            queue.cancel_action,
            queue.retry_action,
            queue.open_action,
            queue.folder_action,
            queue.remove_action,
        ):
            assert actions.get(wanted.text()) is wanted
            assert not wanted.shortcut().isEmpty() and wanted.isShortcutVisibleInContextMenu()
        # the menu opens over the row the keyboard is on, not at a corner of the screen
        top = queue.viewport.mapToGlobal(row.topLeft()).y()
        assert top <= menu.geometry().top() <= top + row.height() * 2
        assert queue.cancel_action.isEnabled() and not queue.retry_action.isEnabled()
        qtbot.keyClick(menu, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # an action chosen from the menu by its letter
    qtbot.keyClick(queue.table, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_C)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    run(qloop, until(lambda: engine.asked == [("cancel", running.id)], what="the cancel chosen"))


def test_the_row_actions_by_their_shortcuts(
    qapp: Any, qtbot: Any, qloop: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Cancel, retry, play, open, reveal and delete, each by its key, on the row selected."""
    import gui.views.queue_view as queue_view

    opened: list[str] = []
    monkeypatch.setattr(queue_view.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    video = tmp_path / "boat.mp4"
    video.write_bytes(b"\0")
    running, failed, done = record(0, TaskState.RUNNING, 0.3), record(1, TaskState.FAILED), record(2)
    done.state, done.video_path = TaskState.SUCCEEDED, str(video)
    engine, queue = queue_with(qapp, qtbot, [running, failed, done])
    played: list[str] = []
    queue.play_requested.connect(played.append)

    def asked(n: int) -> None:
        run(qloop, until(lambda: len(engine.asked) >= n, timeout=5, what=f"{n} requests: {engine.asked}"))

    select(queue, running.id)
    qtbot.keyClick(queue.table, Qt.Key.Key_X, CTRL | SHIFT)
    asked(1)
    select(queue, failed.id)
    qtbot.keyClick(queue.table, Qt.Key.Key_R, CTRL)
    asked(2)
    select(queue, done.id)
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)
    qtbot.keyClick(queue.table, Qt.Key.Key_O, CTRL)
    qtbot.keyClick(queue.table, Qt.Key.Key_O, CTRL | SHIFT)
    qtbot.keyClick(queue.table, Qt.Key.Key_Delete)
    asked(3)
    assert engine.asked == [("cancel", running.id), ("retry", failed.id), ("remove", done.id)]
    assert played == [str(video)]
    assert opened == [str(video), str(tmp_path)]
    assert QUrl.fromLocalFile(str(video)).isLocalFile()


# -- tabs and the player -------------------------------------------------------------------------
def test_the_queue_and_library_tabs_by_keyboard(window: Any, qtbot: Any) -> None:
    active_window(window, qtbot)
    library, queue = window.places["library"], window.places["queue"]
    focused(qtbot, window.generate_panel.prompt)
    for key, modifier, shown in (
        (Qt.Key.Key_3, CTRL, library),
        (Qt.Key.Key_2, CTRL, queue),
        (Qt.Key.Key_L, ALT, library),
        (Qt.Key.Key_Q, ALT, queue),
    ):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        qtbot.waitUntil(lambda shown=shown: window.tabs.currentWidget() is shown)
    focused(qtbot, window.queue.table)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Tab, CTRL)  # the next tab, from inside the tabs
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is library)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is queue)


def test_the_players_keys(window: Any, qtbot: Any) -> None:
    """Ctrl+4 puts the focus in the player, where L loops and M mutes."""
    active_window(window, qtbot)
    player = window.player
    focused(qtbot, window.generate_panel.prompt)
    qtbot.keyClick(window.generate_panel.prompt, Qt.Key.Key_4, CTRL)
    qtbot.waitUntil(lambda: player.isAncestorOf(QApplication.focusWidget()))
    loop, mute = player.loop_button.isChecked(), player.mute_button.isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M)
    assert (player.loop_button.isChecked(), player.mute_button.isChecked()) == (not loop, not mute)


@pytest.mark.usefixtures("grouped")
def test_shift_f10_opens_the_librarys_menu_over_the_current_tile(window: Any, qtbot: Any) -> None:
    """The library's video menu from the keyboard, as the queue's row menu; its mode switch has a
    letter of its own."""
    active_window(window, qtbot)
    library, model = window.library, window.library_model
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)  # View → Library
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    library.view.setFocus()
    library.view.setCurrentIndex(model.index(0, 0))
    tile = library.view.visualRect(model.index(0, 0))
    qtbot.keyClick(library.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert library.play_action in menu.actions() and library.trash_action in menu.actions()
    on_screen = tile.translated(library.view.viewport().mapToGlobal(tile.topLeft()) - tile.topLeft())
    assert menu.geometry().intersects(on_screen)  # over the tile (moved up where the screen ends)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert "&" in library.mode_button.text()
