"""The AiSphere gateway through the CLI, against the loopback AiSphere emulator."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.emulators.aisphere import AiSphereEmulator
from tests.support.cli import CliResult, assert_fault_outcome, cli_env, generate_args, run_cli

SUBMIT = "/api/v1/video/generation"


def generate(emu: Any, home: Path, model: str, prompt: str, *extra: str, key: str = "sk-ok") -> CliResult:
    return run_cli(generate_args("aisphere", emu.base_url, model, prompt, *extra), cli_env(home, key))


def picture(folder: Path, name: str, color: tuple[int, int, int]) -> str:
    path = folder / name
    Image.new("RGB", (640, 360), color).save(path)
    return str(path)


def submits(emu: AiSphereEmulator) -> list[Any]:
    return [r for r in emu.requests if r.method == "POST" and r.path == SUBMIT]


def assert_video(run: CliResult, emu: AiSphereEmulator) -> None:
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["state"] == "succeeded"
    served = hashlib.sha256(emu.content().all()).hexdigest()
    assert hashlib.sha256(Path(run.final["video_path"]).read_bytes()).hexdigest() == served
    assert all(
        r.header("Authorization") == "Bearer sk-ok" for r in emu.requests if r.path.startswith("/api/")
    )


@pytest.fixture
def emu_200(foreign_host: Any) -> Iterator[AiSphereEmulator]:
    """Errors as HTTP 200 with a non-zero code, the other way the gateway may answer."""
    emu = AiSphereEmulator(foreign=foreign_host, error_http="200").start()
    yield emu
    emu.stop()
    assert not emu.errors


# ------------------------------------------------------------------------------------ happy paths


@pytest.mark.parametrize("words", ["default", "upper", "openai", "dashscope"])
def test_image_to_video(foreign_host: Any, tmp_path: Path, clipdesk_home: Path, words: str) -> None:
    emu = AiSphereEmulator(foreign=foreign_host, status_words=words).start()
    try:
        image = picture(tmp_path, "first.png", (200, 40, 40))
        run = generate(
            emu,
            clipdesk_home,
            "aisphere-v4",
            "a fox runs",
            *("--image", image, "--duration", "8", "--resolution", "720p", "--seed", "3"),
            *("--negative-prompt", "blur", "--param", "cameraMovement=zoom_in", "--param", "style=anime"),
        )
        assert_video(run, emu)
    finally:
        emu.stop()
    (submit,) = submits(emu)
    body = submit.json
    assert body["_action"] == "i2v" and body["model"] == "aisphere-v4"
    assert body["image"]["imageUrl"] == "data:image/png;base64," + _b64(image)
    assert (body["duration"], body["resolution"], body["seed"]) == (8, "720p", 3)
    assert (body["negativePrompt"], body["cameraMovement"], body["style"]) == ("blur", "zoom_in", "anime")
    expires = run.final["result_expires_at"]
    assert expires and abs(expires - (time.time() + emu.file_ttl)) < 86_400


def test_first_and_last_frame_use_headtail_images(
    aisphere_emu: AiSphereEmulator, tmp_path: Path, clipdesk_home: Path
) -> None:
    first = picture(tmp_path, "first.png", (200, 40, 40))
    last = "https://example.com/last.png"
    run = generate(
        aisphere_emu,
        clipdesk_home,
        "aisphere-v5.5",
        "day to night",
        *("--image", first, "--last-image", last, "--duration", "10"),
    )
    assert_video(run, aisphere_emu)
    (submit,) = submits(aisphere_emu)
    headtail = submit.json["headtailImages"]
    assert headtail == {"headImageUrl": "data:image/png;base64," + _b64(first), "tailImageUrl": last}
    assert "characterImages" not in submit.json


def test_reference_images_use_character_images(aisphere_emu: AiSphereEmulator, clipdesk_home: Path) -> None:
    refs = ["https://example.com/a.png", "https://example.com/b.png"]
    run = generate(
        aisphere_emu,
        clipdesk_home,
        "aisphere-v4.5",
        "two friends",
        *("--image", "https://example.com/first.png"),
        "--ref-image",
        refs[0],
        "--ref-image",
        refs[1],
    )
    assert_video(run, aisphere_emu)
    (submit,) = submits(aisphere_emu)
    assert submit.json["characterImages"] == [
        {"imageUrl": refs[0], "type": "subject", "refName": "ref1"},
        {"imageUrl": refs[1], "type": "subject", "refName": "ref2"},
    ]
    # seed 003: image* is required in every mode
    assert submit.json["image"] == {"imageUrl": "https://example.com/first.png"}
    assert "headtailImages" not in submit.json


def test_reference_images_without_the_required_image_are_refused_before_sending(
    aisphere_emu: AiSphereEmulator, clipdesk_home: Path
) -> None:
    run = generate(
        aisphere_emu, clipdesk_home, "aisphere-v5", "friends", "--ref-image", "https://e.com/a.png"
    )
    assert run.returncode == 2
    assert run.error_kind == "invalid_input"
    assert aisphere_emu.requests == []
    assert "image" in (
        aisphere_emu.validate(
            {
                "model": "aisphere-v5",
                "_action": "i2v",
                "prompt": "p",
                "characterImages": [{"imageUrl": "https://e.com/a.png"}],
            }
        )
        or ""
    )


# ------------------------------------------------------------------------------------ faults

FAULTS = [
    # (key, prompt token, exit code, state, error kind, tasks created on the server)
    ("sk-bad", "", 1, "failed", "auth", 0),
    ("sk-poor", "", 1, "failed", "balance", 0),
    ("sk-ok", "#moderate-submit", 1, "failed", "moderation", 0),
    ("sk-ok", "#500-submit", 1, "failed", "upstream_failed", 0),
    ("sk-ok", "#reset-submit", 1, "unknown", "unknown", 1),
    ("sk-ok", "#truncated-submit", 1, "unknown", "unknown", 1),
    ("sk-ok", "#moderate-result", 1, "failed", "moderation", 1),
    ("sk-ok", "#fail", 1, "failed", "upstream_failed", 1),
    ("sk-ok", "#unknown-task", 1, "failed", "not_found", 1),
    ("sk-ok", "#expired-url", 1, "expired", "expired", 1),
    ("sk-ratelimit", "", 0, "succeeded", None, 1),
    ("sk-ok", "#503-poll", 0, "succeeded", None, 1),
    ("sk-ok", "#429-poll", 0, "succeeded", None, 1),
    ("sk-ok", "#truncated-json", 0, "succeeded", None, 1),
    ("sk-ok", "#truncated-file", 0, "succeeded", None, 1),
    ("sk-ok", "#redirect", 0, "succeeded", None, 1),
]


def run_fault(emu: AiSphereEmulator, home: Path, key: str, token: str) -> CliResult:
    return generate(
        emu, home, "aisphere-v5", f"a lighthouse {token}", "--image", "https://e.com/a.png", key=key
    )


@pytest.mark.parametrize(("key", "token", "code", "state", "kind", "created"), FAULTS)
def test_fault(
    aisphere_emu: AiSphereEmulator,
    foreign_host: Any,
    clipdesk_home: Path,
    key: str,
    token: str,
    code: int,
    state: str,
    kind: str | None,
    created: int,
) -> None:
    run = run_fault(aisphere_emu, clipdesk_home, key, token)
    assert_fault_outcome(run, aisphere_emu, foreign_host, code, state, kind, created)
    if state == "succeeded":
        assert run.final["video_sha256"] == hashlib.sha256(aisphere_emu.content().all()).hexdigest()


@pytest.mark.parametrize(
    ("key", "token", "kind"),
    [
        ("sk-bad", "", "auth"),
        ("sk-poor", "", "balance"),
        ("sk-ratelimit", "", "rate_limited"),  # a code at HTTP 200 is not proof nothing was created
        ("sk-ok", "#moderate-submit", "moderation"),
        ("sk-ok", "#unknown-task", "not_found"),
    ],
)
def test_errors_sent_as_http_200(
    emu_200: AiSphereEmulator, clipdesk_home: Path, key: str, token: str, kind: str
) -> None:
    run = run_fault(emu_200, clipdesk_home, key, token)
    assert run.returncode == 1, run.stderr[-2000:]
    assert run.error_kind == kind, run.final.get("error")
    assert len(submits(emu_200)) == 1


# ------------------------------------------------------------------------------------ invalid input

IMPOSSIBLE = [
    ("aisphere-v5", "--image", "{url}", "--duration", "10"),
    ("aisphere-v4", "--image", "{url}", "--param", "motionMode=fast", "--duration", "8"),
    ("aisphere-v4", "--image", "{url}", "--param", "motionMode=fast", "--resolution", "1080p"),
    ("aisphere-v5", "--image", "{img}", "--last-image", "{img}", "--param", "style=anime"),
    ("aisphere-v5.5", "--image", "{url}", "--param", "style=anime"),
    ("aisphere-v5.5", "--image", "{url}", "--param", "soundEffectSwitch=true"),
    ("aisphere-v5", "--image", "{url}", "--param", "cameraMovement=zoom_in"),
    ("aisphere-v5", "--image", "{url}", "--resolution", "2k"),
    ("aisphere-v4", "--ref-image", "{url}"),
    ("aisphere-v5.5", "--ref-image", "{url}"),
    ("aisphere-v5",),  # no image: the gateway has no text-to-video
    ("aisphere-v5", "--last-image", "{img}"),
]


@pytest.mark.parametrize("args", IMPOSSIBLE, ids=lambda a: " ".join(a)[:60])
def test_impossible_combination_sends_nothing(
    aisphere_emu: AiSphereEmulator, tmp_path: Path, clipdesk_home: Path, args: tuple[str, ...]
) -> None:
    image = picture(tmp_path, "frame.png", (10, 120, 10))
    model, *extra = [a.replace("{img}", image).replace("{url}", "https://e.com/r.png") for a in args]
    run = generate(aisphere_emu, clipdesk_home, model, "a quiet lake", *extra)
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.error_kind == "invalid_input"
    assert aisphere_emu.requests == []


def _b64(path: str) -> str:
    import base64

    return base64.b64encode(Path(path).read_bytes()).decode()
