"""The queue's state cell is a bar: the cell's background filled to the task's progress, striped
when the provider gives none, none once the task is over. Qt's own delegate paints it from the
brush the model writes, so a repaint of the queue calls no Python."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTableView

from core.tasks.journal import TaskRecord, TaskState
from gui.models.task_model import COL_STATE, COLUMN_COUNT, TaskModel
from tests.gui.fakes import Engine, record

HIGHLIGHT = QColor("#d03030")  # a red bar: easy to tell from the grey and white row grounds
WIDTH = 200


class Clock:
    """The queue model's ``time`` module, at a time the test moves by hand."""

    now = 1_000_000.0

    def time(self) -> float:
        return self.now

    def perf_counter(self) -> float:
        return time.perf_counter()


def clock_for_the_model(monkeypatch: Any) -> Clock:
    import gui.models.task_model as task_model

    clock = Clock()
    monkeypatch.setattr(task_model, "time", clock)
    return clock


def typical_of_ten_seconds(monkeypatch: Any, rows: int) -> tuple[Clock, Engine, TaskModel]:
    """A queue model on a fake clock whose tasks' model usually takes 10 s, ``rows`` rows shown."""

    class Journal:
        async def typical_duration(self, connection: str, model: str) -> float | None:
            return 10.0

    clock = clock_for_the_model(monkeypatch)
    engine = Engine()
    engine.journal = Journal()  # type: ignore[assignment]
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    model.visible_rows = lambda: range(rows)
    return clock, engine, model


def ticks(model: TaskModel) -> Callable[[], Coroutine[Any, Any, None]]:
    """Two of the clock's ticks: the first asks for the typical durations, the second shows them."""

    async def tick() -> None:
        model._tick()
        await asyncio.sleep(0.01)
        model._tick()

    return tick


def reddish(colour: QColor) -> bool:
    return colour.red() - colour.blue() > 25


def paint(tasks: list[TaskRecord]) -> tuple[QImage, QTableView, TaskModel]:
    engine = Engine()
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(40)
    view.setShowGrid(False)
    for column in range(COLUMN_COUNT):
        view.setColumnHidden(column, column != COL_STATE)
    view.setColumnWidth(COL_STATE, WIDTH)
    view.resize(WIDTH + 40, 40 * len(tasks) + 60)
    model.visible_rows = lambda: range(len(tasks))
    model.set_bar_look(WIDTH, HIGHLIGHT)
    engine.deliver([("added", task) for task in tasks])
    model.settle()
    return view.viewport().grab().toImage(), view, model


def rows_of(image: QImage, view: QTableView, count: int) -> list[list[QColor]]:
    """Each row's pixels along a line through the bar, under the label's height."""
    x0 = view.columnViewportPosition(COL_STATE)
    return [
        [image.pixelColor(x0 + x, view.rowViewportPosition(row) + 4) for x in range(WIDTH)]
        for row in range(count)
    ]


def test_the_bar_is_filled_to_the_progress(qapp: Any) -> None:
    tasks = [record(1, TaskState.RUNNING, 0.45), record(0, TaskState.RUNNING, 0.9)]  # rows: newest first
    image, view, model = paint(tasks)
    forty_five, ninety = rows_of(image, view, 2)
    edge = round(WIDTH * 0.45)
    assert all(reddish(c) for c in forty_five[2 : edge - 2])
    assert not any(reddish(c) for c in forty_five[edge + 2 : WIDTH - 2])
    assert all(reddish(c) for c in ninety[2 : round(WIDTH * 0.9) - 2])
    assert not any(reddish(c) for c in ninety[round(WIDTH * 0.9) + 2 : WIDTH - 2])
    assert model.index(0, COL_STATE).data() == "Generating 45%"
    assert model.index(0, COL_STATE).data(Qt.ItemDataRole.TextAlignmentRole) == Qt.AlignmentFlag.AlignCenter
    model.detach()


def test_unknown_progress_is_striped_and_a_finished_task_has_no_bar(qapp: Any) -> None:
    tasks = [record(1, TaskState.RUNNING, None), record(0, TaskState.SUCCEEDED, None)]
    image, view, model = paint(tasks)
    striped, done = rows_of(image, view, 2)
    tinted = [reddish(c) for c in striped]
    assert 0.2 < sum(tinted) / WIDTH < 0.8  # stripes across the whole cell: tinted and not
    assert any(tinted[:40]) and any(tinted[-40:])
    assert not any(reddish(c) for c in done)
    model.detach()


def test_bars_follow_the_columns_width(qapp: Any) -> None:
    """A bar is drawn to the column's width: when the column is resized, the bars on screen are
    written again, and a half-done task still fills half the column."""
    image, view, model = paint([record(0, TaskState.RUNNING, 0.5)])
    view.setColumnWidth(COL_STATE, WIDTH * 2)
    model.set_bar_look(WIDTH * 2, HIGHLIGHT)  # what the queue does when its header is resized
    model.write_pending()
    view.resize(WIDTH * 2 + 40, 100)
    image = view.viewport().grab().toImage()
    line = [image.pixelColor(x, 4) for x in range(WIDTH * 2)]
    assert all(reddish(c) for c in line[2 : WIDTH - 2])
    assert not any(reddish(c) for c in line[WIDTH + 2 : WIDTH * 2 - 2])
    model.detach()


def test_time_left_counts_from_when_the_progress_started(qapp: Any, monkeypatch: Any) -> None:
    """A task that waited at 0 % (behind others in the offline renderer, or in the provider's
    queue) and then moved: its time left comes from how fast it moves now, not from its submit."""
    clock = clock_for_the_model(monkeypatch)
    engine = Engine()
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    task = record(0, TaskState.RUNNING, 0.0)
    task.submitted_at = clock.now
    engine.deliver([("added", task)])
    model.settle()
    clock.now += 100  # waiting its turn at 0 %
    engine.deliver([("changed", task)])
    clock.now += 2  # then half done in two seconds
    task.progress = 0.5
    engine.deliver([("changed", task)])
    eta = model.eta(task)
    assert eta is not None and 1.5 <= eta <= 2.5, eta
    from gui.models.task_model import COL_ETA

    shown = model._display(task, COL_ETA)  # what the cell says
    assert shown in ("0:01", "0:02", "0:03"), shown  # from the provider's percentage: no "about"
    model.detach()


def test_a_task_waiting_its_turn_says_so(qapp: Any) -> None:
    """Submitted, but the provider (or the offline renderer) has not started it: not "Generating
    0%", and no bar yet."""
    waiting = record(1, TaskState.RUNNING, 0.0)
    waiting.remote_status = "queued"
    working = record(0, TaskState.RUNNING, 0.3)
    working.remote_status = "running"
    image, view, model = paint([waiting, working])
    assert model.index(0, COL_STATE).data() == "Waiting its turn"
    assert model.index(1, COL_STATE).data() == "Generating 30%"
    assert not any(reddish(c) for c in rows_of(image, view, 1)[0])
    model.detach()


def test_a_model_without_history_gets_its_time_left_once_a_task_of_it_has_finished(
    qapp: Any, qloop: Any
) -> None:
    """The time left comes from the connection's own history of the model. A first batch of a
    model has none at start; once one of its tasks has finished, the others show a time left."""
    from tests.gui.conftest import run

    class Journal:
        durations: list[float] = []  # what the journal has learned: nothing yet
        asked = 0

        async def typical_duration(self, connection: str, model: str) -> float | None:
            self.asked += 1
            return self.durations[-1] if self.durations else None

    engine = Engine()
    journal = engine.journal = Journal()  # type: ignore[assignment]
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    first, second = record(0, TaskState.RUNNING), record(1, TaskState.RUNNING)
    for task in (first, second):
        task.submitted_at = time.time()
    engine.deliver([("added", first), ("added", second)])
    model.settle()

    async def ticks(n: int) -> None:
        for _ in range(n):
            model._tick()
            await asyncio.sleep(0.01)

    run(qloop, ticks(3))
    assert model.eta(second) is None and journal.asked == 1  # asked once, not at every tick
    journal.durations.append(120.0)
    first.state = TaskState.SUCCEEDED
    engine.deliver([("changed", first)])
    model.settle()
    run(qloop, ticks(3))
    assert model.eta(second) is not None and journal.asked == 2
    model.detach()


def test_a_task_past_its_typical_duration_shows_no_time_left(qapp: Any, qloop: Any, monkeypatch: Any) -> None:
    """A task that runs longer than the model usually takes (a slow provider) has no time left
    we can tell: blank, not "0:00"."""
    from gui.models.task_model import COL_ETA
    from tests.gui.conftest import run

    clock, engine, model = typical_of_ten_seconds(monkeypatch, rows=1)
    task = record(0, TaskState.RUNNING)
    task.remote_status, task.submitted_at = "running", clock.now
    engine.deliver([("added", task)])
    model.settle()

    tick = ticks(model)

    clock.now += 4
    run(qloop, tick())
    assert model.index(0, COL_ETA).data() == "about 0:06"  # from past tasks: an estimate, said so
    clock.now += 10
    run(qloop, tick())
    assert model.eta(task) is None and model.index(0, COL_ETA).data() in ("", None)
    model.detach()


def test_a_task_waiting_its_turn_shows_its_runs_estimate_never_zero(
    qapp: Any, qloop: Any, monkeypatch: Any
) -> None:
    """A task not started yet (queued here, or waiting its turn at the provider or the offline
    renderer) will take the whole of a typical run once it starts: its time left is that
    estimate, said to be one, however long it has waited; never "0:00". Once it runs, the
    estimate counts down from when it started, and a second left is "0:01", not "0:00"."""
    from gui.models.task_model import COL_ETA
    from tests.gui.conftest import run

    clock, engine, model = typical_of_ten_seconds(monkeypatch, rows=2)
    queued = record(1, TaskState.QUEUED)
    waiting = record(0, TaskState.RUNNING, 0.0)
    waiting.remote_status, waiting.submitted_at = "queued", clock.now
    engine.deliver([("added", queued), ("added", waiting)])
    model.settle()

    tick = ticks(model)

    for wait in (4.0, 5.8, 30.0):  # however long it has waited
        clock.now += wait
        run(qloop, tick())
        assert model._display(waiting, COL_ETA) == "about 0:10"
        assert model._display(queued, COL_ETA) == "about 0:10"
    waiting.remote_status = "running"  # its turn: the run starts now
    engine.deliver([("changed", waiting)])
    model.settle()
    clock.now += 4
    run(qloop, tick())
    assert model._display(waiting, COL_ETA) == "about 0:06"
    clock.now += 5.7  # a third of a second left
    run(qloop, tick())
    assert model._display(waiting, COL_ETA) == "about 0:01"
    model.detach()


def test_time_left_from_the_progress_is_never_zero(qapp: Any, monkeypatch: Any) -> None:
    """At 99 % a task moving fast has a fraction of a second left: "0:01", not "0:00"."""
    from gui.models.task_model import COL_ETA

    clock = clock_for_the_model(monkeypatch)
    engine = Engine()
    model = TaskModel(engine)  # type: ignore[arg-type]
    model._timer.stop()
    task = record(0, TaskState.RUNNING, 0.0)
    task.submitted_at = clock.now
    engine.deliver([("added", task)])
    model.settle()
    clock.now += 10
    task.progress = 0.99
    engine.deliver([("changed", task)])
    assert model._display(task, COL_ETA) == "0:01"
    model.detach()
