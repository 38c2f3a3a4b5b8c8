"""The whole app idle: resident memory of ``python main.py`` and every process it started.

The app runs offscreen in a fresh CLIPDESK_HOME (or ``--home``), is left alone for ``--settle``
seconds after start (services open, window attached), then each of its processes' VmRSS is read
from /proc and summed. Pool workers exist only once something needed decoding (a thumbnail, a
render): ``--library N`` first puts N short videos in the library, so the window makes their
thumbnails and the pool's workers are counted too. Goal: <= 150 MB, pool workers not started.

    .venv/bin/python -m bench.idle_memory [--settle 10] [--library 0]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, machine, table


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += _children(current)
    return pids


def _status(pid: int) -> tuple[str, float]:
    text = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:70]
    return cmd, int(fields["VmRSS"].split()[0]) / 1024


def _seed_library(home: Path, count: int) -> None:
    """Offline previews made through the CLI (its own process, ended before the app starts)."""
    env = {**os.environ, "CLIPDESK_HOME": str(home)}
    for n in range(count):
        subprocess.run(
            [sys.executable, "main.py", "generate", "--dialect", "local", "--model", "preview",
             "--prompt", f"idle memory {n}", "--duration", "1", "--resolution", "360p"],
            cwd=ROOT, env=env, check=True, capture_output=True,
        )  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--settle", type=float, default=10.0, help="seconds left idle before reading")
    parser.add_argument("--library", type=int, default=0, help="videos in the library (thumbnails made)")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="clipdesk-idle-"))
    try:
        _seed_library(home, args.library)
        (home / "config").mkdir(parents=True, exist_ok=True)
        (home / "config" / "ui-state.ini").write_text("[welcome]\nshown=true\n")
        env = {**os.environ, "CLIPDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        env.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
        app = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env)
        time.sleep(args.settle)
        rows, total = [], 0.0
        for pid in _tree(app.pid):
            cmd, rss = _status(pid)
            rows.append([pid, f"{rss:.0f}", cmd])
            total += rss
        app.send_signal(signal.SIGTERM)
        app.wait(30)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"bench/idle_memory.py — the app idle {args.settle:g} s, {args.library} videos; {machine()}")
    print(table(["pid", "RSS MB", "process"], rows))
    print(f"all its processes: {total:.0f} MB")


if __name__ == "__main__":
    main()
