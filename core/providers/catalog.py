"""Model catalogs as data: one JSON file per dialect under resources/catalogs/.

The same catalog builds the GUI form and validates a request before anything is sent.

Format (every key optional except ``id``)::

    {"dialect": "pixverse",
     "models": [{
        "id": "v5.5", "label": "PixVerse v5.5",
        "modes": ["text", "image", "first_last"],
        "modes_if": {"reference": "template_id"},      # a mode taken only with this field given
        "durations": [5, 8, 10]            # or {"min": 1, "max": 15}
        "resolutions": ["360p", "540p", "720p", "1080p"],
        "default_duration": 5, "default_resolution": "720p",
        "prompt_max": 2048, "negative_prompt_max": 2048, "max_ref_images": 4, "min_ref_images": 1,
        "required": ["prompt"],                        # what the seed marks required ("prompt",
                                                       # "image"); default: the catalog's "required"
        "fields": ["negative_prompt", "seed"],          # optional request fields the model takes
        "params": {"motion_mode": ["normal", "fast"],    # dialect fields: allowed values,
                   "thinking_type": null},              # or null for free text
        "rules": [{"if": {"motion_mode": ["fast"]},      # when every named field has one of these
                   "then": {"duration": [5]},           # ...each named field must be one of these
                   "reason": "Fast motion is only available at 5 s",
                   "reason_zh": "快速运动仅支持 5 秒"}],
        "param_types": {"lip_sync_tts_speaker_id": "string"},  # sent as this JSON type
        "param_max": {"lip_sync_tts_content": 140},            # longest text a free field takes
        "unconfirmed": {"style": "why no source confirms it"}}]}  # shown as "unconfirmed field"

A known model refuses any dialect field it does not list in ``params``.

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
    modes_if: dict[str, str] = field(default_factory=dict)  # mode -> the field that enables it
    durations: tuple[int, ...] | None = None  # None: any in [duration_min, duration_max]
    duration_min: int = 1
    duration_max: int = 60
    resolutions: tuple[str, ...] | None = None  # None: free text
    default_duration: int | None = None
    default_resolution: str | None = None
    prompt_max: int = PROMPT_HARD_MAX
    negative_prompt_max: int = PROMPT_HARD_MAX
    max_ref_images: int = 4
    min_ref_images: int = 1
    required: tuple[str, ...] = ()  # "prompt" and/or "image" (a first frame), whatever the mode
    fields: tuple[str, ...] = ("negative_prompt", "seed")
    params: dict[str, tuple[Any, ...] | None] = field(default_factory=dict)
    param_defaults: dict[str, Any] = field(default_factory=dict)  # what the API does when one is not sent
    rules: tuple[Rule, ...] = ()
    param_types: dict[str, str] = field(default_factory=dict)  # name -> "string" | "integer"
    param_max: dict[str, int] = field(default_factory=dict)  # name -> longest text, in characters
    unconfirmed: dict[str, str] = field(default_factory=dict)  # name -> why it is a guess
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

    def typed(self, params: dict[str, Any]) -> dict[str, Any]:
        """``params`` with each value in the JSON type the catalog names for it (a speaker id typed
        as 7 goes out as "7"); values of other fields are left as given."""
        out = dict(params)
        for name, kind in self.param_types.items():
            value = out.get(name)
            if value is None or isinstance(value, bool):
                continue
            if kind == "string" and not isinstance(value, str):
                out[name] = str(value)
            elif kind == "integer" and isinstance(value, str) and value.strip().lstrip("-").isdigit():
                out[name] = int(value.strip())
        return out

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
    required: tuple[str, ...] = ()

    def model_ids(self) -> list[str]:
        return [m.id for m in self.models]

    def spec(self, model_id: str) -> ModelSpec:
        for m in self.models:
            if m.id == model_id:
                return m
        return ModelSpec(
            id=model_id, label=model_id, modes=self.generic_modes, required=self.required, known=False
        )


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def _model_from_json(
    data: dict[str, Any], generic_modes: tuple[str, ...], required: tuple[str, ...] = ()
) -> ModelSpec:
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
    for key in ("max_ref_images", "min_ref_images"):
        if key in data:
            kwargs[key] = int(data[key])
    return ModelSpec(
        id=data["id"],
        label=data.get("label", data["id"]),
        label_zh=data.get("label_zh", ""),
        modes=tuple(data.get("modes", generic_modes)),
        modes_if=dict(data.get("modes_if", {})),
        resolutions=tuple(data["resolutions"]) if data.get("resolutions") else None,
        fields=tuple(data.get("fields", ("negative_prompt", "seed"))),
        params=params,
        param_defaults=dict(data.get("param_defaults", {})),
        rules=rules,
        required=tuple(data.get("required", required)),
        param_types=dict(data.get("param_types", {})),
        param_max={k: int(v) for k, v in data.get("param_max", {}).items()},
        unconfirmed=dict(data.get("unconfirmed", {})),
        **kwargs,
    )


def catalog_from_json(data: dict[str, Any]) -> Catalog:
    generic = tuple(data.get("generic_modes", MODES))
    required = tuple(data.get("required", ()))
    return Catalog(
        dialect=data["dialect"],
        models=tuple(_model_from_json(m, generic, required) for m in data.get("models", [])),
        generic_modes=generic,
        required=required,
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
    enabled_by = spec.modes_if.get(mode)
    _check(
        mode in spec.modes or (enabled_by is not None and request.params.get(enabled_by) is not None),
        f"{spec.label or spec.id} does not support {_MODE_WORDS[mode]}"
        + (f" without {enabled_by}" if enabled_by else ""),
        "mode",
    )
    if mode == MODE_TEXT:
        _check(bool(request.prompt.strip()), "a text-to-video request needs a prompt", "prompt")
    if "prompt" in spec.required:
        _check(bool(request.prompt.strip()), f"{spec.id} needs a prompt in every mode", "prompt")
    if "image" in spec.required:
        _check(bool(request.image), f"{spec.id} needs a first-frame image in every mode", "image")
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
    if request.ref_images:
        _check(
            len(request.ref_images) >= spec.min_ref_images,
            f"{spec.id} needs at least {spec.min_ref_images} reference images "
            f"(with fewer the provider makes another kind of video)",
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
        if spec.param_types.get(name) == "integer":
            whole = spec.typed({name: value})[name]
            _check(
                isinstance(whole, int) and not isinstance(whole, bool),
                f"{name} must be a whole number, not {value!r}",
                name,
            )
        longest = spec.param_max.get(name)
        if longest is not None:
            _check(
                len(str(value)) <= longest,
                f"{name} is {len(str(value))} characters; {spec.id} takes at most {longest}",
                name,
            )
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
            raise InvalidInput(rule.reason, field="mode" if broken == "input" else broken)
    if spec.known:  # after the rules: a rule's reason says more than "takes no …"
        listed = ", ".join(spec.params) or "none"
        for name in request.params:
            _check(name in spec.params, f"{spec.id} takes no {name} (its fields: {listed})", name)


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
