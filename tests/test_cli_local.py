"""The offline preview through the CLI: no base URL, no key, no network; a real, decodable video."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import av

from tests.support.cli import ROOT, cli_env, run_cli
from tests.support.images import make_image


def test_offline_preview_from_an_image_with_no_key(tmp_path: Path, clipdesk_home: Path) -> None:
    image = make_image(tmp_path / "still.png", (800, 600))
    args = [
        "generate",
        "--dialect",
        "local",
        "--model",
        "preview",
        "--image",
        str(image),
        "--prompt",
        "a still",
        "--param",
        "camera_movement=zoom_in",
        "--duration",
        "2",
        "--resolution",
        "360p",
        "--json",
    ]
    result = run_cli(args, cli_env(clipdesk_home, key=None), timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    final = result.final
    assert final["state"] == "succeeded" and final["error"] is None
    video = Path(final["video_path"])
    assert hashlib.sha256(video.read_bytes()).hexdigest() == final["video_sha256"]
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        assert (stream.codec_context.width, stream.codec_context.height) == (640, 360)
        assert frames == 2 * round(float(stream.average_rate))
    progress = [line["progress"] for line in result.lines if line.get("progress") is not None]
    assert progress and progress == sorted(progress)


def test_offline_text_card_and_a_bad_camera_move_is_refused(clipdesk_home: Path) -> None:
    env = cli_env(clipdesk_home, key=None)
    ok = run_cli(
        [
            "generate",
            "--dialect",
            "local",
            "--model",
            "preview",
            "--prompt",
            "你好，ClipDesk",
            "--duration",
            "1",
            "--resolution",
            "360p",
            "--json",
        ],
        env,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr[-3000:]
    bad = run_cli(
        [
            "generate",
            "--dialect",
            "local",
            "--model",
            "preview",
            "--prompt",
            "x",
            "--param",
            "camera_movement=warp_speed",
            "--json",
        ],
        env,
    )
    assert bad.returncode == 2 and bad.final["error"]["kind"] == "invalid_input"
    assert "camera_movement" in bad.final["error"]["message"]


def test_import_rebuilds_a_library_from_its_folder(tmp_path: Path, clipdesk_home: Path) -> None:
    """`import` into a fresh home: the video comes back as the task it was (its sidecar), once."""
    import json

    args = ["generate", "--dialect", "local", "--model", "preview", "--prompt", "a lighthouse"]
    made = run_cli(
        [*args, "--duration", "1", "--resolution", "360p", "--json"],
        cli_env(clipdesk_home, key=None),
        timeout=120,
    )
    assert made.returncode == 0, made.stderr[-3000:]
    original = made.final
    fresh = cli_env(tmp_path / "another machine", key=None)
    folder = str(clipdesk_home / "library")
    first = run_cli(["import", folder, "--json"], fresh)
    assert first.returncode == 0, first.stderr[-3000:]
    [back] = json.loads(first.stdout)
    assert back["id"] == original["id"] and back["request"] == original["request"]
    assert back["state"] == "succeeded" and back["video_path"] == original["video_path"]
    again = run_cli(["import", folder, "--json"], fresh)
    assert again.returncode == 0 and json.loads(again.stdout) == []
    listed = run_cli(["tasks", "--json"], fresh)
    assert [t["id"] for t in json.loads(listed.stdout)] == [original["id"]]


def _closed_stdout(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """``clipdesk ARGS | true``: the reader has gone before the first line is written."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            env=env,
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=120,
            cwd=ROOT,
        )
    finally:
        os.close(write)


def test_a_reader_that_goes_away_ends_the_output_not_the_generation(clipdesk_home: Path) -> None:
    """``generate --json | head -1``: the task still ends and is downloaded; no traceback."""
    env = cli_env(clipdesk_home, key=None)
    args = ["generate", "--dialect", "local", "--model", "preview", "--prompt", "a pipe", "--json"]
    args += ["--duration", "1", "--resolution", "360p"]
    done = _closed_stdout(args, env)
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr
    listed = run_cli(["tasks", "--json"], env)
    (task,) = json.loads(listed.stdout)
    assert task["state"] == "succeeded" and Path(task["video_path"]).is_file()

    for listing in (["tasks"], ["tasks", "--json"]):
        done = _closed_stdout(listing, env)
        assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()[-3000:]
