"""Does making thumbnails stall the window? The window's Thumbnails (gui/thumbnails.py) makes the
thumbnails of N new 720p clips while a 5 ms heartbeat QTimer on the GUI loop records every late
tick. The peer, in the same run: the same Thumbnails with the decoding on its own pool's threads
in the window's process, instead of the process pool (core/media/pool.py). The two
alternate, each in a child process of its own with a fresh thumbnail cache.

    .venv/bin/python -m bench.thumbnails [--clips 40] [--rounds 3] [--busy]

--busy adds a CPU-bound process at niceness 0 beside the window (a browser, a build), as a
creator's machine often has.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, machine, table

TICK_MS = 5
WAYS = ("pool", "threads")


def make_clips(folder: Path, count: int) -> list[Path]:
    """``count`` distinct short 720p H.264 clips of coarse noise (16-pixel blocks: detail to decode,
    like a real video's first frame and unlike a flat colour, which decodes in no time)."""
    import random

    import av
    from PIL import Image

    clips = []
    rng = random.Random(7)
    for n in range(count):
        path = folder / f"clip-{n:03d}.mp4"
        with av.open(str(path), mode="w") as container:
            stream = container.add_stream("libx264", rate=24)
            stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
            stream.options = {"preset": "ultrafast"}
            for _ in range(3):
                blocks = Image.frombytes("RGB", (80, 45), rng.randbytes(80 * 45 * 3))
                frame = av.VideoFrame.from_image(blocks.resize((1280, 720), Image.Resampling.BILINEAR))
                for packet in stream.encode(frame.reformat(format="yuv420p")):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)
        clips.append(path)
    return clips


def child(way: str, clips: list[str], cache: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui.thumbnails import Thumbnails

    app = QApplication([])
    thumbnails = Thumbnails(Path(cache))
    if way == "threads":  # the peer: decoded on the Thumbnails' own threads, in this process
        import types

        import gui.thumbnails

        gui.thumbnails.pool = types.SimpleNamespace(call=lambda function, *args: function(*args))  # type: ignore[assignment]
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    beat = QTimer()
    beat.setInterval(TICK_MS)
    beat.timeout.connect(tick)
    remaining = set(clips)
    thumbnails.ready.connect(lambda path: remaining.discard(path))
    # warm: the pool's worker started and its imports done, Qt's image plugins loaded
    warm = clips[0]
    thumbnails.get(warm)
    while warm in remaining:
        app.processEvents()
        time.sleep(0.001)
    cpu = os.times()
    started = last[0] = time.perf_counter()
    beat.start()
    for path in clips[1:]:
        thumbnails.get(path)
    while remaining and time.perf_counter() - started < 120:
        app.processEvents()
        time.sleep(0.0005)
    took = time.perf_counter() - started
    window_cpu = sum(os.times()[:2]) - sum(cpu[:2])
    beat.stop()
    failed = sum(thumbnails.failed(p) for p in clips)
    thumbnails.close()
    gaps.sort()
    print(
        json.dumps(
            {
                "way": way,
                "made": len(clips) - 1 - len(remaining),
                "failed": failed,
                "seconds": took,
                "window_cpu_s": window_cpu,
                "worst_ms": gaps[-1] if gaps else 0.0,
                "p99_ms": gaps[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else 0.0,
                "over_16ms": sum(g > 16 for g in gaps),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clips", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--busy", action="store_true")
    parser.add_argument("--child")
    parser.add_argument("--cache")
    parser.add_argument("--list")
    args = parser.parse_args()
    if args.child:
        child(args.child, json.loads(Path(args.list).read_text()), args.cache)
        return
    with tempfile.TemporaryDirectory(prefix="clipdesk-thumbs-bench-") as tmp:
        folder = Path(tmp)
        clips = [str(p) for p in make_clips(folder, args.clips + 1)]
        listing = folder / "clips.json"
        listing.write_text(json.dumps(clips))
        busy = None
        if args.busy:
            busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        results: dict[str, list[dict[str, float]]] = {way: [] for way in WAYS}
        try:
            for n in range(args.rounds):
                for way in WAYS if n % 2 == 0 else reversed(WAYS):
                    cache = folder / f"cache-{way}-{n}"
                    cmd = [sys.executable, "-m", "bench.thumbnails", "--child", way]
                    cmd += ["--list", str(listing), "--cache", str(cache)]
                    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
                    results[way].append(json.loads(done.stdout.strip().splitlines()[-1]))
        finally:
            if busy is not None:
                busy.kill()
                busy.wait()
    print(
        f"bench/thumbnails.py — {args.clips} new 720p clips' thumbnails, {args.rounds} rounds"
        f"{', a busy process beside' if args.busy else ''}; {machine()}"
    )
    rows = []
    for way in WAYS:
        for r in results[way]:
            rows.append(
                [
                    way,
                    f"{r['made']:.0f} ({r['failed']:.0f} failed)",
                    f"{r['seconds']:.2f}",
                    f"{r['window_cpu_s'] * 1000 / max(1, r['made']):.1f}",
                    f"{r['worst_ms']:.1f}",
                    f"{r['p99_ms']:.1f}",
                    f"{r['over_16ms']:.0f}",
                ]
            )
    headers = ["decoded by", "made", "seconds", "window CPU ms each", "worst stall ms", "p99 ms", "> 16 ms"]
    print(table(headers, rows))

    def mean(way: str, key: str) -> float:
        return sum(r[key] for r in results[way]) / len(results[way])

    print(
        "pool / threads: window's CPU per thumbnail "
        f"{mean('pool', 'window_cpu_s') / max(1e-9, mean('threads', 'window_cpu_s')):.2f}×, "
        f"wall {mean('pool', 'seconds') / max(1e-9, mean('threads', 'seconds')):.2f}×, "
        f"stalls over 16 ms {sum(r['over_16ms'] for r in results['pool']):.0f} against "
        f"{sum(r['over_16ms'] for r in results['threads']):.0f}"
    )


if __name__ == "__main__":
    main()
