"""Polls judged by what the creator waits for: ClipDesk's engine against the official SDKs, in one run.

Every task's duration is drawn from a realistic spread: by default log-normal, median 60 s,
coefficient of variation 0.35 (``--spread fixed`` gives every task the median). The same prompt
draws the same duration on every emulator, so every client waits on the same set of durations.

  dashscope SDK     VideoSynthesis.async_call + wait (a thread per task), then the file saved
  ClipDesk (cold)   the engine, no history on its connection
  ClipDesk (warm)   the engine after ``--history`` tasks on the same connection gave it history
  openai SDK        AsyncOpenAI().videos.create_and_poll + download_content, /v1/videos emulator
  ClipDesk (openai) the engine on the same kind of emulator, after the same history

Each client runs in its own process against an emulator of its own (so its requests are its own),
all at the same time. Figures per task of the measured batch:

  notice p50/p95    provider finished (the emulator's clock) -> the first poll that saw it
  playable p50/p95  provider finished -> the file is on disk (ClipDesk: verified, hashed, in the
                    library; the SDKs: written by the bench, as a caller of the SDK would)
  API req           requests other than file downloads (submit, polls) per task
  CPU ms            the client's CPU for the batch (after its imports; ClipDesk's connection opened,
                    its key and the certificate store read), per task

    .venv/bin/python -m bench.poll [--tasks 30] [--history 12] [--median 60] [--cv 0.35]
                                   [--spread lognormal|fixed] [--no-openai]
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
import threading
import time
import warnings
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

from bench.common import ROOT, emulator, machine, table

IMAGE_URL = "https://example.com/bench.png"
QUEUED = 2.0  # seconds each task waits in the emulator's queue before it runs


def _usage() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _stats(base: str) -> dict[str, Any]:
    return dict(httpx.get(base + "/_emu/stats", timeout=30).json())


# ------------------------------------------------------------------------------ the clients (child)
def client_sdk_dashscope(base: str, n: int, out: Path) -> dict[str, float]:
    import dashscope
    import requests
    from dashscope import VideoSynthesis

    dashscope.base_http_api_url = base + "/api/v1"
    playable: dict[str, float] = {}

    def one(i: int) -> None:
        created = VideoSynthesis.async_call(
            model="wan2.5-i2v-preview", prompt=f"bench {i}", img_url=IMAGE_URL, api_key="sk-ok"
        )
        result = VideoSynthesis.wait(created, api_key="sk-ok")
        if result.output.task_status == "SUCCEEDED":
            data = requests.get(result.output.video_url, timeout=60).content
            (out / f"{i}.mp4").write_bytes(data)
            playable[result.output.task_id] = time.time()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return playable


def client_sdk_openai(base: str, n: int, out: Path) -> dict[str, float]:
    import openai

    playable: dict[str, float] = {}

    async def one(client: Any, i: int) -> None:
        video = await client.videos.create_and_poll(model="sora-2", prompt=f"bench {i}")
        if video.status == "completed":
            content = await client.videos.download_content(video.id)
            (out / f"{i}.mp4").write_bytes(content.content)
            playable[video.id] = time.time()

    async def run() -> None:
        client = openai.AsyncOpenAI(base_url=base + "/v1", api_key="sk-ok", max_retries=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            await asyncio.gather(*(one(client, i) for i in range(n)))
        await client.close()

    asyncio.run(run())
    return playable


def client_clipdesk(base: str, n: int, dialect: str, history: int) -> tuple[dict[str, float], float, dict]:
    """The measured batch's playable times, its CPU seconds, and the emulator's counts before it."""
    home = tempfile.mkdtemp(prefix="clipdesk-bench-")
    os.environ["CLIPDESK_HOME"] = home
    os.environ["CLIPDESK_API_KEY"] = "sk-ok"
    from core.config.connections import Connection
    from core.config.paths import default_paths
    from core.config.secrets import SecretStore
    from core.net.http import ssl_context
    from core.tasks.engine import Engine
    from core.tasks.journal import Journal, TaskRecord, TaskState
    from core.tasks.request import GenerationRequest

    if dialect == "dashscope":
        model, url = "wan2.5-i2v-preview", base + "/alibailian"

        def request(name: str) -> GenerationRequest:
            return GenerationRequest(model=model, prompt=name, image=IMAGE_URL)
    else:
        model, url = "sora-2", base

        def request(name: str) -> GenerationRequest:
            return GenerationRequest(model=model, prompt=name)

    playable: dict[str, float] = {}

    def seen(event: str, record: TaskRecord) -> None:
        if record.state is TaskState.SUCCEEDED and record.remote_id and record.remote_id not in playable:
            playable[record.remote_id] = time.time()

    async def batch(engine: Engine, names: list[str]) -> None:
        await asyncio.gather(*(engine.create("bench", request(name)) for name in names))
        await engine.wait()

    async def run() -> tuple[float, dict]:
        paths = default_paths().ensure()
        journal = Journal(paths.database)
        await journal.open()
        engine = Engine(paths, journal, SecretStore())
        engine.add_connection(Connection(name="bench", dialect=dialect, base_url=url, max_polls=64))
        if history:
            await batch(engine, [f"history {i}" for i in range(history)])
        # setup, as the SDKs' imports are: the connection's key and the certificate store, each
        # read once a process (the SDKs' http:// requests here load no certificates)
        await engine.lane("bench")
        ssl_context()
        before = await asyncio.to_thread(_stats, base)
        engine.subscribe(seen)
        cpu = _usage()
        await batch(engine, [f"bench {i}" for i in range(n)])
        cpu = _usage() - cpu
        await engine.close()
        await journal.close()
        return cpu, before

    try:
        cpu, before = asyncio.run(run())
        return playable, cpu, before
    finally:
        shutil.rmtree(home, ignore_errors=True)


def child(args: argparse.Namespace) -> None:
    # imports are not per-task work: load each SDK before the clock starts, as ClipDesk's are
    out = Path(tempfile.mkdtemp(prefix="clipdesk-bench-sdk-"))
    before: dict[str, Any] | None = None
    try:
        if args.child == "sdk-dashscope":
            import dashscope  # noqa: F401
            from dashscope import VideoSynthesis  # noqa: F401

            cpu = _usage()
            playable = client_sdk_dashscope(args.base, args.tasks, out)
            cpu = _usage() - cpu
        elif args.child == "sdk-openai":
            import openai  # noqa: F401

            cpu = _usage()
            playable = client_sdk_openai(args.base, args.tasks, out)
            cpu = _usage() - cpu
        else:
            dialect = "dashscope" if "dashscope" in args.child else "openai-videos"
            playable, cpu, before = client_clipdesk(args.base, args.tasks, dialect, args.history)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"playable": playable, "cpu": cpu, "rss": rss, "before": before}))


# ------------------------------------------------------------------------------ the parent
def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summarise(result: dict[str, Any], after: dict[str, Any], tasks: int) -> dict[str, Any]:
    before = result["before"] or {"requests": 0, "by_kind": {"other": 0}, "timing": {}}
    timing = {k: v for k, v in after["timing"].items() if k not in before["timing"]}
    notice = [seen - end for end, seen in timing.values() if seen is not None]
    playable = [t - timing[rid][0] for rid, t in result["playable"].items() if rid in timing]
    done = len(result["playable"])
    return {
        "done": done,
        "notice": (_pct(notice, 0.5), _pct(notice, 0.95)),
        "playable": (_pct(playable, 0.5), _pct(playable, 0.95)),
        "api": (after["by_kind"]["other"] - before["by_kind"]["other"]) / tasks,
        "cpu_ms": result["cpu"] / max(done, 1) * 1000,
        "rss": result["rss"],
    }


def row(name: str, r: dict[str, Any], peer: dict[str, Any] | None) -> list[object]:
    vs = ""
    if peer is not None:
        vs = f"{r['api'] / peer['api']:.2f}× req, {r['cpu_ms'] / peer['cpu_ms']:.2f}× CPU"
    return [
        name,
        r["done"],
        f"{r['notice'][0]:.1f} / {r['notice'][1]:.1f}",
        f"{r['playable'][0]:.1f} / {r['playable'][1]:.1f}",
        f"{r['api']:.1f}",
        f"{r['cpu_ms']:.1f}",
        f"{r['rss']:.0f}",
        vs,
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=30)
    parser.add_argument("--history", type=int, default=12)
    parser.add_argument("--median", type=float, default=60.0, help="seconds from submit to the end")
    parser.add_argument("--cv", type=float, default=0.35, help="coefficient of variation (log-normal)")
    parser.add_argument("--spread", choices=["lognormal", "fixed"], default="lognormal")
    parser.add_argument("--no-openai", action="store_true")
    parser.add_argument("--child")
    parser.add_argument("--base")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    clock = ["--seconds-queued", str(QUEUED), "--seconds-running", str(args.median - QUEUED)]
    if args.spread == "lognormal":
        clock += ["-o", f"running_cv={args.cv}"]
    clients = [
        ("dashscope SDK", "sdk-dashscope", "dashscope", [], 0),
        ("ClipDesk (cold)", "clipdesk-dashscope", "dashscope", [], 0),
        ("ClipDesk (warm)", "clipdesk-dashscope", "dashscope", [], args.history),
    ]
    if not args.no_openai:
        clients += [
            ("openai SDK", "sdk-openai", "newapi", ["-o", "poll_after_ms=0"], 0),
            ("ClipDesk (warm)", "clipdesk-openai", "newapi", ["-o", "poll_after_ms=0"], args.history),
        ]
    with ExitStack() as stack:
        bases = [
            stack.enter_context(emulator(dialect, *clock, *extra)) for _, _, dialect, extra, _ in clients
        ]
        procs = []
        for (_name, kind, _dialect, _extra, history), base in zip(clients, bases, strict=True):
            cmd = [sys.executable, "-m", "bench.poll", "--child", kind, "--base", base]
            cmd += ["--tasks", str(args.tasks), "--history", str(history)]
            procs.append(subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True))
        results = []
        for proc, base in zip(procs, bases, strict=True):
            out, _ = proc.communicate()
            if proc.returncode:
                raise SystemExit(f"a client failed: {proc.args}")
            results.append(summarise(json.loads(out.strip().splitlines()[-1]), _stats(base), args.tasks))
    rows = []
    peer: dict[str, Any] | None = None
    for (name, kind, *_rest), result in zip(clients, results, strict=True):
        if kind.startswith("sdk-"):
            peer = None
        rows.append(row(name, result, peer))
        if kind.startswith("sdk-"):
            peer = result
    spread = (
        f"log-normal, median {args.median:.0f} s, CV {args.cv}" if args.spread == "lognormal" else "fixed"
    )
    print(
        f"bench/poll.py — {args.tasks} tasks at once ({spread}); warm = after {args.history} tasks of "
        f"history; {machine()}"
    )
    headers = ["client", "done", "notice p50/p95 s", "playable p50/p95 s", "API req/task", "CPU ms/task"]
    print(table([*headers, "peak RSS MB", "vs SDK"], rows))


if __name__ == "__main__":
    main()
