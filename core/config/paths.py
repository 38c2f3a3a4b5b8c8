"""Where ClipDesk keeps its files. CLIPDESK_HOME moves all of them into one folder (tests use it)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ClipDesk"


@dataclass(frozen=True)
class Paths:
    config: Path
    data: Path
    cache: Path
    logs: Path
    library: Path

    @property
    def database(self) -> Path:
        return self.data / "clipdesk.sqlite3"

    @property
    def tasks(self) -> Path:
        """Per-task working folders: prepared inputs, partial downloads, renders."""
        return self.cache / "tasks"

    def ensure(self) -> Paths:
        for p in (self.config, self.data, self.cache, self.logs, self.library, self.tasks):
            p.mkdir(parents=True, exist_ok=True)
        return self


def default_paths() -> Paths:
    home = os.environ.get("CLIPDESK_HOME")
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(
            config=root / "config",
            data=root / "data",
            cache=root / "cache",
            logs=root / "logs",
            library=root / "library",
        )
    return Paths(
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        library=Path(platformdirs.user_videos_dir()) / APP_NAME,
    )
