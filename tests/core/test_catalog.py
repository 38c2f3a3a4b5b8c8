from __future__ import annotations

import pytest

from core.errors import InvalidInput
from core.providers.catalog import catalog_from_json, load_catalog, validate_request
from core.tasks.request import GenerationRequest

CATALOG = catalog_from_json(
    {
        "dialect": "t",
        "models": [
            {
                "id": "m",
                "modes": ["text", "image"],
                "durations": [5, 8, 10],
                "resolutions": ["720p", "1080p"],
                "prompt_max": 20,
                "fields": ["seed"],
                "params": {"motion_mode": ["normal", "fast"]},
                "rules": [
                    {"if": {"motion_mode": "fast"}, "then": {"duration": [5]}, "reason": "fast only at 5 s"},
                    {
                        "if": {"resolution": "1080p"},
                        "then": {"duration": [5, 8]},
                        "reason": "1080p has no 10 s",
                    },
                ],
            }
        ],
    }
)
SPEC = CATALOG.spec("m")


def req(**kw: object) -> GenerationRequest:
    base: dict[str, object] = {"model": "m", "prompt": "a cat"}
    base.update(kw)
    return GenerationRequest(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (req(duration=7), "duration"),
        (req(resolution="480p"), "resolution"),
        (req(prompt="x" * 21), "prompt"),
        (req(prompt=""), "prompt"),
        (req(image="a.png", last_image="b.png"), "mode"),
        (req(last_image="b.png"), "image"),
        (req(negative_prompt="blurry"), "negative_prompt"),
        (req(seed=-1), "seed"),
        (req(params={"motion_mode": "warp"}), "motion_mode"),
        (req(params={"motion_mode": "fast"}, duration=8), "duration"),
        (req(resolution="1080p", duration=10), "duration"),
        (req(prompt="bell\x07"), "prompt"),
    ],
)
def test_impossible_requests_are_refused_with_the_field(request_: GenerationRequest, field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        validate_request(SPEC, request_)
    assert info.value.field == field
    assert info.value.message


def test_allowed_combination_passes_and_resolution_case_is_ignored() -> None:
    validate_request(SPEC, req(resolution="1080P", duration=8, params={"motion_mode": "normal"}, seed=3))


def test_disabled_reason_explains_the_rule() -> None:
    assert SPEC.disabled_reason(req(params={"motion_mode": "fast"}), "duration", 8) == "fast only at 5 s"
    assert SPEC.disabled_reason(req(), "duration", 8) is None


def test_unknown_model_gets_a_generic_spec() -> None:
    spec = CATALOG.spec("brand-new-model")
    assert not spec.known
    validate_request(
        spec, GenerationRequest(model="brand-new-model", prompt="x", duration=12, resolution="4k")
    )


@pytest.mark.parametrize("dialect", ["dashscope", "newapi"])
def test_shipped_catalogs_load(dialect: str) -> None:
    catalog = load_catalog(dialect)
    assert catalog.models
    for model in catalog.models:
        assert model.allowed_durations()
