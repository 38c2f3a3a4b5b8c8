"""The queue's table: a thin Qt adapter over the engine's task events.

``added`` inserts one row at the end, ``changed`` emits ``dataChanged`` for that row only,
``removed`` removes that row; the model is never reset. A timer refreshes the time columns of
running rows (elapsed, ETA, link expiry) and animates indeterminate progress.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from core.host import EngineProxy
from core.store import TaskRecord, TaskState
from gui.spawn import spawn
from gui.texts import connection_label, error_advice, error_summary, fmt_duration, state_name
from gui.thumbnails import Thumbnails

AnyIndex = QModelIndex | QPersistentModelIndex

COL_THUMB, COL_PROMPT, COL_WHERE, COL_STATE, COL_ELAPSED, COL_ETA, COL_EXPIRES, COL_ERROR = range(8)
COLUMN_COUNT = 8

TaskIdRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2  # float 0..1, None: indeterminate, NO_BAR: no bar
SortRole = Qt.ItemDataRole.UserRole + 3
StateRole = Qt.ItemDataRole.UserRole + 4
ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.AccessibleTextRole,
        ProgressRole,
        TaskIdRole,
        SortRole,
        StateRole,
    }
)
NO_BAR = -1.0
TICK_MS = 250
STATE_ORDER = {state: n for n, state in enumerate(TaskState)}


class TaskModel(QAbstractTableModel):
    ticked = Signal(bool)  # the clock moved (no data changed); True once a second: time columns too

    def __init__(
        self, engine: EngineProxy, thumbnails: Thumbnails | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.engine = engine
        self.thumbnails = thumbnails
        self.paused: set[str] = set()
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._records: dict[str, TaskRecord] = {}
        self._thumb_source: dict[str, str] = {}
        self._typical: dict[tuple[str, str], float | None] = {}
        self._live: set[str] = set()  # rows whose time columns move: unfinished, or a link that expires
        self._attached = True
        self._ticks = 0
        # Rows are newest first: the queue's default order needs no sorting (see TaskFilter.sort).
        for record in sorted(engine.tasks.values(), key=lambda r: r.created_at, reverse=True):
            self._append(record)
        engine.subscribe_batch(self._on_batch)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnail)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # -- engine events ---------------------------------------------------------------------------
    def detach(self) -> None:
        """Stop listening to the engine."""
        self._attached = False
        self.engine.unsubscribe_batch(self._on_batch)
        self._timer.stop()

    def _on_batch(self, batch: list[tuple[str, TaskRecord]]) -> None:
        """A frame's events: each run of new tasks becomes one row insertion (1,000 tasks created
        at once cost one insertion, not 1,000), everything else one event at a time."""
        new: list[TaskRecord] = []
        for event, record in batch:
            if event != "removed" and record.id not in self._rows:  # one event per task a frame
                new.append(record)
                continue
            self._insert(new)
            new = []
            self._on_event(event, record)
        self._insert(new)

    def _insert(self, records: list[TaskRecord]) -> None:
        """New tasks go on top, newest first."""
        if not records or not self._attached:
            return
        records = sorted(reversed(records), key=lambda r: r.created_at, reverse=True)  # ties: later first
        self.beginInsertRows(QModelIndex(), 0, len(records) - 1)
        self._ids[0:0] = [r.id for r in records]
        self._rows = {task_id: row for row, task_id in enumerate(self._ids)}
        for record in records:
            self._records[record.id] = record
            self._thumb_source[record.id] = self._source_of(record)
            self._update_live(record)
        self.endInsertRows()

    def _on_event(self, event: str, record: TaskRecord) -> None:
        if not self._attached:
            return
        if event == "removed":
            self._remove(record.id)
        elif record.id not in self._rows:
            self._insert([record])
        else:
            self._records[record.id] = record
            source = self._source_of(record)
            thumb_changed = source != self._thumb_source.get(record.id)
            self._thumb_source[record.id] = source
            self._update_live(record)
            # What a task's progress changes: its state and times, not its input, prompt or model.
            # Leaving those columns out spares the sorted view re-placing the row when it is sorted
            # by one of them (the default: newest first), 1,000 rows a frame when tasks start.
            self._row_changed(self._rows[record.id], COL_THUMB if thumb_changed else COL_STATE)

    def _append(self, record: TaskRecord) -> None:
        self._rows[record.id] = len(self._ids)
        self._ids.append(record.id)
        self._records[record.id] = record
        self._thumb_source[record.id] = self._source_of(record)
        self._update_live(record)

    def _update_live(self, record: TaskRecord) -> None:
        expiring = bool(record.result_expires_at) and record.state is not TaskState.SUCCEEDED
        if not record.state.terminal or expiring:
            self._live.add(record.id)
        else:
            self._live.discard(record.id)

    def _remove(self, task_id: str) -> None:
        row = self._rows.get(task_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        del self._rows[task_id]
        self._records.pop(task_id, None)
        self._thumb_source.pop(task_id, None)
        self._live.discard(task_id)
        for later in self._ids[row:]:
            self._rows[later] -= 1
        self.endRemoveRows()

    def _row_changed(self, row: int, first: int = 0, last: int = COLUMN_COUNT - 1) -> None:
        self.dataChanged.emit(self.index(row, first), self.index(row, last))

    @staticmethod
    def _source_of(record: TaskRecord) -> str:
        if record.video_path and Path(record.video_path).exists():
            return record.video_path
        image = record.request.image or (record.request.ref_images[0] if record.request.ref_images else None)
        if image and not image.startswith(("http://", "https://", "data:")) and Path(image).exists():
            return image
        return ""

    def _on_thumbnail(self, path: str) -> None:
        for task_id, source in self._thumb_source.items():
            if source == path:
                self._row_changed(self._rows[task_id], COL_THUMB, COL_THUMB)

    def _tick(self) -> None:
        """Time columns (elapsed, ETA, link expiry) and indeterminate bars move with the clock, not
        with the data: ask the views to repaint what they show, whatever the number of tasks."""
        self._ticks += 1
        if not self._live:
            return
        if self._ticks % (1000 // TICK_MS) == 0:
            for task_id in list(self._live):
                record = self._records[task_id]
                if not record.state.terminal:
                    self._want_typical(record)
        self.ticked.emit(self._ticks % (1000 // TICK_MS) == 0)

    def _want_typical(self, record: TaskRecord) -> None:
        key = (record.connection, record.model)
        if key not in self._typical:
            self._typical[key] = None
            spawn(self._fetch_typical(key), name="typical-duration")

    async def _fetch_typical(self, key: tuple[str, str]) -> None:
        self._typical[key] = await self.engine.journal.typical_duration(*key)

    # -- pausing ---------------------------------------------------------------------------------
    def set_paused(self, connection: str, paused: bool) -> None:
        (self.paused.add if paused else self.paused.discard)(connection)
        for row, task_id in enumerate(self._ids):
            if self._records[task_id].connection == connection:
                self._row_changed(row, COL_STATE, COL_STATE)

    # -- lookups ---------------------------------------------------------------------------------
    def record_at(self, row: int) -> TaskRecord:
        return self._records[self._ids[row]]

    def row_of(self, task_id: str) -> int | None:
        return self._rows.get(task_id)

    def task_ids(self) -> list[str]:
        return list(self._ids)

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Input"),
            self.tr("Prompt"),
            self.tr("Connection / model"),
            self.tr("State"),
            self.tr("Elapsed"),
            self.tr("Time left"),
            self.tr("Link expires"),
            self.tr("Problem"),
        ][section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ROLES:  # a painted cell asks ~7 roles (font, alignment, ...): most are None
            return None
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        record = self._records[self._ids[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_THUMB and self.thumbnails is not None:
            source = self._thumb_source.get(record.id, "")
            return self.thumbnails.icon(source) if source else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_STATE, COL_ERROR):
            if record.state in (TaskState.FAILED, TaskState.EXPIRED, TaskState.UNKNOWN):
                return QColor("#c0392b")
            if record.state is TaskState.CANCELLED:
                return QColor("#7f8c8d")
            return None
        if role == ProgressRole:
            return self._progress(record)
        if role == TaskIdRole:
            return record.id
        if role == StateRole:
            return record.state.value
        if role == SortRole:
            return self._sort_key(record, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(record, column) or ""
        return None

    def _display(self, record: TaskRecord, column: int) -> str | None:
        if column == COL_PROMPT:
            text = record.request.prompt.replace("\n", " ").strip()
            return text or self.tr("(no prompt)")
        if column == COL_WHERE:
            return f"{connection_label(record.connection)} / {record.model}"
        if column == COL_STATE:
            return self._state_text(record)
        if column == COL_ELAPSED:
            return fmt_duration(self.elapsed(record))
        if column == COL_ETA:
            eta = self.eta(record)
            return fmt_duration(eta) if eta is not None else ""
        if column == COL_EXPIRES:
            left = self.expires_in(record)
            if left is None:
                return ""
            return fmt_duration(left) if left > 0 else self.tr("expired")
        if column == COL_ERROR:
            if record.state is TaskState.UNKNOWN:
                return self.tr("Submit outcome unknown: check the provider")
            return error_summary(record.error_kind)
        return None

    def _state_text(self, record: TaskRecord) -> str:
        text = state_name(record.state)
        if record.progress is not None and record.state.active:
            text = f"{text} {record.progress * 100:.0f}%"
        if record.connection in self.paused and record.state.active:
            text = self.tr("%1 (paused)").replace("%1", text)
        return text

    def _tooltip(self, record: TaskRecord, column: int) -> str | None:
        if column in (COL_PROMPT, COL_THUMB):
            lines = [record.request.prompt or self.tr("(no prompt)")]
            if record.request.negative_prompt:
                lines.append(self.tr("Negative: %1").replace("%1", record.request.negative_prompt))
            return "\n".join(lines)
        if column == COL_STATE:
            lines = [state_name(record.state)]
            if record.remote_id:
                lines.append(self.tr("Remote id: %1").replace("%1", record.remote_id))
            if record.remote_status:
                lines.append(self.tr("Provider status: %1").replace("%1", record.remote_status))
            return "\n".join(lines)
        if column == COL_ERROR and (record.error_kind or record.error_message):
            parts = [error_advice(record.error_kind), record.error_message or ""]
            if record.error_code:
                parts.append(self.tr("Code: %1").replace("%1", record.error_code))
            return "\n".join(p for p in parts if p)
        return None

    def _progress(self, record: TaskRecord) -> float | None:
        if not record.state.active:
            return NO_BAR
        if record.state is TaskState.DOWNLOADING and record.progress is None:
            return None
        return record.progress

    # -- times -----------------------------------------------------------------------------------
    @staticmethod
    def elapsed(record: TaskRecord) -> float:
        end = record.finished_at if record.state.terminal and record.finished_at else time.time()
        return max(0.0, end - record.created_at)

    def eta(self, record: TaskRecord) -> float | None:
        if record.state not in (
            TaskState.RUNNING,
            TaskState.SUBMITTING,
            TaskState.QUEUED,
            TaskState.UPLOADING,
        ):
            return None
        since = time.time() - (record.submitted_at or record.created_at)
        if record.state is TaskState.RUNNING and record.progress and record.progress > 0.02:
            return since * (1 - record.progress) / record.progress
        typical = self._typical.get((record.connection, record.model))
        if typical:
            return max(0.0, typical - since) if record.state is TaskState.RUNNING else typical
        return None

    @staticmethod
    def expires_in(record: TaskRecord) -> float | None:
        if not record.result_expires_at or record.state is TaskState.SUCCEEDED:
            return None
        return record.result_expires_at - time.time()

    def _sort_key(self, record: TaskRecord, column: int) -> Any:
        if column == COL_PROMPT:
            return record.request.prompt.lower()
        if column == COL_WHERE:
            return f"{record.connection} / {record.model}".lower()
        if column == COL_STATE:
            return STATE_ORDER[record.state] + (record.progress or 0.0)
        if column == COL_ELAPSED:
            return self.elapsed(record)
        if column == COL_ETA:
            eta = self.eta(record)
            return eta if eta is not None else float("inf")
        if column == COL_EXPIRES:
            left = self.expires_in(record)
            return left if left is not None else float("inf")
        if column == COL_ERROR:
            return error_summary(record.error_kind)
        return record.created_at
