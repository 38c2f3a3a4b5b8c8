"""Shared machinery for the loopback provider emulators.

One ``Emulator`` is a real threaded HTTP/1.1 server on 127.0.0.1 (random port by default) with
keep-alive, an in-memory task store, a record of every request, poll-count or clock based task
progression, result files under ``/files/{id}.mp4`` and scenario injection (see ``scenario``).
Dialect modules subclass it, add their routes and render errors in their own format through
``error_reply``.
"""

from __future__ import annotations

import math
import random
import re
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .media import FileContent, oss_error, serve_content
from .wire import (
    LoopbackServer,
    RecordedRequest,
    Reply,
    json_reply,
    read_request,
    send_reply,
)

KEY_OK = "sk-ok"
KEY_BAD = "sk-bad"
KEY_POOR = "sk-poor"
KEY_RATELIMIT = "sk-ratelimit"

#: tokens every dialect understands (prompt ``#token`` or header ``X-Emu-Scenario: token``)
COMMON_TOKENS = (
    "moderate-submit",
    "moderate-result",
    "fail",
    "slow",
    "never",
    "reset-submit",
    "500-submit",
    "truncated-json",
    "truncated-submit",
    "truncated-file",
    "expired-url",
    "redirect",
    "html",
    "unknown-task",
    "503-poll",
    "429-poll",
)

QUEUED, RUNNING, SUCCEEDED, FAILED, MODERATED, CANCELED, DELETED = (
    "queued",
    "running",
    "succeeded",
    "failed",
    "moderated",
    "canceled",
    "deleted",
)
TERMINAL = frozenset({SUCCEEDED, FAILED, MODERATED, CANCELED, DELETED})

_TOKEN = re.compile(r"#([a-z0-9][a-z0-9-]*)(?![\w-])", re.IGNORECASE)


@dataclass
class Task:
    id: str
    key: str | None
    scenarios: frozenset[str]
    created: float
    request: RecordedRequest
    body: Any
    polls: int = 0
    forced: str | None = None  # CANCELED / DELETED / ... set by the emulator or a test
    released: bool = False  # finish at the next poll, whatever the progression (see Emulator.release)
    finished_at: float | None = None
    file_id: str | None = None
    fired: set[str] = field(default_factory=set)  # one-shot injections already used
    extra: dict[str, Any] = field(default_factory=dict)  # dialect specific


@dataclass
class FileEntry:
    id: str
    created: float
    scenarios: frozenset[str]
    task_id: str | None = None
    attempts: int = 0


def scenario(req: RecordedRequest) -> frozenset[str]:
    """Scenario tokens of a request: ``#token`` anywhere in the body (the prompt) plus the
    comma/space separated ``X-Emu-Scenario`` header (with or without ``#``). Lower-case."""
    tokens = {m.group(1).lower() for m in _TOKEN.finditer(req.body.decode("utf-8", "replace"))}
    header = req.header("X-Emu-Scenario") or ""
    tokens.update(t.strip().lstrip("#").lower() for t in re.split(r"[,\s]+", header) if t.strip())
    return frozenset(tokens)


def bearer_key(req: RecordedRequest) -> str | None:
    auth = req.header("Authorization") or ""
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return None


Route = tuple[str, str, Callable[..., Reply]]


class Emulator:
    """Base loopback server. Subclasses override ``routes``, ``error_reply`` and maybe ``api_key``."""

    dialect = "base"

    def __init__(
        self,
        *,
        ticks_queued: int = 1,
        ticks_running: int = 2,
        seconds_queued: float | None = None,
        seconds_running: float | None = None,
        file_ttl: float = 7 * 24 * 3600,
        file_size: int | None = None,
        ratelimit_submits: int = 2,
        retry_after: int = 1,
        slow_factor: int = 10,
        running_cv: float | None = None,
        duration_seed: int = 1,
        truncated_polls: int = 1,
        truncate_delay: float = 0.3,
        latency: float = 0.0,
        foreign: ForeignHost | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.ticks_queued = ticks_queued
        self.ticks_running = ticks_running
        self.seconds_queued = seconds_queued
        self.seconds_running = seconds_running
        self.running_cv = running_cv
        self.duration_seed = duration_seed
        self.file_ttl = file_ttl
        self.file_size = file_size
        self.ratelimit_submits = ratelimit_submits
        self.retry_after = retry_after
        self.slow_factor = slow_factor
        self.truncated_polls = truncated_polls
        self.truncate_delay = truncate_delay
        self.slow_done = False  # set True: #slow tasks progress at the normal pace from now on
        self.latency = latency
        self.host = host
        self.port = port
        self.lock = threading.RLock()
        self.requests: list[RecordedRequest] = []
        self.tasks: dict[str, Task] = {}
        self.files: dict[str, FileEntry] = {}
        self.errors: list[str] = []  # tracebacks of emulator bugs (handler exceptions)
        self._submits: list[RecordedRequest] = []
        self._ratelimited: dict[str, int] = {}
        self._offset = 0.0
        self._foreign = foreign
        self._owns_foreign = False
        self._content: FileContent | None = None
        self._server: LoopbackServer | None = None
        self._compiled: list[tuple[str, re.Pattern[str], Callable[..., Reply]]] | None = None

    # ----------------------------------------------------------------- lifecycle
    def start(self) -> Emulator:
        if self._server is None:
            self._server = LoopbackServer((self.host, self.port), self._handle)
            self.port = self._server.port
            self._server.start(name=f"emu-{self.dialect}-{self.port}")
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.stop()
        if self._owns_foreign and self._foreign is not None:
            self._foreign.stop()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def foreign(self) -> ForeignHost:
        """The "other host" that ``#redirect`` file URLs point to (started on first use)."""
        with self.lock:
            if self._foreign is None:
                self._foreign = ForeignHost(file_size=self.file_size).start()
                self._owns_foreign = True
            return self._foreign

    # ----------------------------------------------------------------- clock & records
    def now(self) -> float:
        """Emulator clock (epoch seconds); ``advance`` moves it forward without sleeping."""
        return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        with self.lock:
            self._offset += seconds

    @property
    def submits(self) -> list[RecordedRequest]:
        """Submit requests that created a task (billed), including ``#reset-submit`` ones."""
        with self.lock:
            return list(self._submits)

    def count(self, method: str | None = None, path_prefix: str = "") -> int:
        with self.lock:
            return sum(
                1
                for r in self.requests
                if (method is None or r.method == method.upper()) and r.path.startswith(path_prefix)
            )

    def find(self, method: str | None = None, path_prefix: str = "") -> list[RecordedRequest]:
        with self.lock:
            return [
                r
                for r in self.requests
                if (method is None or r.method == method.upper()) and r.path.startswith(path_prefix)
            ]

    # ----------------------------------------------------------------- dialect hooks
    def routes(self) -> list[Route]:
        return []

    def api_key(self, req: RecordedRequest) -> str | None:
        return bearer_key(req)

    def error_reply(self, kind: str, req: RecordedRequest, message: str | None = None) -> Reply:
        """Render an error. kinds: auth, balance, ratelimit, moderation, internal, unavailable,
        invalid, not_found, bad_gateway. Dialects override; this generic form is a fallback."""
        status = {
            "auth": 401,
            "balance": 402,
            "ratelimit": 429,
            "moderation": 400,
            "internal": 500,
            "unavailable": 503,
            "invalid": 400,
            "not_found": 404,
            "bad_gateway": 502,
        }.get(kind, 400)
        return json_reply(status, {"error": {"code": kind, "message": message or kind}})

    def new_task_id(self) -> str:
        return str(uuid.uuid4())

    def file_url(self, task: Task) -> str:
        assert task.file_id is not None
        return f"{self.base_url}/files/{task.file_id}.mp4"

    # ----------------------------------------------------------------- submit / poll helpers
    def check_auth(self, req: RecordedRequest) -> Reply | None:
        key = self.api_key(req)
        if not key or key == KEY_BAD:
            return self.error_reply("auth", req)
        return None

    def guard_submit(self, req: RecordedRequest) -> tuple[Reply | None, frozenset[str]]:
        """Common submit-time injections, in order: auth, balance, rate limit, 500, moderation."""
        sc = scenario(req)
        denied = self.check_auth(req)
        if denied is not None:
            return denied, sc
        key = self.api_key(req)
        if key == KEY_POOR:
            return self.error_reply("balance", req), sc
        if key == KEY_RATELIMIT:
            with self.lock:
                n = self._ratelimited[key] = self._ratelimited.get(key, 0) + 1
            if n <= self.ratelimit_submits:
                return self.ratelimit_reply(req), sc
        if "500-submit" in sc:
            return self.error_reply("internal", req), sc
        if "moderate-submit" in sc:
            return self.error_reply("moderation", req), sc
        return None, sc

    def ratelimit_reply(self, req: RecordedRequest) -> Reply:
        reply = self.error_reply("ratelimit", req)
        reply.headers.setdefault("Retry-After", str(self.retry_after))
        return reply

    def create_task(
        self, req: RecordedRequest, sc: frozenset[str], body: Any = None, task_id: str | None = None
    ) -> Task:
        task = Task(
            id=task_id or self.new_task_id(),
            key=self.api_key(req),
            scenarios=sc,
            created=self.now(),
            request=req,
            body=req.data if body is None else body,
        )
        with self.lock:
            self.tasks[task.id] = task
            self._submits.append(req)
        return task

    def submit_reply(self, task: Task, reply: Reply) -> Reply:
        """The answer to a successful submit, unless ``#reset-submit`` drops it or
        ``#truncated-submit`` cuts its JSON in half (the task exists either way)."""
        if "reset-submit" in task.scenarios:
            return Reply(0, reset=True)
        if "truncated-submit" in task.scenarios and isinstance(reply.body, bytes):
            reply.body = reply.body[: max(len(reply.body) // 2, 1)]
        return reply

    def begin_poll(
        self, req: RecordedRequest, task_id: str
    ) -> tuple[Reply | None, Task | None, frozenset[str]]:
        """Auth, unknown task, and one-shot 503 / 429. Returns (early reply, task, scenarios);
        task is None when the id is unknown (or ``#unknown-task``) and the dialect must say so."""
        denied = self.check_auth(req)
        with self.lock:
            task = self.tasks.get(task_id)
        sc = scenario(req) | (task.scenarios if task else frozenset())
        if denied is not None:
            return denied, task, sc
        if task is None or "unknown-task" in sc:
            return None, None, sc
        with self.lock:
            if "503-poll" in sc and "503-poll" not in task.fired:
                task.fired.add("503-poll")
                return self.error_reply("unavailable", req), task, sc
            if "429-poll" in sc and "429-poll" not in task.fired:
                task.fired.add("429-poll")
                return self.ratelimit_reply(req), task, sc
        return None, task, sc

    def end_poll(self, task: Task | None, sc: frozenset[str], reply: Reply) -> Reply:
        """``#truncated-json``: the first ``truncated_polls`` answers are cut in the middle (a complete
        HTTP response whose JSON body ends half-way)."""
        if task is not None and "truncated-json" in sc and isinstance(reply.body, bytes):
            with self.lock:
                n = task.extra.get("truncated", 0)
                if n < self.truncated_polls:
                    task.extra["truncated"] = n + 1
                    reply.body = reply.body[: max(len(reply.body) // 2, 1)]
        return reply

    def phase(self, task: Task, advance: bool = True) -> tuple[str, int]:
        """(phase, progress 0–100) of a task; ``advance`` counts this observation as a poll."""
        with self.lock:
            if advance:
                task.polls += 1
            if task.forced:
                return task.forced, 0 if task.forced == CANCELED else 100
            sc = task.scenarios
            timed = self.seconds_queued is not None or self.seconds_running is not None
            if timed:
                q, r = float(self.seconds_queued or 0), self._running_seconds(task)
                t = self.now() - task.created
                if "slow" in sc and not self.slow_done:
                    r = max(r * self.slow_factor, 60.0)
                queued, running = t < q, t < q + r
            else:
                q, r = self.ticks_queued, self.ticks_running
                t = task.polls
                if "slow" in sc and not self.slow_done:
                    r = max(r * self.slow_factor, 20)
                queued, running = t <= q, t <= q + r
            if "never" in sc:
                r, running = math.inf, not queued
            if task.released:
                queued = running = False
            if queued:
                return QUEUED, 0
            if running:
                frac = (t - q) / (r + (0 if timed else 1)) if r not in (0, math.inf) else 0.0
                return RUNNING, min(max(int(frac * 100), 1), 99)
            outcome = FAILED if "fail" in sc else MODERATED if "moderate-result" in sc else SUCCEEDED
            if task.finished_at is None:
                # on the clock, the task ended when its time was up (not when someone looked)
                task.finished_at = task.created + q + r if timed and not task.released else self.now()
                if outcome == SUCCEEDED:
                    task.file_id = self.add_file(task.scenarios, task.id)
            if advance:
                task.extra.setdefault("noticed", self.now())  # the first poll that saw the end
            return outcome, 100

    def _running_seconds(self, task: Task) -> float:
        """``seconds_running``, or with ``running_cv`` this task's own draw from a log-normal spread
        with that median and coefficient of variation; the same prompt draws the same time."""
        r = float(self.seconds_running or 0)
        if not self.running_cv or not r:
            return r
        drawn = task.extra.get("running")
        if drawn is None:
            body = task.body if isinstance(task.body, dict) else {}
            inputs = body.get("input") if isinstance(body.get("input"), dict) else body
            sigma = math.sqrt(math.log(1 + self.running_cv**2))
            z = random.Random(f"{self.duration_seed}:{inputs.get('prompt')}").gauss(0.0, 1.0)
            drawn = task.extra["running"] = r * math.exp(sigma * z)
        return float(drawn)

    def release(self, task_id: str | None = None) -> None:
        """Let one task (or every task) finish at its next poll, even ``#slow`` / ``#never`` ones."""
        with self.lock:
            for task in self.tasks.values():
                if task_id is None or task.id == task_id:
                    task.released = True

    def expires_at(self, task: Task) -> float:
        return (task.finished_at or self.now()) + self.file_ttl

    # ----------------------------------------------------------------- files
    def add_file(self, scenarios: Iterable[str] = (), task_id: str | None = None) -> str:
        """Register a result file; returns its id (URL: ``{base_url}/files/{id}.mp4``)."""
        fid = uuid.uuid4().hex
        with self.lock:
            self.files[fid] = FileEntry(fid, self.now(), frozenset(scenarios), task_id)
        return fid

    def content(self) -> FileContent:
        with self.lock:
            if self._content is None:
                self._content = FileContent(self.file_size)
            return self._content

    def _serve_file(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        fid = m.group(1)
        with self.lock:
            entry = self.files.get(fid)
            if entry is not None:
                entry.attempts += 1
                attempt = entry.attempts
        if entry is None:
            return oss_error(404, "NoSuchKey", "The specified key does not exist.")
        sc = entry.scenarios | scenario(req)
        if "expired-url" in sc or self.now() > entry.created + self.file_ttl:
            return oss_error(403, "AccessDenied", "Request has expired.")
        if "redirect" in sc:
            query = urlsplit(req.raw_path).query
            location = f"{self.foreign.base_url}/files/{fid}.mp4" + (f"?{query}" if query else "")
            return Reply(302, b"", {"Location": location}, None)
        if "html" in sc:
            page = b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
            page += b"<h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
            return Reply(200, page, {}, "text/html; charset=utf-8")
        return serve_content(req, self.content(), cut=("truncated-file" in sc and attempt == 1))

    def _stats(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        """Counts for out-of-process benchmarks (the stats requests themselves excluded)."""
        with self.lock:
            seen = [r for r in self.requests if not r.path.startswith("/_emu/")]
            submits = len(self._submits)
        by_kind = {"files": sum(r.path.startswith("/files/") for r in seen)}
        by_kind["other"] = len(seen) - by_kind["files"]
        server = self._server
        return json_reply(
            200,
            {
                "requests": len(seen),
                "by_kind": by_kind,
                "submits": submits,
                "tasks": len(self.tasks),
                # per task: [provider's end, first poll that saw it] on the emulator's clock
                "timing": {
                    t.id: [t.finished_at, t.extra.get("noticed")]
                    for t in self.tasks.values()
                    if t.finished_at is not None
                },
                "connections": server.connections_opened if server is not None else 0,
            },
        )

    # ----------------------------------------------------------------- HTTP plumbing
    def _all_routes(self) -> list[tuple[str, re.Pattern[str], Callable[..., Reply]]]:
        if self._compiled is None:
            routes = [
                *self.routes(),
                ("GET", r"/files/([A-Za-z0-9_-]+)\.mp4", self._serve_file),
                ("GET", r"/_emu/stats", self._stats),
            ]
            self._compiled = [(m, re.compile(p), fn) for m, p, fn in routes]
        return self._compiled

    def _handle(self, h: Any) -> None:
        try:
            req = read_request(h, self.now())
        except (OSError, ValueError):
            h.close_connection = True
            return
        with self.lock:
            self.requests.append(req)
        reply = self._route(req)
        if self.latency:
            time.sleep(self.latency)
        send_reply(h, reply, self.truncate_delay)

    def _route(self, req: RecordedRequest) -> Reply:
        method = "GET" if req.method == "HEAD" else req.method
        path_matched = False
        for m, pattern, fn in self._all_routes():
            match = pattern.fullmatch(req.path)
            if match is None:
                continue
            path_matched = True
            if m != method:
                continue
            try:
                return fn(req, match)
            except Exception:
                tb = traceback.format_exc()
                with self.lock:
                    self.errors.append(tb)
                return json_reply(500, {"emulator_bug": tb})
        if path_matched:
            return self.error_reply("method_not_allowed", req, f"method {req.method} not allowed")
        # no such route: the web server's own page, as a wrong base URL meets it (not the API's JSON)
        page = f"<html><body><h1>404 Not Found</h1>no route for {req.method} {req.path}</body></html>"
        return Reply(404, page.encode(), {}, "text/html")


class ForeignHost(Emulator):
    """A second, unrelated host: serves any ``/files/{id}.mp4`` and records what reached it,
    so tests can assert that no ``Authorization`` / ``API-KEY`` followed a redirect."""

    dialect = "foreign"

    def _serve_file(self, req: RecordedRequest, m: re.Match[str]) -> Reply:
        return serve_content(req, self.content())

    def credential_headers(self) -> list[tuple[str, str]]:
        """(header, value) pairs of credentials that reached this host — should be empty."""
        names = ("authorization", "api-key", "x-api-key", "cookie", "proxy-authorization")
        with self.lock:
            return [(k, v) for r in self.requests for k, v in r.headers.items() if k.lower() in names]
