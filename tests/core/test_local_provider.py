"""LocalProvider through its async contract: submit -> poll until done, in the real process pool."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlparse

import av
import pytest
from PIL import Image, ImageDraw

from core.errors import ErrorKind, ProviderError
from core.media.images import PreparedImage
from core.providers import local
from core.providers.base import PollResult, ProviderContext, RemoteStatus
from core.providers.local import LocalProvider
from core.tasks.request import GenerationRequest

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(autouse=True)
def _stop_workers() -> Iterator[None]:
    yield
    local.shutdown()
    local._JOBS.clear()


def png_bytes(size: tuple[int, int] = (800, 600), colour: str = "navy") -> bytes:
    img = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    for i in range(0, size[0], 40):
        draw.line([(i, 0), (size[0] - i, size[1])], fill="orange", width=5)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def prepared(data: bytes, mime: str = "image/png") -> PreparedImage:
    return PreparedImage(data=data, mime=mime, width=800, height=600, source="picked.png")


def context(tmp_path: Path, **images: PreparedImage) -> ProviderContext:
    # http is unused by the offline provider
    return ProviderContext(
        http=cast(Any, None), images={k: [v] for k, v in images.items()}, work_dir=tmp_path, task_id="t1"
    )


async def wait_done(
    provider: LocalProvider, ctx: ProviderContext, job: str, limit: float = 60
) -> tuple[PollResult, list[float]]:
    seen: list[float] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        result = await provider.poll(ctx, job)
        if result.status in (RemoteStatus.SUCCEEDED, RemoteStatus.FAILED, RemoteStatus.CANCELLED):
            return result, seen
        assert result.progress is not None and 0.0 <= result.progress <= 1.0
        seen.append(result.progress)
        await asyncio.sleep(0.05)
    raise AssertionError("the render did not finish in time")


def path_of(url: str) -> Path:
    parsed = urlparse(url)
    assert parsed.scheme == "file"
    return Path(unquote(parsed.path))


def test_contract_attributes() -> None:
    p = LocalProvider()
    assert p.dialect == "local" and p.label == "Offline preview (no AI)"
    assert not p.needs_key and not p.needs_base_url and not p.billed and p.can_cancel
    assert p.image_transport == "data_uri"
    spec = p.catalog.spec("preview")
    assert spec.known and spec.modes == ("text", "image", "first_last")
    assert spec.default_duration == 5 and spec.default_resolution == "720p"
    assert spec.params["fps"] == (24, 30)
    limits = p.image_limits
    assert limits.max_side == 4096 and limits.alpha
    assert {"JPEG", "PNG", "WEBP", "BMP"} <= set(limits.formats)


def test_image_to_video_end_to_end(tmp_path: Path) -> None:
    async def go() -> None:
        p = LocalProvider()
        ctx = context(tmp_path, image=prepared(png_bytes()))
        request = GenerationRequest(
            model="preview", prompt="harbour at dusk", image="picked.png", duration=2, resolution="360p",
            seed=11, params={"camera_movement": "pan_right", "aspect_ratio": "1:1", "fps": 30},
        )  # fmt: skip
        t0 = time.monotonic()
        submitted = await p.submit(ctx, request)
        assert time.monotonic() - t0 < 0.5  # it only starts the worker
        assert submitted.status == RemoteStatus.RUNNING
        result, seen = await wait_done(p, ctx, submitted.remote_id)
        assert result.status == RemoteStatus.SUCCEEDED, result.error
        assert result.progress == 1.0
        assert seen == sorted(seen)
        assert result.result_url is not None
        out = path_of(result.result_url)
        assert out.parent == tmp_path and out.is_file()
        with av.open(str(out)) as ic:
            v = ic.streams.video[0]
            assert (v.width, v.height) == (360, 360) and v.average_rate == 30
            assert sum(1 for _ in ic.decode(video=0)) == 60
            tags = dict(ic.metadata)
        for key in ("model", "prompt", "negative_prompt", "camera_movement", "seed", "duration", "resolution",
                    "aspect_ratio", "fps", "generator"):  # fmt: skip
            assert key in tags, key
        assert tags["generator"] == "ClipDesk offline preview" and tags["camera_movement"] == "pan_right"
        assert tags["seed"] == "11" and tags["fps"] == "30" and tags["aspect_ratio"] == "1:1"
        # the written input is cleaned up; only the video stays in the task folder
        assert sorted(x.name for x in tmp_path.iterdir()) == [out.name]
        # polling again gives the same answer
        again = await p.poll(ctx, submitted.remote_id)
        assert again.status == RemoteStatus.SUCCEEDED and again.result_url == result.result_url
        assert p.download_target(ctx, submitted.remote_id, again).url == result.result_url

    asyncio.run(go())


def test_text_and_first_last_with_defaults(tmp_path: Path) -> None:
    async def go() -> None:
        p = LocalProvider()
        text_ctx = context(tmp_path / "text")
        text = GenerationRequest(model="preview", prompt="雨夜的霓虹街道", duration=1, resolution="360p")
        sub = await p.submit(text_ctx, text)
        fl_ctx = context(
            tmp_path / "fl", image=prepared(png_bytes()), last_image=prepared(png_bytes(colour="red"))
        )
        fl = GenerationRequest(
            model="preview", image="a.png", last_image="b.png", duration=1, resolution="360p"
        )
        sub2 = await p.submit(fl_ctx, fl)  # may wait in the queue behind the first
        assert sub2.status in (RemoteStatus.QUEUED, RemoteStatus.RUNNING)
        for ctx, job, movement in ((text_ctx, sub.remote_id, "fix_bg"), (fl_ctx, sub2.remote_id, "zoom_in")):
            result, _ = await wait_done(p, ctx, job)
            assert result.status == RemoteStatus.SUCCEEDED, result.error
            assert result.result_url is not None
            with av.open(str(path_of(result.result_url))) as ic:
                tags = dict(ic.metadata)
                assert ic.streams.video[0].average_rate == 24  # default fps
                assert (ic.streams.video[0].width, ic.streams.video[0].height) == (640, 360)  # 16:9
            assert tags["camera_movement"] == movement  # the default for text / for images

    asyncio.run(go())


def test_unknown_job_is_not_found_and_a_finished_one_survives_a_restart(tmp_path: Path) -> None:
    async def go() -> None:
        p = LocalProvider()
        ctx = context(tmp_path)
        with pytest.raises(ProviderError) as err:
            await p.poll(ctx, "local-" + "0" * 32)
        assert err.value.kind == ErrorKind.NOT_FOUND
        with pytest.raises(ProviderError) as err:
            await p.poll(ctx, "../../etc/passwd")
        assert err.value.kind == ErrorKind.NOT_FOUND

        sub = await p.submit(
            ctx, GenerationRequest(model="preview", prompt="hi", duration=1, resolution="360p")
        )
        result, _ = await wait_done(p, ctx, sub.remote_id)
        assert result.status == RemoteStatus.SUCCEEDED
        local._JOBS.clear()  # as after an app restart
        again = await p.poll(ctx, sub.remote_id)
        assert again.status == RemoteStatus.SUCCEEDED and again.result_url == result.result_url

    asyncio.run(go())


def test_cancel_stops_within_a_second_and_removes_the_file(tmp_path: Path) -> None:
    async def go() -> None:
        p = LocalProvider()
        ctx = context(tmp_path, image=prepared(png_bytes((1600, 1200))))
        request = GenerationRequest(
            model="preview", image="x.png", duration=15, resolution="1080p", params={"fps": 30}
        )
        sub = await p.submit(ctx, request)
        deadline = time.monotonic() + 30
        while True:  # wait until it is really rendering
            state = await p.poll(ctx, sub.remote_id)
            assert state.status == RemoteStatus.RUNNING
            if state.progress and state.progress > 0:
                break
            assert time.monotonic() < deadline
            await asyncio.sleep(0.05)
        t0 = time.monotonic()
        await p.cancel(ctx, sub.remote_id)
        assert time.monotonic() - t0 < 1.0
        result = await p.poll(ctx, sub.remote_id)
        assert result.status == RemoteStatus.CANCELLED
        assert list(tmp_path.iterdir()) == []

    asyncio.run(go())


def test_cancel_while_polls_reap_the_worker(tmp_path: Path) -> None:
    """A poll may collect the render while a cancel is waiting for it to stop: the cancel ends
    quietly."""

    async def go() -> None:
        p = LocalProvider()
        ctx = context(tmp_path)
        request = GenerationRequest(model="preview", prompt="x", duration=15, resolution="1080p")
        sub = await p.submit(ctx, request)
        while not (await p.poll(ctx, sub.remote_id)).progress:
            await asyncio.sleep(0.02)

        async def keep_polling() -> None:
            while True:
                await p.poll(ctx, sub.remote_id)
                await asyncio.sleep(0)

        poller = asyncio.create_task(keep_polling())
        try:
            await p.cancel(ctx, sub.remote_id)
        finally:
            poller.cancel()
        assert (await p.poll(ctx, sub.remote_id)).status == RemoteStatus.CANCELLED
        assert list(tmp_path.iterdir()) == []

    for _ in range(3):
        asyncio.run(go())


def test_a_worker_failure_is_upstream_failed(tmp_path: Path) -> None:
    async def go() -> None:
        p = LocalProvider()
        ctx = context(tmp_path, image=prepared(b"this is not a png"))
        sub = await p.submit(
            ctx, GenerationRequest(model="preview", image="x.png", duration=1, resolution="360p")
        )
        result, _ = await wait_done(p, ctx, sub.remote_id)
        assert result.status == RemoteStatus.FAILED
        assert result.error is not None and result.error.kind == ErrorKind.UPSTREAM_FAILED
        assert "UnidentifiedImageError" in result.error.message
        assert list(tmp_path.iterdir()) == []

    asyncio.run(go())


@pytest.mark.parametrize(
    "request_",
    [
        GenerationRequest(model="preview", prompt="x", params={"fps": 25}),
        GenerationRequest(model="preview", prompt="x", resolution="4k"),
        GenerationRequest(model="preview", prompt="x", duration=30),
        GenerationRequest(model="preview", prompt="x", params={"camera_movement": "spin"}),
        GenerationRequest(model="preview", prompt="x", params={"aspect_ratio": "2:1"}),
        GenerationRequest(model="preview", prompt="x", ref_images=["a.png"]),
    ],
)
def test_bad_requests_are_refused_at_submit(tmp_path: Path, request_: GenerationRequest) -> None:
    with pytest.raises(ProviderError) as err:
        asyncio.run(LocalProvider().submit(context(tmp_path), request_))
    assert err.value.kind == ErrorKind.INVALID_INPUT
    assert local._JOBS == {}
    assert list(tmp_path.iterdir()) == []


def test_shutdown_stops_running_renders(tmp_path: Path) -> None:
    async def go() -> str:
        p = LocalProvider()
        ctx = context(tmp_path, image=prepared(png_bytes()))
        sub = await p.submit(
            ctx, GenerationRequest(model="preview", image="x.png", duration=15, resolution="1080p")
        )
        return sub.remote_id

    job_id = asyncio.run(go())
    assert local._JOBS[job_id].status == RemoteStatus.RUNNING
    t0 = time.monotonic()
    local.shutdown()
    assert time.monotonic() - t0 < 3
    assert local._JOBS[job_id].status == RemoteStatus.CANCELLED
    assert not [x for x in tmp_path.iterdir() if x.suffix in (".mp4", ".part")]
