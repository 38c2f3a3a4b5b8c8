""" "Test connection" without spending: one request per dialect that creates nothing billable.

Per dialect, the cheapest request that still needs the key: a balance call where the API has one
(PixVerse ``/openapi/v2/account/balance``, new-api's OpenAI-style billing routes), a listing
(OpenAI ``/v1/videos``), or a look-up of a task id that cannot exist (a valid key gets "not found"
in the API's own words, a bad key "unauthorized", a wrong base URL something that is not this API
at all). Every answer is explained in words; a balance, where one comes back, is returned with it.
Only GET requests are sent, never a submit.

The words are English sentences from :data:`SENTENCES`; a result also keeps them as (sentence id,
values) pairs, so that the window can say the same in the creator's language (gui/texts.py holds
one translated sentence per id; a test keeps the two sets equal). The provider's own words and a
network error's detail are values, quoted as they came.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.config.connections import Connection
from core.errors import ClipDeskError, ErrorKind
from core.net.reply import Reply
from core.providers import get_provider
from core.providers.common import generic_error

if TYPE_CHECKING:
    from core.net.http import HttpLayer

OK, AUTH, WRONG_URL, UNREACHABLE, UNEXPECTED = "ok", "auth", "wrong_url", "unreachable", "unexpected"
PROBE_ID = "clipdesk-probe-" + "0" * 16  # a task id no provider hands out


# Every sentence a connection test can say, by id; {names} are filled from the result's values.
SENTENCES: dict[str, str] = {
    "local": "The offline preview needs no key and no network.",
    "no_key": "There is no API key for this connection.",
    "unreachable": "The server could not be reached: {detail}",
    "refused_key": "The server answered, but refused the key (HTTP {status}: {words}).",
    "wrong_url": "Something answered HTTP {status}, but not as this API would: check the base URL "
    "(with any path prefix the gateway needs, such as /alibailian).",
    "unexpected": "The server answered HTTP {status}: {words}. The key may be fine.",
    "dashscope_ok": "The key was accepted: asked for a task that cannot exist, DashScope answered "
    "{status}. Nothing was created. DashScope offers no balance call for an API key; see the "
    "Model Studio console.",
    "balance_ok": "The key was accepted. Balance: {amount} credits.",
    "video_not_found": "The key was accepted: {name} answered 'not found' for a video that cannot exist.",
    "task_not_found": "The key was accepted: {name} answered 'not found' for a task that cannot exist.",
    "balance_usd": "Balance: {amount} USD.",
    "aisphere_guess": "(AiSphere's look-up route is a guess until its docs name one.)",
    "pixverse_refused": "PixVerse refused the key: {words}",
    "list_ok": "The key was accepted: the list of videos came back.",
}


@dataclass
class ProbeResult:
    verdict: str  # ok, auth, wrong_url, unreachable, unexpected
    said: list[tuple[str, dict[str, str]]]  # (sentence id, its values), in order
    balance: dict[str, Any] | None = None
    checked: str = ""  # the request that was sent, for the log and the curious

    @property
    def ok(self) -> bool:
        return self.verdict == OK

    @property
    def message(self) -> str:
        """What the test found, in English (the CLI's words; the window translates ``said``)."""
        return " ".join(SENTENCES[key].format(**values) for key, values in self.said)

    def add(self, key: str, **values: Any) -> None:
        self.said.append((key, {k: str(v) for k, v in values.items()}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "verdict": self.verdict,
            "message": self.message,
            "reasons": [key for key, _values in self.said],
            "balance": self.balance,
            "checked": self.checked,
        }


def said(
    verdict: str, key: str, checked: str = "", balance: dict[str, Any] | None = None, **values: Any
) -> ProbeResult:
    """A result that says the sentence ``key`` with ``values``."""
    result = ProbeResult(verdict, [], balance, checked)
    result.add(key, **values)
    return result


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
        return said(AUTH, "refused_key", what, status=status, words=_words(reply))
    if _json(reply) is None or status in (404, 405):
        return said(WRONG_URL, "wrong_url", what, status=status)
    return said(UNEXPECTED, "unexpected", what, status=status, words=_words(reply))


async def _get(http: HttpLayer, path: str, **kwargs: Any) -> Reply | ProbeResult:
    """The answer, or the verdict "unreachable"."""
    try:
        return await http.request("GET", path, **kwargs)
    except ClipDeskError as exc:
        return said(UNREACHABLE, "unreachable", path, detail=exc.message)


async def _dashscope(http: HttpLayer) -> ProbeResult:
    path = f"/api/v1/tasks/{uuid.uuid4()}"
    reply = await _get(http, path)
    if isinstance(reply, ProbeResult):
        return reply
    body = _json(reply)
    output = body.get("output") if isinstance(body, dict) else None
    if reply.status_code == 200 and isinstance(output, dict) and "task_status" in output:
        return said(OK, "dashscope_ok", path, status=repr(output.get("task_status")))
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
        return said(OK, "balance_ok", path, balance, amount=f"{total:g}")
    missing = reply.status_code == 404 or (isinstance(body, dict) and body.get("ErrCode") == 500008)
    if missing:  # a gateway without the balance route: look up a video that cannot exist instead
        path = RESULT_PATH.format(id=0)
        reply = await _get(http, path, headers=trace)
        if isinstance(reply, ProbeResult):
            return reply
        body = _json(reply)
        if isinstance(body, dict) and body.get("ErrCode") == 500008:
            return said(OK, "video_not_found", path, name="PixVerse")
    if isinstance(body, dict) and body.get("ErrCode") in (10004, 10005, 400012, 500020):
        return said(AUTH, "pixverse_refused", path, words=body.get("ErrMsg"))
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


BALANCE_DIALECTS = ("pixverse", "newapi")  # the APIs with a balance call that costs nothing
BALANCE_WAIT = 2.0  # seconds a finished task (its video in place) waits for the balance, at most


class Balances:
    """One connection's balance after its finished tasks: one call per finished task at most, and
    one under way at a time (tasks finishing meanwhile share its answer), so a batch ending
    together does not run into the API's rate limits. Never raises: a balance is shown when
    known, never relied on."""

    def __init__(self, dialect: str, http: HttpLayer) -> None:
        self.dialect, self.http = dialect, http
        self._call: asyncio.Task[dict[str, Any] | None] | None = None

    async def after_task(self) -> dict[str, Any] | None:
        if self.dialect not in BALANCE_DIALECTS:
            return None
        if self._call is None or self._call.done():
            self._call = asyncio.create_task(self._fetch(), name=f"balance-{self.dialect}")
        try:
            return await asyncio.wait_for(asyncio.shield(self._call), BALANCE_WAIT)
        except TimeoutError:
            return None

    async def _fetch(self) -> dict[str, Any] | None:
        try:
            return await fetch_balance(self.dialect, self.http)
        except Exception:  # a closed client, a bad answer: no balance this time
            return None

    def close(self) -> None:
        if self._call is not None and not self._call.done():
            self._call.cancel()


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
    words_said = (error.message or "").lower() if error else ""  # the words, not the code: a
    # gateway's "no such route" may carry the same code as "no such task"
    if (
        error is not None
        and body is not None
        and error.kind is not ErrorKind.AUTH
        and any(w in words_said for w in words)
    ):
        return said(OK, "task_not_found", path, name=name)
    return _judge_other(reply, path)


async def _newapi(http: HttpLayer) -> ProbeResult:
    result = await _task_lookup(
        http, f"/v1/video/generations/task_{PROBE_ID}", "new-api", ("task_not_exist", "not exist")
    )
    if result.ok:
        result.balance = await _newapi_balance(http)
        if result.balance and "remaining" in result.balance:
            result.add("balance_usd", amount=f"{result.balance['remaining']:g}")
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
        result.add("aisphere_guess")
    return result


async def _openai(http: HttpLayer) -> ProbeResult:
    path = "/v1/videos?limit=1"
    reply = await _get(http, path)
    if isinstance(reply, ProbeResult):
        return reply
    body = _json(reply)
    if reply.status_code == 200 and isinstance(body, dict) and isinstance(body.get("data"), list):
        return said(OK, "list_ok", path)
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
        return said(OK, "local")
    provider = get_provider(connection.dialect)
    if provider.needs_key and not key:
        return said(AUTH, "no_key")
    # The HTTP stack is imported when it is first needed, in a thread: this may be a window's loop
    await asyncio.to_thread(importlib.import_module, "core.net.http")
    from core.net.http import HttpLayer

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
