"""`main.py --selftest` from source, and the entry point's other flags: --help, --version, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core import __version__
from tests.packaging.conftest import ROOT, clean_env


def main_py(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_selftest_from_source_renders_and_plays_offscreen(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = clean_env(HOME=str(home), TMPDIR=str(tmp))
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_QPA_PLATFORM")  # the selftest must pick offscreen by itself when there is no display
    env.pop("QT_LOGGING_RULES")  # and be quiet by itself: stderr holds only what means something
    for key in [k for k in env if k.startswith("XDG_")]:
        env.pop(key)
    result = main_py("--selftest", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith("ClipDesk selftest: OK"), out
    assert "(offscreen)" in out and "(source)" in out
    frames = int(out.split("playback")[1].split()[0])
    assert frames >= 12, out  # 1 s at 24 fps; a few may be dropped on a loaded machine
    assert "thumbnail" in out and "in the process pool" in out, out
    assert result.stderr == ""
    # the throwaway folder is gone, and nothing at all was written into the (fake) user's home or
    # the temporary folder (libpulse's cookie and runtime link, Qt's and Mesa's caches included)
    assert sorted(tmp.rglob("*")) == []
    assert sorted(home.rglob("*")) == []


def test_selftest_ends_quietly_when_its_reader_goes_away(tmp_path: Path) -> None:
    """`clipdesk --selftest | head -1`: no traceback, no crash report, nothing left behind."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = clean_env(HOME=str(home), TMPDIR=str(tmp))
    process = subprocess.Popen(
        [sys.executable, "main.py", "--selftest"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the report is written
    stderr = process.stderr.read()
    assert process.wait(timeout=120) == 0, stderr
    assert stderr == ""
    assert sorted(tmp.rglob("*")) == []  # no crash report, no throwaway folder
    assert sorted(home.rglob("*")) == []


def test_selftest_reports_a_broken_journal(tmp_path: Path) -> None:
    data = tmp_path / "given" / "data"
    data.mkdir(parents=True)
    (data / "clipdesk.sqlite3").write_bytes(b"not a database" * 200)
    result = main_py("--selftest", env=clean_env(CLIPDESK_HOME=str(tmp_path / "given")))
    assert result.returncode == 1
    assert "FAILED at core services" in result.stdout
    assert "Traceback" not in result.stderr


def test_selftest_has_a_hard_timeout(tmp_path: Path) -> None:
    result = main_py(
        "--selftest",
        env=clean_env(CLIPDESK_HOME=str(tmp_path / "h"), CLIPDESK_SELFTEST_TIMEOUT="0.3"),
        timeout=60,
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "TIMEOUT after" in result.stderr


def test_help_mentions_the_app_and_the_selftest() -> None:
    result = main_py("--help", env=clean_env())
    assert result.returncode == 0
    for words in ("desktop app", "--selftest", "generate", "resume", "tasks"):
        assert words in result.stdout, words


def test_version_and_the_cli_contract_still_work(tmp_path: Path) -> None:
    env = clean_env(CLIPDESK_HOME=str(tmp_path / "h"))
    version = main_py("--version", env=env)
    assert version.returncode == 0 and version.stdout.strip() == f"ClipDesk {__version__}"
    tasks = main_py("tasks", "--json", env=env)
    assert tasks.returncode == 0, tasks.stderr
    assert json.loads(tasks.stdout) == []
    sub_help = main_py("generate", "--help", env=env)
    assert sub_help.returncode == 0 and "--dialect" in sub_help.stdout
    invalid = main_py("generate", "--dialect", "local", "--model", "nope", "--json", env=env)
    assert invalid.returncode == 2
