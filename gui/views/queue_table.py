"""The queue's table view: a QTableView that does not repaint for rows added out of sight.

Any row insertion makes a QTableView lay its items out again, and that layout repaints the whole
viewport (QAbstractItemView::doItemsLayout), 3-5 ms for a screenful of the queue. When 1,000 tasks
are created at once the newest rows go on top and the older ones below them, off screen, in
several insertions (gui/models/task_model.py): each was a full repaint of rows that had not
changed, while the engine and the provider's traffic kept both cores busy. Here a layout caused
only by rows added below a full screen updates the scroll bar and repaints nothing else; any
other change of the rows (removal, move, sort, filter, reset, rows added where they can be seen)
lays out and repaints as Qt always does.

``TaskCell`` paints the prompt column as a rich cell: the prompt on two lines (cut at the end of
the second), and below it, muted, what tells the task apart (model, duration, resolution, seed,
connection; ``DetailRole``), on two lines where the column is narrow. Only the rows on screen
are painted, each from the cell's own data, its lines laid out once per text and width.

``ThumbCell`` paints the Input column as Qt does, and where a task has no picture yet (a
text-to-video task until its video exists) a muted film icon, centred, instead of a blank; the
model's picture stays empty until the real one is made.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from gui.models.task_model import DetailRole
from gui.models.task_rows import SEPARATOR
from gui.theme import icon
from gui.widgets.select_on_focus import select_current

AnyIndex = QModelIndex | QPersistentModelIndex
PADDING = 6  # px around a rich cell's text
LAID_OUT = 512  # prompts' line breaks kept (a few screens of rows)
PLACEHOLDER = 32  # px: the side of the icon a cell without a picture shows


def two_lines(text: str, font: QFont, width: int) -> tuple[str, str]:
    """``text`` as at most two lines ``width`` px wide: broken between words where it can (anywhere
    in a word too long, or in Chinese), the second cut with "…" where the text goes on."""
    width = max(1, width)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(width)
    end = line.textLength() if line.isValid() else len(text)
    layout.endLayout()
    first, rest = text[:end].rstrip(), text[end:].strip()
    second = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width) if rest else ""
    return first, second


class TaskCell(QStyledItemDelegate):
    """The prompt column's cell: the prompt on two lines, the task's details below, muted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: OrderedDict[tuple[str, int, str], tuple[str, str]] = OrderedDict()

    def lines(self, text: str, font: QFont, width: int) -> tuple[str, str]:
        key = (text, width, font.key())
        lines = self._lines.get(key)
        if lines is None:
            lines = self._lines[key] = two_lines(text, font, width)
            if len(self._lines) > LAID_OUT:
                self._lines.popitem(last=False)
        return lines

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        prompt, opt.text = opt.text, ""  # the ground, selection and focus as Qt draws them
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        detail = index.data(DetailRole) or ""
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(opt.font)
        height = metrics.lineSpacing()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Normal
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        # the details break between their parts ("15 s" stays whole), on two lines at most
        detail = SEPARATOR.join(part.replace(" ", "\u00a0") for part in detail.split(SEPARATOR))
        texts = [line for line in self.lines(prompt, opt.font, rect.width()) if line]
        details = [line for line in self.lines(detail, opt.font, rect.width()) if line]
        room = max(1, (rect.height() - PADDING) // height)
        details = details[: max(1, room - len(texts))]
        top = rect.top() + max(0, (rect.height() - height * (len(texts) + len(details)) - PADDING) // 2)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(group, text_role))
        for n, line in enumerate(texts):
            painter.drawText(QRect(rect.left(), top + n * height, rect.width(), height), flags, line)
        painter.setPen(opt.palette.color(group, muted_role))
        top += len(texts) * height + PADDING
        for n, line in enumerate(details):
            painter.drawText(QRect(rect.left(), top + n * height, rect.width(), height), flags, line)
        painter.restore()


class ThumbCell(QStyledItemDelegate):
    """The Input column's cell: the task's picture, or a muted film icon while it has none."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = icon("film", muted=True)
        self._drawn: tuple[int, float, QPixmap] | None = None  # (colour, pixel ratio, pixmap)

    def placeholder(self, painter: QPainter) -> QPixmap:
        """The icon at the painter's pixel ratio, in the muted colour in effect (drawn again when
        the theme changes it)."""
        rgba = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText).rgba()
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        if self._drawn is None or self._drawn[:2] != (rgba, ratio):
            pixmap = self._icon.pixmap(QSize(PLACEHOLDER, PLACEHOLDER), ratio)
            self._drawn = (rgba, ratio, pixmap)
        return self._drawn[2]

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            return
        box = QRect(0, 0, PLACEHOLDER, PLACEHOLDER)
        box.moveCenter(option.rect.center())
        painter.drawPixmap(box, self.placeholder(painter))


class QueueTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Since the last layout: rows were added below the screen, and nothing else changed.
        self._below_only = False
        self._other_change = False
        self.resized: Callable[[], None] | None = None  # called after the table changed size

    def focusInEvent(self, event: QFocusEvent) -> None:
        select_current(self)
        super().focusInEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.resized is not None:
            self.resized()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsInserted.disconnect(self._rows_inserted)
            for signal in self._structure_signals(old):
                signal.disconnect(self._structure_changed)
        super().setModel(model)
        if model is not None:
            model.rowsInserted.connect(self._rows_inserted)
            for signal in self._structure_signals(model):
                signal.connect(self._structure_changed)
        self._structure_changed()

    @staticmethod
    def _structure_signals(model: QAbstractItemModel) -> list[SignalInstance]:
        return [
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
            model.columnsMoved,
            model.layoutChanged,
            model.modelReset,
        ]

    def _rows_inserted(self, parent: AnyIndex, first: int, _last: int) -> None:
        # The row at the viewport's last pixel: -1 when the rows end above it (new rows would show).
        bottom = self.rowAt(self.viewport().height() - 1)
        if not parent.isValid() and bottom >= 0 and first > bottom:
            self._below_only = True
        else:
            self._other_change = True

    def _structure_changed(self, *_args: object) -> None:
        self._other_change = True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # rows change height: lay out and repaint
            self._other_change = True
        super().changeEvent(event)

    def doItemsLayout(self) -> None:
        quiet = self._below_only and not self._other_change
        self._below_only = self._other_change = False
        if quiet:
            self.updateGeometries()  # the scroll bar's range; what is on screen has not changed
        else:
            super().doItemsLayout()
