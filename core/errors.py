"""One closed vocabulary of error kinds, used by every dialect, the engine, the CLI and the GUI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from core.redact import redact


class ErrorKind(StrEnum):
    AUTH = "auth"
    BALANCE = "balance"
    BUDGET = "budget"
    MODERATION = "moderation"
    INVALID_INPUT = "invalid_input"
    RATE_LIMITED = "rate_limited"
    NETWORK = "network"
    UPSTREAM_FAILED = "upstream_failed"
    EXPIRED = "expired"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


HUMAN_MESSAGES: dict[ErrorKind, str] = {
    ErrorKind.AUTH: "The API key was refused. Check the key in the connection settings.",
    ErrorKind.BALANCE: "The account has insufficient balance or quota for this generation.",
    ErrorKind.BUDGET: "This generation would pass a spending cap; nothing was sent.",
    ErrorKind.MODERATION: "The provider's content moderation rejected the prompt, image or result.",
    ErrorKind.INVALID_INPUT: "The request is not valid for this model.",
    ErrorKind.RATE_LIMITED: "The provider is limiting requests; ClipDesk will wait and try again.",
    ErrorKind.NETWORK: "The provider could not be reached.",
    ErrorKind.UPSTREAM_FAILED: "The provider failed to generate the video.",
    ErrorKind.EXPIRED: "The task or its result link has expired at the provider.",
    ErrorKind.NOT_FOUND: "The provider does not know this task.",
    ErrorKind.CANCELLED: "The task was cancelled.",
    ErrorKind.UNKNOWN: "Something unexpected happened.",
}


# Codes a parser gives an answer it cannot read (cut short, not JSON, of an unknown shape, or
# without the task id). For a billed submit answered 2xx, such an answer means the task may exist.
UNREADABLE_CODES = frozenset({"unreadable", "shape", "no_id"})


class ClipDeskError(Exception):
    """An error with a kind from the closed vocabulary and a human message.

    ``code`` keeps the provider's own error code for the log; ``retry_after`` is a server hint in
    seconds; ``http_status`` the status that carried the error, when there was one.
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str | None = None,
        *,
        code: str | None = None,
        retry_after: float | None = None,
        http_status: int | None = None,
    ) -> None:
        self.kind = ErrorKind(kind)
        # Redacted here, once for every path (journal, CLI, GUI): servers quote keys back in errors.
        self.message = redact(message) if message else HUMAN_MESSAGES[self.kind]
        self.code = code
        self.retry_after = retry_after
        self.http_status = http_status
        super().__init__(self.message)

    def to_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind.value, "message": self.message, "code": self.code}

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its state, not its constructor's arguments (subclasses take other ones), so
        # it comes back from a pool worker (core/media/pool.py) whole and is not redacted twice.
        return (_rebuild_error, (type(self), dict(self.__dict__)))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.kind.value!r}, {self.message!r}, code={self.code!r})"


def _rebuild_error(cls: type[ClipDeskError], state: dict[str, Any]) -> ClipDeskError:
    error = cls.__new__(cls)
    Exception.__init__(error, state.get("message"))
    error.__dict__.update(state)
    return error


class InvalidInput(ClipDeskError):
    """Bad input found before anything was sent."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(ErrorKind.INVALID_INPUT, message)
        self.field = field


class ProviderError(ClipDeskError):
    """What a dialect raises for any answer it cannot turn into a result.

    Response parsers raise nothing else, whatever the bytes (fuzzed in tests).
    """


class RequestNotSent(ClipDeskError):
    """The request provably never reached the server (connect error): safe to send again."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorKind.NETWORK, message)


class SubmitOutcomeUnknown(ClipDeskError):
    """A billed submit left the machine but its answer was lost; it must never be re-sent blindly."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorKind.UNKNOWN, message)


class DiskFull(ClipDeskError):
    """The disk filled up mid-download. The .part file is kept; the task resumes once there is room."""

    def __init__(self, path: Path) -> None:
        super().__init__(ErrorKind.UNKNOWN, f"the disk is full while saving {path.name}; free some space")
