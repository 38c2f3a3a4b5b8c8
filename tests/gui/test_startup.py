"""Start-up paints the window first: the frame needs no service and none of the heavy modules; the
regions come with the services, and what needs them waits for them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.config.paths import default_paths
from tests.gui.conftest import run
from tests.support.app import run_app

# What the window's first paint must not wait for: asyncio and the loop, the engine and its HTTP
# stack, the journal, the keyring, PyAV, Pillow and QtMultimedia.
HEAVY = [
    "asyncio",
    "qasync",
    "core.tasks.engine",
    "core.tasks.journal",
    "aiohttp",
    "httpx",
    "keyring",
    "sqlite3",
    "av",
    "PIL",
    "PySide6.QtMultimedia",
    "PySide6.QtNetwork",  # the one-app-per-folder server listens after the paint
    "gui.regions",
]

CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QThread, QTimer
import main
import gui.main_window as mw

HEAVY = json.loads(sys.argv[1])
found = {"qthreads": []}
start_thread = QThread.start

def recorded_start(self, *args):
    found["qthreads"].append(type(self).__name__)
    return start_thread(self, *args)

QThread.start = recorded_start

class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "at_paint" not in found:
            found["at_paint"] = sorted(m for m in HEAVY if m in sys.modules)
            found["qt_namespace_at_paint"] = "Qt" in vars(sys.modules["PySide6.QtCore"])
            found["ready_at_paint"] = obj.ready
            found["settings_enabled_at_paint"] = obj.settings_action.isEnabled()
        return False

probe = Probe()
init, attach = mw.MainWindow.__init__, mw.MainWindow.attach

def patched_init(self, *args, **kwargs):
    init(self, *args, **kwargs)
    self.installEventFilter(probe)

def patched_attach(self, services):
    attach(self, services)
    found["ready"] = self.ready
    found["settings_enabled"] = self.settings_action.isEnabled()
    found["heavy_when_ready"] = sorted(m for m in HEAVY if m in sys.modules)
    QTimer.singleShot(0, self.close)

mw.MainWindow.__init__ = patched_init
mw.MainWindow.attach = patched_attach
found["code"] = main.main([])
print(json.dumps(found))
"""


def test_the_app_paints_its_window_before_the_heavy_imports(clipdesk_home: Path) -> None:
    """``python main.py``: first paint with none of HEAVY imported, then services, regions, exit 0."""
    (clipdesk_home / "config").mkdir(parents=True)
    (clipdesk_home / "config" / "ui-state.ini").write_text("[welcome]\nshown=true\n")
    result = run_app(["-c", CHILD, json.dumps(HEAVY)], clipdesk_home)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["code"] == 0
    assert found["at_paint"] == []
    # PySide builds all of Qt's namespace enums on first use of any (20-45 ms): not before the paint
    assert found["qt_namespace_at_paint"] is False
    assert found["ready_at_paint"] is False
    assert found["settings_enabled_at_paint"] is False
    assert found["ready"] is True and found["settings_enabled"] is True
    # No QThread of a Python class: Qt names a starting thread after its class, asked from the new
    # thread without the GIL, and for a Python class that races PySide's metaobject (a crash in 7
    # of 240 starts on a busy machine). The loop's executor runs on Python threads.
    assert found["qthreads"] == []
    assert {"core.tasks.engine", "PIL", "PySide6.QtMultimedia"} <= set(found["heavy_when_ready"])
    # videos are decoded in the process pool: the window's never loads PyAV (its import
    # took CPU beside the window's thread as it opened, and its FFmpeg libraries stayed in memory)
    assert "av" not in found["heavy_when_ready"]
    # the HTTP stack comes with the first lane (in its worker thread), the keyring with its first
    # use or the probe after "ready" (in a worker thread too): the queue and library need neither
    assert not {"httpx", "aiohttp", "keyring"} & set(found["heavy_when_ready"])
    assert (clipdesk_home / "data" / "clipdesk.sqlite3").exists()
    assert "geometry=" in (clipdesk_home / "config" / "ui-state.ini").read_text()  # saved on close


def test_the_frame_waits_for_the_services(services: Any, qtbot: Any) -> None:
    from gui.main_window import MainWindow

    window = MainWindow(paths=default_paths())
    qtbot.addWidget(window)
    window.show()
    assert not window.ready
    assert window.statusBar().currentMessage() == "Starting…"
    assert all(place.placeholder is not None for place in window.places.values())
    assert not window.batch_action.isEnabled() and not window.settings_action.isEnabled()
    for action in window.needs_services:
        action.trigger()  # disabled: nothing happens, nothing breaks
    for name in ("form", "queue", "library", "player"):
        window.focus_region(name)
    assert window.tabs.currentIndex() == 1

    window.attach(services)
    assert window.ready
    assert window.batch_action.isEnabled() and window.settings_action.isEnabled()
    assert all(place.placeholder is None for place in window.places.values())
    assert window.generate_panel.isVisibleTo(window) and window.player.isVisibleTo(window)
    assert window.statusBar().currentMessage() == ""
    assert window.counts.text() == "0 running · 0 queued · 0 done"
    window.focus_region("queue")
    assert window.tabs.currentIndex() == 0
    window.close()
    assert not window.ready
    window.attach(services)  # once closed, never again
    assert not window.ready


def test_a_window_closed_before_the_services_open_is_never_attached(
    qloop: Any, qapp: Any, qtbot: Any, clipdesk_home: Path
) -> None:
    from gui.app import amain
    from gui.main_window import MainWindow

    window = MainWindow(paths=default_paths())
    qtbot.addWidget(window)
    window.show()
    window.close()  # the user closed it while the app was starting
    try:
        assert run(qloop, amain(qapp, window, [])) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert not window.ready and window.places["form"].placeholder is not None
    assert (clipdesk_home / "data" / "clipdesk.sqlite3").exists()  # opened, then closed in order


def test_amain_attaches_the_regions_and_shuts_down(qloop: Any, qapp: Any, qtbot: Any) -> None:
    from gui.app import amain
    from gui.main_window import MainWindow

    window = MainWindow(paths=default_paths())
    qtbot.addWidget(window)
    window.show()
    # --selftest: no welcome, and the window closes itself 0.5 s after the tasks resumed
    try:
        assert run(qloop, amain(qapp, window, ["--selftest"])) == 0
    finally:
        qapp.setQuitOnLastWindowClosed(True)
    assert window.places["form"].placeholder is None
    assert window.generate_panel.parent() is window.places["form"]
    assert not window.isVisible() and not window.ready  # closed and shut down
