"""The queue's table repaints nothing for rows added below a full screen (the older tasks of a
batch), and repaints as any table does for every change that can be seen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from gui.views.queue_table import QueueTable

ROW = 20


class Paints(QObject):
    count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def table_of(app: QApplication, qtbot: Any, rows: int) -> tuple[QueueTable, QStandardItemModel, Paints]:
    model = QStandardItemModel(0, 2)
    for n in range(rows):
        model.appendRow([QStandardItem(f"task {n}"), QStandardItem(str(n))])
    table = QueueTable()
    qtbot.addWidget(table)  # closed after the test: no window of it outlives it
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(ROW)
    table.resize(300, 10 * ROW + 30)  # about ten rows on screen
    table.show()
    settle(app)
    paints = Paints(table)
    table.viewport().installEventFilter(paints)
    return table, model, paints


def paints_for(app: QApplication, paints: Paints, change: Callable[[], object]) -> int:
    paints.count = 0
    change()
    settle(app)
    return paints.count


def queue_of(app: QApplication, qtbot: Any) -> tuple[Any, Any, Any]:
    """The queue's own view, proxy and model over a stand-in engine, about 13 rows on screen."""
    from gui.models.task_model import TaskModel
    from gui.views.queue_view import QueueView
    from tests.gui.fakes import Engine

    engine = Engine()
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    queue = QueueView(engine, model)  # type: ignore[arg-type]
    qtbot.addWidget(queue)
    queue.resize(900, 600)
    queue.show()
    settle(app)
    return engine, model, queue


def writer_fires(model: Any) -> None:
    """The queue model's writer timer fires now."""
    model._writer.stop()
    model._writer.timeout.emit()


def test_rows_added_below_a_full_screen_repaint_nothing(qapp: Any, qtbot: Any) -> None:
    table, model, paints = table_of(qapp, qtbot, 50)
    scroll = table.verticalScrollBar()
    room = scroll.maximum()
    assert paints_for(qapp, paints, lambda: model.insertRows(50, 200)) == 0
    assert paints_for(qapp, paints, lambda: model.insertRows(30, 200)) == 0  # under the screen too
    assert scroll.maximum() > room  # the scroll bar knows of them
    # scrolled down to them, they are there
    assert paints_for(qapp, paints, lambda: scroll.setValue(scroll.maximum())) >= 1
    assert table.rowAt(table.viewport().height() - 1) == model.rowCount() - 1


def test_every_change_that_can_be_seen_repaints(qapp: Any, qtbot: Any) -> None:
    table, model, paints = table_of(qapp, qtbot, 50)
    # (empty rows: what is painted is the layout's doing, not a cell's change)
    assert paints_for(qapp, paints, lambda: model.insertRows(0, 5)) >= 1  # on top
    assert paints_for(qapp, paints, lambda: model.insertRows(3, 1)) >= 1  # among the rows on screen
    assert paints_for(qapp, paints, lambda: model.removeRows(2, 1)) >= 1
    assert paints_for(qapp, paints, lambda: model.sort(1, Qt.SortOrder.DescendingOrder)) >= 1
    # rows added below the screen together with rows that show, before the table lays them out
    assert paints_for(qapp, paints, lambda: (model.insertRows(45, 10), model.insertRows(0, 1))) >= 1
    scroll = table.verticalScrollBar()
    scroll.setValue(5 * ROW)  # scrolled a little: a row added above shifts every row on screen
    settle(qapp)
    assert paints_for(qapp, paints, lambda: model.insertRows(0, 1)) >= 1


def test_rows_added_under_a_screen_not_yet_full_are_painted(qapp: Any, qtbot: Any) -> None:
    table, model, paints = table_of(qapp, qtbot, 3)
    assert paints_for(qapp, paints, lambda: model.insertRows(3, 2)) >= 1
    assert table.rowAt(4 * ROW + ROW // 2) == 4  # the new rows are laid out where they show


def test_a_thousand_tasks_at_once_repaint_the_queue_for_the_rows_on_top_only(qapp: Any, qtbot: Any) -> None:
    """The queue's own table, proxy and model: of 1,000 tasks created at once the newest rows go
    on top (painted), the older ones below the screen (not painted), and scrolling down shows them."""
    from gui.models.task_model import COL_PROMPT, INSERT_PER_WRITE
    from tests.gui.fakes import record

    engine, model, queue = queue_of(qapp, qtbot)
    paints = Paints(queue)
    queue.viewport.installEventFilter(paints)
    engine.deliver([("added", record(n)) for n in range(1000)])
    assert paints_for(qapp, paints, model.write_pending) >= 1  # the newest, on top
    assert model.rowCount() == INSERT_PER_WRITE
    assert queue.table.rowAt(0) == 0 and queue.proxy.index(0, COL_PROMPT).data() == "card 999"
    while model.rowCount() < 1000:
        assert paints_for(qapp, paints, model.write_pending) == 0  # the older ones, below
    queue.table.scrollToBottom()
    settle(qapp)
    last = queue.table.rowAt(queue.viewport.height() - 1)
    assert last == 999 and queue.proxy.index(last, COL_PROMPT).data() == "card 0"
    model.detach()


def bare_model(on_screen: range, thumbnails: Any = None) -> tuple[Any, Any]:
    """A queue model over a stand-in engine, with no view: ``on_screen`` are the rows it shows."""
    from gui.models.task_model import TaskModel
    from tests.gui.fakes import Engine

    engine = Engine()
    model = TaskModel(engine, thumbnails)  # type: ignore[arg-type]
    model._timer.stop()
    model.visible_rows = lambda: on_screen
    return engine, model


def disk_looks(monkeypatch: Any) -> list[Any]:
    """The paths ``Path.exists`` is asked about from now on."""
    from pathlib import Path

    looked: list[Path] = []
    exists = Path.exists
    monkeypatch.setattr(Path, "exists", lambda path: looked.append(path) or exists(path))
    return looked


def test_a_task_polled_again_is_followed_without_touching_the_disk(
    qapp: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    """1,000 tasks polled at once are one frame's events on the window's thread: following a
    task's change looks at no file (its input image does not change; only a new video is looked
    for), so a poll's events cost no disk access there, and the row still shows what changed."""
    from core.tasks.journal import TaskState
    from gui.models.task_model import COL_STATE
    from tests.gui.fakes import record

    image = tmp_path / "first.png"
    image.write_bytes(b"\x89PNG")
    engine, model = bare_model(range(0, 20))
    tasks = [record(n) for n in range(20)]
    for task in tasks:
        task.request.image = str(image)
    engine.deliver([("added", task) for task in tasks])
    model.settle()
    assert model._thumb_source["t0"] == str(image)
    looked = disk_looks(monkeypatch)
    for task in tasks:
        task.state, task.progress = TaskState.RUNNING, 0.5
    engine.deliver([("changed", task) for task in tasks])
    model.settle()
    assert looked == []
    assert model.index(0, COL_STATE).data() == "Generating 50%"
    video = tmp_path / "done.mp4"
    video.write_bytes(b"\0" * 16)
    tasks[0].state, tasks[0].video_path = TaskState.SUCCEEDED, str(video)
    engine.deliver([("changed", tasks[0])])
    model.settle()
    assert looked == [video] and model._thumb_source["t0"] == str(video)  # the new video, once
    model.detach()


def test_new_rows_look_for_their_input_on_disk_only_when_on_screen(
    qapp: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    """A batch of 300 images queued at once: each row's thumbnail source (its video, or else its
    input image) is looked for on disk when the row is written, so only the rows on screen touch
    the disk on the window's thread, not all 300 as they are inserted."""
    from tests.gui.fakes import record

    engine, model = bare_model(range(0, 13))
    tasks = [record(n) for n in range(300)]
    for task in tasks:
        image = tmp_path / f"{task.id}.png"
        image.write_bytes(b"\x89PNG")
        task.request.image = str(image)
    looked = disk_looks(monkeypatch)
    engine.deliver([("added", task) for task in tasks])
    model.write_pending()
    model.write_pending()  # 200 rows a write
    assert model.rowCount() == 300
    on_screen = {model.record_at(row).request.image for row in range(13)}
    assert {str(path) for path in looked} == on_screen and len(looked) == 13
    assert model._thumb_source[model.record_at(0).id] == model.record_at(0).request.image
    looked.clear()
    model.visible_rows = lambda: range(200, 213)  # scrolled down to them
    model.write_pending()
    assert {str(path) for path in looked} == {model.record_at(row).request.image for row in range(200, 213)}
    model.detach()


def test_a_finished_row_keeps_its_input_picture_until_the_video_thumbnail_is_made(
    qapp: Any, tmp_path: Any
) -> None:
    """When a task's video arrives its row's picture becomes the video's, which takes a moment
    to make off the window's thread: meanwhile the row keeps showing its input, not a blank."""
    from PySide6.QtCore import Signal
    from PySide6.QtGui import QColor, QIcon, QPixmap

    from core.tasks.journal import TaskState
    from gui.models.task_model import COL_THUMB
    from tests.gui.fakes import record

    class Pictures(QObject):
        ready = Signal(str)

        def __init__(self) -> None:
            super().__init__()
            self.made: dict[str, QIcon] = {}

        def icon(self, path: str) -> QIcon | None:
            return self.made.get(path)

    def picture(colour: str) -> QIcon:
        pixmap = QPixmap(64, 36)
        pixmap.fill(QColor(colour))
        return QIcon(pixmap)

    image, video = tmp_path / "first.png", tmp_path / "done.mp4"
    image.write_bytes(b"\x89PNG")
    video.write_bytes(b"\0" * 16)
    pictures = Pictures()
    pictures.made[str(image)] = picture("teal")
    engine, model = bare_model(range(0, 5), pictures)
    task = record(1)
    task.request.image = str(image)
    engine.deliver([("added", task)])
    model.settle()

    def shown() -> int:
        icon = model.index(0, COL_THUMB).data(Qt.ItemDataRole.DecorationRole)
        return icon.cacheKey() if icon is not None else 0

    assert shown() == pictures.made[str(image)].cacheKey()
    task.state, task.video_path = TaskState.SUCCEEDED, str(video)
    engine.deliver([("changed", task)])
    model.settle()
    assert shown() == pictures.made[str(image)].cacheKey()  # the video's is not made yet
    pictures.made[str(video)] = picture("navy")
    pictures.ready.emit(str(video))
    model.settle()
    assert shown() == pictures.made[str(video)].cacheKey()
    model.detach()


def test_on_a_narrow_queue_the_prompt_keeps_room_and_a_column_the_user_sized_stays(
    qapp: Any, qtbot: Any
) -> None:
    """On a 1280-pixel screen the queue is ~770 pixels wide: the prompt had 48 of them (its least)
    behind columns at their full widths. The columns read least give up room first."""
    from gui.models.task_model import COL_COST, COL_ELAPSED, COL_ERROR, COL_PROMPT, COL_STATE, COL_THUMB

    _engine, _model, queue = queue_of(qapp, qtbot)
    table = queue.table
    queue.resize(1400, 600)
    settle(qapp)
    wide = {column: table.columnWidth(column) for column in (COL_COST, COL_STATE, COL_ERROR)}
    assert wide == {COL_COST: 84, COL_STATE: 140, COL_ERROR: 150}  # room for all: as designed
    queue.resize(770, 600)
    settle(qapp)
    viewport = table.viewport().width()
    assert table.columnWidth(COL_PROMPT) >= viewport // 5
    assert table.columnWidth(COL_STATE) == 140 and table.columnWidth(COL_ELAPSED) == 58  # bars, times kept
    assert table.columnWidth(COL_THUMB) >= table.iconSize().width()  # the picture whole
    assert table.columnWidth(COL_COST) < 84 and table.columnWidth(COL_ERROR) < 150
    total = sum(
        table.columnWidth(c) for c in range(table.model().columnCount()) if not table.isColumnHidden(c)
    )
    assert total <= viewport + 1  # no sideways scrolling
    table.horizontalHeader().resizeSection(COL_ERROR, 260)  # the user widens the problems
    queue.resize(1000, 600)
    settle(qapp)
    assert table.columnWidth(COL_ERROR) == 260


def test_the_keyboard_focus_on_the_queue_selects_the_row_it_is_on(qapp: Any, qtbot: Any) -> None:
    """Qt makes the first row current on focus without selecting it, and cancel, retry, remove
    and the others act on the selection: they stayed disabled for a keyboard user."""
    from tests.gui.fakes import record

    engine, model, queue = queue_of(qapp, qtbot)
    engine.deliver([("added", record(n)) for n in range(3)])
    model.write_pending()
    settle(qapp)
    queue.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is queue)
    assert not queue.table.selectionModel().hasSelection()
    queue.table.setFocus()
    qtbot.waitUntil(queue.table.hasFocus)
    rows = {i.row() for i in queue.table.selectionModel().selectedRows()}
    assert rows == {queue.table.currentIndex().row()} == {0}
    model.detach()


def test_a_task_without_a_picture_shows_a_placeholder_not_a_blank(qapp: Any, qtbot: Any) -> None:
    """A text-to-video task has no input image and no video yet: its Input cell shows a muted
    film icon, centred, drawn by the view; the model's picture stays empty until the real one."""
    from gui.models.task_model import COL_THUMB
    from tests.gui.fakes import record

    engine, model, queue = queue_of(qapp, qtbot)
    engine.deliver([("added", record(0))])
    model.settle()
    settle(qapp)
    index = queue.proxy.index(0, COL_THUMB)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None  # the real thumbnail's role: still empty
    queue.table.clearSelection()
    settle(qapp)
    rect = queue.table.visualRect(index)
    image = queue.viewport.grab(rect).toImage()
    ground = image.pixelColor(2, 2)

    def differs(x: int, y: int) -> bool:
        c = image.pixelColor(x, y)
        return abs(c.lightness() - ground.lightness()) > 40

    w, h = image.width(), image.height()
    centre = [differs(x, y) for x in range(w // 2 - 20, w // 2 + 20) for y in range(h // 2 - 20, h // 2 + 20)]
    edges = [differs(x, y) for x in range(4, 24) for y in range(4, h - 4)]
    assert sum(centre) > 20  # an icon's strokes in the middle of the cell
    assert not any(edges)  # centred, nothing at the cell's left
    model.detach()
