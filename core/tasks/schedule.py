"""When to poll next, judged by how long the creator waits to learn a task is done.

Without history: 1 s, growing ×1.5 but at most 4 s during the first minute, then at most 6 s for
the next four (a creator is waiting), afterwards up to 15 s.

With this connection's history for the model (median duration T, and the spread of past durations
σ, the standard deviation of their logarithms; 0.35 when unknown): durations spread, so the first
look is not at T but at a low quantile of them, T·e^(−1.9σ) (about the 3rd percentile of a log-normal
spread). From there until the high end of the spread, T·e^(2σ), it looks every ``gap`` seconds
(6 % of T, between 1 and 4 s): a task that ends anywhere in that window is noticed within one gap,
and a task polls only from the low quantile to its own end. Past the window it backs off as without
history. Where ClipDesk only knows when it *saw* the end (not ``exact``), T is late by up to one gap,
which the low quantile absorbs.

A server's hint (Retry-After, openai-poll-after-ms) wins over all of this; the provider's progress
steers tasks without history.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

ENV_POLL_INTERVAL = "CLIPDESK_POLL_INTERVAL"
DEFAULT_SPREAD = 0.35  # σ of log durations when history gives a median only (coefficient of variation ~0.36)
LOW_Z = 1.9  # the first look: about the 3rd percentile of the spread
HIGH_Z = 2.0  # the close looks end about the 98th percentile
GAP_SHARE = 0.06  # the gap between close looks, as a share of the median ...
GAP_MIN, GAP_MAX = 1.0, 4.0  # ... within these seconds


def env_interval() -> float | None:
    value = os.environ.get(ENV_POLL_INTERVAL)
    try:
        return max(0.01, float(value)) if value else None
    except ValueError:
        return None


def log_spread(durations: list[float]) -> float | None:
    """σ of the logarithms of ``durations`` (positive seconds); None with fewer than 4 of them."""
    logs = [math.log(d) for d in durations if d > 0]
    if len(logs) < 4:
        return None
    mean = sum(logs) / len(logs)
    return math.sqrt(sum((x - mean) ** 2 for x in logs) / (len(logs) - 1))


@dataclass
class PollSchedule:
    base: float = 1.0
    early_cap: float = 4.0
    early_window: float = 60.0
    mid_cap: float = 6.0
    mid_window: float = 300.0
    cap: float = 15.0
    growth: float = 1.5
    typical: float | None = None  # this connection's median seconds for this model, if known
    exact: bool = False  # typical comes from the provider's own start and end times
    spread: float | None = None  # σ of the log of past durations, if known
    _last: float | None = None

    @classmethod
    def for_task(
        cls, typical: float | None, *, exact: bool = False, spread: float | None = None
    ) -> PollSchedule:
        fixed = env_interval()
        if fixed is not None:
            return cls(base=fixed, early_cap=fixed, mid_cap=fixed, cap=fixed, growth=1.0)
        return cls(typical=typical, exact=exact, spread=spread)

    @property
    def adaptive(self) -> bool:
        """False for a fixed interval (CLIPDESK_POLL_INTERVAL): every task polls on it, alone."""
        return self.growth != 1.0 or self.base != self.cap

    @property
    def _sigma(self) -> float:
        spread = DEFAULT_SPREAD if self.spread is None else self.spread
        return min(max(spread, 0.02), 1.0)

    @property
    def first_look(self) -> float | None:
        """Seconds after the submit of the first look a known typical duration asks for."""
        if not self.typical:
            return None
        return max(self.typical * math.exp(-LOW_Z * self._sigma), 0.1)

    @property
    def gap(self) -> float:
        """Seconds between looks while the task is likely to end."""
        return min(max(GAP_SHARE * (self.typical or 0.0), GAP_MIN), GAP_MAX)

    def next_delay(self, elapsed: float, progress: float | None = None, hint: float | None = None) -> float:
        """Seconds to wait before the next poll, ``elapsed`` seconds after the submit."""
        typical, first = self.typical, self.first_look
        if hint is not None:
            delay = min(max(hint, 0.2), 120.0)
        elif typical and first and elapsed < first - 0.5:
            delay = first - elapsed  # it cannot be far along yet: look when the earliest ones end
        elif typical and elapsed < typical * math.exp(HIGH_Z * self._sigma):
            delay = self.gap
        elif progress is not None and 0.05 < progress < 1.0 and elapsed > 0:
            remaining = elapsed * (1.0 - progress) / progress
            delay = min(max(remaining / 2, self.base), self.cap)
        else:
            if elapsed < self.early_window:
                cap = self.early_cap
            elif elapsed < self.mid_window:
                cap = self.mid_cap
            else:
                cap = self.cap
            delay = self.base if self._last is None else min(max(self._last * self.growth, self.base), cap)
        delay = max(delay, 0.01)
        self._last = delay
        return delay
