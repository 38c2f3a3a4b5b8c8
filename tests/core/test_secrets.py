from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from core.config.secrets import NO_KEYRING_MESSAGE, SecretStore
from tests.support.cli import secret_hits

REAL = os.environ.get("CLIPDESK_REAL_KEYRING") == "1"


def test_key_round_trip_through_the_keyring() -> None:
    store = SecretStore()
    assert store.keyring_available
    assert store.set("My gateway", "sk-round-trip-1234567890")
    assert SecretStore().get("My gateway") == "sk-round-trip-1234567890"  # a new process would see it too
    store.delete("My gateway")
    assert SecretStore().get("My gateway") is None


@pytest.mark.skipif(not REAL, reason="runs inside the suite's D-Bus session with gnome-keyring")
def test_the_real_secret_service_backend_is_used() -> None:
    assert type(keyring.get_keyring()).__module__ == "keyring.backends.SecretService"


def test_env_key_overrides_and_is_not_persisted(monkeypatch: pytest.MonkeyPatch, clipdesk_home: Path) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-from-env-abcdefgh")
    store = SecretStore()
    assert store.get("anything") == "sk-from-env-abcdefgh"
    assert keyring.get_password("ClipDesk", "anything") is None
    assert secret_hits("sk-from-env-abcdefgh", clipdesk_home) == [] if clipdesk_home.exists() else True


def test_without_a_keyring_the_key_stays_in_memory_only(clipdesk_home: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = SecretStore()
        assert not store.keyring_available
        assert store.set("c", "sk-memory-only-123456") is False
        assert store.get("c") == "sk-memory-only-123456"
        assert SecretStore().get("c") is None  # gone with the session
        assert "memory" in NO_KEYRING_MESSAGE and "never writes it to disk" in NO_KEYRING_MESSAGE
    finally:
        keyring.set_keyring(previous)
