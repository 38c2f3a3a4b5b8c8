"""Thumbnails made off the window's process and cached on disk, shared by the queue and the library.

``get(path)`` answers at once: the picture when it is in memory, else None after queueing the
work. ``ready(path)`` fires on the UI thread when it arrives. Two threads look for the cached PNG
and load it; a thumbnail not made yet is made (the decoding) in the app's process pool, whose
workers give way to the window (core/media/pool.py).

``ScrubStrips`` does the same for the few pictures a library tile scrubs through under the mouse
(core/media/frames.scrub_strip_png): one strip a video, cut into its frames once loaded.
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
from core.media.frames import (
    SCRUB_FRAMES,
    cached_scrub_strip,
    cached_thumbnail,
    scrub_strip_png,
    thumbnail_png,
)

log = logging.getLogger("clipdesk.gui")
MEMORY_ITEMS = 600


class Thumbnails(QObject):
    ready = Signal(str)
    _loaded = Signal(str, QImage)
    _failed_signal = Signal(str)
    _cached = staticmethod(cached_thumbnail)  # the picture made already, else None (a file look)
    _make = staticmethod(thumbnail_png)  # makes it (decodes): run in the process pool
    memory_items = MEMORY_ITEMS  # pictures kept in memory, the least recently used let go first

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
        png = self._cached(Path(path), self.cache_dir, self.max_side)
        if png is None and not self._closed:
            png = pool.call(self._make, Path(path), self.cache_dir, self.max_side)
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
        while len(self._pixmaps) > self.memory_items:
            old, _ = self._pixmaps.popitem(last=False)
            self._let_go(old)
        self.ready.emit(path)

    @Slot(str)
    def _on_failed(self, path: str) -> None:
        self._pending.discard(path)
        self._failed.add(path)
        self.ready.emit(path)

    def _let_go(self, path: str) -> None:
        self._icons.pop(path, None)

    def forget(self, path: str) -> None:
        self._pixmaps.pop(path, None)
        self._let_go(path)
        self._failed.discard(path)

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)  # a decode in hand ends with the app


class ScrubStrips(Thumbnails):
    """A video's scrubbing pictures (``SCRUB_FRAMES`` of them, first to last frame), made in the
    process pool and cached on disk like thumbnails; ``frames(path)`` answers at once."""

    _cached = staticmethod(cached_scrub_strip)
    _make = staticmethod(scrub_strip_png)
    memory_items = 24  # the videos hovered lately (a strip of 192-pixel pictures: ~0.7 MB)

    def __init__(self, cache_dir: Path, max_side: int = 192, parent: QObject | None = None) -> None:
        super().__init__(cache_dir, max_side, parent)
        self._frames: dict[str, list[QPixmap]] = {}

    def frames(self, path: str) -> list[QPixmap] | None:
        """The pictures, once made (asked for when they are not)."""
        strip = self.get(path)
        if strip is None:
            return None
        frames = self._frames.get(path)
        if frames is None:
            width = strip.width() // SCRUB_FRAMES
            frames = [strip.copy(n * width, 0, width, strip.height()) for n in range(SCRUB_FRAMES)]
            self._frames[path] = frames
        return frames

    def _let_go(self, path: str) -> None:
        super()._let_go(path)
        self._frames.pop(path, None)
