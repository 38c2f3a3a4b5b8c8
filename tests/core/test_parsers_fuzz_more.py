"""The PixVerse, OpenAI videos, AiSphere and UniAll parsers raise nothing but ProviderError,
whatever the bytes, and what they return is well formed."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import ErrorKind, ProviderError
from core.providers.aisphere import AiSphereProvider, aisphere_error, expiry
from core.providers.base import PollResult, RemoteStatus, Submitted
from core.providers.openai_videos import OpenAIVideosProvider, poll_after
from core.providers.pixverse import PixVerseProvider, pixverse_error
from core.providers.uniall import UniAllProvider
from core.tasks.request import GenerationRequest

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(
        ["0", "1", "7", "500008", "success", "completed", "failed", "30%", "2025-10-11 18:55:56", "1e400"]
    )
)
keys = st.sampled_from(
    [
        # PixVerse
        "ErrCode",
        "ErrMsg",
        "Resp",
        "img_id",
        "video_id",
        "status",
        "url",
        # AiSphere
        "code",
        "message",
        "data",
        "task_id",
        "task_status",
        "urls",
        "expired",
        # OpenAI / new-api / UniAll
        "id",
        "object",
        "model",
        "prompt",
        "progress",
        "created_at",
        "expires_at",
        "error",
        "metadata",
        "video_url",
        "result",
        "outputs",
        "result_url",
        "fail_reason",
    ]
)
shaped = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(keys, children, max_size=6),
    max_leaves=30,
)


def _dump(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode()


bodies = st.one_of(
    st.binary(max_size=200),
    shaped.map(_dump),
    shaped.map(lambda v: _dump(v)[: max(1, len(_dump(v)) // 2)]),
)
statuses = st.sampled_from([200, 201, 202, 204, 400, 401, 402, 403, 404, 429, 500, 502, 503])
headers = st.fixed_dictionaries(
    {},
    optional={
        "retry-after": st.sampled_from(["x", "1", "-3", "Wed, 21 Oct 2015 07:28:00 GMT", "nan"]),
        "openai-poll-after-ms": st.sampled_from(["200", "x", "-1", "inf", "nan", "1e309", ""]),
    },
)


def _loose(content: bytes) -> dict[str, Any]:
    """An envelope for aisphere_error, which is handed one already read."""
    try:
        value = json.loads(content)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


PIXVERSE = PixVerseProvider()
OPENAI = OpenAIVideosProvider()
AISPHERE = AiSphereProvider()
UNIALL = UniAllProvider()
PARSERS: list[Callable[[httpx.Response], Any]] = [
    PIXVERSE.parse_upload,
    PIXVERSE.parse_submit,
    PIXVERSE.parse_poll,
    pixverse_error,
    OPENAI.parse_submit,
    OPENAI.parse_poll,
    AISPHERE.parse_submit,
    AISPHERE.parse_poll,
    lambda r: aisphere_error(r, _loose(r.content)),
    UNIALL.parse_submit,
    UNIALL.parse_poll,
]


def check(result: Any) -> None:
    """What a parser returns must be usable by the engine as it stands."""
    if isinstance(result, Submitted):
        assert isinstance(result.remote_id, str) and result.remote_id
        assert isinstance(result.status, RemoteStatus)
    elif isinstance(result, PollResult):
        assert isinstance(result.status, RemoteStatus)
        assert result.progress is None or 0.0 <= result.progress <= 1.0
        assert result.poll_after is None or (math.isfinite(result.poll_after) and result.poll_after >= 0)
        if result.status is RemoteStatus.SUCCEEDED:
            assert isinstance(result.result_url, str) or result.result_url is None
        if result.status is RemoteStatus.FAILED:
            assert isinstance(result.error, ProviderError)
    elif isinstance(result, ProviderError):
        assert isinstance(result.kind, ErrorKind)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    status=statuses,
    body=bodies,
    extra=headers,
    which=st.integers(0, len(PARSERS) - 1),
)
def test_parsers_raise_only_provider_error(
    status: int, body: bytes, extra: dict[str, str], which: int
) -> None:
    response = httpx.Response(status, content=body, headers=extra)
    try:
        result = PARSERS[which](response)
    except ProviderError as exc:
        assert isinstance(exc.kind, ErrorKind)
        return
    check(result)


@settings(max_examples=300, deadline=None)
@given(value=shaped)
def test_expiry_and_poll_hint_never_raise(value: Any) -> None:
    parsed = expiry(value)
    assert parsed is None or (math.isfinite(parsed) and parsed > 0)
    hint = poll_after(httpx.Response(200, headers={"openai-poll-after-ms": str(value)[:30].encode()}))
    assert hint is None or (math.isfinite(hint) and hint >= 0)


@settings(max_examples=300, deadline=None)
@given(body=shaped, model=st.sampled_from(["sora-2", "x"]), prompt=st.sampled_from(["kite", ""]))
def test_lost_submit_matching_never_raises(body: Any, model: str, prompt: str) -> None:
    found = OPENAI.match_lost(body, GenerationRequest(model=model, prompt=prompt), 1_800_000_000.0)
    assert found is None or isinstance(found, str)
