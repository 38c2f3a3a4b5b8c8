"""Reveal a file on a session bus, with or without a file manager on it (``manager`` or ``none``),
and print what happened as JSON: run by tests/gui/test_library_browse.py under dbus-run-session.
The file manager here is a stand-in that records what it was asked to show."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QObject, QTimer, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication


@ClassInfo({"D-Bus Interface": "org.freedesktop.FileManager1"})
class FileManager(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[list[str]] = []

    @Slot("QStringList", str)
    def ShowItems(self, uris: list[str], _startup_id: str) -> None:
        self.shown.append(list(uris))


def main() -> int:
    app = QApplication([sys.argv[0]])
    import gui.reveal

    opened: list[str] = []
    QDesktopServices.openUrl = lambda url: opened.append(url.toLocalFile()) or True  # type: ignore[method-assign]
    manager = FileManager()
    bus = QDBusConnection.sessionBus()
    if sys.argv[1] == "manager":
        assert bus.registerService(gui.reveal.SERVICE)
        assert bus.registerObject(gui.reveal.OBJECT, manager, QDBusConnection.RegisterOption.ExportAllSlots)
    gui.reveal.reveal(sys.argv[2:])
    watch = QTimer()
    watch.timeout.connect(lambda: (manager.shown or opened) and app.quit())
    watch.start(20)
    QTimer.singleShot(20_000, app.quit)  # a bound, not a wait: it quits as soon as one answered
    app.exec()
    print(json.dumps({"shown": manager.shown, "opened": opened}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
