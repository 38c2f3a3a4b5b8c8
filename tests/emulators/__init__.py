"""Loopback HTTP emulators of the video-provider dialects (see shared providers.md §7).

Each emulator is a real HTTP/1.1 server on 127.0.0.1 with a random port::

    with DashScopeEmulator() as emu:
        client.base_url = emu.base_url + "/alibailian"
        ...
        assert emu.count("POST", "/alibailian/api/v1/services") == 1
"""

from .aisphere import AiSphereEmulator
from .base import (
    COMMON_TOKENS,
    KEY_BAD,
    KEY_OK,
    KEY_POOR,
    KEY_RATELIMIT,
    Emulator,
    ForeignHost,
    RecordedRequest,
    Reply,
    Task,
    scenario,
)
from .dashscope import DashScopeEmulator
from .newapi import NewApiEmulator
from .pixverse import PixVerseEmulator
from .uniall import UniAllEmulator

DIALECTS: dict[str, type[Emulator]] = {
    "dashscope": DashScopeEmulator,
    "newapi": NewApiEmulator,
    "pixverse": PixVerseEmulator,
    "aisphere": AiSphereEmulator,
    "uniall": UniAllEmulator,
}

__all__ = [
    "COMMON_TOKENS",
    "DIALECTS",
    "KEY_BAD",
    "KEY_OK",
    "KEY_POOR",
    "KEY_RATELIMIT",
    "AiSphereEmulator",
    "DashScopeEmulator",
    "Emulator",
    "ForeignHost",
    "NewApiEmulator",
    "PixVerseEmulator",
    "RecordedRequest",
    "Reply",
    "Task",
    "UniAllEmulator",
    "scenario",
]
