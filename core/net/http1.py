"""A lean HTTP/1.1 client for the small requests: submits, polls, cancels and look-ups.

Those requests are a few hundred bytes each way, hundreds of them per minute, and through
httpx on the aiohttp transport each one cost about 0.6-0.8 ms of CPU (URL models, header models,
a cookie jar, two response objects, two connection pools). This module speaks HTTP/1.1 directly on
an ``asyncio.Protocol``: about 0.1 ms per request, most of it in the kernel. bench/poll.py shows it.

What it does: keep-alive connections per origin (idle ones expire after ``keepalive`` seconds), TLS
with the same certificate store as httpx (``httpx.create_ssl_context``), Content-Length, chunked and
read-until-close bodies, gzip/deflate, interim 1xx answers, a connect timeout and a read timeout
(no byte for that long), a fresh connection closed after use for billed requests. A request sent on
a kept-alive connection that the server had closed meanwhile (no byte of an answer came back) is
sent again once on a new connection, unless billed.

Streamed downloads too (:meth:`Http1Client.open`): the answer comes as soon as its header has, its
body as the pieces the socket delivered (read a MiB at a time once the body is large), with the
socket paused while the reader is behind (``STREAM_HIGH``), so a slow disk never fills memory.

What it leaves to httpx (``HttpLayer`` decides): proxies, request bodies other than small JSON, URLs
with credentials or characters that would need quoting.

Failures are raised as the httpx exceptions the rest of ClipDesk already maps: ConnectError /
ConnectTimeout (caused by a TimeoutError) when nothing was sent, ReadTimeout, ReadError,
RemoteProtocolError, DecodingError otherwise.
"""

from __future__ import annotations

import asyncio
import json as jsonlib
import re
import ssl
import zlib
from collections import deque
from collections.abc import AsyncGenerator, Iterable
from typing import Any

import httpx

MAX_BODY = 64 * 1024 * 1024  # an answer to a small request larger than this is refused
MAX_HEAD = 256 * 1024
SMALL_BODY = 256 * 1024  # larger request bodies go through httpx
_NEEDS_QUOTING = re.compile(r'[^\x21-\x7e]|["<>\\^`{|}]')  # httpx would percent-encode these
_NO_BODY_STATUS = frozenset({204, 304})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

STREAM_HIGH = 4 * 1024 * 1024  # a streamed body pauses the socket when this much waits unread
STREAM_LOW = 1024 * 1024  # ... and reads again once the reader is down to this
STREAM_READ_SIZE = 1024 * 1024  # socket reads of a large streamed body (asyncio's own: 256 KiB)
_ssl_context: ssl.SSLContext | None = None


def ssl_context() -> ssl.SSLContext:
    """The context httpx's transport uses (certifi's roots); built once, it costs ~50 ms."""
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = httpx.create_ssl_context(trust_env=False)
    return _ssl_context


class Headers(dict[str, str]):
    """Answer headers, names lower-cased; repeated headers joined with ", " (as httpx does)."""

    def get(self, key: str, default: Any = None) -> Any:
        return dict.get(self, key.lower(), default)

    def __getitem__(self, key: str) -> str:
        return dict.__getitem__(self, key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and dict.__contains__(self, key.lower())


class _Head:
    """An answer's status line and headers."""

    __slots__ = ("headers", "reason_phrase", "status_code")

    def __init__(self, status_code: int, reason: str, headers: Headers) -> None:
        self.status_code = status_code
        self.reason_phrase = reason
        self.headers = headers

    @property
    def is_redirect(self) -> bool:
        return self.status_code in _REDIRECTS and "location" in self.headers

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code} {self.reason_phrase}]>"


class Answer(_Head):
    """A whole HTTP answer: what the providers read of httpx.Response (status, headers, body)."""

    __slots__ = ("content",)

    def __init__(self, status_code: int, reason: str, headers: Headers, content: bytes) -> None:
        super().__init__(status_code, reason, headers)
        self.content = content

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return jsonlib.loads(self.content)


class StreamedAnswer(_Head):
    """An answer whose body is still arriving: status and headers now, the body from :meth:`pieces`.
    Closing it before the body ended drops the connection (it cannot carry another answer)."""

    __slots__ = ("_body",)

    def __init__(self, status_code: int, reason: str, headers: Headers, body: _Body) -> None:
        super().__init__(status_code, reason, headers)
        self._body = body

    async def pieces(self) -> AsyncGenerator[bytes, None]:
        body = self._body
        while True:
            piece = body.take()
            if piece is not None:
                yield piece
            elif body.error is not None:
                raise body.error
            elif body.ended:
                return
            else:
                await body.wait()

    def close(self) -> None:
        self._body.close()


class _Body:
    """The body of a streamed answer between the socket and its reader."""

    __slots__ = ("_conn", "_pieces", "_size", "_waiter", "ended", "error", "paused")

    def __init__(self, conn: _Connection) -> None:
        self._conn = conn
        self._pieces: deque[bytes] = deque()
        self._size = 0
        self._waiter: asyncio.Future[None] | None = None
        self.ended = False
        self.error: BaseException | None = None
        self.paused = False

    def feed(self, piece: bytes) -> None:
        self._pieces.append(piece)
        self._size += len(piece)
        if self._size > STREAM_HIGH and not self.paused and self._conn.transport is not None:
            self.paused = True
            self._conn.transport.pause_reading()
        self._wake()

    def end(self) -> None:
        self.ended = True
        self._wake()

    def fail(self, error: BaseException) -> None:
        if not self.ended and self.error is None:
            self.error = error
            self._wake()

    def take(self) -> bytes | None:
        if not self._pieces:
            return None
        piece = self._pieces.popleft()
        self._size -= len(piece)
        if self.paused and self._size <= STREAM_LOW:
            self.paused = False
            self._conn.resume_body()
        return piece

    async def wait(self) -> None:
        self._waiter = self._conn.client.loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def close(self) -> None:
        self._pieces.clear()
        if not self.ended:
            self.fail(httpx.StreamClosed())
            self._conn.drop_stream(self)


def encode_json(value: Any) -> bytes:
    """As httpx encodes ``json=``: compact, UTF-8, no NaN."""
    return jsonlib.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


class Target:
    """A URL split for the wire, or None from :meth:`parse` when httpx should handle it."""

    __slots__ = ("host", "host_header", "key", "port", "scheme", "target")

    def __init__(self, scheme: str, host: str, port: int, host_header: str, target: str) -> None:
        self.scheme = scheme
        self.host = host
        self.port = port
        self.host_header = host_header
        self.target = target
        self.key = (scheme, host, port)

    @staticmethod
    def parse(url: str) -> Target | None:
        if url.startswith("http://"):
            scheme, rest, default = "http", url[7:], 80
        elif url.startswith("https://"):
            scheme, rest, default = "https", url[8:], 443
        else:
            return None
        rest = rest.split("#", 1)[0]
        cut = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
        netloc, target = rest[:cut], rest[cut:]
        if not target.startswith("/"):
            target = "/" + target
        if not netloc or "@" in netloc or _NEEDS_QUOTING.search(url):
            return None
        if netloc.startswith("["):  # IPv6 literal
            end = netloc.find("]")
            if end < 0:
                return None
            host, after = netloc[1:end], netloc[end + 1 :]
            port_text = after[1:] if after.startswith(":") else ""
            if after and not after.startswith(":"):
                return None
        else:
            host, _, port_text = netloc.partition(":")
        try:
            port = int(port_text) if port_text else default
        except ValueError:
            return None
        if not 0 < port < 65536 or not host:
            return None
        host = host.lower()
        shown = f"[{host}]" if ":" in host else host
        host_header = shown if port == default else f"{shown}:{port}"
        return Target(scheme, host, port, host_header, target)


class _Exchange:
    """One request's wait for its answer on a connection."""

    __slots__ = ("future", "head_only", "last_activity", "stream")

    def __init__(self, future: asyncio.Future[Any], head_only: bool, now: float, stream: bool) -> None:
        self.future = future
        self.head_only = head_only
        self.last_activity = now
        self.stream = stream  # the answer is resolved at its header; the body goes to a _Body


class _Connection(asyncio.Protocol):
    """One HTTP/1.1 connection; one exchange at a time."""

    def __init__(self, client: Http1Client, key: tuple[str, str, int]) -> None:
        self.client = client
        self.key = key
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.reused = False
        self.idle_since = 0.0
        self._buf = bytearray()
        self._exchange: _Exchange | None = None
        self._got_bytes = False
        # the answer being read
        self._status = 0
        self._reason = ""
        self._headers: Headers | None = None
        self._mode = ""  # "length", "chunked", "close", "none"
        self._length = 0
        self._pos = 0  # parse position in _buf (chunked)
        self._body = bytearray()
        self._keep = True
        self._stream: _Body | None = None  # the body of a streamed answer, while it arrives
        self._read_size: int | None = None  # the transport's read size, while raised for a stream

    # -- asyncio.Protocol ------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        exchange = self._exchange
        if exchange is None:  # bytes nobody asked for: this connection cannot be trusted
            self._abort()
            return
        self._got_bytes = True
        exchange.last_activity = self.client.loop.time()
        try:
            if self._stream is not None and not self._buf:  # body bytes go straight through
                self._stream_bytes(data)
                return
            self._buf += data
            self._parse()
        except httpx.HTTPError as exc:
            self._finish_error(exc)

    def eof_received(self) -> bool | None:
        return None  # close the transport; connection_lost follows

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.client._forget(self)
        if self._stream is not None:
            if self._mode == "close":  # the body ends with the connection
                self._end_stream()
            else:
                self._finish_error(
                    httpx.ReadError(f"the connection closed in the middle of the answer: {exc or 'EOF'}")
                )
            return
        exchange = self._exchange
        if exchange is None or exchange.future.done():
            return
        if self._headers is not None and self._mode == "close":
            self._complete(bytes(self._buf))
            return
        if not self._got_bytes:
            error: httpx.HTTPError = httpx.RemoteProtocolError(
                "Server disconnected without sending a response."
            )
            error.__cause__ = exc
            self._finish_error(error, retry_safe=self.reused)
            return
        error = httpx.ReadError(f"the connection closed in the middle of the answer: {exc or 'EOF'}")
        error.__cause__ = exc
        self._finish_error(error)

    # -- the exchange ----------------------------------------------------------------------------
    def start(self, payload: bytes, head_only: bool, stream: bool = False) -> asyncio.Future[Any]:
        assert self.transport is not None
        loop = self.client.loop
        future: asyncio.Future[Any] = loop.create_future()
        self._exchange = _Exchange(future, head_only, loop.time(), stream)
        self._got_bytes = False
        self._status, self._headers, self._body = 0, None, bytearray()
        self.transport.write(payload)
        return future

    def timed_out(self) -> None:
        error = httpx.ReadTimeout("no answer within the read timeout")
        error.__cause__ = TimeoutError()
        self._finish_error(error)
        self._abort()

    def _parse(self) -> None:
        while self._headers is None:
            end = self._buf.find(b"\r\n\r\n")
            if end < 0:
                if len(self._buf) > MAX_HEAD:
                    raise httpx.RemoteProtocolError("the answer's header is too large")
                return
            head = bytes(self._buf[:end]).decode("latin-1")
            del self._buf[: end + 4]
            lines = head.split("\r\n")
            parts = lines[0].split(" ", 2)
            if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
                raise httpx.RemoteProtocolError(f"not an HTTP/1.x answer: {lines[0][:80]!r}")
            status = int(parts[1])
            if 100 <= status < 200:  # interim answer (100 Continue, 103 Early Hints): skip it
                continue
            headers = Headers()
            for line in lines[1:]:
                name, sep, value = line.partition(":")
                if not sep:
                    raise httpx.RemoteProtocolError("a malformed header line in the answer")
                name = name.strip().lower()
                value = value.strip()
                if name in headers:
                    value = dict.__getitem__(headers, name) + ", " + value
                dict.__setitem__(headers, name, value)
            self._status, self._reason, self._headers = status, parts[2] if len(parts) > 2 else "", headers
            connection = dict.get(headers, "connection", "").lower()
            self._keep = parts[0] == "HTTP/1.1" and "close" not in connection
            transfer = dict.get(headers, "transfer-encoding", "").lower()
            length = dict.get(headers, "content-length")
            assert self._exchange is not None
            if self._exchange.head_only or status in _NO_BODY_STATUS:
                self._mode = "none"
            elif transfer:
                if transfer.rsplit(",", 1)[-1].strip() != "chunked":
                    raise httpx.RemoteProtocolError(f"unsupported transfer-encoding {transfer!r}")
                self._mode, self._pos = "chunked", 0
            elif length is not None:
                if not length.strip().isdigit():
                    raise httpx.RemoteProtocolError(f"bad content-length {length!r}")
                self._mode, self._length = "length", int(length)
                if self._length > MAX_BODY and not self._exchange.stream:
                    raise httpx.RemoteProtocolError("the answer is too large for a small request")
            else:
                self._mode, self._keep = "close", False
            if self._exchange.stream:
                self._start_stream()
                return
        mode = self._mode
        if mode == "length":
            if len(self._buf) >= self._length:
                body = bytes(self._buf[: self._length])
                if len(self._buf) > self._length:
                    self._keep = False  # more than the answer: do not reuse
                self._complete(body)
        elif mode == "none":
            if self._buf:
                self._keep = False
            self._complete(b"")
        elif mode == "chunked":
            self._parse_chunks()
        elif len(self._buf) > MAX_BODY:  # "close": the body ends with the connection
            raise httpx.RemoteProtocolError("the answer is too large for a small request")

    # -- streamed answers ------------------------------------------------------------------------
    def _start_stream(self) -> None:
        """The header of a streamed answer is in: hand the answer over, then the body as it comes."""
        exchange, headers = self._exchange, self._headers
        assert exchange is not None and headers is not None
        body = self._stream = _Body(self)
        exchange.future.set_result(StreamedAnswer(self._status, self._reason, headers, body))
        if self._mode == "none":
            self._end_stream()
            return
        transport = self.transport
        size = getattr(transport, "max_size", None)  # asyncio's plain socket transport
        large = self._mode != "length" or self._length > STREAM_READ_SIZE // 4
        if large and isinstance(size, int) and size < STREAM_READ_SIZE:
            self._read_size, transport.max_size = size, STREAM_READ_SIZE  # type: ignore[union-attr]
        rest = bytes(self._buf)
        self._buf.clear()
        self._stream_bytes(rest)

    def _stream_bytes(self, data: bytes) -> None:
        body = self._stream
        assert body is not None
        mode = self._mode
        if mode == "length":
            left = self._length
            if len(data) > left:
                data = data[:left]
                self._keep = False  # more than the answer: do not reuse
            if data:
                body.feed(data)
                self._length = left - len(data)
            if self._length == 0:
                self._end_stream()
        elif mode == "chunked":
            self._buf += data
            self._parse_chunks()
        elif data:  # "close"
            body.feed(data)

    def _end_stream(self) -> None:
        body = self._stream
        assert body is not None
        self._stream = None
        self._exchange = None
        self._headers = None
        self._buf.clear()
        self._restore_read_size()
        body.end()
        if self._keep and not self.closed:
            self.client._release(self)
        else:
            self._abort()

    def resume_body(self) -> None:
        """The reader caught up with a paused body: read again (the pause was not the server's)."""
        if self._exchange is not None:
            self._exchange.last_activity = self.client.loop.time()
        if self.transport is not None and not self.closed:
            self.transport.resume_reading()

    def drop_stream(self, body: _Body) -> None:
        """The reader closed the body before its end: this connection cannot carry another answer."""
        if self._stream is body:
            self._stream = None
            self._exchange = None
            self._abort()

    def _restore_read_size(self) -> None:
        if self._read_size is not None:
            self.transport.max_size = self._read_size  # type: ignore[union-attr]
            self._read_size = None

    def _parse_chunks(self) -> None:
        buf = self._buf
        while True:
            line_end = buf.find(b"\r\n", self._pos)
            if line_end < 0:
                return
            size_text = bytes(buf[self._pos : line_end]).split(b";", 1)[0].strip()
            try:
                size = int(size_text, 16)
            except ValueError:
                raise httpx.RemoteProtocolError("a malformed chunk size in the answer") from None
            if size == 0:
                end = buf.find(b"\r\n\r\n", line_end)  # after any trailer lines
                if end < 0:
                    return
                if len(buf) > end + 4:
                    self._keep = False
                if self._stream is not None:
                    self._end_stream()
                else:
                    self._complete(bytes(self._body))
                return
            start = line_end + 2
            if len(buf) < start + size + 2:
                return
            if self._stream is not None:
                self._stream.feed(bytes(buf[start : start + size]))
            else:
                self._body += buf[start : start + size]
                if len(self._body) > MAX_BODY:
                    raise httpx.RemoteProtocolError("the answer is too large for a small request")
            self._pos = start + size + 2
            if self._pos > 65536:  # drop what was parsed, so the buffer does not grow without end
                del buf[: self._pos]
                self._pos = 0

    def _complete(self, body: bytes) -> None:
        exchange, headers = self._exchange, self._headers
        assert exchange is not None and headers is not None
        self._exchange = None
        self._buf.clear()
        encoding = dict.get(headers, "content-encoding", "").lower().strip()
        if encoding and encoding != "identity" and body:
            try:
                body = _decode(body, encoding)
            except httpx.DecodingError as exc:
                self._keep = False
                if not exchange.future.done():
                    exchange.future.set_exception(exc)
                self._abort()
                return
        answer = Answer(self._status, self._reason, headers, body)
        self._headers = None
        if not exchange.future.done():
            exchange.future.set_result(answer)
        if self._keep and not self.closed:
            self.client._release(self)
        else:
            self._abort()

    def _finish_error(self, error: httpx.HTTPError, retry_safe: bool = False) -> None:
        exchange = self._exchange
        self._exchange = None
        if self._stream is not None:
            self._stream.fail(error)
            self._stream = None
        if exchange is not None and not exchange.future.done():
            if retry_safe:
                error = _StaleConnection(str(error))
            exchange.future.set_exception(error)
        self._abort()

    def _abort(self) -> None:
        self.closed = True
        self._keep = False
        if self.transport is not None and not self.transport.is_closing():
            self.transport.abort()


class _StaleConnection(httpx.RemoteProtocolError):
    """A kept-alive connection was closed by the server before it answered: send again, fresh."""


def _decode(body: bytes, encoding: str) -> bytes:
    out = body
    for coding in reversed([c.strip() for c in encoding.split(",") if c.strip()]):
        try:
            if coding in ("gzip", "x-gzip"):
                out = zlib.decompress(out, 16 + zlib.MAX_WBITS)
            elif coding == "deflate":
                try:
                    out = zlib.decompress(out)
                except zlib.error:
                    out = zlib.decompress(out, -zlib.MAX_WBITS)
            elif coding != "identity":
                raise httpx.DecodingError(f"the answer uses an encoding we did not ask for: {coding}")
        except zlib.error as exc:
            raise httpx.DecodingError(f"the answer's {coding} body is damaged: {exc}") from exc
    return out


def _payload(
    method: str, target: Target, headers: Iterable[tuple[str, str]], body: bytes | None, fresh: bool
) -> bytes:
    lines = [f"{method} {target.target} HTTP/1.1", f"Host: {target.host_header}"]
    for name, value in headers:
        lines.append(f"{name}: {value}")
    if fresh:
        lines.append("Connection: close")
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    elif method in ("POST", "PUT", "PATCH"):
        lines.append("Content-Length: 0")
    payload = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return payload + body if body else payload


class Http1Client:
    """Pooled HTTP/1.1 connections for one HttpLayer (one event loop)."""

    def __init__(
        self, *, connect_timeout: float | None, read_timeout: float | None, keepalive: float
    ) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.keepalive = keepalive
        self._idle: dict[tuple[str, str, int], list[_Connection]] = {}
        self._all: set[_Connection] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._busy: set[_Connection] = set()  # waiting for an answer
        self._sweeper: asyncio.TimerHandle | None = None
        self._sweep_every = min(max((read_timeout or 1.0) / 4, 0.05), 1.0)

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        assert self._loop is not None
        return self._loop

    async def send(
        self,
        method: str,
        target: Target,
        headers: Iterable[tuple[str, str]],
        body: bytes | None,
        *,
        fresh: bool,
    ) -> Answer:
        """One exchange. ``fresh``: a new connection, closed afterwards (billed requests)."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        payload = _payload(method, target, headers, body, fresh)
        head_only = method == "HEAD"
        for attempt in (1, 2):
            conn = None if fresh else self._take(target.key)
            if conn is None:
                conn = await self._connect(target)
            if fresh:
                conn._keep = False
            future = conn.start(payload, head_only)
            self._watch(conn)
            try:
                return await future
            except _StaleConnection as exc:
                if attempt == 2 or fresh:
                    raise httpx.RemoteProtocolError(str(exc)) from exc.__cause__
            except BaseException:
                conn._abort()
                raise
            finally:
                self._busy.discard(conn)
        raise AssertionError("unreachable")

    async def open(self, target: Target, headers: Iterable[tuple[str, str]]) -> StreamedAnswer:
        """GET with the answer streamed: it returns once the header is in. The caller reads the body
        from :meth:`StreamedAnswer.pieces` and closes the answer when done (the connection then goes
        back to the pool if the body ended cleanly). The read timeout applies to the body too, except
        while the reader is behind and the socket is paused for it."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        payload = _payload("GET", target, headers, None, False)
        for attempt in (1, 2):
            conn = self._take(target.key)
            if conn is None:
                conn = await self._connect(target)
            future = conn.start(payload, False, stream=True)
            self._watch(conn)
            try:
                answer: StreamedAnswer = await future
                return answer
            except _StaleConnection as exc:
                self._busy.discard(conn)
                if attempt == 2:
                    raise httpx.RemoteProtocolError(str(exc)) from exc.__cause__
            except BaseException:
                self._busy.discard(conn)
                conn._abort()
                raise
        raise AssertionError("unreachable")

    # One timer for all requests in flight (not one per request): every quarter of the read
    # timeout (at most 1 s), a request that has had no byte for the read timeout fails.
    def _watch(self, conn: _Connection) -> None:
        if self.read_timeout is None:
            return
        self._busy.add(conn)
        if self._sweeper is None:
            self._sweeper = self.loop.call_later(self._sweep_every, self._sweep)

    def _sweep(self) -> None:
        self._sweeper = None
        read = self.read_timeout
        assert read is not None
        now = self.loop.time()
        for conn in list(self._busy):
            exchange = conn._exchange
            if exchange is None:
                self._busy.discard(conn)
            elif conn._stream is not None and conn._stream.paused:
                exchange.last_activity = now  # waiting for our reader, not for the server
            elif now - exchange.last_activity >= read:
                self._busy.discard(conn)
                conn.timed_out()
        if self._busy:
            self._sweeper = self.loop.call_later(self._sweep_every, self._sweep)

    def _take(self, key: tuple[str, str, int]) -> _Connection | None:
        idle = self._idle.get(key)
        if not idle:
            return None
        now = self.loop.time()
        while idle:
            conn = idle.pop()
            if conn.closed or conn.transport is None or conn.transport.is_closing():
                continue
            if now - conn.idle_since > self.keepalive:
                conn._abort()
                continue
            conn.reused = True
            return conn
        return None

    async def _connect(self, target: Target) -> _Connection:
        loop = self.loop
        tls = ssl_context() if target.scheme == "https" else None
        try:
            connecting = loop.create_connection(
                lambda: _Connection(self, target.key),
                target.host,
                target.port,
                ssl=tls,
                server_hostname=target.host if tls else None,
            )
            if self.connect_timeout is None:
                _transport, conn = await connecting
            else:
                _transport, conn = await asyncio.wait_for(connecting, self.connect_timeout)
        except TimeoutError as exc:
            raise httpx.ConnectTimeout(f"could not connect within {self.connect_timeout:g} s") from exc
        except (OSError, ssl.SSLError) as exc:
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from exc
        self._all.add(conn)
        return conn

    def _release(self, conn: _Connection) -> None:
        conn.idle_since = self.loop.time()
        self._idle.setdefault(conn.key, []).append(conn)

    def _forget(self, conn: _Connection) -> None:
        self._all.discard(conn)
        idle = self._idle.get(conn.key)
        if idle and conn in idle:
            idle.remove(conn)

    def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        self._busy.clear()
        for conn in list(self._all):
            conn._abort()
        self._all.clear()
        self._idle.clear()
