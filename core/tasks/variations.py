"""Variations: N takes of one request across seeds, models and connections (any mix), as one group.

Pure planning: :func:`plan_variations` says which (connection, request) pairs to create; the
caller creates them with one ``batch_id`` (the group), the source task as their parent and the
relation ``variation`` (core/tasks/lineage.py).
"""

from __future__ import annotations

import random
from dataclasses import replace

from core.tasks.request import GenerationRequest

MAX_TAKES = 8  # per target
SEED_MAX = 2**31 - 1


def seeds_for(base: GenerationRequest, count: int, rng: random.Random | None = None) -> list[int]:
    """``count`` distinct seeds; the request's own seed first when it has one."""
    rng = rng or random.Random()
    seeds: list[int] = [base.seed] if base.seed is not None else []
    while len(seeds) < count:
        seed = rng.randint(1, SEED_MAX)
        if seed not in seeds:
            seeds.append(seed)
    return seeds[:count]


def plan_variations(
    base: GenerationRequest,
    count: int,
    targets: list[tuple[str, str]],
    rng: random.Random | None = None,
) -> list[tuple[str, GenerationRequest]]:
    """``count`` takes for each (connection, model) target, in target order. Every target gets the
    same seeds, so a model or connection is compared with the others on equal terms."""
    if not 1 <= count <= MAX_TAKES:
        raise ValueError(f"1 to {MAX_TAKES} takes, not {count}")
    seeds: list[int | None] = [None]
    if count > 1 or base.seed is not None:
        seeds = list(seeds_for(base, count, rng))
    planned: list[tuple[str, GenerationRequest]] = []
    for connection, model in dict.fromkeys(targets):
        for seed in seeds:
            planned.append((connection, replace(base, model=model, seed=seed, params=dict(base.params))))
    return planned
