"""Shared fixtures: every test runs with its own CLIPDESK_HOME and, unless the suite runs inside
the real Secret Service session (CLIPDESK_REAL_KEYRING=1), an in-memory keyring."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


def pytest_configure(config: pytest.Config) -> None:
    """The interface translations are built, as `dev.sh setup` does (the app only reads them).
    Once, before any worker starts (pytest-xdist's workers have ``workerinput``)."""
    if not hasattr(config, "workerinput"):
        import subprocess

        subprocess.run(
            [sys.executable, str(ROOT / "packaging" / "translations.py")],
            check=True,
            stdout=subprocess.DEVNULL,
        )


@pytest.fixture(autouse=True)
def clipdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "clipdesk-home"
    monkeypatch.setenv("CLIPDESK_HOME", str(home))
    monkeypatch.delenv("CLIPDESK_API_KEY", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if os.environ.get("CLIPDESK_REAL_KEYRING") == "1":
        # one Secret Service serves both test workers: each test keeps its keys under a name of its
        # own, or two tests storing a key for the same connection name read each other's
        import uuid

        monkeypatch.setattr("core.config.secrets.SERVICE", f"ClipDesk-test-{uuid.uuid4().hex[:12]}")
        yield
        return
    import keyring

    from tests.support.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


# ---------------------------------------------------------------------------------------------
# Loopback provider emulators (tests/emulators): one real HTTP server per test, stopped after it.
# Each emulator also fails the test at teardown if one of its handlers raised (an emulator bug).


def _run_emulator(emu):
    emu.start()
    try:
        yield emu
    finally:
        emu.stop()
    assert not emu.errors, "emulator handler raised:\n" + "\n".join(emu.errors)


@pytest.fixture
def foreign_host():
    """The "other host" that #redirect result URLs point to; records what reached it."""
    from tests.emulators.base import ForeignHost

    yield from _run_emulator(ForeignHost())


@pytest.fixture
def dashscope_emu(foreign_host):
    from tests.emulators.dashscope import DashScopeEmulator

    yield from _run_emulator(DashScopeEmulator(foreign=foreign_host))


@pytest.fixture
def newapi_emu(foreign_host):
    from tests.emulators.newapi import NewApiEmulator

    yield from _run_emulator(NewApiEmulator(foreign=foreign_host))


@pytest.fixture
def pixverse_emu(foreign_host):
    from tests.emulators.pixverse import PixVerseEmulator

    yield from _run_emulator(PixVerseEmulator(foreign=foreign_host))


@pytest.fixture
def aisphere_emu(foreign_host):
    from tests.emulators.aisphere import AiSphereEmulator

    yield from _run_emulator(AiSphereEmulator(foreign=foreign_host))


@pytest.fixture
def uniall_emu(foreign_host):
    from tests.emulators.uniall import UniAllEmulator

    yield from _run_emulator(UniAllEmulator(foreign=foreign_host))
