"""User settings (one typed, versioned file) and UI state (QSettings), kept apart.

User settings live in ``settings.json`` in the config folder; window geometry, splitter sizes and
the last chosen connection and model live in ``ui-state.ini`` beside it, so ``CLIPDESK_HOME``
moves both.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

log = logging.getLogger("clipdesk.gui")
SETTINGS_VERSION = 1
LANGUAGE_SYSTEM = "system"


@dataclass
class UserSettings:
    language: str = LANGUAGE_SYSTEM  # "system", "zh_CN" or "en"
    output_dir: str = ""  # "" = the library folder
    notifications: bool = True
    theme: str = "system"  # "system", "dark" or "light" (gui/theme.py)


def _write_json(path: Path, payload: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=2)
    os.replace(tmp, path)


class SettingsStore:
    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / "settings.json"

    def load(self) -> UserSettings:
        settings = UserSettings()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return settings
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable, using defaults: %s", exc)
            return settings
        for name in UserSettings.__dataclass_fields__:
            if name in data.get("settings", {}):
                setattr(settings, name, data["settings"][name])
        return settings

    def save(self, settings: UserSettings) -> None:
        _write_json(self.path, {"version": SETTINGS_VERSION, "settings": asdict(settings)})


@dataclass
class LibraryMarks:
    """What the user did to library items (by task id): favourites, titles given by a rename,
    items moved to the library's trash (with when) and videos played, in ``library.json`` in the
    config folder. The videos' files and the tasks are untouched: a restored item comes back as it
    was. A video finished at or after ``new_after`` (when this record of plays began) and not
    played yet is new: the videos of a library kept before it began are not all new at once."""

    path: Path
    favourites: set[str] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)
    trashed: dict[str, float] = field(default_factory=dict)
    watched: set[str] = field(default_factory=set)
    new_after: float = 0.0

    @classmethod
    def load(cls, config_dir: Path) -> LibraryMarks:
        marks = cls(config_dir / "library.json")
        try:
            data = json.loads(marks.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = _read_favourites_file(config_dir / "favourites.json")  # kept by earlier versions
        except (OSError, ValueError) as exc:
            log.warning("library marks unreadable, starting without: %s", exc)
            data = {}
        try:
            marks.favourites = {str(i) for i in data.get("favourites", [])}
            marks.titles = {str(k): str(v) for k, v in data.get("titles", {}).items()}
            marks.trashed = {str(k): float(v) for k, v in data.get("trashed", {}).items()}
            marks.watched = {str(i) for i in data.get("watched", [])}
            marks.new_after = float(data.get("new_after", 0.0))
        except (AttributeError, TypeError, ValueError) as exc:
            log.warning("library marks unreadable, starting without: %s", exc)
            marks = cls(marks.path)
        if not marks.new_after:  # the record of plays begins now
            marks.new_after = time.time()
            try:
                marks._save()
            except OSError as exc:
                log.warning("library marks not saved: %s", exc)
        return marks

    def _save(self) -> None:
        _write_json(
            self.path,
            {
                "version": 1,
                "favourites": sorted(self.favourites),
                "titles": self.titles,
                "trashed": self.trashed,
                "watched": sorted(self.watched),
                "new_after": self.new_after,
            },
        )

    def watch(self, task_ids: list[str]) -> None:
        """The videos were played: no longer new."""
        if not set(task_ids) <= self.watched:
            self.watched.update(task_ids)
            self._save()

    def toggle_favourite(self, task_id: str) -> bool:
        """Flip and save; returns whether it is now a favourite."""
        if task_id in self.favourites:
            self.favourites.discard(task_id)
        else:
            self.favourites.add(task_id)
        self._save()
        return task_id in self.favourites

    def set_favourite(self, task_ids: list[str], favourite: bool) -> None:
        """Make the items favourites (or not) and save."""
        if favourite:
            self.favourites.update(task_ids)
        else:
            self.favourites.difference_update(task_ids)
        self._save()

    def rename(self, task_id: str, title: str) -> None:
        """Give the item a title (an empty one: back to its prompt) and save."""
        title = " ".join(title.split())
        if title:
            self.titles[task_id] = title
        else:
            self.titles.pop(task_id, None)
        self._save()

    def trash(self, task_ids: list[str], when: float) -> None:
        self.trashed.update(dict.fromkeys(task_ids, when))
        self._save()

    def restore(self, task_ids: list[str]) -> None:
        for task_id in task_ids:
            self.trashed.pop(task_id, None)
        self._save()

    def forget(self, task_ids: list[str]) -> None:
        """The items are gone for good (deleted): nothing is kept of them."""
        for task_id in task_ids:
            self.trashed.pop(task_id, None)
            self.titles.pop(task_id, None)
            self.favourites.discard(task_id)
            self.watched.discard(task_id)
        self._save()


def _read_favourites_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {"favourites": data.get("favourites", [])} if isinstance(data, dict) else {}


def ui_state(config_dir: Path) -> QSettings:
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / "ui-state.ini"), QSettings.Format.IniFormat)
