"""The library: downloaded videos as a grid or a list, with search, filters and favourites.

From a video: play it, reuse its settings in the generate form, or continue from its last frame
(extracted off the UI thread) as the first frame of a new task linked to it; rename it, reveal it
in the file manager, drag it into another app, or move it to the library's trash, whose items can
be restored or deleted for good (the state filter's "Trash" shows them). A video made here and not
played yet is new: bold, and listed by the state filter's "New". Copies and variations of one
prompt are one tile that opens (a bar above says which, with a way back). A details pane beside
the grid says how the selected video was made; whether it shows is remembered.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.library import VIDEO_SUFFIXES
from core.media import pool
from core.media.frames import save_last_frame
from core.tasks.journal import TaskRecord
from gui.models.library_model import ALL, FAVOURITES, NEW, TRASH, LibraryFilter, LibraryModel
from gui.reveal import reveal
from gui.spawn import spawn
from gui.texts import connection_label, error_message
from gui.thumbnails import ScrubStrips
from gui.views.library_details import DetailsPane
from gui.views.library_group import GroupBar
from gui.views.library_tiles import GRID, ICON, LibraryList
from gui.views.library_trash import TrashDeletion

__all__ = ["GRID", "ICON", "LibraryView"]
DETAILS_KEY = "library/details"  # whether the details pane shows (ui-state.ini)


class LibraryView(QWidget):
    play_requested = Signal(str)
    reuse_requested = Signal(str, object, str)  # connection, GenerationRequest, the task's id
    continue_requested = Signal(str, str)  # last-frame image, parent task id
    message = Signal(str)
    new_count_changed = Signal(int)  # how many videos are new (not played yet)

    def __init__(
        self,
        model: LibraryModel,
        frames_dir: Path,
        parent: QWidget | None = None,
        *,
        strips: ScrubStrips | None = None,
        ui_state: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.frames_dir = frames_dir
        self.strips = strips  # the pictures a tile scrubs through (none: tiles do not scrub)
        self.ui_state = ui_state
        self.trash = TrashDeletion(model, [model.thumbnails, strips], self)
        self.trash.message.connect(self.message)
        self.story_actions: list[QAction] = []  # family, chain, compare, join (gui/views/story.py)
        self._new_shown = 0
        self._build()
        self._build_actions()
        self._fill_facets()
        self._show_count()
        model.facets_changed.connect(self._fill_facets)
        model.rowsInserted.connect(self._show_count)
        model.rowsRemoved.connect(self._show_count)
        model.modelReset.connect(self._show_count)
        model.watched.connect(self._show_count)
        model.modelReset.connect(self._show_group)
        model.modelReset.connect(self._show_details)
        model.dataChanged.connect(self._show_details)
        self.view.selectionModel().selectionChanged.connect(self._show_details)
        self._show_group()

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search prompts…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        self.connection_filter = QComboBox(self)
        self.connection_filter.setAccessibleName(self.tr("Filter by connection"))
        self.model_filter = QComboBox(self)
        self.model_filter.setAccessibleName(self.tr("Filter by model"))
        self.when_filter = QComboBox(self)
        self.when_filter.setAccessibleName(self.tr("Filter by date"))
        for text, days in (
            (self.tr("Any time"), 0),
            (self.tr("Today"), 1),
            (self.tr("Last 7 days"), 7),
            (self.tr("Last 30 days"), 30),
        ):
            self.when_filter.addItem(text, days)
        self.state_filter = QComboBox(self)
        self.state_filter.setAccessibleName(self.tr("Filter by state"))
        self.state_filter.setToolTip(
            self.tr("New: made here, not played yet. Trash: videos moved to the trash, to restore them")
        )
        for text, state in (
            (self.tr("All videos"), ALL),
            (self.tr("New"), NEW),
            (self.tr("★ Favourites"), FAVOURITES),
            (self.tr("Trash"), TRASH),
        ):
            self.state_filter.addItem(text, state)
        self.import_button = QToolButton(self)
        self.import_button.setText(self.tr("&Import…"))
        self.import_button.setToolTip(
            self.tr("Add videos made elsewhere, or re-index a folder (with the settings they were made with)")
        )
        self.import_button.setAccessibleName(self.tr("Import videos"))
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        import_menu = QMenu(self.import_button)
        import_menu.addAction(self.tr("Import &videos…"), self.choose_videos)
        import_menu.addAction(self.tr("Re-index a &folder…"), self.choose_folder)
        self.import_button.setMenu(import_menu)
        self.mode_button = QToolButton(self)
        self.mode_button.setCheckable(True)
        self.mode_button.setText(self.tr("Li&st"))
        self.mode_button.setToolTip(self.tr("Show as a list instead of a grid"))
        self.mode_button.setAccessibleName(self.tr("Show as a list"))
        self.count_label = QLabel(self)
        self.empty_trash_button = QToolButton(self)
        self.empty_trash_button.setText(self.tr("&Empty trash…"))
        self.empty_trash_button.setToolTip(self.tr("Delete every video in the trash permanently"))
        self.empty_trash_button.clicked.connect(self.empty_trash)
        self.details_button = QToolButton(self)
        self.details_button.setCheckable(True)
        self.details_button.setText(self.tr("De&tails"))
        self.details_button.setToolTip(self.tr("Show how the selected video was made (Ctrl+I)"))
        self.details_button.setAccessibleName(self.tr("Show details"))
        self.view = LibraryList(self, self.strips)
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Video library"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(60)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._activated)
        self._set_grid(True)
        self.details = DetailsPane(self.model.title_of, self)
        self.group_bar = GroupBar(self.model, self.view, self)
        self.back_button, self.group_label = self.group_bar.back_button, self.group_bar.label

        self.search.textChanged.connect(self._filter_changed)
        self.connection_filter.currentIndexChanged.connect(self._filter_changed)
        self.model_filter.currentIndexChanged.connect(self._filter_changed)
        self.when_filter.currentIndexChanged.connect(self._filter_changed)
        self.state_filter.currentIndexChanged.connect(self._filter_changed)
        self.mode_button.toggled.connect(lambda as_list: self._set_grid(not as_list))

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.connection_filter)
        bar.addWidget(self.model_filter)
        bar.addWidget(self.when_filter)
        bar.addWidget(self.state_filter)
        bar.addWidget(self.import_button)
        bar.addWidget(self.mode_button)
        bar.addWidget(self.details_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([3, 1])
        shown = self.ui_state is not None and str(self.ui_state.value(DETAILS_KEY, "false")) == "true"
        self.details.setVisible(shown)
        self.details_button.setChecked(shown)
        self.details_button.toggled.connect(self.show_details_pane)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.empty_trash_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.group_bar)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(foot)

    def _build_actions(self) -> None:
        def action(text: str, shortcut: str, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.view.addAction(act)
            return act

        self.play_action = action(self.tr("&Play"), "Return", self.play_selected)
        self.favourite_action = action(self.tr("Toggle &favourite"), "Ctrl+D", self.toggle_favourite)
        self.reuse_action = action(self.tr("&Reuse settings"), "Ctrl+E", self.reuse_selected)
        self.continue_action = action(
            self.tr("&Last frame → new task"), "Ctrl+Shift+N", self.continue_selected
        )
        self.open_action = action(self.tr("&Open in system player"), "Ctrl+O", self.open_selected)
        self.folder_action = action(self.tr("Show in &folder"), "Ctrl+Shift+O", self.show_in_folder)
        self.save_copy_action = action(self.tr("Save a &copy to…"), "Ctrl+Shift+S", self.save_copy)
        self.rename_action = action(self.tr("Re&name…"), "F2", self.rename_selected)
        self.trash_action = action(self.tr("Move to &trash"), "Delete", self.trash_selected)
        self.restore_action = action(self.tr("Re&store"), "Ctrl+Shift+Z", self.restore_selected)
        self.delete_action = action(self.tr("&Delete permanently…"), "Shift+Delete", self.delete_selected)
        self.open_group_action = action(
            self.tr("Show &each video of the group"), "Ctrl+Down", self.open_selected_group
        )
        self.back_action = action(self.tr("&Back to every video"), "Backspace", self.close_group)
        self.back_action.setShortcuts([QKeySequence("Backspace"), QKeySequence("Alt+Left")])
        # the video menu from the keyboard (the context-menu key is Qt's own), as the queue's
        self.menu_action = action(self.tr("Video menu"), "Shift+F10", self._keyboard_menu)
        self.details_action = QAction(self.tr("Show de&tails"), self)
        self.details_action.setCheckable(True)
        self.details_action.setChecked(self.details_button.isChecked())
        self.details_action.setShortcut(QKeySequence("Ctrl+I"))
        self.details_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.details_action.toggled.connect(self.details_button.setChecked)
        self.details_button.toggled.connect(self.details_action.setChecked)
        self.addAction(self.details_action)

    def _set_grid(self, grid: bool) -> None:
        self.view.set_grid(grid)

    def _fill_facets(self) -> None:
        for combo, values, everything in (
            (self.connection_filter, self.model.connections(), self.tr("All connections")),
            (self.model_filter, self.model.models(), self.tr("All models")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(connection_label(value) if combo is self.connection_filter else value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _filter_changed(self, *_args: object) -> None:
        days = int(self.when_filter.currentData() or 0)
        since = 0.0
        if days:  # today: since midnight; the last N days: since midnight N-1 days ago
            first_day = date.today() - timedelta(days=days - 1)
            since = datetime.combine(first_day, datetime.min.time()).timestamp()
        self.model.set_filter(
            LibraryFilter(
                text=self.search.text().strip(),
                connection=str(self.connection_filter.currentData() or ""),
                model=str(self.model_filter.currentData() or ""),
                state=str(self.state_filter.currentData() or ALL),
                since=since,
                group=self.model.filter.group,  # an opened group stays open, its videos filtered
            )
        )

    def _show_count(self, *_args: object) -> None:
        new = self.model.new_count()
        if new != self._new_shown:
            self._new_shown = new
            self.new_count_changed.emit(new)
        state = self.model.filter.state
        videos = self.model.video_count()
        self.empty_trash_button.setVisible(state == TRASH)
        self.empty_trash_button.setEnabled(self.model.trashed_count() > 0)
        if state == TRASH:
            self.count_label.setText(self.tr("%n video(s) in the trash", "", videos))
        elif state == NEW:
            self.count_label.setText(self.tr("%n new video(s)", "", videos))
        else:
            text = self.tr("%n video(s)", "", videos)
            if new:
                text += " · " + self.tr("%n new", "", new)
            self.count_label.setText(text)

    # -- selection and actions -------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.view.selectionModel().selectedIndexes())

    def selected_records(self) -> list[TaskRecord]:
        """The selected tiles' videos: every video of a stack, each tile's newest first."""
        return [record for row in self.selected_rows() for record in self.model.members_at(row)]

    # -- groups ----------------------------------------------------------------------------------
    def open_selected_group(self) -> bool:
        rows = self.selected_rows()
        return bool(rows) and self.open_group(rows[0])

    def open_group(self, row: int) -> bool:
        """Open the stack at ``row``: its videos one by one, the bar above with a way back."""
        return self.group_bar.enter(row)

    def close_group(self) -> None:
        """Back to every video, the group's tile selected."""
        self.group_bar.leave()

    def _show_group(self) -> None:
        self.back_action.setEnabled(bool(self.model.filter.group))

    # -- details ---------------------------------------------------------------------------------
    def show_details_pane(self, shown: bool) -> None:
        self.details.setVisible(shown)
        if self.ui_state is not None:
            self.ui_state.setValue(DETAILS_KEY, "true" if shown else "false")
        self._show_details()

    def _show_details(self, *_args: object) -> None:
        if not self.details.isVisibleTo(self):
            return
        rows = self.selected_rows()
        self.details.show_records(self.model.members_at(rows[0]) if rows else [])

    def _keyboard_menu(self) -> None:
        """The video menu over the tile the keyboard is on (selected, when nothing is)."""
        current = self.view.currentIndex()
        tile = self.view.visualRect(current)
        if tile.isValid():
            if not self.selected_rows():
                self.view.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self._context_menu(QPoint(tile.center().x(), tile.top() + tile.height() // 4))

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_rows():
            return
        menu = QMenu(self)
        if len(self.model.members_at(self.selected_rows()[0])) > 1:
            menu.addAction(self.open_group_action)
        if self.model.filter.group:
            menu.addAction(self.back_action)
        for act in (self.play_action, self.favourite_action, None, self.reuse_action, self.continue_action):
            menu.addSeparator() if act is None else menu.addAction(act)
        menu.addSeparator()
        menu.addActions(self.story_actions)
        menu.addSeparator()
        menu.addAction(self.open_action)
        menu.addAction(self.folder_action)
        menu.addAction(self.save_copy_action)
        menu.addSeparator()
        menu.addAction(self.rename_action)
        menu.addAction(self.restore_action if self.model.filter.trash else self.trash_action)
        if self.model.filter.trash:
            menu.addAction(self.delete_action)
        menu.addAction(self.details_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        """A double click: a group opens, a video plays."""
        if self.open_group(index.row()):
            return
        record = self.model.record_at(index.row())
        if record.video_path:
            self.play_requested.emit(record.video_path)

    def play_selected(self) -> None:
        """Return: the selected video plays; a group opens."""
        rows = self.selected_rows()
        if rows and self.open_group(rows[0]):
            return
        records = self.selected_records()
        if records and records[0].video_path:
            self.play_requested.emit(records[0].video_path)

    def toggle_favourite(self) -> None:
        for row in self.selected_rows():
            self.model.toggle_favourite(row)

    def reuse_selected(self) -> None:
        records = self.selected_records()
        if records:
            self.reuse_requested.emit(records[0].connection, records[0].request, records[0].id)

    def continue_selected(self) -> asyncio.Task[None] | None:
        records = self.selected_records()
        if not records or not records[0].video_path:
            return None
        return spawn(self._continue(records[0]), name="last-frame")

    async def _continue(self, record: TaskRecord) -> None:
        assert record.video_path is not None
        title = "".join(c for c in self.model.title_of(record)[:40] if c not in '\\/:*?"<>|\n').strip()
        # named after the video, as the first-frame slot shows it (not a task id)
        target = self.frames_dir / f"{title or 'video'} ({record.id[:6]}) {self.tr('last frame')}.png"
        self.message.emit(self.tr("Taking the last frame…"))
        await pool.run(save_last_frame, Path(record.video_path), target)  # decoded off the window
        self.message.emit("")  # taken: the first-frame slot shows it
        self.continue_requested.emit(str(target), record.id)

    def rename_selected(self) -> QInputDialog | None:
        """Ask for a new title for the selected video (not modal to the loop: it opens and returns)."""
        rows = self.selected_rows()
        if not rows:
            return None
        row = rows[0]
        record = self.model.record_at(row)
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename video"))
        dialog.setLabelText(self.tr("Title (empty: the prompt):"))
        dialog.setTextValue(self.model.title_of(record))  # the name it has now, to edit
        dialog.textValueSelected.connect(lambda title: self._rename(record.id, title))
        dialog.open()
        return dialog

    def _rename(self, task_id: str, title: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.record_at(row).id == task_id:
                self.model.rename(row, title)
                return

    def trash_selected(self) -> None:
        rows = self.selected_rows()
        if rows and not self.model.filter.trash:
            videos = len(self.selected_records())
            self.model.move_to_trash(rows)
            self.message.emit(self.tr("Moved %n video(s) to the trash", "", videos))

    def restore_selected(self) -> None:
        rows = self.selected_rows()
        if rows and self.model.filter.trash:
            videos = len(self.selected_records())
            self.model.restore(rows)
            self.message.emit(self.tr("Restored %n video(s)", "", videos))

    def choose_videos(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Import videos"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setDirectory(str(Path.home()))  # not the folder the app happened to start in
        patterns = " ".join(f"*{suffix}" for suffix in sorted(VIDEO_SUFFIXES))
        dialog.setNameFilter(self.tr("Videos (%1)").replace("%1", patterns))
        dialog.filesSelected.connect(self.import_paths)
        dialog.open()
        return dialog

    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Re-index a folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setDirectory(str(Path.home()))
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.import_paths([folder]))
        dialog.open()
        return dialog

    def import_paths(self, paths: list[str]) -> asyncio.Task[None] | None:
        """Videos, or folders searched through, into the library (the engine reads them)."""
        if not paths:
            return None
        self.message.emit(self.tr("Looking for videos…"))
        return spawn(self._import(list(paths)), name="import-videos")

    async def _import(self, paths: list[str]) -> None:
        try:
            records = await self.model.engine.import_videos(paths)
        except Exception as exc:
            self.message.emit(self.tr("Import failed: %1").replace("%1", error_message(exc)))
            return
        if records:
            self.message.emit(self.tr("%n video(s) added to the library", "", len(records)))
        else:
            self.message.emit(self.tr("No new videos found"))

    def open_selected(self) -> None:
        for record in self.selected_records():
            if record.video_path:
                QDesktopServices.openUrl(QUrl.fromLocalFile(record.video_path))

    def save_copy(self) -> QFileDialog | None:
        """Ask where to put a copy of the selected video (the dialog opens and returns)."""
        records = [r for r in self.selected_records() if r.video_path and Path(r.video_path).exists()]
        if not records:
            return None
        source = Path(records[0].video_path or "")
        title = self.model.title_of(records[0])
        name = "".join(c for c in title[:60] if c not in '\\/:*?"<>|').strip() or source.stem
        dialog = QFileDialog(self, self.tr("Save a copy"), str(Path.home() / f"{name}{source.suffix}"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda target: spawn(self._copy(source, Path(target)), name="save-copy"))
        dialog.open()
        return dialog

    async def _copy(self, source: Path, target: Path) -> None:
        import shutil

        await asyncio.to_thread(shutil.copy2, source, target)  # off the window's thread
        self.message.emit(self.tr("Saved a copy: %1").replace("%1", str(target)))

    def show_in_folder(self) -> None:
        """Reveal the selected videos in the file manager (selected there where it can)."""
        reveal([r.video_path for r in self.selected_records() if r.video_path])

    # -- deleting for good -----------------------------------------------------------------------
    def delete_selected(self) -> QMessageBox | None:
        """Ask, then delete the selected videos of the trash permanently (files and tasks)."""
        records = self.selected_records()
        if not records or not self.model.filter.trash:
            return None
        return self.trash.ask(records, everything=False)

    def empty_trash(self) -> QMessageBox | None:
        """Ask, then delete every video in the trash permanently."""
        records = self.model.trashed_records()
        return self.trash.ask(records, everything=True) if records else None
