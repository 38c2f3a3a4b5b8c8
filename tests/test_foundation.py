"""The foundation's promises, through the CLI against loopback DashScope and new-api emulators:
a generate completes and downloads; a kill -9 after the submit was recorded is finished by
``resume`` with exactly one submit; a truncated download is resumed by Range; a redirect to another
host receives no credentials; the key appears nowhere under CLIPDESK_HOME nor in the output."""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from tests.support.cli import cli_env, generate_args, run_cli, secret_hits, start_cli
from tests.support.images import make_image

SECRET = "sk-test-Zq8v2Kx9LmN4pR7tW3yB"
DIALECTS = {
    "dashscope": ("wan2.5-i2v-preview", ["--duration", "5", "--resolution", "720P"], "/alibailian"),
    "newapi": ("kling-v1", ["--duration", "5"], ""),
}


@pytest.fixture(params=sorted(DIALECTS))
def emu(request: pytest.FixtureRequest) -> Any:
    return request.getfixturevalue(f"{request.param}_emu")


def args_for(emu: Any, image: Path, prompt: str, *extra: str) -> list[str]:
    dialect = "dashscope" if "DashScope" in type(emu).__name__ else "newapi"
    model, more, prefix = DIALECTS[dialect]
    return [
        *generate_args(dialect, emu.base_url + prefix, model, prompt, "--image", str(image)),
        *more,
        *extra,
    ]


def served_sha(emu: Any) -> str:
    return hashlib.sha256(emu.content().all()).hexdigest()


def test_generate_completes_and_downloads(emu: Any, tmp_path: Path, clipdesk_home: Path) -> None:
    image = make_image(tmp_path / "cat.png")
    result = run_cli(args_for(emu, image, "a cat walks"), cli_env(clipdesk_home, SECRET))
    assert result.returncode == 0, result.stderr[-3000:]
    final = result.final
    assert final["state"] == "succeeded" and final["remote_id"] and final["error"] is None
    video = Path(final["video_path"])
    assert video.is_file() and video.is_relative_to(clipdesk_home / "library")
    assert hashlib.sha256(video.read_bytes()).hexdigest() == final["video_sha256"] == served_sha(emu)
    states = [line["state"] for line in result.lines]
    assert states.index("submitting") < states.index("running") < states.index("downloading")
    assert len(emu.submits) == 1
    assert not list((clipdesk_home / "cache").rglob("*.part"))
    # the key reached the emulator but nowhere on disk and nowhere in the output
    assert SECRET in json.dumps([r.headers for r in emu.requests])
    assert secret_hits(SECRET, clipdesk_home, result.stdout, result.stderr) == []


def journal_rows(home: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(home / "data" / "clipdesk.sqlite3") as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM tasks")]


def test_kill_after_submit_then_resume_submits_once(emu: Any, tmp_path: Path, clipdesk_home: Path) -> None:
    image = make_image(tmp_path / "cat.png")
    env = cli_env(clipdesk_home, SECRET)
    proc = start_cli(args_for(emu, image, "a slow cat #slow"), env)
    remote_id = None
    assert proc.stdout is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if json.loads(line).get("remote_id"):
            remote_id = json.loads(line)["remote_id"]
            break
    assert remote_id, "the CLI never reported a remote id"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    [row] = journal_rows(clipdesk_home)
    assert row["remote_id"] == remote_id and row["state"] == "running"

    result = run_cli(["resume", "--json"], env, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.final["id"] == row["id"] and result.final["state"] == "succeeded"
    assert len(emu.submits) == 1
    assert hashlib.sha256(Path(result.final["video_path"]).read_bytes()).hexdigest() == served_sha(emu)


def test_truncated_download_resumes_with_range(emu: Any, tmp_path: Path, clipdesk_home: Path) -> None:
    image = make_image(tmp_path / "cat.png")
    result = run_cli(args_for(emu, image, "cut short #truncated-file"), cli_env(clipdesk_home))
    assert result.returncode == 0, result.stderr[-3000:]
    file_requests = [r for r in emu.requests if r.path.startswith("/files/")]
    assert len(file_requests) >= 2
    assert (
        file_requests[-1].header("Range", "").startswith("bytes=")
        and file_requests[-1].header("Range") != "bytes=0-"
    )
    assert result.final["video_sha256"] == served_sha(emu)


def test_redirect_to_another_host_gets_no_credentials(emu: Any, tmp_path: Path, clipdesk_home: Path) -> None:
    image = make_image(tmp_path / "cat.png")
    result = run_cli(args_for(emu, image, "moved #redirect"), cli_env(clipdesk_home, SECRET))
    assert result.returncode == 0, result.stderr[-3000:]
    assert emu.foreign.requests, "the redirect was not followed"
    assert emu.foreign.credential_headers() == []
    assert SECRET not in json.dumps([r.headers for r in emu.foreign.requests])
    assert result.final["video_sha256"] == served_sha(emu)


def test_lost_submit_answer_becomes_unknown_and_is_never_resent(
    emu: Any, tmp_path: Path, clipdesk_home: Path
) -> None:
    image = make_image(tmp_path / "cat.png")
    env = cli_env(clipdesk_home)
    result = run_cli(args_for(emu, image, "lost #reset-submit"), env)
    assert result.returncode != 0
    assert result.final["state"] == "unknown" and result.final["error"]["kind"] == "unknown"
    again = run_cli(["resume", "--json"], env)
    assert again.returncode != 0
    assert again.final["state"] == "unknown"
    assert len(emu.submits) == 1


def test_invalid_input_fails_before_any_request(emu: Any, tmp_path: Path, clipdesk_home: Path) -> None:
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    result = run_cli(args_for(emu, empty, "nothing"), cli_env(clipdesk_home))
    assert result.returncode == 2
    assert result.final["error"]["kind"] == "invalid_input"
    bad_duration = run_cli(
        args_for(emu, make_image(tmp_path / "ok.png"), "x", "--duration", "7"), cli_env(clipdesk_home)
    )
    assert bad_duration.returncode == 2 and bad_duration.final["error"]["kind"] == "invalid_input"
    assert emu.requests == []
