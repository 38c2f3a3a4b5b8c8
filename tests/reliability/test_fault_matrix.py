"""Every remote dialect × every fault its emulator can inject, through the engine API in-process.

tests/test_faults_core_dialects.py and tests/providers check each dialect's own error mapping through
the CLI. This table asserts only what must hold whatever the dialect, for every fault:

- the task ends, in a named state (terminal, or ``unknown`` for a submit whose answer was lost), and
  the journal says the same as the engine;
- nothing crashed: no logged exception, no "internal error", a failure carries a kind from the closed
  vocabulary and a message;
- the server never got a second submit for the task, and got none when the fault refuses the submit;
- a fault that can be recovered from ends ``succeeded``; one that cannot, never does;
- the library holds exactly the verified video of a success and nothing at all otherwise, with no
  ``.part`` in it; no credential reached another host.

Besides the emulators' tokens and keys: ``slow-server`` (every answer later than the client's read
timeout, set short through CLIPDESK_HTTP_TIMEOUT), and ``#never`` bounded by the engine's deadline.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from core.errors import ErrorKind
from core.library import sidecar_path
from core.tasks.journal import TaskRecord, TaskState
from tests.emulators import COMMON_TOKENS, KEY_BAD, KEY_POOR, KEY_RATELIMIT
from tests.emulators import DIALECTS as EMULATORS
from tests.emulators.base import Emulator, ForeignHost, RecordedRequest, Reply
from tests.emulators.pixverse import PixVerseEmulator
from tests.reliability.support import (
    CASES,
    NAMED_STATES,
    REMOTE_DIALECTS,
    connect,
    engine_at,
    files_under,
    sha256_of,
    submits_with,
    videos_under,
)
from tests.support.images import make_image

SUCCEEDED, FAILED, EXPIRED, UNKNOWN = "succeeded", "failed", "expired", "unknown"
NOT_SUCCEEDED = frozenset({FAILED, EXPIRED, UNKNOWN, "cancelled"})
KINDS = frozenset(k.value for k in ErrorKind)
SLOW_LATENCY = 1.0  # seconds the slow server takes to answer...
SHORT_TIMEOUT = 0.3  # ...and how long the client waits for it
NEVER_DEADLINE = 1.0  # engine deadline for the #never case


@dataclass(frozen=True)
class Fault:
    """A fault and what must follow whatever the dialect: the states it may end in, the kinds its
    error may have (None: any), and how many tasks the server may have created for it."""

    states: frozenset[str]
    kinds: frozenset[str] | None = None
    created: frozenset[int] = frozenset({0, 1})
    token: str = ""
    key: str = "sk-ok"


def fault(
    states: str | set[str], kinds: set[str] | None = None, created: set[int] | None = None, **more: Any
) -> Fault:
    return Fault(
        states=frozenset({states} if isinstance(states, str) else states),
        kinds=frozenset(kinds) if kinds is not None else None,
        created=frozenset(created if created is not None else {0, 1}),
        **more,
    )


RECOVERABLE = fault(SUCCEEDED, created={1})
FAULTS: dict[str, Fault] = {
    "none": RECOVERABLE,
    f"key:{KEY_BAD}": fault(FAILED, {"auth"}, {0}, key=KEY_BAD),
    f"key:{KEY_POOR}": fault(FAILED, {"balance"}, {0}, key=KEY_POOR),
    f"key:{KEY_RATELIMIT}": fault(SUCCEEDED, created={1}, key=KEY_RATELIMIT),
    "moderate-submit": fault(FAILED, {"moderation"}, {0}),
    "moderate-result": fault(FAILED, {"moderation"}, {1}),
    "fail": fault(FAILED, {"upstream_failed"}, {1}),
    "slow": RECOVERABLE,
    "never": fault(FAILED, {"upstream_failed"}, {1}),  # given up at the engine's deadline
    "reset-submit": fault(UNKNOWN, {"unknown"}, {1}),
    "500-submit": fault(NOT_SUCCEEDED, created={0}),
    "truncated-json": RECOVERABLE,
    "truncated-submit": fault(UNKNOWN, {"unknown"}, {1}),
    "truncated-file": RECOVERABLE,
    "expired-url": fault(NOT_SUCCEEDED, created={1}),
    "redirect": RECOVERABLE,
    "html": fault(NOT_SUCCEEDED, created={1}),
    "unknown-task": fault(NOT_SUCCEEDED, created={1}),
    "503-poll": RECOVERABLE,
    "429-poll": RECOVERABLE,
    "slow-server": fault(UNKNOWN, {"unknown"}, {1}),  # the submit's answer came after the timeout
}
# Dialect tokens (the PixVerse emulator's; the others have none of their own). The two "busy"
# answers are given once (see BusyOncePixVerse): the engine waits and sends again.
DIALECT_FAULTS: dict[str, dict[str, Fault]] = {
    "pixverse": {
        "moderate-image": fault(FAILED, {"moderation"}, {0}),
        "concurrency": RECOVERABLE,
        "high-load": RECOVERABLE,
        "502-submit": fault(NOT_SUCCEEDED, created={0}),
        "deleted": fault(NOT_SUCCEEDED, created={1}),
    },
}
# The OpenAI videos dialect always fetches /v1/videos/{id}/content from the gateway itself, so the
# result-link faults (a link to another host, a web page, an expired link) do not reach it.
NOT_APPLICABLE = {("openai-videos", "redirect"), ("openai-videos", "html"), ("openai-videos", "expired-url")}


class BusyOncePixVerse(PixVerseEmulator):
    """PixVerse busy for a moment: ``#concurrency`` / ``#high-load`` refuse the first submit only.
    (Always busy, the engine's backoff before giving up takes a minute.)"""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.busy_given: set[str] = set()

    def guard_submit(self, req: RecordedRequest) -> tuple[Reply | None, frozenset[str]]:
        early, sc = super().guard_submit(req)
        with self.lock:
            for token in ("concurrency", "high-load"):
                if token in sc and token in self.busy_given:
                    sc = sc - {token}
                elif token in sc:
                    self.busy_given.add(token)
        return early, sc


def matrix() -> Iterator[Any]:
    for dialect in REMOTE_DIALECTS:
        for name in [*FAULTS, *DIALECT_FAULTS.get(dialect, {})]:
            if (dialect, name) not in NOT_APPLICABLE:
                yield pytest.param(dialect, name, id=f"{dialect}-{name}")


def test_the_matrix_covers_every_emulator_token() -> None:
    assert set(COMMON_TOKENS) <= set(FAULTS)
    assert {"sk-bad", "sk-poor", "sk-ratelimit"} <= {f.key for f in FAULTS.values()}
    assert set(CASES) == set(REMOTE_DIALECTS) and len(REMOTE_DIALECTS) == 6


@pytest.mark.parametrize(("dialect", "name"), list(matrix()))
def test_fault(
    dialect: str,
    name: str,
    foreign_host: ForeignHost,
    tmp_path: Path,
    clipdesk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    expected = {**FAULTS, **DIALECT_FAULTS.get(dialect, {})}[name]
    case = CASES[dialect]
    token = "" if name == "none" or name.startswith("key:") or name == "slow-server" else f" #{name}"
    marker = f"matrix-{dialect}-{name}"
    key = name.removeprefix("key:") if name.startswith("key:") else "sk-ok"
    monkeypatch.setenv("CLIPDESK_API_KEY", key)
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    if name == "slow-server":
        monkeypatch.setenv("CLIPDESK_HTTP_TIMEOUT", str(SHORT_TIMEOUT))
    options: dict[str, Any] = {"retry_after": 0}
    if name == "slow-server":
        options["latency"] = SLOW_LATENCY
    emulator = BusyOncePixVerse if case.emulator == "pixverse" else EMULATORS[case.emulator]
    emu: Emulator = emulator(foreign=foreign_host, **options)
    image = make_image(tmp_path / "first.png") if case.needs_image else None
    request = case.request(f"a paper lantern drifting, {marker}{token}", image)
    caplog.set_level(logging.INFO)

    async def scenario() -> tuple[TaskRecord, TaskRecord | None]:
        deadline = NEVER_DEADLINE if name == "never" else None
        async with engine_at(deadline=deadline) as engine:
            connection = connect(engine, dialect, case.base_url(emu))
            record = await engine.create(connection, request)
            await asyncio.wait_for(engine.wait([record.id]), 120)
            return record, await engine.journal.get(record.id)

    with emu:
        record, stored = asyncio.run(scenario())
    assert not emu.errors, "emulator handler raised:\n" + "\n".join(emu.errors)

    state, error = record.state.value, record.error_kind
    outcome = f"{dialect} {name}: {state} {error}: {record.error_message}"
    # the task ended in a named state, and the journal says so too
    assert state in NAMED_STATES and (record.state.terminal or record.state is TaskState.UNKNOWN), outcome
    assert stored is not None and stored.state is record.state and stored.error_kind == error
    # nothing crashed
    assert "Traceback" not in caplog.text and not [r for r in caplog.records if r.exc_info], caplog.text
    assert not (record.error_message or "").startswith("internal error"), outcome
    if state == SUCCEEDED:
        assert error is None, outcome
    else:
        assert error in KINDS and record.error_message, outcome
    # what must follow from this fault, whatever the dialect
    assert state in expected.states, outcome
    if expected.kinds is not None and state != SUCCEEDED:
        assert error in expected.kinds, outcome
    created = len(submits_with(emu, marker))
    assert created in expected.created, f"{outcome}; the server created {created}"
    assert created <= 1 and len(emu.submits) <= 1
    # the library: exactly the verified video of a success, nothing otherwise
    library = videos_under(clipdesk_home / "library")
    if state == SUCCEEDED:
        served = hashlib.sha256(emu.content().all()).hexdigest()
        assert [str(p) for p in library] == [record.video_path]
        assert sha256_of(library[0]) == record.video_sha256 == served
        assert sidecar_path(library[0]).is_file()  # what it is, beside it
    else:
        assert files_under(clipdesk_home / "library") == [], outcome
    assert files_under(clipdesk_home / "library", "*.part") == []
    assert foreign_host.credential_headers() == []
