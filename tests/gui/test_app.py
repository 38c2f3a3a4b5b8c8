"""The real entry point: qasync start-up, window, resume, orderly shutdown; and task-end notices."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.config.connections import LOCAL_CONNECTION
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from gui.tray import TaskNotifier
from tests.gui.conftest import run, until
from tests.support.app import run_app


def test_selftest_starts_and_shuts_down_cleanly(clipdesk_home: Path) -> None:
    result = run_app(["main.py", "--selftest"], clipdesk_home)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert (clipdesk_home / "data" / "clipdesk.sqlite3").exists()
    assert (clipdesk_home / "config" / "ui-state.ini").exists()  # window state saved on close


def test_a_locked_journal_is_reported_not_crashed(clipdesk_home: Path) -> None:
    (clipdesk_home / "data").mkdir(parents=True)
    (clipdesk_home / "data" / "clipdesk.sqlite3").write_bytes(b"this is not a database" * 100)
    result = run_app(["main.py", "--selftest"], clipdesk_home, keyring=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_notifies_once_when_a_task_ends(qapp: Any) -> None:
    notifier = TaskNotifier(qapp.windowIcon())
    shown: list[tuple[str, str]] = []
    notifier.notified.connect(lambda title, text: shown.append((title, text)))
    record = TaskRecord(
        id="t1",
        connection=LOCAL_CONNECTION,
        dialect="local",
        base_url="",
        model="preview",
        request=GenerationRequest(model="preview", prompt="a quiet harbour"),
    )
    old = TaskRecord(**{**record.__dict__, "id": "t0", "state": TaskState.SUCCEEDED})
    notifier.watch(old)
    # events come a frame at a time, many tasks in one
    notifier.on_task_events([("changed", old)])  # already finished before: no notice
    notifier.on_task_events([("added", record)])
    record.state = TaskState.RUNNING
    notifier.on_task_events([("changed", record)])
    record.state = TaskState.SUCCEEDED
    notifier.on_task_events([("changed", record)])
    notifier.on_task_events([("changed", record)])
    assert shown == [("Video ready", "a quiet harbour")]
    failing = TaskRecord(**{**record.__dict__, "id": "t2", "state": TaskState.RUNNING})
    notifier.on_task_events([("added", failing)])
    failing.state, failing.error_kind = TaskState.FAILED, "balance"
    notifier.on_task_events([("changed", failing)])
    assert shown[-1] == ("Task failed", "a quiet harbour · Insufficient balance")
    for state, title in (
        (TaskState.UNKNOWN, "A task needs your decision"),
        (TaskState.EXPIRED, "Task expired"),
    ):
        task = TaskRecord(**{**record.__dict__, "id": f"t-{state}", "state": TaskState.RUNNING})
        notifier.on_task_events([("added", task)])
        task.state = state
        notifier.on_task_events([("changed", task)])
        assert shown[-1][0] == title
        assert "a quiet harbour" in shown[-1][1]


def test_a_finished_tasks_notice_says_the_balance(qapp: Any) -> None:
    """Where the provider reported the account's balance with the finished task, its notice (and
    so the status bar) says it; a batch's notice says the latest."""
    notifier = TaskNotifier(qapp.windowIcon())
    shown: list[tuple[str, str]] = []
    notifier.notified.connect(lambda title, text: shown.append((title, text)))
    single = _task("s1")
    notifier.on_task_events([("added", single)])
    single.state, single.video_path = TaskState.SUCCEEDED, "/videos/s1.mp4"
    single.balance = {"currency": "credits", "credit_monthly": 1000, "credit_package": 250}
    notifier.on_task_events([("changed", single)])
    assert shown[-1] == ("Video ready", "harbour s1 · Balance: 1250 credits")
    batch = [_task(f"b{n}", "batch-2") for n in range(2)]
    notifier.on_task_events([("added", t) for t in batch])
    for n, task in enumerate(batch):
        task.state, task.video_path = TaskState.SUCCEEDED, f"/videos/b{n}.mp4"
        task.balance = {"currency": "USD", "limit": 25.0, "used": 5.5 + n, "remaining": 19.5 - n}
        notifier.on_task_events([("changed", task)])
    assert shown[-1] == ("Batch finished", "2 videos ready · Balance: $18.50")


def _task(task_id: str, batch_id: str | None = None) -> TaskRecord:
    return TaskRecord(
        id=task_id,
        connection=LOCAL_CONNECTION,
        dialect="local",
        base_url="",
        model="preview",
        request=GenerationRequest(model="preview", prompt=f"harbour {task_id}"),
        state=TaskState.RUNNING,
        batch_id=batch_id,
    )


def test_a_batch_notifies_once_when_its_last_task_ends_and_open_plays(qapp: Any) -> None:
    notifier = TaskNotifier(qapp.windowIcon())
    shown: list[tuple[str, str]] = []
    played: list[str] = []
    fronted: list[bool] = []
    notifier.notified.connect(lambda title, text: shown.append((title, text)))
    notifier.play_requested.connect(played.append)
    notifier.show_requested.connect(lambda: fronted.append(True))
    batch = [_task(f"b{n}", "batch-1") for n in range(3)]
    notifier.on_task_events([("added", t) for t in batch])
    batch[0].state, batch[0].video_path = TaskState.SUCCEEDED, "/videos/b0.mp4"
    batch[1].state, batch[1].error_kind = TaskState.FAILED, "balance"
    notifier.on_task_events([("changed", batch[0]), ("changed", batch[1])])
    assert shown == []  # the batch is not over: no notice per task
    batch[2].state, batch[2].video_path = TaskState.SUCCEEDED, "/videos/b2.mp4"
    notifier.on_task_events([("changed", batch[2])])
    assert shown == [("Batch finished", "2 videos ready · 1 failed")]
    notifier.open_notified()  # the notice clicked: the window, playing the batch's latest video
    assert played == ["/videos/b2.mp4"] and fronted == [True]

    single = _task("s1")
    notifier.on_task_events([("added", single)])
    single.state, single.video_path = TaskState.SUCCEEDED, "/videos/s1.mp4"
    notifier.on_task_events([("changed", single)])
    notifier.open_notified()
    assert shown[-1] == ("Video ready", "harbour s1") and played[-1] == "/videos/s1.mp4"

    failed = _task("f1")
    notifier.on_task_events([("added", failed)])
    failed.state = TaskState.FAILED
    notifier.on_task_events([("changed", failed)])
    notifier.open_notified()  # a failure: the window only
    assert played == ["/videos/b2.mp4", "/videos/s1.mp4"] and len(fronted) == 3

    cancelled = [_task(f"c{n}", "batch-2") for n in range(2)]
    notifier.on_task_events([("added", t) for t in cancelled])
    for task in cancelled:
        task.state = TaskState.CANCELLED
    notifier.on_task_events([("changed", t) for t in cancelled])
    assert len(shown) == 3  # a batch the user cancelled whole: nothing to tell


def test_copies_from_the_form_are_one_batch_and_one_notice(window: Any, qloop: Any) -> None:
    request = GenerationRequest(model="preview", prompt="copies", duration=1, resolution="360p")

    async def go() -> None:
        await window._create(LOCAL_CONNECTION, [request, request], None)
        tasks = list(window.engine.tasks.values())
        assert len(tasks) == 2 and tasks[0].batch_id and tasks[0].batch_id == tasks[1].batch_id
        await window.engine.wait([t.id for t in tasks])
        await until(
            lambda: window.statusBar().currentMessage() == "Batch finished: 2 videos ready",
            what="the batch's notice",
        )

    run(qloop, go())


def test_window_counts_and_notice_in_the_status_bar(window: Any, qloop: Any) -> None:
    async def go() -> None:
        record = await window.engine.create(
            LOCAL_CONNECTION,
            GenerationRequest(model="preview", prompt="status", duration=1, resolution="360p"),
        )
        await window.engine.wait([record.id])
        await until(lambda: window.counts.text() == "0 running · 0 queued · 1 done", what="the counts")

    run(qloop, go())
    assert window.statusBar().currentMessage().startswith("Video ready")
