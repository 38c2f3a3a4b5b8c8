"""Dialect C: new-api unified video routes + the OpenAI-compatible /v1/videos (providers.md §3, §7-C).

  POST /v1/video/generations         JSON (multipart tolerated)      → video object
  POST /v1/videos                    JSON or multipart (input_reference file) → video object
  GET  /v1/video/generations/{id}    {code:"success",data:{…}} wrapper, or the flat documented shape
                                     (constructor ``poll_shape="flat"`` or query ``?shape=flat``)
  GET  /v1/videos/{id}               OpenAI video object, result in ``metadata.url``; header
                                     ``openai-poll-after-ms``
  GET  /v1/videos/{id}/content       bytes (Range), 400 not completed, 404 unknown; needs auth
  GET  /v1/videos                    list, newest first (find a task created by a lost submit)
Errors: auth → 401 ``{"error":{…,"type":"new_api_error"}}``; task endpoints → ``{"code","message",
"data":null}`` (insufficient_user_quota 403, fail_to_fetch_task, task_not_exist, invalid_request).
"""

from __future__ import annotations

import json
import random
import re
import string
import uuid
from typing import Any

from .base import (
    CANCELED,
    MODERATED,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    Emulator,
    RecordedRequest,
    Reply,
    Route,
    Task,
    json_reply,
    serve_content,
)

SATURATED = "当前分组上游负载已饱和，请稍后再试"
SORA_SIZES = {"sora-2": {"720x1280", "1280x720"}}
SORA_SIZES["sora-2-pro"] = SORA_SIZES["sora-2"] | {"1792x1024", "1024x1792"}

_TASK_ERRORS: dict[str, tuple[int, str, str]] = {
    "ratelimit": (429, "fail_to_fetch_task", SATURATED),
    "moderation": (
        400,
        "fail_to_fetch_task",
        '{"code":"DataInspectionFailed","message":"Input data may contain inappropriate content."}',
    ),
    "internal": (500, "fail_to_fetch_task", '{"code":"InternalError","message":"upstream internal error"}'),
    "unavailable": (503, "service_unavailable", "service temporarily unavailable"),
    "invalid": (400, "invalid_request", "invalid request"),
    "not_found": (404, "not_found", "not found"),
    "method_not_allowed": (405, "method_not_allowed", "method not allowed"),
    "task_not_exist": (400, "task_not_exist", "task_not_exist"),
}


def public_task_id() -> str:
    return "task_" + "".join(random.choices(string.ascii_letters + string.digits, k=32))


class NewApiEmulator(Emulator):
    dialect = "newapi"

    def __init__(
        self,
        *,
        poll_shape: str = "wrapped",
        balance_status: int = 403,
        poll_after_ms: int = 200,
        not_start_openai_status: str = "queued",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.poll_shape = poll_shape
        self.balance_status = balance_status
        self.poll_after_ms = poll_after_ms
        self.not_start_openai_status = not_start_openai_status  # upstream new-api says "unknown"

    def routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/video/generations", self.submit),
            ("POST", r"/v1/videos", self.submit),
            ("GET", r"/v1/videos", self.list_videos),
            ("GET", r"/v1/video/generations/([^/]+)", self.poll_task),
            ("GET", r"/v1/videos/([^/]+)", self.poll_video),
            ("GET", r"/v1/videos/([^/]+)/content", self.content_of),
            ("GET", r"/v1/dashboard/billing/subscription", self.billing_subscription),
            ("GET", r"/v1/dashboard/billing/usage", self.billing_usage),
        ]

    # new-api's OpenAI-style billing routes, answered for the token itself (amounts in USD; the
    # usage in cents, as OpenAI's old dashboard API had it)
    quota_usd = 25.0
    used_usd = 5.5

    def billing_subscription(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        body = {
            "object": "billing_subscription",
            "has_payment_method": True,
            "soft_limit_usd": self.quota_usd,
            "hard_limit_usd": self.quota_usd,
            "system_hard_limit_usd": self.quota_usd,
            "access_until": 0,
        }
        return json_reply(200, body)

    def billing_usage(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        return json_reply(200, {"object": "list", "total_usage": self.used_usd * 100})

    def new_task_id(self) -> str:
        return public_task_id()

    def error_reply(self, kind: str, req: RecordedRequest, message: str | None = None) -> Reply:
        rid = uuid.uuid4().hex[:24]
        if kind == "auth":
            err = {"message": f"无效的令牌 (request id: {rid})", "type": "new_api_error", "code": ""}
            return json_reply(401, {"error": err})
        if kind == "balance":
            msg = message or "用户额度不足, 剩余额度: ＄0.000000"
            body = {"code": "insufficient_user_quota", "message": msg, "data": None}
            return json_reply(self.balance_status, body)
        status, code, default = _TASK_ERRORS.get(kind, (400, kind, kind))
        return json_reply(status, {"code": code, "message": message or default, "data": None})

    # ------------------------------------------------------------------ submit
    def submit(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, sc = self.guard_submit(req)
        if early is not None:
            return early
        data = dict(req.data)
        if not isinstance(req.json, dict) and not req.form and not req.files:
            return self.error_reply("invalid", req, "invalid request body")
        if not data.get("prompt"):
            return self.error_reply("invalid", req, "prompt is required")
        openai_route = req.path == "/v1/videos"
        model = data.get("model") or ("sora-2" if openai_route else None)
        if not model:
            return self.error_reply("invalid", req, "model is required")
        size = data.get("size")
        if model in SORA_SIZES and size is not None and size not in SORA_SIZES[model]:
            return self.error_reply("invalid", req, f"invalid size {size!r} for {model}")
        metadata = data.get("metadata")
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                return self.error_reply("invalid", req, "metadata must be a JSON object")
        images = data.get("images") or []
        images = [images] if isinstance(images, str) else list(images)
        if data.get("image"):
            images.insert(0, data["image"])
        problem = jimeng_problem(model, data, metadata)
        if problem:
            return self.error_reply("invalid", req, problem)
        ref = req.files.get("input_reference")
        if not images and ref is None and isinstance(data.get("input_reference"), str):
            images.append(data["input_reference"])
        task = self.create_task(req, sc, data)
        task.extra.update(
            model=model,
            metadata=metadata or {},
            images=images,
            input_reference=(
                {"filename": ref.filename, "content_type": ref.content_type, "size": len(ref.data)}
                if ref
                else None
            ),
            seconds=str(data.get("seconds") or data.get("duration") or "4"),
            size=size or "720x1280",
        )
        return self.submit_reply(task, json_reply(200, self._video_object(task, QUEUED, 0)))

    # ------------------------------------------------------------------ shapes
    def _openai_status(self, task: Task, phase: str) -> str:
        if phase == QUEUED:
            return self.not_start_openai_status if task.polls <= 1 else "queued"
        return {RUNNING: "in_progress", SUCCEEDED: "completed"}.get(phase, "failed")

    def _failure(self, phase: str) -> dict[str, str] | None:
        if phase == MODERATED:
            return {
                "code": "content_policy_violation",
                "message": "Output data may contain inappropriate content.",
            }
        if phase == CANCELED:
            return {"code": "canceled", "message": "task canceled upstream"}
        if phase not in (QUEUED, RUNNING, SUCCEEDED):
            return {"code": "generation_failed", "message": "video generation failed upstream"}
        return None

    def _video_object(self, task: Task, phase: str, progress: int) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "id": task.id,
            "task_id": task.id,
            "object": "video",
            "model": task.extra.get("model"),
            "status": "queued" if task.polls == 0 else self._openai_status(task, phase),
            "progress": progress,
            "created_at": int(task.created),
            "seconds": task.extra.get("seconds", "4"),
            "size": task.extra.get("size", "720x1280"),
            "prompt": (task.body or {}).get("prompt"),
            "error": self._failure(phase),
        }
        if phase == SUCCEEDED:
            obj["completed_at"] = int(task.finished_at or self.now())
            obj["expires_at"] = int(self.expires_at(task))
            obj["metadata"] = {"url": self.file_url(task)}
        elif phase not in (QUEUED, RUNNING):
            obj["completed_at"] = int(task.finished_at or self.now())
        return obj

    def _task_dto(self, task: Task, phase: str, progress: int) -> dict[str, Any]:
        if phase == QUEUED:
            status = ("NOT_START", "SUBMITTED", "QUEUED")[min(max(task.polls - 1, 0), 2)]
        else:
            status = {RUNNING: "IN_PROGRESS", SUCCEEDED: "SUCCESS"}.get(phase, "FAILURE")
        fail = self._failure(phase)
        return {
            "task_id": task.id,
            "platform": "emulator",
            "action": "generate",
            "status": status,
            "progress": f"{progress}%",
            "fail_reason": fail["message"] if fail else "",
            "result_url": self.file_url(task) if phase == SUCCEEDED else "",
            "submit_time": int(task.created),
            "start_time": int(task.created) if phase != QUEUED else 0,
            "finish_time": int(task.finished_at or 0),
            "data": {"upstream_status": status},
        }

    def _flat(self, task: Task, phase: str) -> dict[str, Any]:
        status = self._openai_status(task, phase)
        meta = task.extra.get("metadata") or {}
        out: dict[str, Any] = {
            "task_id": task.id,
            "status": status,
            "url": self.file_url(task) if phase == SUCCEEDED else "",
            "format": "mp4",
            "metadata": {"duration": task.extra.get("seconds"), "fps": 24, "seed": meta.get("seed", 0)},
        }
        fail = self._failure(phase)
        if fail:
            out["error"] = fail
        return out

    # ------------------------------------------------------------------ polls
    def poll_task(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, task, sc = self.begin_poll(req, m.group(1))
        if early is not None:
            return early
        if task is None:
            return self.end_poll(task, sc, self.error_reply("task_not_exist", req))
        phase, progress = self.phase(task)
        if (req.q("shape") or self.poll_shape) == "flat":
            return self.end_poll(task, sc, json_reply(200, self._flat(task, phase)))
        body = {"code": "success", "message": "", "data": self._task_dto(task, phase, progress)}
        return self.end_poll(task, sc, json_reply(200, body))

    def poll_video(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, task, sc = self.begin_poll(req, m.group(1))
        if early is not None:
            return early
        if task is None:
            return self.end_poll(task, sc, self.error_reply("task_not_exist", req))
        phase, progress = self.phase(task)
        reply = json_reply(200, self._video_object(task, phase, progress))
        if self.poll_after_ms > 0:  # 0: send no hint (benchmarks compare polling schedules)
            reply.headers["openai-poll-after-ms"] = str(self.poll_after_ms)
        return self.end_poll(task, sc, reply)

    def list_videos(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        key = self.api_key(req)
        with self.lock:
            mine = [t for t in self.tasks.values() if t.key == key]
        mine.sort(key=lambda t: t.created, reverse=(req.q("order") or "desc") == "desc")
        after = req.q("after")
        if after:
            ids = [t.id for t in mine]
            mine = mine[ids.index(after) + 1 :] if after in ids else []
        limit = int(req.q("limit") or 20)
        page = mine[:limit]
        data = [self._video_object(t, *self.phase(t, advance=False)) for t in page]
        return json_reply(
            200,
            {
                "object": "list",
                "data": data,
                "first_id": data[0]["id"] if data else None,
                "last_id": data[-1]["id"] if data else None,
                "has_more": len(mine) > limit,
            },
        )

    def content_of(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        with self.lock:
            task = self.tasks.get(m.group(1))
        if task is None:
            err = {"message": "Task not found", "type": "invalid_request_error"}
            return json_reply(404, {"error": err})
        phase, _ = self.phase(task, advance=False)
        if phase != SUCCEEDED or task.file_id is None:
            status = self._openai_status(task, phase)
            err = {
                "message": f"Task is not completed yet, current status: {status}",
                "type": "invalid_request_error",
            }
            return json_reply(400, {"error": err})
        with self.lock:
            entry = self.files[task.file_id]
            entry.attempts += 1
            attempt = entry.attempts
        if "expired-url" in entry.scenarios or self.now() > entry.created + self.file_ttl:
            err = {"message": "Failed to fetch video content: upstream returned 403", "type": "server_error"}
            return json_reply(502, {"error": err})
        return serve_content(req, self.content(), cut=("truncated-file" in entry.scenarios and attempt == 1))


def jimeng_problem(model: str, data: dict[str, Any], metadata: Any) -> str | None:
    """Seed 002's Jimeng shape: image-to-video is model jimeng_vgfm_t2v_l20 with
    metadata.req_key jimeng_vgfm_i2v_l20 and metadata.image_urls; no other Jimeng model id exists."""
    if not str(model).startswith("jimeng"):
        return None
    if model != "jimeng_vgfm_t2v_l20":
        return f"model {model!r} not supported"
    meta = metadata if isinstance(metadata, dict) else {}
    image = data.get("image")
    if not image:
        return "req_key jimeng_vgfm_i2v_l20 needs an image" if meta.get("req_key") else None
    if meta.get("req_key") != "jimeng_vgfm_i2v_l20":
        return "an image needs metadata.req_key jimeng_vgfm_i2v_l20"
    if not isinstance(image, str) or image.startswith("data:"):
        return "image must be a URL or bare base64"
    urls = meta.get("image_urls")
    if image.startswith(("http://", "https://")) and not urls:
        return "an image URL needs metadata.image_urls"
    if urls and not all(isinstance(u, str) and u.startswith(("http://", "https://")) for u in urls):
        return "metadata.image_urls takes URLs only"
    return None
