"""new-api's unified ``POST /v1/video/generations`` (Kling, Jimeng, Vidu behind one gateway).

Vendor fields travel in ``metadata``, which new-api merges into the upstream body. The poll answer
comes in two shapes: the code returns ``{"code","data":{...}}``, the documentation shows a flat
object; both are read.
"""

from __future__ import annotations

import base64
from functools import cached_property
from typing import Any

from core.errors import ErrorKind, ProviderError
from core.media.images import ImageLimits
from core.providers.base import DownloadTarget, PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.providers.catalog import Catalog, load_catalog
from core.providers.common import (
    generic_error,
    json_of,
    obj,
    parse_progress,
    refine_kind,
    status_of,
    text,
    usage_of,
)
from core.tasks.request import GenerationRequest

SUBMIT_PATH = "/v1/video/generations"
POLL_PATH = "/v1/video/generations/{id}"
CONTENT_PATH = "/v1/videos/{id}/content"
# Fields new-api's TaskSubmitReq / VideoRequest read at the top level; anything else goes to metadata.
TOP_LEVEL = {"mode", "size", "seconds", "fps", "width", "height", "n", "response_format", "user"}
# Jimeng text-to-video model id -> the req_key that makes it image-to-video (seed 002).
JIMENG_I2V = {"jimeng_vgfm_t2v_l20": "jimeng_vgfm_i2v_l20"}


class NewApiProvider(Provider):
    dialect = "newapi"
    label = "new-api gateway (Kling, Jimeng, Vidu)"
    doc_url = "https://docs.newapi.pro/"

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        return ImageLimits(max_side=4096, min_side=300, max_bytes=10 * 1024 * 1024, alpha=False)

    def body(self, ctx: ProviderContext, request: GenerationRequest) -> dict[str, Any]:
        model = request.model.lower()
        # The seed's "image (URL/Base64)": the Kling and Jimeng channels take a local file as bare
        # base64, not a data: URI.
        bare = model.startswith(("kling", "jimeng"))
        ref = (lambda image: image.url or base64.b64encode(image.data).decode("ascii")) if bare else None

        def refs_of(slot: str) -> list[str]:
            return [ref(i) if ref else i.as_reference() for i in ctx.images.get(slot, [])]

        body: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
        metadata: dict[str, Any] = {}
        first, last, refs = refs_of("image"), refs_of("last_image"), refs_of("ref_images")
        vidu = model.startswith("vidu")
        if first:
            body["image"] = first[0]
        if model in JIMENG_I2V and first:
            # Jimeng image-to-video is the t2v model with the i2v req_key (seed 002's example);
            # image_urls takes URLs only: new-api turns a bare base64 image into binary_data_base64.
            metadata["req_key"] = JIMENG_I2V[model]
            if first[0].startswith(("http://", "https://")):
                metadata["image_urls"] = first[:1]
        if vidu and (last or refs):
            # Vidu counts images: 1 → image-to-video, 2 → start and end frame, 3+ → reference images.
            body["images"] = first + last if last else refs
            if refs and not last:
                body.pop("image", None)
        elif last:
            metadata["image_tail"] = last[0]  # Kling's name for the last frame
        elif refs:
            body["images"] = refs
        if request.duration is not None:
            body["duration"] = request.duration
            if vidu:
                metadata["duration"] = request.duration  # the seed's Vidu example repeats it here
        if request.seed is not None:
            metadata["seed"] = request.seed  # where every example of the seed puts it
        if request.negative_prompt:
            metadata["negative_prompt"] = request.negative_prompt
        if request.resolution:
            metadata["resolution"] = request.resolution
        for key, value in request.params.items():
            (body if key in TOP_LEVEL else metadata)[key] = value
        if metadata:
            body["metadata"] = metadata
        return body

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        response = await ctx.http.request("POST", SUBMIT_PATH, json=self.body(ctx, request), billed=True)
        return parse_job_submit(response)

    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        response = await ctx.http.request("GET", POLL_PATH.format(id=remote_id))
        return parse_task(response)

    def download_target(self, ctx: ProviderContext, remote_id: str, result: PollResult) -> DownloadTarget:
        if result.result_url:
            return DownloadTarget(result.result_url, with_auth=ctx.http.is_own_host(result.result_url))
        # No link: the gateway streams the bytes itself (with the key, on its own host).
        return DownloadTarget(ctx.http.url(CONTENT_PATH.format(id=remote_id)), with_auth=True)


def parse_job_submit(response: Any) -> Submitted:
    """The answer to a submit that returns a job or video object, bare or in ``{code, data}``
    (new-api, OpenAI-style /v1/videos, UniAll). A 2xx without an id is ``no_id``: the task may exist."""
    if response.status_code >= 400:
        raise generic_error(response)
    body = obj(json_of(response))
    if body.get("code") not in (None, 0, "0", "success") and not obj(body.get("data")):
        raise generic_error(response)
    job = obj(body.get("data")) or body
    job_id = text(job.get("id")) or text(job.get("task_id"))
    if not job_id:
        raise ProviderError(ErrorKind.UNKNOWN, "the gateway accepted the task but sent no id", code="no_id")
    return Submitted(job_id, status_of(job.get("status")), raw=body, usage=usage_of(job, body))


def parse_task(response: Any) -> PollResult:
    """Either new-api poll shape, and the OpenAI video object, as one PollResult."""
    if response.status_code >= 400:
        error = generic_error(response)
        if error.code in ("task_not_exist",):
            raise ProviderError(
                ErrorKind.NOT_FOUND, error.message, code=error.code, http_status=error.http_status
            )
        raise error
    body = obj(json_of(response))
    if "data" in body and isinstance(body.get("data"), dict):
        if body.get("code") not in (None, "success", 0, "0"):
            raise generic_error(response)
        data = obj(body["data"])
    else:
        data = body
    status = status_of(data.get("status"))
    progress = parse_progress(data.get("progress"))
    usage = usage_of(data, body)
    url = (
        text(data.get("result_url"))
        or text(data.get("url"))
        or text(data.get("video_url"))
        or text(obj(data.get("metadata")).get("url"))
    )
    if status is RemoteStatus.SUCCEEDED:
        return PollResult(status, 1.0, result_url=url, result_expires_at=_expiry(data), usage=usage, raw=body)
    if status is RemoteStatus.FAILED:
        err = obj(data.get("error"))
        code = text(err.get("code"))
        message = text(err.get("message")) or text(data.get("fail_reason")) or "generation failed"
        kind = refine_kind(ErrorKind.UPSTREAM_FAILED, code, message)
        error = ProviderError(kind, message[:500], code=code)
        return PollResult(status, progress, error=error, usage=usage, raw=body)
    return PollResult(status, progress, usage=usage, raw=body)


def _expiry(data: dict[str, Any]) -> float | None:
    value = data.get("expires_at")
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
