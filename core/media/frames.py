"""Pictures from files: thumbnails and a video's first and last frames (PyAV and Pillow).

Plain functions that block and import nothing of Qt; the app runs those that decode in its process
pool (core/media/pool.py). Thumbnails are cached as PNG files keyed by the source's path, size and
modification time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

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


def first_frame(video: Path, max_side: int | None = None) -> Image.Image:
    """The first frame, scaled by FFmpeg to fit ``max_side`` as it is converted from the video's
    pixels (a 720p frame converted whole and shrunk after: ~37 ms of CPU, this way ~15 ms, most of
    it the decoding). One frame is decoded on one thread: frame threading decodes several."""
    import av  # (imported where a video is decoded: in a pool worker, not the window)

    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            longest = max(frame.width, frame.height)
            if max_side is None or longest <= max_side:
                return frame.to_image()
            width = max(1, round(frame.width * max_side / longest))
            height = max(1, round(frame.height * max_side / longest))
            return frame.to_image(width=width, height=height, interpolation="AREA")
    raise ValueError(f"{video} has no video frame")


def last_frame(video: Path) -> Image.Image:
    """The final decoded frame: seek close to the end, then decode what is left. Raises OSError
    or ValueError (a file that is not a readable video)."""
    import av

    try:
        return _last_frame(video)
    except av.error.FFmpegError as exc:
        if isinstance(exc, OSError | ValueError):
            raise
        raise ValueError(f"{video} cannot be decoded: {exc}") from exc


def _last_frame(video: Path) -> Image.Image:
    import av

    with av.open(str(video)) as container:
        if not container.streams.video:
            raise ValueError(f"{video} has no video stream")
        stream = container.streams.video[0]
        if container.duration and container.duration > 2_000_000:
            container.seek(container.duration - 1_500_000, any_frame=False, backward=True)
        image: Image.Image | None = None
        for frame in container.decode(stream):
            image = frame.to_image()
    if image is None:
        raise ValueError(f"{video} has no video frame")
    return image


def save_last_frame(video: Path, target: Path) -> Path:
    """``video``'s last frame as a PNG at ``target`` (written whole: a temporary name, renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.part.png")
    try:
        last_frame(video).save(part, "PNG")
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)
    return target


def last_frame_path(frames_dir: Path, task_id: str) -> Path:
    """Where a task's last frame is kept once taken (the window and the CLI share the place)."""
    return frames_dir / f"{task_id}-last.png"


def cached_thumbnail(source: Path, cache_dir: Path, max_side: int = 256) -> Path | None:
    """The PNG :func:`thumbnail_png` made of ``source`` as it is now, if it made one."""
    target = cache_dir / _cache_name(source, max_side)
    return target if target.exists() else None


def thumbnail_png(source: Path, cache_dir: Path, max_side: int = 256) -> Path:
    """A PNG no larger than ``max_side`` of an image or of a video's first frame (cached)."""
    cached = cached_thumbnail(source, cache_dir, max_side)
    if cached is not None:
        return cached
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / _cache_name(source, max_side)
    if is_video(source):
        image = first_frame(source, max_side)
    else:
        with Image.open(source) as opened:
            opened.seek(0)
            image = ImageOps.exif_transpose(opened).convert("RGBA")
    image.thumbnail((max_side, max_side))
    part = target.with_suffix(".part.png")
    image.save(part, "PNG")
    part.replace(target)
    return target


SCRUB_FRAMES = 8  # pictures a library tile scrubs through under the mouse


def _scaled(frame: object, max_side: int) -> Image.Image:
    width, height = frame.width, frame.height  # type: ignore[attr-defined]
    scale = min(1.0, max_side / max(width, height))
    size = max(1, round(width * scale)), max(1, round(height * scale))
    return frame.to_image(width=size[0], height=size[1], interpolation="AREA")  # type: ignore[attr-defined]


def scrub_frames(video: Path, count: int = SCRUB_FRAMES, max_side: int = 256) -> list[Image.Image]:
    """``count`` pictures spread evenly from the first frame to the last, no larger than
    ``max_side``. The video is decoded once, front to back (a seek per picture decodes from the
    same key frame again and again); only the pictures kept are converted."""
    import av

    pictures: list[Image.Image] = []
    with av.open(str(video)) as container:
        if not container.streams.video:
            raise ValueError(f"{video} has no video stream")
        stream = container.streams.video[0]
        end = (container.duration or 0) / 1_000_000
        targets = [end * n / (count - 1) for n in range(count - 1)] if count > 1 else []
        last = None
        for frame in container.decode(stream):
            last = frame
            while len(pictures) < len(targets) and (frame.time or 0.0) >= targets[len(pictures)] - 1e-3:
                pictures.append(_scaled(frame, max_side))
    if last is None:
        raise ValueError(f"{video} has no video frame")
    final = _scaled(last, max_side)
    pictures += [final] * (count - len(pictures))  # a short file: its last frame fills the rest
    return pictures


def _scrub_name(source: Path, max_side: int) -> str:
    return _cache_name(source, max_side).replace(".png", f"-scrub{SCRUB_FRAMES}.png")


def cached_scrub_strip(source: Path, cache_dir: Path, max_side: int = 256) -> Path | None:
    """The strip :func:`scrub_strip_png` made of ``source`` as it is now, if it made one."""
    target = cache_dir / _scrub_name(source, max_side)
    return target if target.exists() else None


def scrub_strip_png(source: Path, cache_dir: Path, max_side: int = 256) -> Path:
    """:func:`scrub_frames` side by side in one PNG (cached): ``SCRUB_FRAMES`` equal cells."""
    cached = cached_scrub_strip(source, cache_dir, max_side)
    if cached is not None:
        return cached
    pictures = scrub_frames(source, SCRUB_FRAMES, max_side)
    width, height = pictures[0].size
    strip = Image.new("RGB", (width * len(pictures), height))
    for n, picture in enumerate(pictures):
        strip.paste(
            picture.resize((width, height)) if picture.size != (width, height) else picture, (n * width, 0)
        )
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / _scrub_name(source, max_side)
    part = target.with_suffix(".part.png")
    strip.save(part, "PNG")
    part.replace(target)
    return target
