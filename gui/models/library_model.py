"""The library: downloaded videos (succeeded tasks' files), newest first, loaded lazily.

An item can be a favourite, be given a title (shown and searched instead of its prompt), or be
moved to the library's trash, from where it can be restored or deleted for good
(gui/settings.LibraryMarks). A video made here and not played yet is new (its title in bold). The
state filter shows every video, the new ones, the favourites, or the trash.

Each row is a tile: one video, or the copies and variations of one prompt made together stacked as
one (core/tasks/lineage.stacks), newest first; ``record_at`` is a tile's newest video,
``members_at`` all of them. A filter with a ``group`` shows that stack opened, one tile a video.

The matching items are a plain list; rows are handed to the view in batches through
``canFetchMore``/``fetchMore``, and thumbnails are only asked for when a row is painted, so
10,000 videos open as fast as 100. A search or filter change resets the model (this one may:
it is not the live queue).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QFont, QIcon, QPixmap

from core.tasks.journal import TaskRecord
from core.tasks.lineage import stack_key, stacks
from gui.models.library_filter import (
    ALL,
    FAVOURITES,
    NEW,
    TRASH,
    LibraryFilter,
    in_library,
    is_new,
    model_name,
)
from gui.settings import LibraryMarks
from gui.texts import cost_text
from gui.theme import colour
from gui.thumbnails import Thumbnails

if TYPE_CHECKING:
    from core.tasks.engine import Engine

__all__ = [  # the filter's names too, where the model's users have always found them
    "ALL",
    "FAVOURITES",
    "NEW",
    "TRASH",
    "AnyIndex",
    "LibraryFilter",
    "LibraryModel",
    "in_library",
    "is_new",
    "model_name",
]
AnyIndex = QModelIndex | QPersistentModelIndex
BATCH = 120
TaskIdRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2
FavouriteRole = Qt.ItemDataRole.UserRole + 3
GroupSizeRole = Qt.ItemDataRole.UserRole + 4  # how many videos a tile stacks (1: a single video)
PLACEHOLDER = QSize(256, 144)  # a thumbnail's largest size: views scale it down to their icon size


class LibraryModel(QAbstractListModel):
    facets_changed = Signal()  # the set of connections/models present changed
    watched = Signal()  # a new video was played

    def __init__(
        self,
        engine: Engine,
        thumbnails: Thumbnails | None,
        marks: LibraryMarks,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.thumbnails = thumbnails
        self.marks = marks
        self.filter = LibraryFilter()
        self._all: list[TaskRecord] = []  # every library item, newest first
        self._tiles: list[list[TaskRecord]] = []  # the matching items as tiles, each newest first
        self._loaded = 0
        self._attached = True
        self._blank: QIcon | None = None
        self._new: int | None = None  # new_count(), until the items or their marks change
        self._bold = QFont()
        self._bold.setBold(True)
        self._all = sorted((r for r in engine.tasks.values() if in_library(r)), key=lambda r: -r.created_at)
        self._ids = {r.id for r in self._all}
        self._apply_filter()
        engine.subscribe_batch(self._on_batch)
        if thumbnails is not None:
            thumbnails.ready.connect(self._on_thumbnail)

    def detach(self) -> None:
        self._attached = False
        self.engine.unsubscribe_batch(self._on_batch)

    # -- contents --------------------------------------------------------------------------------
    def set_filter(self, library_filter: LibraryFilter) -> None:
        self.beginResetModel()
        self.filter = library_filter
        self._apply_filter()
        self.endResetModel()

    def open_group(self, row: int) -> bool:
        """Show the stack at ``row`` opened (its videos one by one); False for a single video."""
        if not 0 <= row < self._loaded or len(self._tiles[row]) < 2:
            return False
        self.set_filter(replace(self.filter, group=stack_key(self._tiles[row][0]) or ""))
        return True

    def close_group(self) -> None:
        if self.filter.group:
            self.set_filter(replace(self.filter, group=""))

    def _apply_filter(self) -> None:
        matches = [r for r in self._all if self.filter.accepts(r, self.marks)]
        self._tiles = [[r] for r in matches] if self.filter.group else stacks(matches)
        self._loaded = min(BATCH, len(self._tiles))

    def total(self) -> int:
        """How many tiles match (a stack is one)."""
        return len(self._tiles)

    def video_count(self) -> int:
        """How many videos match (each of a stack counted)."""
        return sum(len(tile) for tile in self._tiles)

    def connections(self) -> list[str]:
        return sorted({r.connection for r in self._all})

    def models(self) -> list[str]:
        return sorted({r.model for r in self._all})

    def record_at(self, row: int) -> TaskRecord:
        """The tile's video: the newest of a stack."""
        return self._tiles[row][0]

    def members_at(self, row: int) -> list[TaskRecord]:
        """Every video of the tile, newest first."""
        return list(self._tiles[row])

    def row_of(self, task_id: str) -> int | None:
        """The loaded row whose tile holds ``task_id``."""
        for row in range(self._loaded):
            if any(r.id == task_id for r in self._tiles[row]):
                return row
        return None

    def _on_batch(self, batch: list[tuple[str, TaskRecord]]) -> None:
        """A frame's events (1,000 tasks starting at once are one frame: one loop, no call each)."""
        if not self._attached:
            return
        new: dict[str, TaskRecord] = {}
        for event, record in batch:
            if record.id in self._ids:
                if event == "removed" or not in_library(record):
                    self._drop(record.id)
            elif event != "removed" and in_library(record):
                new[record.id] = record
        newest = self._all[0].created_at if self._all else 0.0
        arrived = list(new.values())
        if len(arrived) == 1 and arrived[0].created_at >= newest:
            self._insert(arrived[0])  # a task that just finished: on top
        elif arrived:
            self._merge(arrived)

    def _merge(self, records: list[TaskRecord]) -> None:
        """Many items at once, or older ones (an import): each in its place by date, in one reset
        (10,000 imported videos are not 10,000 insertions, nor 10,000 looks at the facets)."""
        self.beginResetModel()
        self._new = None
        self._all = sorted([*self._all, *records], key=lambda r: -r.created_at)
        self._ids.update(r.id for r in records)
        self._apply_filter()
        self.endResetModel()
        self.facets_changed.emit()

    def _insert(self, record: TaskRecord) -> None:
        """The newest video: on top, on its own or onto its stack (which comes up to the top)."""
        facets = record.connection not in self.connections() or record.model not in self.models()
        self._all.insert(0, record)
        self._ids.add(record.id)
        self._new = None
        if self.filter.accepts(record, self.marks):
            key = None if self.filter.group else stack_key(record)
            row = next(
                (n for n, tile in enumerate(self._tiles) if key is not None and stack_key(tile[0]) == key),
                None,
            )
            if row is None:
                self.beginInsertRows(QModelIndex(), 0, 0)
                self._tiles.insert(0, [record])
                self._loaded += 1
                self.endInsertRows()
            else:
                self._tiles[row].insert(0, record)
                self._to_top(row)
        if facets:
            self.facets_changed.emit()

    def _to_top(self, row: int) -> None:
        """The tile at ``row`` changed and is the newest now: move it to row 0 and repaint it."""
        if row >= self._loaded:  # not handed to the view yet: it arrives as a new row
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._tiles.insert(0, self._tiles.pop(row))
            self._loaded += 1
            self.endInsertRows()
        elif row > 0:
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), 0)
            self._tiles.insert(0, self._tiles.pop(row))
            self.endMoveRows()
        self.dataChanged.emit(self.index(0), self.index(0))

    def _drop(self, task_id: str) -> None:
        self._new = None
        self._all = [r for r in self._all if r.id != task_id]
        self._ids.discard(task_id)
        self._take_members({task_id})
        self.facets_changed.emit()

    def _take_members(self, ids: set[str]) -> None:
        """Take the videos ``ids`` out of the tiles: a tile left empty goes, a stack left with
        others shows them."""
        for row in range(
            len(self._tiles) - 1, -1, -1
        ):  # from the bottom up: the rows above keep their places
            tile = self._tiles[row]
            if not any(r.id in ids for r in tile):
                continue
            kept = [r for r in tile if r.id not in ids]
            if kept:
                self._tiles[row] = kept
                if row < self._loaded:
                    self.dataChanged.emit(self.index(row), self.index(row))
            elif row < self._loaded:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._tiles[row]
                self._loaded -= 1
                self.endRemoveRows()
            else:
                del self._tiles[row]

    def toggle_favourite(self, row: int) -> bool:
        """Make the tile's videos favourites, or none of them when its newest is; returns which."""
        tile = self._tiles[row]
        now = tile[0].id not in self.marks.favourites
        self.marks.set_favourite([r.id for r in tile], now)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        return now

    def title_of(self, record: TaskRecord) -> str:
        """What the item is called: the title it was given, else its prompt."""
        return self.marks.titles.get(record.id) or record.request.prompt.replace("\n", " ").strip()

    def take_of(self, record: TaskRecord) -> str:
        """A take of a group told apart from the others: its model, seed and time."""
        parts = [model_name(record)]
        if record.request.seed is not None:
            parts.append(self.tr("seed %1").replace("%1", str(record.request.seed)))
        parts.append(datetime.fromtimestamp(record.created_at).strftime("%H:%M:%S"))
        return " · ".join(parts)

    def rename(self, row: int, title: str) -> None:
        """Give the item a title (empty: its prompt again)."""
        self.marks.rename(self._tiles[row][0].id, title)
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def move_to_trash(self, rows: list[int]) -> None:
        """Move the tiles' videos to the trash (their files stay where they are)."""
        self._take_out(rows, lambda ids: self.marks.trash(ids, time.time()))

    def trash_videos(self, task_ids: list[str]) -> None:
        """Move these videos to the trash, wherever they are shown (a stack keeps the others)."""
        ids = {i for i in task_ids if i in self._ids and i not in self.marks.trashed}
        if ids:
            self.marks.trash(sorted(ids), time.time())
            self._new = None
            if not self.filter.trash:
                self._take_members(ids)

    def restore(self, rows: list[int]) -> None:
        """Bring the tiles' videos back from the trash."""
        self._take_out(rows, self.marks.restore)

    def new_count(self) -> int:
        """New videos in the library (not in its trash); counted again only after a change."""
        if self._new is None:
            marks = self.marks
            self._new = sum(1 for r in self._all if r.id not in marks.trashed and is_new(r, marks))
        return self._new

    def mark_watched(self, video_path: str) -> None:
        """The video at ``video_path`` was played: it is new no longer."""
        ids = [r.id for r in self._all if r.video_path == video_path and is_new(r, self.marks)]
        if not ids:
            return
        self.marks.watch(ids)
        self._new = None
        for row in range(self._loaded):
            if any(r.id in ids for r in self._tiles[row]):
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole])
        self.watched.emit()

    def trashed_count(self) -> int:
        return sum(1 for r in self._all if r.id in self.marks.trashed)

    def trashed_records(self) -> list[TaskRecord]:
        """Every video in the trash, whatever the filter shows."""
        return [r for r in self._all if r.id in self.marks.trashed]

    def _take_out(self, rows: list[int], mark: Callable[[list[str]], None]) -> None:
        """Mark the videos of the tiles at ``rows``; they leave this view (the library, or its trash)."""
        rows = sorted({r for r in rows if 0 <= r < self._loaded}, reverse=True)
        if not rows:
            return
        mark([r.id for row in rows for r in self._tiles[row]])
        self._new = None
        for row in rows:  # from the bottom up: the rows above keep their places
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._tiles[row]
            self._loaded -= 1
            self.endRemoveRows()

    def _on_thumbnail(self, path: str) -> None:
        for row in range(self._loaded):
            if self._tiles[row][0].video_path == path:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _placeholder(self) -> QIcon:
        if self._blank is None:
            tile = QPixmap(PLACEHOLDER)
            tile.fill(colour("mid"))
            self._blank = QIcon(tile)
        return self._blank

    # -- Qt model --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._loaded

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._loaded < len(self._tiles)

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid():
            return
        more = min(BATCH, len(self._tiles) - self._loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._loaded, self._loaded + more - 1)
        self._loaded += more
        self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled  # a tile dragged out gives its files
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The video files of the tiles (every video of a stack), as a file manager or an editor
        (CapCut, Jianying) takes a file dropped on it."""
        rows = sorted({i.row() for i in indexes if i.isValid() and i.row() < self._loaded})
        paths = [r.video_path for row in rows for r in self._tiles[row] if r.video_path]
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(p) for p in paths])
        return data

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._loaded:
            return None
        tile = self._tiles[index.row()]
        record = tile[0]
        favourite = record.id in self.marks.favourites
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.title_of(record) or self.tr("(no prompt)")
            if self.filter.group and record.id not in self.marks.titles:
                title = self.take_of(record)  # the prompt is the group's: what tells the takes apart
            return ("★ " if favourite else "") + (title if len(title) <= 60 else title[:58] + "…")
        if role == Qt.ItemDataRole.DecorationRole and self.thumbnails is not None and record.video_path:
            # Until its thumbnail comes (or when none can be made), a blank tile of a video's
            # shape: every item is the same size from the start (the view lays out by the first
            # one it measures, and a thumbnail arriving later does not lay it out again).
            return self.thumbnails.icon(record.video_path) or self._placeholder()
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if any(is_new(r, self.marks) for r in tile) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            when = datetime.fromtimestamp(record.created_at).strftime("%Y-%m-%d %H:%M")
            lines = [self.marks.titles[record.id]] if record.id in self.marks.titles else []
            if len(tile) > 1:
                lines.append(self.tr("%n video(s) of one prompt: open to see each", "", len(tile)))
            lines += [record.request.prompt, f"{record.connection} / {record.model}", when]
            if record.estimate is not None or record.charge is not None:
                lines.append(cost_text(record.estimate, record.charge))
            if is_new(record, self.marks):
                lines.append(self.tr("New: not played yet"))
            return "\n".join([*lines, record.video_path or ""])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            name = self.title_of(record) or Path(record.video_path or "").name
            if len(tile) > 1:
                name = self.tr("Group of %n video(s): %1", "", len(tile)).replace("%1", name)
            return self.tr("New: %1").replace("%1", name) if is_new(record, self.marks) else name
        if role == TaskIdRole:
            return record.id
        if role == PathRole:
            return record.video_path
        if role == FavouriteRole:
            return favourite
        if role == GroupSizeRole:
            return len(tile)
        return None
