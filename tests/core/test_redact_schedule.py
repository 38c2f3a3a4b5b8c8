from __future__ import annotations

import base64
import math

from core.redact import redact, register_secret
from core.tasks.schedule import PollSchedule, log_spread


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


def _looks(schedule: PollSchedule, until: float) -> list[float]:
    elapsed, times = 0.0, []
    while elapsed < until:
        elapsed += schedule.next_delay(elapsed)
        times.append(elapsed)
    return times


def test_schedule_is_quick_at_first_then_backs_off_to_a_cap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    schedule = PollSchedule.for_task(None)
    times = _looks(schedule, 600)
    gaps = [b - a for a, b in zip([0.0, *times], times, strict=False)]
    assert gaps[0] == schedule.base
    assert max(g for t, g in zip(times, gaps, strict=True) if t <= 60) <= schedule.early_cap
    assert max(g for t, g in zip(times, gaps, strict=True) if t <= 300) <= schedule.mid_cap
    assert max(gaps) == schedule.cap
    assert sum(1 for t in times if t <= 20) <= 7  # the official SDK's 1-2-4-5 s ladder polls 9 times
    assert schedule.next_delay(0, hint=0.5) == 0.5


def test_progress_steers_a_task_without_history(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    # half done after 10 s: about 10 s remain, look again in about 5 s
    assert PollSchedule.for_task(None).next_delay(10, progress=0.5) == 5.0


def test_env_interval_fixes_the_schedule(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    schedule = PollSchedule.for_task(100.0)
    assert [schedule.next_delay(0) for _ in range(3)] == [0.05, 0.05, 0.05]


def test_the_first_look_comes_before_the_median_by_the_spread(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    wide = PollSchedule.for_task(typical=60.0, exact=True, spread=0.35).next_delay(0)
    narrow = PollSchedule.for_task(typical=60.0, exact=True, spread=0.05).next_delay(0)
    assert wide < narrow < 60.0
    assert PollSchedule.for_task(typical=60.0).next_delay(0) == wide  # a median alone: a usual spread


def test_tasks_that_end_across_the_spread_are_noticed_within_a_gap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Durations of a log-normal spread (median 60 s, σ 0.34): every task between its 3rd and 98th
    percentile is seen done within one gap (at most 4 s) of its end, with fewer looks than the
    dashscope SDK's ladder (1 s, doubled every 3 polls, 5 s cap) makes for it."""
    monkeypatch.delenv("CLIPDESK_POLL_INTERVAL", raising=False)
    sigma = log_spread([60 * math.exp(0.34 * z) for z in (-1.5, -0.7, -0.2, 0.0, 0.3, 0.8, 1.4)])
    assert sigma is not None and 0.3 < sigma < 0.4
    for z in (-1.8, -1.0, 0.0, 1.0, 1.9):
        duration = 60 * math.exp(0.34 * z)
        schedule = PollSchedule.for_task(60.0, exact=True, spread=sigma)
        looks = [t for t in _looks(schedule, duration + 60) if t <= duration + 60]
        seen = next(t for t in looks if t >= duration)
        assert seen - duration <= schedule.gap <= 4.0
        assert len([t for t in looks if t <= seen]) < len([t for t in _sdk_looks() if t <= seen + 5])


def _sdk_looks() -> list[float]:
    times, elapsed, gap = [], 0.0, 1.0
    for n in range(1, 200):
        elapsed += gap
        times.append(elapsed)
        if n % 3 == 0:
            gap = min(gap * 2, 5.0)
    return times
