"""`main.py join` on an offline chain: one video whose length is the sum of its clips (minus the
cross-fades), whose frames at each seam come from the right clip, in the library with its parts;
and the errors a script gets for a missing task, a task without a video, clips that cannot be
joined."""

from __future__ import annotations

import asyncio
import itertools
import json
from pathlib import Path

import av
import pytest

from core.library import read_sidecar
from core.tasks.journal import Journal, TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from tests.support.chain import difference, make_chain
from tests.support.cli import cli_env, run_cli
from tests.support.clips import frames


def _length(path: str) -> float:
    with av.open(path) as container:
        stream = container.streams.video[0]
        return float(stream.duration * stream.time_base)


def test_an_offline_chain_joins_into_one_video(clipdesk_home: Path, tmp_path: Path) -> None:
    chain = make_chain(clipdesk_home, ["zoom_out", "pan_right"])
    clips = [frames(Path(c["video_path"])) for c in chain]
    env = cli_env(clipdesk_home, key=None)
    run = run_cli(["join", *(c["id"][:8] for c in chain), "--json"], env, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    joined = run.final
    assert joined["duration"] == pytest.approx(sum(_length(c["video_path"]) for c in chain), abs=0.05)
    assert _length(joined["video_path"]) == pytest.approx(joined["duration"], abs=0.05)
    assert Path(joined["video_path"]).parent.parent == clipdesk_home / "library"
    result = frames(Path(joined["video_path"]))
    assert len(result) == sum(len(c) for c in clips)
    seam = 0
    for before, after in itertools.pairwise(clips):
        seam += len(before)
        assert difference(before[-1], after[0]) > 4, "the clips differ at the seam (the test can tell)"
        assert difference(result[seam - 1], before[-1]) < 1.5
        assert difference(result[seam], after[0]) < 1.5
    sidecar = read_sidecar(Path(joined["video_path"]))
    assert sidecar is not None and [p["id"] for p in sidecar["parts"]] == [c["id"] for c in chain]
    listed = {t["id"]: t for t in json.loads(run_cli(["tasks", "--json"], env).stdout)}
    assert listed[joined["id"]]["video_path"] == joined["video_path"]

    out = tmp_path / "faded.mp4"
    faded = run_cli(
        ["join", *(c["id"] for c in chain), "--crossfade", "0.25", "--output", str(out), "--json"],
        env,
        timeout=120,
    )
    assert faded.returncode == 0, faded.stderr[-3000:]
    assert faded.final["video_path"] == str(out)
    assert faded.final["duration"] == pytest.approx(joined["duration"] - 2 * 0.25, abs=0.05)
    assert _length(str(out)) == pytest.approx(faded.final["duration"], abs=0.05)


def _add_failed_task(home: Path) -> str:
    journal = Journal(home / "data" / "clipdesk.sqlite3")
    journal.open_sync()
    record = TaskRecord(
        id=TaskRecord.new_id(),
        connection="c",
        dialect="local",
        base_url="",
        model="preview",
        request=GenerationRequest(model="preview"),
        state=TaskState.FAILED,
    )

    async def write() -> None:
        await journal.insert(record)
        await journal.close()

    asyncio.run(write())
    return record.id


def test_join_errors(clipdesk_home: Path) -> None:
    first, second = make_chain(clipdesk_home, ["zoom_in"])
    env = cli_env(clipdesk_home, key=None)

    missing = run_cli(["join", first["id"], "0123abcd", "--json"], env)
    assert (missing.returncode, missing.error_kind) == (2, "not_found")
    assert "0123abcd" in missing.final["error"]["message"]

    failed = _add_failed_task(clipdesk_home)
    no_video = run_cli(["join", first["id"], failed, "--json"], env)
    assert (no_video.returncode, no_video.error_kind) == (2, "invalid_input")
    assert failed[:8] in no_video.final["error"]["message"]

    Path(second["video_path"]).write_bytes(b"\0" * 4096)
    broken = run_cli(["join", first["id"], second["id"], "--json"], env)
    assert (broken.returncode, broken.error_kind) == (2, "invalid_input")
    assert "cannot be read" in broken.final["error"]["message"]

    alone = run_cli(["join", first["id"], "--json"], env)
    assert (alone.returncode, alone.error_kind) == (2, "invalid_input")
    library = clipdesk_home / "library"
    assert not [p for p in library.rglob("*") if "join" in p.name]
    assert len(json.loads(run_cli(["tasks", "--json"], env).stdout)) == 3
