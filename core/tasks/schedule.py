"""When to poll next: quick at first, backing off to a cap, steered by hints, progress and history.

Without history: 1 s, growing ×1.5 but at most 4 s during the first minute (most tasks that finish
fast finish then), afterwards up to 15 s. With this connection's history for the model (median
duration T): sleep until T is nearly reached, then look every 5 % of T, then back off as without.

How near depends on what T is. Where the provider reports when each task really ended (``exact``,
e.g. DashScope's submit_time/end_time), T is the true median: the first look comes just after it
(T + 0.5 % + 0.1 s: the submit's way there), so a task of typical length costs one poll. Where
ClipDesk only knows when it saw the end, T is late by up to one poll gap; looking just after it
would feed that lateness back into the next T, so the first look comes at 0.9 T instead.
A server's hint (Retry-After, openai-poll-after-ms) wins over both.
"""

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
    base: float = 1.0
    early_cap: float = 4.0
    early_window: float = 60.0
    cap: float = 15.0
    growth: float = 1.5
    typical: float | None = None  # this connection's median seconds for this model, if known
    exact: bool = False  # typical comes from the provider's own start and end times
    _last: float | None = None

    @classmethod
    def for_task(cls, typical: float | None, *, exact: bool = False) -> PollSchedule:
        fixed = env_interval()
        if fixed is not None:
            return cls(base=fixed, early_cap=fixed, cap=fixed, growth=1.0)
        return cls(typical=typical, exact=exact)

    @property
    def adaptive(self) -> bool:
        """False for a fixed interval (CLIPDESK_POLL_INTERVAL): every task polls on it, alone."""
        return self.growth != 1.0 or self.base != self.cap

    @property
    def first_look(self) -> float | None:
        """Seconds after the submit of the first look a known typical duration asks for."""
        typical = self.typical
        if not typical:
            return None
        return typical * 1.005 + 0.1 if self.exact else 0.9 * typical

    def next_delay(self, elapsed: float, progress: float | None = None, hint: float | None = None) -> float:
        """Seconds to wait before the next poll, ``elapsed`` seconds after the submit."""
        typical, first = self.typical, self.first_look
        if hint is not None:
            delay = min(max(hint, 0.2), 120.0)
        elif typical and first and elapsed < first - 0.5:
            delay = first - elapsed  # it usually takes a while: look when it is about to end
        elif typical and elapsed < 1.5 * typical:
            delay = max(0.05 * typical, 0.5)
        elif progress is not None and 0.05 < progress < 1.0 and elapsed > 0:
            remaining = elapsed * (1.0 - progress) / progress
            delay = min(max(remaining / 2, self.base), self.cap)
        else:
            cap = self.early_cap if elapsed < self.early_window else self.cap
            delay = self.base if self._last is None else min(max(self._last * self.growth, self.base), cap)
        delay = max(delay, 0.01)
        self._last = delay
        return delay
