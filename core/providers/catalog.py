"""Model catalogs as data: one JSON file per dialect under resources/catalogs/.

The same catalog builds the GUI form and validates a request before anything is sent.

Format (every key optional except ``id``)::

    {"dialect": "pixverse",
     "models": [{
        "id": "v5.5", "label": "PixVerse v5.5",
        "modes": ["text", "image", "first_last"],
        "durations": [5, 8, 10]            # or {"min": 1, "max": 15}
        "resolutions": ["360p", "540p", "720p", "1080p"],
        "default_duration": 5, "default_resolution": "720p",
        "prompt_max": 2048, "negative_prompt_max": 2048, "max_ref_images": 4,
        "fields": ["negative_prompt", "seed"],          # optional request fields the model takes
        "params": {"motion_mode": ["normal", "fast"],    # dialect fields: allowed values,
                   "thinking_type": null},              # or null for free text
        "rules": [{"if": {"motion_mode": ["fast"]},      # when every named field has one of these
                   "then": {"duration": [5]},           # ...each named field must be one of these
                   "reason": "Fast motion is only available at 5 s",
                   "reason_zh": "快速运动仅支持 5 秒"}]}]}

A model the catalog does not know gets a generic spec: every mode the dialect offers, free
duration and resolution; the gateway is the judge.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import InvalidInput
from core.tasks.request import MODE_IMAGE, MODE_TEXT, MODES, GenerationRequest

CATALOG_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalogs"
SEED_MAX = 2_147_483_647
PROMPT_HARD_MAX = 20_000


@dataclass(frozen=True)
class Rule:
    when: dict[str, tuple[Any, ...]]
    then: dict[str, tuple[Any, ...]]
    reason: str
    reason_zh: str = ""

    def applies(self, values: dict[str, Any]) -> bool:
        return all(values.get(k) in allowed for k, allowed in self.when.items())

    def violated_by(self, values: dict[str, Any]) -> str | None:
        if not self.applies(values):
            return None
        for name, allowed in self.then.items():
            if values.get(name) is not None and values.get(name) not in allowed:
                return name
        return None


@dataclass(frozen=True)
class ModelSpec:
    id: str
    label: str = ""
    label_zh: str = ""
    modes: tuple[str, ...] = MODES
    durations: tuple[int, ...] | None = None  # None: any in [duration_min, duration_max]
    duration_min: int = 1
    duration_max: int = 60
    resolutions: tuple[str, ...] | None = None  # None: free text
    default_duration: int | None = None
    default_resolution: str | None = None
    prompt_max: int = PROMPT_HARD_MAX
    negative_prompt_max: int = PROMPT_HARD_MAX
    max_ref_images: int = 4
    fields: tuple[str, ...] = ("negative_prompt", "seed")
    params: dict[str, tuple[Any, ...] | None] = field(default_factory=dict)
    param_defaults: dict[str, Any] = field(default_factory=dict)  # what the API does when one is not sent
    rules: tuple[Rule, ...] = ()
    known: bool = True  # False for the generic spec of a model the catalog does not list

    def allowed_durations(self) -> list[int]:
        if self.durations is not None:
            return list(self.durations)
        return list(range(self.duration_min, self.duration_max + 1))

    def values_of(self, request: GenerationRequest) -> dict[str, Any]:
        """The request as flat field values that rules talk about (``input`` is the generation mode)."""
        values: dict[str, Any] = dict(request.params)
        values.update(
            input=request.mode, duration=request.duration, resolution=self.canonical(request.resolution)
        )
        return values

    def canonical(self, resolution: str | None) -> str | None:
        """The catalog's own spelling of a resolution given in any case (720P → 720p)."""
        if resolution is None or self.resolutions is None:
            return resolution
        for known in self.resolutions:
            if known.lower() == resolution.lower():
                return known
        return resolution

    def disabled_reason(self, request: GenerationRequest, name: str, value: Any) -> str | None:
        """Why ``name=value`` is not allowed with the rest of ``request`` (for the form's tooltips)."""
        values = self.values_of(request)
        values[name] = value
        for rule in self.rules:
            if rule.violated_by(values):
                return rule.reason
        return None


@dataclass(frozen=True)
class Catalog:
    dialect: str
    models: tuple[ModelSpec, ...]
    generic_modes: tuple[str, ...] = MODES

    def model_ids(self) -> list[str]:
        return [m.id for m in self.models]

    def spec(self, model_id: str) -> ModelSpec:
        for m in self.models:
            if m.id == model_id:
                return m
        return ModelSpec(id=model_id, label=model_id, modes=self.generic_modes, known=False)


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def _model_from_json(data: dict[str, Any], generic_modes: tuple[str, ...]) -> ModelSpec:
    durations = data.get("durations")
    kwargs: dict[str, Any] = {}
    if isinstance(durations, dict):
        kwargs["duration_min"] = int(durations.get("min", 1))
        kwargs["duration_max"] = int(durations.get("max", 60))
    elif durations is not None:
        kwargs["durations"] = tuple(int(d) for d in durations)
    rules = tuple(
        Rule(
            when={k: _tuple(v) for k, v in r["if"].items()},
            then={k: _tuple(v) for k, v in r["then"].items()},
            reason=r["reason"],
            reason_zh=r.get("reason_zh", ""),
        )
        for r in data.get("rules", [])
    )
    params = {k: (None if v is None else _tuple(v)) for k, v in data.get("params", {}).items()}
    for key in ("default_duration", "default_resolution", "prompt_max", "negative_prompt_max"):
        if key in data:
            kwargs[key] = data[key]
    if "max_ref_images" in data:
        kwargs["max_ref_images"] = int(data["max_ref_images"])
    return ModelSpec(
        id=data["id"],
        label=data.get("label", data["id"]),
        label_zh=data.get("label_zh", ""),
        modes=tuple(data.get("modes", generic_modes)),
        resolutions=tuple(data["resolutions"]) if data.get("resolutions") else None,
        fields=tuple(data.get("fields", ("negative_prompt", "seed"))),
        params=params,
        param_defaults=dict(data.get("param_defaults", {})),
        rules=rules,
        **kwargs,
    )


def catalog_from_json(data: dict[str, Any]) -> Catalog:
    generic = tuple(data.get("generic_modes", MODES))
    return Catalog(
        dialect=data["dialect"],
        models=tuple(_model_from_json(m, generic) for m in data.get("models", [])),
        generic_modes=generic,
    )


@cache
def load_catalog(dialect: str) -> Catalog:
    path = CATALOG_DIR / f"{dialect}.json"
    return catalog_from_json(json.loads(path.read_text(encoding="utf-8")))


def _check(condition: bool, message: str, field_name: str) -> None:
    if not condition:
        raise InvalidInput(message, field=field_name)


def validate_request(spec: ModelSpec, request: GenerationRequest) -> None:
    """Raise InvalidInput for the first thing the model cannot take. Sends nothing."""
    _check(bool(request.model.strip()), "choose a model", "model")
    mode = request.mode
    _check(not (request.last_image and not request.image), "a last frame needs a first frame", "image")
    _check(mode in spec.modes, f"{spec.label or spec.id} does not support {_MODE_WORDS[mode]}", "mode")
    if mode == MODE_TEXT:
        _check(bool(request.prompt.strip()), "a text-to-video request needs a prompt", "prompt")
    _check(
        len(request.prompt) <= min(spec.prompt_max, PROMPT_HARD_MAX),
        f"the prompt is {len(request.prompt)} characters; {spec.id} takes at most {spec.prompt_max}",
        "prompt",
    )
    _check(
        len(request.negative_prompt) <= spec.negative_prompt_max,
        f"the negative prompt is longer than {spec.negative_prompt_max} characters",
        "negative_prompt",
    )
    for name, text in (("prompt", request.prompt), ("negative_prompt", request.negative_prompt)):
        bad = [c for c in text if ord(c) < 32 and c not in "\n\t\r"]
        _check(not bad, f"the {name.replace('_', ' ')} contains control characters", name)
    if request.negative_prompt and spec.known:
        _check("negative_prompt" in spec.fields, f"{spec.id} takes no negative prompt", "negative_prompt")
    _check(
        len(request.ref_images) <= spec.max_ref_images,
        f"{spec.id} takes at most {spec.max_ref_images} reference images",
        "ref_images",
    )
    if request.duration is not None:
        allowed = spec.allowed_durations()
        _check(
            request.duration in allowed,
            f"{spec.id} cannot make a {request.duration} s video (allowed: {_span(allowed)} s)",
            "duration",
        )
    if request.resolution is not None and spec.resolutions is not None:
        _check(
            request.resolution.lower() in {r.lower() for r in spec.resolutions},
            f"{spec.id} has no {request.resolution} (allowed: {', '.join(spec.resolutions)})",
            "resolution",
        )
    if request.seed is not None:
        _check(0 <= request.seed <= SEED_MAX, f"the seed must be between 0 and {SEED_MAX}", "seed")
        if spec.known:
            _check("seed" in spec.fields, f"{spec.id} takes no seed", "seed")
    for name, value in request.params.items():
        allowed_values = spec.params.get(name)
        if allowed_values:
            _check(
                value in allowed_values,
                f"{name}={value!r} is not one of {', '.join(map(str, allowed_values))}",
                name,
            )
    values = spec.values_of(request)
    for rule in spec.rules:
        broken = rule.violated_by(values)
        if broken:
            raise InvalidInput(rule.reason, field=broken)


_MODE_WORDS = {
    "text": "text-to-video",
    MODE_IMAGE: "image-to-video",
    "first_last": "first and last frame",
    "reference": "reference images",
}


def _span(values: list[int]) -> str:
    if len(values) > 3 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}–{values[-1]}"
    return ", ".join(map(str, values))
