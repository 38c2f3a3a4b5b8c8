"""Dialect A: Alibaba Bailian / DashScope video-synthesis (providers.md §1, §7-A).

Served under ``prefix`` (default ``/alibailian``, the gateway form) AND without it (upstream form):
  POST {p}/api/v1/services/aigc/video-generation/video-synthesis   (Bearer, X-DashScope-Async: enable)
  GET  {p}/api/v1/tasks/{task_id}                                  PENDING → RUNNING → SUCCEEDED/FAILED
  POST {p}/api/v1/tasks/{task_id}/cancel                           PENDING only
Errors are ``{"request_id","code","message"}`` with the HTTP status of DashScope's code table.
"""

from __future__ import annotations

import base64
import binascii
import re
import time
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
)

DEFAULT_MODELS = frozenset(
    {
        "wan2.5-i2v-preview",
        "wan2.6-i2v",
        "wan2.6-i2v-flash",
        "wan2.2-i2v-flash",
        "wan2.2-i2v-plus",
        "wanx2.1-i2v-plus",
        "wanx2.1-i2v-turbo",
    }
)
RESOLUTIONS = ("480P", "720P", "1080P")
MAX_IMAGE_BYTES = 10 * 1024 * 1024

_ERRORS: dict[str, tuple[int, str, str]] = {
    "auth": (401, "InvalidApiKey", "Invalid API-key provided."),
    "balance": (400, "Arrearage", "Access denied, please make sure your account is in good standing."),
    "ratelimit": (429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later."),
    "moderation": (400, "DataInspectionFailed", "Input data may contain inappropriate content."),
    "internal": (500, "InternalError", "An internal error has occured, please try again later."),
    "unavailable": (503, "ServiceUnavailable", "The service is temporarily unavailable."),
    "invalid": (400, "InvalidParameter", "Invalid parameter."),
    "not_found": (404, "NotFound", "Not found."),
    "method_not_allowed": (405, "MethodNotAllowed", "Method not allowed."),
    "sync": (403, "AccessDenied", "current user api does not support synchronous calls"),
}


def _ts(epoch: float) -> str:
    ms = int((epoch % 1) * 1000)
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(epoch)) + f".{ms:03d}"


class DashScopeEmulator(Emulator):
    dialect = "dashscope"

    def __init__(
        self,
        *,
        prefix: str = "/alibailian",
        models: frozenset[str] | set[str] = DEFAULT_MODELS,
        durations: tuple[int, ...] = (5, 10),
        require_async_header: bool = True,
        billed_seconds: int | None = None,
        **kwargs: Any,
    ) -> None:
        """``billed_seconds``: the ``usage.duration`` every task reports (default: what it asked)."""
        super().__init__(**kwargs)
        self.billed_seconds = billed_seconds
        self.prefix = prefix.rstrip("/")
        self.models = frozenset(models)
        self.durations = durations
        self.require_async_header = require_async_header

    def routes(self) -> list[Route]:
        p = f"(?:{re.escape(self.prefix)})?" if self.prefix else ""
        return [
            ("POST", p + r"/api/v1/services/aigc/video-generation/video-synthesis", self.submit),
            # Alibaba's path for the first-and-last-frame models (beyond seed 000)
            ("POST", p + r"/api/v1/services/aigc/image2video/video-synthesis", self.submit),
            ("GET", p + r"/api/v1/tasks/?", self.list_tasks),
            ("GET", p + r"/api/v1/tasks/([^/]+)", self.poll),
            ("POST", p + r"/api/v1/tasks/([^/]+)/cancel", self.cancel),
        ]

    def error_reply(self, kind: str, req: RecordedRequest, message: str | None = None) -> Reply:
        status, code, default = _ERRORS.get(kind, (400, "InvalidParameter", kind))
        body = {"request_id": str(uuid.uuid4()), "code": code, "message": message or default}
        return json_reply(status, body)

    def file_url(self, task: Task) -> str:
        expires = int(self.expires_at(task))
        return (
            f"{self.base_url}/files/{task.file_id}.mp4"
            f"?Expires={expires}&OSSAccessKeyId=LTAIemulator&Signature=emu%2Fsig%3D"
        )

    # ------------------------------------------------------------------ submit
    def submit(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        if self.require_async_header and (req.header("X-DashScope-Async") or "").lower() != "enable":
            return self.error_reply("sync", req)
        early, sc = self.guard_submit(req)
        if early is not None:
            return early
        kf2v = "/image2video/" in req.path
        problem = self.validate_kf2v(req.json) if kf2v else self.validate(req.json)
        if problem is not None:
            return self.error_reply("invalid", req, problem)
        task = self.create_task(req, sc, req.json)
        body = {"request_id": str(uuid.uuid4()), "output": {"task_id": task.id, "task_status": "PENDING"}}
        return self.submit_reply(task, json_reply(200, body))

    def validate_kf2v(self, body: Any) -> str | None:
        """The first-and-last-frame models: only here, with first_frame_url and last_frame_url."""
        if not isinstance(body, dict) or "-kf2v-" not in str(body.get("model")):
            return "Model not exist."
        inp = body.get("input") if isinstance(body.get("input"), dict) else {}
        for name in ("first_frame_url", "last_frame_url"):
            if not isinstance(inp.get(name), str) or not inp[name]:
                return f"The {name} is required."
            problem = _check_image(inp[name])
            if problem:
                return problem
        return None

    def validate(self, body: Any) -> str | None:
        if not isinstance(body, dict):
            return "Request body must be a JSON object."
        model = body.get("model")
        if not model:
            return "Model is required."  # DashScope: BadRequest.EmptyModel
        if model not in self.models:
            return "Model not exist."
        inp = body.get("input")
        if not isinstance(inp, dict):
            return "input is required."
        img = inp.get("img_url")
        if not img or not isinstance(img, str):
            return "The img_url is required."
        problem = _check_image(img)
        if problem:
            return problem
        params = body.get("parameters") or {}
        if not isinstance(params, dict):
            return "parameters must be an object."
        res = params.get("resolution")
        if res is not None and res not in RESOLUTIONS:
            return f"The resolution is invalid: {res!r}; expected one of 480P, 720P, 1080P."
        dur = params.get("duration")
        if dur is not None and (type(dur) is not int or dur not in self.durations):
            return f"The duration is invalid: {dur!r}; expected one of {list(self.durations)}."
        return None

    # ------------------------------------------------------------------ poll
    def poll(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, task, sc = self.begin_poll(req, m.group(1))
        if early is not None:
            return early
        request_id = str(uuid.uuid4())
        if task is None:
            body = {"request_id": request_id, "output": {"task_id": m.group(1), "task_status": "UNKNOWN"}}
            return self.end_poll(task, sc, json_reply(200, body))
        phase, _progress = self.phase(task)
        out: dict[str, Any] = {"task_id": task.id, "submit_time": _ts(task.created)}
        if phase == QUEUED:
            out["task_status"] = "PENDING"
        elif phase == RUNNING:
            out["task_status"] = "RUNNING"
            out["scheduled_time"] = _ts(task.created)
        elif phase == CANCELED:
            out["task_status"] = "CANCELED"
        else:
            out["scheduled_time"] = _ts(task.created)
            out["end_time"] = _ts(task.finished_at or self.now())
            if phase == SUCCEEDED:
                prompt = ((task.body or {}).get("input") or {}).get("prompt", "")
                out.update(
                    task_status="SUCCEEDED",
                    video_url=self.file_url(task),
                    orig_prompt=prompt,
                    actual_prompt=prompt,
                )
            elif phase == MODERATED:
                out.update(
                    task_status="FAILED",
                    code="DataInspectionFailed",
                    message="Output data may contain inappropriate content.",
                )
            else:  # FAILED, DELETED
                out.update(
                    task_status="FAILED", code="InternalError.Algo", message="Video generation failed."
                )
        body: dict[str, Any] = {"request_id": request_id, "output": out}
        if phase == SUCCEEDED:
            params = (task.body or {}).get("parameters") or {}
            sr = int(str(params.get("resolution", "1080P")).rstrip("Pp") or 1080)
            seconds = self.billed_seconds or params.get("duration", 5)
            body["usage"] = {"duration": seconds, "video_count": 1, "SR": sr}
        return self.end_poll(task, sc, json_reply(200, body))

    # ------------------------------------------------------------------ list
    def list_tasks(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        """The key's tasks, newest first, a page at a time (``page_no``, ``page_size`` up to 100),
        optionally of one ``status`` or ``model_name``. On the clock, looking does not move a task
        on; with progression by polls, being listed counts as a poll."""
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        key = self.api_key(req)
        with self.lock:
            mine = [t for t in self.tasks.values() if t.key == key]
        mine.sort(key=lambda t: t.created, reverse=True)
        words = {QUEUED: "PENDING", RUNNING: "RUNNING", SUCCEEDED: "SUCCEEDED", CANCELED: "CANCELED"}
        rows = []
        by_polls = self.seconds_queued is None and self.seconds_running is None
        for task in mine:
            phase, _progress = self.phase(task, advance=by_polls)
            row = {
                "task_id": task.id,
                "status": words.get(phase, "FAILED"),
                "model_name": (task.body or {}).get("model"),
                "gmt_create": _ts(task.created),
                "request_id": str(uuid.uuid4()),
            }
            if task.finished_at is not None:
                row["end_time"] = _ts(task.finished_at)
            rows.append(row)
        status, model = req.q("status"), req.q("model_name")
        rows = [
            r
            for r in rows
            if (not status or r["status"] == status) and (not model or r["model_name"] == model)
        ]
        try:
            page_no = max(int(req.q("page_no") or 1), 1)
            page_size = min(max(int(req.q("page_size") or 10), 1), 100)
        except ValueError:
            return self.error_reply("invalid", req, "page_no and page_size must be integers")
        page = rows[(page_no - 1) * page_size : page_no * page_size]
        body = {
            "request_id": str(uuid.uuid4()),
            "data": page,
            "total": len(rows),
            "total_page": -(-len(rows) // page_size),
            "page_no": page_no,
            "page_size": page_size,
        }
        return json_reply(200, body)

    # ------------------------------------------------------------------ cancel
    def cancel(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        with self.lock:
            task = self.tasks.get(m.group(1))
            if task is None:
                return self.error_reply("invalid", req, "task can not be found.")
            phase, _ = self.phase(task, advance=False)
            if phase != QUEUED:
                msg = f"Failed to cancel the task, please confirm if the task is in PENDING status ({phase})."
                body = {"request_id": str(uuid.uuid4()), "code": "UnsupportedOperation", "message": msg}
                return json_reply(400, body)
            task.forced = CANCELED
        return json_reply(200, {"request_id": str(uuid.uuid4())})


_DATA_URI = re.compile(r"^data:(image/[\w.+-]+);base64,(.*)$", re.DOTALL)


def _check_image(img: str) -> str | None:
    if img.startswith(("http://", "https://", "oss://")):
        return None
    m = _DATA_URI.match(img)
    if not m:
        return "url error, please check url!"
    try:
        raw = base64.b64decode(m.group(2), validate=True)
    except (binascii.Error, ValueError):
        return "The img_url base64 data is invalid."
    if len(raw) > MAX_IMAGE_BYTES:
        return "The image size exceeds the limit of 10MB."
    return None
