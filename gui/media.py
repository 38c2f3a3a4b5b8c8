"""Pictures from files for the window: thumbnails and a video's last frame (PyAV and Pillow).

Plain functions that block; callers run them on worker threads. Thumbnails are cached as PNG
files keyed by the source's path, size and modification time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
from PIL import Image, ImageOps

VIDEO_SUFFIXES = {".mp4", ".mov", ".m4v", ".webm", ".mkv", ".avi"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"}


def is_video(path: str | Path) -> bool:
    return Path(path).suffix.lower() in VIDEO_SUFFIXES


def is_image(path: str | Path) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def _cache_name(source: Path, max_side: int) -> str:
    stat = source.stat()
    key = f"{source.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{max_side}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest() + ".png"


def first_frame(video: Path) -> Image.Image:
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        for frame in container.decode(stream):
            return frame.to_image()
    raise ValueError(f"{video} has no video frame")


def last_frame(video: Path) -> Image.Image:
    """The final decoded frame: seek close to the end, then decode what is left."""
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        if container.duration and container.duration > 2_000_000:
            container.seek(container.duration - 1_500_000, any_frame=False, backward=True)
        image: Image.Image | None = None
        for frame in container.decode(stream):
            image = frame.to_image()
    if image is None:
        raise ValueError(f"{video} has no video frame")
    return image


def thumbnail_png(source: Path, cache_dir: Path, max_side: int = 256) -> Path:
    """A PNG no larger than ``max_side`` of an image or of a video's first frame (cached)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / _cache_name(source, max_side)
    if target.exists():
        return target
    if is_video(source):
        image = first_frame(source)
    else:
        with Image.open(source) as opened:
            opened.seek(0)
            image = ImageOps.exif_transpose(opened).convert("RGBA")
    image.thumbnail((max_side, max_side))
    part = target.with_suffix(".part.png")
    image.save(part, "PNG")
    part.replace(target)
    return target


def save_last_frame(video: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    last_frame(video).save(target, "PNG")
    return target
