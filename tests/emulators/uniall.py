"""Dialect E: UniAll "old" /v1/video/generations for Vidu Q3 (providers.md §5, §7-E).

  POST /v1/video/generations          Bearer JSON → job object ``{id, task_id, object:"video.generation.job",
                                      model, status:"queued", progress:0, created_at}``
  GET  /v1/video/generations/{id}     job object (or the new-api wrapper with ``generations_shape="wrapped"``;
                                      the real shape of this GET is unknown, providers.md §8)
  GET  /v1/videos/{id}                job object: queued → in_progress → completed (video_url,
                                      result.outputs) | failed (error{code,message})
Errors (body shape unknown upstream; here OpenAI-like ``{"error":{"message","type","code"}}``): 401,
402/403 balance (``balance_status``), 429, 400 validation / input moderation, 404 unknown task.
"""

from __future__ import annotations

import re
from typing import Any

from .base import (
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
from .newapi import public_task_id

BASE_MODELS = tuple(f"viduq3{t}-{r}" for t in "pt" for r in ("540p", "720p", "1080p"))
_VARIANT = re.compile(r"^viduq3(?P<tier>[pt])-(?P<mix>mix-)?(?:540p|720p|1080p)(?P<offpeak>-offpeak)?$")

_ERRORS: dict[str, tuple[int, str, str, str]] = {  # kind → (status, type, code, message)
    "auth": (401, "authentication_error", "invalid_api_key", "Invalid token"),
    "balance": (402, "insufficient_quota", "insufficient_user_quota", "Insufficient balance"),
    "ratelimit": (429, "rate_limit_error", "rate_limit_exceeded", "Too many requests"),
    "moderation": (400, "invalid_request_error", "AuditSubmitIllegal", "The input failed content review"),
    "internal": (500, "server_error", "internal_error", "Internal server error"),
    "unavailable": (503, "server_error", "service_unavailable", "Service temporarily unavailable"),
    "invalid": (400, "invalid_request_error", "invalid_request", "Invalid request"),
    "not_found": (404, "invalid_request_error", "task_not_found", "Task not found"),
    "method_not_allowed": (405, "invalid_request_error", "method_not_allowed", "Method not allowed"),
}


class UniAllEmulator(Emulator):
    dialect = "uniall"

    def __init__(
        self,
        *,
        allow_variants: bool = True,
        balance_status: int = 402,
        generations_shape: str = "job",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.allow_variants = allow_variants  # -offpeak and -mix- model ids seen in the doc examples
        self.balance_status = balance_status
        self.generations_shape = generations_shape

    def routes(self) -> list[Route]:
        return [
            ("POST", r"/v1/video/generations", self.submit),
            ("GET", r"/v1/video/generations/([^/]+)", self.poll),
            ("GET", r"/v1/videos/([^/]+)", self.poll),
        ]

    def new_task_id(self) -> str:
        return public_task_id()

    def error_reply(self, kind: str, req: RecordedRequest, message: str | None = None) -> Reply:
        status, etype, code, default = _ERRORS.get(kind, _ERRORS["invalid"])
        if kind == "balance":
            status = self.balance_status
        return json_reply(status, {"error": {"message": message or default, "type": etype, "code": code}})

    # ------------------------------------------------------------------ submit
    def submit(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, sc = self.guard_submit(req)
        if early is not None:
            return early
        problem = self.validate(req.json)
        if problem is not None:
            return self.error_reply("invalid", req, problem)
        task = self.create_task(req, sc, req.json)
        task.extra["extra_body"] = req.json.get("extra_body") or {}
        return self.submit_reply(task, json_reply(200, self._job(task, QUEUED, 0, submit=True)))

    def _model_ok(self, model: Any) -> tuple[bool, bool]:
        """(known, is a mix model: the only ones that take reference images)"""
        if model in BASE_MODELS:
            return True, False
        m = _VARIANT.match(model) if isinstance(model, str) and self.allow_variants else None
        if m is None or (m.group("mix") and m.group("tier") != "p"):
            return False, False
        return True, bool(m.group("mix"))

    def validate(self, body: Any) -> str | None:
        if not isinstance(body, dict):
            return "body must be a JSON object"
        known, mix = self._model_ok(body.get("model"))
        if not known:
            return f"model {body.get('model')!r} not supported"
        if not body.get("prompt"):
            return "prompt is required"
        if body.get("last_image") and not body.get("image"):
            return "last_image requires image (first frame)"
        refs = body.get("reference_image_urls")
        if refs is not None:
            if not isinstance(refs, list) or not all(isinstance(u, str) and u for u in refs):
                return "reference_image_urls must be a list of URLs"
            if len(refs) > 4:
                return "reference_image_urls allows at most 4 images"
            if refs and not mix:  # seed 004: "只有 mix模式生效"
                return "reference_image_urls only works with mix models (viduq3p-mix-*)"
        duration = body.get("duration", 5)
        if isinstance(duration, str) and duration.strip().isdigit():
            duration = int(duration)
        if type(duration) is not int or not 1 <= duration <= 16:
            return f"duration {body.get('duration')!r} must be an integer 1-16"
        extra = body.get("extra_body")
        if extra is not None and not isinstance(extra, dict):
            return "extra_body must be an object"
        return None

    # ------------------------------------------------------------------ poll
    def poll(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, task, sc = self.begin_poll(req, m.group(1))
        if early is not None:
            return early
        if task is None:
            return self.end_poll(task, sc, self.error_reply("not_found", req))
        phase, progress = self.phase(task)
        job = self._job(task, phase, progress)
        if self.generations_shape == "wrapped" and req.path.startswith("/v1/video/generations/"):
            status = {QUEUED: "QUEUED", RUNNING: "IN_PROGRESS", SUCCEEDED: "SUCCESS"}.get(phase, "FAILURE")
            data = {
                "task_id": task.id,
                "status": status,
                "progress": f"{progress}%",
                "result_url": job["video_url"] or "",
                "fail_reason": (job["error"] or {}).get("message", ""),
            }
            return self.end_poll(task, sc, json_reply(200, {"code": "success", "message": "", "data": data}))
        return self.end_poll(task, sc, json_reply(200, job))

    def _job(self, task: Task, phase: str, progress: int, submit: bool = False) -> dict[str, Any]:
        status = "queued" if submit else {QUEUED: "queued", RUNNING: "in_progress"}.get(phase, "")
        status = status or ("completed" if phase == SUCCEEDED else "failed")
        url = self.file_url(task) if phase == SUCCEEDED and not submit else None
        error = None
        if status == "failed":
            error = (
                {"code": "CreationPolicyViolation", "message": "The output failed content review"}
                if phase == MODERATED
                else {"code": "generation_failed", "message": "Video generation failed"}
            )
        job: dict[str, Any] = {
            "id": task.id,
            "task_id": task.id,
            "object": "video.generation.job",
            "model": (task.body or {}).get("model"),
            "status": status,
            "progress": progress,
            "created_at": int(task.created),
        }
        if submit:
            return job
        job.update(
            video_url=url,
            result={"outputs": [url], "video_url": url} if url else None,
            error=error,
            thumbnail_url=None,
            metadata={},
        )
        return job
