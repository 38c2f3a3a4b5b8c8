"""The real thing: packaging/build.sh builds the PyInstaller app and its archive, and the BUILT
binary passes --selftest offscreen (its offline renderer's spawned worker re-runs the frozen
executable), runs the CLI, and holds what it must and nothing it must not.

It takes about a minute (PyInstaller about 25-40 s on 2 cores, archive, two selftests), so it is
part of the normal suite; measurements are printed (`pytest -s`) and written to
``<tmp>/bundle-measurements.json``.
"""

from __future__ import annotations

import json
import subprocess
import tarfile
import time
from pathlib import Path

import pytest

from core import __version__
from tests.packaging.conftest import APP_ID, ROOT, clean_env

MAX_APP_MB = 420  # 338 MB when measured; WebEngine or Qt3D sneaking in would break this
UNWANTED = ("libQt6WebEngine", "libQt6Pdf", "libQt63D", "libQt6Quick3D", "libQt6Charts", "libgtk-3")


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


@pytest.mark.bundle
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_build_the_bundle_and_run_its_selftest(tmp_path: Path) -> None:
    dist, work = tmp_path / "dist", tmp_path / "work"
    started = time.perf_counter()
    build = subprocess.run(
        ["bash", "packaging/build.sh", "--dist", str(dist), "--work", str(work), "--no-selftest"],
        cwd=ROOT,
        env=clean_env(CLIPDESK_GZIP_LEVEL="1"),
        capture_output=True,
        text=True,
        timeout=840,
    )
    build_seconds = time.perf_counter() - started
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    app_dir = dist / "clipdesk"
    exe = app_dir / "clipdesk"
    archive = dist / f"clipdesk-{__version__}-linux-x86_64.tar.gz"
    assert exe.is_file() and archive.is_file()

    # what the bundle holds
    internal = app_dir / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert {"clipdesk_zh_CN.qm", "clipdesk_en.qm", "local.json", "clipdesk.svg"} <= names
    for plugin in ("libffmpegmediaplugin.so", "libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        assert plugin in names, plugin
    assert not [n for n in names if n.startswith(UNWANTED)], "unwanted Qt parts in the bundle"
    app_mb = folder_mb(app_dir)
    assert app_mb < MAX_APP_MB, f"the app grew to {app_mb:.0f} MB"

    # the archive: the app, the scripts, the desktop files, every icon size
    with tarfile.open(archive) as tar:
        members = set(tar.getnames())
    top = f"clipdesk-{__version__}-linux-x86_64"
    for member in (
        "clipdesk/clipdesk",
        "install.sh",
        "uninstall.sh",
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/512x512/apps/{APP_ID}.png",
        f"share/icons/hicolor/16x16/apps/{APP_ID}.png",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    ):
        assert f"{top}/{member}" in members, member

    # the built binary's selftest, offscreen, with its own throwaway home
    home = tmp_path / "home"
    home.mkdir()
    t = time.perf_counter()
    selftest = subprocess.run(
        [str(exe), "--selftest"],
        env=clean_env(HOME=str(home)),
        capture_output=True,
        text=True,
        timeout=180,
    )
    selftest_seconds = time.perf_counter() - t
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr[-3000:]
    assert selftest.stdout.startswith("ClipDesk selftest: OK")
    assert "(bundle)" in selftest.stdout and "(offscreen)" in selftest.stdout
    assert "by the media worker" in selftest.stdout  # its spawned process re-runs the frozen binary
    assert "Traceback" not in selftest.stderr

    # the headless CLI inside the bundle, including a render through the frozen spawn worker
    cli_home = tmp_path / "cli-home"
    env = clean_env(HOME=str(home), CLIPDESK_HOME=str(cli_home))
    version = subprocess.run([str(exe), "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"ClipDesk {__version__}"
    request = ["--dialect", "local", "--model", "preview", "--prompt", "bundle", "--duration", "1"]
    generate = subprocess.run(
        [str(exe), "generate", *request, "--resolution", "360p", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generate.returncode == 0, generate.stdout + generate.stderr
    final = json.loads(generate.stdout.splitlines()[-1])
    assert final["state"] == "succeeded" and Path(final["video_path"]).stat().st_size > 1000
    tasks = subprocess.run([str(exe), "tasks", "--json"], env=env, capture_output=True, text=True, timeout=60)
    assert [t["id"] for t in json.loads(tasks.stdout)] == [final["id"]]

    # nothing of the app is left running (render workers, resource trackers)
    left = subprocess.run(["pgrep", "-f", str(exe)], capture_output=True, text=True)
    assert left.stdout.strip() == "", f"processes left running: {left.stdout}"

    measured = {
        "build_script_seconds": round(build_seconds, 1),
        "selftest_seconds": round(selftest_seconds, 1),
        "app_mb": round(app_mb, 1),
        "archive_mb_gzip1": round(archive.stat().st_size / 1e6, 1),
        "app_files": sum(1 for p in app_dir.rglob("*") if p.is_file()),
    }
    (tmp_path / "bundle-measurements.json").write_text(json.dumps(measured, indent=2))
    print("\nbundle:", json.dumps(measured))
