"""Parsing helpers every dialect shares: tolerant JSON, status words, generic error mapping.

Be liberal in what is accepted: status words are matched case-insensitively with their common
synonyms, and error bodies are read in any of the shapes the dialects use. Every parser here
raises only ProviderError, whatever the bytes.
"""

from __future__ import annotations

import json
from typing import Any

from core.errors import ErrorKind, ProviderError
from core.net.reply import Reply, retry_after_seconds
from core.providers.base import RemoteStatus

# Guess, shared by all dialects: the synonyms seen across the documented dialects.
STATUS_WORDS: dict[str, RemoteStatus] = {
    **dict.fromkeys(
        [
            "queued",
            "queueing",
            "pending",
            "submitted",
            "not_start",
            "created",
            "waiting",
            "scheduled",
            "suspended",
        ],
        RemoteStatus.QUEUED,
    ),
    **dict.fromkeys(
        ["running", "processing", "in_progress", "inprogress", "generating", "started"], RemoteStatus.RUNNING
    ),
    **dict.fromkeys(
        ["succeeded", "success", "succeed", "completed", "complete", "done", "finished"],
        RemoteStatus.SUCCEEDED,
    ),
    **dict.fromkeys(["failed", "failure", "fail", "error", "errored", "rejected"], RemoteStatus.FAILED),
    **dict.fromkeys(["cancelled", "canceled", "cancel"], RemoteStatus.CANCELLED),
}


def status_of(word: Any) -> RemoteStatus:
    """A provider's status word as ours; an unknown word counts as running (the deadline caps it)."""
    if not isinstance(word, str):
        return RemoteStatus.RUNNING
    return STATUS_WORDS.get(word.strip().lower().replace("-", "_").replace(" ", "_"), RemoteStatus.RUNNING)


def parse_progress(value: Any) -> float | None:
    """Progress as a fraction: integers and 'N%' are percent (1 → 1 %), a float up to 1.0 is
    already a fraction. None when absent or unreadable."""
    fraction = False
    try:
        if isinstance(value, bool) or value is None:
            return None
        if isinstance(value, str):
            word = value.strip()
            percent = word.endswith("%")
            word = word.rstrip("%").strip()
            if not word:
                return None
            number = float(word)
            fraction = not percent and "." in word and number <= 1.0
        elif isinstance(value, int):
            number = float(value)
        elif isinstance(value, float):
            number = value
            fraction = number <= 1.0
        else:
            return None
    except ValueError:
        return None
    if number != number or number < 0:
        return None
    return min(number if fraction else number / 100.0, 1.0)


def json_of(response: Reply) -> Any:
    """The body as JSON, or ProviderError for a truncated or non-JSON answer."""
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        kind = (
            ErrorKind.NETWORK
            if response.status_code < 400 or response.status_code >= 500
            else ErrorKind.UNKNOWN
        )
        raise ProviderError(
            kind,
            f"the provider sent an unreadable answer (HTTP {response.status_code})",
            code="unreadable",
            http_status=response.status_code,
        ) from None


def obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def usage_of(*places: Any) -> dict[str, Any] | None:
    """The first ``usage`` object found in the given answer parts, kept as the provider sent it."""
    for place in places:
        usage = obj(place).get("usage")
        if isinstance(usage, dict) and usage:
            return dict(usage)
    return None


def text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value)


def kind_for_status(status: int) -> ErrorKind:
    if status in (401,):
        return ErrorKind.AUTH
    if status in (402,):
        return ErrorKind.BALANCE
    if status == 403:
        return ErrorKind.AUTH
    if status == 404:
        return ErrorKind.NOT_FOUND
    if status == 429:
        return ErrorKind.RATE_LIMITED
    if status in (400, 413, 422):
        return ErrorKind.INVALID_INPUT
    if status >= 500:
        return ErrorKind.UPSTREAM_FAILED
    return ErrorKind.UNKNOWN


# Words in codes and messages that name a kind more precisely than the HTTP status does.
_HINTS: list[tuple[tuple[str, ...], ErrorKind]] = [
    (
        (
            "inspection",
            "moderat",
            "sensitive",
            "audit",
            "policy",
            "inappropriate",
            "nsfw",
            "unsafe",
            "审核",
            "违规",
            "敏感",
        ),
        ErrorKind.MODERATION,
    ),
    (("arrearage", "balance", "quota", "insufficient", "credit", "余额", "额度", "欠费"), ErrorKind.BALANCE),
    (("apikey", "api_key", "api key", "unauthor", "token", "invalid_key", "认证", "令牌"), ErrorKind.AUTH),
    (("throttl", "rate", "too many", "concurren", "饱和", "频繁"), ErrorKind.RATE_LIMITED),
    (("not_exist", "notfound", "not found", "not_found", "不存在"), ErrorKind.NOT_FOUND),
]


def refine_kind(base: ErrorKind, *words: str | None) -> ErrorKind:
    haystack = " ".join(w for w in words if w).lower()
    for needles, kind in _HINTS:
        if any(n in haystack for n in needles):
            if kind is ErrorKind.RATE_LIMITED and base not in (
                ErrorKind.RATE_LIMITED,
                ErrorKind.UPSTREAM_FAILED,
            ):
                continue  # "rate" in an ordinary 400 message is not a rate limit
            return kind
    return base


def generic_error(response: Reply) -> ProviderError:
    """An error answer in any of the shapes the dialects use:
    {"code","message"}, {"error":{"code","message","type"}}, {"ErrCode","ErrMsg"}, {"detail"}, text."""
    status = response.status_code
    code: str | None = None
    message: str | None = None
    try:
        body = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        body = None
    if isinstance(body, dict):
        err = body.get("error")
        if isinstance(err, dict):
            code = text(err.get("code")) or text(err.get("type"))
            message = text(err.get("message"))
        elif isinstance(err, str):
            message = err
        code = code or text(body.get("code")) or text(body.get("ErrCode")) or text(body.get("error_code"))
        message = message or text(body.get("message")) or text(body.get("ErrMsg")) or text(body.get("detail"))
        output = obj(body.get("output"))
        code = code or text(output.get("code"))
        message = message or text(output.get("message"))
    elif response.content:
        message = response.content[:200].decode("utf-8", "replace").strip() or None
    kind = refine_kind(kind_for_status(status), code, message)
    detail = f"{message or 'HTTP ' + str(status)}" + (f" ({code})" if code else "")
    return ProviderError(
        kind, detail[:500], code=code, http_status=status, retry_after=retry_after_seconds(response)
    )
