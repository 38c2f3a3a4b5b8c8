"""HTTP plumbing of the emulators: a threaded HTTP/1.1 loopback server with keep-alive, the recorded
request, the reply an emulator hands back, and how a reply goes on the wire (incl. cut and reset)."""

from __future__ import annotations

import contextlib
import email
import email.policy
import json
import socket
import socketserver
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


class Headers(dict):
    """Request headers as sent (name → value) with case-insensitive ``get``/``[]``/``in``."""

    def _key(self, name: str) -> str | None:
        low = name.lower()
        for k in self.keys():
            if k.lower() == low:
                return k
        return None

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        k = self._key(name)
        return default if k is None else dict.__getitem__(self, k)

    def __getitem__(self, name: str) -> str:
        k = self._key(name)
        if k is None:
            raise KeyError(name)
        return dict.__getitem__(self, k)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._key(name) is not None


@dataclass
class UploadedFile:
    filename: str
    content_type: str
    data: bytes


@dataclass
class RecordedRequest:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: Headers
    body: bytes
    json: Any
    timestamp: float
    form: dict[str, Any] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)
    raw_path: str = ""
    client: tuple[str, int] | None = None

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name, default)

    def q(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default

    @property
    def data(self) -> dict[str, Any]:
        """The JSON object body, else the form fields (multipart / urlencoded)."""
        return self.json if isinstance(self.json, dict) else self.form


@dataclass
class Reply:
    status: int
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/json"
    length: int | None = None  # required when body is an iterable
    cut_after: int | None = None  # send this many body bytes, then close (Content-Length stays full)
    reset: bool = False  # send nothing, reset the connection


def json_reply(status: int, obj: Any, headers: dict[str, str] | None = None) -> Reply:
    body = json.dumps(obj, ensure_ascii=False).encode()
    return Reply(status, body, dict(headers or {}), "application/json; charset=utf-8")


def _parse_multipart(body: bytes, content_type: str) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    msg = email.message_from_bytes(head + body, policy=email.policy.HTTP)
    form: dict[str, Any] = {}
    files: dict[str, UploadedFile] = {}
    if not msg.is_multipart():
        return form, files
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            files[name] = UploadedFile(filename, part.get_content_type(), payload)
            continue
        value = payload.decode("utf-8", "replace")
        if name in form:
            prev = form[name]
            form[name] = [*prev, value] if isinstance(prev, list) else [prev, value]
        else:
            form[name] = value
    return form, files


class LoopbackServer(ThreadingHTTPServer):
    """ThreadingHTTPServer (daemon handler threads) that calls ``handle(handler)`` per request and
    can stop cleanly even while clients keep idle keep-alive connections open."""

    request_queue_size = 1024  # a burst of hundreds of connects must not overflow the listen backlog

    daemon_threads = True

    def __init__(self, addr: tuple[str, int], handle: Callable[[_Handler], None]) -> None:
        self.handle = handle
        self._conns: set[socket.socket] = set()
        self._handlers: set[threading.Thread] = set()
        self._conns_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.connections_opened = 0  # TCP connections accepted, for benchmarks
        super().__init__(addr, _Handler)

    def server_bind(self) -> None:  # skip HTTPServer's reverse DNS lookup (getfqdn)
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self, name: str) -> None:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, name=name, daemon=True
        )
        self._thread.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        # server_close() joins only non-daemon threads: keep the handlers to join them in stop(),
        # and track the connection before its thread starts, so stop() can always wake it
        thread = threading.Thread(target=self.process_request_thread, args=(request, client_address))
        thread.daemon = True
        with self._conns_lock:
            self._handlers = {t for t in self._handlers if t.is_alive()}
            self._handlers.add(thread)
        self.track(request, add=True)
        thread.start()

    def stop(self) -> None:
        self.shutdown()  # no more connections accepted, so no more handler threads
        with self._conns_lock:
            conns = list(self._conns)
            handlers = list(self._handlers)
        for conn in conns:  # wake handler threads parked on idle keep-alive connections
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self.server_close()
        for handler in handlers:
            handler.join(5)
        if self._thread is not None:
            self._thread.join(5)

    def track(self, conn: socket.socket, add: bool) -> None:
        with self._conns_lock:
            if add:
                self._conns.add(conn)
                self.connections_opened += 1
            else:
                self._conns.discard(conn)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ClipDeskEmulator/1.0"
    sys_version = ""
    timeout = 120
    server: LoopbackServer

    def setup(self) -> None:
        super().setup()
        # no Nagle: headers and body go out at once (else ~40 ms per answer with delayed ACKs)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass
        finally:
            self.server.track(self.connection, add=False)

    def _dispatch(self) -> None:
        self.server.handle(self)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _dispatch

    def log_message(self, format: str, *args: Any) -> None:
        pass


def read_request(h: _Handler, timestamp: float) -> RecordedRequest:
    """Read the whole request (body included, so keep-alive survives any answer) and parse it."""
    body = _read_body(h)
    parts = urlsplit(h.path)
    headers = Headers()
    for name, value in h.headers.items():
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    ctype = (headers.get("Content-Type", "") or "").lower()
    parsed: Any = None
    form: dict[str, Any] = {}
    files: dict[str, UploadedFile] = {}
    if body and ctype.startswith("multipart/"):
        form, files = _parse_multipart(body, headers["Content-Type"])
    elif body and "x-www-form-urlencoded" in ctype:
        form = {k: v[0] if len(v) == 1 else v for k, v in parse_qs(body.decode()).items()}
    elif body:  # JSON, or anything that parses as JSON
        with contextlib.suppress(ValueError):
            parsed = json.loads(body)
    return RecordedRequest(
        method=h.command,
        path=parts.path,
        query=parse_qs(parts.query, keep_blank_values=True),
        headers=headers,
        body=body,
        json=parsed,
        timestamp=timestamp,
        form=form,
        files=files,
        raw_path=h.path,
        client=h.client_address[:2],
    )


def _read_body(h: _Handler) -> bytes:
    if "chunked" in (h.headers.get("Transfer-Encoding") or "").lower():
        out = bytearray()
        while True:
            size = int(h.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while h.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return bytes(out)
            out += h.rfile.read(size)
            h.rfile.readline()
    n = int(h.headers.get("Content-Length") or 0)
    return h.rfile.read(n) if n else b""


def send_reply(h: _Handler, reply: Reply, truncate_delay: float = 0.0) -> None:
    if reply.reset:
        _reset(h)
        return
    if isinstance(reply.body, bytes | bytearray):
        chunks: Iterable[bytes] = [bytes(reply.body)]
        length = len(reply.body)
    else:
        chunks = reply.body
        length = reply.length or 0
    try:
        h.send_response(reply.status)
        for name, value in reply.headers.items():
            h.send_header(name, value)
        if reply.content_type:
            h.send_header("Content-Type", reply.content_type)
        h.send_header("Content-Length", str(length))
        h.end_headers()
        if h.command == "HEAD":
            return
        sent = 0
        for chunk in chunks:
            if reply.cut_after is not None and sent + len(chunk) >= reply.cut_after:
                h.wfile.write(chunk[: reply.cut_after - sent])
                h.wfile.flush()
                # a stall before the drop lets the client consume what arrived (aiohttp discards
                # buffered bytes when the EOF lands in the same read); real cuts look like this too
                time.sleep(truncate_delay)
                h.connection.shutdown(socket.SHUT_WR)
                h.close_connection = True
                return
            h.wfile.write(chunk)
            sent += len(chunk)
        h.wfile.flush()
    except OSError:
        h.close_connection = True


def _reset(h: _Handler) -> None:
    """Drop the connection with a TCP RST and no answer."""
    with contextlib.suppress(OSError):
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()  # the fd really closes (RST) once rfile/wfile are closed in finish()
    h.close_connection = True
