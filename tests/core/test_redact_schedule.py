from __future__ import annotations

import base64

from core.redact import redact, register_secret
from core.tasks.schedule import PollSchedule


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


def test_schedule_is_quick_at_first_then_backs_off_to_a_cap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    schedule = PollSchedule.for_task(None)
    elapsed, times = 0.0, []
    while elapsed < 600:
        elapsed += schedule.next_delay(elapsed)
        times.append(elapsed)
    gaps = [b - a for a, b in zip([0.0, *times], times, strict=False)]
    assert gaps[0] == schedule.base
    assert max(g for t, g in zip(times, gaps, strict=True) if t <= 60) <= schedule.early_cap
    assert max(gaps) == schedule.cap
    assert sum(1 for t in times if t <= 20) <= 7  # the official SDK's 1-2-4-5 s ladder polls 9 times
    assert schedule.next_delay(0, hint=0.5) == 0.5


def test_schedule_uses_history_and_progress(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    schedule = PollSchedule.for_task(typical=40.0)
    first = schedule.next_delay(0)
    assert first == 36.0
    assert schedule.next_delay(36) == 2.0  # then closely, every 5 % of the usual duration
    # half done after 10 s: about 10 s remain, look again in about 5 s
    assert PollSchedule.for_task(None).next_delay(10, progress=0.5) == 5.0


def test_env_interval_fixes_the_schedule(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    schedule = PollSchedule.for_task(100.0)
    assert [schedule.next_delay(0) for _ in range(3)] == [0.05, 0.05, 0.05]


def test_with_true_durations_the_first_look_is_just_after_the_typical_end(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    exact = PollSchedule.for_task(typical=40.0, exact=True)
    first = exact.next_delay(0)
    assert 40.0 < first <= 40.0 * 1.05  # after the median, so a typical task is done at the first look
    assert exact.next_delay(first) == 2.0  # then every 5 %, as before
    # durations ClipDesk only saw are late by up to a poll gap: keep looking a little before them
    assert PollSchedule.for_task(typical=40.0).next_delay(0) == 36.0
