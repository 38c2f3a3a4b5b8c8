"""Pictures from files: a video's thumbnail (core/media/frames.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
from PIL import Image

from core.media.frames import thumbnail_png


def clip(path: Path, width: int, height: int, colour: tuple[int, int, int]) -> Path:
    """A short H.264 clip of one colour."""
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=8)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"preset": "ultrafast"}
        for _ in range(4):
            frame = av.VideoFrame(width, height, "rgb24")
            frame.planes[0].update(bytes(colour) * (width * height))
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def test_a_video_thumbnail_is_its_first_frame_scaled_to_fit(tmp_path: Path, monkeypatch: Any) -> None:
    """Scaled to fit the thumbnail's size as the frame is converted from the video's pixels, not
    converted whole and shrunk after (a 720p frame: ~37 ms of CPU against ~15 ms)."""
    wide = clip(tmp_path / "wide.mp4", 640, 360, (200, 60, 30))
    sizes: list[tuple[int, int]] = []
    made = Image.frombytes  # PyAV makes its pictures of frames with this

    def recorded(mode: str, size: tuple[int, int], *args: Any, **kwargs: Any) -> Image.Image:
        sizes.append(size)
        return made(mode, size, *args, **kwargs)

    monkeypatch.setattr(Image, "frombytes", recorded)
    png = thumbnail_png(wide, tmp_path / "cache", max_side=128)
    with Image.open(png) as picture:
        assert picture.size == (128, 72)
        red, green, blue = picture.convert("RGB").getpixel((64, 36))[:3]
    assert abs(red - 200) < 12 and abs(green - 60) < 12 and abs(blue - 30) < 12
    assert sizes == [(128, 72)]  # the frame was made a picture at the thumbnail's size
    small = clip(tmp_path / "small.mp4", 64, 48, (20, 40, 220))
    with Image.open(thumbnail_png(small, tmp_path / "cache", max_side=128)) as picture:
        assert picture.size == (64, 48)  # never enlarged


def test_scrubbing_pictures_run_from_the_first_frame_to_the_last(tmp_path: Path) -> None:
    """Eight pictures, evenly spread: the first is the first frame, the last the final one, each
    no larger than asked; the strip of them is made once and then read from the cache."""
    from core.media.frames import SCRUB_FRAMES, cached_scrub_strip, scrub_frames, scrub_strip_png
    from tests.support.videos import make_video

    video = make_video(tmp_path / "blue then red.mp4", size=(320, 192), frames=24)
    pictures = scrub_frames(video, SCRUB_FRAMES, max_side=160)
    assert len(pictures) == SCRUB_FRAMES and all(p.size == (160, 96) for p in pictures)
    colours = [p.convert("RGB").getpixel((80, 48)) for p in pictures]
    assert colours[0][2] > 150 and colours[0][0] < 80  # blue: the first frame
    assert colours[-1][0] > 150 and colours[-1][2] < 80  # red: the last one
    assert all(c[2] > 150 for c in colours[:-2])  # the rest of the way: blue
    cache = tmp_path / "cache"
    assert cached_scrub_strip(video, cache, 160) is None
    strip = scrub_strip_png(video, cache, 160)
    assert Image.open(strip).size == (160 * SCRUB_FRAMES, 96)
    assert cached_scrub_strip(video, cache, 160) == strip == scrub_strip_png(video, cache, 160)
