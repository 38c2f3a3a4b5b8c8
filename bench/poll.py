"""200 tasks submitted and polled to completion, ClipDesk's engine against the official SDKs, in one
run, every task taking the same simulated time on the emulator's clock (2 s queued + 18 s running).

  (a) DashScope emulator: ClipDesk's engine (cold: no history; warm: after a few tasks on this
      connection) vs the ``dashscope`` SDK (VideoSynthesis.async_call + wait, a thread per task).
  (b) /v1/videos emulator (no poll hint): ClipDesk's engine vs ``AsyncOpenAI().videos.create_and_poll``.

Each client runs in its own process; the emulator in another. ClipDesk also downloads every result
(the SDKs do not), which is counted against it.

Every client's CPU is that of its batch only, after its imports. (Until 2026-11-27 the SDKs' figures
included ``import dashscope`` / ``import openai``, 0.4-1.4 s of CPU, while ClipDesk's never
included its own imports; the SDK rows were that much heavier per task than the work they did.)

    .venv/bin/python -m bench.poll [--tasks 200] [--seconds 20]
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
from typing import Any

import httpx

from bench.common import ROOT, emulator, machine, table

IMAGE_URL = "https://example.com/bench.png"


def _usage() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


# ------------------------------------------------------------------------------ the clients (child)
def client_sdk_dashscope(base: str, n: int) -> int:
    import dashscope
    from dashscope import VideoSynthesis

    dashscope.base_http_api_url = base + "/api/v1"
    done = []

    def one(i: int) -> None:
        created = VideoSynthesis.async_call(
            model="wan2.5-i2v-preview", prompt=f"bench {i}", img_url=IMAGE_URL, api_key="sk-ok"
        )
        result = VideoSynthesis.wait(created, api_key="sk-ok")
        if result.output.task_status == "SUCCEEDED":
            done.append(i)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(done)


def client_sdk_openai(base: str, n: int) -> int:
    import openai

    async def run() -> int:
        client = openai.AsyncOpenAI(base_url=base + "/v1", api_key="sk-ok", max_retries=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            videos = await asyncio.gather(
                *(client.videos.create_and_poll(model="sora-2", prompt=f"bench {i}") for i in range(n))
            )
        await client.close()
        return sum(v.status == "completed" for v in videos)

    return asyncio.run(run())


def client_clipdesk(base: str, n: int, dialect: str, warm: int) -> tuple[int, float, float]:
    """Returns (finished, cpu seconds, wall seconds) of the measured batch only."""
    home = tempfile.mkdtemp(prefix="clipdesk-bench-")
    os.environ["CLIPDESK_HOME"] = home
    os.environ["CLIPDESK_API_KEY"] = "sk-ok"
    from core.config.connections import Connection
    from core.config.paths import default_paths
    from core.config.secrets import SecretStore
    from core.tasks.engine import Engine
    from core.tasks.journal import Journal, TaskState
    from core.tasks.request import GenerationRequest

    if dialect == "dashscope":
        model, url = "wan2.5-i2v-preview", base + "/alibailian"

        def request(i: int) -> GenerationRequest:
            return GenerationRequest(model=model, prompt=f"bench {i}", image=IMAGE_URL)
    else:
        model, url = "sora-2", base

        def request(i: int) -> GenerationRequest:
            return GenerationRequest(model=model, prompt=f"bench {i}")

    async def batch(engine: Engine, count: int) -> int:
        records = await asyncio.gather(*(engine.create("bench", request(i)) for i in range(count)))
        await engine.wait()
        return sum(r.state is TaskState.SUCCEEDED for r in records)

    async def run() -> tuple[int, float, float]:
        paths = default_paths().ensure()
        journal = Journal(paths.database)
        await journal.open()
        engine = Engine(paths, journal, SecretStore())
        engine.add_connection(Connection(name="bench", dialect=dialect, base_url=url, max_polls=64))
        if warm:
            await batch(engine, warm)
        cpu, wall = _usage(), time.perf_counter()
        finished = await batch(engine, n)
        cpu, wall = _usage() - cpu, time.perf_counter() - wall
        await engine.close()
        await journal.close()
        return finished, cpu, wall

    try:
        return asyncio.run(run())
    finally:
        shutil.rmtree(home, ignore_errors=True)


def child(args: argparse.Namespace) -> None:
    # imports are not per-task work: load each SDK before the clock starts, as ClipDesk's are
    if args.client == "sdk-dashscope":
        import dashscope  # noqa: F401
        from dashscope import VideoSynthesis  # noqa: F401
    elif args.client == "sdk-openai":
        import openai  # noqa: F401
    cpu0, wall0 = _usage(), time.perf_counter()
    if args.client == "sdk-dashscope":
        finished = client_sdk_dashscope(args.base, args.tasks)
        cpu, wall = _usage() - cpu0, time.perf_counter() - wall0
    elif args.client == "sdk-openai":
        finished = client_sdk_openai(args.base, args.tasks)
        cpu, wall = _usage() - cpu0, time.perf_counter() - wall0
    else:
        dialect = "dashscope" if args.client.endswith("dashscope") else "openai-videos"
        finished, cpu, wall = client_clipdesk(args.base, args.tasks, dialect, args.warm)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"finished": finished, "cpu": cpu, "wall": wall, "rss": rss}))


# ------------------------------------------------------------------------------ the parent
def stats(base: str) -> dict[str, Any]:
    return dict(httpx.get(base + "/_emu/stats").json())


def measure(client: str, base: str, tasks: int, warm: int = 0) -> dict[str, Any]:
    before = stats(base)
    cmd = [sys.executable, "-m", "bench.poll", "--child", client, "--base", base, "--tasks", str(tasks)]
    cmd += ["--warm", str(warm)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    after = stats(base)
    total = tasks + warm
    # requests and connections of the warm-up batch are left out in proportion
    share = tasks / total
    result["requests"] = (after["requests"] - before["requests"]) * share / tasks
    result["api_requests"] = (after["by_kind"]["other"] - before["by_kind"]["other"]) * share / tasks
    result["connections"] = round((after["connections"] - before["connections"]) * share)
    return result


def row(name: str, r: dict[str, Any], peer: dict[str, Any] | None) -> list[object]:
    cpu_ms = r["cpu"] / max(r["finished"], 1) * 1000
    ratio = ""
    if peer is not None:
        peer_ms = peer["cpu"] / max(peer["finished"], 1) * 1000
        ratio = f"{cpu_ms / peer_ms:.2f}× CPU, {r['wall'] / peer['wall']:.2f}× wall"
    return [
        name,
        f"{r['finished']}",
        f"{cpu_ms:.2f}",
        f"{r['wall']:.1f}",
        f"{r['api_requests']:.1f}",
        f"{r['requests']:.1f}",
        r["connections"],
        f"{r['rss']:.0f}",
        ratio,
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warm", type=int, default=0)
    parser.add_argument("--child")
    parser.add_argument("--base")
    args = parser.parse_args()
    if args.child:
        args.client = args.child
        child(args)
        return
    clock = ["--seconds-queued", "2", "--seconds-running", str(args.seconds - 2)]
    rows = []
    with emulator("dashscope", *clock) as base:
        sdk = measure("sdk-dashscope", base, args.tasks)
        cold = measure("clipdesk-dashscope", base, args.tasks)
        warm = measure("clipdesk-dashscope", base, args.tasks, warm=5)
        rows += [
            row("dashscope SDK", sdk, None),
            row("ClipDesk (cold)", cold, sdk),
            row("ClipDesk (warm)", warm, sdk),
        ]
    with emulator("newapi", *clock, "-o", "poll_after_ms=0") as base:
        sdk = measure("sdk-openai", base, args.tasks)
        ours = measure("clipdesk-openai", base, args.tasks)
        rows += [row("openai SDK", sdk, None), row("ClipDesk", ours, sdk)]
    print(f"bench/poll.py — {args.tasks} tasks, {args.seconds:.0f} s each on the emulator clock; {machine()}")
    print(
        table(
            [
                "client",
                "done",
                "CPU ms/task",
                "wall s",
                "API req/task",
                "all req/task",
                "TCP conns",
                "peak RSS MB",
                "vs SDK",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
