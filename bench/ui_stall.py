"""Does the window ever freeze? The real main window and services, the engine on the window's
qasync loop, at a creator's heavy day: 1,000 tasks in the queue, 200 of them in flight remotely
on 4 connections (polling a loopback DashScope emulator every 2 s), 4 downloads of 100 MB
streaming from a second one, the other tasks waiting their turn on a paused connection. A 5 ms
heartbeat QTimer on the window's thread records every late tick; the same window idle, in the
same run, is the peer. Goal: worst stall <= 50 ms, p99 <= 16 ms.

    .venv/bin/python -m bench.ui_stall [--tasks 1000] [--in-flight 200] [--connections 4]
        [--downloads 4] [--seconds 30] [--create batch|concurrent] [--trace]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Any

from bench.common import ROOT, emulator, machine, table

TICK_MS = 5


class StallTracer:
    """--trace: a thread that looks at the window's thread every 2 ms and, while a heartbeat is
    over 12 ms late, records where that thread is (Python frames; a frame in Qt's own code shows
    as the Python call that entered it). Printed at the end as the most frequent places."""

    def __init__(self, beat: Heartbeat) -> None:
        import collections
        import threading

        self.beat = beat
        self.samples: collections.Counter[tuple[str, ...]] = collections.Counter()
        self.others: collections.Counter[str] = collections.Counter()  # the window process's other threads
        self.kernel: collections.Counter[str] = collections.Counter()  # the window's thread: state, wait
        # per stall: (stall ms, ms on a CPU, ms runnable but waiting for a CPU, ms measured over,
        # ms the hypervisor took from this VM's CPUs meanwhile: /proc/stat's steal, both CPUs)
        self.stalls: list[tuple[float, float, float, float, float]] = []
        self.seen: list[list[str]] = []  # per stall: what the window's thread and the others were doing
        self._seeing: list[str] = []
        self.steal_at_start = _steal_ms()
        self.main = threading.main_thread().ident
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()
        import gc

        self.collections: list[tuple[int, float]] = []  # (generation, ms) of the window's process
        self._gc_started = 0.0

        def on_gc(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                self._gc_started = time.perf_counter()
            elif self.beat.timer.isActive():
                self.collections.append((info["generation"], (time.perf_counter() - self._gc_started) * 1000))

        gc.callbacks.append(on_gc)
        self._on_gc = on_gc

    def _watch(self) -> None:
        import collections
        import threading
        import traceback

        tid = threading.main_thread().native_id
        path = f"/proc/self/task/{tid}/schedstat"
        history: collections.deque[tuple[float, int, int, float]] = collections.deque(maxlen=1000)
        last_seen = self.beat._last
        while self.running:
            time.sleep(0.002)
            with open(path) as stat:
                run_ns, wait_ns = (int(v) for v in stat.read().split()[:2])
            now = time.perf_counter()
            steal = _steal_ms()
            history.append((now, run_ns, wait_ns, steal))
            beat_at = self.beat._last
            if beat_at != last_seen and self.beat.timer is not None:
                gap_ms = (beat_at - last_seen) * 1000 - TICK_MS
                if gap_ms > 16 and self.beat.timer.isActive() and self.beat.gaps:
                    before = next((h for h in history if h[0] >= last_seen), history[0])
                    self.stalls.append(
                        (
                            gap_ms,
                            (run_ns - before[1]) / 1e6,
                            (wait_ns - before[2]) / 1e6,
                            (now - before[0]) * 1000,
                            steal - before[3],
                        )
                    )
                    self.seen.append(self._seeing)
                self._seeing = []
                last_seen = beat_at
            if self.beat.timer.isActive() and (time.perf_counter() - self.beat._last) * 1000 > 12 + TICK_MS:
                try:
                    with open(f"/proc/self/task/{tid}/stat") as stat_file:
                        state = stat_file.read().rsplit(")", 1)[1].split()[0]
                    with open(f"/proc/self/task/{tid}/wchan") as wchan_file:
                        where_kernel = f"{state} {wchan_file.read().strip() or '-'}"
                        self.kernel[where_kernel] += 1
                        self._seeing.append(f"window's thread: {where_kernel}")
                except OSError:
                    pass
                frames = sys._current_frames()
                frame = frames.get(self.main or 0)
                if frame is not None:
                    stack = traceback.extract_stack(frame)[-12:]
                    self.samples[
                        tuple(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}" for f in stack)
                    ] += 1
                names = {t.ident: t.name for t in threading.enumerate()}
                for ident, other in frames.items():
                    if ident in (self.main, threading.get_ident()):
                        continue
                    top = traceback.extract_stack(other)[-3:]
                    where = " < ".join(
                        f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(top)
                    )
                    self.others[f"{names.get(ident, ident)}: {where}"] += 1
                    if (
                        "queue.py:171 get" not in where
                        and "_recv" not in where
                        and "thread.py:81" not in where
                    ):
                        self._seeing.append(f"{names.get(ident, ident)}: {where}")

    def report(self, top: int = 12) -> list[str]:
        import collections
        import gc

        self.running = False
        gc.callbacks.remove(self._on_gc)  # the heartbeat's timer goes with the window
        lines = []
        for stack, n in self.samples.most_common(top):
            lines.append(f"{n} samples (x2 ms):")
            lines.extend(f"    {frame}" for frame in stack)
        lines.append(
            "stalls: ms late / the window's thread on a CPU / waiting for a CPU / over ms / "
            "ms stolen from the VM's CPUs by the hypervisor meanwhile (10 ms steps)"
        )
        for (g, r, w, o, s), seen in zip(self.stalls, self.seen, strict=False):
            lines.append(f"  stall {g:6.1f} {r:6.1f} {w:6.1f} {o:6.1f} {s:6.0f}")
            lines.extend(f"      {n} x {what}" for what, n in collections.Counter(seen).most_common(6))
        stolen = _steal_ms() - self.steal_at_start
        lines.append(f"stolen from the VM's CPUs over the whole run: {stolen:.0f} ms")
        if self.stalls:
            total = [sum(x[i] for x in self.stalls) for i in range(4)]
            lines.append(
                f"  total {total[0]:.0f} ms late: {total[1]:.0f} on a CPU, {total[2]:.0f} waiting for one, "
                f"the rest ({total[3] - total[1] - total[2]:.0f} of {total[3]:.0f}) asleep or blocked"
            )
        for gen in (0, 1, 2):
            times = [ms for g, ms in self.collections if g == gen]
            if times:
                lines.append(
                    f"garbage collections of generation {gen}: {len(times)}, {sum(times):.0f} ms in all, "
                    f"longest {max(times):.1f} ms"
                )
        lines.append("the window's thread in stalls (state, kernel wait), samples: " + str(dict(self.kernel)))
        lines.append("other threads of the window's process meanwhile:")
        lines.extend(
            f"{n:5d}  {where}" for where, n in self.others.most_common(40) if "queue.py:171 get" not in where
        )
        return lines


def _steal_ms(stat_fd: int | None = None) -> float:
    """Time the hypervisor has run something else on this VM's CPUs, summed over them (ms); from
    ``stat_fd``, /proc/stat held open, when given (one pread)."""
    if stat_fd is None:
        with open("/proc/stat", "rb") as stat:
            first = stat.readline()
    else:
        first = os.pread(stat_fd, 200, 0).split(b"\n", 1)[0]
    return int(first.split()[8]) * 1000 / os.sysconf("SC_CLK_TCK")


class Heartbeat:
    """A 5 ms QTimer on the window's thread; every tick over 16 ms late is a stall. On Linux each
    tick also reads the thread's scheduler times (/proc/thread-self/schedstat, one pread): a stall
    splits into time the thread was on a CPU (the window's own work, or the hypervisor's: the guest
    cannot tell) and time it was ready to run but waiting for a CPU that other processes had; and
    the time the hypervisor took from the VM's CPUs meanwhile (/proc/stat's steal, 10 ms steps)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        # (seconds since start, stall ms, ms on a CPU, ms waiting for a CPU, ms stolen) over 16 ms
        self.late: list[tuple[float, float, float | None, float | None, float | None]] = []
        self._last = self._start = self.started_at = time.perf_counter()
        self._sched = (0, 0, 0.0)
        self._fd: int | None = None
        self._stat: int | None = None
        self._steal_start = 0.0
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _schedstat(self) -> tuple[int, int, float]:
        if self._fd is None or self._stat is None:
            return (0, 0, 0.0)
        run_ns, wait_ns = os.pread(self._fd, 100, 0).split()[:2]
        return int(run_ns), int(wait_ns), _steal_ms(self._stat)

    def _tick(self) -> None:
        now = time.perf_counter()
        sched = self._schedstat()
        gap = (now - self._last) * 1000 - TICK_MS
        self.gaps.append(gap)
        if gap > 16:
            known = self._fd is not None
            on_cpu = (sched[0] - self._sched[0]) / 1e6 if known else None
            waiting = (sched[1] - self._sched[1]) / 1e6 if known else None
            stolen = sched[2] - self._sched[2] if known else None
            self.late.append((now - self._start, gap, on_cpu, waiting, stolen))
        self._last = now
        self._sched = sched

    def start(self) -> None:
        self.timer.stop()
        self.gaps.clear()
        self.late.clear()
        if self._fd is None:
            try:
                self._fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
                self._stat = os.open("/proc/stat", os.O_RDONLY)
            except OSError:
                self._fd = self._stat = None
        self._last = self._start = self.started_at = time.perf_counter()
        self._sched = self._schedstat()
        self._steal_start = _steal_ms()
        self.timer.start()

    def stop(self) -> dict[str, Any]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {
            "stolen_ms": _steal_ms() - self._steal_start,
            "seconds": time.perf_counter() - self.started_at,
            "ticks": len(gaps),
            "worst_ms": gaps[-1],
            "p99_ms": gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else gaps[-1],
            "over_16ms": sum(g > 16 for g in gaps),
            "over_16ms_first_5s": sum(1 for t, *_ in self.late if t < 5),
            # stalls in which the window's thread itself ran for more than a frame
            "over_16ms_on_cpu": sum(
                1 for _t, _g, on_cpu, *_ in self.late if on_cpu is not None and on_cpu > 16
            ),
            "late": [
                (round(t, 2), round(g, 1), _round(on_cpu), _round(waiting), _round(stolen))
                for t, g, on_cpu, waiting, stolen in self.late
            ],
        }


def _round(ms: float | None) -> float | None:
    return None if ms is None else round(ms, 1)


def child(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="clipdesk-stall-")  # ~1 GB of downloads: removed at the end
    os.environ["CLIPDESK_HOME"] = home
    os.environ["CLIPDESK_API_KEY"] = "sk-ok"
    if args.poll_interval:
        os.environ["CLIPDESK_POLL_INTERVAL"] = str(args.poll_interval)
    if args.switch:
        sys.setswitchinterval(args.switch)
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from gui.loop import new_loop

    slow_events: dict[str, list[float]] = {}
    slow_at: list[tuple[float, float, str]] = []
    if args.trace or args.events:
        # Where the window's thread spends its time, by event: every event that took over 1 ms
        # (a Python notify() costs a little on every event: a diagnosis, not the measured figure)
        class TimedApplication(QApplication):
            def notify(self, receiver: Any, event: Any) -> bool:
                started = time.perf_counter()
                kind = event.type()
                # named by its Python type and object name, taken now: the receiver may be gone after
                name = receiver.objectName() if isinstance(receiver, QObject) else ""
                try:
                    return bool(super().notify(receiver, event))
                except TypeError:  # PySide hands a receiver it already lost as the wrong type
                    return False
                finally:
                    ms = (time.perf_counter() - started) * 1000
                    if ms > 1:
                        key = f"{kind.name} -> {type(receiver).__name__}" + (f" {name}" if name else "")
                        slow_events.setdefault(key, []).append(ms)
                        slow_at.append((started, ms, key))

        app = TimedApplication([])
    else:
        app = QApplication([])  # noqa: F841  (must exist for the window)

    async def run() -> dict[str, object]:
        from core.config.connections import Connection
        from core.tasks.journal import TaskState
        from core.tasks.request import GenerationRequest
        from gui.main_window import MainWindow
        from gui.services import close_services, open_services

        services = await open_services()
        window = MainWindow(services)
        # The size it opens at on a large screen (offscreen's screen is 800×600, and the window fits
        # the screen it opens on): the same window as the runs before it measured.
        width, height = (int(v) for v in args.size.split("x"))
        window.resize(width, height)
        window.show()
        engine = services.engine
        lanes = [f"polls-{n + 1}" for n in range(args.connections)]
        for name in lanes:
            engine.add_connection(Connection(name=name, dialect="dashscope", base_url=args.poll_url))
        engine.add_connection(Connection(name="waiting", dialect="dashscope", base_url=args.poll_url))
        engine.pause("waiting")  # its tasks wait their turn in the queue, as most of a big batch does
        engine.add_connection(
            Connection(
                name="files", dialect="dashscope", base_url=args.file_url, max_downloads=args.downloads
            )
        )
        beat = Heartbeat()
        tracer = StallTracer(beat) if args.trace else None
        await asyncio.sleep(1.0)

        beat.start()
        await asyncio.sleep(args.idle)
        idle = beat.stop()

        def request(i: int) -> GenerationRequest:
            return GenerationRequest(
                model="wan2.5-i2v-preview", prompt=f"stall {i}", image="https://example.com/a.png"
            )

        beat.start()
        cpu = os.times()
        started = time.perf_counter()
        share = args.in_flight // args.connections
        plan = [(name, share) for name in lanes]
        plan += [("waiting", args.tasks - share * len(lanes) - args.downloads), ("files", args.downloads)]
        made: dict[str, list[Any]] = {}
        for name, count in plan:
            requests = [request(i) for i in range(count)]
            if args.create == "batch":  # as the window's batch dialog does: one call for the lot
                made[name] = await engine.create_many(name, requests)
            else:  # one call per task, all at once
                made[name] = list(await asyncio.gather(*(engine.create(name, r) for r in requests)))
        polling = [r for name in lanes for r in made[name]]
        downloads = made["files"]
        created = time.perf_counter() - started
        await asyncio.sleep(max(args.seconds - created, 1.0))
        loaded = beat.stop()
        window_cpu = sum(os.times()[:2]) - sum(cpu[:2])
        polls_seen = sum(r.state is TaskState.RUNNING for r in polling)
        files_done = sum(r.state is TaskState.SUCCEEDED for r in downloads)
        window.shutdown()
        await close_services(services)
        if tracer is not None:
            print("\n".join(tracer.report()), file=sys.stderr)
        if args.trace or args.events:
            print("events over 1 ms (count, total ms, longest):", file=sys.stderr)
            ranked = sorted(slow_events.items(), key=lambda kv: -sum(kv[1]))[:15]
            for key, times in ranked:
                print(f"  {len(times):5d} {sum(times):8.0f} {max(times):7.1f}  {key}", file=sys.stderr)
            print("the slowest, by time since the tasks were created:", file=sys.stderr)
            for at, ms, key in sorted(slow_at, key=lambda x: -x[1])[:25]:
                print(f"  {at - started:7.2f} s {ms:7.1f} ms  {key}", file=sys.stderr)
            print("what the window did in each stall (events over 1 ms):", file=sys.stderr)
            for at, gap, *_split in beat.late:
                end = beat.started_at + at
                inside = [(t, ms, key) for t, ms, key in slow_at if end - gap / 1000 - 0.006 <= t <= end]
                busy = sum(ms for _, ms, _ in inside)
                head = f"  {end - started:6.2f} s stall {gap:5.1f} ms, {busy:5.1f} ms in events:"
                print(head, file=sys.stderr)
                for _, ms, key in inside:
                    print(f"      {ms:5.1f}  {key}", file=sys.stderr)
        return {
            "idle": idle,
            "loaded": loaded,
            "created_s": created,
            "running": polls_seen,
            "downloaded": files_done,
            "window_cpu_s": window_cpu,
        }

    try:
        with asyncio.Runner(loop_factory=new_loop) as runner:
            result = runner.run(run())
    finally:
        shutil.rmtree(home, ignore_errors=True)
    result["app_cpu_s"] = sum(os.times()[:4])  # the app's process (and any pool worker), whole run
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--in-flight", type=int, default=200, help="of the tasks, how many run remotely")
    parser.add_argument("--connections", type=int, default=4, help="the connections they run on")
    parser.add_argument("--downloads", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--idle", type=float, default=10.0)
    parser.add_argument("--poll-interval", type=float, default=2.0)
    parser.add_argument("--file-size", type=int, default=100_000_000)
    parser.add_argument(
        "--servers-nice",
        type=int,
        default=0,
        help="run the two loopback servers this much nicer than the window (they stand for remote hosts)",
    )
    parser.add_argument("--switch", type=float, default=0.0, help="sys.setswitchinterval for the window")
    parser.add_argument("--trace", action="store_true", help="print where the window's thread was in stalls")
    parser.add_argument("--events", action="store_true", help="print the slow Qt events in each stall")
    parser.add_argument(
        "--create",
        choices=("batch", "concurrent"),
        default="batch",
        help="create the tasks in one call (the batch dialog's way) or in 1,000 concurrent calls",
    )
    parser.add_argument("--size", default="1360x860", help="the window's size, WIDTHxHEIGHT")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--poll-url")
    parser.add_argument("--file-url")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with (
        emulator(
            "dashscope", "--seconds-queued", "1", "--seconds-running", "3600", nice=args.servers_nice
        ) as poll_url,
        emulator(
            "dashscope",
            "--seconds-queued",
            "0",
            "--seconds-running",
            "1",
            "--file-size",
            str(args.file_size),
            nice=args.servers_nice,
        ) as file_url,
    ):
        cmd = [
            sys.executable,
            "-m",
            "bench.ui_stall",
            "--child",
            "--poll-url",
            poll_url + "/alibailian",
            "--file-url",
            file_url + "/alibailian",
            "--tasks",
            str(args.tasks),
            "--downloads",
            str(args.downloads),
            "--in-flight",
            str(args.in_flight),
            "--connections",
            str(args.connections),
            "--seconds",
            str(args.seconds),
            "--idle",
            str(args.idle),
            "--poll-interval",
            str(args.poll_interval),
            "--switch",
            str(args.switch),
            "--create",
            args.create,
            "--size",
            args.size,
        ]
        cmd += ["--trace"] if args.trace else []
        cmd += ["--events"] if args.events else []
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
        out = done.stdout
        if args.trace or args.events:
            print(done.stderr)
    r = json.loads(out.strip().splitlines()[-1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    servers_cpu = children.ru_utime + children.ru_stime - r["app_cpu_s"]  # the two emulators
    print(
        f"bench/ui_stall.py — {args.tasks} tasks ({args.create}) in the queue, {args.in_flight} of them "
        f"polling every {args.poll_interval:g} s on {args.connections} connections, "
        f"{args.downloads} downloads of {args.file_size / 1e6:.0f} MB, {args.seconds:.0f} s; {machine()}"
    )
    rows = []
    for name in ("idle", "loaded"):
        s = r[name]
        rows.append([name, s["ticks"], f"{s['worst_ms']:.1f}", f"{s['p99_ms']:.1f}", s["over_16ms"]])
    print(table(["window", "heartbeats", "worst stall ms", "p99 ms", "stalls > 16 ms"], rows))
    print(
        "stalls over 16 ms in the first 5 s (tasks created and submitted):",
        r["loaded"]["over_16ms_first_5s"],
    )
    if r["loaded"]["late"]:
        print(
            "stalls over 16 ms (s since the tasks were created; ms late; of the stall, ms the window's "
            "thread was on a CPU, ms it was ready but waited for one, ms the hypervisor took from the VM's "
            "CPUs meanwhile, in 10 ms steps):"
        )
        for at, gap, on_cpu, waiting, stolen in r["loaded"]["late"]:
            print(
                f"  {at:6.2f} s  {gap:5.1f} ms late  {on_cpu} on a CPU  {waiting} waiting  "
                f"{stolen} stolen from the VM"
            )
        print(
            "of them, stalls in which the window's thread ran for more than 16 ms (its own work):",
            r["loaded"]["over_16ms_on_cpu"],
        )
    loaded = r["loaded"]
    share = loaded["stolen_ms"] / 10 / loaded["seconds"] / (os.cpu_count() or 1)
    print(
        f"the hypervisor took {loaded['stolen_ms']:.0f} ms from this VM's {os.cpu_count()} CPUs over the "
        f"{loaded['seconds']:.0f} s loaded ({share:.1f} % of them)"
    )
    print(
        f"CPU while loaded: the app's process {r['window_cpu_s']:.1f} s; "
        f"the two loopback servers used {servers_cpu:.1f} s "
        f"over the whole run, on the same {os.cpu_count()} cores"
    )
    print(
        f"creating the tasks took {r['created_s']:.2f} s; {r['running']} tasks polling at the end; "
        f"{r['downloaded']}/{args.downloads} downloads complete"
    )


if __name__ == "__main__":
    main()
