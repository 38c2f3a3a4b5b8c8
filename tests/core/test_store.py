from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from core.tasks.journal import MIGRATIONS, SCHEMA_VERSION, Journal, JournalError, TaskRecord, TaskState
from core.tasks.request import GenerationRequest


def record() -> TaskRecord:
    return TaskRecord(
        id=TaskRecord.new_id(),
        connection="c",
        dialect="dashscope",
        base_url="http://x",
        model="m",
        request=GenerationRequest(model="m", prompt="你好", params={"a": 1}),
    )


def test_round_trip_and_unfinished(tmp_path: Path) -> None:
    async def go() -> None:
        journal = Journal(tmp_path / "j.sqlite3")
        await journal.open()
        a, b = record(), record()
        await journal.insert(a)
        await journal.insert(b)
        b.state, b.remote_id = TaskState.SUCCEEDED, "r-1"
        await journal.save(b, "state", "remote_id")
        got = await journal.get(a.id)
        assert got is not None and got.request.prompt == "你好" and got.request.params == {"a": 1}
        assert [r.id for r in await journal.unfinished()] == [a.id]
        await journal.close()

    asyncio.run(go())


def test_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.open_sync()
    asyncio.run(journal.close())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_older_schema_is_backed_up_before_migrating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import core.tasks.journal as store

    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.open_sync()
    asyncio.run(journal.close())
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, "CREATE TABLE extra (x INTEGER)"])
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))
    journal = Journal(path)
    journal.open_sync()
    asyncio.run(journal.close())
    backup = path.with_name(f"{path.name}.v{SCHEMA_VERSION}.bak")
    assert backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=99")
    with pytest.raises(JournalError, match="newer ClipDesk"):
        Journal(path).open_sync()


def test_corrupt_journal_gives_a_clear_message_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(JournalError, match="damaged"):
        Journal(path).open_sync()
    assert path.read_bytes().startswith(b"this is not a database")


def test_billing_guards_are_fsynced_and_what_resume_redoes_is_not(tmp_path: Path) -> None:
    """synchronous=FULL (2) for any transaction holding a durable write, NORMAL (1) only when none."""

    async def go() -> list[int]:
        journal = Journal(tmp_path / "j.sqlite3")
        await journal.open()
        record = TaskRecord(
            id=TaskRecord.new_id(),
            connection="c",
            dialect="dashscope",
            base_url="",
            model="m",
            request=GenerationRequest(model="m", prompt="p"),
        )

        async def level() -> int:
            return int(await journal._run(lambda: journal._db().execute("PRAGMA synchronous").fetchone()[0]))

        seen = []
        await journal.insert(record)
        seen.append(await level())
        record.state = TaskState.SUCCEEDED
        await journal.save(record, "state", durable=False)
        seen.append(await level())
        journal.add_log(record.id, "a line")
        record.state = TaskState.RUNNING
        await journal.save(record, "state")  # shares the log line's transaction: FULL wins
        seen.append(await level())
        await journal.close()
        return seen

    assert asyncio.run(go()) == [2, 1, 2]


def test_usage_is_kept_and_a_schema_1_journal_gains_it(tmp_path: Path) -> None:
    """The provider's usage fields survive a restart; a journal made before migration 2 reads as {}."""
    path = tmp_path / "j.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0])
    old.execute("PRAGMA user_version=1")
    old.execute(
        "INSERT INTO tasks (id, connection, dialect, base_url, model, request, state, created_at, updated_at)"
        " VALUES ('old', 'c', 'dashscope', 'http://x', 'm', '{\"model\": \"m\"}', 'succeeded', 0, 0)"
    )
    old.commit()
    old.close()

    async def go() -> None:
        journal = Journal(path)
        await journal.open()
        before = await journal.get("old")
        assert before is not None and before.usage == {}
        fresh = record()
        await journal.insert(fresh)
        fresh.usage = {"seconds": 5, "images": 1}
        await journal.save(fresh, "usage")
        await journal.close()
        again = Journal(path)
        await again.open()
        got = await again.get(fresh.id)
        assert got is not None and got.usage == {"seconds": 5, "images": 1}
        await again.close()

    asyncio.run(go())
