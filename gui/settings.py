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
class Favourites:
    """Favourite library items (task ids), in ``favourites.json`` in the config folder."""

    path: Path
    ids: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, config_dir: Path) -> Favourites:
        path = config_dir / "favourites.json"
        try:
            ids = set(json.loads(path.read_text(encoding="utf-8")).get("favourites", []))
        except (OSError, ValueError):
            ids = set()
        return cls(path, ids)

    def toggle(self, task_id: str) -> bool:
        """Flip and save; returns whether it is now a favourite."""
        if task_id in self.ids:
            self.ids.discard(task_id)
        else:
            self.ids.add(task_id)
        _write_json(self.path, {"version": 1, "favourites": sorted(self.ids)})
        return task_id in self.ids


def ui_state(config_dir: Path) -> QSettings:
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / "ui-state.ini"), QSettings.Format.IniFormat)
