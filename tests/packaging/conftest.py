"""Packaging tests: desktop files, install/uninstall, --selftest, the crash handler, the bundle."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Bundle:
    """The app and archive packaging/build.sh built, once per test session."""

    root: Path  # a 0755 folder in /tmp, so another user can run the app (the read-only test)
    dist: Path
    app: Path  # dist/clipdesk
    exe: Path  # dist/clipdesk/clipdesk
    staged: Path  # the archive's folder, dist/clipdesk-<version>-linux-<arch>
    archive: Path
    build_seconds: float


@pytest.fixture(scope="session")
def bundle() -> Iterator[Bundle]:
    """Build the real bundle with `packaging/build.sh` (about 1-2 minutes on 2 cores), shared by
    every bundle test of the session (they share an xdist group, so one worker builds it)."""
    from core import __version__

    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle tests build the Linux app")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip(
            "PyInstaller is not installed: `bash packaging/dev.sh setup` installs it (the bundle extra)"
        )
    root = Path(tempfile.mkdtemp(prefix="clipdesk-bundle-test-"))
    root.chmod(0o755)
    dist, work = root / "dist", root / "work"
    started = time.perf_counter()
    try:
        build = subprocess.run(
            ["bash", "packaging/build.sh", "--dist", str(dist), "--work", str(work), "--no-selftest"],
            cwd=ROOT,
            env=clean_env(CLIPDESK_GZIP_LEVEL="1"),
            capture_output=True,
            text=True,
            timeout=840,
        )
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
        shutil.rmtree(work, ignore_errors=True)
        name = f"clipdesk-{__version__}-linux-{os.uname().machine}"
        yield Bundle(
            root=root,
            dist=dist,
            app=dist / "clipdesk",
            exe=dist / "clipdesk" / "clipdesk",
            staged=dist / name,
            archive=dist / f"{name}.tar.gz",
            build_seconds=time.perf_counter() - started,
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
