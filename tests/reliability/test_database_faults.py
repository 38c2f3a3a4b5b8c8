"""The journal in trouble: each fault gives a clear message (the CLI exits non-zero with the
JournalError text, no traceback), nothing is sent, and no data is lost (the file is left as it was,
backups beside it are kept, and everything is there again once the fault is gone).

- several ClipDesk processes starting at once on a new home (the first migration races);
- locked: another program holds a write lock (a task cannot be journaled, so it is not sent), or
  holds the whole file in exclusive locking mode;
- read-only: tests run as root, and root ignores file permissions, so the CLI is run as ``nobody``
  through ``setpriv`` against a journal and folder owned by root (as a normal user, chmod is enough);
- damaged: not a database at all, a damaged page, cut in half; written by a newer ClipDesk; a folder
  where the file should be;
- the disk fills up during a download: on a small tmpfs when this machine lets the test mount one
  (root), and always in-process with the writer failing with ENOSPC: the task stays ``downloading``
  with its ``.part``, and ``resume`` finishes it once there is room.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path, PosixPath
from typing import Any

import pytest

from core.tasks.journal import SCHEMA_VERSION, Journal
from tests.emulators.newapi import NewApiEmulator
from tests.reliability.support import (
    CASES,
    closing_db,
    connect,
    engine_at,
    files_under,
    journal_path,
    videos_under,
)
from tests.support.cli import ROOT, CliResult, cli_env, run_cli

NEWAPI = CASES["newapi"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_journal(home: Path, emu: NewApiEmulator, count: int = 3) -> list[str]:
    """A journal with ``count`` queued tasks (never started), like one a creator has."""

    async def create() -> list[str]:
        async with engine_at() as engine:
            name = connect(engine, NEWAPI.dialect, NEWAPI.base_url(emu))
            return [
                (await engine.create(name, NEWAPI.request(f"a quiet harbour {n}"), start=False)).id
                for n in range(count)
            ]

    assert os.environ.get("CLIPDESK_API_KEY"), "set it with monkeypatch first"
    return asyncio.run(create())


def listed(result: CliResult) -> list[str]:
    return [task["id"] for task in json.loads(result.stdout)]


def assert_clear_failure(result: CliResult, why: str) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    [line] = result.stdout.splitlines()
    message = str(json.loads(line)["error"]["message"])
    assert message.startswith("ClipDesk cannot use its task journal") or "journal" in message, message
    assert why in message, message
    assert "\n" not in message
    return message


@pytest.fixture
def env(clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    return cli_env(clipdesk_home)


# ------------------------------------------------------------------------------------ first start


def test_processes_starting_together_on_a_new_home_all_open_the_journal(env: dict[str, str]) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "tasks", "--json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(6)
    ]
    results = [(p.wait(60), *p.communicate()) for p in procs]
    assert [(code, out.strip()) for code, out, _ in results] == [(0, "[]")] * 6, results


def test_a_migration_done_meanwhile_by_another_process_is_not_done_again(tmp_path: Path) -> None:
    """The window of the race above, made certain: another process migrates the new journal between
    this one reading its schema version and migrating it."""
    path = tmp_path / "clipdesk.sqlite3"
    first = Journal(path)
    original = Journal._migrate

    def late(self: Journal, conn: sqlite3.Connection, version: int) -> None:
        if self is first:
            other = Journal(path)
            other.open_sync()
            other._executor.submit(other._close).result()
            other._executor.shutdown()
        original(self, conn, version)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Journal, "_migrate", late)
        first.open_sync()
    first._executor.submit(first._close).result()
    first._executor.shutdown()
    with closing_db(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 0


# ------------------------------------------------------------------------------------ locked


@pytest.fixture
def held(
    clipdesk_home: Path, newapi_emu: NewApiEmulator, env: dict[str, str]
) -> Iterator[tuple[list[str], str]]:
    ids = make_journal(clipdesk_home, newapi_emu)
    yield ids, digest(journal_path(clipdesk_home))


def test_a_write_lock_held_elsewhere_refuses_new_tasks_before_anything_is_sent(
    clipdesk_home: Path, newapi_emu: NewApiEmulator, env: dict[str, str], held: tuple[list[str], str]
) -> None:
    ids, _ = held
    other = sqlite3.connect(journal_path(clipdesk_home), isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        readable = run_cli(["tasks", "--json"], env)  # reading goes on beside a writer (WAL)
        assert readable.returncode == 0 and listed(readable) == ids
        result = run_cli(NEWAPI.cli_args(newapi_emu, "a lighthouse"), env)
        assert_clear_failure(result, "locked by another program")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert newapi_emu.requests == []  # not journaled, so not sent
    assert listed(run_cli(["tasks", "--json"], env)) == ids


def test_a_journal_held_exclusively_by_another_program(
    clipdesk_home: Path, env: dict[str, str], held: tuple[list[str], str]
) -> None:
    ids, _ = held
    other = sqlite3.connect(journal_path(clipdesk_home), isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode=EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE tasks SET updated_at=updated_at WHERE 0")
        assert_clear_failure(run_cli(["tasks", "--json"], env), "locked by another program")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert listed(run_cli(["tasks", "--json"], env)) == ids


# ------------------------------------------------------------------------------------ read-only


def run_as_nobody(args: list[str], env: dict[str, str]) -> CliResult:
    """The CLI as an ordinary user, for whom file permissions hold."""
    command = [sys.executable, str(ROOT / "main.py"), *args]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, cwd=ROOT)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def shared_home(newapi_emu: NewApiEmulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home with a journal that any user may reach and write (tmp_path's parents are root's
    only); each test then takes away what it needs to."""
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "setpriv (util-linux) is needed to run the CLI as another user"
    home = Path(tempfile.mkdtemp(prefix="clipdesk-perm-"))
    try:
        home.chmod(0o755)
        monkeypatch.setenv("CLIPDESK_HOME", str(home))
        monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
        make_journal(home, newapi_emu)
        for path in home.rglob("*"):
            path.chmod(0o777 if path.is_dir() else 0o666)
        yield home
    finally:
        for folder in [home, *(p for p in home.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        shutil.rmtree(home, ignore_errors=True)


def perm_env(home: Path) -> dict[str, str]:
    return cli_env(home, "sk-ok", HOME=str(home), PYTHONDONTWRITEBYTECODE="1")


def test_a_read_only_journal(shared_home: Path, newapi_emu: NewApiEmulator) -> None:
    env = perm_env(shared_home)
    ids = listed(run_as_nobody(["tasks", "--json"], env))  # while it is writable
    assert len(ids) == 3
    for path in files_under(shared_home / "data"):
        path.chmod(0o444)
    (shared_home / "data").chmod(0o555)
    before = digest(journal_path(shared_home))
    result = run_as_nobody(NEWAPI.cli_args(newapi_emu, "a lighthouse"), env)
    assert_clear_failure(result, "read-only")
    listing = run_as_nobody(["tasks", "--json"], env)
    if listing.returncode == 0:  # reading needs no writing: fine too, as long as it is right
        assert listed(listing) == ids
    else:
        assert_clear_failure(listing, "read-only")
    assert newapi_emu.requests == []
    assert digest(journal_path(shared_home)) == before
    for path in files_under(shared_home / "data"):
        path.chmod(0o666)
    (shared_home / "data").chmod(0o777)
    assert listed(run_as_nobody(["tasks", "--json"], env)) == ids


def test_a_log_file_clipdesk_may_not_write_does_not_stop_it(shared_home: Path) -> None:
    """E.g. left behind by ``sudo clipdesk``: it used to end every start-up in a traceback."""
    env = perm_env(shared_home)
    log = shared_home / "logs" / "clipdesk.log"
    log.write_text("root's log\n")
    log.chmod(0o644)
    (shared_home / "logs").chmod(0o755)
    result = run_as_nobody(["tasks", "--json"], env)
    assert result.returncode == 0 and len(listed(result)) == 3, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert f"cannot write its log file {log}" in result.stderr
    assert log.read_text() == "root's log\n"


# ------------------------------------------------------------------------------------ damaged


def damage_header(path: Path) -> None:
    """Not a database any more: the 100-byte header overwritten."""
    data = bytearray(path.read_bytes())
    data[:100] = bytes(range(100))
    path.write_bytes(bytes(data))


def damage_page(path: Path) -> None:
    """Scribble over the tasks table's root page, keeping the file header intact."""
    with closing_db(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='tasks'").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def newer_schema(path: Path) -> None:
    with closing_db(path) as conn:
        conn.execute("PRAGMA user_version=99")
        conn.commit()


DAMAGE = {
    "not a database": (damage_header, "damaged"),
    "damaged page": (damage_page, "damaged"),
    "cut in half": (cut_in_half, "damaged"),
    "newer schema": (newer_schema, "written by a newer ClipDesk"),
}


@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_journal_is_left_as_it_is(
    how: str, clipdesk_home: Path, newapi_emu: NewApiEmulator, env: dict[str, str]
) -> None:
    make_journal(clipdesk_home, newapi_emu)
    path = journal_path(clipdesk_home)
    with closing_db(path) as conn:  # checkpoint: everything in the main file, no -wal beside it
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = path.with_name(path.name + ".v1.bak")
    shutil.copyfile(path, backup)  # as an earlier migration leaves one
    damage, why = DAMAGE[how]
    damage(path)
    before, backup_before = digest(path), digest(backup)
    assert_clear_failure(run_cli(["tasks", "--json"], env), why)
    assert_clear_failure(run_cli(NEWAPI.cli_args(newapi_emu, "a lighthouse"), env), why)
    assert newapi_emu.requests == []
    assert digest(path) == before and digest(backup) == backup_before


def test_a_folder_where_the_journal_should_be(
    clipdesk_home: Path, newapi_emu: NewApiEmulator, env: dict[str, str]
) -> None:
    journal_path(clipdesk_home).mkdir(parents=True)
    (journal_path(clipdesk_home) / "keep.txt").write_text("mine")
    result = run_cli(NEWAPI.cli_args(newapi_emu, "a lighthouse"), env)
    assert_clear_failure(result, "ClipDesk cannot use its task journal")
    assert newapi_emu.requests == []
    assert (journal_path(clipdesk_home) / "keep.txt").read_text() == "mine"


# ------------------------------------------------------------------------------------ disk full


BIG = 3 * 1024 * 1024


def the_task(home: Path) -> dict[str, Any]:
    with closing_db(journal_path(home)) as conn:
        conn.row_factory = sqlite3.Row
        [row] = [dict(r) for r in conn.execute("SELECT * FROM tasks")]
    return row


ROOM = 3 * 1024 * 1024 // 2  # what is left on the "disk" for the .part file


class _FullFile:
    """A file on a disk with ROOM bytes left: a write past it writes what fits, then ENOSPC."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh

    def write(self, data: bytes) -> int:
        room = ROOM - self.fh.tell()
        if len(data) > room:
            self.fh.write(data[: max(room, 0)])
            self.fh.flush()
            raise OSError(errno.ENOSPC, "No space left on device")
        return int(self.fh.write(data))

    def __getattr__(self, name: str) -> Any:  # close, flush, tell... as the real file
        return getattr(self.fh, name)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


class FullDiskPath(PosixPath):
    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        fh = super().open(mode, *args, **kwargs)
        return _FullFile(fh) if "a" in mode or "w" in mode else fh


def test_a_full_disk_mid_download_keeps_the_task_resumable(
    foreign_host: Any, clipdesk_home: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In-process: the .part file lives on a "disk" with 1.5 MiB left (its writes fail with ENOSPC
    past that, after writing what fits), the video is 3 MiB."""
    import core.net.download as download

    real_init = download._PartFile.__init__

    def on_full_disk(self: Any, path: Path) -> None:
        real_init(self, FullDiskPath(path))

    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    monkeypatch.setattr(download._PartFile, "__init__", on_full_disk)
    with NewApiEmulator(foreign=foreign_host, file_size=BIG) as emu:

        async def generate() -> Any:
            async with engine_at() as engine:
                name = connect(engine, NEWAPI.dialect, NEWAPI.base_url(emu))
                record = await engine.create(name, NEWAPI.request("a long train"))
                await engine.wait([record.id])
                return record

        record = asyncio.run(generate())
        monkeypatch.setattr(download._PartFile, "__init__", real_init)  # space is back
        assert_resumable_after_disk_full(record.id, clipdesk_home, emu, env)


def assert_resumable_after_disk_full(
    task_id: str, home: Path, emu: NewApiEmulator, env: dict[str, str]
) -> None:
    row = the_task(home)
    assert row["id"] == task_id and row["state"] == "downloading", row
    assert "disk is full" in row["error_message"]
    [part] = files_under(home / "cache", "*.part")  # (the cache may be a link to a tmpfs)
    kept = part.stat().st_size
    assert 0 < kept < BIG
    assert videos_under(home / "library") == []
    result = run_cli(["resume", "--json"], env)
    assert result.returncode == 0, result.stderr[-3000:]
    final = result.final
    assert final["id"] == task_id and final["state"] == "succeeded" and final["error"] is None
    assert final["video_sha256"] == hashlib.sha256(emu.content().all()).hexdigest()
    assert files_under(home, "*.part") == files_under(home / "cache", "*.part") == []
    ranges = [r.header("Range") for r in emu.requests if r.path.startswith("/files/")]
    assert ranges[-1] == f"bytes={kept}-"  # resumed from what the full disk kept
    assert len(emu.submits) == 1


def mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def test_a_full_disk_for_real_on_a_small_tmpfs(
    foreign_host: Any, tmp_path: Path, clipdesk_home: Path, env: dict[str, str]
) -> None:
    """The cache (where .part files grow) on a 2 MiB tmpfs, a 3 MiB video: the CLI stops with the
    task ``downloading``; the tmpfs grows; ``resume`` finishes it. Where no tmpfs can be mounted
    (not root), the in-process test above is the proof."""
    small = tmp_path / "small"
    if not mount_tmpfs(small, "2m"):
        pytest.skip("mounting a tmpfs needs root (the in-process test covers the engine's side)")
    try:
        (clipdesk_home / "cache").parent.mkdir(parents=True, exist_ok=True)
        (clipdesk_home / "cache").symlink_to(small, target_is_directory=True)
        with NewApiEmulator(foreign=foreign_host, file_size=BIG) as emu:
            result = run_cli(NEWAPI.cli_args(emu, "a long train"), env)
            assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
            task_id = result.final["id"]
            done = subprocess.run(["mount", "-o", "remount,size=16m", str(small)], capture_output=True)
            assert done.returncode == 0, done.stderr
            assert_resumable_after_disk_full(task_id, clipdesk_home, emu, env)
    finally:
        subprocess.run(["umount", "-l", str(small)], capture_output=True)


# ------------------------------------------------------------------------------------ other disks


def generate_in_process(emu: NewApiEmulator, prompt: str) -> Any:
    async def run() -> Any:
        async with engine_at() as engine:
            name = connect(engine, NEWAPI.dialect, NEWAPI.base_url(emu))
            record = await engine.create(name, NEWAPI.request(prompt))
            await engine.wait([record.id])
            return record

    return asyncio.run(run())


def test_a_library_on_another_file_system(
    newapi_emu: NewApiEmulator, clipdesk_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The .part grows in the cache, the video goes to the library or an output folder, which may be
    another disk: a rename there fails with EXDEV (it used to fail every such task, after it was
    paid for, as "internal error: OSError")."""
    import core.net.download as download

    real_replace = os.replace
    cache = clipdesk_home / "cache"

    def replace(src: Any, dst: Any) -> None:
        if Path(src).is_relative_to(cache) and not Path(dst).is_relative_to(cache):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    monkeypatch.setattr(download.os, "replace", replace)
    record = generate_in_process(newapi_emu, "a ferry crossing")
    assert record.state.value == "succeeded", record.error_message
    [video] = videos_under(clipdesk_home / "library")
    assert str(video) == record.video_path and sha256_of_file(video) == record.video_sha256
    assert record.video_sha256 == hashlib.sha256(newapi_emu.content().all()).hexdigest()
    assert files_under(clipdesk_home, "*.part") == [] and files_under(clipdesk_home, ".*") == []


def test_a_stop_after_copying_to_another_disk_keeps_that_copy(
    newapi_emu: NewApiEmulator, clipdesk_home: Path, env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped after the copy to the other disk was renamed into place, before the .part was
    removed: resume takes the copy (one video, nothing fetched again) and removes the .part."""
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")
    record = generate_in_process(newapi_emu, "a ferry crossing")
    video = Path(record.video_path)
    part = clipdesk_home / "cache" / "tasks" / record.id / "result.part"
    shutil.copyfile(video, part)
    with closing_db(journal_path(clipdesk_home)) as conn:
        conn.execute("UPDATE tasks SET state='downloading', video_path=NULL WHERE id=?", (record.id,))
        conn.commit()
    fetched = newapi_emu.count("GET", "/files/")
    result = run_cli(["resume", "--json"], env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.final["state"] == "succeeded" and result.final["video_path"] == str(video)
    assert videos_under(clipdesk_home / "library") == [video]
    assert files_under(clipdesk_home, "*.part") == []
    assert newapi_emu.count("GET", "/files/") == fetched


def sha256_of_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_output_folder_that_cannot_be_made_keeps_the_paid_video_resumable(
    newapi_emu: NewApiEmulator, tmp_path: Path, clipdesk_home: Path, env: dict[str, str]
) -> None:
    """The video downloaded whole but its folder cannot be made (a file is in the way; a folder
    ClipDesk may not write is the same): it used to end ``failed`` as "internal error:
    NotADirectoryError", the paid video an orphan .part that resume never looked at."""
    blocker = tmp_path / "exports"
    blocker.write_text("a file where the folder should be")
    args = [*NEWAPI.cli_args(newapi_emu, "a ferry crossing"), "--output-dir", str(blocker / "clips")]
    result = run_cli(args, env)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    final = result.final
    assert final["state"] == "downloading", final
    assert str(blocker) in final["error"]["message"] and "resume" in final["error"]["message"]
    assert len(files_under(clipdesk_home / "cache", "*.part")) == 1

    blocker.unlink()  # the creator fixes it
    resumed = run_cli(["resume", "--json"], env)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    video = Path(resumed.final["video_path"])
    assert resumed.final["state"] == "succeeded" and video.parent == blocker / "clips"
    assert sha256_of_file(video) == hashlib.sha256(newapi_emu.content().all()).hexdigest()
    assert files_under(clipdesk_home, "*.part") == []
    assert len(newapi_emu.submits) == 1
