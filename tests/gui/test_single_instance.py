"""One app per data folder: a second launch on the same folder brings the first window forward and
exits 0; another folder, or a socket left behind by a crash, does not stop an app from starting."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from core.config.paths import default_paths
from gui.single_instance import SingleInstance, ask_to_show, server_name
from tests.support.app import ROOT, run_app


def _wait(
    condition: Any, what: str, timeout: float = 60.0, process: subprocess.Popen[str] | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what}: the first app ended with {process.returncode}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not after {timeout} s")
        time.sleep(0.05)


def _listening(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    try:
        return probe.waitForConnected(200)
    finally:
        probe.abort()


def test_the_name_is_the_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a" / ".." / "a")
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")


def test_a_second_instance_asks_the_first_to_show(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path)
    first, second = SingleInstance(name), SingleInstance(name)
    try:
        assert first.listen()
        with qtbot.waitSignal(first.show_requested, timeout=10_000):
            assert not second.listen()
        other = SingleInstance(server_name(tmp_path / "elsewhere"))
        assert other.listen()  # another data folder: another app
        other.close()
    finally:
        first.close()
        second.close()
    assert not ask_to_show(name)  # nobody listens any more


@pytest.mark.skipif(sys.platform == "win32", reason="a Unix socket file left behind")
def test_a_socket_left_by_a_crashed_app_is_taken_over(qtbot: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path)
    path = os.path.join(QDir.tempPath(), name)
    left = socket.socket(socket.AF_UNIX)
    left.bind(path)  # bound and closed without unlinking, as after kill -9
    left.close()
    instance = SingleInstance(name)
    try:
        assert instance.listen()
        with qtbot.waitSignal(instance.show_requested, timeout=10_000):
            assert ask_to_show(name)
    finally:
        instance.close()


def test_the_app_launched_twice_on_one_folder_runs_once(clipdesk_home: Path) -> None:
    (clipdesk_home / "config").mkdir(parents=True)
    (clipdesk_home / "config" / "ui-state.ini").write_text("[welcome]\nshown=true\n")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CLIPDESK_HOME": str(clipdesk_home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    name = server_name(default_paths().data)
    log = clipdesk_home / "first.stderr"
    with log.open("w") as err:
        first = subprocess.Popen(
            [sys.executable, "main.py"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=err, text=True
        )
    try:
        _wait(lambda: _listening(name), "the first app listening", process=first)
        # its log opens with its services (after the first paint): what it is asked later is logged
        _wait(lambda: any(clipdesk_home.rglob("clipdesk.log")), "the first app's log", process=first)
        second = run_app(["main.py"], clipdesk_home)
        assert second.returncode == 0, second.stderr[-3000:]
        assert "already running" in second.stdout
        assert "Traceback" not in second.stderr

        def asked() -> bool:
            return any(
                "a second launch on this data folder asked for the window" in p.read_text(errors="replace")
                for p in clipdesk_home.rglob("*.log")
            )

        _wait(asked, "the first app asked to show its window", process=first)
        assert first.poll() is None  # the first app runs on
    finally:
        first.terminate()
        first.wait(30)
    assert "Traceback" not in log.read_text(errors="replace")
