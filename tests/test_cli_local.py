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
