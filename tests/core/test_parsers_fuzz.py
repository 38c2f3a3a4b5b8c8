"""Response parsers raise nothing but ProviderError, whatever the bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import ProviderError
from core.providers.common import generic_error
from core.providers.dashscope import DashScopeProvider
from core.providers.newapi import parse_task

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
known_keys = st.sampled_from(
    [
        "output",
        "task_id",
        "task_status",
        "video_url",
        "code",
        "message",
        "data",
        "status",
        "progress",
        "result_url",
        "url",
        "error",
        "metadata",
        "fail_reason",
        "id",
        "expires_at",
        "ErrCode",
        "Resp",
    ]
)
shaped = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["SUCCEEDED", "FAILED", "UNKNOWN", "success", "completed", "30%", "failed"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(known_keys, children, max_size=6),
    max_leaves=25,
)
bodies = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda v: json.dumps(v).encode()),
    shaped.map(lambda v: json.dumps(v).encode()),
    shaped.map(lambda v: json.dumps(v).encode()[: max(1, len(json.dumps(v)) // 2)]),
)
statuses = st.sampled_from([200, 201, 202, 400, 401, 403, 404, 429, 500, 502, 503])

DASHSCOPE = DashScopeProvider()
PARSERS: list[Callable[[httpx.Response], Any]] = [
    lambda r: DASHSCOPE.parse_submit(r.status_code, r),
    DASHSCOPE.parse_poll,
    parse_task,
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(status=statuses, body=bodies, which=st.integers(0, len(PARSERS) - 1))
def test_parsers_raise_only_provider_error(status: int, body: bytes, which: int) -> None:
    response = httpx.Response(status, content=body, headers={"retry-after": "x"})
    try:
        PARSERS[which](response)
    except ProviderError:
        pass
    error = generic_error(response)
    assert isinstance(error, ProviderError)
