"""The queue's table: a thin Qt adapter over the engine's task events, whose cells live in Qt.

The view paints from Qt's own storage (a QStandardItemModel): a repaint of the queue reads some
hundred cells in several roles each, and as calls into Python (a QAbstractTableModel's data(),
rowCount() and columnCount()) those were ~2,300 calls and 10-16 ms a repaint, several times that
while the engine kept the other core busy. Here Python writes a row's cells when its task
changes, and painting calls Python only for the prompt column's cells on screen (the view's
``TaskCell``: the prompt on two lines and the task's details, from this model's ``DetailRole``);
the state column's progress bar is the cell's background brush (``bar_brush``), which Qt's own
delegate fills, and a task's progress or the clock repaints neither its prompt nor its picture.
Each row also says its cost (``task_rows.cost_cell``) and, while a result link waits to be
fetched, when that link expires (``links_expiring`` tells the view to show that column).

``added`` gives the task a row where its creation time puts it (newest first: a new task on top),
``changed`` rewrites that row's cells that changed with one ``dataChanged``, ``removed`` removes
that row; the model is never reset. Both wait for the next write, at most WRITE_EVERY_MS away:
the tasks that arrived meanwhile are one row insertion (at most INSERT_PER_WRITE, the newest),
and only the rows on screen are written, ROWS_PER_TURN of them a turn and the others a frame
later (a batch's first screenful is a few short turns, the window free between them). A row off
screen keeps its change until it comes into view, or until a sort needs every row (``write_all``,
``settle()``).
The time cells of the unfinished rows on screen are written once a second; nothing else moves
with the clock (a bar without a known progress is striped, not animated).
"""

from __future__ import annotations

import bisect
import math
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QPainter,
    QPen,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)

from core.library import IMPORTED
from core.tasks.journal import TERMINAL_STATES, TaskRecord, TaskState
from gui.models.task_rows import cost_cell, cost_key, cost_tooltip, details
from gui.spawn import spawn
from gui.texts import (
    balance_text,
    cost_text,
    error_advice,
    error_summary,
    fmt_duration,
    state_name,
)
from gui.theme import colour
from gui.thumbnails import Thumbnails

if TYPE_CHECKING:
    from core.tasks.engine import Engine

COL_THUMB, COL_PROMPT, COL_STATE, COL_COST, COL_ELAPSED, COL_ETA, COL_EXPIRES, COL_ERROR = range(8)
COLUMN_COUNT = 8

TaskIdRole = Qt.ItemDataRole.UserRole + 1  # on the first column
ProgressRole = Qt.ItemDataRole.UserRole + 2  # state column: float 0..1, None: indeterminate, NO_BAR: no bar
SortRole = Qt.ItemDataRole.UserRole + 3
DetailRole = Qt.ItemDataRole.UserRole + 4  # prompt column: what tells the task apart (task_rows.details)
NO_BAR = -1.0
TICK_MS = 1000
BAR_ALPHA = 110  # the bar is the highlight colour over the row's ground, the label readable on it
STRIPE = 16  # px: the tile of the striped bar (progress unknown)
WRITE_BUDGET = 0.004  # seconds of the window's thread a turn for rows off screen
WRITE_EVERY_MS = 50  # changes are written (and repainted) at most this often
ROWS_PER_TURN = 4  # rows on screen the writer writes a turn (~1-2 ms with their repaint) ...
FRAME_MS = 16  # ... and it comes back a frame later for the others
INSERT_PER_WRITE = 200  # new rows a write
STATE_ORDER = {state: n for n, state in enumerate(TaskState)}
RUNNING, SUCCEEDED = TaskState.RUNNING, TaskState.SUCCEEDED  # looked up once: ~0.2 µs each as TaskState.X
DISPLAY, DECORATION, TOOLTIP, FOREGROUND, BACKGROUND, ALIGNMENT = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.TextAlignmentRole,
)
CENTRED = Qt.AlignmentFlag.AlignCenter


def in_queue(record: TaskRecord) -> bool:
    """Every task is in the queue; a video imported into the library is not a task."""
    return record.dialect != IMPORTED


class TaskModel(QStandardItemModel):
    tasks_changed = Signal()  # a frame of the engine's events arrived (before their cells are written)
    links_expiring = Signal(bool)  # whether any task now has a result link to fetch before it expires

    def __init__(self, engine: Engine, thumbnails: Thumbnails | None = None, parent: QObject | None = None):
        super().__init__(0, COLUMN_COUNT, parent)
        prototype = QStandardItem()  # cells are created by cloning this: shown, selectable, not editable
        prototype.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
        self.setItemPrototype(prototype)
        self.engine = engine
        self.thumbnails = thumbnails
        self.paused: set[str] = set()
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self._records: dict[str, TaskRecord] = {}
        # task id -> its thumbnail's source: its video, or else its input image, looked for on disk
        # when its row is written (rows on screen), not when it arrives: a batch of 1,000 images
        # queued at once touches the disk for the rows on screen only
        self._thumb_source: dict[str, str] = {}
        self._video_seen: dict[str, str | None] = {}  # task id -> its video's path, as last followed
        self._typical: dict[tuple[str, str], float | None] = {}  # (connection, model) -> seconds
        self._wanted: set[tuple[str, str]] = set()  # typical durations to ask for at the next tick
        self._live: set[str] = set()  # rows whose time columns move: the unfinished ones
        self._expiring: set[str] = set()  # tasks with a result link known, not downloaded yet
        self._dirty: dict[str, int] = {}  # task id -> the first column to write again
        self._incoming: dict[str, TaskRecord] = {}  # new tasks, given rows at the next write
        self._seen: set[str] = set()  # the tasks on screen at the last write
        self._held: dict[str, list[dict[int, Any] | None]] = {}  # task id -> its cells' roles as written
        self._still_at: dict[str, float] = {}  # task id -> when it was last seen running at 0 %
        # task id -> when its run started, for a task seen waiting its turn (None: waiting still)
        self._started: dict[str, float | None] = {}
        # The view tells which rows it shows: only those are written, unless a sort needs them all.
        self.visible_rows: Callable[[], Iterable[int]] | None = None
        self.write_all = False  # write rows off screen too (a sort needs their keys)
        self.sort_column = -1  # the column whose cells carry SortRole
        self._attached = True
        self.bar_width = 140  # the state column's width: a bar's brush is drawn to it
        self._bar_colour = colour("accent")
        self._bars: dict[int, QBrush] = {}  # filled pixels -> brush
        self._stripes: QBrush | None = None
        self._writer = QTimer(self)
        self._writer.setObjectName("queue-writer")
        self._writer.setSingleShot(True)
        self._writer.setInterval(WRITE_EVERY_MS)
        self._writer.timeout.connect(self._write_turn)
        # Rows are newest first: the queue's default order needs no sorting (see TaskFilter.sort).
        tasks = (r for r in engine.tasks.values() if in_queue(r))
        records = sorted(tasks, key=lambda r: r.created_at, reverse=True)
        self._insert_rows(records)
        self._write_soon()
        engine.subscribe_batch(self._on_batch)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnail)
        self._timer = QTimer(self)
        self._timer.setObjectName("queue-clock")
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # -- engine events ---------------------------------------------------------------------------
    def detach(self) -> None:
        """Stop listening to the engine."""
        self._attached = False
        self.engine.unsubscribe_batch(self._on_batch)
        self._timer.stop()
        self._writer.stop()

    def _on_batch(self, batch: list[tuple[str, TaskRecord]]) -> None:
        """A frame's events. New tasks wait for the next write (``insert_pending``): the tasks of
        many frames (1,000 created one after another) become a few row insertions, not 1,000."""
        if not self._attached:
            return
        expiring = bool(self._expiring)
        incoming, rows = self._incoming, self._rows
        for event, record in batch:
            task_id = record.id
            if task_id in incoming:
                if event == "removed":
                    del incoming[task_id]
            elif task_id in rows:
                if event == "removed":
                    self._remove(task_id)
                else:
                    self._follow(record)
            elif event != "removed" and in_queue(record):
                incoming[task_id] = record
        self._write_soon()
        self.tasks_changed.emit()
        if bool(self._expiring) != expiring:
            self.links_expiring.emit(not expiring)

    def has_expiring_links(self) -> bool:
        """Whether a task in the queue has a result link known and its video not downloaded yet."""
        return bool(self._expiring)

    def insert_pending(self, most: int | None = None) -> None:
        """Rows for the tasks that arrived since the last write, each at its place in the queue
        (newest first): all of them, or the ``most`` newest. Those are the rows on top, on screen;
        the older ones go below them at the next write, usually off screen, where nothing is
        written, so 1,000 tasks created at once have the rows on screen written once, not once
        per insertion."""
        if not self._incoming:
            return
        # newest first; among tasks created at the same moment the one that came last
        records = sorted(reversed(self._incoming.values()), key=lambda r: r.created_at, reverse=True)[:most]
        for record in records:
            del self._incoming[record.id]
        self._insert_rows(records)

    def _insert_rows(self, records: list[TaskRecord]) -> None:
        """Rows for ``records`` (newest first), each placed above the rows created before it, in
        one insertion per run of them that no existing row separates; cells are written when due."""
        if not records:
            return
        ages = [-self._records[task_id].created_at for task_id in self._ids]  # ascending
        runs: list[tuple[int, list[TaskRecord]]] = []
        for record in records:
            at = bisect.bisect_left(ages, -record.created_at)
            if runs and runs[-1][0] == at:
                runs[-1][1].append(record)
            else:
                runs.append((at, [record]))
        for record in records:
            self._records[record.id] = record
            self._video_seen[record.id] = record.video_path
            self._track(record)
            self._dirty[record.id] = COL_THUMB
        for at, run in reversed(runs):  # from the bottom up: the places above stay right
            self._ids[at:at] = [r.id for r in run]
            self._rows = {task_id: row for row, task_id in enumerate(self._ids)}
            self.insertRows(at, len(run))

    def _follow(self, record: TaskRecord) -> None:
        """A task with a row changed: note what its row shows next (written when due). 1,000
        tasks polled at once are one frame's events, so this is kept to a few dictionary looks."""
        task_id = record.id
        self._records[task_id] = record
        # What a task's progress changes: its state, cost and times, not its input, prompt or model.
        # Leaving those columns out spares the sorted view re-placing the row when it is sorted
        # by one of them (the default: newest first), 1,000 rows a frame when tasks start.
        first = COL_STATE
        if record.video_path != self._video_seen.get(task_id):  # its input never changes
            self._video_seen[task_id] = record.video_path
            self._thumb_source.pop(task_id, None)  # looked for again when the row is written
            first = COL_THUMB
        self._track(record)
        self._mark(task_id, first)

    def _track(self, record: TaskRecord) -> None:
        """Whether the row's time columns move (unfinished: its link's expiry with them); which typical
        durations the time left of unfinished tasks needs (asked for at the next tick); when a
        running task was last seen at 0 % (its progress started there); when a task seen waiting
        its turn started its run."""
        task_id, state = record.id, record.state
        terminal = state in TERMINAL_STATES
        if not terminal:
            self._live.add(task_id)
        else:
            self._live.discard(task_id)
        if self.expires_in(record) is None:
            self._expiring.discard(task_id)
        else:
            self._expiring.add(task_id)
        key = (record.connection, record.model)
        if not terminal:
            if state is RUNNING and not record.progress:
                self._still_at[task_id] = time.time()
            if self._waiting(record):
                self._started[task_id] = None
            elif state is RUNNING and task_id in self._started and self._started[task_id] is None:
                self._started[task_id] = time.time()
            if key not in self._typical:
                self._wanted.add(key)
            return
        self._still_at.pop(task_id, None)
        self._started.pop(task_id, None)
        if state is SUCCEEDED and key in self._typical and self._typical[key] is None:
            # the first of its kind to finish: the history the others' time left needs may be there now
            del self._typical[key]
            self._wanted.add(key)

    def _remove(self, task_id: str) -> None:
        row = self._rows.get(task_id)
        if row is None:
            return
        del self._ids[row]
        del self._rows[task_id]
        self._records.pop(task_id, None)
        self._thumb_source.pop(task_id, None)
        self._video_seen.pop(task_id, None)
        self._live.discard(task_id)
        self._expiring.discard(task_id)
        self._dirty.pop(task_id, None)
        self._held.pop(task_id, None)
        self._still_at.pop(task_id, None)
        self._started.pop(task_id, None)
        for later in self._ids[row:]:
            self._rows[later] -= 1
        self.removeRows(row, 1)

    # -- writing cells ---------------------------------------------------------------------------
    def _mark(self, task_id: str, first: int) -> None:
        marked = self._dirty.get(task_id)
        if marked is None or first < marked:
            self._dirty[task_id] = first

    def _write_soon(self) -> None:
        """Write within WRITE_EVERY_MS: the events of many callbacks (1,000 tasks created one
        after another) are inserted and written once, and the table repaints once for them."""
        if (self._dirty or self._incoming) and self._attached and not self._writer.isActive():
            self._writer.start(WRITE_EVERY_MS)

    def _write_turn(self) -> None:
        self.write_pending(ROWS_PER_TURN)

    def write_pending(self, most_rows: int | None = None) -> None:
        """Write the pending rows on screen (at most ``most_rows`` of them: the others a frame
        later); the rows off screen only while a sort needs them (write_all), at most WRITE_BUDGET
        a turn. A row off screen is written when it comes into view.

        The writer's turns write a few rows each: a batch's first screenful written at once was
        ~5 ms and its repaint right after ~7 ms, one stretch of the window's thread that a busy
        machine made longer than a frame. Scrolling writes all it shows (no blank rows)."""
        if not self._attached:
            return
        self.insert_pending(INSERT_PER_WRITE)  # 1,000 rows at once: ~10 ms, and as long to lay out
        if self._incoming:
            self._writer.start(WRITE_EVERY_MS)
        before, self._seen = self._seen, set()
        written, more = 0, False
        for row in self._shown():
            task_id = self._ids[row]
            if task_id in self._dirty:
                first, last = self._dirty[task_id], COLUMN_COUNT - 1
            elif task_id not in before and task_id in self._live:
                first, last = COL_ELAPSED, COL_EXPIRES  # its times were written before it left view
            else:
                self._seen.add(task_id)
                continue
            if most_rows is not None and written == most_rows:
                more = True  # not seen yet: written as a row that came into view, in a frame
                continue
            self._dirty.pop(task_id, None)
            self._seen.add(task_id)
            self._write(row, first, last)
            written += 1
        if more:
            self._writer.start(FRAME_MS)  # the screen first: rows off screen wait for it
            return
        if not self.write_all or not self._dirty:
            return
        deadline = time.perf_counter() + WRITE_BUDGET
        for task_id in list(self._dirty):
            if time.perf_counter() > deadline:
                self._writer.start(WRITE_EVERY_MS)
                return
            self._write(self._rows[task_id], self._dirty.pop(task_id))

    def _shown(self) -> list[int]:
        if self.visible_rows is None:
            return []
        return [row for row in self.visible_rows() if 0 <= row < len(self._ids)]

    def refresh_clock(self) -> None:
        """Once a second: the time cells of the unfinished rows on screen, written as any change
        is, ROWS_PER_TURN rows a turn (a screenful at once, on top of the writer's own rows in
        the same turn, was one of the window's longest stretches under load)."""
        for row in self._shown():
            task_id = self._ids[row]
            if task_id in self._live:
                self._mark(task_id, COL_ELAPSED)
        if self._dirty:
            self._writer.stop()
            self._write_turn()

    def settle(self) -> None:
        """Insert and write every pending row now (a sort about to look at every row)."""
        self.insert_pending()
        while self._dirty:
            task_id, first = self._dirty.popitem()
            self._write(self._rows[task_id], first)
        self._writer.stop()

    def sort_by(self, column: int) -> None:
        """The view sorts by ``column`` (-1: the model's own order, newest first). Only that
        column's cells carry a sort key, and a sort reads every row: from now on every row is
        written, not only those on screen; the keys are written now (times move with the clock)."""
        self.sort_column = column
        self.write_all = column >= 0
        if column < 0:
            return
        self.settle()
        blocked = self.blockSignals(True)  # the sort about to run reads them all
        try:
            for row, task_id in enumerate(self._ids):
                key = self._sort_key(self._records[task_id], column)
                self.setData(self.index(row, column), key, SortRole)
        finally:
            self.blockSignals(blocked)

    def _write(self, row: int, first: int, last: int = COLUMN_COUNT - 1) -> None:
        """One row's cells from ``first`` to ``last`` that differ from what they hold, then one
        ``dataChanged`` over those: a task polled again with nothing new to show repaints nothing."""
        task_id = self._ids[row]
        record = self._records[task_id]
        held = self._held.setdefault(task_id, [None] * COLUMN_COUNT)
        changed: list[int] = []
        blocked = self.blockSignals(True)
        try:
            for column in range(first, last + 1):
                cell = self._cell(record, column)
                if cell != held[column]:
                    self.setItemData(self.index(row, column), cell)
                    held[column] = cell
                    changed.append(column)
        finally:
            self.blockSignals(blocked)
        if changed:
            self.dataChanged.emit(self.index(row, changed[0]), self.index(row, changed[-1]))

    def _cell(self, record: TaskRecord, column: int) -> dict[int, Any]:
        roles: dict[int, Any] = {DISPLAY: self._display(record, column)}
        if column == self.sort_column:
            roles[SortRole] = self._sort_key(record, column)
        if column in (COL_THUMB, COL_PROMPT, COL_STATE, COL_COST, COL_ERROR):
            roles[TOOLTIP] = self._tooltip(record, column)
        if column == COL_PROMPT:
            roles[DetailRole] = details(record)
        elif column == COL_THUMB:
            source = self._thumb_source.get(record.id)
            if source is None:
                source = self._thumb_source[record.id] = self._source_of(record)
            icon = self.thumbnails.icon(source) if source and self.thumbnails is not None else None
            if icon is None and source == record.video_path:
                # the video's thumbnail is being made: the row keeps the picture it shows (its
                # input's) until then, not a blank (``_on_thumbnail`` writes it again when ready)
                held = self._held.get(record.id)
                shown = held[COL_THUMB] if held else None
                icon = shown.get(DECORATION) if shown else None
            roles[DECORATION] = icon
            roles[TaskIdRole] = record.id
        elif column in (COL_STATE, COL_ERROR):
            roles[FOREGROUND] = self._foreground(record)
            if column == COL_STATE:
                progress = self._progress(record)
                roles[ProgressRole] = progress
                roles[BACKGROUND] = self.bar_brush(progress)
                roles[ALIGNMENT] = CENTRED
        return roles

    @staticmethod
    def _source_of(record: TaskRecord) -> str:
        if record.video_path and Path(record.video_path).exists():
            return record.video_path
        image = record.request.image or (record.request.ref_images[0] if record.request.ref_images else None)
        if image and not image.startswith(("http://", "https://", "data:")) and Path(image).exists():
            return image
        return ""

    def _on_thumbnail(self, path: str) -> None:
        marked = False
        for task_id, source in self._thumb_source.items():
            if source == path:
                self._mark(task_id, COL_THUMB)
                marked = True
        if marked:
            self._write_soon()

    def _tick(self) -> None:
        """Once a second: the time cells (elapsed, ETA, link expiry) of the unfinished rows on
        screen, and the typical durations their ETAs need (asked for once per connection and
        model, not looked for among every live task at every tick)."""
        if not self._live:
            return
        for key in self._wanted:
            if key not in self._typical:
                self._typical[key] = None
                spawn(self._fetch_typical(key), name="typical-duration")
        self._wanted.clear()
        self.refresh_clock()

    async def _fetch_typical(self, key: tuple[str, str]) -> None:
        self._typical[key] = await self.engine.journal.typical_duration(*key)

    # -- pausing ---------------------------------------------------------------------------------
    def set_paused(self, connection: str, paused: bool) -> None:
        (self.paused.add if paused else self.paused.discard)(connection)
        for task_id in self._ids:
            if self._records[task_id].connection == connection:
                self._mark(task_id, COL_STATE)
        self._write_soon()

    # -- lookups ---------------------------------------------------------------------------------
    def record_at(self, row: int) -> TaskRecord:
        return self._records[self._ids[row]]

    def row_of(self, task_id: str) -> int | None:
        return self._rows.get(task_id)

    def task_ids(self) -> list[str]:
        return list(self._ids)

    def search_text(self, row: int) -> str:
        """What the filter box looks in: prompt, model, connection, seed…, state, problem."""
        record = self.record_at(row)
        shown = (self._display(record, column) or "" for column in (COL_PROMPT, COL_STATE, COL_ERROR))
        return " ".join((details(record), record.model, *shown))

    # -- Qt model --------------------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Input"),
            self.tr("Prompt"),
            self.tr("State"),
            self.tr("Cost"),
            self.tr("Elapsed"),
            self.tr("Time left"),
            self.tr("Link expires"),
            self.tr("Problem"),
        ][section]

    @staticmethod
    def _foreground(record: TaskRecord) -> QColor | None:
        if record.state in (TaskState.FAILED, TaskState.EXPIRED, TaskState.UNKNOWN):
            return colour("error")
        if record.state is TaskState.CANCELLED:
            return colour("muted")
        return None

    def _display(self, record: TaskRecord, column: int) -> str | None:
        if column == COL_PROMPT:
            text = record.request.prompt.replace("\n", " ").strip()
            return text or self.tr("(no prompt)")
        if column == COL_STATE:
            return self._state_text(record)
        if column == COL_COST:
            return cost_cell(record)
        if column == COL_ELAPSED:
            return fmt_duration(self.elapsed(record))
        if column == COL_ETA:  # from the provider's percentage, or an estimate from past tasks
            eta = self.eta(record)
            if eta is None:
                return ""
            shown = fmt_duration(max(1, math.ceil(eta)))  # a countdown: "0:01" until it is done
            moving = record.state is TaskState.RUNNING and bool(record.progress and record.progress > 0.02)
            return shown if moving else self.tr("about %1").replace("%1", shown)
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

    @staticmethod
    def _waiting(record: TaskRecord) -> bool:
        """Submitted, not started yet: in the provider's queue (or behind others at the offline
        renderer), not generating."""
        return record.state is TaskState.RUNNING and record.remote_status == "queued" and not record.progress

    def _state_text(self, record: TaskRecord) -> str:
        if self._waiting(record):
            text = self.tr("Waiting its turn")
        else:
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
            lines.append(details(record))  # whole, where a narrow column cuts it
            return "\n".join(lines)
        if column == COL_STATE:
            lines = [state_name(record.state)]
            if record.remote_id:
                lines.append(self.tr("Remote id: %1").replace("%1", record.remote_id))
            if record.remote_status:
                lines.append(self.tr("Provider status: %1").replace("%1", record.remote_status))
            lines.append(cost_text(record.estimate, record.charge))
            if record.balance:
                lines.append(balance_text(record.balance))
            return "\n".join(lines)
        if column == COL_COST:
            return cost_tooltip(record)
        if column == COL_ERROR and (record.error_kind or record.error_message):
            parts = [error_advice(record.error_kind), record.error_message or ""]
            if record.error_code:
                parts.append(self.tr("Code: %1").replace("%1", record.error_code))
            return "\n".join(p for p in parts if p)
        return None

    # -- the state column's bar ------------------------------------------------------------------
    def set_bar_look(self, width: int, colour: QColor) -> None:
        """The state column is ``width`` px wide, bars are ``colour``: the bars on screen are
        drawn again (the others as they come into view)."""
        if width == self.bar_width and colour == self._bar_colour and self._stripes is not None:
            return
        if colour != self._bar_colour or self._stripes is None:
            # a tile, whatever the width; made here (~1.5 ms) rather than at the first write
            self._bar_colour = QColor(colour)
            self._stripes = self._striped()
        self.bar_width = max(1, width)
        self._bars.clear()
        for task_id in self._ids:
            if task_id not in self._dirty and self._records[task_id].state.active:
                self._dirty[task_id] = COL_STATE
        self._write_soon()

    def bar_brush(self, progress: float | None) -> QBrush | None:
        """The state cell's background: the column filled to ``progress`` from the left, striped
        where the progress is not known (None), none for a task that is not under way (NO_BAR).
        Qt's delegate fills it with its origin at the cell's corner: no Python runs to paint."""
        if progress == NO_BAR:
            return None
        if progress is None:
            if self._stripes is None:
                self._stripes = self._striped()
            return self._stripes
        filled = round(self.bar_width * min(max(progress, 0.0), 1.0))
        brush = self._bars.get(filled)
        if brush is None:
            brush = self._bars[filled] = self._filled_to(filled)
        return brush

    def _fill(self) -> QColor:
        colour = QColor(self._bar_colour)
        colour.setAlpha(BAR_ALPHA)
        return colour

    def _filled_to(self, filled: int) -> QBrush:
        if filled <= 0:
            return QBrush(Qt.BrushStyle.NoBrush)
        if filled >= self.bar_width:
            return QBrush(self._fill())
        edge = filled / self.bar_width  # a hard edge: the colour up to it, nothing after
        gradient = QLinearGradient(0, 0, self.bar_width, 0)
        fill, clear = self._fill(), QColor(Qt.GlobalColor.transparent)
        gradient.setStops([(0.0, fill), (edge, fill), (min(edge + 1 / 4096, 1.0), clear), (1.0, clear)])
        return QBrush(gradient)

    def _striped(self) -> QBrush:
        tile = QPixmap(STRIPE, STRIPE)
        tile.fill(Qt.GlobalColor.transparent)
        colour = self._fill()
        colour.setAlpha(BAR_ALPHA * 2 // 3)
        painter = QPainter(tile)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, STRIPE / 3))
        for start in (-STRIPE, 0, STRIPE):  # 45° stripes that meet across tiles
            painter.drawLine(start, STRIPE, start + STRIPE, 0)
        painter.end()
        return QBrush(tile)

    def _progress(self, record: TaskRecord) -> float | None:
        if not record.state.active or self._waiting(record):
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
        """Seconds left: from the pace of the provider's percentage, else from this connection's
        past durations of the model (a task not started yet: a whole typical run, however long it
        has waited); None where nothing can be told."""
        if record.state not in (
            TaskState.RUNNING,
            TaskState.SUBMITTING,
            TaskState.QUEUED,
            TaskState.UPLOADING,
        ):
            return None
        if record.state is TaskState.RUNNING and record.progress and record.progress > 0.02:
            # at the pace since it left 0 %: the wait before (its turn at the offline renderer, the
            # provider's queue) says nothing about how fast it goes now
            moving = time.time() - self._still_at.get(record.id, record.submitted_at or record.created_at)
            return moving * (1 - record.progress) / record.progress
        typical = self._typical.get((record.connection, record.model))
        if not typical:
            return None
        if record.state is not TaskState.RUNNING or self._waiting(record):
            return typical  # its run, once it starts; how long it waits for its turn is not known
        started = self._started.get(record.id) or record.submitted_at or record.created_at
        # past the typical duration (a slow run): no time left we can tell
        left = typical - (time.time() - started)
        return left if left > 0 else None

    @staticmethod
    def expires_in(record: TaskRecord) -> float | None:
        """Seconds until the result's link expires, only where that matters: a link known and
        the video not downloaded yet (a finished or failed task has nothing left to fetch)."""
        if not record.result_expires_at or not record.result_url or record.state.terminal:
            return None
        return record.result_expires_at - time.time()

    def _sort_key(self, record: TaskRecord, column: int) -> Any:
        if column == COL_PROMPT:
            return record.request.prompt.lower()
        if column == COL_COST:
            return cost_key(record)
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
