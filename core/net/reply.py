"""What the providers read of an HTTP answer, without the HTTP stack: the shape of an answer
(:class:`Head`, :class:`Reply`) and its retry hint. Importing this module imports neither httpx nor
aiohttp, so a dialect module can be imported (its catalog read, a queue row labelled) before the
first connection's lane opens; the clients themselves live in core/net/http.py.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Protocol


class Head(Protocol):
    """An HTTP answer's status and headers: what a streamed answer offers before its body is read."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def is_redirect(self) -> bool: ...


class Reply(Head, Protocol):
    """A whole HTTP answer as the providers read it (an httpx.Response, its body decoded)."""

    @property
    def content(self) -> bytes: ...


def retry_after_seconds(response: Head) -> float | None:
    """Retry-After (seconds or HTTP date), or the OpenAI-style poll hint, in seconds."""
    value = response.headers.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            import email.utils  # (an HTTP date is rare here; the HTTP stack has imported it by then)

            try:
                parsed = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            if parsed.tzinfo is None:
                return None
            return max(0.0, parsed.timestamp() - time.time())
    hint = response.headers.get("openai-poll-after-ms")
    if hint:
        try:
            return max(0.0, float(hint) / 1000)
        except ValueError:
            return None
    return None
