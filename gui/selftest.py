"""``clipdesk --selftest``: prove that this installation works, end to end, in a few seconds.

It starts the app the way a double-click does (QApplication, qasync loop, the core services, the
main window), renders a 1 s 360p offline preview through the engine (the ``local`` dialect,
whose renderer runs in a spawned worker process), plays the video to its end with QMediaPlayer
into a QVideoSink while counting the frames, closes everything in order and prints a short
report. Exit status: 0 when every step worked, 1 when a step failed, 3 on the hard timeout.

It never touches the creator's data: unless ``CLIPDESK_HOME`` names a folder explicitly, it runs
in a temporary one, and on Linux Qt, fontconfig, Mesa and PulseAudio get private XDG config,
cache, data, state and runtime folders in it too; all of it is removed afterwards (kept when a
step failed, for a look inside), also when the reader of its output went away, which ends the
selftest quietly (``clipdesk --selftest | head -1``).
Without a display on Linux it runs offscreen. Built to run inside the PyInstaller bundle too,
where it also checks that the modules loaded by name (dialects, keyring backends) were bundled.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import platform
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core import __version__

FLAG = "--selftest"
DEFAULT_TIMEOUT = 120.0  # seconds, for everything; CLIPDESK_SELFTEST_TIMEOUT overrides
STEP_TIMEOUT = 60.0
EXIT_OK, EXIT_FAILED, EXIT_TIMEOUT = 0, 1, 3
PROMPT = "ClipDesk selftest · 自检"

# Loaded by name at run time (importlib / entry points), so a bundle can miss them silently.
# Checked with find_spec only: nothing here talks to a keyring.
KEYRING_BACKENDS = {
    "linux": ["keyring.backends.SecretService"],
    "darwin": ["keyring.backends.macOS"],
    "win32": ["keyring.backends.Windows"],
}
RUNTIME_MODULES = ["keyring.backends.chainer", "keyring.backends.fail", "httpx_aiohttp", "aiohttp", "av"]


class SelftestFailed(Exception):
    pass


@dataclass
class Report:
    lines: list[tuple[str, str]] = field(default_factory=list)
    step: str = "start"
    failed: str = ""

    def add(self, name: str, text: str) -> None:
        self.lines.append((name, text))

    def render(self) -> str:
        head = "ClipDesk selftest: " + ("OK" if not self.failed else f"FAILED at {self.step}: {self.failed}")
        width = max((len(n) for n, _ in self.lines), default=0)
        return "\n".join([head, *(f"  {n.ljust(width)}  {t}" for n, t in self.lines)])


def wants_selftest(argv: Sequence[str]) -> bool:
    return FLAG in argv


def _timeout() -> float:
    try:
        return float(os.environ.get("CLIPDESK_SELFTEST_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


# Where Qt, fontconfig, Mesa and PulseAudio write (caches, cookies, runtime links): private folders
# in the selftest's throwaway folder, so nothing of the user's is touched.
XDG_FOLDERS = {
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_DATA_HOME": "share",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
}


def _private_xdg_folders(sandbox: Path) -> None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:  # the desktop session's sockets stay reachable from the private runtime folder
        wayland = os.environ.get("WAYLAND_DISPLAY")
        if wayland and not os.path.isabs(wayland):
            os.environ["WAYLAND_DISPLAY"] = os.path.join(runtime, wayland)
        if not os.environ.get("PULSE_SERVER") and os.path.exists(os.path.join(runtime, "pulse", "native")):
            os.environ["PULSE_SERVER"] = "unix:" + os.path.join(runtime, "pulse", "native")
        if not os.environ.get("DBUS_SESSION_BUS_ADDRESS") and os.path.exists(os.path.join(runtime, "bus")):
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=" + os.path.join(runtime, "bus")
    for variable, name in XDG_FOLDERS.items():
        folder = sandbox / name
        folder.mkdir(mode=0o700)
        os.environ[variable] = str(folder)


def _prepare_environment(report: Report) -> Path:
    """Headless platform when there is no display; a throwaway folder for everything the run
    writes (the data home unless CLIPDESK_HOME names one, and on Linux the XDG folders). Returns it."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_API", "pyside6")  # qasync's binding
    sandbox = Path(tempfile.mkdtemp(prefix="clipdesk-selftest-"))
    if sys.platform.startswith("linux"):
        _private_xdg_folders(sandbox)
    given = os.environ.get("CLIPDESK_HOME")
    if given:
        report.add("home", f"{given} (CLIPDESK_HOME)")
    else:
        os.environ["CLIPDESK_HOME"] = str(sandbox / "home")
        report.add("home", f"{sandbox / 'home'} (temporary)")
    return sandbox


def _print(text: str) -> None:
    """Print the report; a reader that went away (``--selftest | head -1``) is no failure."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # Point stdout at /dev/null, so that the interpreter's last flush at exit is quiet too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def check_modules() -> tuple[list[str], list[str]]:
    """(present, missing) among the modules a build must contain although nothing imports them."""
    from core.providers import DIALECTS

    wanted = [target.split(":")[0] for target in DIALECTS.values()]
    wanted += KEYRING_BACKENDS.get(sys.platform, []) + RUNTIME_MODULES
    present: list[str] = []
    missing: list[str] = []
    for name in wanted:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        (present if found else missing).append(name)
    return present, missing


def _start_watchdog(seconds: float, report: Report) -> threading.Timer:
    def expire() -> None:
        print(
            f"ClipDesk selftest: TIMEOUT after {seconds:.0f} s at {report.step}", file=sys.stderr, flush=True
        )
        try:
            from core.providers import local

            local.shutdown(timeout=0.5)
        finally:
            os._exit(EXIT_TIMEOUT)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


async def _play(path: Path, timeout: float) -> tuple[int, int, float]:
    """Play ``path`` to its end offscreen-safe; returns (frames, duration ms, seconds taken)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

    player = QMediaPlayer()
    sink = QVideoSink()
    audio = QAudioOutput()
    audio.setMuted(True)
    player.setVideoSink(sink)
    player.setAudioOutput(audio)
    frames: list[int] = []
    done: asyncio.Future[str] = asyncio.get_running_loop().create_future()

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid():
            frames.append(frame.startTime())

    def on_status(status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and not done.done():
            done.set_result("end")
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and not done.done():
            done.set_result("invalid media: " + player.errorString())

    def on_error(_error: QMediaPlayer.Error, text: str) -> None:
        if not done.done():
            done.set_result(f"player error: {text}")

    sink.videoFrameChanged.connect(on_frame)
    player.mediaStatusChanged.connect(on_status)
    player.errorOccurred.connect(on_error)
    started = time.perf_counter()
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    try:
        outcome = await asyncio.wait_for(done, timeout)
    except TimeoutError:
        outcome = f"no end of media after {timeout:.0f} s ({len(frames)} frames)"
    finally:
        took = time.perf_counter() - started
        duration = player.duration()
        player.stop()
        player.setSource(QUrl())
    if outcome != "end":
        raise SelftestFailed(outcome)
    return len(frames), duration, took


async def _run(app: Any, report: Report, started: float) -> None:
    from PySide6.QtCore import QTranslator

    from core.config.connections import LOCAL_CONNECTION
    from core.tasks.journal import JournalError, TaskState
    from core.tasks.request import GenerationRequest
    from gui.i18n import LANGUAGES, install_translators, resolve_language, translation_file
    from gui.main_window import MainWindow
    from gui.player.player import MULTIMEDIA
    from gui.services import close_services, open_services
    from gui.spawn import drain

    report.step = "bundle contents"
    present, missing = check_modules()
    if missing:
        raise SelftestFailed("modules missing from this build: " + ", ".join(missing))
    report.add("modules", f"{len(present)} loaded-by-name modules present (dialects, keyring, aiohttp, av)")
    if not MULTIMEDIA:
        raise SelftestFailed("QtMultimedia could not be imported")

    report.step = "translations"
    loaded = [lang for lang in LANGUAGES if QTranslator().load(str(translation_file(lang)))]
    if loaded != list(LANGUAGES):
        raise SelftestFailed(f"translations missing from {translation_file('en').parent} (loaded: {loaded})")
    report.add("translations", "zh_CN, en")

    report.step = "font"
    from PySide6.QtGui import QRawFont

    from gui.theme import CHINESE_FONT

    chinese = QRawFont(str(CHINESE_FONT), 12)
    if not chinese.isValid() or not chinese.supportsCharacter(ord("视")):
        raise SelftestFailed(f"the Chinese interface font {CHINESE_FONT} is missing or unreadable")
    report.add("font", f"{chinese.familyName()} (bundled)")

    report.step = "core services"
    try:
        services = await open_services()
    except JournalError as exc:
        raise SelftestFailed(str(exc)) from None
    window: Any = None
    language = resolve_language(services.settings.language)
    translators = install_translators(app, language)
    try:
        if language != "en" and app.translate("MainWindow", "About ClipDesk") == "About ClipDesk":
            raise SelftestFailed(f"the {language} interface did not load: it would show English")
        report.add("interface", language)
        report.step = "main window"
        t = time.perf_counter()
        window = MainWindow(services)
        window.show()
        await asyncio.sleep(0.05)
        if not window.isVisible():
            raise SelftestFailed("the main window did not show")
        now = time.perf_counter()
        report.add("window", f"shown {now - started:.2f} s after start ({now - t:.2f} s to build)")
        await services.engine.resume_all()

        report.step = "offline render"
        t = time.perf_counter()
        request = GenerationRequest(model="preview", prompt=PROMPT, duration=1, resolution="360p")
        record = await services.engine.create(LOCAL_CONNECTION, request)
        await asyncio.wait_for(services.engine.wait([record.id]), STEP_TIMEOUT)
        if record.state is not TaskState.SUCCEEDED or not record.video_path:
            raise SelftestFailed(f"task {record.state.value}: {record.error_message or record.error_kind}")
        video = Path(record.video_path)
        if not video.is_file():
            raise SelftestFailed(f"the task succeeded but {video} is missing")
        report.add(
            "render",
            f"1 s 360p offline preview in {time.perf_counter() - t:.2f} s (process pool), "
            f"{video.stat().st_size // 1024} KB",
        )
        report.add("video", str(video))

        report.step = "thumbnail"
        took = await _thumbnail(window.thumbnails, str(video), STEP_TIMEOUT)
        report.add("thumbnail", f"made in {took:.2f} s in the process pool (spawned worker)")

        report.step = "playback"
        frames, duration, took = await _play(video, STEP_TIMEOUT)
        if frames < 1:
            raise SelftestFailed("the player reached the end without decoding a frame")
        report.add(
            "playback", f"{frames} frames decoded, {duration} ms long, played to the end in {took:.2f} s"
        )
        report.step = "shutdown"
    finally:
        if window is not None:
            window.close()  # saves the window state, stops the player and the models
        await drain(timeout=3.0)
        await close_services(services)
        for translator in translators:
            app.removeTranslator(translator)


async def _thumbnail(thumbnails: Any, video: str, timeout: float) -> float:
    """Seconds until the video's thumbnail is made (decoded in the process pool)."""
    started = time.perf_counter()
    while thumbnails.icon(video) is None:
        if thumbnails.failed(video):
            raise SelftestFailed("the process pool could not make the video's thumbnail")
        if time.perf_counter() - started > timeout:
            raise SelftestFailed(f"no thumbnail after {timeout:.0f} s")
        await asyncio.sleep(0.02)
    return time.perf_counter() - started


def run(argv: Sequence[str] | None = None) -> int:
    """The whole selftest; prints the report to stdout and returns the exit status."""
    started = time.perf_counter()
    report = Report()
    sandbox = _prepare_environment(report)
    watchdog = _start_watchdog(_timeout(), report)
    try:
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QApplication

        from gui.crash import install as install_crash_handler
        from gui.loop import new_loop
        from gui.qtlog import quiet_qt

        install_crash_handler(dialog=False, faults=False)
        quiet_qt()
        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        app.setOrganizationName("ClipDesk")
        app.setApplicationName("ClipDesk")
        app.setQuitOnLastWindowClosed(False)  # closing the window must not stop the loop (notes §3)
        frozen = "bundle" if getattr(sys, "frozen", False) else "source"
        report.lines.insert(0, ("version", f"ClipDesk {__version__} ({frozen})"))
        report.lines.insert(
            1,
            (
                "platform",
                f"{platform.system()} {platform.release()} {platform.machine()} · "
                f"Python {platform.python_version()} · Qt {qVersion()} ({app.platformName()})",
            ),
        )
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        with asyncio.Runner(loop_factory=new_loop) as runner:
            runner.run(_run(app, report, started))
    except SelftestFailed as exc:
        report.failed = str(exc)
    except Exception as exc:
        report.failed = f"{type(exc).__name__}: {exc}"
    finally:
        watchdog.cancel()
    report.add("total", f"{time.perf_counter() - started:.2f} s")
    keep = bool(report.failed) and Path(os.environ["CLIPDESK_HOME"]).is_relative_to(sandbox)
    if keep:
        report.add("kept", f"{sandbox} (for a look inside)")
    try:
        _print(report.render())
    finally:
        if not keep:
            shutil.rmtree(sandbox, ignore_errors=True)
    return EXIT_FAILED if report.failed else EXIT_OK
