"""One ClipDesk app per data folder: a second launch on the same folder brings the first window
forward and ends (exit 0), so two apps never work on one journal.

The app of a folder listens on a local socket (``QLocalServer``: a Unix socket, a named pipe on
Windows) named from the folder's path; a later launch connects and
says ``show``. A socket left behind by an app that crashed is taken over. The headless CLI does not
take part: it may run beside the app (the journal's task leases keep each task to one engine).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("clipdesk.gui")
SHOW = b"show\n"
WAIT_MS = 1000  # for an app that is there, answering takes a few ms; a busy machine may take more


def server_name(data_folder: Path) -> str:
    """The socket's name for ``data_folder`` (the same folder, however it is written, the same name)."""
    digest = hashlib.sha256(os.fsencode(data_folder.expanduser().resolve())).hexdigest()[:24]
    return f"clipdesk-{digest}"


def ask_to_show(name: str) -> bool:
    """Ask the app listening on ``name`` to bring its window forward. False when none listens."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(WAIT_MS):
        return False
    socket.write(SHOW)
    socket.waitForBytesWritten(WAIT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """The listening side: ``show_requested`` is emitted each time a later launch asks."""

    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        # Default socket options: with any, Qt on Unix binds elsewhere and renames the socket into
        # place, replacing a live app's socket instead of failing with AddressInUseError.
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Become the app of this folder. False when another app already is (it was asked to show
        its window); True otherwise, also when the socket cannot be made (then the app runs on, as
        before this guard existed, and says why in the log)."""
        if self._server.listen(self.name):
            return True
        if ask_to_show(self.name):
            return False
        QLocalServer.removeServer(self.name)  # left behind by an app that ended without closing it
        if not self._server.listen(self.name):
            log.warning("cannot listen for a second launch on %s: %s", self.name, self._server.errorString())
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)

    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and SHOW.strip() in bytes(socket.readAll().data()):
            log.info("a second launch on this data folder asked for the window")
            self.show_requested.emit()
