"""Small real H.264 clips for tests that need a video file."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
from PIL import Image


def make_video(
    path: Path,
    first: str = "#2050c0",
    last: str = "#d02020",
    *,
    frames: int = 12,
    rate: int = 12,
    size: tuple[int, int] = (160, 96),
    title: str | None = None,
    created: str | None = None,
) -> Path:
    """Every frame ``first`` except the final one, ``last``; a title and creation time (ISO 8601)
    in the file's metadata when given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as container:
        if title:
            container.metadata["title"] = title
        if created:
            container.metadata["creation_time"] = created
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = *size, "yuv420p"
        stream.time_base = Fraction(1, rate)
        for n in range(frames):
            colour = last if n == frames - 1 else first
            frame = av.VideoFrame.from_image(Image.new("RGB", size, colour))
            frame.pts = n
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path
