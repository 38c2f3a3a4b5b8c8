"""Paints the queue's state cell as a flat progress bar; a sliding chunk when progress is unknown.

Drawn with a few fills and one prepared text, not the style's progress bar (three style draws with
gradients cost about 0.9 ms a cell). The queue repaints its visible state cells four times a second
and on every change, with 1,000 tasks running, so every call here counts: the palette's colours are
looked up once per palette, and each label ("生成中 45%") is laid out once and kept as a QStaticText
(laying out a text is most of what QPainter.drawText costs).
"""

from __future__ import annotations

import time
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.models.task_model import NO_BAR, ProgressRole

TEXTS_KEPT = 512  # labels laid out and kept (states × whole percents × languages, with room)


class ProgressDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts: OrderedDict[str, QStaticText] = OrderedDict()
        self._palette_key: int | None = None
        self._colours: tuple[QColor, QColor, QColor, QColor, QColor] | None = None

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        progress = index.data(ProgressRole)
        if progress == NO_BAR:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:  # else the view painted the row's ground
            style = option.widget.style() if option.widget is not None else QApplication.style()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        mid, base, busy, filled_colour, text_colour = self._colours_of(option.palette)
        rect = option.rect
        x, y, width, height = rect.x() + 3, rect.y() + 5, rect.width() - 6, rect.height() - 10
        painter.save()
        painter.setPen(mid)
        painter.setBrush(base)
        painter.drawRect(x, y, width - 1, height - 1)
        if progress is None:
            painter.fillRect(self._busy_chunk(QRect(x + 1, y + 1, width - 2, height - 2)), busy)
        else:
            filled = int((width - 2) * min(max(progress, 0.0), 1.0))
            if filled > 0:
                painter.fillRect(x + 1, y + 1, filled, height - 2, filled_colour)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            label = self._label(str(text))
            size = label.size()
            painter.setPen(text_colour)
            painter.drawStaticText(
                x + int((width - size.width()) / 2), y + int((height - size.height()) / 2), label
            )
        painter.restore()

    def _colours_of(self, palette: QPalette) -> tuple[QColor, QColor, QColor, QColor, QColor]:
        key = palette.cacheKey()
        if self._colours is None or key != self._palette_key:
            highlight = palette.color(QPalette.ColorRole.Highlight)
            busy, filled = QColor(highlight), QColor(highlight)
            busy.setAlpha(150)
            filled.setAlpha(190)
            self._colours = (
                palette.color(QPalette.ColorRole.Mid),
                palette.color(QPalette.ColorRole.Base),
                busy,
                filled,
                palette.color(QPalette.ColorRole.Text),
            )
            self._palette_key = key
        return self._colours

    def _label(self, text: str) -> QStaticText:
        label = self._texts.get(text)
        if label is None:
            label = self._texts[text] = QStaticText(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if len(self._texts) > TEXTS_KEPT:
                self._texts.popitem(last=False)
        return label

    @staticmethod
    def _busy_chunk(inner: QRect) -> QRect:
        width = max(12, inner.width() // 4)
        span = inner.width() + width
        offset = int((time.monotonic() * 0.6 % 1.0) * span) - width
        return QRect(inner.left() + offset, inner.top(), width, inner.height()).intersected(inner)
