"""The crash handler: an unexpected exception leaves a redacted report the creator can send.

:func:`install` sets ``sys.excepthook`` and ``threading.excepthook``; :func:`install_loop_handler`
sets the asyncio loop's exception handler (exceptions in callbacks and in tasks nobody awaited).
Each writes ``<data>/crash-reports/crash-<timestamp>.txt``: the traceback, ClipDesk / Python /
Qt / OS versions and the last lines of ``<logs>/clipdesk.log``, all passed through
:func:`core.redact.redact`, so keys, data URIs and base64 blobs never reach the file. When a
QApplication with a screen exists, a message box then offers "Open report". It never blocks a
test: ``CLIPDESK_NO_CRASH_DIALOG=1``, the offscreen platform or ``install(dialog=False)`` turn
the box off (the report is still written and the traceback still printed).

A hard crash inside Qt or FFmpeg (a signal, not an exception) is caught by :mod:`faulthandler`,
which appends the Python stacks to ``<logs>/faults.log``.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
import threading
import traceback
from collections import deque
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

from PySide6.QtCore import QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core import __version__
from core.config.paths import Paths, default_paths
from gui.i18n import is_chinese

if TYPE_CHECKING:
    # The app installs the handler before its first paint: what only a report needs (datetime,
    # platform, core.redact) is imported when one is written, asyncio when the loop exists.
    import asyncio

log = logging.getLogger("clipdesk.crash")

REPORT_DIR = "crash-reports"
LOG_TAIL_LINES = 100
MAX_LINE = 2000  # longer lines (a dumped payload, a bytes repr) are cut
NO_DIALOG_ENV = "CLIPDESK_NO_CRASH_DIALOG"
_BYTES_REPR = re.compile(  # long bytes reprs, in single or double quotes
    r"b'(?:\\.|[^\\'\n]){64,}'" + "|" + r'b"(?:\\.|[^\\"\n]){64,}"'
)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _qt_versions() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
        from PySide6.QtGui import QGuiApplication

        platform_name = QGuiApplication.platformName() if QGuiApplication.instance() else "(no app)"
        return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, platform {platform_name}"
    except Exception as exc:  # a crash report must never fail on a version lookup
        return f"unknown ({type(exc).__name__})"


def environment() -> list[str]:
    import platform

    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    return [
        f"ClipDesk: {__version__} ({frozen})",
        f"Python: {platform.python_version()} ({platform.python_implementation()}) {sys.executable}",
        f"Qt: {_qt_versions()}",
        f"OS: {platform.platform()} ({platform.machine()})",
        f"Locale: {os.environ.get('LANG', '')}",
    ]


def log_tail(log_file: Path, lines: int = LOG_TAIL_LINES) -> list[str]:
    try:
        with log_file.open(encoding="utf-8", errors="replace") as fh:
            return [line.rstrip("\n") for line in deque(fh, maxlen=lines)]
    except OSError as exc:
        return [f"(no log: {type(exc).__name__})"]


def _clean(text: str) -> str:
    from core.redact import redact

    text = _BYTES_REPR.sub("b'<bytes>'", redact(text))
    return "\n".join(
        line if len(line) <= MAX_LINE else line[:MAX_LINE] + f" … ({len(line) - MAX_LINE} characters cut)"
        for line in text.splitlines()
    )


def build_report(exc_info: ExcInfo, paths: Paths, where: str = "main thread") -> str:
    import datetime as dt

    when = dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
    trace = "".join(traceback.format_exception(*exc_info))
    parts = [
        "ClipDesk crash report",
        f"Time: {when}",
        f"Where: {where}",
        *environment(),
        "",
        "Traceback:",
        trace.rstrip(),
        "",
        f"Last {LOG_TAIL_LINES} lines of {paths.logs / 'clipdesk.log'}:",
        *log_tail(paths.logs / "clipdesk.log"),
        "",
    ]
    return _clean("\n".join(parts)) + "\n"


def write_report(exc_info: ExcInfo, paths: Paths | None = None, where: str = "main thread") -> Path:
    """Write one report and return its path (keys and blobs redacted)."""
    import datetime as dt

    paths = paths or default_paths()
    folder = paths.data / REPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"crash-{stamp}.txt"
    target.write_text(build_report(exc_info, paths, where), encoding="utf-8")
    return target


def dialog_allowed() -> bool:
    if os.environ.get(NO_DIALOG_ENV, "") not in ("", "0"):
        return False
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return QApplication.platformName() not in ("offscreen", "minimal")


class CrashHandler:
    """Holds the hooks it replaced; :meth:`uninstall` puts them back (tests)."""

    def __init__(self, paths: Paths | None, dialog: bool) -> None:
        self._paths = paths
        self.dialog = dialog
        self.reports: list[Path] = []
        self._lock = threading.Lock()
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook
        self._fault_file: IO[str] | None = None
        self._boxes: list[Any] = []

    @property
    def paths(self) -> Paths:
        return self._paths or default_paths()

    # -- hooks -----------------------------------------------------------------------------------
    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, exc, tb)
            return
        self.handle((exc_type, exc, tb), "main thread")
        self._previous_excepthook(exc_type, exc, tb)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            self._previous_threading_hook(args)
            return
        name = args.thread.name if args.thread is not None else "?"
        self.handle((args.exc_type, args.exc_value, args.exc_traceback), f"thread {name}")
        self._previous_threading_hook(args)

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        import asyncio

        exc = context.get("exception")
        if isinstance(exc, BaseException) and not isinstance(exc, asyncio.CancelledError | KeyboardInterrupt):
            where = f"asyncio: {context.get('message', '')}".strip()
            self.handle((type(exc), exc, exc.__traceback__), where)
        loop.default_exception_handler(context)

    # -- the work --------------------------------------------------------------------------------
    def handle(self, exc_info: ExcInfo, where: str) -> Path | None:
        """Write the report (and offer it); never raises."""
        try:
            with self._lock:
                path = write_report(exc_info, self.paths, where)
                self.reports.append(path)
            log.critical("unexpected error (%s), report written to %s", where, path, exc_info=exc_info)
        except Exception as exc:  # a broken crash handler must not hide the original error
            print(f"ClipDesk: could not write a crash report: {exc!r}", file=sys.stderr)
            return None
        print(f"ClipDesk: crash report written to {path}", file=sys.stderr)
        if self.dialog and dialog_allowed():
            self._offer(path)
        return path

    def _offer(self, path: Path) -> None:
        app = QApplication.instance()
        if app is None:
            return
        if QThread.currentThread() is not app.thread():
            QTimer.singleShot(0, app, lambda: self._offer(path))  # show it on the GUI thread
            return
        try:
            box = crash_box(path)
        except Exception as exc:
            print(f"ClipDesk: could not show the crash dialog: {exc!r}", file=sys.stderr)
            return
        if QThread.currentThread().loopLevel() > 0:
            # Inside the running app (or a qasync task): never start a nested event loop here.
            self._boxes.append(box)
            box.finished.connect(lambda *_: self._boxes.remove(box) if box in self._boxes else None)
            box.open()
        else:
            box.exec()  # the app is ending anyway; let the creator read it first

    def enable_faulthandler(self) -> None:
        try:
            self.paths.logs.mkdir(parents=True, exist_ok=True)
            self._fault_file = (self.paths.logs / "faults.log").open("a", encoding="utf-8")
            faulthandler.enable(self._fault_file, all_threads=True)
        except (OSError, RuntimeError, ValueError) as exc:
            log.warning("faulthandler not enabled: %s", exc)

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook == self.threading_hook:
            threading.excepthook = self._previous_threading_hook
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None
        global _handler
        if _handler is self:
            _handler = None


_handler: CrashHandler | None = None


def install(paths: Paths | None = None, *, dialog: bool = True, faults: bool = True) -> CrashHandler:
    """Install the hooks (once; a second call returns the first handler).

    ``paths`` defaults to :func:`core.config.paths.default_paths` at the time of the crash, so
    ``CLIPDESK_HOME`` set later still applies.
    """
    global _handler
    if _handler is not None:
        return _handler
    handler = CrashHandler(paths, dialog)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.threading_hook
    if faults:
        handler.enable_faulthandler()
    _handler = handler
    return handler


def install_loop_handler(loop: asyncio.AbstractEventLoop | None = None) -> None:
    """Route the asyncio loop's unhandled exceptions to the crash handler (installs it if needed)."""
    import asyncio

    handler = _handler or install()
    (loop or asyncio.get_event_loop()).set_exception_handler(handler.loop_handler)


class CrashBox(QMessageBox):
    """The message box offering the report."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Critical, "ClipDesk", "", QMessageBox.StandardButton.NoButton, parent
        )
        self.path = path
        self.setText(
            zh_fallback(self.tr("ClipDesk ran into an unexpected error."))
            + "\n\n"
            + zh_fallback(
                self.tr(
                    "A report was saved. It holds no API keys or images, so you can send it "
                    "along when you describe what happened."
                )
            )
        )
        self.setInformativeText(str(path))
        self.open_button = self.addButton(
            zh_fallback(self.tr("&Open report")), QMessageBox.ButtonRole.ActionRole
        )
        self.addButton(QMessageBox.StandardButton.Close)
        self.open_button.clicked.connect(self.open_report)

    def open_report(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


def crash_box(path: Path) -> CrashBox:
    return CrashBox(path)


# Chinese for the strings above until the project's .ts files carry them (see packaging/README.md).
ZH_FALLBACK = {
    "ClipDesk ran into an unexpected error.": "ClipDesk 遇到了意外错误。",
    "A report was saved. It holds no API keys or images, so you can send it along when you "
    "describe what happened.": "已保存一份错误报告。报告中不含 API 密钥和图片，描述问题时可以一并发送。",
    "&Open report": "打开报告(&O)",
}


def zh_fallback(text: str, table: dict[str, str] | None = None) -> str:
    """``text`` as Qt translated it; while the .ts files lack it, the built-in Chinese instead."""
    table = ZH_FALLBACK if table is None else table
    return table.get(text, text) if is_chinese() else text
