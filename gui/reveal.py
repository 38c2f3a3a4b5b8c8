"""Reveal files in the system's file manager: their folder opened with them selected.

Windows: Explorer's ``/select``; macOS: ``open -R``; Linux: the freedesktop file manager interface
(``org.freedesktop.FileManager1.ShowItems`` on the session bus, which Nautilus, Dolphin, Nemo,
Caja and Thunar answer), asked without waiting on the window's thread. Where none answers, the
folder is opened without a selection.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QUrl
from PySide6.QtGui import QDesktopServices

log = logging.getLogger("clipdesk.gui")
SERVICE = "org.freedesktop.FileManager1"
OBJECT = "/org/freedesktop/FileManager1"

_pending: set[QObject] = set()  # answers awaited from the session bus


def open_folders(paths: list[str]) -> None:
    for folder in dict.fromkeys(str(Path(p).parent) for p in paths):
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))


def reveal(paths: list[str]) -> None:
    """Show ``paths`` selected in the file manager (their folders opened where it cannot)."""
    if not paths:
        return
    if sys.platform == "win32":
        for path in paths:
            QProcess.startDetached("explorer", ["/select,", str(Path(path))])
    elif sys.platform == "darwin":
        QProcess.startDetached("open", ["-R", *paths])
    elif not _show_items(paths):
        open_folders(paths)


def _show_items(paths: list[str]) -> bool:
    """Ask the session bus's file manager to show the files; False when there is no bus."""
    from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusPendingCallWatcher

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    message = QDBusMessage.createMethodCall(SERVICE, OBJECT, SERVICE, "ShowItems")
    uris = [QUrl.fromLocalFile(p).toString(QUrl.ComponentFormattingOption.FullyEncoded) for p in paths]
    message.setArguments([uris, ""])  # URIs, spaces and all escaped
    watcher = QDBusPendingCallWatcher(bus.asyncCall(message))

    def answered(call: QDBusPendingCallWatcher) -> None:
        _pending.discard(call)
        if call.isError():  # no file manager on the bus: the folder, opened
            log.info("no file manager showed the files (%s): opening their folder", call.error().name())
            open_folders(paths)
        call.deleteLater()

    watcher.finished.connect(answered)
    _pending.add(watcher)
    return True
