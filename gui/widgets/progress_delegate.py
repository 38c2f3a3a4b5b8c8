"""Paints the queue's state cell as a progress bar; a sliding chunk when progress is unknown."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
)

from gui.models.task_model import NO_BAR, ProgressRole


class ProgressDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        progress = index.data(ProgressRole)
        if progress == NO_BAR:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 4, -3, -4)
        bar.minimum = 0
        bar.maximum = 1000
        bar.progress = int((progress or 0.0) * 1000)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style.drawControl(QStyle.ControlElement.CE_ProgressBarGroove, bar, painter, option.widget)
        if progress is None:
            self._paint_busy(painter, bar.rect, option.palette)
        else:
            style.drawControl(QStyle.ControlElement.CE_ProgressBarContents, bar, painter, option.widget)
        style.drawControl(QStyle.ControlElement.CE_ProgressBarLabel, bar, painter, option.widget)

    @staticmethod
    def _paint_busy(painter: QPainter, rect: QRect, palette: QPalette) -> None:
        inner = rect.adjusted(2, 2, -2, -2)
        width = max(12, inner.width() // 4)
        span = inner.width() + width
        offset = int((time.monotonic() * 0.6 % 1.0) * span) - width
        chunk = QRect(inner.left() + offset, inner.top(), width, inner.height()).intersected(inner)
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        colour.setAlpha(170)
        painter.save()
        painter.fillRect(chunk, colour)
        painter.restore()
