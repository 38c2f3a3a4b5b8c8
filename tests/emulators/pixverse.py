"""Dialect B: PixVerse OpenAPI v2 (providers.md §2, §7-B).

  POST /openapi/v2/image/upload               multipart file ``image`` or form ``image_url`` → Resp.img_id
  POST /openapi/v2/video/img/generate         JSON (img_id + combo rules) → Resp.video_id, credits
  POST /openapi/v2/video/text/generate        JSON (no image)
  POST /openapi/v2/video/transition/generate  JSON (first_frame_img, last_frame_img)
  GET  /openapi/v2/video/result/{video_id}    status 5 → 1 (url) | 7 moderation | 8 failed | 6 deleted
Every answer is ``{"ErrCode","ErrMsg","Resp"}``; errors are HTTP 200 with ErrCode ≠ 0, except the raw
HTTP 429 (``sk-ratelimit``, ``#429-poll``), 502 (``#502-submit``), 503 (``#503-poll``) and the HTTP 500
of ``#500-submit``. Headers: ``API-KEY``; ``Ai-trace-id`` recorded, must be a UUID, reuse tracked.

Dialect tokens besides the common ones: ``#moderate-image`` (500054), ``#concurrency`` (500044),
``#high-load`` (500069), ``#502-submit``, ``#deleted`` (result status 6).
"""

from __future__ import annotations

import itertools
import re
import time
import uuid
from typing import Any

from .base import (
    DELETED,
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

MODELS = ("v3.5", "v4", "v4.5", "v5", "v5.5", "v5.6", "v6", "c1")
QUALITIES = ("360p", "540p", "720p", "1080p")
STYLES = ("anime", "3d_animation", "day", "cyberpunk", "comic", "clay")
CAMERA = frozenset(
    [
        "horizontal_left",
        "horizontal_right",
        "vertical_up",
        "vertical_down",
        "zoom_in",
        "zoom_out",
        "crane_up",
        "quickly_zoom_in",
        "quickly_zoom_out",
        "smooth_zoom_in",
        "camera_rotation",
        "robo_arm",
        "super_dolly_out",
        "whip_pan",
        "hitchcock",
        "left_follow",
        "right_follow",
        "pan_left",
        "pan_right",
        "fix_bg",
    ]
)
IMAGE_MIMES = ("image/jpeg", "image/jpg", "image/png", "image/webp")
MAX_UPLOAD = 20 * 1024 * 1024

_ERRORS: dict[str, tuple[int, int, str]] = {  # kind → (HTTP status, ErrCode, ErrMsg)
    "auth": (200, 10004, "API key empty"),
    "balance": (200, 500090, "Insufficient balance"),
    "moderation": (200, 500063, "Prompt content moderation failed"),
    "moderate-image": (200, 500054, "Content moderation failed"),
    "concurrency": (200, 500044, "Generation limit reached"),
    "high-load": (200, 500069, "The system is currently under high load, please try again later"),
    "internal": (500, 500100, "Server error"),
    "invalid": (200, 400017, "Invalid parameter"),
    "empty": (200, 400011, "Empty parameter"),
    "prompt_too_long": (200, 400018, "Prompt too long"),
    "bad_image_id": (200, 400032, "Invalid image id"),
    "image_size": (200, 500030, "Image size invalid"),
    "image_format": (200, 500032, "Image format invalid"),
    "not_found": (200, 500008, "Requested data not found"),
}


def _durations_ok(model: str, quality: str, duration: Any) -> bool:
    if type(duration) is not int:
        return False
    if model in ("v6", "c1"):
        return 1 <= duration <= 15
    if model in ("v5.5", "v5.6"):
        return duration in (5, 8) or (duration == 10 and quality != "1080p")
    if model == "v3.5" and quality == "1080p":
        return duration == 5
    return duration in (5, 8)


class PixVerseEmulator(Emulator):
    dialect = "pixverse"

    def __init__(self, *, require_trace_id: bool = True, trace_reuse: str = "record", **kwargs: Any) -> None:
        """``trace_reuse``: what a generate with an already-seen Ai-trace-id does — "record" (accept,
        note it in ``reused_trace_ids``), "reject" (ErrCode 400017) or "idempotent" (same video_id)."""
        super().__init__(**kwargs)
        self.require_trace_id = require_trace_id
        self.trace_reuse = trace_reuse
        self.trace_ids: list[str] = []
        self.reused_trace_ids: list[str] = []
        self.images: dict[int, dict[str, Any]] = {}
        self._by_trace: dict[str, Reply] = {}
        self._ids = itertools.count(368_000_000_000 + int(time.time()) % 1000 * 1000)
        self.credits_charged: int | None = None  # set: every task reports this charge instead
        self.balance = {"account_id": 123452341, "credit_monthly": 1000, "credit_package": 250}

    def routes(self) -> list[Route]:
        return [
            ("POST", r"/openapi/v2/image/upload", self.upload),
            ("POST", r"/openapi/v2/video/img/generate", self.generate),
            ("POST", r"/openapi/v2/video/text/generate", self.generate),
            ("POST", r"/openapi/v2/video/transition/generate", self.generate),
            ("GET", r"/openapi/v2/video/result/([^/]+)", self.result),
            ("GET", r"/openapi/v2/account/balance", self.account_balance),
        ]

    def credits(self, body: dict[str, Any]) -> int:
        """What a task costs, as the "Model & Pricing" page lists it (v5 / v4.x): 45 credits for 5 s
        at 360p or 540p, 60 at 720p, 120 at 1080p; 8 s twice that, fast motion twice again."""
        if self.credits_charged is not None:
            return self.credits_charged
        base = {"360p": 45, "540p": 45, "720p": 60, "1080p": 120}.get(str(body.get("quality")), 60)
        duration = int(body.get("duration", 5))
        credits = base * {5: 1, 8: 2}.get(duration, duration / 5)
        return int(credits * (2 if body.get("motion_mode") == "fast" else 1))

    def account_balance(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        bad = self._check_headers(req)
        if bad is not None:
            return bad
        return self.ok(dict(self.balance))

    def api_key(self, req: RecordedRequest) -> str | None:
        return (req.header("API-KEY") or "").strip() or None

    def new_task_id(self) -> str:
        return str(next(self._ids))

    def error_reply(self, kind: str, req: RecordedRequest, message: str | None = None) -> Reply:
        if kind in ("ratelimit", "unavailable", "bad_gateway", "method_not_allowed"):
            status = {"ratelimit": 429, "unavailable": 503, "bad_gateway": 502}.get(kind, 405)
            page = f"<html><body><h1>{status}</h1>{kind}</body></html>".encode()
            return Reply(status, page, {}, "text/html")
        status, code, msg = _ERRORS.get(kind, _ERRORS["invalid"])
        return json_reply(status, {"ErrCode": code, "ErrMsg": message or msg, "Resp": None})

    @staticmethod
    def ok(resp: dict[str, Any]) -> Reply:
        return json_reply(200, {"ErrCode": 0, "ErrMsg": "success", "Resp": resp})

    # ------------------------------------------------------------------ headers
    def _check_headers(self, req: RecordedRequest) -> Reply | None:
        denied = self.check_auth(req)
        if denied is not None:
            return denied
        trace = req.header("Ai-trace-id")
        if trace:
            with self.lock:
                if trace in self.trace_ids:
                    self.reused_trace_ids.append(trace)
                self.trace_ids.append(trace)
        if self.require_trace_id:
            try:
                uuid.UUID(trace or "")
            except ValueError:
                return self.error_reply("invalid", req, "Ai-trace-id must be a UUID")
        return None

    # ------------------------------------------------------------------ upload
    def upload(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        bad = self._check_headers(req)
        if bad is not None:
            return bad
        file = req.files.get("image")
        url = req.form.get("image_url")
        if file is None and not url:
            return self.error_reply("empty", req, "image or image_url is required")
        if file is not None and url:
            return self.error_reply("invalid", req, "only one of image or image_url")
        if file is not None:
            if len(file.data) > MAX_UPLOAD:
                return self.error_reply("image_size", req, "Image must be smaller than 20MB")
            if file.content_type.lower() not in IMAGE_MIMES:
                return self.error_reply("image_format", req, f"Unsupported image type {file.content_type}")
            info = {"filename": file.filename, "content_type": file.content_type, "size": len(file.data)}
        else:
            if not str(url).startswith(("http://", "https://")):
                return self.error_reply("invalid", req, "image_url must be an http(s) URL")
            info = {"image_url": url}
        with self.lock:
            img_id = 1000 + len(self.images)
            self.images[img_id] = info
        return self.ok({"img_id": img_id})

    # ------------------------------------------------------------------ generate
    def generate(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        bad = self._check_headers(req)
        if bad is not None:
            return bad
        trace = req.header("Ai-trace-id") or ""
        with self.lock:
            if trace in self._by_trace and self.trace_reuse == "idempotent":
                return self._by_trace[trace]
        if trace in self.reused_trace_ids and self.trace_reuse == "reject":
            return self.error_reply("invalid", req, "Ai-trace-id already used")
        early, sc = self.guard_submit(req)
        if early is not None:
            return early
        for token in ("moderate-image", "concurrency", "high-load"):
            if token in sc:
                return self.error_reply(token, req)
        if "502-submit" in sc:
            return self.error_reply("bad_gateway", req)
        kind, problem = self.validate(req.path.rsplit("/", 2)[-2], req.json)
        if problem is not None:
            return self.error_reply(kind, req, problem)
        task = self.create_task(req, sc, req.json)
        reply = self.ok({"video_id": int(task.id), "credits": self.credits(req.json)})
        with self.lock:
            self._by_trace[trace] = reply
        return self.submit_reply(task, reply)

    def validate(self, action: str, body: Any) -> tuple[str, str | None]:
        if not isinstance(body, dict):
            return "invalid", "body must be a JSON object"
        for name in ("model", "prompt", "quality", "duration"):
            if body.get(name) in (None, ""):
                return "empty", f"{name} is required"
        model, quality, duration = body["model"], body["quality"], body["duration"]
        if model not in MODELS:
            return "invalid", f"model {model!r} not supported"
        if quality not in QUALITIES:
            return "invalid", f"quality {quality!r} not supported"
        if len(str(body["prompt"])) > 2048 or len(str(body.get("negative_prompt", ""))) > 2048:
            return "prompt_too_long", None
        if not _durations_ok(model, quality, duration):
            return "invalid", f"duration {duration!r} not allowed for {model} {quality}"
        motion = body.get("motion_mode")
        if motion not in (None, "normal", "fast"):
            return "invalid", f"motion_mode {motion!r}"
        if motion == "fast" and (duration != 5 or quality == "1080p"):
            return "invalid", "fast motion needs duration 5 and not 1080p"
        camera = body.get("camera_movement")
        if camera and (model not in ("v4", "v4.5") or camera not in CAMERA):
            return "invalid", f"camera_movement {camera!r} not allowed for {model}"
        if body.get("style") and body["style"] not in STYLES:
            return "invalid", f"style {body['style']!r}"
        seed = body.get("seed")
        if seed is not None and (type(seed) is not int or not 0 <= seed <= 2147483647):
            return "invalid", "seed out of range"
        images = {
            "img": [body.get("img_id")] if not body.get("img_ids") else body["img_ids"],
            "transition": [body.get("first_frame_img"), body.get("last_frame_img")],
            "text": [],
        }[action]
        for img in images:
            if type(img) is not int or img not in self.images:
                return "bad_image_id", f"invalid image id {img!r}"
        return "invalid", None

    # ------------------------------------------------------------------ result
    def result(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        bad = self._check_headers(req)
        if bad is not None:
            return bad
        early, task, sc = self.begin_poll(req, m.group(1))
        if early is not None:
            return early
        if task is None:
            return self.end_poll(task, sc, self.error_reply("not_found", req))
        if "deleted" in sc and task.forced is None:
            task.forced = DELETED
        phase, _ = self.phase(task)
        return self.end_poll(task, sc, self.ok(self._resp(task, phase)))

    def _resp(self, task: Task, phase: str) -> dict[str, Any]:
        status = {QUEUED: 5, RUNNING: 5, SUCCEEDED: 1, MODERATED: 7, DELETED: 6}.get(phase, 8)
        body = task.body or {}
        done = status == 1
        side = {"360p": 360, "540p": 540, "720p": 720, "1080p": 1080}.get(body.get("quality"), 720)
        return {
            "id": int(task.id),
            "status": status,
            "url": self.file_url(task) if done else "",
            "outputWidth": side * 16 // 9 if done else 0,
            "outputHeight": side if done else 0,
            "seed": body.get("seed", 0),
            "size": self.content().size if done else 0,
            "style": body.get("style", ""),
            "prompt": body.get("prompt", ""),
            "negative_prompt": body.get("negative_prompt", ""),
            "create_time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(task.created)),
            "modify_time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.now())),
            "resolution_ratio": side if done else 0,
            "has_audio": bool(body.get("generate_audio_switch")),
            "credits": self.credits(body),
        }
