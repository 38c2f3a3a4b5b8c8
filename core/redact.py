"""Redaction of keys and base64 blobs from anything that is logged, printed or exported."""

from __future__ import annotations

import logging
import re
import threading

_secrets: set[str] = set()
_lock = threading.Lock()

_PATTERNS = [
    (re.compile(r"data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+"), "<data-uri>"),
    (re.compile(r"(?i)(authorization[\"']?\s*[:=]\s*[\"']?bearer\s+)[^\s\"',}]+"), r"\1***"),
    (re.compile(r"(?i)(api-key[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+"), r"\1***"),
    (re.compile(r"\bsk-[A-Za-z0-9_-]{6,}"), "sk-***"),
    (re.compile(r"[A-Za-z0-9+/]{200,}={0,2}"), "<base64>"),
]


def register_secret(value: str | None) -> None:
    """Remember a key so every later redaction removes it, wherever it appears."""
    if value and len(value) >= 4:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, "***")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True
