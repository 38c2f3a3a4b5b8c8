"""Lineage: every task keeps its parent and how it came from it, across restarts, re-indexing and
the CLI; families and chains are read from those links."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from core.library import sidecar_path
from core.media.frames import last_frame
from core.tasks.journal import MIGRATIONS, Journal, TaskRecord, TaskState
from core.tasks.lineage import chain, family, group
from core.tasks.request import GenerationRequest
from tests.support.chain import difference, make_chain, offline
from tests.support.cli import cli_env, run_cli


def _record(
    task_id: str, parent: str | None = None, relation: str | None = None, at: float = 0.0
) -> TaskRecord:
    return TaskRecord(
        id=task_id,
        connection="c",
        dialect="local",
        base_url="",
        model="preview",
        request=GenerationRequest(model="preview", prompt=task_id),
        state=TaskState.SUCCEEDED,
        parent_id=parent,
        relation=relation,
        created_at=at,
    )


def test_family_tree_and_chain_from_any_member() -> None:
    records = {
        r.id: r
        for r in [
            _record("a", at=1),
            _record("b", "a", "continues", at=2),
            _record("v", "a", "variation", at=3),
            _record("c", "b", "extends", at=4),
            _record("r", "c", "retry", at=5),
            _record("x", at=6),
        ]
    }
    tree = [(m.record.id, m.depth) for m in family(records, "r")]
    assert tree == [("a", 0), ("b", 1), ("c", 2), ("r", 3), ("v", 1)]
    assert tree == [(m.record.id, m.depth) for m in family(records, "v")]
    for member in ("a", "b", "c"):
        assert [r.id for r in chain(records, member)] == ["a", "b", "c"]
    assert [r.id for r in chain(records, "x")] == ["x"]
    assert family(records, "missing") == [] and chain(records, "missing") == []
    records["a"].batch_id = records["v"].batch_id = "g"
    assert [r.id for r in group(records.values(), "g")] == ["a", "v"]


def test_a_parent_loop_ends(tmp_path: Path) -> None:
    records = {"a": _record("a", "b", "continues", 1), "b": _record("b", "a", "continues", 2)}
    assert {m.record.id for m in family(records, "a")} == {"a", "b"}
    assert len(chain(records, "a")) == 2


def test_relation_is_kept_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal(path)
    journal.open_sync()
    child = _record("child", "parent", "variation")
    child.batch_id = "group"

    async def write() -> None:
        await journal.insert(_record("parent"))
        await journal.insert(child)
        await journal.close()

    asyncio.run(write())
    journal = Journal(path)
    journal.open_sync()

    async def read() -> dict[str, TaskRecord]:
        try:
            return {r.id: r for r in await journal.all()}
        finally:
            await journal.close()

    back = asyncio.run(read())
    assert (back["child"].parent_id, back["child"].relation, back["child"].batch_id) == (
        "parent",
        "variation",
        "group",
    )
    assert back["parent"].relation is None


def test_a_journal_of_the_first_schema_gains_the_relation_and_keeps_its_tasks(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute(
            "INSERT INTO tasks (id, connection, dialect, base_url, model, request, state, created_at, "
            "updated_at, parent_id) VALUES ('old', 'c', 'local', '', 'preview', ?, 'succeeded', 1, 1, 'p')",
            (json.dumps({"model": "preview", "prompt": "kept"}),),
        )
        conn.execute("PRAGMA user_version=1")
    journal = Journal(path)
    journal.open_sync()

    async def read() -> TaskRecord | None:
        try:
            return await journal.get("old")
        finally:
            await journal.close()

    old = asyncio.run(read())
    assert old is not None
    assert (old.request.prompt, old.parent_id, old.relation) == ("kept", "p", None)


def test_cli_chain_continues_from_the_parents_last_frame(tmp_path: Path, clipdesk_home: Path) -> None:
    first, second = make_chain(clipdesk_home, ["zoom_in"])
    assert (second["parent_id"], second["relation"]) == (first["id"], "continues")
    # the offline renderer's clip starts on the parent's last frame
    import av

    with av.open(second["video_path"]) as container:
        opening = next(container.decode(video=0)).to_image()
    ending = last_frame(Path(first["video_path"]))
    assert difference(opening, ending) < 6, "the continuing clip starts where its parent ends"
    assert json.loads(sidecar_path(Path(second["video_path"])).read_text())["relation"] == "continues"

    reused = offline(clipdesk_home, "--parent", second["id"], "--relation", "reuse", prompt="again")
    assert reused.returncode == 0, reused.stderr[-2000:]
    assert reused.final["request"]["image"] is None  # reuse takes no frame by itself

    listed = run_cli(["tasks", "--json"], cli_env(clipdesk_home, key=None))
    by_id = {t["id"]: t for t in json.loads(listed.stdout)}
    assert (by_id[first["id"]]["parent_id"], by_id[first["id"]]["relation"]) == (None, None)
    assert (by_id[second["id"]]["parent_id"], by_id[second["id"]]["relation"]) == (first["id"], "continues")
    assert (by_id[reused.final["id"]]["parent_id"], by_id[reused.final["id"]]["relation"]) == (
        second["id"],
        "reuse",
    )

    # a library whose journal was lost comes back with its links, from the sidecars
    elsewhere = tmp_path / "elsewhere"
    imported = run_cli(["import", str(clipdesk_home / "library"), "--json"], cli_env(elsewhere, key=None))
    assert imported.returncode == 0, imported.stderr[-2000:]
    again = {t["id"]: t for t in json.loads(imported.stdout)}
    assert (again[second["id"]]["parent_id"], again[second["id"]]["relation"]) == (first["id"], "continues")


def test_cli_lineage_mistakes_fail_before_anything_is_made(clipdesk_home: Path) -> None:
    alone = offline(clipdesk_home, "--relation", "continues")
    assert (alone.returncode, alone.error_kind) == (2, "invalid_input")
    missing = offline(clipdesk_home, "--parent", "deadbeef", "--relation", "variation")
    assert (missing.returncode, missing.error_kind) == (2, "invalid_input")
    assert "deadbeef" in missing.final["error"]["message"]
    listed = run_cli(["tasks", "--json"], cli_env(clipdesk_home, key=None))
    assert json.loads(listed.stdout) == []


def test_copies_and_variations_of_one_prompt_stack_together() -> None:
    """Made together (one batch) from one prompt and first frame: one stack, in the given order;
    a batch of different prompts or first frames, or a task made alone, stays apart."""
    from core.tasks.lineage import stack_key, stacks

    def made(task_id: str, batch: str | None, prompt: str, image: str | None = None) -> TaskRecord:
        record = _record(task_id)
        record.batch_id, record.request.prompt, record.request.image = batch, prompt, image
        return record

    records = [
        made("a1", "copies", "a fox"),
        made("alone", None, "a fox"),
        made("a2", "copies", "a fox"),
        made("csv1", "csv", "row one"),
        made("csv2", "csv", "row two"),
        made("img1", "folder", "same", "/in/1.png"),
        made("img2", "folder", "same", "/in/2.png"),
        made("a3", "copies", "a fox"),
    ]
    assert [[r.id for r in s] for s in stacks(records)] == [
        ["a1", "a2", "a3"],
        ["alone"],
        ["csv1"],
        ["csv2"],
        ["img1"],
        ["img2"],
    ]
    assert stack_key(records[1]) is None and stack_key(records[0]) == stack_key(records[7])
