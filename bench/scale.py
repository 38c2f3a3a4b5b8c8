"""The GUI with 100 against 10,000 tasks, in one run, offscreen.

(a) Queue: the cost of one status update. Every task in the engine, of which the same 15 are
    unfinished at both sizes (10 running, 5 queued; the rest succeeded, a few failed), so the two
    sizes differ only by history. A running record gets a new progress and the engine's ``changed``
    event enters the window's engine proxy where the engine process's events arrive; measured:
      model       the TaskModel alone (gui/models/task_model.py) with the Thumbnails it uses:
                  time from the emit until the model's ``dataChanged`` for that row arrives.
      window      the real MainWindow (services opened by gui.services.open_services in a temporary
                  CLIPDESK_HOME, the tasks put into the engine before the window is built), shown:
                  the same latency with every listener of the engine attached, the whole emit
                  (all listeners: queue model and its sort/filter proxy, library model, the
                  window's counts and notifier), and the emit plus one processEvents() (repaint).
    Medians over many updates; the ratio 10k/100 of the model's latency is the goal (<= 1.2).
(b) Library: LibraryView over LibraryModel (gui/views/library_view.py, gui/models/library_model.py)
    with 100 and 10,000 downloaded videos (hard links to one small real H.264 MP4, so thumbnails
    are real PyAV work; a cold thumbnail cache each run): time from building the model until the
    list's viewport is first painted, the time until the visible thumbnails have arrived, and the
    RSS the model and view add (VmRSS). Ratio 10k/100 of the first paint is the goal (<= 2).

Each measurement runs in a child process of its own, sizes alternating.

    .venv/bin/python -m bench.scale [--reps 5] [--updates 2000]
"""

from __future__ import annotations

import argparse
import asyncio
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

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOAD_AT_START = os.getloadavg()[0]  # other work on the machine skews every figure


def load_note() -> str:
    return f"load average {LOAD_AT_START:.1f} at start, {os.getloadavg()[0]:.1f} at end"


SIZES = (100, 10_000)
RUNNING, QUEUED = 10, 5
GOAL_QUEUE = 1.2
GOAL_LIBRARY = 2.0


def vm_rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# ------------------------------------------------------------------------------ fake history
def make_records(n: int, videos: Path | None) -> list[Any]:
    """``n`` TaskRecords, oldest first: RUNNING running + QUEUED queued (the newest), the rest
    finished over the last 90 days (1 in 20 failed, the others succeeded with a video)."""
    from core.tasks.journal import TaskRecord, TaskState
    from core.tasks.request import GenerationRequest

    now = time.time()
    records = []
    active = RUNNING + QUEUED
    models = ("wan2.5-i2v-preview", "wan2.2-kf2v-flash", "sora-2", "vidu-q3-pro")
    for i in range(n):
        created = now - (n - i) * (90 * 86400 / n)
        model = models[i % len(models)]
        request = GenerationRequest(
            model=model,
            prompt=f"task {i}: a slow dolly shot of a lighthouse at dusk, waves, gulls, film grain",
            duration=5,
            resolution="720P",
        )
        record = TaskRecord(
            id=f"{i:032x}",
            connection="bench",
            dialect="dashscope",
            base_url="http://127.0.0.1:9/alibailian",
            model=model,
            request=request,
            created_at=created,
            updated_at=created,
        )
        if i >= n - active:
            record.state = TaskState.RUNNING if i >= n - RUNNING else TaskState.QUEUED
            if record.state is TaskState.RUNNING:
                record.submitted_at = created
                record.remote_id = f"remote-{i}"
                record.progress = 0.1
        elif i % 20 == 7:
            record.state = TaskState.FAILED
            record.finished_at = created + 60
            record.error_kind = "upstream_failed"
            record.error_message = "the provider said no"
        else:
            record.state = TaskState.SUCCEEDED
            record.finished_at = created + 90
            record.submitted_at = created + 1
            if videos is not None:
                record.video_path = str(videos / f"{i:06d}.mp4")
                record.video_size = 4096
        records.append(record)
    return records


def make_videos(folder: Path, n: int) -> None:
    """``n`` names for one small real MP4 (hard links; copies where links are refused)."""
    from tests.emulators.media import small_mp4

    folder.mkdir(parents=True, exist_ok=True)
    first = folder / "000000.mp4"
    if not first.exists():
        first.write_bytes(small_mp4())
    for i in range(1, n):
        target = folder / f"{i:06d}.mp4"
        if target.exists():
            continue
        try:
            os.link(first, target)
        except OSError:
            shutil.copyfile(first, target)


# ------------------------------------------------------------------------------ (a) queue
def child_queue(n: int, updates: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from core.tasks.journal import TaskState
    from gui.main_window import MainWindow
    from gui.models.task_model import TaskModel
    from gui.services import close_services, open_services
    from gui.spawn import drain
    from gui.thumbnails import Thumbnails

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)  # spawn() from the models finds it; it runs at the end
    services = loop.run_until_complete(open_services())
    # The window's engine, on this loop: the records go into its tasks, and an event enters where
    # the engine emits it and is delivered at once (``dispatch``, the frame timer skipped).
    engine = services.engine
    for record in make_records(n, None):
        engine.tasks[record.id] = record
    running = [r for r in engine.tasks.values() if r.state is TaskState.RUNNING]

    def emit(event: str, record: Any) -> None:
        engine._emit(event, record)
        engine.dispatch()

    out: dict[str, Any] = {"n": n}

    def measure(model: Any, count: int, repaint: bool) -> dict[str, float]:
        armed: dict[str, Any] = {}

        def on_changed(top_left: Any, _bottom_right: Any, _roles: Any = None) -> None:
            if "t" not in armed and top_left.row() == armed["row"]:
                armed["t"] = time.perf_counter()

        model.dataChanged.connect(on_changed)
        latency, emits, painted = [], [], []
        shown = set(model.visible_rows()) if model.visible_rows else set()
        on_screen = [r for r in running if model.row_of(r.id) in shown]  # the rows a change repaints
        for k in range(count):
            record = on_screen[k % len(on_screen)]
            record.progress = 0.11 + (k % 80) / 100  # a step the row shows (its bar, its percentage)
            record.updated_at = time.time()
            armed.clear()
            armed["row"] = model.row_of(record.id)
            t0 = time.perf_counter()
            emit("changed", record)
            model.write_pending()  # what the model's writer does a frame later (its timer skipped)
            t1 = time.perf_counter()
            latency.append(armed["t"] - t0)
            emits.append(t1 - t0)
            if repaint:
                app.processEvents()
                painted.append(time.perf_counter() - t0)
        model.dataChanged.disconnect(on_changed)
        result = {
            "latency_us": statistics.median(latency) * 1e6,
            "emit_us": statistics.median(emits) * 1e6,
        }
        if painted:
            result["painted_us"] = statistics.median(painted) * 1e6
        return result

    async def measured() -> Any:  # events are emitted on the running loop, as the engine's are
        # the model alone, with the thumbnails it is given in the window
        thumbnails = Thumbnails(services.paths.cache / "thumbnails")
        t0 = time.perf_counter()
        model = TaskModel(engine, thumbnails)
        out["model_build_ms"] = (time.perf_counter() - t0) * 1000
        model.visible_rows = lambda: range(24)  # a screenful on top (the running tasks: the newest)
        model.write_pending()
        for _ in range(50):  # warm-up
            measure(model, 20, False)
        out["model"] = measure(model, updates, False)
        model.detach()
        thumbnails.close()

        # the real window: every listener of the engine
        rss0 = vm_rss_mb()
        t0 = time.perf_counter()
        window = MainWindow(services)
        window.show()
        app.processEvents()
        out["window_build_ms"] = (time.perf_counter() - t0) * 1000
        out["window_rss_mb"] = vm_rss_mb() - rss0
        measure(window.task_model, 50, True)  # warm-up
        out["window"] = measure(window.task_model, max(updates // 4, 100), True)
        # the one listener whose cost follows the number of tasks (see the README)
        t0 = time.perf_counter()
        for _ in range(200):
            window._show_counts()
        out["window"]["counts_us"] = (time.perf_counter() - t0) / 200 * 1e6
        return window

    window = loop.run_until_complete(measured())
    window.shutdown()
    window.close()
    loop.run_until_complete(drain(timeout=3.0))
    loop.run_until_complete(close_services(services))
    loop.close()
    return out


# ------------------------------------------------------------------------------ (b) library
def child_library(n: int, videos: Path) -> dict[str, Any]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from core.config.paths import default_paths
    from core.config.secrets import SecretStore
    from core.tasks.engine import Engine
    from core.tasks.journal import Journal
    from gui.models.library_model import LibraryModel
    from gui.settings import LibraryMarks
    from gui.thumbnails import Thumbnails
    from gui.views.library_view import LibraryView

    paths = default_paths().ensure()
    engine = Engine(paths, Journal(paths.database), SecretStore())
    rss_empty = vm_rss_mb()
    for record in make_records(n, videos):
        engine.tasks[record.id] = record
    rss_records = vm_rss_mb()
    marks_of_library = LibraryMarks.load(paths.config)
    marks: dict[str, float] = {}

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                marks.setdefault("paint", time.perf_counter())
                marks["last_paint"] = time.perf_counter()
            return False

    probe = FirstPaint()
    t0 = time.perf_counter()
    thumbnails = Thumbnails(paths.cache / "thumbnails")
    model = LibraryModel(engine, thumbnails, marks_of_library)
    marks["model"] = time.perf_counter()
    view = LibraryView(model, paths.cache / "frames")
    view.view.viewport().installEventFilter(probe)
    view.resize(960, 640)
    view.show()
    marks["built"] = time.perf_counter()
    deadline = t0 + 30
    while "paint" not in marks and time.perf_counter() < deadline:
        app.processEvents()
    rss_painted = vm_rss_mb()
    # then until the visible thumbnails are in (nothing pending for 200 ms) and painted
    quiet_since = None
    while time.perf_counter() < deadline:
        app.processEvents()
        if thumbnails._pending:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since > 0.2:
            break
        time.sleep(0.002)
    made = len(thumbnails._pixmaps)
    rss_settled = vm_rss_mb()
    result = {
        "n": n,
        "model_ms": (marks["model"] - t0) * 1000,
        "build_ms": (marks["built"] - t0) * 1000,
        "paint_ms": (marks["paint"] - t0) * 1000,
        "thumbs_ms": (marks["last_paint"] - t0) * 1000,
        "thumbs": made,
        "rows_loaded": model.rowCount(),
        "records_rss_mb": rss_records - rss_empty,
        "view_rss_mb": rss_painted - rss_records,
        "view_thumbs_rss_mb": rss_settled - rss_records,
    }
    model.detach()
    thumbnails.close()
    return result


# ------------------------------------------------------------------------------ parent
def run_child(kind: str, n: int, args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="clipdesk-bench-scale-"))
    cmd = [sys.executable, "-m", "bench.scale", "--child", kind, "--n", str(n)]
    cmd += ["--updates", str(args.updates), "--videos", str(args.videos)]
    try:
        proc = subprocess.run(
            cmd, cwd=ROOT, env={**env, "CLIPDESK_HOME": str(home)}, capture_output=True, text=True
        )
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} {n} failed ({proc.returncode}): {proc.stderr.strip()[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--child", choices=("queue", "library"), help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--videos", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "queue":
        print(json.dumps(child_queue(args.n, args.updates)), flush=True)
        return
    if args.child == "library":
        print(json.dumps(child_library(args.n, args.videos)), flush=True)
        return

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    work = Path(tempfile.mkdtemp(prefix="clipdesk-bench-videos-"))
    args.videos = work
    try:
        make_videos(work, max(SIZES))
        queue: dict[int, list[dict[str, Any]]] = {n: [] for n in SIZES}
        library: dict[int, list[dict[str, Any]]] = {n: [] for n in SIZES}
        for rep in range(args.reps):
            order = SIZES if rep % 2 == 0 else SIZES[::-1]
            for n in order:
                q = run_child("queue", n, args, env)
                queue[n].append(q)
                print(
                    f"  rep {rep + 1} queue   {n:6d}: model {q['model']['latency_us']:7.1f} µs; "
                    f"window dataChanged {q['window']['latency_us']:7.1f} µs, "
                    f"emit {q['window']['emit_us']:7.1f} µs, +repaint {q['window']['painted_us']:7.1f} µs",
                    flush=True,
                )
            for n in order:
                lib = run_child("library", n, args, env)
                library[n].append(lib)
                print(
                    f"  rep {rep + 1} library {n:6d}: first paint {lib['paint_ms']:6.1f} ms, thumbnails "
                    f"{lib['thumbs_ms']:6.1f} ms ({lib['thumbs']}), view RSS +{lib['view_rss_mb']:.1f} MB",
                    flush=True,
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(queue, library, args)


def report(
    queue: dict[int, list[dict[str, Any]]], library: dict[int, list[dict[str, Any]]], args: argparse.Namespace
) -> None:
    from bench.common import machine, table

    small, big = SIZES

    def qmed(n: int, level: str, key: str) -> float:
        return statistics.median(r[level][key] for r in queue[n] if key in r[level])

    def med(rows: list[dict[str, Any]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    print(
        f"bench/scale.py — {small} vs {big} tasks, offscreen, {args.reps} runs per size, "
        f"{args.updates} updates per run (model), {max(args.updates // 4, 100)} (window); "
        f"{machine()}; {load_note()}"
    )
    rows = []
    for level, key, label in (
        ("model", "latency_us", "model: emit → dataChanged"),
        ("window", "latency_us", "window: emit → dataChanged"),
        ("window", "emit_us", "window: whole emit (all listeners)"),
        ("window", "painted_us", "window: emit + processEvents (repaint)"),
    ):
        a, b = qmed(small, level, key), qmed(big, level, key)
        rows.append([label, f"{a:.1f}", f"{b:.1f}", f"{b / a:.2f}"])
    rows.append(
        [
            "window: MainWindow._show_counts() alone",
            f"{qmed(small, 'window', 'counts_us'):.1f}",
            f"{qmed(big, 'window', 'counts_us'):.1f}",
            f"{qmed(big, 'window', 'counts_us') / qmed(small, 'window', 'counts_us'):.2f}",
        ]
    )
    rows.append(
        [
            "TaskModel() build, ms",
            f"{med(queue[small], 'model_build_ms'):.1f}",
            f"{med(queue[big], 'model_build_ms'):.1f}",
            f"{med(queue[big], 'model_build_ms') / med(queue[small], 'model_build_ms'):.1f}",
        ]
    )
    rows.append(
        [
            "MainWindow() + show, ms",
            f"{med(queue[small], 'window_build_ms'):.0f}",
            f"{med(queue[big], 'window_build_ms'):.0f}",
            f"{med(queue[big], 'window_build_ms') / med(queue[small], 'window_build_ms'):.1f}",
        ]
    )
    print("(a) queue, one status update, µs (medians)")
    print(table(["measure", f"{small} tasks", f"{big} tasks", f"ratio {big // 1000}k/{small}"], rows))
    ratio_q = qmed(big, "model", "latency_us") / qmed(small, "model", "latency_us")

    lib_rows = []
    for key, label in (
        ("paint_ms", "first paint of the list, ms"),
        ("model_ms", "  of which LibraryModel(), ms"),
        ("build_ms", "  of which LibraryModel() + LibraryView() + show(), ms"),
        ("thumbs_ms", "visible thumbnails painted, ms"),
        ("view_rss_mb", "RSS added by model + view at first paint, MB"),
        ("view_thumbs_rss_mb", "RSS added incl. thumbnails, MB"),
        ("records_rss_mb", "(RSS of the TaskRecords themselves, MB)"),
        ("rows_loaded", "rows handed to the view"),
        ("thumbs", "thumbnails made"),
    ):
        a, b = med(library[small], key), med(library[big], key)
        ratio = f"{b / a:.2f}" if a and key != "records_rss_mb" else ""
        lib_rows.append([label, f"{a:.1f}", f"{b:.1f}", ratio])
    print("(b) library view (medians)")
    print(table(["measure", f"{small} videos", f"{big} videos", f"ratio {big // 1000}k/{small}"], lib_rows))
    ratio_l = med(library[big], "paint_ms") / med(library[small], "paint_ms")
    rss_l = med(library[big], "view_rss_mb") / max(med(library[small], "view_rss_mb"), 0.1)
    print(
        f"queue ratio {big // 1000}k/{small} (model latency) = {ratio_q:.2f} "
        f"(goal <= {GOAL_QUEUE}: {'met' if ratio_q <= GOAL_QUEUE else 'MISSED'}); "
        f"library ratio (first paint) = {ratio_l:.2f} "
        f"(goal <= {GOAL_LIBRARY}: {'met' if ratio_l <= GOAL_LIBRARY else 'MISSED'}); "
        f"library memory ratio = {rss_l:.2f}"
    )


if __name__ == "__main__":
    main()
