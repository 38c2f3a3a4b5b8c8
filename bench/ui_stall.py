"""Does the window ever freeze? The real main window and services on the qasync loop, with
1,000 tasks polling a loopback DashScope emulator and 10 downloads of 100 MB streaming from a
second one; a 5 ms heartbeat QTimer in the GUI loop records every late tick. The same window
idle, in the same run, is the peer. Goal: no stall over 16 ms (one frame at 60 Hz).

    .venv/bin/python -m bench.ui_stall [--tasks 1000] [--downloads 10] [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

from bench.common import ROOT, emulator, machine, table

TICK_MS = 5


class Heartbeat:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.late: list[tuple[float, float]] = []  # (seconds since start, stall ms) over 16 ms
        self._last = self._start = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000 - TICK_MS
        self.gaps.append(gap)
        if gap > 16:
            self.late.append((now - self._start, gap))
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self.late.clear()
        self._last = self._start = time.perf_counter()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {
            "ticks": len(gaps),
            "worst_ms": gaps[-1],
            "p99_ms": gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else gaps[-1],
            "over_16ms": sum(g > 16 for g in gaps),
            "over_16ms_first_5s": sum(1 for t, _g in self.late if t < 5),
        }


def _cpu_of(engine: object) -> float:
    """CPU seconds of the engine's process (0 when the engine shares the window's)."""
    process = getattr(engine, "_process", None)
    if process is None or process.pid is None:
        return 0.0
    with open(f"/proc/{process.pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CLIPDESK_HOME"] = tempfile.mkdtemp(prefix="clipdesk-stall-")
    os.environ["CLIPDESK_API_KEY"] = "sk-ok"
    if args.poll_interval:
        os.environ["CLIPDESK_POLL_INTERVAL"] = str(args.poll_interval)
    if args.switch:
        sys.setswitchinterval(args.switch)
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication([])  # noqa: F841  (must exist for the window)

    async def run() -> dict[str, object]:
        from core.connections import Connection
        from core.request import GenerationRequest
        from core.store import TaskState
        from gui.main_window import MainWindow
        from gui.services import close_services, open_services

        services = await open_services()
        window = MainWindow(services)
        window.show()
        engine = services.engine
        engine.add_connection(
            Connection(name="polls", dialect="dashscope", base_url=args.poll_url, max_polls=64)
        )
        engine.add_connection(Connection(name="files", dialect="dashscope", base_url=args.file_url))
        beat = Heartbeat()
        await asyncio.sleep(1.0)

        beat.start()
        await asyncio.sleep(args.idle)
        idle = beat.stop()

        def request(i: int) -> GenerationRequest:
            return GenerationRequest(
                model="wan2.5-i2v-preview", prompt=f"stall {i}", image="https://example.com/a.png"
            )

        beat.start()
        cpu = (os.times(), _cpu_of(engine))
        started = time.perf_counter()
        polling = await asyncio.gather(*(engine.create("polls", request(i)) for i in range(args.tasks)))
        downloads = await asyncio.gather(*(engine.create("files", request(i)) for i in range(args.downloads)))
        created = time.perf_counter() - started
        await asyncio.sleep(max(args.seconds - created, 1.0))
        loaded = beat.stop()
        window_cpu = sum(os.times()[:2]) - sum(cpu[0][:2])
        engine_cpu = _cpu_of(engine) - cpu[1]
        polls_seen = sum(r.state is TaskState.RUNNING for r in polling)
        files_done = sum(r.state is TaskState.SUCCEEDED for r in downloads)
        window.shutdown()
        await close_services(services)
        return {
            "idle": idle,
            "loaded": loaded,
            "created_s": created,
            "running": polls_seen,
            "downloaded": files_done,
            "window_cpu_s": window_cpu,
            "engine_cpu_s": engine_cpu,
        }

    with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
        result = runner.run(run())
    result["app_cpu_s"] = sum(os.times()[:4])  # the window's process and the engine's, whole run
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--downloads", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--idle", type=float, default=10.0)
    parser.add_argument("--poll-interval", type=float, default=2.0)
    parser.add_argument("--file-size", type=int, default=100_000_000)
    parser.add_argument("--switch", type=float, default=0.0, help="sys.setswitchinterval for the window")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--poll-url")
    parser.add_argument("--file-url")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    with (
        emulator("dashscope", "--seconds-queued", "1", "--seconds-running", "3600") as poll_url,
        emulator(
            "dashscope", "--seconds-queued", "0", "--seconds-running", "1", "--file-size", str(args.file_size)
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
            "--seconds",
            str(args.seconds),
            "--idle",
            str(args.idle),
            "--poll-interval",
            str(args.poll_interval),
            "--switch",
            str(args.switch),
        ]
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    r = json.loads(out.strip().splitlines()[-1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    servers_cpu = children.ru_utime + children.ru_stime - r["app_cpu_s"]  # the two emulators
    print(
        f"bench/ui_stall.py — {args.tasks} tasks polling every {args.poll_interval:g} s, "
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
    print(
        f"CPU while loaded: window's process {r['window_cpu_s']:.1f} s, "
        f"engine's process {r['engine_cpu_s']:.1f} s; the two loopback servers used {servers_cpu:.1f} s "
        f"over the whole run, on the same {os.cpu_count()} cores"
    )
    print(
        f"creating the tasks took {r['created_s']:.2f} s; {r['running']} tasks polling at the end; "
        f"{r['downloaded']}/{args.downloads} downloads complete"
    )


if __name__ == "__main__":
    main()
