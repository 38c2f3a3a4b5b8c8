"""Queue actions on the task table: cancel, retry, remove, the log, an unknown submit; and tasks
in flight survive closing and reopening the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.config.connections import LOCAL_CONNECTION
from core.config.paths import default_paths
from core.tasks.journal import Journal, TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from gui.models.task_model import COL_STATE
from gui.views.task_dialogs import ResolveDialog
from tests.gui.conftest import run, until

SLOW = GenerationRequest(model="preview", prompt="a long slow card", duration=15, resolution="1080p")
QUICK = GenerationRequest(model="preview", prompt="a quick card", duration=1, resolution="360p")


async def create(window: Any, request: GenerationRequest) -> TaskRecord:
    """As the generate panel does: the task, and its row in the queue at once."""
    record = await window.engine.create(LOCAL_CONNECTION, request)
    return record


def select(window: Any, record: TaskRecord) -> None:
    window.queue.table.clearSelection()
    window.queue.select_task(record.id)
    assert window.queue.selected_records() == [record]


def test_cancel_then_retry(window: Any, qloop: Any) -> None:
    queue = window.queue

    async def go() -> tuple[TaskRecord, TaskRecord]:
        record = await create(window, SLOW)
        await until(lambda: record.state is TaskState.RUNNING, what="the render to start")
        select(window, record)
        assert queue.cancel_action.isEnabled() and not queue.retry_action.isEnabled()
        queue.cancel_action.trigger()
        await until(lambda: record.state is TaskState.CANCELLED, what="the cancel")
        select(window, record)
        assert queue.retry_action.isEnabled()
        queue.retry_action.trigger()
        await until(lambda: window.task_model.rowCount() == 2, what="the retry row")
        retried = next(r for r in window.engine.tasks.values() if r.id != record.id)
        await window.engine.cancel(retried.id)
        return record, retried

    record, retried = run(qloop, go())
    assert (retried.parent_id, retried.relation) == (record.id, "retry")
    assert retried.request.to_dict() == record.request.to_dict()
    window.task_model.settle()  # cells are written at the next turn of the loop
    row = window.task_model.row_of(record.id)
    assert window.task_model.index(row, COL_STATE).data() == "Cancelled"


def test_remove_log_and_copy_remote_id(window: Any, qloop: Any, qapp: Any) -> None:
    queue = window.queue

    async def go() -> TaskRecord:
        record = await create(window, QUICK)
        await window.engine.wait([record.id])
        select(window, record)
        dialog = queue.show_log()
        assert dialog is not None
        await dialog.loaded
        assert "submitted, remote id" in dialog.text.toPlainText()
        assert '"prompt": "a quick card"' in dialog.text.toPlainText()
        dialog.reject()
        queue.copy_id_action.trigger()
        assert qapp.clipboard().text() == record.remote_id
        queue.remove_action.trigger()
        await until(lambda: window.task_model.rowCount() == 0, what="the row to go")
        return record

    record = run(qloop, go())
    assert record.id not in window.engine.tasks
    assert window.library_model.rowCount() == 0


def test_filter_sort_and_pause(window: Any, qloop: Any) -> None:
    queue = window.queue

    async def go() -> None:
        queue.set_paused(LOCAL_CONNECTION, True)
        first = await create(
            window, GenerationRequest(model="preview", prompt="zebra crossing", duration=1, resolution="360p")
        )
        second = await create(
            window, GenerationRequest(model="preview", prompt="apple orchard", duration=1, resolution="360p")
        )
        window.task_model.settle()
        assert window.task_model.index(0, COL_STATE).data().endswith("(paused)")
        queue.filter_edit.setText("orchard")
        assert queue.proxy.rowCount() == 1
        queue.filter_edit.clear()
        queue.table.sortByColumn(1, queue.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
        assert queue.proxy.index(0, 1).data() == "apple orchard"
        assert first.state is TaskState.QUEUED and second.state is TaskState.QUEUED
        queue.set_paused(LOCAL_CONNECTION, False)
        await window.engine.wait()
        queue.group_combo.setCurrentIndex(2)  # done
        assert queue.proxy.rowCount() == 2

    run(qloop, go())


@pytest.fixture
def unknown_task(qloop: Any, clipdesk_home: Path) -> TaskRecord:
    """A billed submit that was in flight when ClipDesk stopped (journalled, no answer)."""
    paths = default_paths().ensure()
    record = TaskRecord(
        id=TaskRecord.new_id(),
        connection="Gateway",
        dialect="newapi",
        base_url="http://127.0.0.1:9",
        model="kling-v1",
        request=GenerationRequest(model="kling-v1", prompt="a lost submit"),
        state=TaskState.SUBMITTING,
    )

    async def seed() -> None:
        journal = Journal(paths.database)
        await journal.open()
        await journal.insert(record)
        await journal.close()

    run(qloop, seed())
    return record


def test_unknown_submit_needs_a_decision(unknown_task: TaskRecord, window: Any, qloop: Any) -> None:
    queue = window.queue
    record = window.engine.tasks[unknown_task.id]
    assert record.state is TaskState.UNKNOWN
    window.task_model.settle()
    row = window.task_model.row_of(record.id)
    assert window.task_model.index(row, 7).data() == "Submit outcome unknown: check the provider"
    select(window, record)
    assert queue.resolve_action.isEnabled()
    dialog = queue.resolve_selected()
    assert isinstance(dialog, ResolveDialog)
    assert not dialog.use_button.isEnabled()
    dialog.remote_id.setText("  task-123 ")
    assert dialog.use_button.isEnabled()

    async def go() -> None:
        dialog.use_button.click()
        await until(lambda: record.state is TaskState.RUNNING, what="following the given id")
        await window.engine.cancel(record.id)

    run(qloop, go())
    assert record.remote_id == "task-123"


def test_unknown_submit_can_be_dropped(unknown_task: TaskRecord, window: Any, qloop: Any) -> None:
    record = window.engine.tasks[unknown_task.id]
    dialog = window.queue.resolve(record)

    async def go() -> None:
        dialog._decide(ResolveDialog.DROP)
        await until(lambda: record.state.terminal, what="the drop")

    run(qloop, go())
    assert record.state is TaskState.FAILED and record.error_kind == "cancelled"


def test_restart_resumes_tasks_in_flight(qloop: Any, qtbot: Any, clipdesk_home: Path) -> None:
    from gui.main_window import MainWindow
    from gui.services import close_services, open_services

    async def first_run() -> str:
        services = await open_services()
        win = MainWindow(services)
        qtbot.addWidget(win)
        record = await services.engine.create(
            LOCAL_CONNECTION, SLOW.__class__(**{**SLOW.to_dict(), "duration": 3})
        )
        await until(lambda: record.state is TaskState.RUNNING, what="the render to start")
        win.close()
        await close_services(services)
        assert record.state is TaskState.RUNNING
        return record.id

    task_id = run(qloop, first_run())
    # A real restart is a new process. In this one the offline renderer still remembers the
    # renders its shutdown stopped (as cancelled), so forget them as a new process would.
    import core.providers.local as local

    local._JOBS.clear()

    async def second_run() -> TaskRecord:
        services = await open_services()
        win = MainWindow(services)
        qtbot.addWidget(win)
        assert win.task_model.rowCount() == 1
        assert win.task_model.record_at(0).state is TaskState.RUNNING
        resumed = await services.engine.resume_all()
        assert [r.id for r in resumed] == [task_id]
        record = services.engine.tasks[task_id]
        await until(lambda: record.state.terminal, timeout=90, what="the resumed task")
        await until(lambda: win.library_model.rowCount() == 1, what="the library")
        win.close()
        await close_services(services)
        return record

    record = run(qloop, second_run(), timeout=120)
    assert record.state is TaskState.SUCCEEDED, record.error_message


def test_new_tasks_are_one_row_insertion_a_write(qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The tasks that arrived before a write are one insertion, however many frames brought them
    (at most INSERT_PER_WRITE a write: 1,000 at once are a few); removals and changes still apply
    one row at a time. Cells are written for the rows on screen, the others when they come into
    view (or a sort needs them)."""
    from gui.models.task_model import (
        COL_PROMPT,
        COL_STATE,
        COL_THUMB,
        COLUMN_COUNT,
        INSERT_PER_WRITE,
        TaskModel,
    )

    class Engine:
        tasks: dict[str, TaskRecord] = {}
        journal = None

        def subscribe_batch(self, listener: Any) -> None:
            self.deliver = listener

        def unsubscribe_batch(self, listener: Any) -> None:
            pass

    def record(n: int) -> TaskRecord:
        return TaskRecord(
            id=f"t{n}",
            connection=LOCAL_CONNECTION,
            dialect="local",
            base_url="",
            model="preview",
            request=QUICK,
            created_at=1_000_000.0 + n,
        )

    engine = Engine()
    monkeypatch.setattr(TaskModel, "elapsed", staticmethod(lambda record: 5.0))  # a clock that stands still
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    model.visible_rows = lambda: range(0, 12)  # what a view shows
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    records = [record(n) for n in range(100)]
    engine.deliver([("added", r) for r in records])
    records += [record(n) for n in range(100, 150)]
    engine.deliver([("added", r) for r in records[100:]])  # a second frame before the next write
    assert inserted == []  # rows come at the next write
    model.write_pending()
    assert inserted == [(0, 149)]
    assert model.rowCount() == 150 and model.record_at(0) is records[149]  # newest first
    assert model.index(11, COL_PROMPT).data() == "a quick card"
    assert model.index(12, COL_PROMPT).data() is None  # off screen: not written yet
    records += [record(n) for n in range(150, 1000)]
    engine.deliver([("added", r) for r in records[150:]])
    written: list[int] = []
    model.dataChanged.connect(lambda a, _b, _roles=None: written.append(a.row()))
    model.write_pending()  # at most INSERT_PER_WRITE new rows a write: the newest, on top
    assert inserted[1:] == [(0, INSERT_PER_WRITE - 1)]
    assert model.record_at(0) is records[999] and sorted(written) == list(range(12))
    written.clear()
    model.write_pending()  # the next newest below them, off screen: nothing on screen is written again
    assert inserted[2:] == [(INSERT_PER_WRITE, 2 * INSERT_PER_WRITE - 1)] and written == []
    assert model.record_at(2 * INSERT_PER_WRITE - 1) is records[1000 - 2 * INSERT_PER_WRITE]
    model.settle()  # everything now, newest on top
    assert inserted[3:] == [(2 * INSERT_PER_WRITE, 1000 - 150 - 1)]
    assert model.rowCount() == 1000 and model.record_at(0) is records[999]
    assert [model.record_at(row) for row in range(1000)] == records[::-1]
    assert model.index(999, COL_PROMPT).data() == "a quick card"
    changed: list[tuple[int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, _roles=None: (
            changed.append((a.row(), a.column(), b.column())) if a.row() == b.row() else None
        )
    )
    records[5].state = TaskState.RUNNING
    late = [record(n) for n in (1000, 1001)]
    engine.deliver([("removed", records[0]), ("added", late[0]), ("changed", records[5]), ("added", late[1])])
    model.settle()
    assert inserted[4:] == [(0, 1)]
    # a state change rewrites what it changed (the state), not the input, prompt and model the
    # view sorts by, nor the times and problem that did not move
    whole = (COL_THUMB, COLUMN_COUNT - 1)
    assert sorted(changed) == [(0, *whole), (1, *whole), (996, COL_STATE, COL_STATE)]
    assert model.index(996, COL_STATE).data() == "Generating"
    engine.deliver([("changed", records[5])])  # polled again, nothing new to show
    model.settle()
    assert len(changed) == 3  # nothing written, nothing to repaint
    video = tmp_path / "done.mp4"
    video.write_bytes(b"\0" * 16)
    records[5].state, records[5].video_path = TaskState.SUCCEEDED, str(video)
    engine.deliver([("changed", records[5])])
    model.settle()
    # the thumbnail is now the video's (looked up again: none here, no thumbnail service), and the
    # state and problem columns say so
    assert changed[-1] == (996, COL_STATE, COL_STATE) and len(changed) == 4
    assert model.index(996, COL_STATE).data() == "Done" and model._thumb_source["t5"] == str(video)
    assert model.task_ids()[:2] == ["t1001", "t1000"] and model.rowCount() == 1001
    model.detach()


def test_the_clock_repaints_time_columns_only(window: Any, qloop: Any, qapp: Any) -> None:
    """Once a second the time cells of a waiting task that changed are written and repainted;
    nothing else in the table moves with the clock (its bar, striped, is not animated)."""
    import asyncio

    from PySide6.QtCore import QEvent, QObject, QRect

    from gui.models.task_model import COL_ELAPSED, TICK_MS
    from gui.texts import fmt_duration

    window.engine.pause(LOCAL_CONNECTION)  # a task that waits: its clock moves, nothing else does
    record = run(qloop, create(window, SLOW))
    run(qloop, asyncio.sleep(0.3))  # its events have arrived
    model, queue = window.task_model, window.queue
    table = queue.table
    painted: list[QRect] = []

    class Spy(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(event.region().boundingRect())  # type: ignore[attr-defined]
            return False

    def columns() -> set[int]:
        return {table.columnAt(x) for rect in painted for x in (rect.left() + 2, rect.right() - 2)}

    spy = Spy()
    table.viewport().installEventFilter(spy)
    try:
        model.settle()
        table.viewport().repaint()  # everything painted once
        painted.clear()
        run(qloop, asyncio.sleep(TICK_MS / 1000 * 2.5))  # the clock, left to itself: two ticks or more
        ticking = columns()
        painted.clear()
        before = fmt_duration(model.elapsed(record))
        model._tick()
        after = fmt_duration(model.elapsed(record))
        qapp.processEvents()
        again = columns()
        row = model.row_of(record.id)
        shown = model.index(row, COL_ELAPSED).data()
    finally:
        table.viewport().removeEventFilter(spy)
        run(qloop, window.engine.cancel(record.id))
        window.engine.unpause(LOCAL_CONNECTION)
    # the elapsed time only: not the bar beside it, nor the time left and link expiry a waiting
    # task without history does not have
    assert ticking == {COL_ELAPSED}
    assert again <= {COL_ELAPSED}  # a tick within the same second has nothing to write
    assert shown in (before, after)


def test_rows_off_screen_are_written_when_they_come_into_view(window: Any, qloop: Any, qapp: Any) -> None:
    from gui.models.task_model import COL_ELAPSED, COL_STATE

    model, table = window.task_model, window.queue.table
    window.engine.pause(LOCAL_CONNECTION)  # the tasks wait in the queue

    async def go() -> list[TaskRecord]:
        return [
            await create(window, GenerationRequest(model="preview", prompt=f"card {n}")) for n in range(60)
        ]

    made = run(qloop, go())
    model.write_pending()  # rows for all 60, cells for those on screen
    bottom = model.row_of(made[0].id)  # the oldest: last row, off screen
    assert bottom == model.rowCount() - 1 and table.rowAt(table.viewport().height() - 1) < bottom
    run(qloop, window.engine.cancel(made[0].id))
    model.write_pending()
    assert model.index(0, COL_STATE).data() != "Cancelled"
    assert model.index(bottom, COL_STATE).data() != "Cancelled"  # changed off screen: not written yet
    table.scrollToBottom()
    assert model.index(bottom, COL_STATE).data() == "Cancelled"  # written as it came into view
    table.scrollToTop()
    model.elapsed = lambda record: 3600.0  # an hour later: the rows at the bottom show old times
    table.scrollToBottom()
    waiting = model.row_of(made[1].id)
    assert model.index(waiting, COL_ELAPSED).data() == "1:00:00"  # brought up to date as shown
    for record in made[1:]:
        run(qloop, window.engine.cancel(record.id))
    window.engine.unpause(LOCAL_CONNECTION)


def test_newest_first_by_default_without_sorting_work(window: Any, qloop: Any) -> None:
    from PySide6.QtCore import Qt

    from gui.models.task_model import COL_PROMPT, COL_THUMB

    queue = window.queue
    header = queue.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        COL_THUMB,
        Qt.SortOrder.DescendingOrder,
    )
    assert queue.proxy.sortColumn() == -1  # the model's own order is already newest first

    async def go() -> list[TaskRecord]:
        made = []
        for prompt in ("b second", "c third", "a first"):
            made.append(await create(window, GenerationRequest(model="preview", prompt=prompt, duration=1)))
        await window.engine.wait([r.id for r in made])
        return made

    made = run(qloop, go())

    def shown() -> list[str]:
        # the tasks in the order the view shows them (a row off screen is not written yet)
        rows = (queue.proxy.mapToSource(queue.proxy.index(r, 0)).row() for r in range(queue.proxy.rowCount()))
        return [queue.model.record_at(row).id for row in rows]

    assert shown() == [r.id for r in reversed(made)]
    queue.table.sortByColumn(COL_PROMPT, Qt.SortOrder.AscendingOrder)
    assert shown() == [made[2].id, made[0].id, made[1].id]
    queue.table.sortByColumn(COL_THUMB, Qt.SortOrder.AscendingOrder)
    assert shown() == [r.id for r in made]
    queue.table.sortByColumn(COL_THUMB, Qt.SortOrder.DescendingOrder)
    assert shown() == [r.id for r in reversed(made)]
