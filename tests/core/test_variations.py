"""Planning variations: N takes per target, the same distinct seeds for every target."""

from __future__ import annotations

import random

import pytest

from core.tasks.request import GenerationRequest
from core.tasks.variations import plan_variations


def test_takes_across_seeds_models_and_connections() -> None:
    base = GenerationRequest(model="m1", prompt="a fox", seed=7, params={"style": "anime"})
    planned = plan_variations(base, 3, [("gw", "m1"), ("gw", "m2"), ("other", "m1")], random.Random(1))
    assert [(c, r.model) for c, r in planned] == [("gw", "m1")] * 3 + [("gw", "m2")] * 3 + [
        ("other", "m1")
    ] * 3
    seeds = [r.seed for _c, r in planned]
    assert seeds[:3] == seeds[3:6] == seeds[6:] and seeds[0] == 7 and len(set(seeds[:3])) == 3
    assert all(r.prompt == "a fox" and r.params == {"style": "anime"} for _c, r in planned)
    planned[0][1].params["style"] = "changed"
    assert base.params == {"style": "anime"}  # each take has its own copy


def test_one_take_per_target_keeps_the_request_as_it_is() -> None:
    base = GenerationRequest(model="m1", prompt="a fox")
    planned = plan_variations(base, 1, [("gw", "m1"), ("gw", "m2"), ("gw", "m1")])
    assert [(c, r.model, r.seed) for c, r in planned] == [("gw", "m1", None), ("gw", "m2", None)]
    with pytest.raises(ValueError):
        plan_variations(base, 0, [("gw", "m1")])
