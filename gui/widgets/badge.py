"""A video's duration as a pill on its picture (bottom right), as video apps show it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from gui.texts import fmt_duration
from gui.theme import colour


def duration_text(seconds: float | None) -> str:
    """ "0:05" for a 5 s video; "" when the length is not known."""
    return fmt_duration(seconds) if seconds else ""


def paint_duration(painter: QPainter, picture: QRect, seconds: float | None) -> None:
    """The pill in ``picture``'s bottom-right corner, in the stage's colours (the picture's own
    dark ground in both themes), the text in tabular figures."""
    text = duration_text(seconds)
    if not text:
        return
    metrics = painter.fontMetrics()
    width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 2
    pill = QRectF(picture.right() - width - 4, picture.bottom() - height - 4, width, height)
    ground = QColor(colour("stage"))
    ground.setAlpha(190)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ground)
    painter.drawRoundedRect(pill, 4, 4)
    painter.setPen(colour("stage_text"))
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
