"""A stand-in for the engine where a test drives the queue's model by hand, and task records."""

from __future__ import annotations

from typing import Any

from core.config.connections import LOCAL_CONNECTION
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest


class Engine:
    """What the queue's model asks of the engine: its tasks and their events (``deliver``)."""

    def __init__(self) -> None:
        self.tasks: dict[str, TaskRecord] = {}
        self.journal = None
        self.connections: dict[str, Any] = {}

    def subscribe_batch(self, listener: Any) -> None:
        self.deliver = listener

    def unsubscribe_batch(self, listener: Any) -> None:
        pass


def record(n: int, state: TaskState = TaskState.QUEUED, progress: float | None = None) -> TaskRecord:
    """Task ``n`` of the offline preview, "card n", created n seconds after the others before it."""
    task = TaskRecord(
        id=f"t{n}",
        connection=LOCAL_CONNECTION,
        dialect="local",
        base_url="",
        model="preview",
        request=GenerationRequest(model="preview", prompt=f"card {n}"),
    )
    task.state, task.progress, task.created_at = state, progress, 1_000_000.0 + n
    return task
