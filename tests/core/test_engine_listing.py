"""Tasks of one connection running at the same time are polled through the dialect's task list
(core.tasks.listing): each still ends with its own result, and a list the server does not have
leaves the tasks to be polled one by one."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from core.config.paths import default_paths
from core.providers.base import RemoteStatus
from core.providers.dashscope import DashScopeProvider
from core.tasks.journal import TaskState
from core.tasks.request import GenerationRequest
from tests.emulators.dashscope import DashScopeEmulator
from tests.support.engine import close_engine, open_engine


def _run_batch(base_url: str, count: int) -> list[Any]:
    request = GenerationRequest(
        model="wan2.5-i2v-preview", prompt="a fox", image="https://example.com/fox.png"
    )

    async def go() -> list[Any]:
        engine = await open_engine(default_paths(), base_url)
        try:
            records = await asyncio.gather(*(engine.create("c", request) for _ in range(count)))
            await asyncio.wait_for(engine.wait([r.id for r in records]), 60)
            return [engine.tasks[r.id] for r in records]
        finally:
            await close_engine(engine)

    return asyncio.run(go())


def _lists(emu: DashScopeEmulator) -> int:
    return sum(1 for r in emu.requests if r.method == "GET" and r.path.rstrip("/").endswith("/api/v1/tasks"))


@pytest.mark.timeout(120)
def test_tasks_running_together_share_the_list_and_each_gets_its_own_result(
    dashscope_emu: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    records = _run_batch(dashscope_emu.base_url, 4)
    assert [r.state for r in records] == [TaskState.SUCCEEDED] * 4
    assert len({r.video_sha256 for r in records}) == 1 and len({r.remote_id for r in records}) == 4
    assert _lists(dashscope_emu) > 0


class _NoList(DashScopeEmulator):
    def list_tasks(self, req: Any, m: Any) -> Any:
        return self.error_reply("not_found", req, "no such route")


@pytest.mark.timeout(120)
def test_a_server_without_the_list_has_its_tasks_polled_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    emu = _NoList()
    emu.start()
    try:
        records = _run_batch(emu.base_url, 3)
        assert [r.state for r in records] == [TaskState.SUCCEEDED] * 3
        assert _lists(emu) == 1  # tried once, then left alone
    finally:
        emu.stop()


def test_only_tasks_the_list_says_are_going_count_as_going() -> None:
    import httpx

    body = {
        "data": [
            {"task_id": "a", "status": "RUNNING"},
            {"task_id": "b", "status": "PENDING"},
            {"task_id": "c", "status": "SUCCEEDED"},
            {"task_id": "d", "status": "SUSPENDED"},
            {"status": "RUNNING"},
            "junk",
        ]
    }
    going = DashScopeProvider().parse_list(httpx.Response(200, json=body))
    assert going == {"a": RemoteStatus.RUNNING, "b": RemoteStatus.QUEUED}
    assert DashScopeProvider().parse_list(httpx.Response(200, json={"data": "x"})) == {}


class _Provider:
    """A dialect whose list never shows the tasks that poll (a key busy with many tasks elsewhere)."""

    lists_tasks = True
    dialect = "fake"

    def __init__(self) -> None:
        self.lists = 0
        self.polls = 0

    async def running_tasks(self, ctx: Any) -> dict[str, RemoteStatus]:
        self.lists += 1
        return {"someone-else": RemoteStatus.RUNNING}

    async def poll(self, ctx: Any, remote_id: str) -> Any:
        from core.providers.base import PollResult

        self.polls += 1
        return PollResult(RemoteStatus.RUNNING)


def test_a_list_that_shows_none_of_the_tasks_is_left_alone() -> None:
    from core.tasks.listing import Listing

    provider = _Provider()
    listing = Listing(provider)  # type: ignore[arg-type]

    async def go() -> None:
        for _round in range(3):
            for remote_id in ("a", "b", "c"):
                assert (await listing.poll(None, remote_id)).status is RemoteStatus.RUNNING  # type: ignore[arg-type]

    asyncio.run(go())
    assert provider.lists == 1 and provider.polls == 9


class _Ending:
    """A dialect whose list shows ``going``; a task's own poll says it succeeded once it left."""

    lists_tasks = True
    dialect = "fake"

    def __init__(self) -> None:
        self.going = {"a", "b", "c"}
        self.polls: list[str] = []

    async def running_tasks(self, ctx: Any) -> dict[str, RemoteStatus]:
        return {rid: RemoteStatus.RUNNING for rid in self.going}

    async def poll(self, ctx: Any, remote_id: str) -> Any:
        from core.providers.base import PollResult

        self.polls.append(remote_id)
        return PollResult(RemoteStatus.RUNNING if remote_id in self.going else RemoteStatus.SUCCEEDED)


def test_a_list_that_shows_a_task_ended_wakes_that_task_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.tasks import listing as listing_module
    from core.tasks.listing import Listing

    monkeypatch.setattr(listing_module, "FRESH", 0.0)  # every poll fetches the list anew
    provider = _Ending()
    listing = Listing(provider)  # type: ignore[arg-type]

    async def go() -> tuple[bool, bool, list[str]]:
        for remote_id in ("a", "b", "c"):  # all three going on the first list
            assert (await listing.poll(None, remote_id)).status is RemoteStatus.RUNNING  # type: ignore[arg-type]
        asleep = {rid: asyncio.ensure_future(listing.wait(rid, 30.0)) for rid in ("a", "b")}
        await asyncio.sleep(0)
        provider.going.discard("a")  # "a" ends; "c" fetches the next list
        assert (await listing.poll(None, "c")).status is RemoteStatus.RUNNING  # type: ignore[arg-type]
        woke = await asyncio.wait_for(asleep["a"], 5)
        still = not asleep["b"].done()
        asleep["b"].cancel()
        return woke, still, list(provider.polls)

    woke, still, polls = asyncio.run(go())
    assert woke is True  # "a" was told at once, with no request of its own
    assert still  # "b" sleeps on
    assert polls == ["a"]  # its first poll, alone; after that the lists answered every poll
