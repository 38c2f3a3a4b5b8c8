""" "Test connection" without spending: one request per dialect that creates nothing billable.

Per dialect, the cheapest request that still needs the key: a balance call where the API has one
(PixVerse ``/openapi/v2/account/balance``, new-api's OpenAI-style billing routes), a listing
(OpenAI ``/v1/videos``), or a look-up of a task id that cannot exist (a valid key gets "not found"
in the API's own words, a bad key "unauthorized", a wrong base URL something that is not this API
at all). Every answer is explained in words; a balance, where one comes back, is returned with it.
Only GET requests are sent, never a submit.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from core.config.connections import Connection
from core.errors import ClipDeskError, ErrorKind
from core.net.http import HttpLayer, Reply
from core.providers import get_provider
from core.providers.common import generic_error

OK, AUTH, WRONG_URL, UNREACHABLE, UNEXPECTED = "ok", "auth", "wrong_url", "unreachable", "unexpected"
PROBE_ID = "clipdesk-probe-" + "0" * 16  # a task id no provider hands out


@dataclass
class ProbeResult:
    verdict: str  # ok, auth, wrong_url, unreachable, unexpected
    message: str
    balance: dict[str, Any] | None = None
    checked: str = ""  # the request that was sent, for the log and the curious

    @property
    def ok(self) -> bool:
        return self.verdict == OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "verdict": self.verdict,
            "message": self.message,
            "balance": self.balance,
            "checked": self.checked,
        }


def _json(reply: Reply) -> Any:
    try:
        return json.loads(reply.content)
    except (ValueError, UnicodeDecodeError):
        return None


def _words(reply: Reply) -> str:
    error = generic_error(reply)
    return error.message


def _judge_other(reply: Reply, what: str) -> ProbeResult:
    """An answer that is neither the API's "not found" nor a success."""
    status = reply.status_code
    if status in (401, 403) or generic_error(reply).kind is ErrorKind.AUTH:
        return ProbeResult(
            AUTH, f"The server answered, but refused the key (HTTP {status}: {_words(reply)}).", checked=what
        )
    if _json(reply) is None or status in (404, 405):
        return ProbeResult(
            WRONG_URL,
            f"Something answered HTTP {status}, but not as this API would: check the base URL "
            "(with any path prefix the gateway needs, such as /alibailian).",
            checked=what,
        )
    return ProbeResult(
        UNEXPECTED, f"The server answered HTTP {status}: {_words(reply)}. The key may be fine.", checked=what
    )


async def _get(http: HttpLayer, path: str, **kwargs: Any) -> Reply | ProbeResult:
    """The answer, or the verdict "unreachable"."""
    try:
        return await http.request("GET", path, **kwargs)
    except ClipDeskError as exc:
        return ProbeResult(UNREACHABLE, f"The server could not be reached: {exc.message}", checked=path)


async def _dashscope(http: HttpLayer) -> ProbeResult:
    path = f"/api/v1/tasks/{uuid.uuid4()}"
    reply = await _get(http, path)
    if isinstance(reply, ProbeResult):
        return reply
    body = _json(reply)
    output = body.get("output") if isinstance(body, dict) else None
    if reply.status_code == 200 and isinstance(output, dict) and "task_status" in output:
        return ProbeResult(
            OK,
            "The key was accepted: asked for a task that cannot exist, DashScope answered "
            f"{output.get('task_status')!r}. Nothing was created. DashScope offers no balance call "
            "for an API key; see the Model Studio console.",
            checked=path,
        )
    return _judge_other(reply, path)


async def _pixverse(http: HttpLayer) -> ProbeResult:
    from core.providers.pixverse import RESULT_PATH, trace

    path = PIXVERSE_BALANCE
    reply = await _get(http, path, headers=trace)
    if isinstance(reply, ProbeResult):
        return reply
    body = _json(reply)
    balance = _pixverse_balance(body)
    if balance is not None:
        total = sum(v for v in balance.values() if isinstance(v, int | float))
        return ProbeResult(
            OK, f"The key was accepted. Balance: {total:g} credits.", balance=balance, checked=path
        )
    missing = reply.status_code == 404 or (isinstance(body, dict) and body.get("ErrCode") == 500008)
    if missing:  # a gateway without the balance route: look up a video that cannot exist instead
        path = RESULT_PATH.format(id=0)
        reply = await _get(http, path, headers=trace)
        if isinstance(reply, ProbeResult):
            return reply
        body = _json(reply)
        if isinstance(body, dict) and body.get("ErrCode") == 500008:
            return ProbeResult(
                OK,
                "The key was accepted: PixVerse answered 'not found' for a video that cannot exist.",
                None,
                path,
            )
    if isinstance(body, dict) and body.get("ErrCode") in (10004, 10005, 400012, 500020):
        return ProbeResult(AUTH, f"PixVerse refused the key: {body.get('ErrMsg')}", checked=path)
    return _judge_other(reply, path)


PIXVERSE_BALANCE = "/openapi/v2/account/balance"


def _pixverse_balance(body: Any) -> dict[str, Any] | None:
    """PixVerse's "Get user credit balance" answer: monthly and purchased credits."""
    if not isinstance(body, dict) or body.get("ErrCode") != 0 or not isinstance(body.get("Resp"), dict):
        return None
    resp = body["Resp"]
    return {
        "currency": "credits",
        "credit_monthly": resp.get("credit_monthly"),
        "credit_package": resp.get("credit_package"),
    }


async def fetch_balance(dialect: str, http: HttpLayer) -> dict[str, Any] | None:
    """The account's balance where the API has a call for it (PixVerse, new-api); else None.
    Costs nothing; any failure is None (a balance is shown when known, never relied on)."""
    try:
        if dialect == "pixverse":
            from core.providers.pixverse import trace

            reply = await http.request("GET", PIXVERSE_BALANCE, headers=trace)
            return _pixverse_balance(_json(reply))
        if dialect == "newapi":
            return await _newapi_balance(http)
    except ClipDeskError:
        return None
    return None


async def _newapi_balance(http: HttpLayer) -> dict[str, Any] | None:
    """new-api's OpenAI-style billing routes (with the token itself): the limit and what is used."""
    try:
        sub = await http.request("GET", "/v1/dashboard/billing/subscription")
        use = await http.request("GET", "/v1/dashboard/billing/usage")
    except ClipDeskError:
        return None
    limit, used = _json(sub), _json(use)
    if sub.status_code != 200 or not isinstance(limit, dict) or "hard_limit_usd" not in limit:
        return None
    balance: dict[str, Any] = {"currency": "USD", "limit": limit.get("hard_limit_usd")}
    if use.status_code == 200 and isinstance(used, dict) and isinstance(used.get("total_usage"), int | float):
        balance["used"] = round(used["total_usage"] / 100, 4)  # reported in cents
        if isinstance(balance["limit"], int | float):
            balance["remaining"] = round(balance["limit"] - balance["used"], 4)
    return balance


async def _task_lookup(http: HttpLayer, path: str, name: str, words: tuple[str, ...]) -> ProbeResult:
    reply = await _get(http, path)
    if isinstance(reply, ProbeResult):
        return reply
    body = _json(reply)
    error = generic_error(reply) if reply.status_code >= 400 else None
    said = (error.message or "").lower() if error else ""  # the words, not the code: a
    # gateway's "no such route" may carry the same code as "no such task"
    if (
        error is not None
        and body is not None
        and error.kind is not ErrorKind.AUTH
        and any(w in said for w in words)
    ):
        return ProbeResult(
            OK,
            f"The key was accepted: {name} answered 'not found' for a task that cannot exist.",
            checked=path,
        )
    return _judge_other(reply, path)


async def _newapi(http: HttpLayer) -> ProbeResult:
    result = await _task_lookup(
        http, f"/v1/video/generations/task_{PROBE_ID}", "the gateway", ("task_not_exist", "not exist")
    )
    if result.ok:
        result.balance = await _newapi_balance(http)
        if result.balance and "remaining" in result.balance:
            result.message += f" Balance: {result.balance['remaining']:g} USD."
    return result


async def _uniall(http: HttpLayer) -> ProbeResult:
    return await _task_lookup(
        http, f"/v1/video/generations/task_{PROBE_ID}", "UniAll", ("not found", "not exist")
    )


async def _aisphere(http: HttpLayer) -> ProbeResult:
    from core.providers.aisphere import POLL_PATH

    result = await _task_lookup(
        http, POLL_PATH.format(id=PROBE_ID), "AiSphere", ("not found", "not_found", "not exist", "不存在")
    )
    if result.ok:
        result.message += " (AiSphere's look-up route is a guess until its docs name one.)"
    return result


async def _openai(http: HttpLayer) -> ProbeResult:
    path = "/v1/videos?limit=1"
    reply = await _get(http, path)
    if isinstance(reply, ProbeResult):
        return reply
    body = _json(reply)
    if reply.status_code == 200 and isinstance(body, dict) and isinstance(body.get("data"), list):
        return ProbeResult(OK, "The key was accepted: the list of videos came back.", checked=path)
    return _judge_other(reply, path)


PROBES: dict[str, Callable[[HttpLayer], Awaitable[ProbeResult]]] = {
    "dashscope": _dashscope,
    "pixverse": _pixverse,
    "newapi": _newapi,
    "openai-videos": _openai,
    "uniall": _uniall,
    "aisphere": _aisphere,
}


async def probe(connection: Connection, key: str | None) -> ProbeResult:
    """Check a connection's URL and key without creating anything billable."""
    if connection.is_local:
        return ProbeResult(OK, "The offline preview needs no key and no network.")
    provider = get_provider(connection.dialect)
    if provider.needs_key and not key:
        return ProbeResult(AUTH, "There is no API key for this connection.")
    http = HttpLayer(
        connection.base_url,
        auth_headers=provider.auth_headers(key) if key else {},
        proxy=connection.proxy,
        max_in_flight=2,
        retries=1,
        backoff=0.2,
    )
    try:
        return await PROBES[connection.dialect](http)
    finally:
        await http.aclose()
