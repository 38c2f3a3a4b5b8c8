"""The offline preview through the CLI: no base URL, no key, no network; a real, decodable video."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av

from tests.support.cli import cli_env, run_cli
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
