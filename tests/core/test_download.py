"""core/net/download.py against a loopback server that misbehaves on purpose: what the downloader
guarantees, whatever the body path underneath (resume with Range, a server that ignores Range,
416, a cut connection, a stall, cancellation, a full disk, redirects, a proxy, credentials)."""

from __future__ import annotations

import asyncio
import errno
import gc
import hashlib
import http.server
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PosixPath
from typing import Any

import httpx
import pytest

import core.net.download as download_module
from core.errors import ClipDeskError, ErrorKind
from core.net.download import CHUNK, DiskFull, download
from core.net.http import HttpLayer

SIZE = 3 * CHUNK + 12345  # several blocks and a short tail
SECRET = "sk-download-test-secret"


def video_bytes(size: int = SIZE) -> bytes:
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    return head + os.urandom(size - len(head))


@dataclass
class Seen:
    path: str
    headers: dict[str, str]  # names in lower case


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up on a refused body resets the connection: expected here


@dataclass
class Files:
    """A loopback HTTP/1.1 file server in a thread. Every GET serves ``body`` (with Range unless
    ``ignore_range``), shaped by the options below, and is recorded in ``seen``."""

    body: bytes = field(default_factory=video_bytes)
    ignore_range: bool = False
    content_type: str = "video/mp4"
    chunked: bool = False
    cut_after: list[int] = field(default_factory=list)  # per request, in order: drop after N body bytes
    stall_after: int | None = None  # send N body bytes, then nothing until the server stops
    redirect_to: str | None = None
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.stop_stalling = threading.Event()
        self.stalled = threading.Event()  # a cut or stalled body has sent what it will
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                owner.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
                try:
                    owner.answer(self)
                except OSError:
                    self.close_connection = True

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def url(self) -> str:
        return self.base_url + "/files/result.mp4"

    def stop(self) -> None:
        self.stop_stalling.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def answer(self, h: http.server.BaseHTTPRequestHandler) -> None:
        if self.redirect_to is not None:
            h.send_response(302)
            h.send_header("Location", self.redirect_to)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        size = len(self.body)
        start, status = 0, 200
        match = re.fullmatch(r"bytes=(\d+)-", h.headers.get("range") or "")
        if match and not self.ignore_range:
            start, status = int(match.group(1)), 206
            if start >= size:
                h.send_response(416)
                h.send_header("Content-Range", f"bytes */{size}")
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
        data = self.body[start:]
        h.send_response(status)
        h.send_header("Content-Type", self.content_type)
        if status == 206:
            h.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        if self.chunked:
            h.send_header("Transfer-Encoding", "chunked")
        else:
            h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        cut = self.cut_after.pop(0) if self.cut_after else None
        if cut is not None or self.stall_after is not None:
            n = cut if cut is not None else self.stall_after
            assert n is not None
            h.wfile.write(data[:n])
            h.wfile.flush()
            self.stalled.set()
            # a pause before the drop lets the client read what arrived (aiohttp drops bytes that
            # are still buffered when the connection error lands in the same read)
            self.stop_stalling.wait(0.3 if cut is not None else None)
            h.close_connection = True
            return
        if self.chunked:
            for at in range(0, len(data), 100_000):
                piece = data[at : at + 100_000]
                h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            h.wfile.write(b"0\r\n\r\n")
        else:
            h.wfile.write(data)
        h.wfile.flush()


@pytest.fixture
def files() -> Iterator[Files]:
    server = Files()
    yield server
    server.stop()


@pytest.fixture
def other_host() -> Iterator[Files]:
    server = Files()
    yield server
    server.stop()


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 60))  # a guard against a hang, not a timing


async def fetch(
    url: str, tmp_path: Path, *, layer: HttpLayer | None = None, with_auth: bool = False, **kw: Any
) -> download_module.Downloaded:
    http = layer or HttpLayer("", **kw)
    try:
        return await download(http, url, tmp_path / "r.part", tmp_path / "lib" / "r.mp4", with_auth=with_auth)
    finally:
        await http.aclose()


def assert_finished(done: download_module.Downloaded, body: bytes, tmp_path: Path) -> None:
    assert done.path == tmp_path / "lib" / "r.mp4"
    assert done.path.read_bytes() == body
    assert done.size == len(body)
    assert done.sha256 == hashlib.sha256(body).hexdigest()
    assert not (tmp_path / "r.part").exists()


# ------------------------------------------------------------------------------ whole bodies
def test_whole_file_with_progress(files: Files, tmp_path: Path) -> None:
    reports: list[tuple[int, int | None]] = []

    async def go() -> download_module.Downloaded:
        http = HttpLayer("")
        part, final = tmp_path / "r.part", tmp_path / "lib" / "r.mp4"
        try:
            return await download(http, files.url, part, final, progress=lambda *a: reports.append(a))
        finally:
            await http.aclose()

    assert_finished(run(go()), files.body, tmp_path)
    assert reports[-1] == (SIZE, SIZE)
    assert [n for n, _ in reports] == sorted(n for n, _ in reports)
    assert files.seen[0].headers.get("range") is None


def test_chunked_body_without_a_length(files: Files, tmp_path: Path) -> None:
    files.chunked = True
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)


def test_a_taken_name_gets_a_numbered_one(files: Files, tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "r.mp4").write_bytes(b"someone else's")
    done = run(fetch(files.url, tmp_path))
    assert done.path == tmp_path / "lib" / "r (1).mp4" and done.path.read_bytes() == files.body
    assert (tmp_path / "lib" / "r.mp4").read_bytes() == b"someone else's"


# ------------------------------------------------------------------------------ resuming
def test_resume_asks_for_the_rest_with_range(files: Files, tmp_path: Path) -> None:
    have = CHUNK + 777
    (tmp_path / "r.part").write_bytes(files.body[:have])
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    assert [s.headers.get("range") for s in files.seen] == [f"bytes={have}-"]


def test_a_server_that_ignores_range_starts_over(files: Files, tmp_path: Path) -> None:
    files.ignore_range = True
    (tmp_path / "r.part").write_bytes(b"stale bytes that must not stay in front" * 1000)
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    assert files.seen[0].headers.get("range", "").startswith("bytes=")


def test_a_part_longer_than_the_file_is_fetched_again(files: Files, tmp_path: Path) -> None:
    (tmp_path / "r.part").write_bytes(files.body + b"junk")
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    assert [s.headers.get("range") for s in files.seen] == [f"bytes={SIZE + 4}-", None]


def test_a_complete_part_is_finished_on_416(files: Files, tmp_path: Path) -> None:
    (tmp_path / "r.part").write_bytes(files.body)
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    assert len(files.seen) == 1


def test_a_cut_connection_keeps_what_arrived_and_resumes_from_there(files: Files, tmp_path: Path) -> None:
    files.cut_after = [CHUNK + CHUNK // 2]
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    ranges = [s.headers.get("range") for s in files.seen]
    assert len(ranges) == 2 and ranges[0] is None
    resumed_at = int((ranges[1] or "bytes=0-")[6:-1])
    assert 0 < resumed_at <= CHUNK + CHUNK // 2


def test_a_small_body_cut_off_keeps_what_arrived_and_resumes_from_there(tmp_path: Path) -> None:
    """A body of at most one block is gathered in memory and saved at once; a break keeps it too."""
    server = Files(body=video_bytes(300_000), cut_after=[100_000])
    try:
        assert_finished(run(fetch(server.url, tmp_path)), server.body, tmp_path)
    finally:
        server.stop()
    ranges = [s.headers.get("range") for s in server.seen]
    assert ranges == [None, "bytes=100000-"]


def test_a_small_body_cancelled_midway_leaves_a_resumable_part(tmp_path: Path) -> None:
    server = Files(body=video_bytes(300_000), stall_after=100_000)
    part, final = tmp_path / "r.part", tmp_path / "lib" / "r.mp4"

    async def go() -> None:
        http = HttpLayer("")
        task = asyncio.ensure_future(download(http, server.url, part, final))
        await asyncio.to_thread(server.stalled.wait, 30)
        await asyncio.sleep(0.5)  # the 100,000 bytes sent cross the loopback
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await http.aclose()

    try:
        run(go())
        assert not final.exists()
        assert part.read_bytes() == server.body[:100_000]
        server.stall_after = None
        assert_finished(run(fetch(server.url, tmp_path)), server.body, tmp_path)
        assert server.seen[-1].headers.get("range") == "bytes=100000-"
    finally:
        server.stop()


# ------------------------------------------------------------------------------ one attempt, failing
async def one_attempt(url: str, part: Path, **kw: Any) -> Any:
    http = HttpLayer("", **kw)
    try:
        have = part.stat().st_size if part.exists() else 0
        return await download_module._fetch(http, url, part, part.with_suffix(".mp4"), have, False, None)
    finally:
        await http.aclose()


def test_a_short_body_is_never_accepted(files: Files, tmp_path: Path) -> None:
    files.cut_after = [CHUNK // 2]
    part = tmp_path / "r.part"
    with pytest.raises(ClipDeskError) as caught:
        run(one_attempt(files.url, part))
    assert caught.value.kind is ErrorKind.NETWORK
    kept = part.read_bytes()
    assert kept == files.body[: len(kept)] and len(kept) < SIZE


def test_a_stalled_body_times_out_and_keeps_what_arrived(files: Files, tmp_path: Path) -> None:
    files.stall_after = CHUNK + 100
    part = tmp_path / "r.part"
    with pytest.raises(ClipDeskError) as caught:
        run(one_attempt(files.url, part, timeout=httpx.Timeout(0.5)))
    assert caught.value.kind is ErrorKind.NETWORK and caught.value.code == "stalled"
    assert part.read_bytes() == files.body[: CHUNK + 100]


def test_cancelled_mid_body_leaves_a_resumable_part(files: Files, tmp_path: Path) -> None:
    files.stall_after = CHUNK + 100
    part, final = tmp_path / "r.part", tmp_path / "lib" / "r.mp4"

    async def go() -> None:
        http = HttpLayer("")
        arrived = asyncio.Event()

        def progress(received: int, total: int | None) -> None:
            if received >= CHUNK:
                arrived.set()

        task = asyncio.ensure_future(download(http, files.url, part, final, progress=progress))
        await arrived.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await http.aclose()

    run(go())
    assert not final.exists()
    kept = part.read_bytes()
    assert CHUNK <= len(kept) <= CHUNK + 100 and kept == files.body[: len(kept)]
    files.stall_after = None
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    assert files.seen[-1].headers.get("range") == f"bytes={len(kept)}-"


def test_a_web_page_is_not_a_video(files: Files, tmp_path: Path) -> None:
    files.content_type = "text/html; charset=utf-8"
    with pytest.raises(ClipDeskError) as caught:
        run(fetch(files.url, tmp_path))
    assert caught.value.kind is ErrorKind.UPSTREAM_FAILED
    assert not (tmp_path / "lib").exists()


def test_bytes_that_are_not_a_video_are_refused_and_not_kept(files: Files, tmp_path: Path) -> None:
    files.body = b"<html>" + b"x" * SIZE
    with pytest.raises(ClipDeskError) as caught:
        run(fetch(files.url, tmp_path))
    assert caught.value.kind is ErrorKind.UPSTREAM_FAILED
    assert not (tmp_path / "lib").exists()
    assert not (tmp_path / "r.part").exists() or (tmp_path / "r.part").stat().st_size == 0


class _FullFile:
    """A file on a disk with ``room`` bytes left: writes past it store what fits, then ENOSPC."""

    room = CHUNK + CHUNK // 2

    def __init__(self, fh: Any) -> None:
        self.fh = fh

    def write(self, data: Any) -> int:
        room = self.room - self.fh.tell()
        if len(data) > room:
            self.fh.write(bytes(data[: max(room, 0)]))
            self.fh.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
        return int(self.fh.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.fh, name)


class _FullDiskPath(PosixPath):
    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        fh = super().open(mode, *args, **kwargs)
        return _FullFile(fh) if "a" in mode or "w" in mode else fh


def test_a_full_disk_keeps_what_fit_and_resumes_later(
    files: Files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_init = download_module._PartFile.__init__

    def on_full_disk(self: Any, path: Path) -> None:
        real_init(self, _FullDiskPath(path))

    monkeypatch.setattr(download_module._PartFile, "__init__", on_full_disk)
    with pytest.raises(DiskFull):
        run(fetch(files.url, tmp_path))
    kept = (tmp_path / "r.part").read_bytes()
    assert 0 < len(kept) <= _FullFile.room and kept == files.body[: len(kept)]
    assert not (tmp_path / "lib" / "r.mp4").exists()
    monkeypatch.setattr(download_module._PartFile, "__init__", real_init)  # space is back
    assert_finished(run(fetch(files.url, tmp_path)), files.body, tmp_path)
    assert files.seen[-1].headers.get("range") == f"bytes={len(kept)}-"


class _SlowFullFile(_FullFile):
    """The full disk, slow too: blocks arrive faster than they are written, so several wait."""

    def write(self, data: Any) -> int:
        time.sleep(0.05)
        return super().write(data)


class _SlowFullDiskPath(PosixPath):
    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        fh = super().open(mode, *args, **kwargs)
        return _SlowFullFile(fh) if "a" in mode or "w" in mode else fh


def test_a_full_disk_with_blocks_waiting_leaves_no_error_unheard(
    files: Files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Every block handed to the writer is waited for, also after one failed: the others' errors
    are not left in futures nobody reads ("Future exception was never retrieved", logged later
    and anywhere, when they are collected)."""
    real_init = download_module._PartFile.__init__

    def on_full_disk(self: Any, path: Path) -> None:
        real_init(self, _SlowFullDiskPath(path))

    files.body = video_bytes(8 * CHUNK)
    monkeypatch.setattr(download_module._PartFile, "__init__", on_full_disk)
    with pytest.raises(DiskFull):
        run(fetch(files.url, tmp_path))
    gc.collect()
    assert "never retrieved" not in caplog.text


# ------------------------------------------------------------------------------ where it goes
def test_credentials_go_to_the_own_host_only_across_a_redirect(
    files: Files, other_host: Files, tmp_path: Path
) -> None:
    other_host.body = files.body
    files.redirect_to = other_host.url + "?signature=abc"
    layer = HttpLayer(files.base_url, auth_headers={"Authorization": f"Bearer {SECRET}"})
    assert_finished(run(fetch(files.url, tmp_path, layer=layer, with_auth=True)), files.body, tmp_path)
    assert files.seen[0].headers.get("authorization") == f"Bearer {SECRET}"
    assert [s.path for s in other_host.seen] == ["/files/result.mp4?signature=abc"]
    assert all(SECRET not in str(s.headers) for s in other_host.seen)
    assert "authorization" not in other_host.seen[0].headers


def test_a_link_on_another_host_gets_no_credentials(files: Files, other_host: Files, tmp_path: Path) -> None:
    layer = HttpLayer(files.base_url, auth_headers={"Authorization": f"Bearer {SECRET}"})
    assert_finished(
        run(fetch(other_host.url, tmp_path, layer=layer, with_auth=True)), other_host.body, tmp_path
    )
    assert all(SECRET not in str(s.headers) for s in other_host.seen) and not files.seen


def test_the_proxy_setting_carries_the_download(files: Files, tmp_path: Path) -> None:
    """The loopback server stands in for an HTTP proxy: it gets the absolute URL and answers."""
    done = run(fetch("http://video.example.invalid/files/result.mp4", tmp_path, proxy=files.base_url))
    assert_finished(done, files.body, tmp_path)
    assert [s.path for s in files.seen] == ["http://video.example.invalid/files/result.mp4"]


# ------------------------------------------------------------------------------ the body path
def test_a_reader_that_falls_behind_is_not_timed_out(tmp_path: Path) -> None:
    """A slow disk: pauses of the reader longer than the stall limit are not mistaken for a silent
    server (the server is the one waiting then)."""
    server = Files(body=video_bytes(24 * 1024 * 1024))
    try:

        async def go() -> bytes:
            http = HttpLayer("", timeout=httpx.Timeout(0.5))
            try:
                async with http.stream(server.url) as response:
                    pieces: list[bytes] = []
                    await asyncio.sleep(1.5)  # three stall limits with nothing read
                    async for piece in HttpLayer.body_pieces(response):
                        pieces.append(piece)
                        if len(pieces) % 64 == 0:
                            await asyncio.sleep(0.6)  # more than the stall limit, again and again
                    return b"".join(pieces)
            finally:
                await http.aclose()

        data = run(go())
    finally:
        server.stop()
    assert data == server.body


def test_a_body_closed_before_its_end_leaves_the_origin_usable(files: Files) -> None:
    """A download whose reader stops midway: its connection is not handed to the next request
    (which would wait on a body nobody reads); with one connection allowed, the next one works."""

    async def go() -> int:
        http = HttpLayer("", max_in_flight=1, timeout=httpx.Timeout(5.0))
        try:
            async with http.stream(files.url) as response:
                async for _piece in HttpLayer.body_pieces(response):
                    break
            async with http.stream(files.url) as again:
                return len(b"".join([p async for p in HttpLayer.body_pieces(again)]))
        finally:
            await http.aclose()

    assert run(go()) == len(files.body)


def test_a_download_asks_for_the_body_as_stored(files: Files, tmp_path: Path) -> None:
    """A video is not compressed on the way: asking for identity keeps Range offsets meaningful."""
    run(fetch(files.url, tmp_path))
    assert files.seen[0].headers["accept-encoding"] == "identity"


def test_an_encoded_body_is_kept_as_sent() -> None:
    async def go() -> bytes:
        response = httpx.Response(
            200, headers={"Content-Encoding": "gzip"}, stream=httpx.ByteStream(b"\x1f\x8b not inflated")
        )
        return b"".join([piece async for piece in HttpLayer.body_pieces(response)])

    assert run(go()) == b"\x1f\x8b not inflated"


@pytest.mark.parametrize("blocks", [0, 2], ids=["the-last-short-block", "a-block-mid-body"])
def test_cancelled_while_a_block_is_being_written_keeps_that_block(
    files: Files, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blocks: int
) -> None:
    """The file is closed only after the worker thread is done with the block it holds, wherever
    the cancellation finds the download: at the end of the body, or waiting for the worker."""
    if blocks:
        files.body = video_bytes(blocks * download_module.BLOCK + CHUNK)
        files.stall_after = blocks * download_module.BLOCK + 100
    part, final = tmp_path / "r.part", tmp_path / "lib" / "r.mp4"
    real_append = download_module._PartFile.append
    held: list[int] = []
    writing, release = threading.Event(), threading.Event()

    def slow_append(self: Any, pieces: list[bytes]) -> None:
        if not held:
            held.append(sum(map(len, pieces)))
            writing.set()
            release.wait(10)
        real_append(self, pieces)

    monkeypatch.setattr(download_module._PartFile, "append", slow_append)

    async def go() -> None:
        http = HttpLayer("")
        task = asyncio.ensure_future(download(http, files.url, part, final))
        while not writing.is_set():
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.3)  # the rest arrives, up to the stall, and waits for the worker
        task.cancel()
        await asyncio.sleep(0.2)  # the cancellation reaches the download while the block is held
        release.set()
        with pytest.raises(asyncio.CancelledError):
            await task
        await http.aclose()

    run(go())
    kept = part.read_bytes()
    assert len(kept) >= held[0] > 0 and kept == files.body[: len(kept)]
    assert not final.exists()


def test_what_arrived_reaches_the_part_file_while_the_body_is_still_coming(
    files: Files, tmp_path: Path
) -> None:
    """A crash (kill -9) keeps only what is on disk: a slow body must not wait in memory for a
    whole block; what arrived is written within a second even when no more comes."""
    files.stall_after = CHUNK + 100  # far less than a block
    part, final = tmp_path / "r.part", tmp_path / "lib" / "r.mp4"

    async def go() -> int:
        http = HttpLayer("")
        task = asyncio.ensure_future(download(http, files.url, part, final))
        on_disk = 0
        for _ in range(60):  # up to 3 s: the body stalls, the download goes on waiting
            await asyncio.sleep(0.05)
            on_disk = part.stat().st_size if part.exists() else 0
            if on_disk == CHUNK + 100:
                break
        assert not task.done()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await http.aclose()
        return on_disk

    assert run(go()) == CHUNK + 100
