from __future__ import annotations

import base64

from core.redact import redact, register_secret
from core.schedule import PollSchedule


def test_registered_keys_and_blobs_are_redacted() -> None:
    register_secret("my-very-secret-key-123")
    blob = base64.b64encode(bytes(range(256)) * 2).decode()
    text = (
        "key my-very-secret-key-123 Authorization: Bearer abcdef123 API-KEY: zzzz9999 "
        f"sk-abcdefghijk data:image/png;base64,{blob} raw {blob}"
    )
    out = redact(text)
    for secret in ("my-very-secret-key-123", "abcdef123", "zzzz9999", "sk-abcdefghijk", blob[:50]):
        assert secret not in out


def test_schedule_backs_off_to_a_cap_and_honours_hints(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    schedule = PollSchedule.for_task(None)
    delays = [schedule.next_delay(0) for _ in range(10)]
    assert delays[0] == schedule.base
    assert delays == sorted(delays)
    assert max(delays) == schedule.cap
    assert schedule.next_delay(0, hint=0.5) == 0.5


def test_schedule_uses_history_and_progress(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    first = PollSchedule.for_task(typical=40.0).next_delay(0)
    assert 30 <= first <= 40
    # half done after 10 s: about 10 s remain, look again in about 5 s
    assert PollSchedule.for_task(None).next_delay(10, progress=0.5) == 5.0


def test_env_interval_fixes_the_schedule(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    schedule = PollSchedule.for_task(100.0)
    assert [schedule.next_delay(0) for _ in range(3)] == [0.05, 0.05, 0.05]
