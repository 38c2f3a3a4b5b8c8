"""A batch created in one call: every task journaled, in order, with the batch's id; one bad
request creates none of them; the window hears of them as they are made."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from core.config.connections import LOCAL_CONNECTION, local_connection
from core.config.paths import default_paths
from core.errors import InvalidInput
from core.tasks.journal import TaskRecord
from core.tasks.request import GenerationRequest
from tests.support.engine import close_engine, open_engine


def card(n: int) -> GenerationRequest:
    return GenerationRequest(model="preview", prompt=f"card {n}", duration=1, resolution="360p")


def test_a_batch_of_many_is_journaled_whole_and_in_order(clipdesk_home: Path) -> None:
    async def go() -> tuple[list[TaskRecord], list[TaskRecord], list[str]]:
        engine = await open_engine(default_paths())
        engine.add_connection(local_connection())
        engine.pause(LOCAL_CONNECTION)  # created, not rendered
        heard: list[str] = []
        engine.subscribe(lambda event, record: heard.append(record.id) if event == "added" else None)
        try:
            made = await engine.create_many(LOCAL_CONNECTION, [card(n) for n in range(130)], batch_id="b1")
            stored = await engine.journal.all()
        finally:
            await close_engine(engine)
        return made, stored, heard

    made, stored, heard = asyncio.run(go())
    assert [r.request.prompt for r in made] == [f"card {n}" for n in range(130)]
    assert heard == [r.id for r in made]
    assert {r.id for r in stored} == {r.id for r in made}
    assert {r.batch_id for r in stored} == {"b1"}


def test_one_bad_request_creates_none_of_the_batch(clipdesk_home: Path) -> None:
    async def go() -> list[TaskRecord]:
        engine = await open_engine(default_paths())
        engine.add_connection(local_connection())
        try:
            requests = [card(n) for n in range(60)] + [GenerationRequest(model="preview", prompt="")]
            with pytest.raises(InvalidInput):
                await engine.create_many(LOCAL_CONNECTION, requests)
            return await engine.journal.all()
        finally:
            await close_engine(engine)

    assert asyncio.run(go()) == []
