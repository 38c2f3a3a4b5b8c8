"""The library's details pane: what the selected video was made from and where it is.

Its title and prompt, model, seed, connection, duration, resolution, when it was made and
finished, its file (with size) and its cost when known; for a stack, how many videos it holds.
Every value can be selected and copied. Shown beside the grid, toggled from the library's bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from core.tasks.journal import TaskRecord
from gui.models.library_model import model_name
from gui.texts import connection_label, cost_text, fmt_bytes, fmt_duration


def _when(stamp: float | None) -> str:
    return datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M:%S") if stamp else ""


class DetailsPane(QScrollArea):
    """The details of one video (a stack's newest), or a word saying nothing is selected."""

    def __init__(self, title_of: Callable[[TaskRecord], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_of = title_of
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Video details"))
        self.setMinimumWidth(220)
        body = QWidget(self)
        outer = QVBoxLayout(body)
        self.empty = QLabel(self.tr("Select a video to see how it was made."), body)
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("title", self.tr("Title")),
            ("group", self.tr("Group")),
            ("prompt", self.tr("Prompt")),
            ("model", self.tr("Model")),
            ("seed", self.tr("Seed")),
            ("connection", self.tr("Connection")),
            ("duration", self.tr("Duration")),
            ("resolution", self.tr("Resolution")),
            ("made", self.tr("Made")),
            ("finished", self.tr("Finished")),
            ("file", self.tr("File")),
            ("cost", self.tr("Cost")),
        ):
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setAccessibleName(label)
            self.values[key] = value
            name = QLabel(label, body)
            name.setProperty("tone", "muted")  # the theme colours it (gui/theme.py)
            self.form.addRow(name, value)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.setWidget(body)
        self.show_records([])

    def value(self, key: str) -> str:
        """What the pane says for ``key`` ("" where it says nothing)."""
        label = self.values[key]
        return label.text() if label.isVisibleTo(self) else ""

    def show_records(self, records: list[TaskRecord]) -> None:
        """The details of ``records[0]`` (a tile's newest video); ``len(records)`` > 1: a stack."""
        self.empty.setVisible(not records)
        if not records:
            for row in range(self.form.rowCount()):
                self.form.setRowVisible(row, False)
            return
        record = records[0]
        request = record.request
        size = f" ({fmt_bytes(record.video_size)})" if record.video_size else ""
        name = model_name(record)
        known_cost = record.estimate is not None or record.charge is not None
        texts = {
            "title": self.title_of(record) if self.title_of(record) != request.prompt.strip() else "",
            "group": self.tr("%n video(s) of one prompt", "", len(records)) if len(records) > 1 else "",
            "prompt": request.prompt,
            "model": name if name == record.model else f"{name} ({record.model})",
            "seed": "" if request.seed is None else str(request.seed),
            "connection": connection_label(record.connection),
            "duration": fmt_duration(request.duration) if request.duration else "",
            "resolution": request.resolution or "",
            "made": _when(record.created_at),
            "finished": _when(record.finished_at),
            "file": (record.video_path or "") + size,
            "cost": cost_text(record.estimate, record.charge) if known_cost else "",
        }
        for row, (key, text) in enumerate(texts.items()):
            self.values[key].setText(text)
            self.form.setRowVisible(row, bool(text))
