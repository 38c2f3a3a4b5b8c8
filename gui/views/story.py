"""From clips to a story, in the library: a task's family and chain, extending a chain from its
last clip, variations of a task's settings and the grid of a group (keep some, trash the rest),
comparing 2–4 videos, and joining a selection (or a chain) into one video.

:class:`StoryActions` adds these actions to the library's view and its context menu; the join
runs in a worker process (gui/views/join_dialog.py), the compare view is gui/views/compare_view.py.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.tasks.journal import TaskRecord, TaskState
from core.tasks.lineage import chain, family, group
from gui.spawn import spawn
from gui.texts import state_name

if TYPE_CHECKING:  # (the dialogs and the compare view are imported when opened)
    from gui.views.compare_view import CompareView
    from gui.views.join_dialog import Executor, JoinDialog
    from gui.views.variations import VariationsDialog

log = logging.getLogger("clipdesk.gui")
GROUP_LIMIT = 9  # videos a group's grid plays at once


def relation_text(relation: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "retry": QCoreApplication.translate("Story", "retry"),
        "reuse": QCoreApplication.translate("Story", "reused settings"),
        "variation": QCoreApplication.translate("Story", "variation"),
        "continues": QCoreApplication.translate("Story", "continues"),
        "extends": QCoreApplication.translate("Story", "extends"),
    }
    return names.get(relation or "", "")


class FamilyDialog(QDialog):
    """A task's family as a tree, and its chain in playing order, with what can be done to them."""

    extend_requested = Signal(object)  # the chain's last TaskRecord
    join_requested = Signal(object)  # list[TaskRecord], in order
    compare_requested = Signal(object)  # list[TaskRecord]

    def __init__(
        self,
        records: dict[str, TaskRecord],
        task_id: str,
        title_of: Callable[[TaskRecord], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Family and chain"))
        self.members = family(records, task_id)
        self.chain = chain(records, task_id)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Family"))
        self.tree.setHeaderLabels(
            [self.tr("Video"), self.tr("How it came"), self.tr("Model"), self.tr("State")]
        )
        items: dict[str, QTreeWidgetItem] = {}
        stack: list[QTreeWidgetItem] = []
        for member in self.members:
            record = member.record
            item = QTreeWidgetItem(
                [title_of(record), relation_text(record.relation), record.model, state_name(record.state)]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            del stack[member.depth :]
            if stack:
                stack[-1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            stack.append(item)
            items[record.id] = item
        self.tree.expandAll()
        if task_id in items:
            self.tree.setCurrentItem(items[task_id])
        self.tree.resizeColumnToContents(0)

        self.chain_list = QListWidget(self)
        self.chain_list.setAccessibleName(self.tr("Chain"))
        for n, record in enumerate(self.chain, 1):
            row = QListWidgetItem(f"{n}. {title_of(record)}")
            row.setData(Qt.ItemDataRole.UserRole, record.id)
            self.chain_list.addItem(row)
        playable = [r for r in self.chain if r.state is TaskState.SUCCEEDED and r.video_path]
        self.extend_button = QPushButton(self.tr("&Extend chain"), self)
        self.extend_button.setToolTip(
            self.tr("A new clip starting on the last frame of the chain's last clip")
        )
        self.extend_button.setEnabled(bool(self.chain) and self.chain[-1] in playable)
        self.extend_button.clicked.connect(lambda: self._done(self.extend_requested, self.chain[-1]))
        self.join_button = QPushButton(self.tr("&Join chain…"), self)
        self.join_button.setEnabled(len(playable) >= 2)
        self.join_button.clicked.connect(lambda: self._done(self.join_requested, playable))
        from gui.views.compare_view import MAX_VIDEOS

        self.compare_button = QPushButton(self.tr("&Compare chain"), self)
        self.compare_button.setEnabled(2 <= len(playable) <= MAX_VIDEOS)
        self.compare_button.clicked.connect(lambda: self._done(self.compare_requested, playable))
        buttons = QHBoxLayout()
        for button in (self.extend_button, self.join_button, self.compare_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Family (%n video(s))", "", len(self.members)), self))
        layout.addWidget(self.tree, 2)
        layout.addWidget(QLabel(self.tr("Chain, in playing order (%n clip(s))", "", len(self.chain)), self))
        layout.addWidget(self.chain_list, 1)
        layout.addLayout(buttons)
        self.resize(640, 480)

    def _done(self, signal: Any, value: object) -> None:
        signal.emit(value)
        self.accept()


class StoryActions(QObject):
    """The library's story actions: family and chain, extend chain, compare, join."""

    def __init__(self, library: Any, engine: Any, executor: Executor, library_dir: Path) -> None:
        super().__init__(library)
        self.library, self.engine, self.executor, self.library_dir = library, engine, executor, library_dir
        self.windows: list[QWidget] = []  # open compare windows and dialogs, kept alive

        def action(text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
            act = QAction(text, library)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            library.view.addAction(act)
            library.story_actions.append(act)
            return act

        self.family_action = action(self.tr("Family and &chain…"), "Ctrl+Shift+F", self.show_family)
        self.extend_action = action(self.tr("E&xtend chain"), "Ctrl+Shift+X", self.extend_chain)
        self.compare_action = action(self.tr("Co&mpare (2–4)…"), "Ctrl+Shift+C", self.compare_selected)
        self.join_action = action(self.tr("&Join into one video…"), "Ctrl+J", self.join_selected)
        self.variations_action = action(self.tr("&Variations…"), "Ctrl+Shift+V", self.make_variations)
        self.group_action = action(self.tr("Open its &group…"), "Ctrl+Shift+G", self.open_group)

    def _title(self, record: TaskRecord) -> str:
        return str(self.library.model.title_of(record))

    def _playable(self) -> list[TaskRecord]:
        return [r for r in self.library.selected_records() if r.state is TaskState.SUCCEEDED and r.video_path]

    def _keep(self, widget: QWidget) -> QWidget:
        self.windows.append(widget)
        widget.destroyed.connect(lambda *_: self._forget(widget))
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        widget.show()
        return widget

    def _forget(self, widget: QWidget) -> None:
        if widget in self.windows:
            self.windows.remove(widget)

    def show_family(self) -> FamilyDialog | None:
        records = self.library.selected_records()
        if not records:
            return None
        dialog = FamilyDialog(dict(self.engine.tasks), records[0].id, self._title, self.library)
        dialog.extend_requested.connect(self._extend)
        dialog.join_requested.connect(self.join)
        dialog.compare_requested.connect(self.compare)
        self._keep(dialog)
        return dialog

    def extend_chain(self) -> asyncio.Task[None] | None:
        records = self.library.selected_records()
        if not records:
            return None
        return self._extend(chain(dict(self.engine.tasks), records[0].id)[-1])

    def _extend(self, last: TaskRecord) -> asyncio.Task[None] | None:
        if not last.video_path:
            return None
        return spawn(self.library._continue(last), name="extend-chain")

    def compare_selected(self) -> CompareView | None:
        return self.compare(sorted(self._playable(), key=lambda r: r.created_at))

    def compare(self, records: list[TaskRecord]) -> CompareView | None:
        from gui.views.compare_view import MAX_VIDEOS, CompareView

        if not 2 <= len(records) <= MAX_VIDEOS:
            self.library.message.emit(self.tr("Select 2 to 4 videos to compare."))
            return None
        view = CompareView([(str(r.video_path), self._title(r)) for r in records])
        view.resize(960, 640)
        self._keep(view)
        return view

    def make_variations(self) -> VariationsDialog | None:
        records = self.library.selected_records()
        if not records:
            return None
        from gui.views.variations import VariationsDialog

        dialog = VariationsDialog(records[0], self.engine, self.library)
        dialog.made.connect(
            lambda _group, made: self.library.message.emit(self.tr("%n variation(s) queued", "", made))
        )
        self._keep(dialog)
        return dialog

    def open_group(self) -> CompareView | None:
        """The selected video's group (its variations, or the batch it was made in) as a grid that
        plays them all at once, muted, in sync; keep some and move the rest to the trash."""
        records = self.library.selected_records()
        if not records or not records[0].batch_id:
            self.library.message.emit(self.tr("This video was not made in a group."))
            return None
        members = [
            r
            for r in group(self.engine.tasks.values(), records[0].batch_id)
            if r.state is TaskState.SUCCEEDED
        ]
        members = [r for r in members if r.video_path][:GROUP_LIMIT]
        if len(members) < 2:
            self.library.message.emit(self.tr("Its group has only one finished video yet."))
            return None
        from gui.views.compare_view import CompareView

        view = CompareView(
            [(str(r.video_path), self._take(r)) for r in members], limit=GROUP_LIMIT, keepers=True
        )
        view.setWindowTitle(self.tr("Group of %n video(s)", "", len(members)))
        view.keep_chosen.connect(lambda kept: self._trash_others(members, kept))
        view.compare_chosen.connect(lambda chosen: self.compare([members[n] for n in chosen]))
        view.resize(1024, 720)
        self._keep(view)
        return view

    def _take(self, record: TaskRecord) -> str:
        """A take of a group, told apart from the others: its model and seed."""
        seed = "" if record.request.seed is None else str(record.request.seed)
        text = (
            self.tr("%1 · seed %2").replace("%1", record.model).replace("%2", seed) if seed else record.model
        )
        return f"{self._title(record)} · {text}"

    def _trash_others(self, members: list[TaskRecord], kept: list[int]) -> None:
        others = [r.id for n, r in enumerate(members) if n not in kept]
        self.library.model.trash_videos(others)  # shown alone or in their group's tile
        self.library.message.emit(self.tr("%n video(s) moved to the trash", "", len(others)))

    def join_selected(self) -> JoinDialog | None:
        return self.join(sorted(self._playable(), key=lambda r: r.created_at))  # oldest first

    def join(self, records: list[TaskRecord]) -> JoinDialog | None:
        if len(records) < 2:
            self.library.message.emit(self.tr("Select at least two videos to join."))
            return None
        from gui.views.join_dialog import JoinDialog

        dialog = JoinDialog(
            records, self._title, self.executor, self.library_dir, self.engine.import_videos, self.library
        )
        self._keep(dialog)
        return dialog
