"""Which httpx transport ClipDesk uses, by measurement: client CPU per request at 1, 10, 50 and
200 requests in flight, ClipDesk's HttpLayer (httpx's own transport, with the layer's limits)
against a plain httpx client on the httpx-aiohttp transport with its defaults (where it is
installed: it is no dependency of ClipDesk), in one run, against a DashScope emulator in its own
process.

    .venv/bin/python -m bench.transport [--requests 800]
"""

from __future__ import annotations

import argparse
import asyncio
import time

import httpx

from bench.common import emulator, machine, table
from core.net.http import HttpLayer


async def run_aiohttp(base: str, total: int, in_flight: int) -> tuple[float, float]:
    from httpx_aiohttp import AiohttpTransport

    transport = AiohttpTransport(limits=httpx.Limits(max_connections=in_flight))
    async with httpx.AsyncClient(base_url=base, transport=transport, timeout=60) as client:
        sem = asyncio.Semaphore(in_flight)

        async def one(i: int) -> None:
            async with sem:
                r = await client.get(f"/api/v1/tasks/bench-{i}", headers={"Authorization": "Bearer sk-ok"})
                r.json()

        return await measure(one, total)


async def run_clipdesk(base: str, total: int, in_flight: int) -> tuple[float, float]:
    layer = HttpLayer(base, auth_headers={"Authorization": "Bearer sk-ok"}, max_in_flight=in_flight)

    async def one(i: int) -> None:
        r = await layer.request("GET", f"/api/v1/tasks/bench-{i}")
        r.json()

    try:
        return await measure(one, total)
    finally:
        await layer.aclose()


async def measure(one, total: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(total)))
    return (time.process_time() - cpu) / total * 1000, time.perf_counter() - wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=800)
    args = parser.parse_args()
    rows = []
    try:
        import httpx_aiohttp  # noqa: F401

        peer = True
    except ImportError:
        peer = False
    with emulator("dashscope", "-o", "prefix=") as base:
        for in_flight in (1, 10, 50, 200):
            ours_cpu, ours_wall = asyncio.run(run_clipdesk(base, args.requests, in_flight))
            other_cpu, other_wall = (
                asyncio.run(run_aiohttp(base, args.requests, in_flight)) if peer else (float("nan"),) * 2
            )
            rows.append(
                [
                    in_flight,
                    f"{ours_cpu:.2f}",
                    f"{ours_wall:.2f}",
                    f"{other_cpu:.2f}",
                    f"{other_wall:.2f}",
                    f"{ours_cpu / other_cpu:.2f}",
                ]
            )
    print(f"bench/transport.py — {args.requests} GETs per cell; {machine()}")
    print(
        table(
            [
                "in flight",
                "ClipDesk ms/req",
                "ClipDesk wall s",
                "httpx-aiohttp ms/req",
                "httpx-aiohttp wall s",
                "CPU ratio ClipDesk/aiohttp",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
