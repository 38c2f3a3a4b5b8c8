"""What the reliability tests share: one valid request per dialect, emulators with extra knobs for
chaos (slow submits, held tasks, metered downloads), an in-process engine, and journal readers."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.config.connections import Connection, adhoc_name
from core.config.paths import Paths, default_paths
from core.config.secrets import SecretStore
from core.tasks.engine import Engine
from core.tasks.journal import Journal, TaskState
from core.tasks.request import GenerationRequest
from tests.emulators import DIALECTS as EMULATORS
from tests.emulators.base import RUNNING, Emulator, ForeignHost, RecordedRequest, Task
from tests.emulators.media import CHUNK, FileContent

NAMED_STATES = frozenset(s.value for s in TaskState)


@dataclass(frozen=True)
class DialectCase:
    """One dialect as a creator uses it: which emulator answers, a model, the URL prefix and the
    request fields every submit carries (all valid for the model)."""

    dialect: str
    emulator: str  # key of tests.emulators.DIALECTS
    model: str
    prefix: str = ""
    needs_image: bool = False
    duration: int | None = None
    resolution: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def base_url(self, emu: Emulator) -> str:
        return emu.base_url + self.prefix

    def request(self, prompt: str, image: Path | None = None, **changes: Any) -> GenerationRequest:
        fields: dict[str, Any] = {
            "model": self.model,
            "prompt": prompt,
            "image": str(image) if image is not None else None,
            "duration": self.duration,
            "resolution": self.resolution,
            "params": dict(self.params),
        }
        fields.update(changes)
        return GenerationRequest(**fields)

    def cli_args(self, emu: Emulator, prompt: str, image: Path | None = None) -> list[str]:
        args = ["generate", "--dialect", self.dialect, "--base-url", self.base_url(emu)]
        args += ["--model", self.model, "--prompt", prompt, "--json"]
        if image is not None:
            args += ["--image", str(image)]
        if self.duration is not None:
            args += ["--duration", str(self.duration)]
        if self.resolution is not None:
            args += ["--resolution", self.resolution]
        for key, value in self.params.items():
            args += ["--param", f"{key}={value}"]
        return args


CASES: dict[str, DialectCase] = {
    c.dialect: c
    for c in [
        DialectCase("dashscope", "dashscope", "wan2.5-i2v-preview", "/alibailian", True, 5, "720P"),
        DialectCase("newapi", "newapi", "kling-v1", duration=5),
        DialectCase("openai-videos", "newapi", "sora-2", duration=4),
        DialectCase("pixverse", "pixverse", "v5", duration=5, resolution="540p"),
        DialectCase("aisphere", "aisphere", "aisphere-v4", needs_image=True, duration=5, resolution="720p"),
        DialectCase("uniall", "uniall", "viduq3p-540p", duration=5),
    ]
}
REMOTE_DIALECTS = sorted(CASES)


# ------------------------------------------------------------------------------------ emulators


class MeteredContent(FileContent):
    """Served file bytes that can be slowed down, with a live count of what each download sent."""

    def __init__(self, size: int | None, delay: float) -> None:
        super().__init__(size)
        self.delay = delay
        self.meter = threading.Lock()
        self.active: dict[int, int] = {}  # download number -> bytes handed to the socket so far
        self.started = 0

    def iter(self, start: int, end: int, chunk: int = CHUNK) -> Iterator[bytes]:
        if chunk > CHUNK:  # read()/all() by a test: not a download
            yield from super().iter(start, end, chunk)
            return
        with self.meter:
            self.started += 1
            number = self.started
            self.active[number] = 0
        try:
            for piece in super().iter(start, end, chunk):
                yield piece
                with self.meter:
                    self.active[number] += len(piece)
                if self.delay:
                    time.sleep(self.delay)
        finally:
            with self.meter:
                self.active.pop(number, None)

    def most_sent(self) -> int:
        """Bytes sent by the furthest download in progress; -1 when none is."""
        with self.meter:
            return max(self.active.values(), default=-1)


class ChaosMixin(Emulator):
    """Knobs for the crash tests, on top of any dialect's emulator:

    - ``submit_delay``: every billed submit is answered this late (the task already exists, so a
      client killed meanwhile has a submit whose answer is lost); ``#slow-submit`` in the prompt
      uses ``slow_submit_delay`` instead;
    - ``hold``: tasks stay running until ``release`` (or until ``hold`` is switched off);
    - ``download_delay``: a pause after each 256 KiB of a result file, metered in ``content()``;
    - ``handlers``: requests being handled right now (to wait until the server is quiet).
    """

    submit_delay = 0.0
    slow_submit_delay = 0.0
    download_delay = 0.0
    hold = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.inflight_submits = 0
        self.handlers = 0

    def create_task(
        self, req: RecordedRequest, sc: frozenset[str], body: Any = None, task_id: str | None = None
    ) -> Task:
        task = super().create_task(req, sc, body, task_id)
        delay = self.slow_submit_delay if "slow-submit" in sc else self.submit_delay
        if delay:
            with self.lock:
                self.inflight_submits += 1
            try:
                time.sleep(delay)
            finally:
                with self.lock:
                    self.inflight_submits -= 1
        return task

    def phase(self, task: Task, advance: bool = True) -> tuple[str, int]:
        with self.lock:
            if self.hold and not task.released and task.forced is None:
                if advance:
                    task.polls += 1
                return RUNNING, 50
        return super().phase(task, advance)

    def content(self) -> MeteredContent:
        with self.lock:
            if self._content is None:
                self._content = MeteredContent(self.file_size, self.download_delay)
            assert isinstance(self._content, MeteredContent)
            return self._content

    def _handle(self, h: Any) -> None:
        with self.lock:
            self.handlers += 1
        try:
            super()._handle(h)
        finally:
            with self.lock:
                self.handlers -= 1

    def polls(self) -> int:
        """GET requests that were not downloads."""
        with self.lock:
            return sum(
                1
                for r in self.requests
                if r.method == "GET" and not r.path.startswith("/files/") and not r.path.endswith("/content")
            )

    def wait_quiet(self, settle: float = 0.3, limit: float = 20.0) -> None:
        """Until no request has been in the server for ``settle`` seconds (bounded by ``limit``)."""
        end = time.monotonic() + limit
        quiet_since: float | None = None
        while time.monotonic() < end:
            with self.lock:
                busy = self.handlers > 0 or self.inflight_submits > 0
            now = time.monotonic()
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = now
            elif now - quiet_since >= settle:
                return
            time.sleep(0.02)


def chaos_emulator(kind: str, foreign: ForeignHost | None = None, **knobs: Any) -> ChaosMixin:
    """An emulator of ``kind`` (dashscope, newapi, ...) with the chaos knobs set."""
    base = EMULATORS[kind]
    cls = type(f"Chaos{base.__name__}", (ChaosMixin, base), {})
    options = {k: v for k, v in knobs.items() if not hasattr(ChaosMixin, k)}
    emu: ChaosMixin = cls(foreign=foreign, **options)
    for name, value in knobs.items():
        if hasattr(ChaosMixin, name):
            setattr(emu, name, value)
    return emu


def submits_with(emu: Emulator, marker: str) -> list[RecordedRequest]:
    return [r for r in emu.submits if marker.encode() in r.body]


def remote_tasks_with(emu: Emulator, marker: str) -> list[Task]:
    with emu.lock:
        return [t for t in emu.tasks.values() if marker.encode() in t.request.body]


def served_sha256(emu: Emulator) -> str:
    return hashlib.sha256(emu.content().all()).hexdigest()


# ------------------------------------------------------------------------------------ engine


@asynccontextmanager
async def engine_at(paths: Paths | None = None, *, deadline: float | None = None) -> AsyncIterator[Engine]:
    """An engine on CLIPDESK_HOME's journal, as the CLI builds it (without the log file)."""
    paths = (paths or default_paths()).ensure()
    journal = Journal(paths.database)
    await journal.open()
    kwargs = {"deadline": deadline} if deadline is not None else {}
    engine = Engine(paths, journal, SecretStore(), {}, **kwargs)
    try:
        yield engine
    finally:
        await engine.close()
        await journal.close()


def connect(engine: Engine, dialect: str, base_url: str) -> str:
    name = adhoc_name(dialect, base_url)
    if name not in engine.connections:
        engine.add_connection(Connection(name=name, dialect=dialect, base_url=base_url))
    return name


# ------------------------------------------------------------------------------------ journal


def journal_path(home: Path) -> Path:
    return home / "data" / "clipdesk.sqlite3"


def journal_rows(home: Path) -> list[dict[str, Any]]:
    """Every task row, read straight from the SQLite file (no ClipDesk code involved)."""
    with closing_db(journal_path(home)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM tasks ORDER BY created_at")]


@contextmanager
def closing_db(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path)
    try:
        yield conn
    finally:
        conn.close()


def files_under(root: Path, pattern: str = "*") -> list[Path]:
    return sorted(p for p in root.rglob(pattern) if p.is_file()) if root.exists() else []


def videos_under(root: Path) -> list[Path]:
    """The files under ``root`` but the JSON sidecars finished videos have beside them."""
    return [p for p in files_under(root) if p.suffix != ".json"]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()
