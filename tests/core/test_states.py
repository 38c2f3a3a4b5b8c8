"""The task state machine: every pair of states, the paths a crash and a person take, the drawing."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from core.config.connections import local_connection
from core.config.paths import default_paths
from core.tasks import states
from core.tasks.journal import TaskRecord
from core.tasks.request import GenerationRequest
from core.tasks.states import INITIAL, TERMINAL_STATES, IllegalTransition, TaskState
from tests.support.engine import close_engine, open_engine

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class _Task:
    id: str
    state: TaskState


@pytest.mark.parametrize("old", list(TaskState))
@pytest.mark.parametrize("new", list(TaskState))
def test_every_pair_of_states_is_either_moved_or_refused(old: TaskState, new: TaskState) -> None:
    task = _Task("t", old)
    if (old, new) in states.TRANSITIONS:
        states.move(task, new)
        assert task.state is new
    else:
        with pytest.raises(IllegalTransition) as refused:
            states.move(task, new)
        assert task.state is old
        assert (refused.value.old, refused.value.new) == (old, new)


def test_a_finished_task_never_changes_state() -> None:
    for old in TERMINAL_STATES:
        for new in TaskState:
            assert not states.allowed(old, new)


def test_every_state_is_reachable_and_every_unfinished_one_can_end() -> None:
    reached = set(INITIAL)
    while True:
        more = {new for (old, new) in states.TRANSITIONS if old in reached} - reached
        if not more:
            break
        reached |= more
    assert reached == set(TaskState)
    for state in set(TaskState) - TERMINAL_STATES:
        assert states.allowed(state, TaskState.CANCELLED)
        assert states.allowed(state, TaskState.FAILED)


def test_the_paths_of_a_restart_and_of_a_person_stay_legal() -> None:
    # a submit in flight when ClipDesk stopped: unknown when billed, queued again when not
    assert states.allowed(TaskState.SUBMITTING, TaskState.UNKNOWN)
    assert states.allowed(TaskState.SUBMITTING, TaskState.QUEUED)
    # an upload cut short starts again
    assert states.allowed(TaskState.UPLOADING, TaskState.UPLOADING)
    # a person (or a lookup) settles an unknown submit
    for new in (TaskState.RUNNING, TaskState.QUEUED, TaskState.FAILED):
        assert states.allowed(TaskState.UNKNOWN, new)
    # a submit is never sent again by itself once its answer was lost
    assert not states.allowed(TaskState.UNKNOWN, TaskState.SUBMITTING)


def test_the_engine_refuses_an_illegal_change_and_journals_nothing() -> None:
    async def go() -> None:
        engine = await open_engine(default_paths())
        try:
            engine.add_connection(local_connection())
            record = await engine.create(
                local_connection().name, GenerationRequest(model="preview", prompt="x"), start=False
            )
            with pytest.raises(IllegalTransition):
                await engine._set_state(record, TaskState.SUCCEEDED)
            assert record.state is TaskState.QUEUED
            stored = await engine.journal.get(record.id)
            assert stored is not None and stored.state is TaskState.QUEUED
        finally:
            await close_engine(engine)

    asyncio.run(go())


def test_the_architecture_page_draws_the_table() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = page.split("## Task states", 1)[1]
    drawn = re.search(r"```mermaid\n(.*?)```", section, re.S)
    assert drawn is not None, "docs/architecture.md has no mermaid block under ## Task states"
    assert drawn.group(1) == states.mermaid()


def test_a_record_holds_a_state_of_the_table() -> None:
    record = TaskRecord(
        id="x", connection="c", dialect="local", base_url="", model="m", request=GenerationRequest("m", "p")
    )
    assert record.state in INITIAL
