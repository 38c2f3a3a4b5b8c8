"""The real app (or a script using it) run as a child process, offscreen, in a test's CLIPDESK_HOME."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_app(args: list[str], home: Path, *, keyring: bool = False) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` from the repository root; without ``keyring``, the keyring-less path."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLIPDESK_HOME": str(home)}
    if not keyring:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
