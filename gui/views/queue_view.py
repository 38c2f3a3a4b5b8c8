"""The queue: every task with a thumbnail one can recognise, its prompt and what tells it apart
from its copies, its state, cost and times; actions on the selected rows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.tasks.journal import TaskRecord, TaskState
from gui.models.task_model import (
    COL_COST,
    COL_ELAPSED,
    COL_ERROR,
    COL_ETA,
    COL_EXPIRES,
    COL_PROMPT,
    COL_STATE,
    COL_THUMB,
    SortRole,
    TaskModel,
)
from gui.spawn import spawn
from gui.texts import connection_label
from gui.views.queue_table import QueueTable, TaskCell, ThumbCell
from gui.views.task_dialogs import LogDialog, ResolveDialog

if TYPE_CHECKING:
    from core.tasks.engine import Engine

FILTER_ALL, FILTER_ACTIVE, FILTER_DONE, FILTER_PROBLEMS = range(4)
# Column widths as the table opens (the prompt takes the rest); on a narrow table the FITTED ones
# give up room, down to LEAST_WIDTH (their titles elided), so the prompt keeps PROMPT_SHARE of it.
WIDTHS = {COL_THUMB: 184, COL_STATE: 140, COL_COST: 84, COL_ELAPSED: 58, COL_ETA: 88}
WIDTHS.update({COL_EXPIRES: 100, COL_ERROR: 150})
FITTED = {column: WIDTHS[column] for column in (COL_COST, COL_EXPIRES, COL_ERROR)}
LEAST_WIDTH = 64
PROMPT_SHARE = 0.25
THUMB = QSize(170, 96)  # a 16:9 picture 96 px tall (a portrait one as tall, narrower)
ROW_HEIGHT = THUMB.height() + 12
PROBLEM_STATES = {TaskState.FAILED.value, TaskState.EXPIRED.value, TaskState.UNKNOWN.value}


class TaskFilter(QSortFilterProxyModel):
    """A text filter (prompt, connection, model, state, problem) plus a state group, both read
    from the tasks themselves, so a row is placed right even before its cells are written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = FILTER_ALL
        self.needle = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def task_model(self) -> TaskModel:
        model = self.sourceModel()
        assert isinstance(model, TaskModel)
        return model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # Newest first is the task model's own row order: the default sort costs nothing. Through a
        # sorting proxy every new row is a binary search (1,000 tasks created at once held the UI
        # thread for 0.85 s when that was Python calls); other orders sort as asked.
        model = self.task_model()
        if column == COL_THUMB and order == Qt.SortOrder.DescendingOrder:
            model.sort_by(-1)  # rows off screen are written when they come into view
            super().sort(-1, Qt.SortOrder.AscendingOrder)  # -1 with "descending" would reverse rows
            return
        model.sort_by(column)
        super().sort(column, order)

    def set_group(self, group: int) -> None:
        self.beginFilterChange()
        self.group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.task_model().write_pending()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.task_model().write_pending()  # rows the filter brings into view

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.group == FILTER_ALL and not self.needle:  # each row a batch adds comes here
            return True
        model = self.task_model()
        if self.group != FILTER_ALL:
            state = model.record_at(row).state
            if self.group == FILTER_ACTIVE and state.terminal:
                return False
            if self.group == FILTER_DONE and state is not TaskState.SUCCEEDED:
                return False
            if self.group == FILTER_PROBLEMS and state.value not in PROBLEM_STATES:
                return False
        return not self.needle or self.needle in model.search_text(row).casefold()


class QueueView(QWidget):
    play_requested = Signal(str)  # a video file
    message = Signal(str)  # a short note for the status bar

    def __init__(self, engine: Engine, model: TaskModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.model = model
        self.proxy = TaskFilter(self)
        self.proxy.setSourceModel(model)
        self._dialogs: list[QWidget] = []
        self._build()
        self._build_actions()
        self._update_actions()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by prompt, model, connection, seed or state…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter tasks"))
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.group_combo = QComboBox(self)
        self.group_combo.setAccessibleName(self.tr("Show tasks"))
        for text in (
            self.tr("All tasks"),
            self.tr("Unfinished"),
            self.tr("Done"),
            self.tr("Needs attention"),
        ):
            self.group_combo.addItem(text)
        self.group_combo.currentIndexChanged.connect(self.proxy.set_group)
        self.lanes_button = QToolButton(self)
        self.lanes_button.setText(self.tr("Pause…"))
        self.lanes_button.setToolTip(self.tr("Pause or resume a connection's queue"))
        self.lanes_button.setAccessibleName(self.tr("Pause or resume connections"))
        self.lanes_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.lanes_menu = QMenu(self.lanes_button)
        self.lanes_menu.aboutToShow.connect(self._fill_lanes_menu)
        self.lanes_button.setMenu(self.lanes_menu)

        self.table = QueueTable(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Task queue"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_THUMB, Qt.SortOrder.DescendingOrder)
        self.table.setIconSize(THUMB)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.task_cell = TaskCell(self.table)  # the prompt on two lines and what tells the task apart
        self.table.setItemDelegateForColumn(COL_PROMPT, self.task_cell)
        self.thumb_cell = ThumbCell(self.table)  # a placeholder where a task has no picture yet
        self.table.setItemDelegateForColumn(COL_THUMB, self.thumb_cell)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Always there: the first rows past the bottom do not resize and re-lay out the table
        # (and its columns do not jump) in the middle of a batch.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Kept: the first viewport() call costs ~20 ms (PySide builds the enum types it needs),
        # better here, while the window opens, than at the first task's first write.
        self.viewport = self.table.viewport()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._activated)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(48)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrow column's title: "Connec…"
        header.setSectionResizeMode(COL_PROMPT, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        self._fitting = False
        self._user_sized = False  # the user set a column's width: it is left as they set it
        header.sectionResized.connect(self._section_resized)
        self.table.resized = self._fit_columns
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.tasks_changed.connect(self._data_changed)
        # "Link expires" only while a task has a link to fetch: an empty column otherwise
        self.table.setColumnHidden(COL_EXPIRES, not self.model.has_expiring_links())
        self.model.links_expiring.connect(self._show_expiry)
        header.sectionResized.connect(self._bar_look)
        self._bar_look()
        self.model.visible_rows = self._visible_rows
        self.table.verticalScrollBar().valueChanged.connect(self.model.write_pending)
        self.proxy.layoutChanged.connect(self.model.write_pending)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.group_combo)
        bar.addWidget(self.lanes_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def _build_actions(self) -> None:
        def action(
            text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: object
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setShortcutVisibleInContextMenu(True)  # the row menu teaches the keys
            act.triggered.connect(slot)
            self.table.addAction(act)
            return act

        self.play_action = action(self.tr("&Play"), "Return", self.play_selected)
        self.open_action = action(self.tr("&Open in system player"), "Ctrl+O", self.open_selected)
        self.folder_action = action(self.tr("Show in &folder"), "Ctrl+Shift+O", self.show_in_folder)
        self.cancel_action = action(self.tr("&Cancel"), "Ctrl+Shift+X", self.cancel_selected)
        self.retry_action = action(self.tr("&Retry"), "Ctrl+R", self.retry_selected)
        self.remove_action = action(
            self.tr("Re&move from list"), QKeySequence.StandardKey.Delete, self.remove_selected
        )
        self.copy_id_action = action(self.tr("Copy remote &id"), "Ctrl+Shift+C", self.copy_remote_ids)
        self.log_action = action(self.tr("Show request/response &log"), "Ctrl+L", self.show_log)
        self.resolve_action = action(
            self.tr("Decide about unknown &submit…"), "Ctrl+U", self.resolve_selected
        )
        # The row menu from the keyboard: the context-menu key is Qt's own (the platform sends a
        # context-menu event over the current row); Shift+F10, where a keyboard has no such key, is ours.
        self.menu_action = action(self.tr("Task menu"), "Shift+F10", self._keyboard_menu)

    # -- selection -------------------------------------------------------------------------------
    def selected_records(self) -> list[TaskRecord]:
        rows = sorted({self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.record_at(r) for r in rows]

    def select_task(self, task_id: str) -> None:
        self.model.insert_pending()  # a task created a moment ago gets its row now
        row = self.model.row_of(task_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _visible_rows(self) -> list[int]:
        """The task model's rows the table shows now, top to bottom."""
        first = self.table.rowAt(0)
        if first < 0:
            return []
        last = self.table.rowAt(self.viewport.height() - 1)
        if last < 0:
            last = self.proxy.rowCount() - 1
        return [self.proxy.mapToSource(self.proxy.index(row, 0)).row() for row in range(first, last + 1)]

    def _data_changed(self) -> None:
        # With nothing selected a task's change cannot change what the actions allow (1,000 tasks
        # starting at once are thousands of changes a second).
        if self.table.selectionModel().hasSelection():
            self._update_actions()

    def _update_actions(self, *_args: object) -> None:
        records = self.selected_records()
        has_video = any(r.video_path for r in records)
        self.play_action.setEnabled(has_video)
        self.open_action.setEnabled(has_video)
        self.folder_action.setEnabled(has_video)
        self.cancel_action.setEnabled(any(not r.state.terminal for r in records))
        self.retry_action.setEnabled(any(r.state.terminal for r in records))
        self.remove_action.setEnabled(bool(records))
        self.copy_id_action.setEnabled(any(r.remote_id for r in records))
        self.log_action.setEnabled(len(records) == 1)
        self.resolve_action.setEnabled(len(records) == 1 and records[0].state is TaskState.UNKNOWN)

    def _keyboard_menu(self) -> None:
        """The row menu over the row the keyboard is on (or the table's top left without one)."""
        current = self.table.currentIndex()
        row = self.table.visualRect(current) if current.isValid() else QRect()
        if not row.isValid() or not self.viewport.rect().intersects(row):
            row = QRect(0, 0, 1, 1)
        self._context_menu(QPoint(self.viewport.width() // 4, row.center().y()))

    def _context_menu(self, pos: QPoint) -> None:
        self._update_actions()
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for act in (self.play_action, self.open_action, self.folder_action, None, self.cancel_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        for act in (self.retry_action, self.resolve_action, None, self.copy_id_action, self.log_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.addSeparator()
        menu.addAction(self.remove_action)
        menu.popup(self.viewport.mapToGlobal(pos))

    def _fit_columns(self) -> None:
        """On a narrow table (a small screen) the prompt keeps about a quarter of the width: the
        columns read least give up room first, down to LEAST_WIDTH; the state's bars and the
        times keep theirs. Stops once the user has sized a column."""
        if self._user_sized:
            return
        width = self.table.viewport().width()
        fixed = sum(w for column, w in WIDTHS.items() if column not in FITTED)
        fitted = {column: w for column, w in FITTED.items() if not self.table.isColumnHidden(column)}
        room = width - fixed - width * PROMPT_SHARE
        spare = sum(fitted.values()) - len(fitted) * LEAST_WIDTH
        share = min(1.0, max(0.0, (room - len(fitted) * LEAST_WIDTH) / spare))
        self._fitting = True
        try:
            for column, default in fitted.items():
                self.table.setColumnWidth(column, round(LEAST_WIDTH + (default - LEAST_WIDTH) * share))
        finally:
            self._fitting = False

    def _show_expiry(self, expiring: bool) -> None:
        self._fitting = True  # shown or hidden by the queue, not sized by the user
        try:
            self.table.setColumnHidden(COL_EXPIRES, not expiring)
        finally:
            self._fitting = False
        self._fit_columns()

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column != COL_PROMPT and self.table.isVisible():
            self._user_sized = True

    def _bar_look(self, *_args: object) -> None:
        """The state column's bars are drawn to its width, in the palette's highlight colour."""
        self.model.set_bar_look(self.table.columnWidth(COL_STATE), self.table.palette().highlight().color())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._bar_look()
        super().changeEvent(event)

    def _fill_lanes_menu(self) -> None:
        self.lanes_menu.clear()
        for name in self.engine.connections:
            act = self.lanes_menu.addAction(self.tr("Pause “%1”").replace("%1", connection_label(name)))
            act.setCheckable(True)
            act.setChecked(name in self.model.paused)
            act.toggled.connect(lambda checked, n=name: self.set_paused(n, checked))

    # -- actions ---------------------------------------------------------------------------------
    def set_paused(self, connection: str, paused: bool) -> None:
        if paused:
            self.engine.pause(connection)
        else:
            self.engine.unpause(connection)
        self.model.set_paused(connection, paused)

    def _activated(self, index: QModelIndex) -> None:
        record = self.model.record_at(self.proxy.mapToSource(index).row())
        if record.video_path:
            self.play_requested.emit(record.video_path)
        elif record.state is TaskState.UNKNOWN:
            self.resolve(record)

    def play_selected(self) -> None:
        for record in self.selected_records():
            if record.video_path:
                self.play_requested.emit(record.video_path)
                return

    def open_selected(self) -> None:
        for record in self.selected_records():
            if record.video_path:
                QDesktopServices.openUrl(QUrl.fromLocalFile(record.video_path))

    def show_in_folder(self) -> None:
        folders = {str(Path(r.video_path).parent) for r in self.selected_records() if r.video_path}
        for folder in folders:
            QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def cancel_selected(self) -> None:
        for record in self.selected_records():
            if not record.state.terminal:
                spawn(self.engine.cancel(record.id), name="cancel")

    def retry_selected(self) -> None:
        for record in self.selected_records():
            if record.state.terminal:
                spawn(self.engine.retry(record.id), name="retry")

    def remove_selected(self) -> None:
        records = self.selected_records()
        if not records:
            return
        running = [r for r in records if not r.state.terminal and r.state is not TaskState.UNKNOWN]
        if not running:
            self._remove(records)
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove tasks"),
            self.tr("%1 of these tasks are still running. Cancel and remove them?").replace(
                "%1", str(len(running))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.accepted.connect(lambda: self._remove(records))
        self._keep(box)
        box.open()

    def _remove(self, records: list[TaskRecord]) -> None:
        for record in records:
            spawn(self.engine.remove(record.id), name="remove")

    def copy_remote_ids(self) -> None:
        ids = [r.remote_id for r in self.selected_records() if r.remote_id]
        if ids:
            QGuiApplication.clipboard().setText("\n".join(ids))
            self.message.emit(self.tr("Copied %n remote id(s)", "", len(ids)))

    def show_log(self) -> LogDialog | None:
        records = self.selected_records()
        if len(records) != 1:
            return None
        dialog = LogDialog(self.engine, records[0], self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def resolve_selected(self) -> ResolveDialog | None:
        records = self.selected_records()
        if len(records) == 1 and records[0].state is TaskState.UNKNOWN:
            return self.resolve(records[0])
        return None

    def resolve(self, record: TaskRecord) -> ResolveDialog:
        dialog = ResolveDialog(record, self)
        dialog.decided.connect(lambda decision, remote_id: self._resolved(record.id, decision, remote_id))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _resolved(self, task_id: str, decision: str, remote_id: str) -> None:
        if decision == ResolveDialog.USE_ID:
            spawn(self.engine.resolve_unknown(task_id, remote_id=remote_id), name="resolve")
        elif decision == ResolveDialog.RESUBMIT:
            spawn(self.engine.resolve_unknown(task_id, resubmit=True), name="resolve")
        else:
            spawn(self.engine.resolve_unknown(task_id), name="resolve")

    def _keep(self, widget: QWidget) -> None:
        self._dialogs.append(widget)
        widget.finished.connect(lambda *_: self._dialogs.remove(widget) if widget in self._dialogs else None)  # type: ignore[attr-defined]
