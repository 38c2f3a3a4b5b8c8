"""Which httpx transport ClipDesk uses, by measurement: client CPU per request at 10, 50 and 200
requests in flight, httpx's default (httpcore) transport against ClipDesk's HttpLayer on the
aiohttp transport, in one run, against a DashScope emulator in its own process.

    .venv/bin/python -m bench.transport [--requests 800]
"""

from __future__ import annotations

import argparse
import asyncio
import time

import httpx

from bench.common import emulator, machine, table
from core.net.http import HttpLayer


async def run_default(base: str, total: int, in_flight: int) -> tuple[float, float]:
    limits = httpx.Limits(max_connections=in_flight)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
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
    with emulator("dashscope", "-o", "prefix=") as base:
        for in_flight in (10, 50, 200):
            default_cpu, default_wall = asyncio.run(run_default(base, args.requests, in_flight))
            ours_cpu, ours_wall = asyncio.run(run_clipdesk(base, args.requests, in_flight))
            rows.append(
                [
                    in_flight,
                    f"{default_cpu:.2f}",
                    f"{default_wall:.2f}",
                    f"{ours_cpu:.2f}",
                    f"{ours_wall:.2f}",
                    f"{ours_cpu / default_cpu:.2f}",
                ]
            )
    print(f"bench/transport.py — {args.requests} GETs per cell; {machine()}")
    print(
        table(
            [
                "in flight",
                "default ms/req",
                "default wall s",
                "ClipDesk ms/req",
                "ClipDesk wall s",
                "CPU ratio ClipDesk/default",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
