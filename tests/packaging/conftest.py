"""Packaging tests: desktop files, install/uninstall, --selftest, the crash handler, the bundle."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The GUI suite's fixtures (a qasync loop, the core services in the test's CLIPDESK_HOME, the main
# window) for the welcome tests, with its guards: a Qt warning fails the test; English interface.
from tests.gui.conftest import (  # noqa: F401
    english_interface,
    fail_on_qt_warnings,
    qloop,
    services,
    window,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.clipdesk.ClipDesk"


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child ClipDesk: no CLIPDESK_HOME unless given, offscreen, quiet."""
    env = {k: v for k, v in os.environ.items() if k not in ("CLIPDESK_HOME", "CLIPDESK_API_KEY")}
    env.update(QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.multimedia.*=false")
    env.update(extra)
    return env


def need_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: `bash packaging/dev.sh setup` installs it (as root)")
    return path


def stage(tmp: Path, app: Path | None = None) -> Path:
    """The archive's folder as build.sh lays it out; a stand-in app unless ``app`` is given."""
    if app is None:
        app = tmp / "fake-app"
        (app / "_internal").mkdir(parents=True)
        (app / "_internal" / "data.txt").write_text("bundle contents\n")
        exe = app / "clipdesk"
        exe.write_text('#!/bin/sh\necho "fake clipdesk $*"\n')
        exe.chmod(0o755)
    target = tmp / "clipdesk-0.0.0-linux-x86_64"
    subprocess.run(
        ["bash", str(LINUX / "stage.sh"), str(target), str(app), sys.executable],
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    return target
