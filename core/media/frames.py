"""Single frames out of a finished video (PyAV and Pillow), for carrying a clip into the next one.

Plain blocking functions: callers run them off any event loop (``asyncio.to_thread``, a worker
process).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image


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
