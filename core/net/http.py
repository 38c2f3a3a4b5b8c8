"""The one place that builds HTTP clients: timeouts, retries, proxy, credentials, redaction.

One pooled ``httpx.AsyncClient`` per connection on the aiohttp transport: the default httpcore
transport's CPU per request grows about 8x from 10 to 200 requests in flight (platform notes §8),
this one stays flat. Billed submits go over a separate client that never reuses a connection, so a
stale keep-alive socket cannot turn an ordinary submit into one whose outcome is unknown.

Credentials (Authorization / API-KEY) go only to the connection's own origin (scheme, host, port):
a result URL on a CDN, or a redirect to another host, gets none.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import os
import random
import re
import time
import urllib.request
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport
from httpx_aiohttp.transport import AiohttpResponseStream, map_aiohttp_exceptions

from core import __version__
from core.errors import ClipDeskError, ErrorKind, RequestNotSent, SubmitOutcomeUnknown
from core.net.http1 import SMALL_BODY, Http1Client, StreamedAnswer, Target, encode_json, ssl_context
from core.redact import redact, register_secret

log = logging.getLogger("clipdesk.http")

USER_AGENT = f"ClipDesk/{__version__}"
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = httpx.Timeout(connect=15.0, read=60.0, write=60.0, pool=60.0)
# The transport's body stream reads 16 KB at a time: a 1 GB download would cost 65,000 trips through
# Python. Reading up to 256 KB when that much has arrived cuts the CPU (and GIL time) per byte.
AiohttpResponseStream.CHUNK_SIZE = 256 * 1024
BODY_READ_SIZE = 1024 * 1024  # socket reads of a large streamed body (HttpLayer.body_pieces)
ENV_TIMEOUT = "CLIPDESK_HTTP_TIMEOUT"  # seconds for every phase of a request (tests, unusual links)


class Head(Protocol):
    """An HTTP answer's status and headers: what a streamed answer (``HttpLayer.stream``) offers
    before its body is read (an httpx.Response or a core.net.http1.StreamedAnswer)."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def is_redirect(self) -> bool: ...


class Reply(Head, Protocol):
    """A whole HTTP answer as the providers read it: an httpx.Response or a core.net.http1.Answer."""

    @property
    def content(self) -> bytes: ...


def default_timeout() -> httpx.Timeout:
    """DEFAULT_TIMEOUT, or the CLIPDESK_HTTP_TIMEOUT seconds (a positive number) for every phase."""
    value = os.environ.get(ENV_TIMEOUT, "").strip()
    try:
        seconds = float(value) if value else None
    except ValueError:
        seconds = None
    if seconds is None or not 0 < seconds < float("inf"):
        if value:
            log.warning("ignoring %s=%r: not a positive number of seconds", ENV_TIMEOUT, value)
        return DEFAULT_TIMEOUT
    return httpx.Timeout(seconds)


def origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port


def retry_after_seconds(response: Head) -> float | None:
    """Retry-After (seconds or HTTP date), or the OpenAI-style poll hint, in seconds."""
    value = response.headers.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            try:
                parsed = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if parsed.tzinfo is None:
                return None
            return max(0.0, parsed.timestamp() - time.time())
    hint = response.headers.get("openai-poll-after-ms")
    if hint:
        try:
            return max(0.0, float(hint) / 1000)
        except ValueError:
            return None
    return None


def was_never_sent(exc: BaseException) -> bool:
    """True only when the request provably did not reach the server (could not connect)."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(
            cause, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError | httpx.ConnectError
        ):
            return True
        if isinstance(cause, httpx.ConnectTimeout) and isinstance(cause.__cause__, TimeoutError):
            return True  # the connection was never made (core.net.http1, or aiohttp's connect timeout)
        if isinstance(cause, aiohttp.ClientError | httpx.TransportError) and cause is not exc:
            return False
        cause = cause.__cause__
    return isinstance(exc, httpx.ConnectError) and exc.__cause__ is None


def resolve_proxy(setting: str | None) -> str | None:
    """'' or None: no proxy; 'system': the environment's / OS proxy; anything else: that URL."""
    if not setting or setting == "none":
        return None
    if setting == "system":
        proxies = urllib.request.getproxies()
        return proxies.get("https") or proxies.get("http")
    return setting


class HttpLayer:
    """HTTP for one connection. Bounded requests in flight; retries for idempotent requests."""

    def __init__(
        self,
        base_url: str,
        *,
        auth_headers: dict[str, str] | None = None,
        proxy: str | None = None,
        max_in_flight: int = 32,
        timeout: httpx.Timeout | None = None,
        retries: int = 4,
        backoff: float = 1.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._auth = dict(auth_headers or {})
        for value in self._auth.values():
            register_secret(value)
            register_secret(value.removeprefix("Bearer "))
        self._origin = origin(self.base_url) if self.base_url else None
        auth = list(self._auth.items())
        self._auth_wire = auth if all(_safe_header(n, v) for n, v in auth) else None  # else httpx
        self.retries = retries
        self.backoff = backoff
        self._sem = asyncio.Semaphore(max_in_flight)
        proxy_url = resolve_proxy(proxy)
        proxy_obj = httpx.Proxy(proxy_url) if proxy_url else None
        limits = httpx.Limits(max_connections=max_in_flight, keepalive_expiry=30)
        timeout = timeout or default_timeout()
        # Small requests without a proxy go over core.net.http1 (a fifth of the CPU); the rest over httpx.
        self._lean = (
            None
            if proxy_obj is not None
            else Http1Client(connect_timeout=timeout.connect, read_timeout=timeout.read, keepalive=30)
        )
        self._timeout = timeout
        self._proxy = proxy_obj
        self._limits = limits
        self._clients: dict[bool, httpx.AsyncClient] = {}  # made when first needed (an SSL context each)
        self.requests_sent = 0

    @property
    def _client(self) -> httpx.AsyncClient:
        """The pooled httpx client: downloads, and requests core.net.http1 leaves to httpx."""
        client = self._clients.get(False)
        if client is None:
            transport = AiohttpTransport(
                verify=ssl_context(), limits=self._limits, proxy=self._proxy, trust_env=False
            )
            client = self._clients[False] = httpx.AsyncClient(transport=transport, **self._common())
        return client

    @property
    def _once_client(self) -> httpx.AsyncClient:
        """A connector that closes every connection after use: billed submits never ride a stale socket."""
        client = self._clients.get(True)
        if client is None:
            transport = AiohttpTransport(
                client=lambda: aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)),
                verify=ssl_context(),
                proxy=self._proxy,
                trust_env=False,
            )
            client = self._clients[True] = httpx.AsyncClient(transport=transport, **self._common())
        return client

    def _common(self) -> dict[str, Any]:
        return {
            "timeout": self._timeout,
            "headers": {"User-Agent": USER_AGENT},
            "follow_redirects": False,
            "trust_env": False,
        }

    # -- addresses and credentials ---------------------------------------------------------------
    def url(self, path_or_url: str) -> str:
        if path_or_url.startswith(("http://", "https://")):
            return path_or_url
        return self.base_url + path_or_url

    def is_own_host(self, url: str) -> bool:
        return self._origin is not None and origin(url) == self._origin

    def _headers_for(self, url: str, extra: dict[str, str] | None, with_auth: bool) -> dict[str, str]:
        headers = dict(extra or {})
        if with_auth and self.is_own_host(url):
            headers.update(self._auth)
        return headers

    # -- requests --------------------------------------------------------------------------------
    async def request(
        self,
        method: str,
        path_or_url: str,
        *,
        json: Any = None,
        data: Any = None,
        files: Any = None,
        headers: dict[str, str] | Callable[[], dict[str, str]] | None = None,
        billed: bool = False,
    ) -> Reply:
        """Send and read the whole answer. Non-billed requests are retried on 429/5xx/timeouts/resets.

        ``headers`` may be a function, called for every attempt (a per-request trace id stays fresh).

        A billed request is sent once: a connect error raises RequestNotSent (safe to send again),
        any other transport failure raises SubmitOutcomeUnknown. Every HTTP answer is returned.
        """
        url = self.url(path_or_url)
        attempts = 1 if billed else self.retries + 1
        body = encode_json(json) if json is not None and data is None and files is None else None
        for attempt in range(1, attempts + 1):
            fresh = headers() if callable(headers) else headers
            try:
                if body is not None and len(body) <= SMALL_BODY:
                    response = await self._send_small(method, url, body, fresh, billed)
                elif json is None and data is None and files is None:
                    response = await self._send_small(method, url, None, fresh, billed)
                else:
                    response = await self._send_once(method, url, json, data, files, fresh, billed)
            except httpx.HTTPError as exc:
                if billed:
                    if was_never_sent(exc):
                        raise RequestNotSent(f"could not connect to {urlsplit(url).netloc}: {exc}")
                    raise SubmitOutcomeUnknown(f"the answer to the submit was lost: {type(exc).__name__}")
                if attempt == attempts:
                    raise ClipDeskError(ErrorKind.NETWORK, f"{urlsplit(url).netloc}: {_describe(exc)}")
                await asyncio.sleep(self._delay(attempt, None))
                continue
            if billed or response.status_code not in RETRY_STATUSES or attempt == attempts:
                return response
            await asyncio.sleep(self._delay(attempt, retry_after_seconds(response)))
        raise AssertionError("unreachable")

    async def _send_small(
        self, method: str, url: str, body: bytes | None, headers: dict[str, str] | None, billed: bool
    ) -> Reply:
        """A request with no body or a small JSON one: over core.net.http1 when it can, else httpx."""
        lean = self._lean
        if lean is None:
            return await self._send_once(method, url, None, body, None, _json_type(headers, body), billed)
        async with self._sem:
            for _hop in range(MAX_REDIRECTS + 1):
                target = Target.parse(url)
                wire = None if target is None else self._wire_headers(target, headers, body is not None)
                if target is None or wire is None:  # httpx quotes, or refuses, what we do not send as is
                    response: Reply = await self._send_httpx(
                        self._once_client if billed else self._client,
                        method,
                        url,
                        None,
                        body,
                        None,
                        _json_type(headers, body),
                    )
                else:
                    started = time.monotonic()
                    self.requests_sent += 1
                    response = await lean.send(method, target, wire, body, fresh=billed)
                    self._log_answer(method, url, response.status_code, started)
                if not (response.is_redirect and method == "GET"):
                    return response
                url = urljoin(url, response.headers["location"])
            raise ClipDeskError(ErrorKind.NETWORK, "too many redirects")

    def _wire_headers(
        self, target: Target, extra: dict[str, str] | None, has_body: bool, with_auth: bool = True
    ) -> list[tuple[str, str]] | None:
        """The request's headers as sent (credentials only to the own origin, over any the caller
        gave, as ``_headers_for`` does), or None when one cannot go on the wire as it is."""
        base = _WIRE_JSON if has_body else _WIRE
        own = with_auth and bool(self._auth) and target.key == self._origin
        if not extra:  # the usual case: nothing to check again
            if not own:
                return base
            return base + self._auth_wire if self._auth_wire is not None else None
        merged = extra
        if own:  # the connection's credentials replace a caller's header of the same name
            mine = {name.lower() for name in self._auth}
            merged = {**{n: v for n, v in extra.items() if n.lower() not in mine}, **self._auth}
        names = {name.lower() for name in merged}
        wire = [(n, v) for n, v in base if n.lower() not in names]
        for name, value in merged.items():
            if not _safe_header(name, value):
                return None
            wire.append((name, value))
        return wire

    async def _send_httpx(
        self,
        client: httpx.AsyncClient,
        method: str,
        url: str,
        json: Any,
        data: Any,
        files: Any,
        headers: dict[str, str] | None,
    ) -> httpx.Response:
        started = time.monotonic()
        self.requests_sent += 1
        response = await client.request(
            method,
            url,
            json=json,
            content=data if isinstance(data, bytes) else None,
            data=None if isinstance(data, bytes) else data,
            files=files,
            headers=self._headers_for(url, headers, with_auth=True),
        )
        await response.aread()
        self._log_answer(method, url, response.status_code, started)
        return response

    async def _send_once(
        self,
        method: str,
        url: str,
        json: Any,
        data: Any,
        files: Any,
        headers: dict[str, str] | None,
        billed: bool,
    ) -> httpx.Response:
        client = self._once_client if billed else self._client
        async with self._sem:
            for _hop in range(MAX_REDIRECTS + 1):
                response = await self._send_httpx(client, method, url, json, data, files, headers)
                if not (response.is_redirect and method == "GET"):
                    return response
                url = urljoin(url, response.headers["location"])
            raise ClipDeskError(ErrorKind.NETWORK, "too many redirects")

    @asynccontextmanager
    async def stream(
        self, url: str, *, headers: dict[str, str] | None = None, with_auth: bool = False
    ) -> AsyncIterator[Head]:
        """GET a body as a stream, following redirects; credentials only on the connection's own host.
        Read the body with :meth:`body_pieces`. It is asked for unencoded (a video is sent as is;
        a compressed body would break Range resumes), and kept as sent if it comes encoded anyway."""
        async with self._sem:
            for _hop in range(MAX_REDIRECTS + 1):
                lean = self._lean
                target = None if lean is None else Target.parse(url)
                wire = (
                    None
                    if target is None
                    else self._wire_headers(target, {**_IDENTITY, **(headers or {})}, False, with_auth)
                )
                if lean is not None and target is not None and wire is not None:
                    started = time.monotonic()
                    self.requests_sent += 1
                    answer = await lean.open(target, wire)
                    self._log_answer("GET", url, answer.status_code, started)
                    try:
                        if answer.is_redirect:
                            url = urljoin(url, answer.headers["location"])
                            continue
                        yield answer
                    finally:
                        answer.close()
                    return
                request = self._client.build_request(
                    "GET", url, headers={**_IDENTITY, **self._headers_for(url, headers, with_auth)}
                )
                self.requests_sent += 1
                response = await self._client.send(request, stream=True)
                if response.is_redirect:
                    await response.aclose()
                    url = urljoin(url, response.headers["location"])
                    continue
                try:
                    yield response
                finally:
                    await response.aclose()
                return
            raise ClipDeskError(ErrorKind.NETWORK, "too many redirects")

    @staticmethod
    async def body_pieces(response: Head, read_size: int = BODY_READ_SIZE) -> AsyncGenerator[bytes, None]:
        """The raw body of a response from ``stream``, in the pieces the socket delivered.

        Over core.net.http1 (no proxy), as that client received them (see ``Http1Client.open``). On this
        layer's aiohttp transport the pieces come straight from aiohttp's reader, one
        buffered piece at a time: no joins or slices into fixed-size chunks, and no httpx layer per
        chunk; and the socket is read ``read_size`` at a time (see ``_read_in_big_pieces``). The
        read timeout still applies (aiohttp's sock_read), and aiohttp's errors reach the caller as
        the same httpx exceptions the transport maps them to. On any other transport: httpx's
        ``aiter_raw``.
        """
        if isinstance(response, StreamedAnswer):
            async for piece in response.pieces():
                yield piece
            return
        assert isinstance(response, httpx.Response)
        reader = _aiohttp_reader(response)
        if reader is None:
            async for chunk in response.aiter_raw():
                yield chunk
            return
        restore = _read_in_big_pieces(reader, read_size)
        try:
            with map_aiohttp_exceptions():
                async for piece, _end_of_http_chunk in reader.iter_chunks():
                    if piece:
                        yield piece
        finally:
            restore()

    def _log_answer(self, method: str, url: str, status: int, started: float) -> None:
        if log.isEnabledFor(logging.DEBUG):  # (formatting the URL is not free: only when wanted)
            elapsed_ms = (time.monotonic() - started) * 1000
            log.debug("%s %s -> %s in %.0f ms", method, redact(_loggable(url, self)), status, elapsed_ms)

    def _delay(self, attempt: int, hint: float | None) -> float:
        if hint is not None:
            return min(hint, 120.0)
        return min(self.backoff * 2 ** (attempt - 1), 30.0) * (0.75 + random.random() / 2)

    async def aclose(self) -> None:
        if self._lean is not None:
            self._lean.close()
        for client in self._clients.values():
            await client.aclose()


_UNSAFE_HEADER = re.compile(r"[^!#$%&'*+\-.^_`|~0-9A-Za-z]")  # not an RFC 9110 token
_UNSAFE_VALUE = re.compile(r"[^\t\x20-\x7e]")  # control characters or beyond ASCII
_WIRE = [("User-Agent", USER_AGENT), ("Accept", "*/*"), ("Accept-Encoding", "gzip, deflate")]
_WIRE_JSON = [*_WIRE, ("Content-Type", "application/json")]
_IDENTITY = {"Accept-Encoding": "identity"}  # streamed bodies: as stored


def _safe_header(name: str, value: str) -> bool:
    return bool(name) and not _UNSAFE_HEADER.search(name) and not _UNSAFE_VALUE.search(value)


def _json_type(headers: dict[str, str] | None, body: bytes | None) -> dict[str, str] | None:
    """The caller's headers, plus Content-Type: application/json when a JSON body is sent as bytes."""
    if body is None or any(name.lower() == "content-type" for name in headers or {}):
        return headers
    return {**(headers or {}), "Content-Type": "application/json"}


def _aiohttp_reader(response: httpx.Response) -> aiohttp.StreamReader | None:
    """aiohttp's body reader under a streamed httpx response, when the transport is aiohttp's."""
    stream = getattr(response.stream, "_stream", response.stream)  # httpx wraps the transport's stream
    if isinstance(stream, AiohttpResponseStream):
        return stream._aiohttp_response.content
    return None


def _read_in_big_pieces(reader: aiohttp.StreamReader, size: int) -> Callable[[], None]:
    """For one large body: aiohttp pauses the socket once 128 KiB wait in its buffer (its default
    read_bufsize, 64 KiB, which the httpx transport does not let us set per request), and asyncio
    reads at most 256 KiB per recv(). Then every 256 KiB costs a trip through the event loop and
    two epoll changes. Let it buffer up to ``2 * size`` and read ``size`` at a time instead. Both
    are internals, so each is changed only where it exists as expected; the transport's read size
    is put back when the body ends, as the connection may go on to carry small answers. Returns
    the function that puts it back."""
    if isinstance(getattr(reader, "_low_water", None), int) and isinstance(
        getattr(reader, "_high_water", None), int
    ):
        reader._low_water = max(reader._low_water, size)
        reader._high_water = max(reader._high_water, 2 * size)
    transport: Any = getattr(getattr(reader, "_protocol", None), "transport", None)
    before = getattr(transport, "max_size", None)  # asyncio's plain socket transport
    if not isinstance(before, int) or before >= size:
        return lambda: None
    transport.max_size = size

    def restore() -> None:
        transport.max_size = before

    return restore


def _describe(exc: BaseException) -> str:
    cause = exc.__cause__
    detail = str(exc) or (str(cause) if cause else "") or type(exc).__name__
    return f"{type(exc).__name__}: {detail}"[:300]


def _loggable(url: str, layer: HttpLayer) -> str:
    """Foreign URLs (signed CDN links) lose their query string in the log."""
    return url if layer.is_own_host(url) else url.split("?", 1)[0]
