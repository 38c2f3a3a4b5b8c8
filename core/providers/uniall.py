"""UniAll's ``POST /v1/video/generations`` for Vidu Q3 (a job object, new-api style).

``image`` alone is image-to-video, ``image`` + ``last_image`` first and last frame,
``reference_image_urls`` the reference mode, which only the ``-mix-`` models take
("只有 mix模式生效"); vendor extras such as ``audio``, ``seed`` or ``bgm`` ride in
``extra_body``. The poll answer's exact shape is not published: the job object
(``video_url`` or ``result.outputs``) and new-api's wrapper are both read.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from core.errors import ErrorKind, ProviderError
from core.media.images import ImageLimits
from core.net.reply import Reply
from core.providers.base import DownloadTarget, PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.providers.catalog import Catalog, load_catalog
from core.providers.common import obj, text
from core.providers.newapi import parse_job_submit, parse_task
from core.tasks.request import GenerationRequest

SUBMIT_PATH = "/v1/video/generations"
POLL_PATH = "/v1/video/generations/{id}"
TOP_LEVEL = {"aspect_ratio"}  # fields the page lists at the top level; other params go to extra_body


def first_output(job: dict[str, Any]) -> str | None:
    """The video link of a finished job, wherever this gateway puts it."""
    result = obj(job.get("result"))
    outputs = result.get("outputs")
    if isinstance(outputs, list) and outputs:
        head = outputs[0]
        return text(obj(head).get("url")) if isinstance(head, dict) else text(head)
    return text(result.get("video_url")) or text(result.get("url"))


class UniAllProvider(Provider):
    dialect = "uniall"
    label = "UniAll (Vidu Q3)"
    doc_url = "https://docs.uniall.ai/models/video/vidu"

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        # Vidu: png/jpeg/webp, aspect 1:4..4:1; Base64 decoded under 10 MB and the body at most 20 MB,
        # so a size that lets four reference images travel inline together.
        return ImageLimits(
            formats=("JPEG", "PNG", "WEBP"),
            max_side=4096,
            max_bytes=3_500_000,
            min_aspect=0.25,
            max_aspect=4.0,
        )

    def body(self, ctx: ProviderContext, request: GenerationRequest) -> dict[str, Any]:
        body: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
        first = ctx.images.get("image") or []
        last = ctx.images.get("last_image") or []
        refs = ctx.images.get("ref_images") or []
        if first:
            body["image"] = first[0].as_reference()
        if last:
            body["last_image"] = last[0].as_reference()
        if refs:
            body["reference_image_urls"] = [image.as_reference() for image in refs]
        # the seed marks duration required and every example sends it: the model's default otherwise
        duration = request.duration or self.catalog.spec(request.model).default_duration
        if duration is not None:
            body["duration"] = duration
        extra: dict[str, Any] = {}
        if request.seed is not None:
            extra["seed"] = request.seed
        for key, value in request.params.items():
            (body if key in TOP_LEVEL else extra)[key] = value
        if extra:
            body["extra_body"] = extra
        return body

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        response = await ctx.http.request("POST", SUBMIT_PATH, json=self.body(ctx, request), billed=True)
        return self.parse_submit(response)

    def parse_submit(self, response: Reply) -> Submitted:
        return parse_job_submit(response)

    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        response = await ctx.http.request("GET", POLL_PATH.format(id=remote_id))
        return self.parse_poll(response)

    def parse_poll(self, response: Reply) -> PollResult:
        result = parse_task(response)
        body = obj(result.raw)
        job = obj(body.get("data")) if isinstance(body.get("data"), dict) else body
        if result.status is RemoteStatus.SUCCEEDED and not result.result_url:
            result.result_url = first_output(job)
            if not result.result_url:
                raise ProviderError(ErrorKind.UPSTREAM_FAILED, "the gateway reported success without a video")
        return result

    def download_target(self, ctx: ProviderContext, remote_id: str, result: PollResult) -> DownloadTarget:
        if not result.result_url:
            raise ProviderError(ErrorKind.UPSTREAM_FAILED, "the gateway reported success without a video")
        return DownloadTarget(result.result_url, with_auth=ctx.http.is_own_host(result.result_url))
