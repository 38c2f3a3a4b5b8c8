"""The offline preview: ClipDesk's built-in "provider" that needs no key and no network.

It is honestly not AI: :mod:`core.media.render` makes a Ken Burns move over the given image(s), or a
title card from the prompt. Each render is a job in the app's process pool (core/media/pool.py), so
neither the event loop nor the GUI ever waits for it: :meth:`LocalProvider.submit` starts the job
and returns at once, :meth:`LocalProvider.poll` reads the frames done from a small file the render
writes, and :meth:`LocalProvider.cancel` puts down a flag file the renderer checks before every
frame. A render whose worker dies fails with "upstream failed" (after one more try, in case a job
beside it was the cause).

Jobs live in this process only. After a restart a job id is unknown and :meth:`poll` raises
``NOT_FOUND`` (the engine re-submits, since nothing is billed) -- unless the finished video is
already in the task's folder, which is then reported as a success.

Packaged apps must call ``multiprocessing.freeze_support()`` at start-up (the pool spawns).
Call :func:`shutdown` on exit to stop renders still running.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import os
import re
import tempfile
import threading
import time
import uuid
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from core.errors import ClipDeskError, ErrorKind, ProviderError
from core.media import pool
from core.media.images import ImageLimits
from core.media.render import GENERATOR, RenderCancelled, RenderSpec, render_video
from core.providers.base import PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.tasks.request import MODE_REFERENCE, GenerationRequest

if TYPE_CHECKING:
    from core.media.images import PreparedImage
    from core.providers.catalog import Catalog

LABEL = "Offline preview (no AI)"
MODEL_ID = "preview"
_ID_RE = re.compile(r"^local-[0-9a-f]{32}$")
_EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/bmp": ".bmp"}
_CANCEL_GRACE = 0.8  # seconds the renderer gets to notice the flag before it is terminated


# ---------------------------------------------------------------------------------------------
# the render, a job in the app's process pool (core/media/pool.py)


def _render_job(spec: RenderSpec, out_path: str, progress_path: str, cancel_path: str) -> tuple[str, str]:
    """Runs in a pool worker: render, writing the frames done to ``progress_path``; stop when
    ``cancel_path`` exists. Returns ("ok"|"cancelled"|"error", message)."""
    progress_file, cancel_file = Path(progress_path), Path(cancel_path)

    def progress(frames: int, _total: int) -> None:
        part = progress_file.with_suffix(".part")
        part.write_text(str(frames))
        part.replace(progress_file)  # whole: a reader never sees it half-written

    try:
        render_video(spec, Path(out_path), progress=progress, cancel=cancel_file.exists)
        return ("ok", "")
    except RenderCancelled:
        return ("cancelled", "")
    except ClipDeskError as exc:
        return ("error", exc.message)
    except Exception as exc:  # reported; the provider turns it into a ProviderError
        return ("error", f"{type(exc).__name__}: {exc}")
    finally:
        progress_file.unlink(missing_ok=True)
        progress_file.with_suffix(".part").unlink(missing_ok=True)


@dataclass
class _Job:
    id: str
    spec: RenderSpec
    out_path: Path
    total: int
    status: RemoteStatus = RemoteStatus.QUEUED
    message: str = ""
    future: Future[tuple[str, str]] | None = None
    retried: bool = False  # started again once after the pool broke under it
    frames: int = 0  # frames done, as last read
    inputs: list[Path] = field(default_factory=list)
    created: float = field(default_factory=time.monotonic)

    @property
    def part_path(self) -> Path:
        return self.out_path.with_name(self.out_path.name + ".part")

    @property
    def progress_path(self) -> Path:
        return Path(tempfile.gettempdir()) / f"clipdesk-{self.id}.progress"

    @property
    def cancel_path(self) -> Path:
        return Path(tempfile.gettempdir()) / f"clipdesk-{self.id}.cancel"

    def frames_done(self) -> int:
        with contextlib.suppress(OSError, ValueError):
            self.frames = max(self.frames, int(self.progress_path.read_text()))
        return self.frames


_JOBS: dict[str, _Job] = {}
_LOCK = threading.Lock()


def _max_parallel() -> int:
    return max(1, min(2, (os.cpu_count() or 2) // 2))


def _start(job: _Job) -> None:
    job.future = pool.submit(
        _render_job, job.spec, str(job.out_path), str(job.progress_path), str(job.cancel_path)
    )
    job.status = RemoteStatus.RUNNING


def _collect(job: _Job) -> None:
    """Move a running job to its final state once its render has ended."""
    if job.status == RemoteStatus.RUNNING and job.future is not None:
        if not job.future.done():
            return
        try:
            kind, text = job.future.result()
        except BrokenProcessPool:
            if not job.retried:  # perhaps a job beside it crashed its worker: once more
                job.retried, job.status, job.future = True, RemoteStatus.QUEUED, None
                return
            kind, text = "error", "the offline renderer stopped unexpectedly (its worker process ended)"
        except Exception as exc:
            kind, text = "error", f"{type(exc).__name__}: {exc}"
        if kind == "ok":
            job.status = RemoteStatus.SUCCEEDED
        elif kind == "cancelled":
            job.status = RemoteStatus.CANCELLED
        else:
            job.status, job.message = RemoteStatus.FAILED, text or "the offline renderer failed"
    if job.status in (RemoteStatus.QUEUED, RemoteStatus.RUNNING):
        return
    _release(job)


def _release(job: _Job) -> None:
    """Once the render has ended: its inputs, flags and (unless it succeeded) partial video go."""
    if job.future is not None and not job.future.done():
        return  # still stopping: the next pump releases it
    for path in job.inputs:
        path.unlink(missing_ok=True)
    job.inputs = []
    job.cancel_path.unlink(missing_ok=True)
    job.progress_path.unlink(missing_ok=True)
    if job.status != RemoteStatus.SUCCEEDED:
        job.part_path.unlink(missing_ok=True)


def _pump() -> None:
    """Collect finished renders and start queued jobs while there is room."""
    with _LOCK:
        for job in _JOBS.values():
            _collect(job)
        running = sum(1 for j in _JOBS.values() if j.status == RemoteStatus.RUNNING)
        for job in sorted(_JOBS.values(), key=lambda j: j.created):
            if running >= _max_parallel():
                break
            if job.status == RemoteStatus.QUEUED:
                _start(job)
                running += 1


def shutdown(timeout: float = 2.0) -> None:
    """Stop every render still running (orderly app exit). Partial files are removed."""
    with _LOCK:
        for job in _JOBS.values():
            _collect(job)  # a render that has just finished keeps its video
        jobs = [j for j in _JOBS.values() if j.status in (RemoteStatus.RUNNING, RemoteStatus.QUEUED)]
        for job in jobs:
            job.cancel_path.touch()
        futures = [j.future for j in jobs if j.future is not None]
        if futures:  # each render looks at its flag before every frame
            concurrent.futures.wait(futures, timeout=timeout)
        for job in jobs:
            if job.future is not None and not job.future.done():
                job.future.cancel()
            job.status = RemoteStatus.CANCELLED
            _release(job)


atexit.register(shutdown)


# ---------------------------------------------------------------------------------------------
# the provider


class LocalProvider(Provider):
    dialect = "local"
    label = LABEL
    needs_key = False
    needs_base_url = False
    billed = False
    can_cancel = True
    image_transport = "data_uri"
    poll_interval: ClassVar[float] = 0.5  # seconds, the hint given to the engine

    @property
    def catalog(self) -> Catalog:
        from core.providers.catalog import load_catalog

        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        return ImageLimits(
            formats=("JPEG", "PNG", "WEBP", "BMP"),
            max_bytes=64 * 1024 * 1024,
            max_side=4096,
            alpha=True,
        )

    def shutdown(self) -> None:
        shutdown()

    # --- building the render -------------------------------------------------------------------

    def build_spec(self, request: GenerationRequest, first: Path | None, last: Path | None) -> RenderSpec:
        """The render for ``request`` (images already on disk). Raises ProviderError(INVALID_INPUT)."""
        if request.mode == MODE_REFERENCE:
            raise ProviderError(ErrorKind.INVALID_INPUT, f"{LABEL} does not take reference images")
        params = request.params
        movement = params.get("camera_movement") or ("zoom_in" if first is not None else "fix_bg")
        try:
            fps = int(params.get("fps") or 24)
            spec = RenderSpec(
                resolution=request.resolution or "720p",
                aspect_ratio=str(params.get("aspect_ratio") or "16:9"),
                duration=int(request.duration if request.duration is not None else 5),
                fps=fps,
                camera_movement=str(movement),
                seed=request.seed,
                prompt=request.prompt,
                first_image=first,
                last_image=last,
            )
        except (TypeError, ValueError) as exc:
            raise ProviderError(ErrorKind.INVALID_INPUT, f"{LABEL}: {exc}")
        except ClipDeskError as exc:
            raise ProviderError(ErrorKind.INVALID_INPUT, exc.message)
        spec.metadata = {
            "generator": GENERATOR,
            "model": request.model or MODEL_ID,
            "prompt": request.prompt,
            "negative_prompt": request.negative_prompt,
            "camera_movement": spec.camera_movement,
            "seed": str(spec.effective_seed),
            "duration": str(spec.duration),
            "resolution": spec.resolution,
            "aspect_ratio": spec.aspect_ratio,
            "fps": str(spec.fps),
        }
        return spec

    @staticmethod
    def _write_image(
        ctx: ProviderContext, work_dir: Path, slot: str, name: str, fallback: str | None
    ) -> Path | None:
        images: list[PreparedImage] = ctx.images.get(slot) or []
        if images and images[0].data:
            img = images[0]
            path = work_dir / f"{name}{_EXTENSIONS.get(img.mime, '.img')}"
            path.write_bytes(img.data)
            return path
        if images or fallback:
            source = images[0].source if images else fallback
            if (
                source
                and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^data:", source)
                and Path(source).is_file()
            ):
                return Path(source)  # a local file the engine did not prepare: read it in place
            raise ProviderError(
                ErrorKind.INVALID_INPUT, f"{LABEL} needs the image itself, not a link ({slot})"
            )
        return None

    # --- the contract ------------------------------------------------------------------------------

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        job_id = f"local-{uuid.uuid4().hex}"
        work_dir = ctx.work_dir or Path(tempfile.mkdtemp(prefix="clipdesk-preview-"))
        work_dir.mkdir(parents=True, exist_ok=True)
        first = self._write_image(ctx, work_dir, "image", f"{job_id}-first", request.image)
        last = self._write_image(ctx, work_dir, "last_image", f"{job_id}-last", request.last_image)
        if last is not None and first is None:
            raise ProviderError(ErrorKind.INVALID_INPUT, "a last frame needs a first frame")
        try:
            spec = self.build_spec(request, first, last)
        except ProviderError:
            for p in (first, last):
                if p is not None and p.parent == work_dir and p.name.startswith(job_id):
                    p.unlink(missing_ok=True)
            raise
        job = _Job(
            id=job_id,
            spec=spec,
            out_path=work_dir / f"{job_id}.mp4",
            total=spec.frame_count,
            inputs=[p for p in (first, last) if p is not None and p.name.startswith(job_id)],
        )
        with _LOCK:
            _JOBS[job_id] = job
        _pump()
        ctx.log(
            f"offline preview {job_id}: {spec.width}x{spec.height} {spec.duration}s {spec.camera_movement}"
        )
        return Submitted(remote_id=job_id, status=job.status)

    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        _pump()
        job = _JOBS.get(remote_id)
        if job is None:
            if _ID_RE.match(remote_id) and ctx.work_dir is not None:
                done = ctx.work_dir / f"{remote_id}.mp4"
                if done.is_file():  # finished before a restart: renders appear only when whole
                    return PollResult(RemoteStatus.SUCCEEDED, progress=1.0, result_url=done.as_uri())
            raise ProviderError(ErrorKind.NOT_FOUND, f"{LABEL}: no render {remote_id} in this session")
        status = job.status
        if status == RemoteStatus.SUCCEEDED:
            return PollResult(status, progress=1.0, result_url=job.out_path.as_uri())
        if status == RemoteStatus.FAILED:
            return PollResult(status, error=ProviderError(ErrorKind.UPSTREAM_FAILED, job.message))
        if status == RemoteStatus.CANCELLED:
            return PollResult(status, error=ProviderError(ErrorKind.CANCELLED, "the preview was cancelled"))
        progress = min(1.0, job.frames_done() / job.total) if status == RemoteStatus.RUNNING else 0.0
        return PollResult(status, progress=progress, poll_after=self.poll_interval)

    async def cancel(self, ctx: ProviderContext, remote_id: str) -> None:
        job = _JOBS.get(remote_id)
        if job is None:
            raise ProviderError(ErrorKind.NOT_FOUND, f"{LABEL}: no render {remote_id} in this session")
        job.cancel_path.touch()  # the render looks before every frame
        future = job.future
        if future is not None and job.status == RemoteStatus.RUNNING:
            deadline = time.monotonic() + _CANCEL_GRACE
            while not future.done() and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
        with _LOCK:
            if job.status in (RemoteStatus.QUEUED, RemoteStatus.RUNNING):
                if future is not None and not future.done():
                    future.cancel()
                job.status = RemoteStatus.CANCELLED
                _release(job)
                job.out_path.unlink(missing_ok=True)  # finished just as it was cancelled
        _pump()
