"""UniAll (Vidu Q3) through the CLI, against the loopback UniAll emulator."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.emulators.uniall import UniAllEmulator
from tests.support.cli import CliResult, assert_fault_outcome, cli_env, generate_args, run_cli

SUBMIT = "/v1/video/generations"


def generate(emu: Any, home: Path, model: str, prompt: str, *extra: str, key: str = "sk-ok") -> CliResult:
    return run_cli(generate_args("uniall", emu.base_url, model, prompt, *extra), cli_env(home, key))


def picture(folder: Path, name: str, color: tuple[int, int, int]) -> str:
    path = folder / name
    Image.new("RGB", (640, 360), color).save(path)
    return str(path)


def data_uri(path: str) -> str:
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode()


def submits(emu: UniAllEmulator) -> list[Any]:
    return [r for r in emu.requests if r.method == "POST" and r.path == SUBMIT]


def assert_video(run: CliResult, emu: UniAllEmulator) -> None:
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["state"] == "succeeded"
    served = hashlib.sha256(emu.content().all()).hexdigest()
    assert hashlib.sha256(Path(run.final["video_path"]).read_bytes()).hexdigest() == served


@pytest.fixture
def wrapped_emu(foreign_host: Any) -> Iterator[UniAllEmulator]:
    """The poll answered in new-api's ``{code, data}`` wrapper instead of the job object."""
    emu = UniAllEmulator(foreign=foreign_host, generations_shape="wrapped").start()
    yield emu
    emu.stop()
    assert not emu.errors


# ------------------------------------------------------------------------------------ happy paths


def test_text_to_video(uniall_emu: UniAllEmulator, clipdesk_home: Path) -> None:
    run = generate(
        uniall_emu,
        clipdesk_home,
        "viduq3t-540p",
        "a paper boat",
        *("--duration", "16", "--seed", "42", "--param", "aspect_ratio=9:16", "--param", "audio=false"),
    )
    assert_video(run, uniall_emu)
    (submit,) = submits(uniall_emu)
    assert submit.json == {
        "model": "viduq3t-540p",
        "prompt": "a paper boat",
        "duration": 16,
        "aspect_ratio": "9:16",
        "extra_body": {"seed": 42, "audio": False},
    }


def test_first_and_last_frame(uniall_emu: UniAllEmulator, tmp_path: Path, clipdesk_home: Path) -> None:
    first = picture(tmp_path, "first.png", (200, 40, 40))
    last = picture(tmp_path, "last.png", (40, 40, 200))
    run = generate(uniall_emu, clipdesk_home, "viduq3p-720p", "turns", "--image", first, "--last-image", last)
    assert_video(run, uniall_emu)
    (submit,) = submits(uniall_emu)
    assert (submit.json["image"], submit.json["last_image"]) == (data_uri(first), data_uri(last))
    assert "reference_image_urls" not in submit.json


def test_reference_images(uniall_emu: UniAllEmulator, tmp_path: Path, clipdesk_home: Path) -> None:
    refs = [picture(tmp_path, f"ref{n}.png", (50 * n, 90, 90)) for n in range(1, 4)]
    refs.append("https://example.com/ref-4.png")
    args = [a for ref in refs for a in ("--ref-image", ref)]
    run = generate(uniall_emu, clipdesk_home, "viduq3p-mix-720p", "@Image1 in the style of @Image2", *args)
    assert_video(run, uniall_emu)
    (submit,) = submits(uniall_emu)
    assert submit.json["reference_image_urls"] == [*map(data_uri, refs[:3]), refs[3]]
    assert "image" not in submit.json


def test_reference_images_without_a_mix_model_are_refused_before_sending(
    uniall_emu: UniAllEmulator, clipdesk_home: Path
) -> None:
    """Seed 004: reference_image_urls "只有 mix模式生效"; on viduq3p-1080p they would be ignored and a
    text-to-video billed. The emulator refuses it too, so nothing reaching it proves ClipDesk did."""
    run = generate(
        uniall_emu, clipdesk_home, "viduq3p-1080p", "in the style of", "--ref-image", "https://e.com/r.png"
    )
    assert run.returncode == 2
    assert run.error_kind == "invalid_input"
    assert uniall_emu.requests == []


def test_emulator_refuses_reference_images_without_mix(uniall_emu: UniAllEmulator) -> None:
    body = {"model": "viduq3p-720p", "prompt": "p", "reference_image_urls": ["https://e.com/r.png"]}
    assert "mix" in (uniall_emu.validate(body) or "")
    assert uniall_emu.validate({**body, "model": "viduq3p-mix-720p"}) is None


def test_an_image_task_without_a_prompt_is_refused_before_sending(
    uniall_emu: UniAllEmulator, clipdesk_home: Path
) -> None:
    run = generate(uniall_emu, clipdesk_home, "viduq3t-540p", "", "--image", "https://e.com/sea.jpg")
    assert run.returncode == 2
    assert run.error_kind == "invalid_input"
    assert uniall_emu.requests == []


def test_the_new_api_wrapper_poll_shape(wrapped_emu: UniAllEmulator, clipdesk_home: Path) -> None:
    run = generate(wrapped_emu, clipdesk_home, "viduq3p-540p", "waves", "--image", "https://e.com/sea.jpg")
    assert_video(run, wrapped_emu)


def test_progress_is_read_as_a_percentage(uniall_emu: UniAllEmulator, clipdesk_home: Path) -> None:
    uniall_emu.ticks_running = 4
    run = generate(uniall_emu, clipdesk_home, "viduq3p-540p", "slowly")
    assert_video(run, uniall_emu)
    running = [line["progress"] for line in run.lines if line["state"] == "running" and line["progress"]]
    assert running and all(0 < p < 1 for p in running)


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


@pytest.mark.parametrize(("key", "token", "code", "state", "kind", "created"), FAULTS)
def test_fault(
    uniall_emu: UniAllEmulator,
    foreign_host: Any,
    clipdesk_home: Path,
    key: str,
    token: str,
    code: int,
    state: str,
    kind: str | None,
    created: int,
) -> None:
    run = generate(uniall_emu, clipdesk_home, "viduq3t-720p", f"a lighthouse {token}", key=key)
    assert_fault_outcome(run, uniall_emu, foreign_host, code, state, kind, created)
    if state == "succeeded":
        assert_video(run, uniall_emu)


# ------------------------------------------------------------------------------------ invalid input

IMPOSSIBLE = [
    ("viduq3t-720p", "--ref-image", "{img}"),
    ("viduq3p-720p", *["--ref-image", "{img}"] * 5),
    ("viduq3p-720p", "--last-image", "{img}"),
    ("viduq3p-720p", "--duration", "17"),
    ("viduq3p-720p", "--duration", "0"),
    ("viduq3p-720p", "--resolution", "1080p"),
    ("viduq3t-540p", "--param", "aspect_ratio=5:4"),
    ("viduq3t-540p", "--negative-prompt", "rain"),
    ("viduq3t-540p", "--param", "audio=maybe"),
]


@pytest.mark.parametrize("args", IMPOSSIBLE, ids=lambda a: " ".join(a)[:60])
def test_impossible_combination_sends_nothing(
    uniall_emu: UniAllEmulator, tmp_path: Path, clipdesk_home: Path, args: tuple[str, ...]
) -> None:
    image = picture(tmp_path, "frame.png", (10, 120, 10))
    model, *extra = [a.replace("{img}", image) for a in args]
    run = generate(uniall_emu, clipdesk_home, model, "a quiet lake", *extra)
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.error_kind == "invalid_input"
    assert uniall_emu.requests == []
