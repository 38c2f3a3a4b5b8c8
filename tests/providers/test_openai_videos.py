"""OpenAI's /v1/videos (Sora) through the CLI, against the new-api emulator's /v1/videos routes."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from core.net.http import HttpLayer
from core.providers.base import ProviderContext
from core.providers.openai_videos import OpenAIVideosProvider
from core.tasks.request import GenerationRequest
from tests.emulators.newapi import NewApiEmulator
from tests.support.cli import CliResult, assert_fault_outcome, cli_env, generate_args, run_cli, start_cli

SUBMIT = "/v1/videos"


def generate(emu: Any, home: Path, model: str, prompt: str, *extra: str, key: str = "sk-ok") -> CliResult:
    return run_cli(generate_args("openai-videos", emu.base_url, model, prompt, *extra), cli_env(home, key))


def submits(emu: NewApiEmulator) -> list[Any]:
    return [r for r in emu.requests if r.method == "POST" and r.path == SUBMIT]


def assert_video(run: CliResult, emu: NewApiEmulator, key: str = "sk-ok") -> None:
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["state"] == "succeeded"
    served = hashlib.sha256(emu.content().all()).hexdigest()
    assert hashlib.sha256(Path(run.final["video_path"]).read_bytes()).hexdigest() == served
    content = [r for r in emu.requests if r.path.endswith("/content")]
    assert content and all(r.header("Authorization") == f"Bearer {key}" for r in content)


# ------------------------------------------------------------------------------------ happy paths


def test_text_to_video_is_json_with_seconds_as_text(newapi_emu: NewApiEmulator, clipdesk_home: Path) -> None:
    run = generate(
        newapi_emu,
        clipdesk_home,
        "sora-2-pro",
        "a paper boat",
        "--duration",
        "8",
        "--param",
        "size=1792x1024",
    )
    assert_video(run, newapi_emu)
    (submit,) = submits(newapi_emu)
    assert submit.json == {
        "model": "sora-2-pro",
        "prompt": "a paper boat",
        "seconds": "8",
        "size": "1792x1024",
    }
    assert len(newapi_emu.submits) == 1
    polls = [r for r in newapi_emu.requests if r.method == "GET" and r.path.startswith("/v1/videos/task_")]
    assert polls and not any(r.path.endswith("/content") for r in polls[:-1])


@pytest.mark.parametrize(("size", "expected"), [(None, (1280, 720)), ("720x1280", (720, 1280))])
def test_first_frame_is_a_multipart_file_at_the_video_size(
    newapi_emu: NewApiEmulator,
    tmp_path: Path,
    clipdesk_home: Path,
    size: str | None,
    expected: tuple[int, int],
) -> None:
    image = tmp_path / "frame.png"
    Image.new("RGB", (640, 400), (200, 60, 20)).save(image)
    extra = ["--param", f"size={size}"] if size else []
    run = generate(newapi_emu, clipdesk_home, "sora-2", "it drifts", "--image", str(image), *extra)
    assert_video(run, newapi_emu)
    (submit,) = submits(newapi_emu)
    assert submit.header("Content-Type", "").startswith("multipart/form-data")
    assert submit.form["model"] == "sora-2" and submit.form["size"] == f"{expected[0]}x{expected[1]}"
    upload = submit.files["input_reference"]
    assert upload.content_type == "image/png"
    with Image.open(io.BytesIO(upload.data)) as sent:
        assert sent.size == expected


def test_an_image_link_travels_as_input_reference_text(
    newapi_emu: NewApiEmulator, clipdesk_home: Path
) -> None:
    run = generate(newapi_emu, clipdesk_home, "sora-2", "waves", "--image", "https://example.com/sea.jpg")
    assert_video(run, newapi_emu)
    (submit,) = submits(newapi_emu)
    assert submit.json["input_reference"] == "https://example.com/sea.jpg"


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
    ("sk-ratelimit", "", 0, "succeeded", None, 1),
    ("sk-ok", "#503-poll", 0, "succeeded", None, 1),
    ("sk-ok", "#429-poll", 0, "succeeded", None, 1),
    ("sk-ok", "#truncated-json", 0, "succeeded", None, 1),
    ("sk-ok", "#truncated-file", 0, "succeeded", None, 1),
]


@pytest.mark.parametrize(("key", "token", "code", "state", "kind", "created"), FAULTS)
def test_fault(
    newapi_emu: NewApiEmulator,
    foreign_host: Any,
    clipdesk_home: Path,
    key: str,
    token: str,
    code: int,
    state: str,
    kind: str | None,
    created: int,
) -> None:
    run = generate(newapi_emu, clipdesk_home, "sora-2", f"a lighthouse {token}", key=key)
    assert_fault_outcome(run, newapi_emu, foreign_host, code, state, kind, created)
    if state == "failed":
        assert run.error_kind is not None
    if state == "succeeded":
        assert_video(run, newapi_emu, key)


# ------------------------------------------------------------------------------------ invalid input

IMPOSSIBLE = [
    ("sora-2", "--param", "size=1792x1024"),
    ("sora-2", "--duration", "5"),
    ("sora-2-pro", "--duration", "16"),
    ("sora-2", "--resolution", "1080p"),
    ("sora-2", "--image", "{img}", "--last-image", "{img}"),
    ("sora-2", "--ref-image", "{img}"),
    ("sora-2", "--negative-prompt", "rain"),
    ("sora-3", "--ref-image", "{img}"),
]


@pytest.mark.parametrize("args", IMPOSSIBLE, ids=lambda a: " ".join(a)[:60])
def test_impossible_combination_sends_nothing(
    newapi_emu: NewApiEmulator, tmp_path: Path, clipdesk_home: Path, args: tuple[str, ...]
) -> None:
    image = tmp_path / "frame.png"
    Image.new("RGB", (640, 360), (10, 120, 10)).save(image)
    model, *extra = [a.replace("{img}", str(image)) for a in args]
    run = generate(newapi_emu, clipdesk_home, model, "a quiet lake", *extra)
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.error_kind == "invalid_input"
    assert newapi_emu.requests == []


# ------------------------------------------------------------------------------------ lost submits


def test_a_submit_lost_in_a_crash_is_found_in_the_list(
    newapi_emu: NewApiEmulator, clipdesk_home: Path
) -> None:
    """Killed while the submit's answer is on its way: resume finds the video by model and prompt."""
    newapi_emu.latency = 3.0  # the answer arrives long after the task was created
    env = cli_env(clipdesk_home)
    proc = start_cli(generate_args("openai-videos", newapi_emu.base_url, "sora-2", "a lost kite"), env)
    deadline = time.monotonic() + 20
    while not newapi_emu.submits and time.monotonic() < deadline:
        time.sleep(0.02)
    assert newapi_emu.submits, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    newapi_emu.latency = 0.0
    run = run_cli(["resume", "--json"], env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["state"] == "succeeded"
    assert run.final["remote_id"] == next(iter(newapi_emu.tasks))
    assert len(newapi_emu.submits) == 1
    assert newapi_emu.find("GET", "/v1/videos")[0].query == {"limit": ["20"], "order": ["desc"]}


def lost_lookup(emu: NewApiEmulator, request: GenerationRequest) -> str | None:
    async def lookup() -> str | None:
        http = HttpLayer(emu.base_url, auth_headers={"Authorization": "Bearer sk-ok"}, retries=0)
        try:
            return await OpenAIVideosProvider().find_lost_submit(ProviderContext(http=http), request)
        finally:
            await http.aclose()

    return asyncio.run(lookup())


def test_lost_submit_lookup_is_none_when_unsure(newapi_emu: NewApiEmulator, clipdesk_home: Path) -> None:
    assert lost_lookup(newapi_emu, GenerationRequest(model="sora-2", prompt="nothing yet")) is None
    for _ in range(2):  # the same prompt twice: which one was lost cannot be told
        generate(newapi_emu, clipdesk_home, "sora-2", "twice", "--no-wait")
    assert lost_lookup(newapi_emu, GenerationRequest(model="sora-2", prompt="twice")) is None
    assert lost_lookup(newapi_emu, GenerationRequest(model="sora-2-pro", prompt="twice")) is None


def test_match_lost_reads_only_recent_exact_matches() -> None:
    request = GenerationRequest(model="sora-2", prompt="kite")
    now = 1_800_000_000.0
    video = {"id": "video_1", "model": "sora-2", "prompt": "kite", "created_at": now - 30}
    match = OpenAIVideosProvider.match_lost
    assert match({"data": [video]}, request, now) == "video_1"
    assert match({"data": [{**video, "created_at": now - 3600}]}, request, now) is None
    assert match({"data": [{**video, "prompt": None}]}, request, now) is None
    assert match({"data": [{k: v for k, v in video.items() if k != "created_at"}]}, request, now) is None
    assert match({"data": "junk"}, request, now) is None
    assert match(json.loads("[1, 2]"), request, now) is None
