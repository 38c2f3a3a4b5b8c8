"""Shared fixtures: every test runs with its own CLIPDESK_HOME and, unless the suite runs inside
the real Secret Service session (CLIPDESK_REAL_KEYRING=1), an in-memory keyring."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")


@pytest.fixture(autouse=True)
def clipdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "clipdesk-home"
    monkeypatch.setenv("CLIPDESK_HOME", str(home))
    monkeypatch.delenv("CLIPDESK_API_KEY", raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    if os.environ.get("CLIPDESK_REAL_KEYRING") == "1":
        return
    import keyring

    from tests.support.memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
