"""The AiSphere gateway: ``POST /api/v1/video/generation`` with ``_action: "i2v"``.

A camelCase re-skin of PixVerse v2 (same enums and limits). Images travel inline as
``{"imageUrl": …}`` (a URL, or a data: URI for a local file). Answers are the envelope
``{"code","message","request_id","data":{"task_id","task_status","urls","expired","usage"}}``
with ``code`` 0 on success. Only the submit page is published; the poll path, the status words
and the head-tail keys below are guesses, each kept in one place.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from core.errors import ErrorKind, ProviderError
from core.media.images import ImageLimits
from core.net.reply import Reply, retry_after_seconds
from core.providers.base import PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.providers.catalog import Catalog, load_catalog
from core.providers.common import (
    generic_error,
    json_of,
    kind_for_status,
    obj,
    refine_kind,
    status_of,
    text,
    usage_of,
)
from core.tasks.request import MODE_FIRST_LAST, MODE_REFERENCE, GenerationRequest

SUBMIT_PATH = "/api/v1/video/generation"
# GUESS: no page documents the poll endpoint; this is the REST-style sibling of the submit path.
POLL_PATH = "/api/v1/video/generation/{id}"
ACTION = "i2v"  # fixed by the gateway for every mode
OK_WORDS = {"success", "ok", "succeeded", ""}


def head_tail(first: str, last: str) -> dict[str, str]:
    """GUESS: the page names ``headtailImages`` but not its keys; these follow ``image.imageUrl``."""
    return {"headImageUrl": first, "tailImageUrl": last}


def character(image: str, n: int) -> dict[str, str]:
    """GUESS: the seed names ``imageUrl``, ``type`` and ``refName`` but not their values."""
    return {"imageUrl": image, "type": "subject", "refName": f"ref{n}"}


def expiry(value: Any) -> float | None:
    """``expired`` as epoch seconds: from epoch seconds or milliseconds, or an ISO date (UTC if naive)."""
    if isinstance(value, str):
        value = value.strip()
        try:
            value = float(value)
        except ValueError:
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return None
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=UTC)
            return parsed.timestamp()
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value > 0:
        return float(value) / 1000 if value > 1e11 else float(value)
    return None


def aisphere_error(response: Reply, body: dict[str, Any]) -> ProviderError:
    """An envelope with a non-zero code. The codes are undocumented: read them like HTTP statuses
    when they look like one, else let the message's words decide."""
    code = text(body.get("code"))
    message = text(body.get("message")) or text(body.get("msg")) or "the gateway refused the request"
    number = int(code) if code and code.isdigit() else 0
    base = kind_for_status(number) if 400 <= number < 600 else ErrorKind.UPSTREAM_FAILED
    return ProviderError(
        refine_kind(base, code, message),
        f"{message} ({code})"[:500],
        code=code,
        http_status=response.status_code,
        retry_after=retry_after_seconds(response),
    )


def envelope(response: Reply) -> dict[str, Any]:
    """A successful envelope (code 0); ProviderError for anything else."""
    if response.status_code >= 400:
        raise generic_error(response)
    body = json_of(response)
    if not isinstance(body, dict):
        raise ProviderError(ErrorKind.UNKNOWN, "the gateway sent an answer of an unknown shape", code="shape")
    if body.get("code") not in (None, 0, "0"):
        raise aisphere_error(response, body)
    return body


class AiSphereProvider(Provider):
    dialect = "aisphere"
    label = "AiSphere gateway (PixVerse models)"
    doc_url = "https://api-doc.aa.com.cn/"

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        # Not published; PixVerse's (at most 4000 px, png/webp/jpeg), with a body-friendly size cap
        return ImageLimits(formats=("JPEG", "PNG", "WEBP"), max_side=4000, max_bytes=10 * 1024 * 1024)

    def body(self, ctx: ProviderContext, request: GenerationRequest) -> dict[str, Any]:
        body: dict[str, Any] = {"model": request.model, "_action": ACTION, "prompt": request.prompt}
        first = [i.as_reference() for i in ctx.images.get("image", [])]
        last = [i.as_reference() for i in ctx.images.get("last_image", [])]
        refs = [i.as_reference() for i in ctx.images.get("ref_images", [])]
        if first:
            # required in every mode (``image*``): sent with head-tail and character images too
            body["image"] = {"imageUrl": first[0]}
        if request.mode == MODE_FIRST_LAST:
            body["headtailImages"] = head_tail(first[0], last[0])
        elif request.mode == MODE_REFERENCE:
            body["characterImages"] = [character(image, n) for n, image in enumerate(refs, start=1)]
        if request.duration is not None:
            body["duration"] = request.duration
        if request.resolution:
            body["resolution"] = request.resolution.lower()
        if request.negative_prompt:
            body["negativePrompt"] = request.negative_prompt
        if request.seed is not None:
            body["seed"] = request.seed
        body.update(request.params)  # the catalog names them as the gateway does (camelCase)
        return body

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        response = await ctx.http.request("POST", SUBMIT_PATH, json=self.body(ctx, request), billed=True)
        return self.parse_submit(response)

    def parse_submit(self, response: Reply) -> Submitted:
        data = obj(envelope(response).get("data"))
        task_id = text(data.get("task_id")) or text(data.get("taskId"))
        if not task_id:
            raise ProviderError(
                ErrorKind.UNKNOWN, "the gateway accepted the task but sent no id", code="no_id"
            )
        submitted = Submitted(task_id, status_of(data.get("task_status")), raw=data, usage=usage_of(data))
        # The submit answer has the same data as a poll (urls, expired, usage): a video already
        # in it, or a refusal, is the task's result.
        try:
            result = self.read_data(data, obj(envelope(response)))
        except ProviderError:
            return submitted  # the task exists: polling will tell
        if result.status in (RemoteStatus.SUCCEEDED, RemoteStatus.FAILED):
            submitted.status, submitted.result = result.status, result
        return submitted

    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        response = await ctx.http.request("GET", POLL_PATH.format(id=remote_id))
        return self.parse_poll(response)

    def parse_poll(self, response: Reply) -> PollResult:
        try:
            body = envelope(response)
        except ProviderError as exc:
            if exc.http_status in (404, 405) and exc.code is None:
                exc.message += " (the gateway may not serve the poll path ClipDesk guesses for AiSphere)"
            raise
        return self.read_data(obj(body.get("data")), body)

    def read_data(self, data: dict[str, Any], body: dict[str, Any]) -> PollResult:
        """The envelope's ``data`` of a submit or a poll as a PollResult."""
        word = data.get("task_status")
        status = remote_status(word)
        usage = usage_of(data)
        urls = data.get("urls")
        url = text(urls[0]) if isinstance(urls, list) and urls else text(urls)
        if status is RemoteStatus.SUCCEEDED or (url and word in (None, "")):
            if not url:
                raise ProviderError(ErrorKind.UPSTREAM_FAILED, "the gateway reported success without a video")
            expires = expiry(data.get("expired"))
            return PollResult(
                RemoteStatus.SUCCEEDED, 1.0, result_url=url, result_expires_at=expires, usage=usage, raw=data
            )
        if status is RemoteStatus.FAILED:
            error = obj(data.get("error"))
            message = (
                text(data.get("message"))
                or text(error.get("message"))
                or (text(body.get("message")) if str(body.get("message")).lower() not in OK_WORDS else None)
                or text(data.get("error"))
                or text(data.get("fail_reason"))
                or "generation failed"
            )
            number = _number(word)
            words = PIXVERSE_STATUS.get(number, "") if number is not None else text(word)
            kind = refine_kind(ErrorKind.UPSTREAM_FAILED, words, message)
            error_code = text(data.get("code")) or text(error.get("code")) or text(word)
            failure = ProviderError(kind, message[:500], code=error_code)
            return PollResult(status, error=failure, usage=usage, raw=data)
        return PollResult(status, None, usage=usage, raw=data)


# GUESS: the gateway resells PixVerse; should task_status be PixVerse's numeric status, read it so.
PIXVERSE_STATUS: dict[int, str] = {1: "succeeded", 5: "running", 6: "failed", 7: "moderation", 8: "failed"}


def _number(word: Any) -> int | None:
    if isinstance(word, int) and not isinstance(word, bool):
        return word
    if isinstance(word, str) and word.strip().isdigit():
        return int(word.strip())
    return None


def remote_status(word: Any) -> RemoteStatus:
    number = _number(word)
    if number is not None:
        word = PIXVERSE_STATUS.get(number, "running")
        return RemoteStatus.FAILED if word == "moderation" else status_of(word)
    return status_of(word)
