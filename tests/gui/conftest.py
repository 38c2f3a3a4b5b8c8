"""GUI test fixtures: a qasync loop driven with run_until_complete, the core services in the
test's CLIPDESK_HOME, the main window, and Qt warnings turned into test failures."""

from __future__ import annotations

import asyncio
import gc
import os
import re
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

import qasync
from PIL import Image
from PySide6.QtCore import QMessageLogContext, QMimeData, QPointF, Qt, QtMsgType, QUrl, qInstallMessageHandler
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from gui.loop import new_loop

T = TypeVar("T")

# Known harmless lines from the multimedia backend and the offscreen platform.
ALLOWED_QT_MESSAGES = [
    re.compile(p)
    for p in (
        r"pipewire",
        r"PulseAudioService",
        r"No audio device detected",
        r"No HW decoder found",
        r"Using Qt multimedia with FFmpeg",
        r"No RHI backend",
        r"This plugin does not support propagateSizeHints\(\)",
        r"This plugin does not support raise\(\)",
        r"This plugin does not support grabbing the keyboard",
        r"QFont::fromString",
    )
]


@pytest.fixture(autouse=True)
def fail_on_qt_warnings() -> Iterator[list[str]]:
    """Any Qt warning or critical message that is not on the allow-list fails the test."""
    bad: list[str] = []

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        serious = mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if serious and not any(p.search(message) for p in ALLOWED_QT_MESSAGES):
            bad.append(f"{mode.name}: {message} ({context.category})")
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    yield bad
    qInstallMessageHandler(previous)
    if bad:
        pytest.fail("Qt warnings during the test:\n" + "\n".join(bad))


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: QApplication) -> Iterator[None]:
    """The app's English translation (plural forms), built from the .ts like the app does."""
    from gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """The app's qasync loop, which test bodies drive with run_until_complete (platform notes §3)."""
    loop = new_loop()
    asyncio.set_event_loop(loop)
    yield loop
    try:
        from gui.spawn import drain

        loop.run_until_complete(drain(timeout=5))
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        del loop
        # Collect the loop's QObjects here: a collection triggered later on a worker thread
        # would destroy them there ("Timers cannot be stopped from another thread").
        gc.collect()


def run(loop: asyncio.AbstractEventLoop, coro: Coroutine[Any, Any, T], timeout: float = 60) -> T:
    return loop.run_until_complete(asyncio.wait_for(coro, timeout))


def until_saved(loop: asyncio.AbstractEventLoop, dialog: Any) -> None:
    """Until the settings an accepted dialog saves are saved (keys go to the keyring off the loop)."""
    if dialog.saving is not None:
        run(loop, dialog.saving)


async def until(predicate: Callable[[], object], timeout: float = 30, what: str = "condition") -> None:
    """Wait inside a coroutine (the loop keeps running Qt and asyncio)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(0.02)


def signal_future(signal: Any) -> asyncio.Future[tuple[Any, ...]]:
    fut: asyncio.Future[tuple[Any, ...]] = asyncio.get_running_loop().create_future()
    signal.connect(lambda *a: fut.done() or fut.set_result(a))
    return fut


def simulate_drop(widget: QWidget, mime: QMimeData, pos: QPointF | None = None) -> QDropEvent:
    """Drag-enter, drag-move and drop ``mime`` onto ``widget`` (platform notes §2). PySide6 6.11's
    drag-enter and drag-move events take a QPoint; the drop event a QPointF."""
    point = pos or QPointF(5, 5)
    rest = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(point.toPoint(), *rest)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "dragEnter rejected"
    QApplication.sendEvent(widget, QDragMoveEvent(point.toPoint(), *rest))
    drop = QDropEvent(point, *rest)
    QApplication.sendEvent(widget, drop)
    return drop


def file_mime(*paths: Path | str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def make_image(path: Path, size: tuple[int, int] = (640, 360), colour: str = "#3b7dd8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 40):
        for y in range(0, size[1], 40):
            if (x // 40 + y // 40) % 2:
                image.paste("#f5c542", (x, y, x + 20, y + 20))
    image.save(path)
    return path


@pytest.fixture
def services(qloop: qasync.QEventLoop, clipdesk_home: Path) -> Iterator[Any]:
    from gui.services import close_services, open_services

    opened = run(qloop, open_services())
    yield opened
    run(qloop, close_services(opened))


@pytest.fixture
def window(services: Any, qtbot: Any, qloop: qasync.QEventLoop) -> Iterator[Any]:
    from gui.main_window import MainWindow

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    run(qloop, services.engine.resume_all())
    yield win
    win.close()
