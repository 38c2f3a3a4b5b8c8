"""A task's states and the only ways from one to another.

``TRANSITIONS`` is the whole state machine: every change of a task's state goes through
:func:`move`, which refuses a change the table does not hold with :class:`IllegalTransition`
(nothing is written then). A task starts ``queued`` (made here) or ``succeeded`` (a video imported
into the library). Terminal states are final: "retry" makes a new task linked to the old one, and
pausing a connection holds its tasks where they stand (neither is a state). After a crash every
unfinished task resumes in the state its journal entry holds; only a submit that was in flight
changes on the way (``submitting → unknown``, or ``→ queued`` where nothing is billed).

:func:`mermaid` draws the table; docs/architecture.md shows that drawing (a test keeps them equal).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol


class TaskState(StrEnum):
    QUEUED = "queued"
    UPLOADING = "uploading"
    SUBMITTING = "submitting"
    RUNNING = "running"
    DOWNLOADING = "downloading"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # a submit whose answer was lost: never re-sent automatically
    HELD = "held"  # held by a budget cap before its submit: released by a higher cap or a new day

    @property
    def terminal(self) -> bool:
        return self in TERMINAL_STATES

    @property
    def active(self) -> bool:
        """States the engine drives by itself (``unknown`` waits for a person or a lookup)."""
        return not self.terminal and self is not TaskState.UNKNOWN


TERMINAL_STATES = frozenset({TaskState.SUCCEEDED, TaskState.FAILED, TaskState.CANCELLED, TaskState.EXPIRED})

S = TaskState
# (from, to) -> why; the only legal changes of state. Order is the diagram's order.
TRANSITIONS: dict[tuple[TaskState, TaskState], str] = {
    (S.QUEUED, S.UPLOADING): "inputs to upload",
    (S.QUEUED, S.SUBMITTING): "journaled, then sent",
    (S.UPLOADING, S.UPLOADING): "upload again after a restart",
    (S.UPLOADING, S.SUBMITTING): "uploaded",
    (S.SUBMITTING, S.RUNNING): "remote id stored",
    (S.SUBMITTING, S.QUEUED): "not received, or restart when nothing is billed",
    (S.SUBMITTING, S.UNKNOWN): "answer lost, or restart mid-submit",
    (S.UNKNOWN, S.RUNNING): "remote id found or given",
    (S.UNKNOWN, S.QUEUED): "a person sends it again",
    (S.QUEUED, S.HELD): "over a budget cap",
    (S.UPLOADING, S.HELD): "over a budget cap",
    (S.HELD, S.QUEUED): "cap raised, a new day, or a restart",
    (S.RUNNING, S.DOWNLOADING): "remote succeeded",
    (S.RUNNING, S.QUEUED): "local render lost, nothing billed",
    (S.DOWNLOADING, S.SUCCEEDED): "video saved",
    (S.RUNNING, S.EXPIRED): "remote task forgotten",
    (S.DOWNLOADING, S.EXPIRED): "result link expired",
    (S.QUEUED, S.FAILED): "error",
    (S.UPLOADING, S.FAILED): "error",
    (S.SUBMITTING, S.FAILED): "refused",
    (S.RUNNING, S.FAILED): "remote failed or deadline",
    (S.DOWNLOADING, S.FAILED): "error",
    (S.UNKNOWN, S.FAILED): "a person drops it",
    (S.HELD, S.FAILED): "error",
    (S.QUEUED, S.CANCELLED): "cancel",
    (S.UPLOADING, S.CANCELLED): "cancel",
    (S.SUBMITTING, S.CANCELLED): "cancel",
    (S.RUNNING, S.CANCELLED): "cancel, or cancelled remotely",
    (S.DOWNLOADING, S.CANCELLED): "cancel",
    (S.UNKNOWN, S.CANCELLED): "cancel",
    (S.HELD, S.CANCELLED): "cancel",
}
# How a task comes to be: made by the engine, or a video imported into the library.
INITIAL: dict[TaskState, str] = {S.QUEUED: "created", S.SUCCEEDED: "video imported"}
del S


class IllegalTransition(RuntimeError):
    """A change of state the transition table does not hold (a bug: the journal is left as it was)."""

    def __init__(self, task_id: str, old: TaskState, new: TaskState) -> None:
        super().__init__(f"task {task_id}: {old.value} → {new.value} is not a legal change of state")
        self.task_id, self.old, self.new = task_id, old, new


class _HasState(Protocol):
    id: str
    state: TaskState


def allowed(old: TaskState, new: TaskState) -> bool:
    return (old, new) in TRANSITIONS


def move(record: _HasState, new: TaskState) -> None:
    """Change ``record``'s state to ``new``, or raise IllegalTransition (the record is unchanged)."""
    if (record.state, new) not in TRANSITIONS:
        raise IllegalTransition(record.id, record.state, new)
    record.state = new


def mermaid() -> str:
    """The table as a Mermaid state diagram (the text inside docs/architecture.md's mermaid block)."""
    lines = ["stateDiagram-v2"]
    lines += [f"    [*] --> {state.value} : {why}" for state, why in INITIAL.items()]
    lines += [f"    {old.value} --> {new.value} : {why}" for (old, new), why in TRANSITIONS.items()]
    lines += [f"    {state.value} --> [*]" for state in TaskState if state in TERMINAL_STATES]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(mermaid(), end="")
