"""An opened group in the library: the bar above the grid that says which group it is, with a way
back to every video (the button, Backspace or Alt+Left), and the moves in and out of it.

A group is a stack of copies and variations of one prompt (core/tasks/lineage.stack_key): opened,
its videos are tiles of their own, titled by what tells them apart (LibraryModel.take_of). When its
last video leaves (to the trash, or deleted), the library goes back to every video by itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QToolButton, QWidget

from core.tasks.lineage import stack_key
from gui.models.library_model import LibraryModel


class GroupBar(QWidget):
    """Shown while a group is open; ``enter``/``leave`` move in and out of one."""

    def __init__(self, model: LibraryModel, view: QListView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = view
        self.back_button = QToolButton(self)
        self.back_button.setText(self.tr("← &Back"))
        self.back_button.setToolTip(self.tr("Back to every video (Backspace)"))
        self.back_button.setAccessibleName(self.tr("Back to every video"))
        self.back_button.clicked.connect(self.leave)
        self.label = QLabel(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.back_button)
        row.addWidget(self.label, 1)
        model.modelReset.connect(self._show)
        model.rowsRemoved.connect(self._emptied)
        self._show()

    def enter(self, row: int) -> bool:
        """Open the stack at ``row`` (False for a single video), its newest video current."""
        if not self.model.open_group(row):
            return False
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.setFocus()
        return True

    def leave(self) -> bool:
        """Back to every video, the group's tile current."""
        group = self.model.filter.group
        if not group:
            return False
        self.model.close_group()
        for row in range(self.model.rowCount()):
            if stack_key(self.model.record_at(row)) == group:
                self.view.setCurrentIndex(self.model.index(row, 0))
                break
        self.view.setFocus()
        return True

    def _emptied(self, *_args: object) -> None:
        if self.model.filter.group and self.model.total() == 0:  # its last video went: back
            self.leave()

    def _show(self) -> None:
        group = self.model.filter.group
        self.setVisible(bool(group))
        if group:
            prompt = " ".join(group.split("\n")[1:-1]).strip()  # the key: batch, prompt lines, image
            prompt = prompt if len(prompt) <= 80 else prompt[:78] + "…"
            text = self.tr("A group of %n video(s) of one prompt: %1", "", self.model.video_count())
            self.label.setText(text.replace("%1", f"“{prompt}”" if prompt else self.tr("(no prompt)")))
