"""The library's tiles: how each is painted and what the mouse does over them.

A tile is a video's picture and its title (two lines in the grid), its duration on the picture,
and, for the copies and variations of one prompt stacked as one tile, their number ("×5") on a
stack of pictures. Under the mouse a grid tile scrubs: the pointer's place across the picture
picks one of a few pictures spread from the first frame to the last (gui/thumbnails.ScrubStrips,
made in the process pool and cached, never decoded here), with a line showing where. Dragging
tiles out gives other apps their video files (LibraryModel.mimeData).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QDrag, QIcon, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from core.media.frames import SCRUB_FRAMES
from gui.models.library_model import AnyIndex, GroupSizeRole, LibraryModel
from gui.theme import colour
from gui.thumbnails import ScrubStrips
from gui.widgets.badge import paint_duration
from gui.widgets.select_on_focus import SelectOnFocusList

GRID = QSize(200, 150)
ICON = QSize(176, 99)
TITLE_LINES = 2


def picture_rect(option: QStyleOptionViewItem, index: AnyIndex, delegate: QStyledItemDelegate) -> QRect:
    """Where the tile's picture is painted."""
    full = QStyleOptionViewItem(option)
    delegate.initStyleOption(full, index)
    style = full.widget.style() if full.widget is not None else QApplication.style()
    return style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, full, full.widget)


def group_text(size: int) -> str:
    """ "×5" for a stack of five videos."""
    return f"×{size}"


class TileDelegate(QStyledItemDelegate):
    """Paints a tile: the picture (or, under the mouse, the scrubbed frame), the stack's count and
    the duration. In the grid every tile has room for its picture and two lines of title: Qt
    measures uniform items by the last row alone, and a short last title made every title one
    line, the rest cut."""

    def __init__(self, view: LibraryList, grid: bool) -> None:
        super().__init__(view)
        self.list_view = view
        self.grid = grid

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        if not self.grid:
            return size
        spacing = 6  # between the picture and the text, and around them
        height = ICON.height() + TITLE_LINES * option.fontMetrics.lineSpacing() + spacing
        return QSize(max(size.width(), ICON.width()), max(size.height(), height))

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if self.grid:  # titles start under the picture, one line or two
            option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        model = index.model()
        size = int(index.data(GroupSizeRole) or 1)
        picture = picture_rect(option, index, self)
        if size > 1 and self.grid:
            self._paint_stack(painter, picture)
        super().paint(painter, option, index)
        if not isinstance(model, LibraryModel):
            return
        if self.grid:
            self._paint_scrub(painter, picture, index)
            paint_duration(painter, picture, model.record_at(index.row()).request.duration)
        if size > 1:
            self._paint_count(painter, picture, size)

    def _paint_stack(self, painter: QPainter, picture: QRect) -> None:
        """Two card edges behind the picture's right side: more than one video lies here."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for step, tone in ((2, "mid"), (1, "muted")):
            inset = 5 * step
            edge = QRectF(
                picture.right() - 4 + 4 * step, picture.top() + inset, 6, picture.height() - 2 * inset
            )
            painter.setBrush(colour(tone))
            painter.drawRoundedRect(edge, 2, 2)
        painter.restore()

    def _paint_count(self, painter: QPainter, picture: QRect, size: int) -> None:
        text = group_text(size)
        metrics = painter.fontMetrics()
        width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 2
        pill = QRectF(picture.left() + 4, picture.top() + 4, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour("accent"))
        painter.drawRoundedRect(pill, 4, 4)
        painter.setPen(colour("accent_text"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _paint_scrub(self, painter: QPainter, picture: QRect, index: AnyIndex) -> None:
        view = self.list_view
        frame = view.scrub_frame(index)
        if frame is None:
            return
        pixmaps, n = frame
        pixmap = pixmaps[n]
        shown = pixmap.size().scaled(picture.size(), Qt.AspectRatioMode.KeepAspectRatio)
        place = QRect(QPoint(0, 0), shown)
        place.moveCenter(picture.center())
        painter.save()
        painter.fillRect(picture, colour("stage"))
        painter.drawPixmap(place, pixmap)
        where = QColor(colour("accent"))
        painter.setPen(QPen(where, 3))
        x = place.left() + round(place.width() * (n + 1) / len(pixmaps))
        painter.drawLine(place.left(), place.bottom() - 1, x, place.bottom() - 1)
        painter.restore()


def _bucket(hovered: tuple[int, float] | None) -> tuple[int, int] | None:
    return None if hovered is None else (hovered[0], int(hovered[1] * SCRUB_FRAMES))


class LibraryList(SelectOnFocusList):
    """The grid (or list) of tiles: scrubs the tile under the mouse, drags files out."""

    def __init__(self, parent: QWidget | None = None, strips: ScrubStrips | None = None) -> None:
        super().__init__(parent)
        self.strips = strips
        self.hovered: tuple[int, float] | None = None  # the tile's row, the pointer across its picture (0…1)
        self.setMouseTracking(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.grid_delegate = TileDelegate(self, grid=True)
        self.list_delegate = TileDelegate(self, grid=False)
        if strips is not None:
            strips.ready.connect(self._strip_ready)

    def set_grid(self, grid: bool) -> None:
        """As a grid of tiles, or as a list; tiles keep their places and drag out either way
        (QListView's static movement turns dragging off: it is turned on again after it)."""
        self.setItemDelegate(self.grid_delegate if grid else self.list_delegate)
        if grid:
            self.setViewMode(QListView.ViewMode.IconMode)
            self.setIconSize(ICON)
            self.setGridSize(GRID)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setWordWrap(True)
        else:
            self.setViewMode(QListView.ViewMode.ListMode)
            self.setIconSize(QSize(64, 36))
            self.setGridSize(QSize())
            self.setWordWrap(False)
        self.setMovement(QListView.Movement.Static)
        self.setDragEnabled(True)
        self.viewport().setAcceptDrops(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """The selected tiles' video files go with the pointer (a stack's every video), for a file
        manager or an editor to take; the first tile's picture shows under it."""
        model = self.model()
        indexes = self.selectedIndexes()
        if model is None or not indexes:
            return
        data = model.mimeData(indexes)
        if not data.urls():
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        icon = indexes[0].data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            drag.setPixmap(icon.pixmap(ICON / 2))
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    @property
    def grid(self) -> bool:
        return self.viewMode() == QListView.ViewMode.IconMode

    def scrub_frame(self, index: AnyIndex) -> tuple[list[QPixmap], int] | None:
        """The scrubbing pictures of the tile at ``index`` and the one the pointer picks, when the
        pointer is over it and they are made (asked for when they are not)."""
        if self.strips is None or self.hovered is None or self.hovered[0] != index.row() or not self.grid:
            return None
        model = self.model()
        if not isinstance(model, LibraryModel) or index.row() >= model.rowCount():
            return None
        path = model.record_at(index.row()).video_path
        frames = self.strips.frames(path) if path else None
        if not frames:
            return None
        return frames, min(len(frames) - 1, int(self.hovered[1] * len(frames)))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self._hover(event.position().toPoint())

    def _hover(self, pos: QPoint) -> None:
        before = self.hovered
        index = self.indexAt(pos)
        if not index.isValid() or not self.grid:
            self.hovered = None
        else:
            picture = picture_rect(self._option_for(index), index, self.grid_delegate)
            across = (pos.x() - picture.left()) / max(1, picture.width())
            self.hovered = (index.row(), min(max(across, 0.0), 0.999))
        if _bucket(before) != _bucket(self.hovered):  # another tile, or another of its pictures
            self._repaint_rows({h[0] for h in (before, self.hovered) if h is not None})

    def _option_for(self, index: AnyIndex) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        return option

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        if self.hovered is not None:
            row = self.hovered[0]
            self.hovered = None
            self._repaint_rows({row})

    def _repaint_rows(self, rows: set[int]) -> None:
        model = self.model()
        for row in rows:
            if model is not None and row < model.rowCount():
                self.viewport().update(self.visualRect(model.index(row, 0)))

    def _strip_ready(self, path: str) -> None:
        model = self.model()
        if self.hovered is not None and isinstance(model, LibraryModel):
            row = self.hovered[0]
            if row < model.rowCount() and model.record_at(row).video_path == path:
                self._repaint_rows({row})
