"""Linux desktop integration: the .desktop entry and AppStream metadata validate, and
install.sh/uninstall.sh put exactly their files into a home and take exactly them away again."""

from __future__ import annotations

import configparser
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from core import __version__
from tests.packaging.conftest import APP_ID, LINUX, need_tool, stage

DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON_SIZES = ("16x16", "22x22", "24x24", "32x32", "48x48", "64x64", "128x128", "256x256", "512x512")


def tree(root: Path) -> set[str]:
    """Every file, link and folder under ``root`` (relative), for before/after comparisons."""
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def home_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return env


def run_script(script: Path, home: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["bash", str(script)], env=home_env(home), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def validate_desktop(path: Path) -> None:
    result = subprocess.run([need_tool("desktop-file-validate"), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if "error:" in line or "warning:" in line]
    assert problems == []


def test_desktop_entry_validates() -> None:
    validate_desktop(DESKTOP)
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    group = entry["Desktop Entry"]
    assert group["Icon"] == APP_ID
    assert group["Exec"] == "clipdesk"
    assert group["StartupWMClass"] == "ClipDesk"
    assert group["Categories"].startswith("AudioVideo;Video;")
    for key in ("Name", "Comment", "GenericName"):
        assert group[f"{key}[zh_CN]"], key


def test_appstream_metadata_validates() -> None:
    result = subprocess.run(
        [need_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == __version__, "the newest release must be the app's version"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert any(s.get(lang) == "zh_CN" for s in root.findall("summary"))
    assert any(p.get(lang) == "zh_CN" for p in root.iter("p"))
    assert root.find("content_rating") is not None


def test_install_then_uninstall_leaves_nothing_behind(tmp_path: Path) -> None:
    staged = stage(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    out = run_script(staged / "install.sh", home).stdout
    assert "applications menu" in out

    app_dir = home / ".local" / "opt" / "clipdesk"
    desktop = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    launcher = home / ".local" / "bin" / "clipdesk"
    assert (app_dir / "clipdesk").is_file() and (app_dir / "_internal" / "data.txt").is_file()
    assert launcher.is_symlink() and launcher.resolve() == (app_dir / "clipdesk").resolve()
    assert subprocess.run([str(launcher), "--version"], capture_output=True, text=True).stdout.startswith(
        "fake clipdesk"
    )
    validate_desktop(desktop)  # the installed entry, with its absolute Exec, is valid too
    text = desktop.read_text(encoding="utf-8")
    assert f'Exec="{app_dir}/clipdesk"' in text and f"TryExec={app_dir}/clipdesk" in text
    assert (home / ".local" / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icons = home / ".local" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = icons / size / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", size
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()

    run_script(app_dir / "uninstall.sh", home)
    assert tree(home) == set(), "uninstall.sh left these behind"


def test_uninstall_keeps_what_was_there_before(tmp_path: Path) -> None:
    staged = stage(tmp_path)
    home = tmp_path / "home"
    apps = home / ".local" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "other.desktop").write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    subprocess.run([need_tool("update-desktop-database"), str(apps)], check=True)  # a cache we keep
    icons = home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps"
    icons.mkdir(parents=True)
    (icons / "other.png").write_bytes(b"png")
    (home / ".local" / "bin").mkdir(parents=True)
    (home / ".local" / "bin" / "clipdesk").write_text("#!/bin/sh\necho mine\n")  # not ours: kept
    before = tree(home)

    run_script(staged / "install.sh", home)
    run_script(staged / "install.sh", home)  # a second install replaces the first one cleanly
    assert (home / ".local" / "bin" / "clipdesk").read_text() == "#!/bin/sh\necho mine\n"
    run_script(staged / "uninstall.sh", home)

    after = tree(home)
    # caches that install.sh created are gone; everything that was there before is still there
    assert after == before, f"added: {sorted(after - before)} removed: {sorted(before - after)}"


def test_uninstall_without_an_installation_says_so(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = run_script(LINUX / "uninstall.sh", home).stdout
    assert "not installed" in out
    assert tree(home) == set()
