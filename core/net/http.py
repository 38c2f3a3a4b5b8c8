"""The one place that builds HTTP clients: timeouts, limits, retries, redirects, proxy, credentials.

Every request and every download goes through httpx, with public options only: small requests on
httpx's own transport (httpcore and h11), downloads on the httpx-aiohttp transport with its defaults
(aiohttp reads a body for a quarter of the CPU per byte; bench/README.md). Small requests stay on
httpx's own transport because a billed submit must tell "never sent" from "outcome unknown": httpx
raises ConnectError only when no connection was made, while httpx-aiohttp maps every
aiohttp.ClientConnectionError, "server disconnected" after the request arrived included, to
ConnectTimeout. What that gives, and what this module adds, for every answer:

- HTTP/1.1 framing is strict (h11, and aiohttp's parser for downloads: status line, lengths and
  chunk sizes); an answer's head is capped (h11: 100 KiB; aiohttp: 8 KiB a line); a body with both
  Content-Length and Transfer-Encoding is refused.
- A small answer (:meth:`HttpLayer.request`) is read with a cap *after* decompression (one content
  coding at most, inflated as a stream, never more than ``max_body`` + 1 bytes), and the whole
  exchange has a deadline besides the read timeout.
- A download (:meth:`HttpLayer.stream`) is handed over raw as the bytes arrive, never decompressed;
  no byte for ``stall`` seconds ends it with a retryable error. A body closed before its end closes
  its connection (httpcore never pools a connection with an answer unread).
- Connections are made with Happy Eyeballs (anyio's ``connect_tcp``, aiohttp's connector): a
  broken address family costs 0.25 s, not the connect timeout.
- Redirects are followed for GET only, at most MAX_REDIRECTS, never from https to http. The
  connection's credentials go only to its own origin (scheme, host, port), and the caller's headers
  (trace ids, Range, custom ones) only to the origin the request was made to: a CDN a redirect
  points to gets a plain GET.
- The proxy is the connection's URL, or with "system" the OS's / environment's, honouring NO_PROXY.
- A billed submit goes over a connection of its own that is never reused and is sent once: "never
  sent" (RequestNotSent) and "outcome unknown" (SubmitOutcomeUnknown) stay distinct.

Each limit ends in :class:`HttpLimit` (kind NETWORK, so the queue retries; ``code`` names the limit).
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
import random
import ssl
import time
import urllib.request
import zlib
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from core import __version__
from core.errors import ClipDeskError, ErrorKind, RequestNotSent, SubmitOutcomeUnknown
from core.net.reply import Head, Reply, retry_after_seconds
from core.redact import redact, register_secret

log = logging.getLogger("clipdesk.http")

USER_AGENT = f"ClipDesk/{__version__}"
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = httpx.Timeout(connect=15.0, read=60.0, write=60.0, pool=60.0)
MAX_BODY = 8 * 1024 * 1024  # a small answer (a task's JSON is a few KB), after decompression
SMALL_UPLOAD = 1024 * 1024  # a request body up to this size is a small exchange (with a deadline)
STALL = 30.0  # seconds without a byte of a download's body before that attempt ends
ENV_TIMEOUT = "CLIPDESK_HTTP_TIMEOUT"  # seconds for every phase of a request (tests, unusual links)
_FRAMING = frozenset({"content-encoding", "content-length", "transfer-encoding"})
_ssl_context: ssl.SSLContext | None = None


class HttpLimit(ClipDeskError):
    """An answer broke a limit or the rules of HTTP. Kind NETWORK (retryable); ``code`` names it:
    too_large, encoding, deadline, stalled, bad_answer, redirect."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(ErrorKind.NETWORK, message, code=code)


def ssl_context() -> ssl.SSLContext:
    """The certificate store httpx uses (certifi's roots); built once, it costs ~50 ms."""
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = httpx.create_ssl_context(trust_env=False)
    return _ssl_context


def warm_up() -> None:
    """What a process's first request would do on the event loop, done here instead (call it in a
    worker thread): the certificate store, and the modules httpx's transport imports when it is
    first built and first connects (httpcore, h11, anyio's streams). About 50 ms, once."""
    ssl_context()
    for module in _FIRST_USE:
        importlib.import_module(module)


_FIRST_USE = (
    "httpcore",
    "h11",
    "sniffio",
    "anyio.abc",
    "anyio.lowlevel",
    "anyio.streams.memory",
    "anyio.streams.tls",
    "anyio.to_thread",
)


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
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        port = -1
    return scheme, (parts.hostname or "").lower(), port


def was_never_sent(exc: BaseException) -> bool:
    """True only when the request provably did not reach the server (no connection was made)."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def resolve_proxy(setting: str | None, url: str = "") -> str | None:
    """'' or None: no proxy; 'system': the OS's / environment's proxy for ``url``'s scheme, unless
    its host is exempt (NO_PROXY, or the OS's bypass list); anything else: that URL."""
    if not setting or setting == "none":
        return None
    if setting != "system":
        return setting
    parts = urlsplit(url)
    if parts.hostname and urllib.request.proxy_bypass(parts.hostname):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(parts.scheme.lower()) or proxies.get("https") or proxies.get("http")


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
        max_body: int = MAX_BODY,
        deadline: float | None = None,
        stall: float | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._auth = dict(auth_headers or {})
        for value in self._auth.values():
            register_secret(value)
            register_secret(value.removeprefix("Bearer "))
        self._origin = origin(self.base_url) if self.base_url else None
        self.retries = retries
        self.backoff = backoff
        self.max_body = max_body
        self._timeout = timeout or default_timeout()
        read = self._timeout.read or DEFAULT_TIMEOUT.read or 60.0
        self.deadline = deadline if deadline is not None else 2 * read
        self.stall = stall if stall is not None else min(STALL, read)
        self._sem = asyncio.Semaphore(max_in_flight)
        self._max_in_flight = max_in_flight
        self._proxy = proxy
        self._clients: dict[tuple[str | None, bool, bool], httpx.AsyncClient] = {}
        self.requests_sent = 0

    def _client(self, url: str, billed: bool, body: bool = False) -> httpx.AsyncClient:
        """The pooled client for ``url``'s proxy, or for a billed submit one that never reuses a
        connection (a stale keep-alive socket must not make an ordinary submit's outcome unknown).
        ``body``: for a download, on the httpx-aiohttp transport with its defaults (its body
        reading costs a quarter of the CPU per byte of httpx's own; bench/README.md)."""
        proxy = resolve_proxy(self._proxy, url)
        client = self._clients.get((proxy, billed, body))
        if client is None:
            limits = httpx.Limits(
                max_connections=self._max_in_flight,
                max_keepalive_connections=0 if billed else self._max_in_flight,
                keepalive_expiry=30,
            )
            transport: httpx.AsyncBaseTransport
            if body:
                transport = AiohttpTransport(
                    verify=ssl_context(),
                    limits=limits,
                    proxy=httpx.Proxy(proxy) if proxy else None,
                    trust_env=False,
                )
            else:
                transport = httpx.AsyncHTTPTransport(verify=ssl_context(), limits=limits, proxy=proxy)
            client = self._clients[(proxy, billed, body)] = httpx.AsyncClient(
                transport=transport,
                timeout=self._timeout,
                headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
                follow_redirects=False,
                trust_env=False,
            )
        return client

    # -- addresses and credentials ---------------------------------------------------------------
    def url(self, path_or_url: str) -> str:
        if path_or_url.startswith(("http://", "https://")):
            return path_or_url
        return self.base_url + path_or_url

    def is_own_host(self, url: str) -> bool:
        return self._origin is not None and origin(url) == self._origin

    def _headers_for(
        self, url: str, asked: str, extra: Mapping[str, str] | None, with_auth: bool
    ) -> dict[str, str]:
        """The caller's headers only for the origin it asked (``asked``), the connection's
        credentials only for its own origin, where they win over a caller's header of that name."""
        headers = dict(extra or {}) if origin(url) == origin(asked) else {}
        if with_auth and self._auth and self.is_own_host(url):
            mine = {name.lower() for name in self._auth}
            headers = {n: v for n, v in headers.items() if n.lower() not in mine}
            headers.update(self._auth)
        return headers

    def _next_hop(self, url: str, response: httpx.Response) -> str:
        location = response.headers.get("location", "").strip()
        target = urljoin(url, location) if location else ""
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise HttpLimit("redirect", f"{urlsplit(url).netloc}: a redirect to nowhere usable")
        if urlsplit(url).scheme.lower() == "https" and scheme != "https":
            raise HttpLimit("redirect", f"{urlsplit(url).netloc}: refused a redirect from https to http")
        return target

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

        A billed request is sent once: when no connection could be made it raises RequestNotSent
        (safe to send again), any other failure SubmitOutcomeUnknown. Every HTTP answer is returned.
        An answer that breaks a limit raises HttpLimit (not retried here).
        """
        url = self.url(path_or_url)
        where = urlsplit(url).netloc
        attempts = 1 if billed else self.retries + 1
        # the deadline is for small exchanges: an upload takes as long as the link needs
        large = files is not None or (isinstance(data, bytes) and len(data) > SMALL_UPLOAD)
        deadline = None if large else self.deadline
        for attempt in range(1, attempts + 1):
            fresh = headers() if callable(headers) else headers
            try:
                async with self._sem:
                    async with asyncio.timeout(deadline):
                        response = await self._exchange(method, url, json, data, files, fresh, billed)
            except httpx.HTTPError as exc:
                if billed:
                    if was_never_sent(exc):
                        raise RequestNotSent(f"could not connect to {where}: {_describe(exc)}") from exc
                    raise SubmitOutcomeUnknown(
                        f"the answer to the submit was lost: {type(exc).__name__}"
                    ) from exc
                if attempt == attempts:
                    raise network_error(where, exc) from exc
                await asyncio.sleep(self._delay(attempt, None))
                continue
            except TimeoutError as exc:
                if billed:
                    raise SubmitOutcomeUnknown(
                        f"no whole answer to the submit within {self.deadline:.0f} s"
                    ) from exc
                raise HttpLimit("deadline", f"{where}: no whole answer within {self.deadline:.0f} s") from exc
            except HttpLimit as exc:
                if billed:
                    raise SubmitOutcomeUnknown(
                        f"the answer to the submit was refused: {exc.message}"
                    ) from exc
                raise
            if billed or response.status_code not in RETRY_STATUSES or attempt == attempts:
                return response
            await asyncio.sleep(self._delay(attempt, retry_after_seconds(response)))
        raise AssertionError("unreachable")

    async def _exchange(
        self,
        method: str,
        url: str,
        json: Any,
        data: Any,
        files: Any,
        headers: dict[str, str] | None,
        billed: bool,
    ) -> httpx.Response:
        """One request and its answer read whole (with its limits), redirects of a GET followed."""
        asked = url
        for _hop in range(MAX_REDIRECTS + 1):
            client = self._client(url, billed)
            request = client.build_request(
                method,
                url,
                json=json,
                content=data if isinstance(data, bytes) else None,
                data=None if isinstance(data, bytes) else data,
                files=files,
                headers=self._headers_for(url, asked, headers, with_auth=True),
            )
            started = time.monotonic()
            self.requests_sent += 1
            response = await client.send(request, stream=True)
            try:
                _check_framing(response)
                if response.is_redirect and method == "GET":
                    url = self._next_hop(url, response)
                    continue
                body = await _read_capped(response, self.max_body)
            finally:
                await response.aclose()
            self._log_answer(method, url, response.status_code, started)
            headers_out = [(n, v) for n, v in response.headers.multi_items() if n.lower() not in _FRAMING]
            return httpx.Response(
                response.status_code, headers=headers_out, content=body, request=response.request
            )
        raise HttpLimit("redirect", f"{urlsplit(asked).netloc}: more than {MAX_REDIRECTS} redirects")

    @asynccontextmanager
    async def stream(
        self, url: str, *, headers: dict[str, str] | None = None, with_auth: bool = False
    ) -> AsyncIterator[httpx.Response]:
        """GET a body as a stream, following redirects (as :meth:`request` does). Read the body
        with :meth:`body_pieces`. It is asked for unencoded (a video is sent as is; a compressed
        body would break Range resumes), and kept as sent if it comes encoded anyway."""
        t = self._timeout
        timeout = httpx.Timeout(connect=t.connect, read=self.stall, write=t.write, pool=t.pool)
        asked = url
        async with self._sem:
            for _hop in range(MAX_REDIRECTS + 1):
                client = self._client(url, False, body=True)
                sent = {"Accept-Encoding": "identity", **self._headers_for(url, asked, headers, with_auth)}
                request = client.build_request("GET", url, headers=sent, timeout=timeout)
                started = time.monotonic()
                self.requests_sent += 1
                try:
                    response = await client.send(request, stream=True)
                except httpx.ReadTimeout as exc:
                    raise _stalled(url, self.stall) from exc
                except aiohttp.ClientError as exc:  # what the transport leaves unmapped
                    raise _aiohttp_error(url, exc) from exc
                try:
                    self._log_answer("GET", url, response.status_code, started)
                    _check_framing(response)
                    if response.is_redirect:
                        url = self._next_hop(url, response)
                        continue
                    response.extensions["clipdesk_stall"] = self.stall
                    yield response
                    return
                finally:
                    await response.aclose()
            raise HttpLimit("redirect", f"{urlsplit(asked).netloc}: more than {MAX_REDIRECTS} redirects")

    @staticmethod
    async def body_pieces(response: Head) -> AsyncGenerator[bytes, None]:
        """The raw body of a response from :meth:`stream`, in the pieces the socket delivered (never
        decompressed). No byte for the layer's ``stall`` seconds raises HttpLimit("stalled")."""
        assert isinstance(response, httpx.Response)
        try:
            async for piece in response.aiter_raw():
                if piece:
                    yield piece
        except httpx.ReadTimeout as exc:
            raise _stalled(str(response.request.url), response.extensions.get("clipdesk_stall")) from exc
        except aiohttp.ClientError as exc:
            raise _aiohttp_error(str(response.request.url), exc) from exc

    def _log_answer(self, method: str, url: str, status: int, started: float) -> None:
        if log.isEnabledFor(logging.DEBUG):  # (formatting the URL is not free: only when wanted)
            elapsed_ms = (time.monotonic() - started) * 1000
            log.debug("%s %s -> %s in %.0f ms", method, redact(_loggable(url, self)), status, elapsed_ms)

    def _delay(self, attempt: int, hint: float | None) -> float:
        if hint is not None:
            return min(hint, 120.0)
        return min(self.backoff * 2 ** (attempt - 1), 30.0) * (0.75 + random.random() / 2)

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


def _check_framing(response: httpx.Response) -> None:
    if "transfer-encoding" in response.headers and "content-length" in response.headers:
        raise HttpLimit(
            "bad_answer",
            f"{response.request.url.host}: an answer with both Content-Length and Transfer-Encoding",
        )


class _Inflate:
    """One content coding (gzip or deflate) undone as a stream, never beyond a given size."""

    def __init__(self, coding: str) -> None:
        self._raw_deflate = coding == "deflate"  # "deflate" is zlib-wrapped, or raw in the wild
        self._z = zlib.decompressobj(zlib.MAX_WBITS | (16 if coding != "deflate" else 0))
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Up to ``room`` bytes of output for ``data`` (the rest of it is dropped: the caller stops)."""
        if self._z.eof:
            return b""
        try:
            out = self._z.decompress(data, room)
        except zlib.error:
            if not (self._raw_deflate and not self._started):
                raise
            self._z = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._z.decompress(data, room)
        self._started = True
        return out


async def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """The body, decoded, or HttpLimit as soon as it would exceed ``limit`` bytes."""
    codings = [
        c.strip().lower()
        for value in response.headers.get_list("content-encoding")
        for c in value.split(",")
        if c.strip() and c.strip().lower() != "identity"
    ]
    host = response.request.url.host
    if len(codings) > 1:
        raise HttpLimit(
            "encoding", f"{host}: refused an answer with stacked encodings ({', '.join(codings)})"
        )
    if codings and codings[0] not in ("gzip", "x-gzip", "deflate"):
        raise HttpLimit("encoding", f"{host}: an answer in an encoding not asked for ({codings[0]})")
    inflate = _Inflate(codings[0]) if codings else None
    body = bytearray()
    try:
        async for raw in response.aiter_raw():
            body += inflate.feed(raw, limit + 1 - len(body)) if inflate else raw
            if len(body) > limit:
                raise HttpLimit("too_large", f"{host}: an answer larger than {limit // 1024} KiB")
    except zlib.error as exc:
        raise HttpLimit("encoding", f"{host}: a corrupt {codings[0]} body") from exc
    return bytes(body)


def _aiohttp_error(url: str, exc: aiohttp.ClientError) -> ClipDeskError:
    where = urlsplit(url).netloc
    if isinstance(exc, aiohttp.ClientResponseError):  # its parser refused the answer
        return HttpLimit("bad_answer", f"{where}: {exc.message}"[:300])
    return ClipDeskError(ErrorKind.NETWORK, f"{where}: {type(exc).__name__}: {exc}"[:300])


def _stalled(url: str, seconds: Any) -> HttpLimit:
    after = f"{seconds:g} s" if isinstance(seconds, int | float) else "a while"
    return HttpLimit("stalled", f"{urlsplit(url).netloc}: the download stalled (no byte for {after})")


def network_error(what: str, exc: httpx.HTTPError) -> ClipDeskError:
    """A transport failure as the queue shows it: kind NETWORK; code bad_answer (the answer broke
    HTTP's rules), timeout, or None (the connection failed or broke)."""
    code = "bad_answer" if isinstance(exc, httpx.RemoteProtocolError | httpx.DecodingError) else None
    if isinstance(exc, httpx.TimeoutException):
        code = "timeout"
    return ClipDeskError(ErrorKind.NETWORK, f"{what}: {_describe(exc)}", code=code)


def _describe(exc: BaseException) -> str:
    cause = exc.__cause__
    detail = str(exc) or (str(cause) if cause else "") or type(exc).__name__
    return f"{type(exc).__name__}: {detail}"[:300]


def _loggable(url: str, layer: HttpLayer) -> str:
    """Foreign URLs (signed CDN links) lose their query string in the log."""
    return url if layer.is_own_host(url) else url.split("?", 1)[0]
