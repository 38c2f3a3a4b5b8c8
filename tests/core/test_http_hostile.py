"""HttpLayer against servers that misbehave on purpose (loopback only): every bad answer ends in a
named error within its time, with memory bounded, and a healthy task beside it is not held up."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import socket
import ssl
import tracemalloc
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest

import core.net.download as download_module
import core.net.http
from core.config.connections import Connection
from core.config.paths import default_paths
from core.errors import ClipDeskError, ErrorKind, SubmitOutcomeUnknown
from core.net.http import HttpLayer, HttpLimit
from core.tasks.journal import TaskState
from core.tasks.request import GenerationRequest
from tests.core.test_http_tls import certificate
from tests.emulators.dashscope import DashScopeEmulator
from tests.support.engine import close_engine, open_engine
from tests.support.hostile import Hostile, answer

pytestmark = pytest.mark.timeout(60)  # a hang fails the test instead of the suite

BOMB = 64 * 1024 * 1024  # inflated size of the gzip bombs: 8 times the cap on a small answer
VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(200_000)


@cache
def bomb() -> bytes:
    return gzip.compress(b" " * BOMB, compresslevel=9)


def serve(raw: bytes, *, then_hold: bool = True) -> Any:
    def script(conn: socket.socket, head: bytes) -> None:
        conn.sendall(raw)
        if then_hold:
            server.hold()

    server = Hostile(script)
    return server


@pytest.fixture
def servers() -> Iterator[list[Hostile]]:
    made: list[Hostile] = []
    yield made
    for server in made:
        server.stop()


def layer(base: str, **kw: Any) -> HttpLayer:
    kw.setdefault("timeout", httpx.Timeout(2.0))
    kw.setdefault("deadline", 6.0)
    return HttpLayer(base, retries=0, **kw)


async def failure(http: HttpLayer, *, billed: bool = False) -> ClipDeskError:
    try:
        with pytest.raises(ClipDeskError) as caught:
            if billed:
                await http.request("POST", "/api/v1/services", json={"p": 1}, billed=True)
            else:
                await http.request("GET", "/api/v1/tasks/t-1")
    finally:
        await http.aclose()
    return caught.value


CHUNKED = "HTTP/1.1 200 OK\nContent-Type: application/json\nTransfer-Encoding: chunked"


# ------------------------------------------------------------------------------ framing
@pytest.mark.parametrize(
    "size",
    [b"-6", b"0x10", b"zz", b"1 2", b"", b"f" * 40],
    ids=["negative", "hex-prefix", "garbage", "space", "empty", "huge"],
)
def test_a_bad_chunk_size_is_a_network_error(servers: list[Hostile], size: bytes) -> None:
    server = serve(answer(CHUNKED, size + b"\r\n" + b"x" * 64 + b"\r\n"))
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert error.kind is ErrorKind.NETWORK


@pytest.mark.parametrize("then_hold", [False, True], ids=["closed", "silent"])
def test_an_unterminated_chunk_is_a_network_error(servers: list[Hostile], then_hold: bool) -> None:
    server = serve(answer(CHUNKED, b"100000\r\n" + b"{" * 10), then_hold=then_hold)
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert error.kind is ErrorKind.NETWORK


def test_content_length_with_chunked_is_refused(servers: list[Hostile]) -> None:
    body = b"2\r\n{}\r\n0\r\n\r\n"
    server = serve(answer(CHUNKED + "\nContent-Length: 2", body))
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert isinstance(error, HttpLimit) and error.code == "bad_answer"


def test_endless_headers_are_cut_off(servers: list[Hostile]) -> None:
    def script(conn: socket.socket, head: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        while True:
            conn.sendall(b"X-Filler: " + b"a" * 1000 + b"\r\n")

    server = Hostile(script)
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert error.kind is ErrorKind.NETWORK and error.code == "bad_answer"


def test_a_server_that_accepts_and_never_answers_times_out(servers: list[Hostile]) -> None:
    server = Hostile(lambda conn, head: server.hold())
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert error.kind is ErrorKind.NETWORK and error.code == "timeout"


def test_a_submit_nobody_answers_is_an_unknown_outcome_never_resent(servers: list[Hostile]) -> None:
    server = Hostile(lambda conn, head: server.hold())
    servers.append(server)
    error = asyncio.run(failure(layer(server.base), billed=True))
    assert isinstance(error, SubmitOutcomeUnknown)
    assert len(server.heads) == 1


def test_a_submit_whose_connection_drops_after_it_arrived_is_an_unknown_outcome(
    servers: list[Hostile],
) -> None:
    """The server read the submit (it may be billed) and closed without answering: never "not
    sent", never sent again. (httpx-aiohttp reports this as a ConnectTimeout, one reason small
    requests stay on httpx's own transport.)"""
    server = Hostile(lambda conn, head: None)  # the head is read, then the connection closes
    servers.append(server)
    error = asyncio.run(failure(layer(server.base), billed=True))
    assert isinstance(error, SubmitOutcomeUnknown)
    assert len(server.heads) == 1


# ------------------------------------------------------------------------------ size
def test_an_endless_body_on_a_small_request_is_capped(servers: list[Hostile]) -> None:
    def script(conn: socket.socket, head: bytes) -> None:
        conn.sendall(answer(CHUNKED))
        while True:
            conn.sendall(b"1000\r\n" + b" " * 4096 + b"\r\n")

    server = Hostile(script)
    servers.append(server)
    error = asyncio.run(failure(layer(server.base, max_body=1024 * 1024)))
    assert isinstance(error, HttpLimit) and error.code == "too_large"


def test_a_trickling_body_meets_the_deadline(servers: list[Hostile]) -> None:
    def script(conn: socket.socket, head: bytes) -> None:
        conn.sendall(answer(CHUNKED))
        while not server.stopped.wait(0.2):
            conn.sendall(b"1\r\n \r\n")

    server = Hostile(script)
    servers.append(server)
    error = asyncio.run(failure(layer(server.base, deadline=2.0)))
    assert isinstance(error, HttpLimit) and error.code == "deadline"


@pytest.mark.parametrize("billed", [False, True], ids=["poll", "submit"])
def test_a_gzip_bomb_is_refused_with_memory_bounded(servers: list[Hostile], billed: bool) -> None:
    body = bomb()
    head = f"HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: {len(body)}"
    server = serve(answer(head, body))
    servers.append(server)
    tracemalloc.start()
    try:
        error = asyncio.run(failure(layer(server.base), billed=billed))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    if billed:
        assert isinstance(error, SubmitOutcomeUnknown)  # the task may exist: never sent again
    else:
        assert isinstance(error, HttpLimit) and error.code == "too_large"
    assert peak < BOMB / 2


def test_stacked_encodings_are_refused(servers: list[Hostile]) -> None:
    body = gzip.compress(bomb())
    head = f"HTTP/1.1 200 OK\nContent-Encoding: gzip, gzip\nContent-Length: {len(body)}"
    server = serve(answer(head, body))
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert isinstance(error, HttpLimit) and error.code == "encoding"


def test_a_small_gzip_answer_is_read(servers: list[Hostile]) -> None:
    body = gzip.compress(b'{"output": {"task_status": "RUNNING"}}')
    head = f"HTTP/1.1 200 OK\nContent-Encoding: gzip\nContent-Length: {len(body)}"
    server = serve(answer(head, body), then_hold=False)
    servers.append(server)

    async def go() -> Any:
        http = layer(server.base)
        try:
            return (await http.request("GET", "/api/v1/tasks/t-1")).json()
        finally:
            await http.aclose()

    assert asyncio.run(go()) == {"output": {"task_status": "RUNNING"}}


# ------------------------------------------------------------------------------ redirects
def test_a_redirect_to_another_host_gets_a_plain_get(servers: list[Hostile]) -> None:
    cdn = serve(answer("HTTP/1.1 200 OK\nContent-Length: 2", b"{}"), then_hold=False)
    servers.append(cdn)
    own = serve(
        answer(f"HTTP/1.1 302 Found\nLocation: {cdn.base}/result\nContent-Length: 0"), then_hold=False
    )
    servers.append(own)

    async def go() -> int:
        http = layer(own.base, auth_headers={"Authorization": "Bearer sk-own"})
        try:
            reply = await http.request(
                "GET", "/api/v1/tasks/t-1", headers={"Ai-trace-id": "trace-1", "X-Custom": "mine"}
            )
            async with http.stream(own.base + "/file", headers={"Range": "bytes=10-"}, with_auth=True):
                pass
            return reply.status_code
        finally:
            await http.aclose()

    assert asyncio.run(go()) == 200
    assert b"Authorization: Bearer sk-own" in own.heads[0] and b"trace-1" in own.heads[0]
    assert b"range: bytes=10-" in own.heads[1].lower()
    assert len(cdn.heads) == 2
    for head in cdn.heads:
        lower = head.lower()
        assert b"authorization" not in lower and b"sk-own" not in lower
        assert b"ai-trace-id" not in lower and b"x-custom" not in lower and b"range" not in lower


def test_too_many_redirects_end(servers: list[Hostile]) -> None:
    server = serve(answer("HTTP/1.1 302 Found\nLocation: /again\nContent-Length: 0"), then_hold=False)
    servers.append(server)
    error = asyncio.run(failure(layer(server.base)))
    assert isinstance(error, HttpLimit) and error.code == "redirect"
    assert len(server.heads) == core.net.http.MAX_REDIRECTS + 1


def test_https_to_http_is_never_followed(
    servers: list[Hostile], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = serve(answer("HTTP/1.1 200 OK\nContent-Length: 2", b"{}"), then_hold=False)
    servers.append(plain)
    cert, key = certificate(tmp_path, ["localhost", "127.0.0.1"])
    monkeypatch.setattr(core.net.http, "_ssl_context", ssl.create_default_context(cafile=str(cert)))

    async def go() -> ClipDeskError:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)

        async def redirect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(answer(f"HTTP/1.1 302 Found\nLocation: {plain.base}/leak\nContent-Length: 0"))
            await writer.drain()
            writer.close()

        tls = await asyncio.start_server(redirect, "127.0.0.1", 0, ssl=context)
        port = tls.sockets[0].getsockname()[1]
        try:
            return await failure(
                layer(f"https://localhost:{port}", auth_headers={"Authorization": "Bearer k"})
            )
        finally:
            tls.close()

    error = asyncio.run(go())
    assert isinstance(error, HttpLimit) and error.code == "redirect"
    assert plain.heads == []


# ------------------------------------------------------------------------------ downloads
def test_a_download_that_stalls_ends_in_a_retryable_error(servers: list[Hostile]) -> None:
    server = serve(answer(f"HTTP/1.1 200 OK\nContent-Length: {len(VIDEO)}", VIDEO[:1000]))
    servers.append(server)

    async def go() -> None:
        http = layer("", stall=1.0)
        try:
            async with http.stream(server.base + "/v.mp4") as response:
                async for _piece in HttpLayer.body_pieces(response):
                    pass
        finally:
            await http.aclose()

    with pytest.raises(HttpLimit) as caught:
        asyncio.run(go())
    assert caught.value.kind is ErrorKind.NETWORK and caught.value.code == "stalled"


def test_a_download_stopped_midway_leaves_the_origin_usable(servers: list[Hostile]) -> None:
    big = VIDEO + bytes(8 * 1024 * 1024)
    server = serve(answer(f"HTTP/1.1 200 OK\nContent-Length: {len(big)}", big), then_hold=False)
    servers.append(server)

    async def go() -> int:
        http = layer("", max_in_flight=1)
        try:
            async with http.stream(server.base + "/v.mp4") as response:
                async for _piece in HttpLayer.body_pieces(response):
                    break  # the reader stops; the rest of the body stays unread
            async with http.stream(server.base + "/v.mp4") as again:
                return sum([len(p) async for p in HttpLayer.body_pieces(again)])
        finally:
            await http.aclose()

    assert asyncio.run(go()) == len(big)


async def _download_failure(url: str) -> ClipDeskError:
    http = layer("", stall=2.0)
    try:
        with pytest.raises(ClipDeskError) as caught:
            async with http.stream(url) as response:
                async for _piece in HttpLayer.body_pieces(response):
                    pass
    finally:
        await http.aclose()
    return caught.value


def test_endless_headers_on_a_download_are_cut_off(servers: list[Hostile]) -> None:
    def script(conn: socket.socket, head: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        with contextlib.suppress(OSError):
            while True:
                conn.sendall(b"X-Filler: " + b"a" * 1000 + b"\r\n")

    server = Hostile(script)
    servers.append(server)
    tracemalloc.start()
    try:
        error = asyncio.run(_download_failure(server.base + "/v.mp4"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.kind is ErrorKind.NETWORK and error.code == "bad_answer"
    assert peak < 32 * 1024 * 1024


def test_an_endless_header_line_on_a_download_is_cut_off(servers: list[Hostile]) -> None:
    def script(conn: socket.socket, head: bytes) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Filler: ")
        with contextlib.suppress(OSError):
            while True:
                conn.sendall(b"a" * 65536)

    server = Hostile(script)
    servers.append(server)
    error = asyncio.run(_download_failure(server.base + "/v.mp4"))
    assert error.kind is ErrorKind.NETWORK and error.code == "bad_answer"


@pytest.mark.parametrize("size", [b"-6", b"0x10", b"zz"], ids=["negative", "hex-prefix", "garbage"])
def test_a_bad_chunk_size_on_a_download_is_a_network_error(servers: list[Hostile], size: bytes) -> None:
    head = "HTTP/1.1 200 OK\nContent-Type: video/mp4\nTransfer-Encoding: chunked"
    server = serve(answer(head, size + b"\r\n" + VIDEO[:64] + b"\r\n"))
    servers.append(server)
    error = asyncio.run(_download_failure(server.base + "/v.mp4"))
    assert error.kind is ErrorKind.NETWORK


# ------------------------------------------------------------------------------ the engine
class _HostileResults(DashScopeEmulator):
    """A DashScope that works, except that its result links point at a hostile CDN."""

    def __init__(self, cdn: str) -> None:
        super().__init__()
        self.cdn = cdn

    def file_url(self, task: Any) -> str:
        return self.cdn + "/result.mp4"


def test_a_hostile_cdn_does_not_hold_up_a_healthy_task(
    servers: list[Hostile], dashscope_emu: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One engine, two connections: the result link of one answers a negative chunk size, the
    other's task is still polled and downloaded."""
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.setenv("CLIPDESK_HTTP_TIMEOUT", "3")
    chunked = "HTTP/1.1 200 OK\nContent-Type: video/mp4\nTransfer-Encoding: chunked"
    cdn = serve(answer(chunked, b"-6\r\n" + VIDEO[:100] + b"\r\n"))
    servers.append(cdn)
    hostile = _HostileResults(cdn.base)
    hostile.start()
    request = GenerationRequest(
        model="wan2.5-i2v-preview", prompt="a fox", image="https://example.com/fox.png"
    )

    async def go() -> tuple[Any, Any]:
        engine = await open_engine(default_paths(), dashscope_emu.base_url)
        engine.add_connection(
            Connection(name="h", dialect="dashscope", base_url=hostile.base_url + "/alibailian")
        )
        try:
            bad = await engine.create("h", request)
            while not cdn.heads:  # the hostile download has begun
                await asyncio.sleep(0.05)
            good = await engine.create("c", request)
            await asyncio.wait_for(engine.wait([good.id, bad.id]), 45)
            return engine.tasks[good.id], engine.tasks[bad.id]
        finally:
            await close_engine(engine)

    monkeypatch.setattr(download_module, "ATTEMPTS", 2)
    try:
        good, bad = asyncio.run(go())
    finally:
        hostile.stop()
    assert good.state is TaskState.SUCCEEDED
    assert bad.state is TaskState.FAILED
    assert (bad.error_kind, bad.error_code) == ("network", "bad_answer")


# ------------------------------------------------------------------------------ proxies
def test_the_system_proxy_honours_no_proxy(servers: list[Hostile], monkeypatch: pytest.MonkeyPatch) -> None:
    """'system' takes the environment's proxy, except for the hosts NO_PROXY exempts."""
    proxy = serve(answer("HTTP/1.1 200 OK\nContent-Length: 9", b'"proxied"'), then_hold=False)
    origin = serve(answer("HTTP/1.1 200 OK\nContent-Length: 8", b'"direct"'), then_hold=False)
    servers += [proxy, origin]
    port = origin.base.rsplit(":", 1)[1]
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", proxy.base)
    monkeypatch.setenv("no_proxy", "localhost")
    monkeypatch.setenv("NO_PROXY", "localhost")

    async def go() -> list[Any]:
        http = layer("", proxy="system")
        try:
            exempt = await http.request("GET", f"http://localhost:{port}/a")
            proxied = await http.request("GET", f"http://127.0.0.1:{port}/b")
            return [exempt.json(), proxied.json()]
        finally:
            await http.aclose()

    assert asyncio.run(go()) == ["direct", "proxied"]
    assert [head.split(b" ")[1] for head in proxy.heads] == [f"http://127.0.0.1:{port}/b".encode()]


# ------------------------------------------------------------------------------ Happy Eyeballs
@pytest.mark.timeout(20)
def test_an_address_that_never_answers_costs_no_connect_timeout(
    servers: list[Hostile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host with two addresses, the first a black hole (its SYNs dropped, as on a network with
    broken IPv6): the second is tried while the first still waits, well within the connect timeout."""
    hole = socket.socket()
    hole.bind(("127.0.0.2", 0))
    hole.listen(0)
    port = hole.getsockname()[1]
    fillers = []
    for _ in range(8):  # fill its accept queue: from now on the kernel drops SYNs to it
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.2", port))
        fillers.append(filler)
    good = Hostile(
        lambda conn, head: conn.sendall(answer("HTTP/1.1 200 OK\nContent-Length: 2", b"{}")),
        "127.0.0.3",
        port,
    )
    servers.append(good)
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("dual.test", b"dual.test"):
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.3", port)),
            ]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)

    async def go() -> int:
        http = HttpLayer(f"http://dual.test:{port}", retries=0, timeout=httpx.Timeout(60.0))
        try:
            return (await http.request("GET", "/api/v1/tasks/t-1")).status_code
        finally:
            await http.aclose()

    try:
        assert asyncio.run(go()) == 200
    finally:
        hole.close()
        for filler in fillers:
            filler.close()
