"""The crash handler: an unexpected exception leaves a redacted report, never a blocking dialog."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.config.paths import Paths, default_paths
from core.redact import register_secret
from gui import crash
from tests.packaging.conftest import ROOT, clean_env

FAKE_KEY = "zq-fake-key-7c1e9a55d0b2"  # matches none of the built-in patterns: only registration hides it
BLOB = "iVBORw0KGgo" + "A" * 400
DATA_URI = "data:image/png;base64," + "QUJD" * 40


@pytest.fixture
def paths(clipdesk_home: Path) -> Paths:
    found = default_paths().ensure()
    (found.logs / "clipdesk.log").write_text(
        "".join(f"2026-11-22 10:00:{n:02d} INFO clipdesk.engine: line {n}\n" for n in range(150))
        + f"2026-11-22 10:01:00 INFO clipdesk.http: sent key {FAKE_KEY} and {BLOB}\n",
        encoding="utf-8",
    )
    return found


@pytest.fixture
def handler(paths: Paths, monkeypatch: pytest.MonkeyPatch) -> Iterator[crash.CrashHandler]:
    monkeypatch.setenv(crash.NO_DIALOG_ENV, "1")
    # pytest-qt and pytest hook these to fail a test on any stray exception: the handler chains to
    # the hooks it replaces, so give it the interpreter's own (they print the traceback).
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    installed = crash.install(paths, dialog=True, faults=False)
    yield installed
    installed.uninstall()


def only_report(paths: Paths) -> str:
    reports = sorted((paths.data / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1, reports
    return reports[0].read_text(encoding="utf-8")


def assert_redacted(text: str) -> None:
    assert FAKE_KEY not in text
    assert BLOB not in text and "A" * 200 not in text
    assert "QUJDQUJD" not in text


def boom() -> None:
    raise RuntimeError(f"upload failed with key {FAKE_KEY} for {DATA_URI}; got b'{chr(92)}x89PNG' and {BLOB}")


def test_an_uncaught_exception_writes_a_redacted_report(
    handler: crash.CrashHandler, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    register_secret(FAKE_KEY)
    try:
        boom()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # what the interpreter does with an uncaught exception
    text = only_report(paths)
    assert_redacted(text)
    assert "Traceback (most recent call last)" in text and "in boom" in text
    assert "RuntimeError: upload failed with key ***" in text
    for needle in ("ClipDesk: 0.1.0", "Python: 3.", "Qt: Qt 6.", "OS: ", "Where: main thread"):
        assert needle in text, needle
    assert "line 149" in text and "line 51" in text and "line 50\n" not in text  # the last 100 lines
    assert handler.reports and handler.reports[0].parent == paths.data / "crash-reports"
    err = capsys.readouterr().err
    assert "crash report written to" in err and "Traceback" in err  # still printed as before


def test_a_thread_exception_is_reported(handler: crash.CrashHandler, paths: Paths) -> None:
    register_secret(FAKE_KEY)
    worker = threading.Thread(target=boom, name="uploader")
    worker.start()
    worker.join()
    text = only_report(paths)
    assert "Where: thread uploader" in text
    assert_redacted(text)


def test_an_asyncio_exception_is_reported(handler: crash.CrashHandler, paths: Paths) -> None:
    register_secret(FAKE_KEY)
    loop = asyncio.new_event_loop()
    try:
        crash.install_loop_handler(loop)

        async def main() -> None:
            loop.call_soon(boom)  # a callback raising: the loop's exception handler gets it
            await asyncio.sleep(0.05)

        loop.run_until_complete(main())
    finally:
        loop.close()
    text = only_report(paths)
    assert "Where: asyncio" in text
    assert_redacted(text)


def test_keyboard_interrupt_is_not_a_crash(handler: crash.CrashHandler, paths: Paths) -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        sys.excepthook(*sys.exc_info())
    assert not (paths.data / "crash-reports").exists()


def test_the_dialog_is_off_in_tests_and_offscreen(
    handler: crash.CrashHandler, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not crash.dialog_allowed()  # CLIPDESK_NO_CRASH_DIALOG=1
    monkeypatch.delenv(crash.NO_DIALOG_ENV)
    assert not crash.dialog_allowed()  # offscreen: nobody could close it


def test_the_dialog_offers_the_report(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "crash-1.txt"
    report.write_text("report")
    opened: list[str] = []

    def open_url(url: Any) -> bool:
        opened.append(url.toLocalFile())
        return True

    monkeypatch.setattr(crash.QDesktopServices, "openUrl", open_url)
    box = crash.crash_box(report)
    assert "unexpected error" in box.text() and box.informativeText() == str(report)
    box.open_button.click()
    assert opened == [str(report)]
    box.deleteLater()


SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from core.redact import register_secret
from gui.crash import install
install()
register_secret({key!r})
raise ValueError("the key was " + {key!r})
"""


def test_a_real_crash_in_a_process(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = clean_env(CLIPDESK_HOME=str(home), CLIPDESK_NO_CRASH_DIALOG="1")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(root=str(ROOT), key=FAKE_KEY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "crash report written to" in result.stderr
    reports = list((home / "data" / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "ValueError: the key was ***" in text
    assert FAKE_KEY not in text
    assert (home / "logs" / "faults.log").exists()  # faulthandler armed for hard crashes
