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
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QDir, QObject, Signal

log = logging.getLogger("clipdesk.gui")
SHOW = b"show\n"
WAIT_MS = 1000  # for an app that is there, answering takes a few ms; a busy machine may take more


def server_name(data_folder: Path) -> str:
    """The socket's name for ``data_folder`` (the same folder, however it is written, the same name)."""
    digest = hashlib.sha256(os.fsencode(data_folder.expanduser().resolve())).hexdigest()[:24]
    return f"clipdesk-{digest}"


def ask_to_show(name: str) -> bool:
    """Ask the app listening on ``name`` to bring its window forward. False when none listens."""
    if sys.platform != "win32":
        # QLocalServer's socket is a Unix socket file in QDir.tempPath(): asked with the standard
        # library, before the first paint, QtNetwork (~10 % of QtWidgets' import) is not loaded yet.
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(WAIT_MS / 1000)
            try:
                client.connect(os.path.join(QDir.tempPath(), name))
                client.sendall(SHOW)
            except OSError:  # none there, or a socket file left by a crash
                return False
        return True
    from PySide6.QtNetwork import QLocalSocket

    local = QLocalSocket()
    local.connectToServer(name)
    if not local.waitForConnected(WAIT_MS):
        return False
    local.write(SHOW)
    local.waitForBytesWritten(WAIT_MS)
    local.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """The listening side: ``show_requested`` is emitted each time a later launch asks."""

    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer  # after the first paint (see ask_to_show)

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
        self._server.removeServer(self.name)  # left behind by an app that ended without closing it
        if not self._server.listen(self.name):
            log.warning("cannot listen for a second launch on %s: %s", self.name, self._server.errorString())
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (client := self._server.nextPendingConnection()) is not None:
            client.readyRead.connect(self._read)
            client.disconnected.connect(client.deleteLater)

    def _read(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        client = self.sender()
        if isinstance(client, QLocalSocket) and SHOW.strip() in bytes(client.readAll().data()):
            log.info("a second launch on this data folder asked for the window")
            self.show_requested.emit()
