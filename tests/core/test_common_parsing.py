from __future__ import annotations

import pytest

from core.errors import InvalidInput
from core.providers.catalog import catalog_from_json, validate_request
from core.providers.common import parse_progress
from core.tasks.request import GenerationRequest


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, 0.01),
        (0, 0.0),
        (30, 0.3),
        (100, 1.0),
        ("30%", 0.3),
        ("1%", 0.01),
        (0.3, 0.3),
        (1.0, 1.0),
        ("0.5", 0.5),
        ("45", 0.45),
        (None, None),
        ("x", None),
        (True, None),
        (-5, None),
        (250, 1.0),
    ],
)
def test_progress_integers_are_percent_and_floats_up_to_one_are_fractions(
    value: object, expected: float | None
) -> None:
    assert parse_progress(value) == expected


CATALOG = catalog_from_json(
    {
        "dialect": "t",
        "models": [
            {
                "id": "m",
                "resolutions": ["720p", "1080p"],
                "durations": [5, 10],
                "fields": ["negative_prompt"],
                "rules": [
                    {"if": {"resolution": "1080p"}, "then": {"duration": [5]}, "reason": "1080p only 5 s"}
                ],
            }
        ],
    }
)


def test_rules_apply_whatever_the_case_of_the_resolution() -> None:
    with pytest.raises(InvalidInput, match="1080p only 5 s"):
        validate_request(
            CATALOG.spec("m"), GenerationRequest(model="m", prompt="x", resolution="1080P", duration=10)
        )


def test_a_seed_is_refused_where_the_model_takes_none() -> None:
    with pytest.raises(InvalidInput, match="seed") as info:
        validate_request(CATALOG.spec("m"), GenerationRequest(model="m", prompt="x", seed=3))
    assert info.value.field == "seed"
    validate_request(
        CATALOG.spec("unknown-model"), GenerationRequest(model="unknown-model", prompt="x", seed=3)
    )


def test_an_accepted_submit_without_an_id_is_marked_so_the_engine_calls_it_unknown() -> None:
    import httpx

    from core.errors import UNREADABLE_CODES, ProviderError
    from core.providers.newapi import parse_job_submit

    for body in (b'{"object":"video","status":"queued"}', b'{"code":"success","data":{"status":"queued"}}'):
        with pytest.raises(ProviderError) as info:
            parse_job_submit(httpx.Response(200, content=body))
        assert info.value.code in UNREADABLE_CODES
    assert (
        parse_job_submit(httpx.Response(200, content=b'{"id":"task_1","status":"queued"}')).remote_id
        == "task_1"
    )
