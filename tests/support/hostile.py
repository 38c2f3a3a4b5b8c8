"""A loopback TCP server that speaks whatever bytes a test scripts: the hostile CDN or provider.

Every connection runs ``script(conn, head)`` in a thread of its own, after the request's head was
read (and recorded in ``heads``). A script may write forever: it ends when the client goes away or
the server stops.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

Script = Callable[[socket.socket, bytes], None]


class Hostile:
    def __init__(self, script: Script, host: str = "127.0.0.1", port: int = 0) -> None:
        self.script = script
        self.heads: list[bytes] = []
        self.stopped = threading.Event()
        self._listener = socket.create_server((host, port))
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def base(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(65536)
                if not data:
                    return
                head += data
            with self._lock:
                self.heads.append(head)
            self.script(conn, head)
        except OSError:
            pass  # the client went away: what a hostile script expects sooner or later
        finally:
            conn.close()

    def hold(self) -> None:
        """For a script: keep the connection open, saying nothing more, until the server stops."""
        self.stopped.wait()

    def stop(self) -> None:
        self.stopped.set()
        self._listener.close()
        with self._lock:
            for conn in self._conns:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                conn.close()


def answer(head: str, body: bytes = b"") -> bytes:
    """An answer's bytes: ``head`` lines (status line first) joined with CRLF, then ``body``."""
    return head.replace("\n", "\r\n").encode() + b"\r\n\r\n" + body
