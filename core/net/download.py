"""Downloads of results: to a .part file, resumed with Range, checked, hashed, renamed atomically.

An HTML or JSON error page is not a video; a short body is resumed, never accepted. File writes and
hashing run in a worker thread, 1 MiB at a time, so the event loop never waits on the disk; the
body's pieces come as the HTTP client received them (HttpLayer.body_pieces) and are joined only in
that thread. A body of at most one block is gathered and saved in a single trip to a worker thread.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import os
import re
import shutil
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import aclosing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import unquote, urlsplit

import httpx

from core.errors import ClipDeskError, DiskFull, ErrorKind
from core.net.http import HttpLayer, network_error
from core.net.reply import Head, retry_after_seconds

CHUNK = 1024 * 1024  # reading a file to hash it
# Handed to the worker thread at once: one trip to the thread and back per MiB (1, 2, 4 and 8 MiB
# measured the same in bench/download.py). At most two blocks wait or are being written (and up to
# 2 MiB more in aiohttp's buffer), whatever the file's size; a crash loses at most that, since the
# file is unbuffered and a slow body's pieces go to the writer after KEEP_AT_MOST.
BLOCK = 1024 * 1024
DEPTH = 4  # blocks handed to the writer and not yet written, at most
KEEP_AT_MOST = 0.5  # seconds a received piece may wait in memory while the writer is idle
SMALL = BLOCK  # a body of at most this many bytes (and known length) is gathered, then saved at once
PROGRESS_STEP = 1024 * 1024  # progress is reported as bytes arrive, at most once per MiB
ATTEMPTS = 5
_NOT_VIDEO_TYPES = ("text/", "application/json", "application/xml", "application/problem")


@dataclass
class Downloaded:
    path: Path
    size: int
    sha256: str


def looks_like_video(head: bytes) -> bool:
    """MP4/MOV (ftyp/moov/mdat/free/wide box), WebM/Matroska (EBML), or an MPEG-TS sync byte."""
    if len(head) >= 8 and head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip"):
        return True
    return head.startswith(b"\x1a\x45\xdf\xa3") or (len(head) > 188 and head[0] == 0x47 and head[188] == 0x47)


def _hash_file(path: Path) -> tuple[hashlib._Hash, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            size += len(block)
    return digest, size


class _PartFile:
    """The .part file of one attempt: opened once, appended and hashed as blocks arrive (in worker
    threads, never on the loop), closed at the end of the attempt."""

    def __init__(self, path: Path, own_thread: bool = True) -> None:
        self.path = path
        # One thread of its own: blocks are written in the order they were handed over, and several
        # may wait (the body keeps arriving while a block is written and hashed).
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="clipdesk-part") if own_thread else None
        self.digest = hashlib.sha256()
        self.size = 0
        self._fh: BinaryIO | None = None

    def open(self, keep: bool) -> None:
        """Hash what an earlier attempt left (when resuming), or start empty."""
        if keep and self.path.exists():
            self.digest, self.size = _hash_file(self.path)
        # Unbuffered: each block goes to the OS as it is written, so a crash keeps it.
        self._fh = self.path.open("ab" if keep else "wb", buffering=0)

    def append(self, pieces: list[bytes]) -> None:
        """Write and hash the pieces as one buffer: one system call and one hash update a block
        (the transport hands a body over in pieces of 16 KiB; a copy of a MiB costs far less here,
        in the writer's thread, than 64 unbuffered writes)."""
        assert self._fh is not None
        for piece in pieces if len(pieces) < 2 else [b"".join(pieces)]:
            try:
                view, written = memoryview(piece), 0
                while written < len(view):  # a raw write may take less than it was given
                    written += self._fh.write(view[written:]) or 0
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise DiskFull(self.path) from exc
                raise
            self.digest.update(piece)
            self.size += len(piece)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise DiskFull(self.path) from exc
                raise
            finally:
                self._fh = None


def adopt(path: Path) -> Downloaded:
    """A finished download already in its place: moved there by a run that stopped before it could
    record it (the move is atomic, so the file is whole)."""
    digest, size = _hash_file(path)
    return Downloaded(path, size, digest.hexdigest())


def _finish(part: Path, final: Path) -> Path:
    final.parent.mkdir(parents=True, exist_ok=True)
    target = final
    n = 1
    while target.exists():
        target = final.with_name(f"{final.stem} ({n}){final.suffix}")
        n += 1
    try:
        os.replace(part, target)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        _move_across(part, target)  # the library or output folder is on another file system
    return target


def _move_across(part: Path, target: Path) -> None:
    """Copy beside the target and rename, so the target appears whole or not at all; then remove the
    .part (a stop before that leaves both, which ``_leftover`` recognises)."""
    temp = target.with_name(f".{target.name}.copying")
    try:
        shutil.copyfile(part, temp)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DiskFull(target) from exc
        raise
    part.unlink()


def _leftover(part: Path, final: Path) -> Downloaded | None:
    """A move across file systems that finished the target and stopped before removing the .part."""
    if not (part.is_file() and final.is_file()) or part.stat().st_size != final.stat().st_size:
        return None
    done = adopt(final)
    if _hash_file(part)[0].hexdigest() != done.sha256:
        return None
    part.unlink()
    return done


def _check_status(response: Head) -> None:
    status = response.status_code
    if status in (401, 403, 410):
        raise ClipDeskError(
            ErrorKind.EXPIRED, "the result link has expired or was refused", http_status=status
        )
    if status == 404:
        raise ClipDeskError(ErrorKind.NOT_FOUND, "the result file is gone", http_status=status)
    if status >= 400:
        raise ClipDeskError(
            ErrorKind.NETWORK,
            f"the result download failed with HTTP {status}",
            http_status=status,
            retry_after=retry_after_seconds(response),
        )
    ctype = response.headers.get("content-type", "").lower()
    if ctype.startswith(_NOT_VIDEO_TYPES):
        raise ClipDeskError(
            ErrorKind.UPSTREAM_FAILED, f"the result link returned a web page ({ctype}), not a video"
        )


async def download(
    http: HttpLayer,
    url: str,
    part: Path,
    final: Path,
    *,
    with_auth: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> Downloaded:
    """Fetch ``url`` into ``final`` (renamed if taken). ``part`` may hold an earlier partial body."""
    if url.startswith("file://"):
        return await asyncio.to_thread(_take_local, Path(unquote(urlsplit(url).path)), part, final)
    leftover, have = await asyncio.to_thread(_prepare, part, final)
    if leftover is not None:
        return leftover
    last_error: ClipDeskError | None = None
    for attempt in range(ATTEMPTS):
        try:
            if attempt:
                have = await asyncio.to_thread(_size_of, part)
            done = await _fetch(http, url, part, final, have, with_auth, progress)
        except ClipDeskError as exc:
            if exc.kind is not ErrorKind.NETWORK:
                raise
            last_error = exc
            await asyncio.sleep(exc.retry_after if exc.retry_after is not None else min(2**attempt, 20))
            continue
        if isinstance(done, Downloaded):
            return done
        if done is not None:
            path = await asyncio.to_thread(_finish, part, final)
            return Downloaded(path, done.size, done.digest.hexdigest())
    raise last_error or ClipDeskError(ErrorKind.NETWORK, "the download did not complete")


def _prepare(part: Path, final: Path) -> tuple[Downloaded | None, int]:
    """Before the first attempt (one trip to a worker thread): a finished leftover, or the bytes
    an earlier attempt left in ``part``."""
    leftover = _leftover(part, final)
    if leftover is None:
        part.parent.mkdir(parents=True, exist_ok=True)
    return leftover, _size_of(part)


def _size_of(part: Path) -> int:
    try:
        return part.stat().st_size
    except FileNotFoundError:
        return 0


async def _fetch(
    http: HttpLayer,
    url: str,
    part: Path,
    final: Path,
    have: int,
    with_auth: bool,
    progress: Callable[[int, int | None], None] | None,
) -> _PartFile | Downloaded | None:
    """One attempt: the complete body in ``part`` (or, for a small one, already in ``final``), or
    None to try again (resuming). ``have``: the bytes already in ``part``."""
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        async with http.stream(url, headers=headers, with_auth=with_auth) as response:
            if response.status_code == 416 and have:
                # Range not satisfiable: the .part may already hold the whole file
                _start, size = _content_range(response.headers.get("content-range", "").replace("*", "0-0"))
                if size == have:
                    writer = _PartFile(part)
                    await asyncio.to_thread(writer.open, True)
                    await asyncio.to_thread(writer.close)
                    return writer
                await asyncio.to_thread(part.unlink)
                return None
            _check_status(response)
            total: int | None
            if response.status_code == 206 and have:
                start, total = _content_range(response.headers.get("content-range", ""))
                if start != have:
                    await asyncio.to_thread(part.unlink)
                    return None
            else:
                have = 0
                length = response.headers.get("content-length")
                total = int(length) if length and length.isdigit() else None
                if total is not None and 0 < total <= SMALL:
                    return await _fetch_small(response, part, final, total, progress)
            writer = _PartFile(part)
            await asyncio.to_thread(writer.open, have > 0)
            received = have
            try:
                await _stream_into(response, writer, received, total, progress)
            finally:
                await asyncio.to_thread(writer.close)
            received = writer.size
    except httpx.HTTPError as exc:
        raise network_error("the download was interrupted", exc) from exc
    if total is not None and received < total:
        raise ClipDeskError(ErrorKind.NETWORK, f"the download stopped at {received} of {total} bytes")
    if total is not None and received > total:
        await asyncio.to_thread(part.unlink)
        return None
    return writer if received > 0 else None


async def _fetch_small(
    response: Head,
    part: Path,
    final: Path,
    total: int,
    progress: Callable[[int, int | None], None] | None,
) -> Downloaded | None:
    """A body of at most one block, from its start: gathered in memory, then written, hashed and
    moved into place in one trip to a worker thread (no writer thread, no trip per step). What
    arrived is kept in ``part`` when the body breaks off or the download is cancelled."""
    pieces: list[bytes] = []
    size = 0
    checked = False
    try:
        async with aclosing(HttpLayer.body_pieces(response)) as body:
            async for piece in body:
                pieces.append(piece)
                size += len(piece)
                if not checked and size >= 512:
                    _check_video(_head(pieces))
                    checked = True
                if size > total:
                    break
    except BaseException:
        if checked:
            await _settle(asyncio.ensure_future(asyncio.to_thread(_keep, part, pieces)))
        raise
    if size > total:  # more than announced: start over
        return None
    if not checked:
        _check_video(_head(pieces))
    if size < total:
        await asyncio.to_thread(_keep, part, pieces)
        raise ClipDeskError(ErrorKind.NETWORK, f"the download stopped at {size} of {total} bytes")
    done = await asyncio.to_thread(_save_whole, part, final, pieces)
    if progress:
        progress(size, total)
    return done


def _keep(part: Path, pieces: list[bytes]) -> _PartFile:
    """``pieces`` as the whole of ``part``, written and hashed here (in a worker thread)."""
    writer = _PartFile(part, own_thread=False)
    writer.open(False)
    try:
        writer.append(pieces)
    finally:
        writer.close()
    return writer


def _save_whole(part: Path, final: Path, pieces: list[bytes]) -> Downloaded:
    writer = _keep(part, pieces)
    return Downloaded(_finish(part, final), writer.size, writer.digest.hexdigest())


async def _stream_into(
    response: Head,
    writer: _PartFile,
    received: int,
    total: int | None,
    progress: Callable[[int, int | None], None] | None,
) -> None:
    """Body → file. The pieces go to a worker thread as they arrived, a block (a list of at least
    BLOCK bytes) at a time, never joined or copied; the write and hash of one block overlap the
    arrival of the next. Every byte that arrived is kept, also when the connection breaks or the
    download is cancelled, so the next attempt resumes from there."""
    block: list[bytes] = []
    size = 0
    checked = received > 0
    pending: deque[asyncio.Future[None]] = deque()  # handed to the writer, oldest first
    reported = received
    loop = asyncio.get_running_loop()
    timer: asyncio.TimerHandle | None = None

    def hand_over(now: list[bytes]) -> None:
        pending.append(_hand_over(writer, now))

    def hand_over_idle() -> None:
        # A slow or stalled body must not sit in memory waiting for a whole block: a crash keeps
        # only what is on disk. What arrived goes to the writer after KEEP_AT_MOST.
        nonlocal block, size, timer
        timer = None
        if not block or not checked:
            return
        if len(pending) >= DEPTH:
            timer = loop.call_later(KEEP_AT_MOST, hand_over_idle)
            return
        hand_over(block)
        block, size = [], 0

    try:
        async with aclosing(HttpLayer.body_pieces(response)) as pieces:
            async for piece in pieces:
                block.append(piece)
                size += len(piece)
                received += len(piece)
                if not checked and size >= 512:
                    _check_video(_head(block))
                    checked = True
                if size >= BLOCK:
                    while pending and (pending[0].done() or len(pending) >= DEPTH):
                        await _settle(pending.popleft())  # raises a write's error (e.g. a full disk)
                    hand_over(block)
                    block, size = [], 0
                elif timer is None:
                    timer = loop.call_later(KEEP_AT_MOST, hand_over_idle)
                if progress and received - reported >= PROGRESS_STEP:
                    reported = received
                    progress(received, total)
        if not checked:
            _check_video(_head(block))
            checked = True
    finally:
        if timer is not None:
            timer.cancel()
        failed: BaseException | None = None  # the first block's error, raised once all are settled
        while pending:  # every block handed over is waited for, also after one failed
            try:
                await _settle(pending.popleft())
            except BaseException as exc:  # (a cancellation too: it waits for the blocks first)
                failed = failed or exc
        if failed is not None:
            raise failed
        if block and checked:
            await _settle(_hand_over(writer, block))
    if progress:
        progress(received, total)


def _hand_over(writer: _PartFile, block: list[bytes]) -> asyncio.Future[None]:
    assert writer.pool is not None
    return asyncio.get_running_loop().run_in_executor(writer.pool, writer.append, block)


async def _settle(work: asyncio.Future[Any] | None) -> None:
    """Wait until the worker is done with a block, then raise its error, if any. A cancellation
    waits for the block too (a 1 MiB write) before it goes on, so the file is never closed under
    a write and the bytes of every block handed over are kept."""
    if work is None:
        return
    cancelled: asyncio.CancelledError | None = None
    while not work.done():
        try:
            await asyncio.wait([work])  # (which never cancels the work itself)
        except asyncio.CancelledError as exc:
            cancelled = exc
    if cancelled is not None:
        raise cancelled
    work.result()


def _head(pieces: list[bytes]) -> bytes:
    head = b""
    for piece in pieces:
        head += piece[: 512 - len(head)]
        if len(head) >= 512:
            break
    return head


def _check_video(head: bytes) -> None:
    if not looks_like_video(head):
        raise ClipDeskError(ErrorKind.UPSTREAM_FAILED, "the result link did not return a video")


def _content_range(value: str) -> tuple[int, int | None]:
    match = re.match(r"bytes (\d+)-(\d+)/(\d+|\*)", value.strip())
    if not match:
        return -1, None
    total = match.group(3)
    return int(match.group(1)), (int(total) if total.isdigit() else None)


def _take_local(source: Path, part: Path, final: Path) -> Downloaded:
    """A result already on this computer (the offline renderer): move it into the library."""
    if not source.exists():
        raise ClipDeskError(ErrorKind.NOT_FOUND, f"the rendered file {source.name} is missing")
    part.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.move(source, part)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(part) from exc
        raise
    digest, size = _hash_file(part)
    return Downloaded(_finish(part, final), size, digest.hexdigest())
