"""Keys live only in the OS keyring, under one service name. Nothing else touches keyring.

``CLIPDESK_API_KEY`` overrides the stored key for headless runs and is never persisted. Where no
usable keyring backend exists, keys are held in memory for the session and the caller is told so.

Every call that reaches the keyring may block (a D-Bus round trip, and on first use the import of
keyring and its choice of backend: tens of milliseconds): callers make them from a worker thread.
keyring itself is imported by the first such call, not with this module, so a window can import
the engine without it; :attr:`SecretStore.keyring_known` answers at once from what is known.
"""

from __future__ import annotations

import logging
import os

from core.redact import register_secret

SERVICE = "ClipDesk"
ENV_KEY = "CLIPDESK_API_KEY"
log = logging.getLogger("clipdesk.secrets")

NO_KEYRING_MESSAGE = (
    "No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). "
    "ClipDesk keeps the key in memory for this session only and never writes it to disk; "
    "you will be asked again next time."
)


class SecretStore:
    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self._usable: bool | None = None

    @property
    def keyring_known(self) -> bool | None:
        """Whether a usable keyring was found, or None while it has not been looked for (never blocks)."""
        return self._usable

    @property
    def keyring_available(self) -> bool:
        """Whether a usable keyring exists; its first answer imports keyring and probes it (blocks)."""
        if self._usable is None:
            import keyring
            import keyring.errors
            from keyring.backends import chainer, fail

            backend = keyring.get_keyring()
            self._usable = not isinstance(backend, fail.Keyring) and not (
                isinstance(backend, chainer.ChainerBackend) and not backend.backends
            )
            if self._usable:
                try:
                    keyring.get_password(SERVICE, "__probe__")
                except keyring.errors.KeyringError as exc:
                    log.warning("keyring unusable: %s", type(exc).__name__)
                    self._usable = False
        return self._usable

    def get(self, connection: str) -> str | None:
        env = os.environ.get(ENV_KEY)
        if env:
            register_secret(env)
            return env
        value = self._memory.get(connection)
        if value is None and self.keyring_available:
            import keyring

            try:
                value = keyring.get_password(SERVICE, connection)
            except keyring.errors.KeyringError as exc:
                log.warning(
                    "could not read the key for %s from the keyring: %s", connection, type(exc).__name__
                )
        register_secret(value)
        return value

    def set(self, connection: str, key: str) -> bool:
        """Store a key. Returns False when it is held in memory only (no keyring)."""
        register_secret(key)
        if self.keyring_available:
            import keyring

            try:
                keyring.set_password(SERVICE, connection, key)
                self._memory.pop(connection, None)
                return True
            except keyring.errors.KeyringError as exc:
                log.warning("could not store the key for %s: %s", connection, type(exc).__name__)
        self._memory[connection] = key
        return False

    def delete(self, connection: str) -> None:
        self._memory.pop(connection, None)
        if self.keyring_available:
            import keyring

            try:
                keyring.delete_password(SERVICE, connection)
            except keyring.errors.PasswordDeleteError:
                pass
            except keyring.errors.KeyringError as exc:
                log.warning("could not delete the key for %s: %s", connection, type(exc).__name__)
