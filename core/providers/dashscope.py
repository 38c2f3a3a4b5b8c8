"""Alibaba Bailian / DashScope video synthesis (wan2.x), directly or behind a gateway prefix.

The connection's base URL carries any prefix: ``https://gateway.example/alibailian`` for the seed's
gateway, ``https://dashscope.aliyuncs.com`` for DashScope itself. Paths below are appended to it.
"""

from __future__ import annotations

import time
from datetime import datetime
from functools import cached_property
from typing import Any

from core.errors import ErrorKind, ProviderError
from core.media.images import ImageLimits
from core.providers.base import PollResult, Provider, ProviderContext, RemoteStatus, Submitted
from core.providers.catalog import Catalog, load_catalog
from core.providers.common import generic_error, json_of, obj, refine_kind, status_of, text, usage_of
from core.tasks.request import GenerationRequest

SUBMIT_PATH = "/api/v1/services/aigc/video-generation/video-synthesis"
# Beyond the seed: Alibaba documents the first-and-last-frame models (wan2.x-kf2v-*) under this path.
KF2V_PATH = "/api/v1/services/aigc/image2video/video-synthesis"
TASK_PATH = "/api/v1/tasks/{id}"
CANCEL_PATH = "/api/v1/tasks/{id}/cancel"
# The task list (DashScope's "list async tasks": the dashscope SDK's Tasks.list), newest first
LIST_PATH = "/api/v1/tasks/?page_no=1&page_size=100"
_GOING = {"PENDING": RemoteStatus.QUEUED, "RUNNING": RemoteStatus.RUNNING}
RESULT_TTL = 24 * 3600  # video_url is valid for 24 h


class DashScopeProvider(Provider):
    dialect = "dashscope"
    label = "Alibaba Bailian / DashScope"
    doc_url = "https://help.aliyun.com/zh/model-studio/image-to-video-api-reference"
    can_cancel = True
    reports_duration = True  # submit_time and end_time of a finished task
    lists_tasks = True

    @cached_property
    def catalog(self) -> Catalog:
        return load_catalog(self.dialect)

    @property
    def image_limits(self) -> ImageLimits:
        # wan2.5 i2v: JPEG/PNG (no alpha)/BMP/WEBP, sides 360..2000 px, at most 10 MB
        return ImageLimits(max_side=2000, min_side=360, max_bytes=10 * 1024 * 1024, alpha=False)

    def path_for(self, request: GenerationRequest) -> str:
        """The seed's path, or Alibaba's image2video path for the first-and-last-frame models."""
        return KF2V_PATH if "-kf2v-" in request.model.lower() else SUBMIT_PATH

    def body(self, ctx: ProviderContext, request: GenerationRequest) -> dict[str, Any]:
        inputs: dict[str, Any] = {"prompt": request.prompt}
        if request.negative_prompt:
            inputs["negative_prompt"] = request.negative_prompt
        first = ctx.images.get("image")
        if first:
            inputs["img_url"] = first[0].as_reference()
        last = ctx.images.get("last_image")
        if last:  # wan2.x first+last-frame models (kf2v)
            inputs["first_frame_url"] = inputs.pop("img_url", None)
            inputs["last_frame_url"] = last[0].as_reference()
        parameters: dict[str, Any] = {}
        if request.resolution:
            parameters["resolution"] = request.resolution.upper()
        if request.duration is not None:
            parameters["duration"] = request.duration
        if request.seed is not None:
            parameters["seed"] = request.seed
        for key, value in request.params.items():
            if key in ("audio_url", "template"):
                inputs[key] = value
            else:
                parameters[key] = value
        return {"model": request.model, "input": inputs, "parameters": parameters}

    async def submit(self, ctx: ProviderContext, request: GenerationRequest) -> Submitted:
        response = await ctx.http.request(
            "POST",
            self.path_for(request),
            json=self.body(ctx, request),
            headers={"X-DashScope-Async": "enable"},
            billed=True,
        )
        return self.parse_submit(response.status_code, response)

    def parse_submit(self, status: int, response: Any) -> Submitted:
        if status >= 400:
            raise self.error(response)
        body = obj(json_of(response))
        output = obj(body.get("output"))
        task_id = text(output.get("task_id"))
        if not task_id:
            raise ProviderError(
                ErrorKind.UNKNOWN, "DashScope accepted the task but sent no task id", code="no_id"
            )
        return Submitted(task_id, status_of(output.get("task_status")), raw=body, usage=usage_of(body))

    async def poll(self, ctx: ProviderContext, remote_id: str) -> PollResult:
        response = await ctx.http.request("GET", TASK_PATH.format(id=remote_id))
        return self.parse_poll(response)

    def parse_poll(self, response: Any) -> PollResult:
        if response.status_code >= 400:
            raise self.error(response)
        body = obj(json_of(response))
        output = obj(body.get("output"))
        word = text(output.get("task_status")) or ""
        if word.upper() == "UNKNOWN":
            raise ProviderError(ErrorKind.EXPIRED, "DashScope no longer knows this task (task ids last 24 h)")
        status = status_of(word)
        if status is RemoteStatus.SUCCEEDED:
            url = text(output.get("video_url"))
            if not url:
                raise ProviderError(
                    ErrorKind.UPSTREAM_FAILED, "DashScope reported success without a video_url"
                )
            return PollResult(
                status,
                1.0,
                result_url=url,
                result_expires_at=time.time() + RESULT_TTL,
                remote_seconds=_seconds_between(output.get("submit_time"), output.get("end_time")),
                usage=usage_of(body),
                raw=body,
            )
        if status is RemoteStatus.FAILED:
            code = text(output.get("code"))
            message = text(output.get("message")) or "generation failed"
            kind = refine_kind(ErrorKind.UPSTREAM_FAILED, code, message)
            error = ProviderError(kind, f"{message} ({code})", code=code)
            return PollResult(status, error=error, usage=usage_of(body), raw=body)
        return PollResult(status, None, raw=body)

    async def running_tasks(self, ctx: ProviderContext) -> dict[str, RemoteStatus]:
        response = await ctx.http.request("GET", LIST_PATH)
        if response.status_code >= 400:
            raise self.error(response)
        return self.parse_list(response)

    def parse_list(self, response: Any) -> dict[str, RemoteStatus]:
        """``{"data": [{"task_id": …, "status": "RUNNING", …}, …], "total": …}``: the tasks still
        queued or running (any other word, or an entry without an id, is left out)."""
        entries = obj(json_of(response)).get("data")
        going: dict[str, RemoteStatus] = {}
        for entry in entries if isinstance(entries, list) else []:
            entry = obj(entry)
            task_id = text(entry.get("task_id"))
            word = (text(entry.get("status")) or text(entry.get("task_status")) or "").strip().upper()
            if task_id and word in _GOING:
                going[task_id] = _GOING[word]
        return going

    async def cancel(self, ctx: ProviderContext, remote_id: str) -> None:
        response = await ctx.http.request("POST", CANCEL_PATH.format(id=remote_id))
        if response.status_code >= 400:
            raise self.error(response)

    def error(self, response: Any) -> ProviderError:
        return generic_error(response)


def _seconds_between(start: object, end: object) -> float | None:
    """Seconds between two DashScope times ("2025-01-08 16:43:17.421", the same zone); None if unreadable."""
    if not isinstance(start, str) or not isinstance(end, str):
        return None
    try:
        seconds = (_when(end) - _when(start)).total_seconds()
    except (ValueError, TypeError):  # unreadable, or one with a zone and one without
        return None
    return seconds if seconds > 0 else None


def _when(value: str) -> datetime:
    # fromisoformat reads "2025-01-08 16:43:17.421" (Python 3.11+) without strptime's first-use cost
    # (an import, a locale lookup and regex compiles, ~20 ms)
    return datetime.fromisoformat(value.strip())
