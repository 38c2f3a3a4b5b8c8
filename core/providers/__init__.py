"""The registry of dialects. Modules are imported by name on first use."""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache

from core.providers.base import Provider

DIALECTS: dict[str, str] = {
    "local": "core.providers.local:LocalProvider",
    "dashscope": "core.providers.dashscope:DashScopeProvider",
    "pixverse": "core.providers.pixverse:PixVerseProvider",
    "newapi": "core.providers.newapi:NewApiProvider",
    "openai-videos": "core.providers.openai_videos:OpenAIVideosProvider",
    "aisphere": "core.providers.aisphere:AiSphereProvider",
    "uniall": "core.providers.uniall:UniAllProvider",
}


@cache
def get_provider(dialect: str) -> Provider:
    try:
        target = DIALECTS[dialect]
    except KeyError:
        raise ValueError(f"unknown dialect {dialect!r}; known: {', '.join(DIALECTS)}") from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    provider: Provider = cls()
    return provider


def available_dialects() -> list[str]:
    """Dialects whose module is present in this build."""
    found = []
    for dialect, target in DIALECTS.items():
        if importlib.util.find_spec(target.split(":")[0]) is not None:
            found.append(dialect)
    return found
