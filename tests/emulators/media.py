"""Result-file bytes for the emulators: one small valid MP4 and big deterministic variants.

The small clip is encoded once per process with PyAV (64x64, 1 s, 8 fps, H.264 yuv420p).
A big file (``file_size`` option, for download-throughput benchmarks) is the same clip followed
by an MP4 ``free`` box of deterministic filler, so it stays a valid MP4 at any size and any
byte range can be produced without holding the whole file in memory. ``serve_content`` answers a
GET/HEAD for such a file (200, single-range 206, 416) and ``oss_error`` is what an expired signed
URL says.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import threading
import uuid
from collections.abc import Iterator

from .wire import RecordedRequest, Reply

_lock = threading.Lock()
_mp4: bytes | None = None

#: filler pattern for big files: 1 MiB of bytes that do not repeat with a short period
_PATTERN_LEN = 1 << 20
_pattern: bytes | None = None

CHUNK = 256 * 1024


def small_mp4() -> bytes:
    """A tiny but valid MP4 (H.264, yuv420p, 64x64, 8 frames at 8 fps); encoded once and cached."""
    global _mp4
    with _lock:
        if _mp4 is None:
            _mp4 = _encode_mp4()
        return _mp4


def _encode_mp4(width: int = 64, height: int = 64, fps: int = 8, frames: int = 8) -> bytes:
    import av  # imported lazily: only needed when a file is first served

    buf = io.BytesIO()
    with av.open(buf, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width = width
        stream.height = height
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "ultrafast", "tune": "zerolatency"}
        for i in range(frames):
            shade = (i * 255) // max(frames - 1, 1)
            rgb = bytes([shade, 255 - shade, 128]) * (width * height)
            frame = av.VideoFrame(width, height, "rgb24")
            frame.planes[0].update(rgb)
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buf.getvalue()


def _filler() -> bytes:
    global _pattern
    with _lock:
        if _pattern is None:
            # deterministic across runs and platforms, fast to make
            _pattern = hashlib.shake_128(b"clipdesk-emulator-filler").digest(_PATTERN_LEN)
        return _pattern


class FileContent:
    """Bytes of one served file: the small MP4, optionally padded to ``size`` with a ``free`` box."""

    def __init__(self, size: int | None = None) -> None:
        self.head = small_mp4()
        if size is None or size <= len(self.head):
            self.size = len(self.head)
            self.box_header = b""
        else:
            pad = size - len(self.head)
            if pad < 8:  # too small for a box: grow to the smallest box
                size = len(self.head) + 8
                pad = 8
            if pad <= 0xFFFFFFFF:
                self.box_header = struct.pack(">I4s", pad, b"free")
            else:
                self.box_header = struct.pack(">I4sQ", 1, b"free", pad)
            self.size = size
        self._prefix = self.head + self.box_header

    def read(self, start: int, end: int) -> bytes:
        """Bytes [start, end) (end exclusive)."""
        return b"".join(self.iter(start, end, chunk=max(end - start, 1)))

    def iter(self, start: int, end: int, chunk: int = CHUNK) -> Iterator[bytes]:
        """Yield bytes [start, end) in chunks of at most ``chunk`` bytes."""
        pos = start
        end = min(end, self.size)
        while pos < end:
            if pos < len(self._prefix):
                stop = min(end, len(self._prefix), pos + chunk)
                yield self._prefix[pos:stop]
            else:
                filler = _filler()
                off = (pos - len(self._prefix)) % _PATTERN_LEN
                stop = min(end, pos + chunk, pos + (_PATTERN_LEN - off))
                yield filler[off : off + (stop - pos)]
            pos = stop

    def all(self) -> bytes:
        """The whole file (careful with big ``size``)."""
        return self.read(0, self.size)


_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$")


def parse_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """Parse a single ``Range: bytes=a-b`` header.

    Returns None when absent or ignorable (multi-range, bad syntax → serve the whole file, as many
    servers do), ``(start, end_exclusive)`` for a satisfiable range, or ``"unsatisfiable"``.
    """
    if not header:
        return None
    m = _RANGE.match(header)
    if not m:
        return None
    first, last = m.group(1), m.group(2)
    if first == "" and last == "":
        return None
    if first == "":  # suffix range: last N bytes
        n = int(last)
        if n == 0:
            return "unsatisfiable"
        return max(size - n, 0), size
    start = int(first)
    if start >= size:
        return "unsatisfiable"
    end = size if last == "" else min(int(last) + 1, size)
    if end <= start:
        return "unsatisfiable"
    return start, end


def oss_error(status: int, code: str, message: str) -> Reply:
    """An Aliyun-OSS-like XML error (what a signed result URL answers when expired)."""
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n'
        f"  <Code>{code}</Code>\n  <Message>{message}</Message>\n"
        f"  <RequestId>{uuid.uuid4().hex[:24].upper()}</RequestId>\n"
        "  <HostId>emulator.oss</HostId>\n</Error>\n"
    ).encode()
    return Reply(status, body, {}, "application/xml")


def serve_content(req: RecordedRequest, content: FileContent, cut: bool = False) -> Reply:
    """200 or 206 (single ``Range``) or 416; ``cut`` closes the connection half-way through the
    body while announcing the full Content-Length."""
    size = content.size
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": f'"emu-{size}"',
        "Last-Modified": "Sat, 01 Nov 2025 00:00:00 GMT",
        "Cache-Control": "public, max-age=86400",
    }
    rng = parse_range(req.header("Range"), size)
    if rng == "unsatisfiable":
        headers["Content-Range"] = f"bytes */{size}"
        return Reply(416, b"", headers, None)
    status = 200
    start, end = 0, size
    if isinstance(rng, tuple):
        start, end = rng
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end - 1}/{size}"
    length = end - start
    return Reply(
        status,
        content.iter(start, end),
        headers,
        "video/mp4",
        length=length,
        cut_after=max(length // 2, 1) if cut else None,
    )
