"""Two videos one over the other, split where the mouse drags: the compare view's wipe."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from gui.theme import colour


class WipeView(QGraphicsView):
    """Two video items, one over the other: the upper one shows left of the split, which follows
    the mouse while a button is held (or :meth:`set_split`, 0..1)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(colour("stage"))
        self.setAccessibleName(self.tr("Wipe between the two videos"))
        from PySide6.QtMultimediaWidgets import QGraphicsVideoItem

        self.under = QGraphicsVideoItem()
        self.window_item = QGraphicsRectItem()  # clips the upper video to the left of the split
        self.window_item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.window_item.setPen(QPen(Qt.PenStyle.NoPen))
        self.over = QGraphicsVideoItem(self.window_item)
        self.line = QGraphicsLineItem()
        self.line.setPen(QPen(colour("stage_text"), 2))
        for item in (self.under, self.window_item, self.line):
            self.scene().addItem(item)
        self.split = 0.5

    def set_split(self, fraction: float) -> None:
        self.split = max(0.0, min(1.0, fraction))
        self._layout()

    def _layout(self) -> None:
        size = self.viewport().size()
        w, h = float(size.width()), float(size.height())
        self.scene().setSceneRect(0, 0, w, h)
        for item in (self.under, self.over):
            item.setSize(QSizeF(w, h))
        self.window_item.setRect(0, 0, w * self.split, h)
        self.line.setLine(w * self.split, 0, w * self.split, h)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._layout()

    def mousePressEvent(self, event: Any) -> None:
        self.set_split(event.position().x() / max(1, self.viewport().width()))

    def mouseMoveEvent(self, event: Any) -> None:
        if event.buttons():
            self.set_split(event.position().x() / max(1, self.viewport().width()))
