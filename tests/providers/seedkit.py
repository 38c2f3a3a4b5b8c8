"""Helpers shared by the seed tests: a provider context with images as the seeds give them, the
examples copied verbatim from the seed documents (tests/data/seeds/) and a field-by-field diff."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.media.images import PreparedImage
from core.providers import get_provider
from core.providers.base import Provider, ProviderContext
from core.providers.catalog import validate_request
from core.tasks.request import GenerationRequest

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24  # bytes stand in for a local file; only their encoding matters


def url_image(url: str) -> PreparedImage:
    """An http(s) image passed through unchanged, as ClipDesk prepares one."""
    return PreparedImage(data=b"", mime="", width=0, height=0, source=url, url=url)


def local_image(data: bytes = PNG) -> PreparedImage:
    return PreparedImage(data=data, mime="image/png", width=640, height=360, source="/tmp/a.png")


def context(
    image: list[PreparedImage] | None = None,
    last_image: list[PreparedImage] | None = None,
    ref_images: list[PreparedImage] | None = None,
    uploads: dict[str, Any] | None = None,
) -> ProviderContext:
    images = {"image": image or [], "last_image": last_image or [], "ref_images": ref_images or []}
    return ProviderContext(http=None, images={k: v for k, v in images.items() if v}, uploads=uploads or {})  # type: ignore[arg-type]


def request_for(dialect: str, **fields: Any) -> tuple[Provider, GenerationRequest]:
    """The request a creator makes, validated by the model's catalog as the engine does first."""
    provider = get_provider(dialect)
    request = GenerationRequest(**fields)
    validate_request(provider.catalog.spec(request.model), request)
    return provider, request


def example(name: str) -> Any:
    """One seed example as JSON: the file verbatim, less the seed's own ``//`` comment lines."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    return json.loads("\n".join(lines))


def differences(expected: Any, actual: Any, path: str = "", *, fixed: bool = True) -> list[str]:
    """Field-by-field differences: names, nesting and JSON types everywhere; values only where
    ``fixed`` (a seed's placeholder such as "string" fixes the type, not the value)."""
    out: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path or '/'}: object expected, got {type(actual).__name__}"]
        for key in sorted(set(expected) | set(actual)):
            where = f"{path}.{key}" if path else key
            if key not in actual:
                out.append(f"{where}: missing")
            elif key not in expected:
                out.append(f"{where}: not in the seed's example")
            else:
                out += differences(expected[key], actual[key], where, fixed=fixed)
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{path}: array expected, got {type(actual).__name__}"]
        if fixed and len(expected) != len(actual):
            return [f"{path}: {len(expected)} items expected, got {len(actual)}"]
        for n, (e, a) in enumerate(zip(expected, actual, strict=False)):
            out += differences(e, a, f"{path}[{n}]", fixed=fixed)
        return out
    if _json_type(expected) != _json_type(actual):
        return [f"{path}: {_json_type(expected)} expected, got {_json_type(actual)} ({actual!r})"]
    if fixed and expected != actual:
        out.append(f"{path}: {expected!r} expected, got {actual!r}")
    return out


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number" if isinstance(value, float) else "integer"
    if value is None:
        return "null"
    return type(value).__name__
