"""The real app on a real X server (Xvfb, Qt's xcb platform), driven by the keyboard as a new user
would: first start → the welcome's "Try the offline preview now" (its default button), which generates →
the video made and played, its row on screen → a screenshot saved → Ctrl+Q closes it, the task journaled.

Set CLIPDESK_SCREENSHOTS to a folder to keep the screenshots (one per language) for a look.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1280, 800)  # smaller than the window's default size: the window must fit it
TIMEOUT = 90

SHOT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
"""


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """A private X server; its display name. Each test worker picks from its own range of display
    numbers (two servers started at once with ``-displayfd`` can race for one), and a number whose
    server does not come up is passed over."""
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: packaging/dev.sh installs it (as root)"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    first = 150 + 20 * (int(worker) if worker.isdigit() else 0)
    tried = []
    for number in range(first, first + 20):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        log = Path(tempfile.gettempdir()) / f"clipdesk-xvfb-{number}.log"
        with log.open("wb") as output:  # (the server keeps its own copy of the file)
            server = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                stdout=output,
                stderr=output,
            )
        deadline = time.monotonic() + 30
        while server.poll() is None and time.monotonic() < deadline:
            probe = subprocess.run(
                ["xdotool", "getdisplaygeometry"],
                env={**os.environ, "DISPLAY": f":{number}"},
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
            if probe.stdout.split() == [str(width), str(height)]:
                break
            time.sleep(0.1)
        else:
            if server.poll() is None:
                server.kill()
            server.wait(10)
            tried.append(f":{number}: {log.read_text(errors='replace')[-500:]}")
            log.unlink(missing_ok=True)
            continue
        try:
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(10)
            log.unlink(missing_ok=True)
        return
    pytest.fail("no X server would start:\n" + "\n".join(tried))


class Desktop:
    """xdotool and screenshots on one display."""

    def __init__(self, display: str) -> None:
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20, check=False
        )
        return done.stdout.strip()

    def windows(self) -> dict[str, str]:
        """Visible top-level windows: id -> title."""
        ids = self.xdotool("search", "--onlyvisible", "--name", ".").split()
        return {w: self.xdotool("getwindowname", w) for w in ids}

    def wait_for(
        self, condition: str, test: Callable[[], object], app: App, timeout: float = TIMEOUT
    ) -> None:
        """Until ``test()``; fails with what the app said if it ends or the time runs out first."""
        deadline = time.monotonic() + timeout
        while not test():
            ended = app.process.poll() is not None
            if ended or time.monotonic() > deadline:
                windows = self.windows()
                app.stop()
                how = f"ended with {app.process.returncode}" if ended else "was stopped"
                pytest.fail(
                    f"{condition}: not there after {timeout} s; the app {how}; windows {windows}; "
                    f"its stderr:\n{app.stderr()[-4000:]}"
                )
            time.sleep(0.2)

    def keys(self, window: str, *keys: str) -> None:
        """Focus ``window`` (there is no window manager to do it), then type ``keys``."""
        self.xdotool("windowfocus", "--sync", window)
        self.xdotool("key", "--clearmodifiers", *keys)

    def size(self, window: str) -> tuple[int, int]:
        words = self.xdotool("getwindowgeometry", "--shell", window)
        values = dict(line.split("=", 1) for line in words.splitlines() if "=" in line)
        return int(values["WIDTH"]), int(values["HEIGHT"])

    def screenshot(self, target: Path) -> Path:
        subprocess.run([sys.executable, "-c", SHOT, str(target)], env=self.env, timeout=60, check=True)
        return target

    def settled_screenshot(self, target: Path, app: App) -> Path:
        """A screenshot taken once two in a row show the same pixels."""
        seen: list[bytes] = []

        def settled() -> bool:
            with Image.open(self.screenshot(target)) as picture:
                seen.append(picture.convert("RGB").tobytes())
            return len(seen) >= 2 and seen[-1] == seen[-2]

        self.wait_for("the screen to settle", settled, app)
        return target


class App:
    """``python main.py`` with its output in files (a pipe nobody reads fills and blocks it)."""

    def __init__(self, env: dict[str, str], folder: Path) -> None:
        self.out, self.err = folder / "app.stdout", folder / "app.stderr"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.process = subprocess.Popen(
                [sys.executable, "main.py"], cwd=ROOT, env=env, stdout=out, stderr=err
            )

    def stderr(self) -> str:
        return self.err.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(30)


@pytest.mark.x11
@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.parametrize("language", ["en_US", "zh_CN"])
def test_the_real_app_makes_an_offline_video_on_a_real_x_server(language: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    with xvfb(*SCREEN) as display:
        desktop = Desktop(display)
        env = {
            **desktop.env,
            "CLIPDESK_HOME": str(home),
            "LANG": f"{language}.UTF-8",
            "LANGUAGE": language,
            "LC_ALL": "",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "QT_LOGGING_RULES": "qt.multimedia.*=false",
        }
        app = App(env, tmp_path)
        try:
            # the window and, on a first start, the welcome over it
            desktop.wait_for("the window and the welcome", lambda: len(desktop.windows()) >= 2, app)
            windows = desktop.windows()
            main = next(w for w, title in windows.items() if title == "ClipDesk")
            welcome = next(w for w in windows if w != main)
            width, height = desktop.size(main)
            assert width <= SCREEN[0] and height <= SCREEN[1], f"a {width}×{height} window on {SCREEN}"

            desktop.keys(welcome, "Return")  # its default button: try the offline preview (it generates)
            desktop.wait_for("the welcome to close", lambda: welcome not in desktop.windows(), app)
            sidecars = home / "library"
            desktop.wait_for("the finished video", lambda: list(sidecars.rglob("*.mp4.json")), app)
            # its row written, its thumbnail made and painted: the screen has stopped changing
            shot = desktop.settled_screenshot(tmp_path / f"real-window-{language}.png", app)
            keep = os.environ.get("CLIPDESK_SCREENSHOTS")
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(shot, Path(keep) / shot.name)
            desktop.keys(main, "ctrl+q")
            app.process.wait(60)
        finally:
            app.stop()
    stderr = app.stderr()
    assert app.process.returncode == 0, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]

    with Image.open(shot) as picture:
        assert picture.size == SCREEN
        colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50, "the screenshot is blank"

    listed = subprocess.run(
        [sys.executable, "main.py", "tasks", "--json"],
        cwd=ROOT,
        env={**os.environ, "CLIPDESK_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    tasks = json.loads(listed.stdout)
    assert len(tasks) == 1, listed.stdout
    assert tasks[0]["state"] == "succeeded" and Path(tasks[0]["video_path"]).is_file(), tasks[0]
