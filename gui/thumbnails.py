"""Thumbnails made off the window's process and cached on disk, shared by the queue and the library.

``get(path)`` answers at once: the picture when it is in memory, else None after queueing the
work. ``ready(path)`` fires on the UI thread when it arrives. A small thread pool looks for the
cached PNG and loads it; a thumbnail not made yet is made (the decoding) by the media worker's
process, which gives way to the window (gui/media_worker.py).
"""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QPixmap

from gui.media import cached_thumbnail, thumbnail_png
from gui.media_worker import MediaWorker

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
        self.worker = MediaWorker()
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
        """The cached PNG when there is one, else the worker's process is asked to make it."""
        png = cached_thumbnail(Path(path), self.cache_dir, self.max_side)
        if png is not None:
            self._load(path, png)
            return
        made = self.worker.submit(thumbnail_png, Path(path), self.cache_dir, self.max_side)
        made.add_done_callback(functools.partial(self._made, path))

    def _made(self, path: str, made: Future[Path]) -> None:
        # the worker's reader thread: the PNG is loaded on the pool, not here
        exc = made.exception()
        if exc is not None:
            self._fail(path, exc)
            return
        try:
            self._pool.submit(self._guarded, functools.partial(self._load, png=made.result()), path)
        except RuntimeError:  # the pool is shut down: closing
            pass

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
        self.worker.close()
        self._pool.shutdown(wait=True, cancel_futures=True)
