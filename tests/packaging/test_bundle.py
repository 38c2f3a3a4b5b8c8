"""The real thing: packaging/build.sh builds the PyInstaller app and its archive once per session
(the ``bundle`` fixture), and the BUILT app is checked as a creator would meet it: what it holds
(licences, translations, no piece of glibc), its selftest (quiet, from a read-only install run by
another user in Chinese), its CLI, the glibc check at start, and install/uninstall from the
archive's folder into an awkward home. Measurements are printed (``pytest -s``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from core import __version__
from core.system import RECORD, format_version, glibc_needed, is_glibc_library
from tests.packaging.conftest import APP_ID, ROOT, Bundle, clean_env
from tests.packaging.test_desktop_files import AWKWARD, desktop_value, parse_exec, tree

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.slow,
    pytest.mark.xdist_group("bundle"),
    pytest.mark.timeout(900),
]

MAX_APP_MB = 420  # 338 MB when measured; WebEngine or Qt3D sneaking in would break this
UNWANTED = ("libQt6WebEngine", "libQt6Pdf", "libQt63D", "libQt6Quick3D", "libQt6Charts", "libgtk-3")


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time."""
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def quiet_env(**extra: str) -> dict[str, str]:
    """A creator's environment: no QT_LOGGING_RULES, no XDG folders of the test run."""
    env = {
        k: v for k, v in clean_env(**extra).items() if k != "QT_LOGGING_RULES" and not k.startswith("XDG_")
    }
    return env


def test_the_bundle_holds_what_it_must_and_nothing_it_must_not(bundle: Bundle) -> None:
    internal = bundle.app / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert {"clipdesk_zh_CN.qm", "clipdesk_en.qm", "local.json", "clipdesk.svg"} <= names
    assert not list(internal.rglob("*.ts")), "the .ts sources are not needed at run time"
    for plugin in ("libffmpegmediaplugin.so", "libqxcb.so", "libqwayland.so", "libqoffscreen.so"):
        assert plugin in names, plugin
    assert not [n for n in names if n.startswith(UNWANTED)], "unwanted Qt parts in the bundle"
    app_mb = folder_mb(bundle.app)
    assert app_mb < MAX_APP_MB, f"the app grew to {app_mb:.0f} MB"

    import tarfile

    with tarfile.open(bundle.archive) as tar:
        members = set(tar.getnames())
    for member in (
        "clipdesk/clipdesk",
        "clipdesk/_internal/LICENSE",
        "clipdesk/_internal/THIRD-PARTY-NOTICES.txt",
        "install.sh",
        "uninstall.sh",
        "LICENSE",
        "THIRD-PARTY-NOTICES.txt",
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/512x512/apps/{APP_ID}.png",
        f"share/icons/hicolor/16x16/apps/{APP_ID}.png",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    ):
        assert f"{bundle.staged.name}/{member}" in members, member
    print(
        "\nbundle:",
        json.dumps(
            {
                "build_script_seconds": round(bundle.build_seconds, 1),
                "app_mb": round(app_mb, 1),
                "archive_mb_gzip1": round(bundle.archive.stat().st_size / 1e6, 1),
                "app_files": sum(1 for p in bundle.app.rglob("*") if p.is_file()),
            }
        ),
    )


def test_licence_and_notices_cover_what_the_bundle_carries(bundle: Bundle) -> None:
    internal = bundle.app / "_internal"
    assert (internal / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    notices = (internal / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    # every Python distribution with a package in the bundle is named, with its licence
    for dist in ("aiohttp", "av", "certifi", "cryptography", "httpx", "keyring", "pillow", "platformdirs"):
        assert re.search(rf"^  {re.escape(dist)} [0-9][^:]*: \S", notices, re.M | re.I), dist
    for dist in (
        "PySide6_Essentials",
        "PySide6_Addons",
        "shiboken6",
        "qasync",
        "SecretStorage",
        "pyinstaller",
    ):
        assert f"  {dist} " in notices, dist
    for text in (
        "Python 3.11",  # the interpreter's licence
        "A. HISTORY OF THE SOFTWARE",
        "--enable-libx264",  # PyAV's FFmpeg, as configured
        "libx265",
        "which report: LGPL version 2.1 or later",  # Qt's FFmpeg
        "--- libpulse0:",  # a host library copied in, with its Debian copyright file
        "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3",
        "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 2.1",
        "GNU GENERAL PUBLIC LICENSE\n                       Version 2",
    ):
        assert text in notices, text
    assert "Not from a package: none" in notices


def test_no_piece_of_glibc_is_inside_and_the_readme_says_which_glibc(bundle: Bundle) -> None:
    files = [p for p in bundle.app.rglob("*") if p.is_file() or p.is_symlink()]
    assert [p.name for p in files if is_glibc_library(p.name)] == []
    private = [
        str(p.relative_to(bundle.app))
        for p in files
        if p.is_file()
        and not p.is_symlink()
        and p.read_bytes()[:4] == b"\x7fELF"
        and b"GLIBC_PRIVATE" in p.read_bytes()
    ]
    assert private == [], "libraries that use glibc's private symbols (they belong to glibc)"
    recorded = (bundle.app / "_internal" / RECORD).read_text().strip()
    assert recorded == format_version(glibc_needed(bundle.app))
    assert f"glibc {recorded}" in (ROOT / "README.md").read_text()
    assert f"glibc {recorded}" in (bundle.staged / "README.txt").read_text()


def test_every_library_of_the_bundle_resolves_with_the_systems_glibc(bundle: Bundle) -> None:
    """``ldd`` finds every dependency (libmvec, libc... from the system, the rest inside)."""
    internal = bundle.app / "_internal"
    env = {**clean_env(), "LD_LIBRARY_PATH": str(internal)}  # as PyInstaller's bootloader sets it
    missing = []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True, timeout=60)
        missing += [
            f"{path.name}: {line.strip()}" for line in result.stdout.splitlines() if "not found" in line
        ]
    assert missing == []
    x265 = next((internal / "av.libs").glob("libx265*"))
    linked = subprocess.run(["ldd", str(x265)], env=env, capture_output=True, text=True, timeout=60).stdout
    assert re.search(r"libmvec\.so\.1 => /(usr/)?lib", linked), linked  # the system's, not a copy


def test_an_older_glibc_is_told_at_start(bundle: Bundle) -> None:
    record = bundle.app / "_internal" / RECORD
    measured = record.read_text()
    record.write_text("99.0\n")  # as if this system's glibc were older than the app needs
    try:
        result = subprocess.run(
            [str(bundle.exe), "--version"], env=clean_env(), capture_output=True, text=True, timeout=60
        )
    finally:
        record.write_text(measured)
    assert result.returncode == 1
    assert "ClipDesk needs glibc 99.0 or newer; this system has glibc 2." in result.stderr
    assert result.stdout == ""


def test_the_built_selftest_passes_quietly_and_touches_nothing(bundle: Bundle, tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    started = time.perf_counter()
    result = subprocess.run(
        [str(bundle.exe), "--selftest"],
        env=quiet_env(HOME=str(home), TMPDIR=str(tmp)),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    out = result.stdout
    assert out.startswith("ClipDesk selftest: OK")
    assert "(bundle)" in out and "(offscreen)" in out
    assert "in the process pool" in out  # its spawned worker re-runs the frozen binary
    assert result.stderr == "", "a start without a display should print nothing that means nothing"
    assert sorted(home.rglob("*")) == [] and sorted(tmp.rglob("*")) == []
    print(f"\nbundle selftest: {time.perf_counter() - started:.1f} s")


def test_a_read_only_install_run_by_another_user_speaks_chinese(bundle: Bundle) -> None:
    """Extracted by root, run by someone else: the .qm files are only read, nothing is written
    next to the app or into a shared /tmp folder, and a zh_CN user gets Chinese."""
    user = bundle.root / "user"
    home, tmp = user / "home", user / "tmp"
    for folder in (user, home, tmp):
        folder.mkdir()
    env = quiet_env(HOME=str(home), TMPDIR=str(tmp), LANGUAGE="zh_CN", LANG="zh_CN.UTF-8", LC_ALL="")
    command = [str(bundle.exe), "--selftest"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.fail("setpriv (util-linux) is missing")
        for folder in (user, home, tmp):
            os.chown(folder, 65534, 65534)  # nobody
        command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    else:
        subprocess.run(["chmod", "-R", "a-w", str(bundle.app)], check=True)
    before = snapshot(bundle.app)
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    finally:
        if os.geteuid() != 0:
            subprocess.run(["chmod", "-R", "u+w", str(bundle.app)], check=True)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "translations  zh_CN, en" in result.stdout
    assert re.search(r"^  interface +zh_CN$", result.stdout, re.M), result.stdout
    assert re.search(r"^  font +Noto Sans SC \(bundled\)$", result.stdout, re.M), result.stdout
    assert snapshot(bundle.app) == before, "the app wrote next to itself"
    assert sorted(tmp.rglob("*")) == [] and sorted(home.rglob("*")) == []


def test_the_cli_in_the_bundle_renders_through_the_frozen_worker(bundle: Bundle, tmp_path: Path) -> None:
    env = clean_env(HOME=str(tmp_path), CLIPDESK_HOME=str(tmp_path / "cli-home"))
    version = subprocess.run(
        [str(bundle.exe), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"ClipDesk {__version__}"
    request = ["--dialect", "local", "--model", "preview", "--prompt", "bundle", "--duration", "1"]
    generate = subprocess.run(
        [str(bundle.exe), "generate", *request, "--resolution", "360p", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert generate.returncode == 0, generate.stdout + generate.stderr
    final = json.loads(generate.stdout.splitlines()[-1])
    assert final["state"] == "succeeded" and Path(final["video_path"]).stat().st_size > 1000
    tasks = subprocess.run(
        [str(bundle.exe), "tasks", "--json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert [t["id"] for t in json.loads(tasks.stdout)] == [final["id"]]
    # nothing of the app is left running (render workers, resource trackers)
    left = subprocess.run(["pgrep", "-f", str(bundle.exe)], capture_output=True, text=True)
    assert left.stdout.strip() == "", f"processes left running: {left.stdout}"


def test_the_archive_installs_into_an_awkward_home_and_uninstalls(bundle: Bundle, tmp_path: Path) -> None:
    home = tmp_path / AWKWARD
    home.mkdir()
    env = {k: v for k, v in clean_env(HOME=str(home)).items() if not k.startswith("XDG_")}
    install = subprocess.run(
        ["bash", str(bundle.staged / "install.sh")], env=env, capture_output=True, text=True, timeout=120
    )
    assert install.returncode == 0, install.stdout + install.stderr
    desktop = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    (exe,) = parse_exec(desktop_value(desktop, "Exec"))
    version = subprocess.run([exe, "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"ClipDesk {__version__}", version.stderr
    uninstall = subprocess.run(
        ["bash", str(home / ".local" / "opt" / "clipdesk" / "uninstall.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uninstall.returncode == 0, uninstall.stdout + uninstall.stderr
    assert tree(home) == set()
