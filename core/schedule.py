"""When to poll next: quick at first, backing off to a cap, steered by hints, progress and history."""

from __future__ import annotations

import os
from dataclasses import dataclass

ENV_POLL_INTERVAL = "CLIPDESK_POLL_INTERVAL"


def env_interval() -> float | None:
    value = os.environ.get(ENV_POLL_INTERVAL)
    try:
        return max(0.01, float(value)) if value else None
    except ValueError:
        return None


@dataclass
class PollSchedule:
    base: float = 2.0
    cap: float = 15.0
    growth: float = 1.5
    typical: float | None = None  # this connection's median seconds for this model, if known
    _last: float | None = None

    @classmethod
    def for_task(cls, typical: float | None) -> PollSchedule:
        fixed = env_interval()
        if fixed is not None:
            return cls(base=fixed, cap=fixed, growth=1.0)
        return cls(typical=typical)

    def next_delay(self, elapsed: float, progress: float | None = None, hint: float | None = None) -> float:
        """Seconds to wait before the next poll, ``elapsed`` seconds after the submit."""
        if hint is not None:
            delay = min(max(hint, 0.2), 120.0)
        elif self._last is None and self.typical and self.typical > elapsed + self.base:
            # history says it takes a while: first look shortly before it usually ends
            delay = min(self.typical * 0.85 - elapsed, 600.0)
        elif progress is not None and 0.05 < progress < 1.0 and elapsed > 0:
            remaining = elapsed * (1.0 - progress) / progress
            delay = min(max(remaining / 2, self.base), self.cap)
        else:
            delay = self.base if self._last is None else min(self._last * self.growth, self.cap)
        delay = max(delay, 0.01)
        self._last = delay
        return delay
