"""OpenAI's videos API (Sora): ``POST /v1/videos``, ``GET /v1/videos/{id}``, ``…/content``.

The same routes are served by new-api gateways, so a connection may point at OpenAI itself or at a
gateway. A first frame travels as the multipart file ``input_reference``; OpenAI wants it at the
exact frame size of the video, so it is cropped and scaled to ``size`` first. The result is always
fetched from ``/v1/videos/{id}/content`` on the connection's own host, with the key.
"""

from __future__ import annotations

import asyncio
import io
import math
import re
import time
from functools import cached_property
from typing import Any

from core.media.images import ImageLimits, PreparedImage
from core.net.reply import Reply
from core.providers.base import (
    DownloadTarget,
    PollResult,
    Provider,
    ProviderContext,
    Submitted,
)
from core.providers.catalog import Catalog, load_catalog
from core.providers.common import generic_error, json_of, obj, text
from core.providers.newapi import parse_job_submit, parse_task
from core.tasks.request import GenerationRequest

VIDEOS_PATH = "/v1/videos"
VIDEO_PATH = "/v1/videos/{id}"
CONTENT_PATH = "/v1/videos/{id}/content"
RECENT_PATH = "/v1/videos?limit=20&order=desc"
LOST_WINDOW = 600.0  # a lost submit is looked for among videos created this many seconds ago
SIZE = re.compile(r"^(\d{2,5})x(\d{2,5})$")


def poll_after(response: Reply) -> float | None:
    hint = response.headers.get("openai-poll-after-ms")
    try:
        seconds = float(hint) / 1000 if hint else None
    except ValueError:
        return None
    return seconds if seconds is not None and math.isfinite(seconds) and seconds >= 0 else None


def fit_image(image: PreparedImage, width: int, height: int) -> tuple[bytes, str]:
    """The image cropped to the aspect of width x height (centred) and scaled to exactly that size."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(image.data)) as source:
        fitted = ImageOps.fit(source.convert("RGB"), (width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if image.mime == "image/png":
        fitted.save(out, "PNG")
        return out.getvalue(), "image/png"
    fitted.save(out, "JPEG", quality=92)
    return out.getvalue(), "image/jpeg"


class OpenAIVideosProvider(Provider):
    dialect = "openai-videos"
    label = "OpenAI videos (Sora) or a compatible gateway"
    doc_url = "https://platform.openai.com/docs/api-reference/videos"
    image_transport = "upload"

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        # input_reference: jpeg/png/webp; it becomes the first frame, so transparency is flattened
        return ImageLimits(
            formats=("JPEG", "PNG", "WEBP"), max_side=4096, max_bytes=20 * 1024 * 1024, alpha=False
        )

    # -- submit ----------------------------------------------------------------------------------
    @staticmethod
    def size_for(request: GenerationRequest, first: PreparedImage | None) -> str | None:
        size = request.params.get("size")
        if isinstance(size, str) and size:
            return size
        if first is not None and first.width and first.height:
            return "1280x720" if first.width > first.height else "720x1280"  # follow the image
        return None

    def fields(self, request: GenerationRequest, size: str | None) -> dict[str, Any]:
        fields: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
        if request.duration is not None:
            fields["seconds"] = str(request.duration)
        fields.update({k: v for k, v in request.params.items() if k != "size"})
        if size:
            fields["size"] = size
        return fields

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        images = ctx.images.get("image") or []
        first = images[0] if images else None
        size = self.size_for(request, first)
        fields = self.fields(request, size)
        if first is None:
            response = await ctx.http.request("POST", VIDEOS_PATH, json=fields, billed=True)
        elif not first.data and first.url:
            # A URL the creator gave: OpenAI wants a file, new-api also takes the URL as a string.
            fields["input_reference"] = first.url
            response = await ctx.http.request("POST", VIDEOS_PATH, json=fields, billed=True)
        else:
            data, mime = first.data, first.mime
            match = SIZE.match(size or "")
            if match and (first.width, first.height) != (int(match[1]), int(match[2])):
                try:
                    data, mime = await asyncio.to_thread(fit_image, first, int(match[1]), int(match[2]))
                    ctx.log(f"the first frame was cropped and scaled to {size} to match the video size")
                except (OSError, ValueError) as exc:
                    ctx.log(f"the first frame could not be fitted to {size}, sent as it is: {exc}")
            form = {k: v if isinstance(v, str) else _form_value(v) for k, v in fields.items()}
            files = {"input_reference": (f"first-frame.{mime.rsplit('/', 1)[-1]}", data, mime)}
            response = await ctx.http.request("POST", VIDEOS_PATH, data=form, files=files, billed=True)
        return self.parse_submit(response)

    def parse_submit(self, response: Reply) -> Submitted:
        return parse_job_submit(response)

    # -- poll and download -----------------------------------------------------------------------
    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        response = await ctx.http.request("GET", VIDEO_PATH.format(id=remote_id))
        return self.parse_poll(response)

    def parse_poll(self, response: Reply) -> PollResult:
        result = parse_task(response)
        result.poll_after = poll_after(response)
        return result

    def download_target(self, ctx: ProviderContext, remote_id: str, result: PollResult) -> DownloadTarget:
        # /content works on OpenAI and on new-api; a metadata.url may be a short-lived foreign link.
        return DownloadTarget(ctx.http.url(CONTENT_PATH.format(id=remote_id)), with_auth=True)

    # -- lost submits and connection check -------------------------------------------------------
    async def find_lost_submit(self, ctx: ProviderContext, request: GenerationRequest) -> str | None:
        response = await ctx.http.request("GET", RECENT_PATH)
        if response.status_code >= 400:
            raise generic_error(response)
        return self.match_lost(json_of(response), request, time.time())

    @staticmethod
    def match_lost(body: Any, request: GenerationRequest, now: float) -> str | None:
        """The one recent video with this request's model and prompt; None when there is not exactly one."""
        items = obj(body).get("data")
        found: list[str] = []
        for item in items if isinstance(items, list) else []:
            video = obj(item)
            created = video.get("created_at")
            if not (isinstance(created, int | float) and not isinstance(created, bool)):
                continue
            if (
                video.get("model") == request.model
                and video.get("prompt") == request.prompt
                and now - LOST_WINDOW <= created <= now + 60
                and text(video.get("id"))
            ):
                found.append(str(video["id"]))
        return found[0] if len(found) == 1 else None


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
