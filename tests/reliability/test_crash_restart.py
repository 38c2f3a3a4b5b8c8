"""kill -9 at random moments, restart, kill again: no task is lost and none is billed twice.

100 tasks across every remote dialect (some with a first frame) are created at once by a separate
ClipDesk process (tests/reliability/driver.py, the core API as the GUI uses it). That process, and
then each ``main.py resume`` after it, is killed with SIGKILL 20 times at moments drawn from a
seeded random generator: while submits are in flight (every submit is answered late, ``#slow-submit``
ones later still, and the server has already created the task), while tasks are polled (the
emulators hold them running), and while results download (3 MiB files, served slowly, released in
random batches). Then a last ``resume`` runs to the end, the submits whose answer was lost are
settled through ``Engine.resolve_unknown`` as a person would after looking at the provider's console
(its task id when the provider has one, else send again), and the outcome is checked against the
emulators' own records:

- every task the first process acknowledged is in the journal, in a named state after every kill,
  and succeeded in the end;
- the server got exactly one submit for each ClipDesk task (never two), and holds no task ClipDesk
  does not know: each emulator's submit count equals the tasks routed to it;
- every video is complete (sha256 of the served bytes), the library holds exactly those files and no
  ``.part`` is left anywhere; every video has its sidecar; no run printed a traceback.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from core.library import read_sidecar, sidecar_path
from core.tasks.journal import TaskState
from tests.emulators.dashscope import DashScopeEmulator
from tests.reliability.support import (
    CASES,
    NAMED_STATES,
    ChaosMixin,
    chaos_emulator,
    closing_db,
    connect,
    engine_at,
    files_under,
    journal_path,
    journal_rows,
    remote_tasks_with,
    served_sha256,
    sha256_of,
    submits_with,
    videos_under,
)
from tests.support.cli import ROOT, cli_env, run_cli
from tests.support.images import make_image

SEED = 20251122
KILLS = 20
PER_DIALECT = {
    "dashscope": 17,
    "newapi": 17,
    "openai-videos": 17,
    "pixverse": 17,
    "aisphere": 16,
    "uniall": 16,
}
WITH_IMAGE = {"newapi": 2, "openai-videos": 2, "pixverse": 3, "uniall": 3}  # besides the image-only ones
FILE_SIZE = 3 * 1024 * 1024
TAG = "k9"
MARKER = re.compile(rf"clip \d{{3}}-{TAG}")
CONDITION_LIMIT = 30.0  # seconds to wait for a kill moment before killing anyway (never reached so far)

# kill -9 at random moments, twenty times over: minutes, not seconds
pytestmark = pytest.mark.slow


class Run:
    """One ClipDesk process of the test, its output in files."""

    def __init__(self, args: list[str], env: dict[str, str], folder: Path, number: int) -> None:
        self.out = folder / f"run{number:02d}.out"
        self.err = folder / f"run{number:02d}.err"
        with self.out.open("w") as out, self.err.open("w") as err:
            self.proc = subprocess.Popen(
                [sys.executable, *args], env=env, stdout=out, stderr=err, cwd=ROOT, text=True
            )

    def wait_until(self, condition: Callable[[], bool], limit: float = CONDITION_LIMIT) -> bool:
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if condition():
                return True
            if self.proc.poll() is not None:
                return False
            time.sleep(0.005)
        return False

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL
        self.proc.wait(30)


def build_spec(emus: dict[str, ChaosMixin], images: list[Path], rng: random.Random) -> list[dict[str, Any]]:
    spec = []
    idx = 0
    for dialect, count in PER_DIALECT.items():
        case = CASES[dialect]
        emu = emus[case.emulator]
        for n in range(count):
            slow = " #slow-submit" if rng.random() < 0.3 else ""
            image = None
            if case.needs_image or n < WITH_IMAGE.get(dialect, 0):
                image = str(images[idx % len(images)])
            spec.append(
                {
                    "dialect": dialect,
                    "base_url": case.base_url(emu),
                    "model": case.model,
                    "prompt": f"a lighthouse at dusk, clip {idx:03d}-{TAG}{slow}",
                    "image": image,
                    "duration": case.duration,
                    "resolution": case.resolution,
                    "params": case.params,
                }
            )
            idx += 1
    return spec


def marker_of(row: dict[str, Any]) -> str:
    match = MARKER.search(json.loads(row["request"])["prompt"])
    assert match, row["request"]
    return match.group(0)


def created_ids(run: Run) -> list[str] | None:
    for line in run.out.read_text().splitlines():
        if line.startswith('{"created"'):
            return list(json.loads(line)["created"])
    return None


def resumed_from(emus: dict[str, ChaosMixin]) -> int:
    """File requests that asked for the rest of a file (Range from a non-zero offset)."""
    count = 0
    for emu in emus.values():
        for r in emu.requests:
            rng = r.header("Range") or ""
            if (r.path.startswith("/files/") or r.path.endswith("/content")) and rng[6:7] not in ("", "0"):
                count += 1
    return count


def test_kill9_at_random_moments_loses_nothing_and_bills_once(tmp_path: Path, clipdesk_home: Path) -> None:
    rng = random.Random(SEED)
    emus = {
        kind: chaos_emulator(
            kind,
            file_size=FILE_SIZE,
            submit_delay=0.1,
            slow_submit_delay=0.8,
            download_delay=0.02,
            hold=True,
        )
        for kind in sorted({c.emulator for c in CASES.values()})
    }
    for emu in emus.values():
        emu.content()  # encode the clip before the clock matters
        emu.start()
    try:
        _scenario(emus, rng, tmp_path, clipdesk_home)
    finally:
        for emu in emus.values():
            emu.stop()
    for emu in emus.values():
        assert not emu.errors, "emulator handler raised:\n" + "\n".join(emu.errors)


def _scenario(emus: dict[str, ChaosMixin], rng: random.Random, tmp_path: Path, home: Path) -> None:
    images = [
        make_image(tmp_path / f"frame{n}.png", color=color)
        for n, color in enumerate(["#3a7bd5", "#d53a7b", "#7bd53a"])
    ]
    spec = build_spec(emus, images, rng)
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec))
    env = cli_env(home, "sk-ok", CLIPDESK_POLL_INTERVAL="0.3")
    logs = tmp_path / "runs"
    logs.mkdir()
    emu_of = {c.dialect: emus[c.emulator] for c in CASES.values()}
    all_emus = list(emus.values())

    def total_polls() -> int:
        return sum(e.polls() for e in all_emus)

    created: list[str] = []
    kills: list[str] = []
    for number in range(KILLS):
        rows = journal_rows(home) if number else []
        if number == 0:
            run = Run(["-m", "tests.reliability.driver", "create", str(spec_file)], env, logs, number)
            assert run.wait_until(lambda r=run: created_ids(r) is not None, 60), run.err.read_text()[-3000:]
            created = created_ids(run) or []
            assert len(created) == len(spec)
            phase = "submit"
        else:
            to_submit = any(r["state"] in ("queued", "uploading") for r in rows)
            polled = {r["remote_id"] for r in rows if r["state"] == "running"}
            held = [t for e in all_emus for t in list(e.tasks.values()) if not t.released and t.id in polled]
            if to_submit:
                phase = rng.choice(["submit", "poll"])
            elif len(held) > 4:  # release some to download, keep some held to be polled
                phase = rng.choice(["poll", "download", "download"])
            else:
                phase = "poll" if held else "start"
            if phase == "download":
                for task in rng.sample(held, min(len(held) - 4, rng.randint(4, 10))):
                    task.released = True
            run = Run(["main.py", "resume", "--json"], env, logs, number)

        if phase == "submit":
            met = run.wait_until(lambda: any(e.inflight_submits > 0 for e in all_emus))
            time.sleep(rng.uniform(0.0, 0.3))
        elif phase == "poll":
            target = total_polls() + rng.randint(5, 60)
            met = run.wait_until(lambda t=target: total_polls() >= t)
        elif phase == "start":  # nothing held to poll any more: any moment after start-up
            time.sleep(rng.uniform(0.2, 1.5))
            met = True
        else:
            threshold = int(rng.uniform(0.35, 0.9) * FILE_SIZE)
            met = run.wait_until(lambda t=threshold: any(e.content().most_sent() >= t for e in all_emus))
        exited = run.proc.poll()
        run.kill()
        kills.append(phase if met else f"{phase} (condition not met, exit {exited})")
        for emu in all_emus:
            emu.wait_quiet()
        # after every kill: every acknowledged task is in the journal, in a named state
        rows = journal_rows(home)
        assert {r["id"] for r in rows} == set(created), f"kill {number} ({phase}) lost tasks"
        assert {r["state"] for r in rows} <= NAMED_STATES

    assert all("not met" not in k for k in kills), kills
    assert {"submit", "poll", "download"} <= set(kills), kills

    # the last resume runs to the end, with every task free to finish
    for emu in all_emus:
        emu.hold = False
    final = Run(["main.py", "resume", "--json"], env, logs, KILLS)
    final.proc.wait(240)
    for emu in all_emus:
        emu.wait_quiet()

    # submits whose answer was lost: settled as a person would, from the provider's console
    rows = journal_rows(home)
    decisions: dict[str, str] = {}
    for row in rows:
        if row["state"] != "unknown":
            continue
        found = remote_tasks_with(emu_of[row["dialect"]], marker_of(row))
        assert len(found) <= 1, f"{marker_of(row)} was created {len(found)} times"
        decisions[row["id"]] = found[0].id if found else "resubmit"
    auto_found = _log_lines(home, "found the task created by the lost submit")
    assert len(decisions) + auto_found >= kills.count("submit"), (decisions, auto_found, kills)
    (tmp_path / "decisions.json").write_text(json.dumps(decisions))
    settle = Run(
        ["-m", "tests.reliability.driver", "resolve", str(tmp_path / "decisions.json")], env, logs, KILLS + 1
    )
    assert settle.proc.wait(240) == 0, settle.err.read_text()[-3000:]

    _check_outcome(emus, emu_of, created, home, logs)
    print(
        f"\nkills: {kills}\nunknown settled: {len(decisions)} "
        f"({sum(v == 'resubmit' for v in decisions.values())} sent again), found by lookup: {auto_found}, "
        f"downloads resumed by Range: {resumed_from(emus)}"
    )
    assert resumed_from(emus) >= 1, "no download was ever resumed from its .part"


def _log_lines(home: Path, text: str) -> int:
    with closing_db(journal_path(home)) as conn:
        row = conn.execute("SELECT count(*) FROM task_log WHERE line LIKE ?", (f"%{text}%",)).fetchone()
    return int(row[0])


def _check_outcome(
    emus: dict[str, ChaosMixin], emu_of: dict[str, ChaosMixin], created: list[str], home: Path, logs: Path
) -> None:
    rows = journal_rows(home)
    assert sorted(r["id"] for r in rows) == sorted(created)
    not_done = {r["id"][:8]: (r["state"], r["error_message"]) for r in rows if r["state"] != "succeeded"}
    assert not not_done, not_done

    # one submit per ClipDesk task, and no remote task ClipDesk does not know
    for kind, emu in emus.items():
        mine = [r for r in rows if emu_of[r["dialect"]] is emu]
        for row in mine:
            marker = marker_of(row)
            assert len(submits_with(emu, marker)) == 1, f"{kind}: {marker} submitted more than once"
            [remote] = remote_tasks_with(emu, marker)
            assert remote.id == row["remote_id"], marker
        assert len(emu.submits) == len(mine), kind

    # complete videos, exactly one per task, nothing half-written
    for row in rows:
        video = Path(row["video_path"])
        served = served_sha256(emu_of[row["dialect"]])
        assert sha256_of(video) == row["video_sha256"] == served, video
        assert row["video_size"] == FILE_SIZE
        sidecar = read_sidecar(video)
        assert sidecar is not None and sidecar["id"] == row["id"], f"{video.name}: no sidecar of its own"
    assert sorted(str(p) for p in videos_under(home / "library")) == sorted(r["video_path"] for r in rows)
    assert files_under(home, "*.part") == []
    for err in logs.glob("*.err"):
        assert "Traceback" not in err.read_text(), f"{err.name}:\n{err.read_text()[-3000:]}"


def test_a_video_moved_into_the_library_just_before_a_crash_is_kept(
    dashscope_emu: DashScopeEmulator, tmp_path: Path, clipdesk_home: Path, monkeypatch: Any
) -> None:
    """The crash window between moving the finished file into the library and journaling
    ``succeeded``: resume must take the file that is there, not fetch the video again (a second copy
    in the library; or, once the result link has expired, a paid video marked expired)."""
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    case = CASES["dashscope"]
    image = make_image(tmp_path / "harbour.png")

    async def generate() -> Any:
        async with engine_at() as engine:
            name = connect(engine, case.dialect, case.base_url(dashscope_emu))
            record = await engine.create(name, case.request("a harbour at night", image))
            await engine.wait([record.id])
            return record

    record = asyncio.run(generate())
    assert record.state is TaskState.SUCCEEDED
    video = Path(record.video_path)
    with closing_db(journal_path(clipdesk_home)) as conn:  # as the journal was when the process died
        conn.execute(
            "UPDATE tasks SET state='downloading', video_path=NULL, video_size=NULL, video_sha256=NULL "
            "WHERE id=?",
            (record.id,),
        )
        conn.commit()
    dashscope_emu.file_ttl = 0  # and by now the result link has expired
    fetched = dashscope_emu.count("GET", "/files/")

    result = run_cli(["resume", "--json"], cli_env(clipdesk_home))
    assert result.returncode == 0, result.stderr[-3000:]
    final = result.final
    assert final["state"] == "succeeded" and final["video_path"] == str(video)
    assert final["video_sha256"] == sha256_of(video) == served_sha256(dashscope_emu)
    assert videos_under(clipdesk_home / "library") == [video]
    assert dashscope_emu.count("GET", "/files/") == fetched
    assert len(dashscope_emu.submits) == 1


DIE_WRITING_THE_SIDECAR = """\
import os, sys
real_replace = os.replace
def replace(src, dst, *args, **kwargs):
    # killed at the moment the sidecar's temporary file is whole but not yet renamed
    if str(dst).endswith(".mp4.json"):
        os._exit(137)
    return real_replace(src, dst, *args, **kwargs)
if __name__ == "__main__":  # (the process pool's workers import this script too)
    sys.path.insert(0, sys.argv[1])
    os.replace = replace
    import main
    sys.exit(main.main(sys.argv[2:]))
"""


def test_a_crash_while_the_sidecar_is_written_is_finished_on_resume(
    dashscope_emu: DashScopeEmulator, tmp_path: Path, clipdesk_home: Path, monkeypatch: Any
) -> None:
    """Killed while the sidecar beside a finished video was being written: resume gives the video its
    sidecar (the library re-indexed elsewhere gets its settings back) and leaves no temporary file
    in the library; the video is neither fetched nor billed again."""
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    case = CASES["dashscope"]
    env = cli_env(clipdesk_home)
    runner = tmp_path / "dies_writing_the_sidecar.py"
    runner.write_text(DIE_WRITING_THE_SIDECAR)
    args = case.cli_args(dashscope_emu, "a harbour at night", make_image(tmp_path / "harbour.png"))
    died = subprocess.run(
        [sys.executable, str(runner), str(ROOT), *args], env=env, capture_output=True, text=True, timeout=60
    )
    assert died.returncode == 137, died.stderr[-3000:]
    [video] = files_under(clipdesk_home / "library", "*.mp4")  # in place when it died
    fetched = dashscope_emu.count("GET", "/files/")

    result = run_cli(["resume", "--json"], env)
    assert result.returncode == 0, result.stderr[-3000:]
    [final] = journal_rows(clipdesk_home)
    assert final["state"] == "succeeded" and final["video_path"] == str(video)
    assert final["video_sha256"] == sha256_of(video) == served_sha256(dashscope_emu)
    sidecar = read_sidecar(video)
    assert (
        sidecar is not None
        and sidecar["id"] == final["id"]
        and sidecar["request"]["prompt"] == "a harbour at night"
    )
    assert files_under(clipdesk_home / "library") == [video, sidecar_path(video)]
    assert dashscope_emu.count("GET", "/files/") == fetched
    assert len(dashscope_emu.submits) == 1
