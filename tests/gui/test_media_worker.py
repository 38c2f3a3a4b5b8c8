"""The media worker: decoding in a child process at low priority, one job at a time; a job that
ends the child fails alone, and the child never outlives the app (gui/media_worker.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.media_worker import MediaWorker, WorkerStopped

ROOT = Path(__file__).resolve().parents[2]
WAIT = 30


@pytest.fixture
def worker() -> Iterator[MediaWorker]:
    media = MediaWorker()
    yield media
    media.close()


def gone(pid: int, within: float = 10.0) -> bool:
    """The process has ended (a zombie that nobody has reaped yet has ended too)."""
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


def test_jobs_run_in_a_child_that_gives_way_to_the_app(worker: MediaWorker) -> None:
    assert worker.pid is None  # no child until there is work
    child = worker.submit(os.getpid).result(WAIT)
    assert child != os.getpid() and worker.pid == child
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert worker.submit(os.getpriority, os.PRIO_PROCESS, 0).result(WAIT) == min(19, ours + 15)
    # one child does job after job, in the order given
    squares = [worker.submit(pow, n, 2) for n in range(20)]
    assert [f.result(WAIT) for f in squares] == [n * n for n in range(20)]
    assert worker.submit(os.getpid).result(WAIT) == child


def test_a_failing_job_fails_with_its_words_and_the_child_goes_on(worker: MediaWorker) -> None:
    child = worker.submit(os.getpid).result(WAIT)
    bad = worker.submit(int, "not a number")
    with pytest.raises(RuntimeError, match="ValueError: invalid literal"):
        bad.result(WAIT)
    assert worker.submit(os.getpid).result(WAIT) == child


def test_a_job_that_ends_the_child_fails_alone(worker: MediaWorker) -> None:
    """As a file that crashes the decoder would: the jobs behind it go to a new child."""
    first = worker.submit(os.getpid).result(WAIT)
    fatal = worker.submit(os._exit, 3)
    after = [worker.submit(pow, n, 3) for n in range(5)]
    with pytest.raises(WorkerStopped):
        fatal.result(WAIT)
    assert [f.result(WAIT) for f in after] == [n**3 for n in range(5)]
    second = worker.submit(os.getpid).result(WAIT)
    assert second != first and gone(first)


def test_a_child_killed_between_jobs_is_replaced(worker: MediaWorker) -> None:
    first = worker.submit(os.getpid).result(WAIT)
    os.kill(first, 9)
    assert gone(first)
    assert worker.submit(pow, 2, 10).result(WAIT) == 1024
    assert worker.pid not in (None, first)


def test_closing_ends_the_child_and_refuses_new_jobs() -> None:
    worker = MediaWorker()
    child = worker.submit(os.getpid).result(WAIT)
    worker.close()
    assert gone(child)
    with pytest.raises(WorkerStopped):
        worker.submit(os.getpid).result(WAIT)


def test_the_child_ends_when_the_app_is_killed() -> None:
    """An app that ends without closing its worker (a crash, kill -9) leaves no child behind."""
    script = (
        "import os\n"
        "from gui.media_worker import MediaWorker\n"
        "w = MediaWorker()\n"
        "print(w.submit(os.getpid).result(30), flush=True)\n"
        "os._exit(0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    child = int(done.stdout.strip())
    assert gone(child)
