"""The desktop app's start-up and orderly shutdown, on one asyncio loop inside Qt (qasync).

Pattern (see the platform notes): the QApplication exists before the loop; Qt must not quit by
itself (``setQuitOnLastWindowClosed(False)``), the last window closing sets an asyncio.Event, the
main coroutine then closes the engine and the journal while the loop still runs, and returns.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from collections.abc import Sequence

import qasync  # after PySide6, so qasync binds to it
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.store import JournalError
from gui.i18n import install_translators, resolve_language
from gui.services import close_services, open_services
from gui.spawn import drain

log = logging.getLogger("clipdesk.gui")
SELFTEST_FLAG = "--selftest"


async def _show_fatal(text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "ClipDesk", text, QMessageBox.StandardButton.Ok)
    await qasync.asyncWrap(box.exec)


async def amain(app: QApplication, argv: Sequence[str]) -> int:
    from gui.main_window import MainWindow  # widgets are imported once the app exists

    selftest = SELFTEST_FLAG in argv
    try:
        services = await open_services()
    except JournalError as exc:
        if not selftest:
            await _show_fatal(str(exc))
        log.error("cannot start: %s", exc)
        return 1
    translators = install_translators(app, resolve_language(services.settings.language))
    closed = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)
    app.lastWindowClosed.connect(closed.set)
    window = MainWindow(services)
    window.show()
    if not selftest:
        from gui.welcome import show_welcome_if_first_run

        show_welcome_if_first_run(window)
    try:
        await services.engine.resume_all()
        if selftest:
            # Start, paint, close, exit 0 (the full render-and-play selftest is gui/selftest.py).
            QTimer.singleShot(500, window.close)
        await closed.wait()
    finally:
        window.shutdown()
        await drain(timeout=3.0)
        await close_services(services)
        del translators
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    from gui.crash import install as install_crash_handler
    from gui.crash import install_loop_handler

    install_crash_handler()
    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    assert isinstance(app, QApplication)
    app.setOrganizationName("ClipDesk")
    app.setApplicationName("ClipDesk")
    app.setApplicationDisplayName("ClipDesk")
    app.setDesktopFileName("io.github.clipdesk.ClipDesk")
    from gui.main_window import app_icon

    app.setWindowIcon(app_icon())
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends the process even while Qt is idle
    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        install_loop_handler(runner.get_loop())
        return runner.run(amain(app, args))
