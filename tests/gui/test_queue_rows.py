"""A queue row a creator can read: a thumbnail one recognises, the prompt on two lines and what
tells a task from its copies, its cost (the estimate marked as one, then the charge), and a
result link's expiry only where a video is still to be fetched, counting down."""

from __future__ import annotations

import time
import types
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from gui.models.task_model import COL_COST, COL_EXPIRES, COL_PROMPT, DetailRole
from tests.gui.fakes import record
from tests.gui.test_queue_table import queue_of, settle


def bailian(n: int, **request: Any) -> TaskRecord:
    """Task ``n`` on a DashScope connection, "harbour at dawn" with ``request``'s settings."""
    task = TaskRecord(
        id=f"b{n}",
        connection="my-bailian",
        dialect="dashscope",
        base_url="http://127.0.0.1:1",
        model="wan2.5-i2v-preview",
        request=GenerationRequest(model="wan2.5-i2v-preview", prompt="harbour at dawn", **request),
    )
    task.created_at = 1_000_000.0 + n
    return task


def shown(queue: Any, task_id: str, column: int, role: int = 0) -> Any:
    model = queue.model
    model.settle()
    return model.index(model.row_of(task_id), column).data(role)


def test_copies_of_one_prompt_are_told_apart_and_found_by_what_differs(qapp: Any, qtbot: Any) -> None:
    engine, _model, queue = queue_of(qapp, qtbot)
    copies = [
        bailian(1, duration=5, resolution="720p", seed=7),
        bailian(2, duration=10, resolution="1080p", seed=8),
        bailian(3, duration=5, resolution="480p"),
    ]
    engine.deliver([("added", task) for task in copies])
    lines = [shown(queue, task.id, COL_PROMPT, DetailRole) for task in copies]
    assert [shown(queue, task.id, COL_PROMPT) for task in copies] == ["harbour at dawn"] * 3
    assert len(set(lines)) == 3, lines  # the same prompt, three rows one can tell apart
    first = lines[0]
    for part in ("Wan 2.5 image-to-video (preview)", "5 s", "720P", "seed 7", "my-bailian"):
        assert part in first, first
    assert "seed" not in lines[2]  # no seed chosen: none claimed
    assert first in shown(queue, "b1", COL_PROMPT, Qt.ItemDataRole.ToolTipRole)  # whole, where cut
    queue.filter_edit.setText("seed 8")
    settle(qapp)
    assert queue.proxy.rowCount() == 1
    assert queue.model.record_at(queue.proxy.mapToSource(queue.proxy.index(0, 0)).row()).id == "b2"
    queue.filter_edit.setText("1080P")
    settle(qapp)
    assert queue.proxy.rowCount() == 1
    queue.filter_edit.clear()
    settle(qapp)
    assert queue.proxy.rowCount() == 3


def test_rows_show_thumbnails_a_creator_recognises(qapp: Any, qtbot: Any) -> None:
    from gui.models.task_model import COL_THUMB

    engine, _model, queue = queue_of(qapp, qtbot)
    engine.deliver([("added", record(1))])
    queue.model.settle()
    settle(qapp)
    table = queue.table
    assert table.iconSize().height() >= 96
    assert table.rowHeight(0) >= table.iconSize().height()
    assert table.columnWidth(COL_THUMB) >= table.iconSize().width()


def test_the_prompt_takes_two_lines_and_is_cut_where_it_goes_on(qapp: Any) -> None:
    from gui.views.queue_table import two_lines

    font = QFont(QApplication.font())
    metrics = QFontMetrics(font)
    width = 220
    long = "a quiet harbour at dawn, fishing boats rocking gently, soft golden light over the water " * 3
    first, second = two_lines(long, font, width)
    assert first and second.endswith("…")
    assert long.startswith(first) and metrics.horizontalAdvance(first) <= width
    assert metrics.horizontalAdvance(second) <= width
    assert long[len(first) :].strip().startswith(second[:-1].strip())  # goes on from the first
    assert two_lines("a short prompt", font, width) == ("a short prompt", "")
    chinese = "黎明时分宁静的港湾，渔船轻轻摇晃，柔和的金色晨光洒在水面上" * 3  # no spaces to break at
    first, second = two_lines(chinese, font, width)
    assert first and second and chinese.startswith(first)
    assert metrics.horizontalAdvance(first) <= width and metrics.horizontalAdvance(second) <= width


def test_the_task_cell_paints_its_prompt_and_details(qapp: Any, qtbot: Any) -> None:
    engine, _model, queue = queue_of(qapp, qtbot)
    engine.deliver([("added", bailian(1, duration=5, seed=3))])
    queue.model.settle()
    index = queue.proxy.index(0, COL_PROMPT)
    image = QImage(QSize(300, 108), QImage.Format.Format_ARGB32)
    image.fill(0)
    option = QStyleOptionViewItem()
    option.initFrom(queue.table)
    option.rect = QRect(0, 0, 300, 108)
    painter = QPainter(image)
    try:
        queue.task_cell.paint(painter, option, index)  # raises if it cannot
    finally:
        painter.end()
    drawn = {image.pixel(x, y) for x in range(0, 300, 3) for y in range(0, 108, 3)}
    assert len(drawn) > 1  # something was drawn


def test_the_cost_column_says_estimate_charge_or_not_charged(qapp: Any, qtbot: Any) -> None:
    engine, _model, queue = queue_of(qapp, qtbot)
    estimate = {"amount": 1.2, "currency": "CNY", "basis": "5 s × ¥0.24/s"}
    estimated, charged, refused, failed, unknown = (bailian(n) for n in range(5))
    for task in (estimated, charged, refused, failed):
        task.estimate = dict(estimate)
    charged.state, charged.charge = TaskState.SUCCEEDED, {"amount": 1.0, "currency": "CNY", "basis": "usage"}
    refused.state = TaskState.FAILED
    refused.charge = {"amount": 0, "currency": "CNY", "basis": "refused", "not_charged": True}
    failed.state = TaskState.FAILED  # the provider said nothing of a charge
    local = record(9)
    local.estimate = {"amount": 0.0, "currency": "CNY", "basis": "offline"}
    tasks = [estimated, charged, refused, failed, unknown, local]
    engine.deliver([("added", task) for task in tasks])
    assert [shown(queue, task.id, COL_COST) for task in tasks] == [
        "≈ ¥1.20",
        "¥1.00",
        "Not charged",
        "≈ ¥1.20",
        "?",
        "Free",
    ]
    assert "Estimate" in shown(queue, failed.id, COL_COST, 3)  # its tooltip says what it is
    # the provider reports the charge when the task ends: the row says it
    estimated.state, estimated.charge = TaskState.SUCCEEDED, {"amount": 0.96, "currency": "CNY"}
    engine.deliver([("changed", estimated)])
    assert shown(queue, estimated.id, COL_COST) == "¥0.96"
    queue.table.sortByColumn(COL_COST, Qt.SortOrder.AscendingOrder)  # the cheapest first, unknown last
    rows = (queue.proxy.mapToSource(queue.proxy.index(r, 0)).row() for r in range(queue.proxy.rowCount()))
    order = [queue.model.record_at(row).id for row in rows]
    places = [order.index(task.id) for task in (estimated, charged, failed, unknown)]
    assert places == sorted(places)


def test_link_expiry_shows_only_while_a_video_is_to_fetch_and_counts_down(
    qapp: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from gui.models import task_model

    now = [2_000_000.0]
    clock = types.SimpleNamespace(**{name: getattr(time, name) for name in ("perf_counter", "monotonic")})
    clock.time = lambda: now[0]
    monkeypatch.setattr(task_model, "time", clock)
    engine, model, queue = queue_of(qapp, qtbot)
    running, done, failed = bailian(1), bailian(2), bailian(3)
    running.state, running.submitted_at = TaskState.RUNNING, now[0] - 30
    for task, state in ((done, TaskState.SUCCEEDED), (failed, TaskState.FAILED)):
        task.state, task.result_url, task.result_expires_at = state, "http://127.0.0.1:1/v.mp4", now[0] + 3600
    engine.deliver([("added", task) for task in (running, done, failed)])
    settle(qapp)
    assert [shown(queue, task.id, COL_EXPIRES) or "" for task in (running, done, failed)] == ["", "", ""]
    assert queue.table.isColumnHidden(COL_EXPIRES)  # no link to fetch: no empty column either
    # the provider answers with the result's link: the video is to be fetched before it expires
    running.state, running.result_url = TaskState.DOWNLOADING, "http://127.0.0.1:1/r.mp4"
    running.result_expires_at = now[0] + 3600
    engine.deliver([("changed", running)])
    settle(qapp)
    assert not queue.table.isColumnHidden(COL_EXPIRES)
    assert shown(queue, running.id, COL_EXPIRES) == "1:00:00"
    now[0] += 61
    model.refresh_clock()  # what the queue's one clock does every second
    model.settle()
    assert shown(queue, running.id, COL_EXPIRES) == "58:59"
    running.state, running.video_path = TaskState.SUCCEEDED, "/nowhere/r.mp4"
    engine.deliver([("changed", running)])
    settle(qapp)
    assert shown(queue, running.id, COL_EXPIRES) in ("", None)
    assert queue.table.isColumnHidden(COL_EXPIRES)
