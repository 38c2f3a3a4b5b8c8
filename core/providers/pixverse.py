"""PixVerse OpenAPI v2, directly (``https://app-api.pixverse.ai``) or behind a gateway mirroring its paths.

Images are uploaded first (``/openapi/v2/image/upload`` → ``img_id``); the submit names them by id.
Every answer is the envelope ``{"ErrCode","ErrMsg","Resp"}``, errors usually arrive as HTTP 200 with
``ErrCode`` ≠ 0. Every request carries a fresh ``Ai-trace-id`` (uuid4), as the platform asks.
"""

from __future__ import annotations

import uuid
from functools import cached_property
from typing import Any

from core.errors import ErrorKind, ProviderError
from core.media.images import ImageLimits, PreparedImage
from core.net.reply import Reply, retry_after_seconds
from core.providers.base import PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.providers.catalog import Catalog, load_catalog
from core.providers.common import generic_error, json_of, kind_for_status, obj, refine_kind, text
from core.tasks.request import MODE_FIRST_LAST, MODE_REFERENCE, MODE_TEXT, GenerationRequest

UPLOAD_PATH = "/openapi/v2/image/upload"
TEXT_PATH = "/openapi/v2/video/text/generate"
IMAGE_PATH = "/openapi/v2/video/img/generate"
TRANSITION_PATH = "/openapi/v2/video/transition/generate"
# Fusion (reference images): path and body as the ComfyUI PixVerse v6 node sends them.
FUSION_PATH = "/openapi/v2/video/fusion/generate"
RESULT_PATH = "/openapi/v2/video/result/{id}"
DEFAULT_ASPECT_RATIO = "16:9"  # text and fusion requests must name one

# Resp.status of a video. 9 and 10 are the queue / processing codes PixVerse's own CLI reports.
STATUSES: dict[int, RemoteStatus] = {
    1: RemoteStatus.SUCCEEDED,
    5: RemoteStatus.RUNNING,
    6: RemoteStatus.FAILED,  # deleted
    7: RemoteStatus.FAILED,  # content moderation
    8: RemoteStatus.FAILED,  # generation failed
    9: RemoteStatus.QUEUED,
    10: RemoteStatus.RUNNING,
}

FAILURES: dict[int, tuple[ErrorKind, str]] = {
    6: (ErrorKind.UPSTREAM_FAILED, "PixVerse deleted the video"),
    7: (ErrorKind.MODERATION, "PixVerse's content moderation rejected the video"),
    8: (ErrorKind.UPSTREAM_FAILED, "PixVerse failed to generate the video"),
}

ERROR_KINDS: dict[int, ErrorKind] = {
    10004: ErrorKind.AUTH,  # API key empty / wrong
    400012: ErrorKind.AUTH,  # invalid account
    500020: ErrorKind.AUTH,  # permission denied
    500090: ErrorKind.BALANCE,
    500060: ErrorKind.BALANCE,  # monthly limit reached
    500054: ErrorKind.MODERATION,
    500063: ErrorKind.MODERATION,  # prompt moderation
    500044: ErrorKind.RATE_LIMITED,  # concurrent generations at the limit
    500069: ErrorKind.RATE_LIMITED,  # high load
    500008: ErrorKind.NOT_FOUND,
    500064: ErrorKind.UPSTREAM_FAILED,  # content deleted
    500100: ErrorKind.UPSTREAM_FAILED,
    99999: ErrorKind.UPSTREAM_FAILED,
    **dict.fromkeys(
        [400011, 400017, 400018, 400019, 400032, 500030, 500031, 500032, 500033, 500041, 500042, 500070],
        ErrorKind.INVALID_INPUT,
    ),
}
# Guess: these two refuse the request before any video is created (a concurrency slot or capacity
# check), so they are reported like an HTTP 429 and the engine may send the submit again.
REFUSED_BEFORE_CREATE = {500044, 500069}


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def trace() -> dict[str, str]:
    return {"Ai-trace-id": str(uuid.uuid4())}


def pixverse_error(response: Reply, body: Any = None) -> ProviderError:
    """An answer with ErrCode ≠ 0 (or an HTTP error in any shape) as a ProviderError."""
    if body is None:
        try:
            body = json_of(response)
        except ProviderError:
            body = None
    envelope = obj(body)
    code = as_int(envelope.get("ErrCode"))
    if not code:
        return generic_error(response)
    message = text(envelope.get("ErrMsg")) or "PixVerse refused the request"
    status = response.status_code
    base = kind_for_status(status) if status >= 400 else ErrorKind.UNKNOWN
    kind = ERROR_KINDS.get(code) or refine_kind(base, str(code), message)
    return ProviderError(
        kind,
        f"{message} (ErrCode {code})"[:500],
        code=str(code),
        http_status=429 if code in REFUSED_BEFORE_CREATE else status,
        retry_after=retry_after_seconds(response),
    )


def envelope(response: Reply) -> dict[str, Any]:
    """``Resp`` of a successful answer; ProviderError for anything else."""
    if response.status_code >= 400:
        raise pixverse_error(response)
    body = json_of(response)
    if not isinstance(body, dict):
        raise ProviderError(ErrorKind.UNKNOWN, "PixVerse sent an answer of an unknown shape", code="shape")
    if body.get("ErrCode") not in (None, 0, "0"):
        raise pixverse_error(response, body)
    return obj(body.get("Resp"))


class PixVerseProvider(Provider):
    dialect = "pixverse"
    label = "PixVerse"
    doc_url = "https://docs.platform.pixverse.ai/"
    auth_style = "api-key"
    needs_upload = True
    image_transport = "upload"

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        # Upload Image: at most 4000 px a side, under 20 MB, png/webp/jpeg
        return ImageLimits(formats=("JPEG", "PNG", "WEBP"), max_side=4000, max_bytes=20 * 1024 * 1024 - 1)

    # -- upload ----------------------------------------------------------------------------------
    async def upload(self, ctx: ProviderContext, request: GenerationRequest) -> dict[str, Any]:
        uploads: dict[str, Any] = {}
        for slot in ("image", "last_image", "ref_images"):
            images = ctx.images.get(slot) or []
            if images:
                uploads[slot] = [await self.upload_one(ctx, image) for image in images]
        return uploads

    async def upload_one(self, ctx: ProviderContext, image: PreparedImage) -> int:
        if image.url and not image.data:
            files: dict[str, Any] = {"image_url": (None, image.url)}  # a form field, not a file
        else:
            extension = image.mime.rsplit("/", 1)[-1].replace("jpeg", "jpg")
            files = {"image": (f"image.{extension}", image.data, image.mime)}
        response = await ctx.http.request("POST", UPLOAD_PATH, files=files, headers=trace)
        return self.parse_upload(response)

    def parse_upload(self, response: Reply) -> int:
        img_id = as_int(envelope(response).get("img_id"))
        if img_id is None:
            raise ProviderError(ErrorKind.UPSTREAM_FAILED, "PixVerse took the image but sent no img_id")
        return img_id

    # -- submit ----------------------------------------------------------------------------------
    def route(self, ctx: ProviderContext, request: GenerationRequest) -> tuple[str, dict[str, Any]]:
        """The path for the request's mode and its JSON body."""
        spec = self.catalog.spec(request.model)
        body: dict[str, Any] = {
            "model": request.model,
            "prompt": request.prompt,
            # both required by PixVerse; the catalog defaults suit every rule
            "duration": request.duration or spec.default_duration or 5,
            "quality": (request.resolution or spec.default_resolution or "540p").lower(),
        }
        if request.negative_prompt:
            body["negative_prompt"] = request.negative_prompt
        if request.seed is not None:
            body["seed"] = request.seed
        body.update(spec.typed(request.params))
        mode = request.mode
        if mode == MODE_REFERENCE and request.params.get("template_id") is not None:
            # a multi-image template: the image path with every image's id in img_ids
            ids = self.uploaded(ctx, "ref_images")
            body["img_ids"] = ids
            body["img_id"] = self.uploaded(ctx, "image")[0] if ctx.uploads.get("image") else ids[0]
            return IMAGE_PATH, body
        if mode == MODE_REFERENCE:
            body.setdefault("aspect_ratio", DEFAULT_ASPECT_RATIO)
            body["image_references"] = [
                {"img_id": img_id, "ref_name": f"subject{n}", "type": "subject"}
                for n, img_id in enumerate(self.uploaded(ctx, "ref_images"), start=1)
            ]
            return FUSION_PATH, body
        if mode == MODE_FIRST_LAST:
            body["first_frame_img"] = self.uploaded(ctx, "image")[0]
            body["last_frame_img"] = self.uploaded(ctx, "last_image")[0]
            return TRANSITION_PATH, body
        if mode == MODE_TEXT:
            body.setdefault("aspect_ratio", DEFAULT_ASPECT_RATIO)
            return TEXT_PATH, body
        body["img_id"] = self.uploaded(ctx, "image")[0]
        return IMAGE_PATH, body

    @staticmethod
    def uploaded(ctx: ProviderContext, slot: str) -> list[Any]:
        ids = ctx.uploads.get(slot)
        if not isinstance(ids, list) or not ids:
            raise ProviderError(ErrorKind.UNKNOWN, f"the {slot.replace('_', ' ')} was not uploaded")
        return ids

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        path, body = self.route(ctx, request)
        response = await ctx.http.request("POST", path, json=body, headers=trace, billed=True)
        return self.parse_submit(response)

    def parse_submit(self, response: Reply) -> Submitted:
        resp = envelope(response)
        video_id = text(resp.get("video_id"))
        if not video_id:
            raise ProviderError(ErrorKind.UNKNOWN, "PixVerse accepted the task but sent no id", code="no_id")
        return Submitted(video_id, RemoteStatus.QUEUED, raw=resp)

    # -- poll ------------------------------------------------------------------------------------
    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        response = await ctx.http.request("GET", RESULT_PATH.format(id=remote_id), headers=trace)
        return self.parse_poll(response)

    def parse_poll(self, response: Reply) -> PollResult:
        resp = envelope(response)
        code = as_int(resp.get("status"))
        status = STATUSES.get(code, RemoteStatus.RUNNING) if code is not None else RemoteStatus.RUNNING
        if status is RemoteStatus.SUCCEEDED:
            url = text(resp.get("url"))
            if not url:
                raise ProviderError(ErrorKind.UPSTREAM_FAILED, "PixVerse reported success without a url")
            return PollResult(status, 1.0, result_url=url, usage=_credits(resp), raw=resp)
        if status is RemoteStatus.FAILED:
            kind, message = FAILURES.get(code or 0, FAILURES[8])
            error = ProviderError(kind, message, code=f"status {code}")
            return PollResult(status, error=error, usage=_credits(resp), raw=resp)
        return PollResult(status, None, raw=resp)


def _credits(resp: dict[str, Any]) -> dict[str, Any] | None:
    """The credits a finished video was billed, as PixVerse's result answer reports them."""
    credits = resp.get("credits")
    return (
        {"credits": credits} if isinstance(credits, int | float) and not isinstance(credits, bool) else None
    )
