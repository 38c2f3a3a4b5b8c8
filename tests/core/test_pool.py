"""The process pool for CPU-heavy work: jobs run in a worker that gives way to the app, a job
that ends its worker fails alone with a named error, and no worker outlives the app."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.media import pool

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_pool() -> Iterator[None]:
    pool.shutdown()
    yield
    pool.shutdown()


def gone(pid: int, within: float = 10.0) -> bool:
    """The process has ended (a zombie nobody has reaped yet has ended too)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.05)
    return False


def test_no_worker_until_there_is_work_then_jobs_run_in_one_that_gives_way() -> None:
    assert pool.pids() == []
    worker = pool.call(os.getpid)
    assert worker != os.getpid() and worker in pool.pids()
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert pool.call(os.getpriority, os.PRIO_PROCESS, 0) == min(19, ours + pool.NICENESS)
    assert asyncio.run(pool.run(pow, 3, 4)) == 81


def test_a_failing_job_raises_its_own_error_and_the_pool_goes_on() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        pool.call(int, "not a number")
    assert pool.call(pow, 2, 10) == 1024


def test_a_job_that_ends_its_worker_fails_alone_and_the_next_job_gets_a_new_pool() -> None:
    """As a file that crashes the decoder would: the jobs beside it still succeed."""
    first = pool.call(os.getpid)

    async def together() -> list[object]:
        return await asyncio.gather(
            pool.run(os._exit, 3), *(pool.run(pow, n, 3) for n in range(5)), return_exceptions=True
        )

    fatal, *others = asyncio.run(together())
    assert isinstance(fatal, pool.WorkerCrashed) and fatal.code == "worker_crashed"
    assert others == [n**3 for n in range(5)]
    assert gone(first)
    assert pool.call(os.getpid) not in (first, os.getpid())


def test_a_worker_killed_between_jobs_is_replaced() -> None:
    first = pool.call(os.getpid)
    os.kill(first, 9)
    assert gone(first)
    assert pool.call(pow, 2, 5) == 32
    assert first not in pool.pids()


def test_no_worker_outlives_an_app_that_is_killed() -> None:
    script = "import os\nfrom core.media import pool\nprint(pool.call(os.getpid), flush=True)\nos._exit(0)\n"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert gone(int(done.stdout.split()[0]))


def test_an_idle_pool_ends_its_workers_and_the_next_job_starts_them_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pool, "IDLE_SECONDS", 0.2)
    worker = pool.call(os.getpid)
    assert gone(worker)
    assert pool.pids() == []
    assert pool.call(pow, 2, 3) == 8
