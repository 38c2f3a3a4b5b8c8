"""Dialect D: "AiSphere" gateway (providers.md §4, §7-D). Only the submit page is known (SD3).

  POST /api/v1/video/generation          Bearer; ``_action:"i2v"``, ``model`` aisphere-*, ``image.imageUrl``
                                         (or ``headtailImages`` / ``characterImages`` modes)
  GET  /api/v1/video/generation/{id}     poll — A GUESS: the real poll API is unknown (providers.md §8).
                                         Change it with ``poll_path`` (a regex with one group).
Envelope: ``{"code":0,"message","request_id","data":{"task_id","task_status","urls","expired","usage"}}``;
errors are a non-zero ``code`` (here the HTTP status number) with ``message``, sent with that HTTP status
(or always 200 with ``error_http="200"``). Status words are configurable (``status_words``) because
the real enum is unknown: pass a preset name from ``STATUS_PRESETS`` or a dict phase → word.
"""

from __future__ import annotations

import re
import time
import uuid
from typing import Any

from .base import (
    CANCELED,
    DELETED,
    FAILED,
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

MODELS = ("aisphere-v5.5", "aisphere-v5", "aisphere-v4.5", "aisphere-v4", "aisphere-v3.5")
RESOLUTIONS = ("360p", "540p", "720p", "1080p")
STYLES = ("anime", "3d_animation", "clay", "normal", "comic", "cyberpunk")

STATUS_PRESETS: dict[str, dict[str, str]] = {
    "default": {QUEUED: "pending", RUNNING: "processing", SUCCEEDED: "succeeded", FAILED: "failed"},
    "upper": {QUEUED: "PENDING", RUNNING: "RUNNING", SUCCEEDED: "SUCCESS", FAILED: "FAILURE"},
    "openai": {QUEUED: "queued", RUNNING: "in_progress", SUCCEEDED: "completed", FAILED: "failed"},
    "dashscope": {QUEUED: "PENDING", RUNNING: "RUNNING", SUCCEEDED: "SUCCEEDED", FAILED: "FAILED"},
}

_ERRORS: dict[str, tuple[int, str]] = {
    "auth": (401, "invalid api key"),
    "balance": (402, "insufficient balance"),
    "ratelimit": (429, "too many requests, please retry later"),
    "moderation": (400, "content moderation failed: the input contains sensitive content"),
    "internal": (500, "internal server error"),
    "unavailable": (503, "service unavailable"),
    "invalid": (400, "invalid parameter"),
    "not_found": (404, "task not found"),
    "method_not_allowed": (405, "method not allowed"),
}


class AiSphereEmulator(Emulator):
    dialect = "aisphere"

    def __init__(
        self,
        *,
        status_words: str | dict[str, str] = "default",
        poll_path: str = r"/api/v1/video/generation/([^/]+)",
        error_http: str = "mirror",
        result_in_submit: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.result_in_submit = result_in_submit  # the submit's answer already holds urls and usage
        words = STATUS_PRESETS[status_words] if isinstance(status_words, str) else status_words
        self.status_words = {**STATUS_PRESETS["default"], **words}
        self.poll_path = poll_path
        self.error_http = error_http

    def routes(self) -> list[Route]:
        return [("POST", r"/api/v1/video/generation", self.submit), ("GET", self.poll_path, self.poll)]

    def new_task_id(self) -> str:
        return uuid.uuid4().hex

    def error_reply(self, kind: str, req: RecordedRequest, message: str | None = None) -> Reply:
        status, default = _ERRORS.get(kind, (400, kind))
        body = {"code": status, "message": message or default, "request_id": str(uuid.uuid4()), "data": None}
        return json_reply(200 if self.error_http == "200" else status, body)

    def envelope(self, data: dict[str, Any], message: str = "success") -> Reply:
        return json_reply(200, {"code": 0, "message": message, "request_id": str(uuid.uuid4()), "data": data})

    # ------------------------------------------------------------------ submit
    def submit(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, sc = self.guard_submit(req)
        if early is not None:
            return early
        problem = self.validate(req.json)
        if problem is not None:
            return self.error_reply("invalid", req, problem)
        task = self.create_task(req, sc, req.json)
        task.extra["mode"] = _mode(req.json)
        if self.result_in_submit:
            task.released = True
            phase, _ = self.phase(task, advance=False)
            return self.submit_reply(task, self.envelope(self._data(task, phase)))
        return self.submit_reply(task, self.envelope(self._data(task, QUEUED)))

    def validate(self, body: Any) -> str | None:
        if not isinstance(body, dict):
            return "body must be a JSON object"
        if body.get("_action") != "i2v":
            return '_action must be "i2v"'
        model = body.get("model")
        if model not in MODELS:
            return f"model {model!r} not supported"
        if not body.get("prompt"):
            return "prompt is required"
        mode = _mode(body)
        image = body.get("image")
        if not isinstance(image, dict) or not image.get("imageUrl"):
            return "image.imageUrl is required"  # seed 003: image* in every mode
        if mode == "reference":
            refs = body["characterImages"]
            if model not in ("aisphere-v4.5", "aisphere-v5"):
                return "characterImages is only supported by aisphere-v4.5 and aisphere-v5"
            if not isinstance(refs, list) or not all(isinstance(r, dict) and r.get("imageUrl") for r in refs):
                return "characterImages must be a list of {imageUrl, type, refName}"
        if mode == "headtail" and body.get("style"):
            return "style is not supported with headtailImages"
        duration = body.get("duration", 5)
        if duration not in (5, 8, 10) or type(duration) is not int:
            return f"duration {duration!r} not supported"
        if duration == 10 and model != "aisphere-v5.5":
            return "duration 10 is only supported by aisphere-v5.5"
        resolution = body.get("resolution", "720p")
        if resolution not in RESOLUTIONS:
            return f"resolution {resolution!r} not supported"
        motion = body.get("motionMode", "normal")
        if motion not in ("normal", "fast"):
            return f"motionMode {motion!r} not supported"
        if motion == "fast" and (duration != 5 or resolution == "1080p"):
            return "fast only available when duration=5 and resolution is not 1080p"
        style = body.get("style")
        if style and (style not in STYLES or (model == "aisphere-v5.5" and style != "normal")):
            return f"style {style!r} not supported by {model}"
        if body.get("cameraMovement") and model not in ("aisphere-v4", "aisphere-v4.5"):
            return "cameraMovement is only supported by aisphere-v4 and aisphere-v4.5"
        return None

    # ------------------------------------------------------------------ poll
    def poll(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        early, task, sc = self.begin_poll(req, m.group(1))
        if early is not None:
            return early
        if task is None:
            return self.end_poll(task, sc, self.error_reply("not_found", req))
        phase, _ = self.phase(task)
        message = "success"
        if phase == MODERATED:
            message = "content moderation failed: the output contains sensitive content"
        elif phase in (FAILED, CANCELED, DELETED):
            message = "video generation failed"
        return self.end_poll(task, sc, self.envelope(self._data(task, phase), message))

    def _data(self, task: Task, phase: str) -> dict[str, Any]:
        word_key = phase if phase in (QUEUED, RUNNING, SUCCEEDED) else FAILED
        done = phase == SUCCEEDED
        body = task.body or {}
        return {
            "task_id": task.id,
            "task_status": self.status_words[word_key],
            "urls": [self.file_url(task)] if done else [],
            "expired": (
                time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.expires_at(task))) if done else None
            ),
            "usage": {
                "images": 0,
                "seconds": body.get("duration", 5) if done else 0,
                "input_tokens": 0,
                "output_tokens": 0,
                "total_tokens": 0,
            },
        }


def _mode(body: dict[str, Any]) -> str:
    if body.get("headtailImages"):
        return "headtail"
    if body.get("characterImages"):
        return "reference"
    return "image"
