"""core.net.http1 through HttpLayer.request: framing, reuse, failures, and what still goes through httpx.

A scripted asyncio server answers each request with the bytes a test gives, so every framing and
failure the lean path must read the way httpx did is on the wire as written here.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx
import pytest

from core.errors import ClipDeskError, ErrorKind, RequestNotSent, SubmitOutcomeUnknown
from core.net.http import HttpLayer, was_never_sent
from core.net.http1 import Answer

Script = Callable[[asyncio.StreamReader, asyncio.StreamWriter, bytes], Awaitable[bool]]


def reply(raw: bytes, *, close: bool = False) -> Script:
    async def send(_r: asyncio.StreamReader, w: asyncio.StreamWriter, _req: bytes) -> bool:
        w.write(raw)
        await w.drain()
        return not close

    return send


def json_reply(body: object, status: int = 200, extra: str = "") -> Script:
    data = json.dumps(body).encode()
    head = (
        f"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {len(data)}\r\n{extra}\r\n"
    )
    return reply(head.encode() + data)


@dataclass
class Server:
    scripts: list[Script] = field(default_factory=list)
    requests: list[bytes] = field(default_factory=list)
    connections: int = 0
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def handle(self, r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                head = await r.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                req = head + (await r.readexactly(length) if length else b"")
                self.requests.append(req)
                if not self.scripts or not await self.scripts.pop(0)(r, w, req):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            w.close()


async def serve(server: Server) -> asyncio.Server:
    srv = await asyncio.start_server(server.handle, "127.0.0.1", 0)
    server.port = srv.sockets[0].getsockname()[1]
    return srv


def run(test: Callable[[Server], Awaitable[None]]) -> None:
    async def main() -> None:
        server = Server()
        srv = await serve(server)
        try:
            await test(server)
        finally:
            srv.close()

    asyncio.run(main())


def test_keep_alive_json_and_headers_as_httpx_sent_them() -> None:
    async def test(server: Server) -> None:
        server.scripts += [json_reply({"n": 1}), json_reply({"n": 2}, extra="Retry-After: 3\r\n")]
        http = HttpLayer(server.base, auth_headers={"Authorization": "Bearer sk-x"})
        first = await http.request("POST", "/a?b=1", json={"prompt": "猫"}, headers={"X-Async": "enable"})
        second = await http.request("GET", "/b")
        await http.aclose()
        assert isinstance(first, Answer)
        assert json.loads(first.content) == {"n": 1}
        assert second.headers.get("retry-after") == "3" and second.headers["Retry-After"] == "3"
        assert server.connections == 1  # the second request reused the connection
        head, _, body = server.requests[0].partition(b"\r\n\r\n")
        lines = head.decode().split("\r\n")
        assert lines[0] == "POST /a?b=1 HTTP/1.1"
        assert f"Host: 127.0.0.1:{server.port}" in lines
        assert "Authorization: Bearer sk-x" in lines and "X-Async: enable" in lines
        assert "Content-Type: application/json" in lines
        assert json.loads(body) == {"prompt": "猫"}

    run(test)


def test_chunked_split_gzip_and_interim_answers() -> None:
    payload = gzip.compress(b'{"ok": true}')
    chunked = (
        b"HTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
        + b"".join(
            b"%x;ext=1\r\n%s\r\n" % (len(payload[i : i + 7]), payload[i : i + 7])
            for i in range(0, len(payload), 7)
        )
        + b"0\r\nX-Trailer: 1\r\n\r\n"
    )

    async def dribble(_r: asyncio.StreamReader, w: asyncio.StreamWriter, _req: bytes) -> bool:
        for i in range(0, len(chunked), 5):  # the answer arrives in small pieces
            w.write(chunked[i : i + 5])
            await w.drain()
            await asyncio.sleep(0)
        return True

    async def test(server: Server) -> None:
        server.scripts += [dribble, json_reply({"again": 1})]
        http = HttpLayer(server.base)
        answer = await http.request("GET", "/x")
        again = await http.request("GET", "/y")
        await http.aclose()
        assert json.loads(answer.content) == {"ok": True}
        assert json.loads(again.content) == {"again": 1}
        assert server.connections == 1

    run(test)


def test_body_until_close_and_connection_close_are_not_reused() -> None:
    async def test(server: Server) -> None:
        server.scripts += [
            reply(b"HTTP/1.1 200 OK\r\n\r\nuntil the end", close=True),
            reply(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi"),
            json_reply({}),
        ]
        http = HttpLayer(server.base)
        assert (await http.request("GET", "/1")).content == b"until the end"
        assert (await http.request("GET", "/2")).content == b"hi"
        await http.request("GET", "/3")
        await http.aclose()
        assert server.connections == 3

    run(test)


def test_a_kept_alive_connection_the_server_closed_is_replaced_without_a_retry_pause() -> None:
    async def test(server: Server) -> None:
        async def close_unanswered(_r: asyncio.StreamReader, _w: asyncio.StreamWriter, _req: bytes) -> bool:
            return False  # read the request, close without a byte of answer

        server.scripts += [json_reply({"n": 1}), close_unanswered, json_reply({"n": 2})]
        http = HttpLayer(server.base, retries=0)  # no retry of HttpLayer's own: http1 must resend
        await http.request("GET", "/1")
        second = await http.request("GET", "/2")
        await http.aclose()
        assert json.loads(second.content) == {"n": 2}
        assert server.connections == 2

    run(test)


def test_billed_requests_use_a_fresh_connection_and_are_never_resent() -> None:
    async def test(server: Server) -> None:
        async def close_unanswered(_r: asyncio.StreamReader, _w: asyncio.StreamWriter, _req: bytes) -> bool:
            return False

        server.scripts += [json_reply({"n": 1}), close_unanswered]
        http = HttpLayer(server.base)
        await http.request("GET", "/poll")  # leaves a kept-alive connection that billed must not use
        with pytest.raises(SubmitOutcomeUnknown):
            await http.request("POST", "/submit", json={}, billed=True)
        await http.aclose()
        assert server.connections == 2
        assert [r.split(b" ")[1] for r in server.requests] == [b"/poll", b"/submit"]
        assert b"Connection: close" in server.requests[1]

    run(test)


def test_nothing_listening_is_request_not_sent_for_a_submit_and_network_for_a_poll() -> None:
    async def main() -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]  # closed again: nothing listens there
        http = HttpLayer(f"http://127.0.0.1:{port}", retries=0)
        with pytest.raises(RequestNotSent):
            await http.request("POST", "/submit", json={}, billed=True)
        with pytest.raises(ClipDeskError) as caught:
            await http.request("GET", "/poll")
        assert caught.value.kind is ErrorKind.NETWORK
        await http.aclose()

    asyncio.run(main())


def test_silence_is_a_read_timeout_and_a_truncated_body_a_read_error() -> None:
    async def test(server: Server) -> None:
        async def silent(_r: asyncio.StreamReader, _w: asyncio.StreamWriter, _req: bytes) -> bool:
            await asyncio.sleep(5)
            return False

        server.scripts += [silent, reply(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", close=True)]
        http = HttpLayer(server.base, retries=0, timeout=httpx.Timeout(0.3))
        with pytest.raises(ClipDeskError, match="ReadTimeout"):
            await http.request("GET", "/slow")
        with pytest.raises(ClipDeskError, match="ReadError"):
            await http.request("GET", "/short")
        await http.aclose()

    run(test)


def test_connect_timeout_counts_as_never_sent() -> None:
    exc = httpx.ConnectTimeout("no connection")
    exc.__cause__ = TimeoutError()
    assert was_never_sent(exc)
    read = httpx.ReadTimeout("late")
    read.__cause__ = TimeoutError()
    assert not was_never_sent(read)


def test_redirects_are_followed_for_get_and_credentials_stay_on_the_own_host() -> None:
    async def test(server: Server) -> None:
        other = Server(scripts=[json_reply({"there": 1})])
        srv = await serve(other)
        server.scripts += [
            reply(f"HTTP/1.1 302 Found\r\nLocation: {other.base}/z\r\nContent-Length: 0\r\n\r\n".encode())
        ]
        http = HttpLayer(server.base, auth_headers={"Authorization": "Bearer sk-secret"})
        answer = await http.request("GET", "/r")
        await http.aclose()
        srv.close()
        assert json.loads(answer.content) == {"there": 1}
        assert b"sk-secret" in server.requests[0] and b"sk-secret" not in other.requests[0]

    run(test)


def test_what_cannot_go_on_the_wire_as_it_is_goes_through_httpx() -> None:
    async def test(server: Server) -> None:
        server.scripts += [json_reply({}), json_reply({}), json_reply({})]
        http = HttpLayer(server.base)
        with pytest.raises((ValueError, httpx.HTTPError)):  # a header that would split the request
            await http.request("GET", "/a", headers={"X-Bad": "a\r\nX-Injected: 1"})
        quoted = await http.request("GET", "/tasks/a b")  # a space: httpx quotes it
        form = await http.request(
            "POST", "/upload", data={"k": "v"}, files={"f": ("a.png", b"x", "image/png")}
        )
        await http.aclose()
        assert isinstance(quoted, httpx.Response) and isinstance(form, httpx.Response)
        assert server.requests[0].startswith(b"GET /tasks/a%20b HTTP/1.1")
        assert b"multipart/form-data" in server.requests[1]
        assert all(b"X-Injected" not in r for r in server.requests)

    run(test)


def test_a_proxy_keeps_the_httpx_path() -> None:
    async def test(server: Server) -> None:
        server.scripts += [json_reply({"via": "proxy"})]
        http = HttpLayer("http://provider.invalid", proxy=server.base)
        answer = await http.request("GET", "/tasks/1")
        await http.aclose()
        assert isinstance(answer, httpx.Response)
        assert server.requests[0].startswith(b"GET http://provider.invalid/tasks/1 HTTP/1.1")

    run(test)


def test_the_connection_key_wins_over_a_caller_header_of_the_same_name() -> None:
    async def test(server: Server) -> None:
        server.scripts += [json_reply({})]
        http = HttpLayer(server.base, auth_headers={"Authorization": "Bearer sk-own"})
        await http.request("GET", "/a", headers={"authorization": "Bearer other", "X-Trace": "1"})
        await http.aclose()
        lines = server.requests[0].decode().split("\r\n")
        assert [line for line in lines if line.lower().startswith("authorization")] == [
            "Authorization: Bearer sk-own"
        ]
        assert "X-Trace: 1" in lines

    run(test)


def test_urls_are_sent_as_they_are_only_when_httpx_would_not_change_them() -> None:
    from core.net.http1 import Target

    parsed = Target.parse("https://H.example:8443/api/v1/tasks/ab%20c?x=1#frag")
    assert parsed is not None
    assert (parsed.host, parsed.port, parsed.host_header, parsed.target) == (
        "h.example",
        8443,
        "h.example:8443",
        "/api/v1/tasks/ab%20c?x=1",
    )
    v6 = Target.parse("http://[::1]/p")
    assert v6 is not None and (v6.host, v6.host_header) == ("::1", "[::1]")
    for url in (
        "http://a/t/{x}",
        "http://a/t/a b",
        "http://a/é",
        "http://u:p@a/x",
        "ftp://a/x",
        "http://a:99999/",
    ):
        assert Target.parse(url) is None, url
