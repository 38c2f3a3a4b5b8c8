"""Time to the first painted main window: ClipDesk against a bare PySide6 ``QMainWindow``, in one run.

Both run offscreen (``QT_QPA_PLATFORM=offscreen``), each run a child process of its own, the two
alternating after one untimed warm-up each. Times are CLOCK_MONOTONIC (one clock for every process
on Linux), counted from just before this process spawns the child, so both pay the interpreter's
start-up.

  ClipDesk  runs what ``python main.py`` runs: main.py's ``main([])``, after importing what it
            imports for the desktop app (``gui.app``) to stamp the time. That is the real
            start-up: QApplication, translators, the real MainWindow (its frame: menus, splitters,
            tabs, "Starting…" where the regions go), show() and its first paint; then the qasync
            loop, the services (journal, engine, settings) in a temporary CLIPDESK_HOME, and
            ``MainWindow.attach``, which builds the regions into the frame ("ready"). The only
            additions, made from outside gui/: ``gui.app.open_services``, ``MainWindow.__init__``
            and ``MainWindow.attach`` are wrapped to stamp the time, and an event filter on the
            window notes its first Paint. The window is closed once it is painted *and* attached
            (so "process exit" and "CPU (whole run)" still cover the whole start-up, and the
            app's orderly shutdown runs). The home is shared by the runs (the warm-up creates the
            journal), as on a computer where ClipDesk has run before.
  bare      imports QtWidgets, QApplication, ``QMainWindow`` resized to ClipDesk's default 1360x860,
            show(), the same event filter, closed at its first paint.

Besides wall-clock times it records each child's CPU time (``time.process_time()``, all threads,
from the process's start) at its first paint: the load of other work on this shared machine skews
it less. Until start-up painted first, the first paint came after the services and the whole
window, and the window was closed at that paint; "ready" marks that same point now.

Peak RSS is the child's ``ru_maxrss`` (os.wait4). The children may write bytecode caches
(``__pycache__``, ignored by git) even where the environment sets PYTHONDONTWRITEBYTECODE, as an
installed or bundled app would have them; ``--no-bytecode-cache`` keeps the environment's setting
(it measures without caches only where none were written before).

    .venv/bin/python -m bench.startup [--reps 7]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

LOAD_AT_START = os.getloadavg()[0]  # other work on the machine skews every figure


def load_note() -> str:
    return f"load average {LOAD_AT_START:.1f} at start, {os.getloadavg()[0]:.1f} at end"


GOAL = 1.5


def now() -> float:
    return time.clock_gettime(time.CLOCK_MONOTONIC)


# ------------------------------------------------------------------------------ children
def _probe(marks: dict[str, float], *, close_when: str = "paint") -> Any:
    """An event filter that stamps the first Paint of the window it watches; once ``close_when``
    is stamped as well, it closes the window (the app's orderly shutdown then ends the process)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        window: Any = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = now()
                marks["paint_cpu"] = time.process_time()  # this process's CPU until its first paint
                self.window = obj
                self.close_if_done()
            return False

        def close_if_done(self) -> None:
            if self.window is not None and "paint" in marks and close_when in marks:
                QTimer.singleShot(0, self.window.close)

    return FirstPaint()


def child_clipdesk(marks: dict[str, float]) -> None:
    import main as entry  # main.py
    from gui.app import main as _gui_main  # noqa: F401 - what main.py imports for the desktop app

    marks["imports"] = now()
    import gui.app
    import gui.main_window

    probe = _probe(marks, close_when="ready")
    open_services = gui.app.open_services

    async def timed_open_services(*args: Any, **kwargs: Any) -> Any:
        marks["services_start"] = now()
        services = await open_services(*args, **kwargs)
        marks["services"] = now()
        return services

    gui.app.open_services = timed_open_services  # type: ignore[assignment]
    window_class = gui.main_window.MainWindow
    window_init = window_class.__init__
    window_attach = window_class.attach

    def timed_init(self: Any, *args: Any, **kwargs: Any) -> None:
        marks["window_start"] = now()
        window_init(self, *args, **kwargs)
        marks["window"] = now()
        self.installEventFilter(probe)

    def timed_attach(self: Any, *args: Any, **kwargs: Any) -> None:
        marks["attach_start"] = now()
        window_attach(self, *args, **kwargs)
        marks["ready"] = now()
        probe.close_if_done()

    window_class.__init__ = timed_init  # type: ignore[method-assign]
    window_class.attach = timed_attach  # type: ignore[method-assign]
    code = entry.main([])
    marks["exit"] = now()
    if code != 0:
        raise SystemExit(f"gui.app.main returned {code}")
    if "ready" not in marks:
        raise SystemExit("the window never attached its services")


def child_bare(marks: dict[str, float]) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    marks["imports"] = now()
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1360, 860)
    probe = _probe(marks)  # (kept referenced: a collected filter stops filtering)
    window.installEventFilter(probe)
    marks["window"] = now()
    window.show()
    app.exec()
    marks["exit"] = now()


# ------------------------------------------------------------------------------ parent
def run(kind: str, env: dict[str, str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    t0 = now()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    end = now()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.communicate()
    if proc.returncode != 0 or not out.strip():
        raise SystemExit(f"{kind} child failed ({proc.returncode}): {err.strip()[-3000:]}")
    marks = json.loads(out.strip().splitlines()[-1])
    if "paint" not in marks:
        raise SystemExit(f"{kind}: the window was never painted: {err.strip()[-2000:]}")
    result = {k: (v if k.endswith("_cpu") else v - t0) * 1000 for k, v in marks.items()}
    result["process"] = (end - t0) * 1000
    result["rss"] = usage.ru_maxrss / 1024
    result["cpu"] = (usage.ru_utime + usage.ru_stime) * 1000
    return result


CHILD = {"clipdesk": "clipdesk", "bare": "bare", "history": "clipdesk"}


def fill_journal(home: Path, n: int) -> None:
    """A CLIPDESK_HOME whose journal holds ``n`` finished tasks (succeeded, a few failed)."""
    import asyncio

    from bench.scale import make_records
    from core.config.paths import default_paths
    from core.tasks.journal import Journal, TaskState

    async def fill() -> None:
        before = os.environ.get("CLIPDESK_HOME")
        os.environ["CLIPDESK_HOME"] = str(home)
        try:
            paths = default_paths().ensure()
        finally:
            if before is None:
                os.environ.pop("CLIPDESK_HOME")
            else:
                os.environ["CLIPDESK_HOME"] = before
        journal = Journal(paths.database)
        await journal.open()
        records = make_records(n, None)
        for record in records:
            if not record.state.terminal:
                record.state = TaskState.SUCCEEDED
                record.finished_at = record.created_at + 90
        await asyncio.gather(*(journal.insert(r) for r in records))
        await journal.close()

    asyncio.run(fill())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument(
        "--history",
        type=int,
        default=0,
        metavar="N",
        help="also time ClipDesk with N finished tasks in its journal (a third row; not the goal)",
    )
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE from the environment (where no __pycache__ exists yet, "
        "every start then compiles gui/ and core/)",
    )
    parser.add_argument("--child", choices=("clipdesk", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        marks = {"top": now()}
        root = str(Path(__file__).resolve().parent.parent)
        if root not in sys.path:
            sys.path.insert(0, root)
        if args.child == "clipdesk":
            child_clipdesk(marks)
        else:
            child_bare(marks)
        print(json.dumps(marks), flush=True)
        return

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.common import machine, table

    home = Path(tempfile.mkdtemp(prefix="clipdesk-bench-home-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLIPDESK_HOME": str(home / "fresh")}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if not args.no_bytecode_cache:
        # As installed or bundled, ClipDesk's modules load from cached bytecode; a session whose
        # environment sets PYTHONDONTWRITEBYTECODE would recompile gui/ and core/ on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    envs = {"clipdesk": env, "bare": env}
    if args.history:
        envs["history"] = {**env, "CLIPDESK_HOME": str(home / "history")}
        fill_journal(home / "history", args.history)
    results: dict[str, list[dict[str, Any]]] = {kind: [] for kind in envs}
    try:
        for kind in envs:  # warm-up: page cache, .pyc files, the journal created
            run(CHILD[kind], envs[kind])
        for rep in range(args.reps):
            order = list(envs) if rep % 2 == 0 else list(envs)[::-1]
            for kind in order:
                r = run(CHILD[kind], envs[kind])
                results[kind].append(r)
                print(
                    f"  rep {rep + 1} {kind:8s} first paint {r['paint']:6.0f} ms  "
                    f"exit {r['process']:6.0f} ms  CPU {r['cpu']:5.0f} ms  peak RSS {r['rss']:5.0f} MB",
                    flush=True,
                )
    finally:
        shutil.rmtree(home, ignore_errors=True)

    def med(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind] if key in r)

    rows = []
    names = [("bare", "bare QMainWindow"), ("clipdesk", "ClipDesk")]
    if args.history:
        names.append(("history", f"(ClipDesk, {args.history} tasks in the journal)"))
    for kind, name in names:
        rows.append(
            [
                name,
                f"{med(kind, 'paint'):.0f}",
                f"{min(r['paint'] for r in results[kind]):.0f}-{max(r['paint'] for r in results[kind]):.0f}",
                f"{med(kind, 'paint_cpu'):.0f}",
                f"{med(kind, 'ready'):.0f}" if kind != "bare" else "",
                f"{med(kind, 'process'):.0f}",
                f"{med(kind, 'cpu'):.0f}",
                f"{med(kind, 'rss'):.0f}",
                f"{med(kind, 'paint') / med('bare', 'paint'):.2f}×" if kind != "bare" else "",
            ]
        )
    ratio = med("clipdesk", "paint") / med("bare", "paint")
    print(
        f"bench/startup.py — first painted main window, offscreen, {args.reps} runs each, "
        f"bytecode cache {'off' if 'PYTHONDONTWRITEBYTECODE' in envs['clipdesk'] else 'on'}; "
        f"{machine()}; {load_note()}"
    )
    print(
        table(
            [
                "app",
                "first paint ms (median)",
                "min-max",
                "CPU ms to first paint",
                "ready ms",
                "process exit ms",
                "CPU ms (whole run)",
                "peak RSS MB",
                "vs bare",
            ],
            rows,
        )
    )
    ready = med("clipdesk", "ready") / med("bare", "paint")
    print(f"ClipDesk ready (window usable, services open) / bare first paint: {ready:.2f}× (goal <= 3×)")
    # Marks in the order they came (the window now paints before the services open); each
    # figure is the median time from spawn, then the step from the previous mark.
    marks = [
        ("script running", "top"),
        ("gui.app imported", "imports"),
        ("MainWindow() starts", "window_start"),
        ("MainWindow() returned", "window"),
        ("first paint", "paint"),
        ("open_services starts", "services_start"),
        ("services open", "services"),
        ("attach starts", "attach_start"),
        ("regions built (ready)", "ready"),
        ("main() returned", "exit"),
    ]
    timeline = sorted(
        ((med("clipdesk", key), label) for label, key in marks if any(key in r for r in results["clipdesk"])),
    )
    previous = 0.0
    parts = []
    for at, label in timeline:
        parts.append(f"{label} {at:.0f} (+{at - previous:.0f})")
        previous = at
    print("ClipDesk timeline, ms from spawn (medians; +step from the previous mark): " + "; ".join(parts))
    bare_parts = [
        f"interpreter + script start {med('bare', 'top'):.0f}",
        f"imports {med('bare', 'imports') - med('bare', 'top'):.0f}",
        f"QApplication + window {med('bare', 'window') - med('bare', 'imports'):.0f}",
        f"show() until first paint {med('bare', 'paint') - med('bare', 'window'):.0f}",
    ]
    print("bare phases, ms (medians): " + "; ".join(bare_parts))
    verdict = "met" if ratio <= GOAL else "MISSED"
    cpu_ratio = med("clipdesk", "paint_cpu") / med("bare", "paint_cpu")
    print(f"ratio ClipDesk/bare (median first paint) = {ratio:.2f} (goal <= {GOAL}: {verdict})")
    print(
        f"ratio ClipDesk/bare (median CPU time to first paint, steadier under load) = {cpu_ratio:.2f}; "
        "ready = the services open and the regions built"
    )


if __name__ == "__main__":
    main()
