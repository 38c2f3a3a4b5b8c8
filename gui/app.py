"""The desktop app's start-up and orderly shutdown, on one asyncio loop inside Qt (qasync).

One app per data folder (gui/single_instance.py): a launch that finds an app already running on
its data folder asks it to bring its window forward and exits 0, before any window of its own.

Start-up paints the window first, then does the rest:

1. QApplication, the translators (the settings file names the language) and the window's frame
   (gui/frame.py: menus, splitters, tabs, "Starting…" where each region goes), shown and painted
   (:func:`show_and_paint`). Nothing before this imports asyncio, qasync, the engine, the HTTP
   stack, the keyring, PyAV, Pillow or QtMultimedia.
2. The qasync loop; the services (journal, engine thread, tasks, connections) open; the window
   builds its regions into the frame (``MainWindow.attach``) and enables what needs services;
   the engine resumes the tasks in flight.

Pattern (see the platform notes): the QApplication exists before the loop; Qt must not quit by
itself (``setQuitOnLastWindowClosed(False)``), the last window closing sets an asyncio.Event, the
main coroutine then closes the engine and the journal while the loop still runs, and returns. A
window closed while the services are still opening ends the app as soon as they are open (they
are closed in order; nothing is resumed).
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.services import close_services, open_services, probe_keyring

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger("clipdesk.gui")
SELFTEST_FLAG = "--selftest"
FIRST_PAINT_WAIT = 0.25  # s; a window the platform does not expose (minimised) is not waited for


class _FirstPaint(QObject):
    """Notes whether the widget it watches has painted."""

    painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def show_and_paint(app: QApplication, window: QWidget, limit: float = FIRST_PAINT_WAIT) -> bool:
    """Show ``window`` and run Qt's events until it has painted (or ``limit`` seconds passed).

    The splash-screen idiom: the window appears before the slow part of start-up, not after it.
    Returns whether it painted.
    """
    watcher = _FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    tick = QTimer()
    tick.start(10)  # wakes the wait below, so the limit holds even with no other event
    deadline = time.monotonic() + limit
    while not watcher.painted and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    tick.stop()
    window.removeEventFilter(watcher)
    return watcher.painted


def bring_forward(window: QWidget) -> None:
    """The window on top and focused, restored if minimised (a maximised one stays maximised)."""
    if window.isMinimized():
        window.showNormal()
    else:
        window.show()
    window.raise_()
    window.activateWindow()


async def _show_fatal(text: str, parent: QWidget | None) -> None:
    import qasync

    box = QMessageBox(QMessageBox.Icon.Critical, "ClipDesk", text, QMessageBox.StandardButton.Ok, parent)
    await qasync.asyncWrap(box.exec)


async def amain(app: QApplication, window: MainWindow, argv: Sequence[str]) -> int:
    """Everything after the first paint: services, the regions, resume; then the orderly shutdown."""
    import asyncio

    from core.tasks.journal import JournalError
    from gui.spawn import drain

    selftest = SELFTEST_FLAG in argv
    app.setQuitOnLastWindowClosed(False)  # (main() did, before the first paint; tests call this alone)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    try:
        services = await open_services(window.paths)
    except JournalError as exc:
        if not selftest and window.isVisible():
            await _show_fatal(str(exc), window)
        log.error("cannot start: %s", exc)
        app.lastWindowClosed.disconnect(closed.set)
        window.close()
        return 1
    try:
        if window.isVisible():  # not closed while the services opened
            window.attach(services)
            if not selftest:
                from gui.welcome import show_welcome_if_first_run

                show_welcome_if_first_run(window)
            await probe_keyring(services)  # (after "ready": the window shows no key before it is asked)
            await services.engine.resume_all()
            if selftest:
                # Start, paint, close, exit 0 (the full render-and-play selftest is gui/selftest.py).
                QTimer.singleShot(500, window.close)
            if window.isVisible():
                await closed.wait()
    finally:
        app.lastWindowClosed.disconnect(closed.set)
        window.shutdown()
        await drain(timeout=3.0)
        await close_services(services)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from core.config.paths import default_paths
    from gui.crash import install as install_crash_handler
    from gui.i18n import install_translators, resolve_language
    from gui.main_window import MainWindow, app_icon
    from gui.qtlog import quiet_qt
    from gui.settings import SettingsStore
    from gui.single_instance import SingleInstance, ask_to_show, server_name
    from gui.theme import apply_theme, load_bundled_fonts, settle_theme

    install_crash_handler()
    quiet_qt()  # known-harmless Qt multimedia and platform messages stay off stderr
    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    assert isinstance(app, QApplication)
    app.setOrganizationName("ClipDesk")
    app.setApplicationName("ClipDesk")
    app.setApplicationDisplayName("ClipDesk")
    app.setDesktopFileName("io.github.clipdesk.ClipDesk")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends the process even while Qt is idle
    paths = default_paths()
    name = server_name(paths.data)
    if ask_to_show(name):  # one app per data folder: the one already running shows its window
        print("ClipDesk is already running with this data folder; its window was brought forward.")
        return 0
    user_settings = SettingsStore(paths.config).load()
    language = resolve_language(user_settings.language)
    translators = install_translators(app, language)
    load_bundled_fonts(app, chinese_ui=language.startswith("zh"))
    apply_theme(app, user_settings.theme, settled=False)  # (settled after the first paint)
    window = MainWindow(paths=paths)  # the frame; the regions come with the services
    show_and_paint(app, window)
    instance = SingleInstance(name)
    if not instance.listen():  # launched at the same moment as another, which listened first
        window.close()
        return 0
    instance.show_requested.connect(lambda: bring_forward(window))
    settle_theme(app)

    import asyncio

    from gui.crash import install_loop_handler
    from gui.loop import new_loop  # qasync, after PySide6 so that it binds to it

    try:
        with asyncio.Runner(loop_factory=new_loop) as runner:
            install_loop_handler(runner.get_loop())
            return runner.run(amain(app, window, args))
    finally:
        instance.close()
        del translators
