"""Thumbnails made off the window's process and cached on disk, shared by the queue and the library.

``get(path)`` answers at once: the picture when it is in memory, else None after queueing the
work. ``ready(path)`` fires on the UI thread when it arrives. Two threads look for the cached PNG
and load it; a thumbnail not made yet is made (the decoding) in the app's process pool, whose
workers give way to the window (core/media/pool.py).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QPixmap

from core.media import pool
from core.media.frames import cached_thumbnail, thumbnail_png

log = logging.getLogger("clipdesk.gui")
MEMORY_ITEMS = 600


class Thumbnails(QObject):
    ready = Signal(str)
    _loaded = Signal(str, QImage)
    _failed_signal = Signal(str)

    def __init__(self, cache_dir: Path, max_side: int = 256, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.max_side = max_side
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="clipdesk-thumbs")
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._icons: dict[str, QIcon] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self._closed = False
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._failed_signal.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def get(self, path: str) -> QPixmap | None:
        pixmap = self._pixmaps.get(path)
        if pixmap is not None:
            self._pixmaps.move_to_end(path)
            return pixmap
        if path and path not in self._pending and path not in self._failed and not self._closed:
            self._pending.add(path)
            self._pool.submit(self._guarded, self._look, path)
        return None

    def icon(self, path: str) -> QIcon | None:
        """The thumbnail as an icon, which item views scale to their icon size."""
        icon = self._icons.get(path)
        if icon is None:
            pixmap = self.get(path)
            if pixmap is None:
                return None
            icon = self._icons[path] = QIcon(pixmap)
        return icon

    def failed(self, path: str) -> bool:
        return path in self._failed

    # -- worker threads: hand results to the UI thread through queued signals --------------------
    def _guarded(self, step: Callable[[str], None], path: str) -> None:
        try:
            step(path)
        except Exception as exc:
            self._fail(path, exc)

    def _look(self, path: str) -> None:
        """The cached PNG when there is one, else the one the process pool makes."""
        png = cached_thumbnail(Path(path), self.cache_dir, self.max_side)
        if png is None and not self._closed:
            png = pool.call(thumbnail_png, Path(path), self.cache_dir, self.max_side)
        if png is not None:
            self._load(path, png)

    def _load(self, path: str, png: Path) -> None:
        image = QImage(str(png))
        if image.isNull():
            raise ValueError(f"unreadable thumbnail {png}")
        if not self._closed:
            self._loaded.emit(path, image)

    def _fail(self, path: str, exc: BaseException) -> None:
        if not self._closed:
            log.info("no thumbnail for %s: %s", path, exc)
            self._failed_signal.emit(path)

    @Slot(str, QImage)
    def _on_loaded(self, path: str, image: QImage) -> None:
        self._pending.discard(path)
        self._pixmaps[path] = QPixmap.fromImage(image)
        while len(self._pixmaps) > MEMORY_ITEMS:
            old, _ = self._pixmaps.popitem(last=False)
            self._icons.pop(old, None)
        self.ready.emit(path)

    @Slot(str)
    def _on_failed(self, path: str) -> None:
        self._pending.discard(path)
        self._failed.add(path)
        self.ready.emit(path)

    def forget(self, path: str) -> None:
        self._pixmaps.pop(path, None)
        self._icons.pop(path, None)
        self._failed.discard(path)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)  # a decode in hand ends with the app
