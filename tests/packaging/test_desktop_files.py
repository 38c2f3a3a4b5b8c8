"""Linux desktop integration: the .desktop entry and AppStream metadata validate, and
install.sh/uninstall.sh put exactly their files into a home and take exactly them away again."""

from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from core import __version__
from tests.packaging.conftest import APP_ID, LINUX, ROOT, need_tool, stage

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


# -- awkward home folders: the Desktop Entry Specification's escaping ---------------------------

AWKWARD = 'we & ir%d "q" \'s $HOME `x` b\\s'  # &, space, %, both quotes, $, backtick, backslash


def parse_exec(value: str) -> list[str]:
    """An Exec value's arguments as the Desktop Entry Specification defines them: the string
    escapes first (\\s \\n \\t \\r \\\\), then the quoting (in double quotes a backslash escapes
    " ` $ \\), then the field codes (%% is a literal %)."""
    text = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    args: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == " ":
            i += 1
            continue
        arg = ""
        if text[i] == '"':
            i += 1
            while text[i] != '"':
                if text[i] == "\\" and text[i + 1] in '"`$\\':
                    i += 1
                arg += text[i]
                i += 1
            i += 1
        else:
            assert not set(text[i:].split(" ")[0]) & set("\"'`$\\&;<>|*?#()"), "reserved characters unquoted"
            while i < len(text) and text[i] != " ":
                arg += text[i]
                i += 1
        args.append(arg.replace("%%", "%"))
    return args


def desktop_value(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key}="):
            return line.split("=", 1)[1]
    raise AssertionError(f"no {key}= in {path}")


def test_install_escapes_an_awkward_home_path(tmp_path: Path) -> None:
    staged = stage(tmp_path)
    home = tmp_path / AWKWARD
    home.mkdir()
    run_script(staged / "install.sh", home)
    exe = home / ".local" / "opt" / "clipdesk" / "clipdesk"
    desktop = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    validate_desktop(desktop)
    assert parse_exec(desktop_value(desktop, "Exec")) == [str(exe)]
    try_exec = desktop_value(desktop, "TryExec")  # a plain string value: only its backslash is escaped
    assert try_exec.replace("\\\\", "\\") == str(exe)
    run_script(home / ".local" / "opt" / "clipdesk" / "uninstall.sh", home)
    assert tree(home) == set()


def test_glib_launches_the_installed_entry_from_an_awkward_home(tmp_path: Path) -> None:
    """GLib (GNOME's launcher) reads the entry and starts the app. Without % in the path: GLib
    checks that the program exists before expanding %% (see packaging/README.md)."""
    staged = stage(tmp_path)
    launched = tmp_path / "launched.txt"
    (staged / "clipdesk" / "clipdesk").write_text(f"#!/bin/sh\nprintf '%s' \"$0\" > '{launched}'\n")
    home = tmp_path / AWKWARD.replace("%", "")
    home.mkdir()
    run_script(staged / "install.sh", home)
    desktop = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    result = subprocess.run(
        [need_tool("gio"), "launch", str(desktop)], env=home_env(home), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    deadline = time.monotonic() + 30
    while not launched.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # waiting for the launched process to write its file
    assert launched.read_text() == str(home / ".local" / "opt" / "clipdesk" / "clipdesk")


# -- uninstall names every data location and --purge removes them --------------------------------


def data_env(home: Path) -> dict[str, str]:
    env = home_env(home)
    env["XDG_CONFIG_HOME"] = str(home / "conf")
    env["XDG_STATE_HOME"] = str(home / "state dir")
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"  # never a real keyring in this test
    env.pop("CLIPDESK_HOME", None)
    return env


def test_uninstall_lists_every_data_location_and_purge_removes_them(tmp_path: Path) -> None:
    staged = stage(tmp_path)
    home = tmp_path / "home & co"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "user-dirs.dirs").write_text('XDG_VIDEOS_DIR="$HOME/Filme"\n')
    env = data_env(home)
    probe = (
        "from core.config.paths import default_paths as d; p = d(); "
        "print(p.config, p.data, p.cache, p.logs, p.library, sep='\\n')"
    )
    where = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    locations = [Path(line) for line in where.stdout.splitlines()]
    assert (
        locations[4] == home / "Filme" / "ClipDesk" and locations[3].parent == home / "state dir" / "ClipDesk"
    )
    for folder in locations:
        folder.mkdir(parents=True)
        (folder / "something").write_text("data")
    (home / "Filme" / "mine.mp4").write_text("not ClipDesk's")
    (home / "conf" / "other-app").mkdir()

    for script in (staged / "install.sh", home / ".local" / "opt" / "clipdesk" / "uninstall.sh"):
        result = subprocess.run(["bash", str(script)], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
    said = result.stdout
    for folder in [*locations[:3], locations[3].parent, locations[4]]:
        assert str(folder) in said, (folder, said)
        assert folder.is_dir()  # kept
    assert "--purge" in said and "keyring" in said

    purge = subprocess.run(
        ["bash", str(staged / "uninstall.sh"), "--purge"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert purge.returncode == 0, purge.stdout + purge.stderr
    assert not any(folder.exists() for folder in locations)
    assert not (home / "state dir" / "ClipDesk").exists()
    assert (home / "Filme" / "mine.mp4").is_file() and (home / "conf" / "other-app").is_dir()
    assert "keyring" in purge.stdout
