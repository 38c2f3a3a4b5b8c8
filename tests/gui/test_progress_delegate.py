"""The queue's state cell: a flat bar filled to the task's progress, with its label on top."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from gui.models.task_model import NO_BAR, ProgressRole
from gui.widgets.progress_delegate import ProgressDelegate

WIDTH, HEIGHT = 200, 42


def _paint(qapp: Any, progress: float | None, text: str) -> tuple[QImage, QPalette]:
    model = QStandardItemModel(1, 1)
    item = QStandardItem(text)
    item.setData(progress, ProgressRole)
    model.setItem(0, 0, item)
    view = QTableView()
    view.setModel(model)
    delegate = ProgressDelegate(view)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, WIDTH, HEIGHT)
    option.palette = view.palette()
    option.widget = view
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(option.palette.color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    painter.setFont(view.font())
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image, QPalette(view.palette())


def _close(a: QColor, b: QColor, slack: int = 40) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= slack


def test_the_bar_is_filled_to_the_progress_and_labelled(qapp: Any) -> None:
    image, palette = _paint(qapp, 0.45, "Running 45%")
    base, highlight = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight)
    inner = WIDTH - 8  # the groove is inset 3 px a side, its border 1 px
    filled_to = 4 + int(inner * 0.45)
    row = 8  # inside the groove, above the label
    assert _close(image.pixelColor(filled_to - 6, row), highlight, 120)
    assert not _close(image.pixelColor(filled_to - 6, row), base)
    assert _close(image.pixelColor(filled_to + 6, row), base)
    # the label is drawn in the middle: some pixels there are text, not bar or ground
    text = palette.color(QPalette.ColorRole.Text)
    middle = [image.pixelColor(x, y) for x in range(WIDTH // 2 - 30, WIDTH // 2 + 30) for y in range(14, 28)]
    assert any(_close(c, text, 150) for c in middle)


def test_a_new_palette_gives_new_colours(qapp: Any) -> None:
    """Colours are looked up once per palette, not once per cell: a changed palette is seen."""
    model = QStandardItemModel(1, 1)
    item = QStandardItem("Running 10%")
    item.setData(1.0, ProgressRole)
    model.setItem(0, 0, item)
    delegate = ProgressDelegate()
    images = []
    for colour in (QColor("#2a82da"), QColor("#d9534f")):
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Highlight, colour)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, WIDTH, HEIGHT)
        option.palette = palette
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        delegate.paint(painter, option, model.index(0, 0))
        painter.end()
        images.append(image.pixelColor(10, 8))
    assert images[0].red() < images[0].blue() and images[1].red() > images[1].blue()


def test_a_task_without_a_bar_is_painted_as_text(qapp: Any) -> None:
    image, palette = _paint(qapp, NO_BAR, "Done")
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert not any(_close(image.pixelColor(x, 8), highlight, 60) for x in range(10, WIDTH - 10))
