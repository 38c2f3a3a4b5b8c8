"""Which library items a view shows (LibraryFilter), which are new, and how a video's model is
named: plain functions and data over task records and the library's marks, no Qt model.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from core.errors import ClipDeskError
from core.library import IMPORTED
from core.providers import get_provider
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.lineage import stack_key
from gui.i18n import is_chinese
from gui.settings import LibraryMarks
from gui.texts import model_label

ALL, NEW, FAVOURITES, TRASH = "", "new", "favourites", "trash"  # the states a filter can ask for


def is_new(record: TaskRecord, marks: LibraryMarks) -> bool:
    """Made here (not imported), finished since plays are recorded, and not played yet."""
    return (
        record.id not in marks.watched
        and record.connection != IMPORTED
        and (record.finished_at or record.created_at) >= marks.new_after
    )


@dataclass
class LibraryFilter:
    text: str = ""
    connection: str = ""
    model: str = ""
    state: str = ALL  # ALL, NEW, FAVOURITES, or TRASH (the items in the trash instead of the others)
    since: float = 0.0  # made at or after this time (0: any time)
    group: str = ""  # a stack opened: only its videos, each its own tile (core/tasks/lineage.stack_key)

    @property
    def trash(self) -> bool:
        return self.state == TRASH

    def accepts(self, record: TaskRecord, marks: LibraryMarks) -> bool:
        if (record.id in marks.trashed) != self.trash:
            return False
        if self.state == FAVOURITES and record.id not in marks.favourites:
            return False
        if self.state == NEW and not is_new(record, marks):
            return False
        if self.connection and record.connection != self.connection:
            return False
        if self.model and record.model != self.model:
            return False
        if self.since and record.created_at < self.since:
            return False
        if self.group and stack_key(record) != self.group:
            return False
        if not self.text:
            return True
        needle = self.text.casefold()
        title = marks.titles.get(record.id, "")
        return needle in record.request.prompt.casefold() or needle in title.casefold()


@functools.lru_cache(maxsize=256)
def _model_name(dialect: str, model: str, chinese: bool) -> str:
    try:
        spec = get_provider(dialect).catalog.spec(model)
    except (ValueError, ClipDeskError):  # an imported video's, or a dialect this build lacks
        return model
    return model_label(dialect, spec)


def model_name(record: TaskRecord) -> str:
    """The record's model as the composer names it (its label, in Chinese where it has one)."""
    return _model_name(record.dialect, record.model, is_chinese())


def in_library(record: TaskRecord) -> bool:
    return record.state is TaskState.SUCCEEDED and bool(record.video_path)
