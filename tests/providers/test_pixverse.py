"""PixVerse through the CLI, as a creator runs it, against the loopback PixVerse emulator."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from core.errors import ErrorKind, ProviderError
from core.providers.pixverse import PixVerseProvider
from tests.emulators.pixverse import PixVerseEmulator

ROOT = Path(__file__).resolve().parents[2]
GENERATE = "/openapi/v2/video/"
UPLOAD = "/openapi/v2/image/upload"


# ------------------------------------------------------------------------------------ helpers


@dataclass
class Run:
    code: int
    lines: list[dict[str, Any]] = field(default_factory=list)
    stderr: str = ""

    @property
    def final(self) -> dict[str, Any]:
        return self.lines[-1] if self.lines else {}

    @property
    def kind(self) -> str | None:
        return (self.final.get("error") or {}).get("kind")


def generate(base_url: str, home: Path, *args: str, key: str = "sk-ok") -> Run:
    env = {
        **os.environ,
        "CLIPDESK_HOME": str(home),
        "CLIPDESK_API_KEY": key,
        "CLIPDESK_POLL_INTERVAL": "0.05",
    }
    argv = [sys.executable, str(ROOT / "main.py"), "generate", "--dialect", "pixverse"]
    proc = subprocess.run(
        [*argv, "--base-url", base_url, *args, "--json"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=90,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    return Run(proc.returncode, lines, proc.stderr)


def picture(folder: Path, name: str, color: tuple[int, int, int]) -> str:
    path = folder / name
    Image.new("RGB", (640, 360), color).save(path)
    return str(path)


def generations(emu: PixVerseEmulator) -> list[Any]:
    return [r for r in emu.requests if r.method == "POST" and r.path.startswith(GENERATE)]


def assert_trace_ids(emu: PixVerseEmulator) -> None:
    api = [r for r in emu.requests if r.path.startswith("/openapi/")]
    for request in api:
        assert request.header("API-KEY") == "sk-ok"
        uuid.UUID(request.header("Ai-trace-id") or "")
    assert emu.reused_trace_ids == []


def assert_video(run: Run, served: bytes) -> None:
    assert run.code == 0, run.stderr[-2000:]
    assert run.final["state"] == "succeeded"
    video = Path(run.final["video_path"])
    assert hashlib.sha256(video.read_bytes()).hexdigest() == hashlib.sha256(served).hexdigest()


class FusionEmulator(PixVerseEmulator):
    """The PixVerse emulator plus fusion (reference images), as the ComfyUI v6 node sends it."""

    def routes(self) -> list[Any]:
        return [*super().routes(), ("POST", r"/openapi/v2/video/fusion/generate", self.fusion)]

    def fusion(self, req: Any, m: re.Match[str]) -> Any:
        bad = self._check_headers(req)
        if bad is not None:
            return bad
        early, sc = self.guard_submit(req)
        if early is not None:
            return early
        body = req.json if isinstance(req.json, dict) else {}
        refs = body.get("image_references")
        complete = body.get("model") == "v6" and body.get("aspect_ratio") and isinstance(refs, list)
        if not complete or not refs:
            return self.error_reply("invalid", req, "fusion needs model v6, aspect_ratio, image_references")
        for ref in refs:
            if ref.get("img_id") not in self.images or ref.get("type") not in ("subject", "background"):
                return self.error_reply("bad_image_id", req)
        task = self.create_task(req, sc, body)
        return self.submit_reply(task, self.ok({"video_id": int(task.id), "credits": 10}))


@pytest.fixture
def fusion_emu(foreign_host: Any) -> Any:
    emu = FusionEmulator(foreign=foreign_host).start()
    yield emu
    emu.stop()
    assert not emu.errors


# ------------------------------------------------------------------------------------ happy paths


def test_text_to_video(pixverse_emu: PixVerseEmulator, tmp_path: Path) -> None:
    run = generate(pixverse_emu.base_url, tmp_path, "--model", "v5", "--prompt", "a red fox", "--seed", "7")
    assert_video(run, pixverse_emu.content().all())
    (submit,) = generations(pixverse_emu)
    assert submit.path == "/openapi/v2/video/text/generate"
    assert submit.json == {
        "model": "v5",
        "prompt": "a red fox",
        "duration": 5,
        "quality": "720p",
        "seed": 7,
        "aspect_ratio": "16:9",
    }
    assert len(pixverse_emu.submits) == 1
    assert_trace_ids(pixverse_emu)


def test_image_to_video_uploads_the_file_first(pixverse_emu: PixVerseEmulator, tmp_path: Path) -> None:
    image = picture(tmp_path, "first.png", (200, 40, 40))
    run = generate(
        pixverse_emu.base_url,
        tmp_path,
        *("--model", "v4", "--prompt", "the fox runs", "--image", image, "--duration", "8"),
        *("--resolution", "720p", "--param", "camera_movement=zoom_in", "--param", "motion_mode=normal"),
        "--negative-prompt",
        "blur",
    )
    assert_video(run, pixverse_emu.content().all())
    (upload,) = pixverse_emu.find("POST", UPLOAD)
    assert upload.files["image"].data == Path(image).read_bytes()
    (submit,) = generations(pixverse_emu)
    assert submit.path == "/openapi/v2/video/img/generate"
    assert submit.json["img_id"] == 1000
    assert submit.json["camera_movement"] == "zoom_in"
    assert submit.json["negative_prompt"] == "blur"
    assert (submit.json["duration"], submit.json["quality"]) == (8, "720p")
    assert run.final["uploads"] == {"image": [1000]}
    assert_trace_ids(pixverse_emu)


def test_first_and_last_frame_use_the_transition_fields(
    pixverse_emu: PixVerseEmulator, tmp_path: Path
) -> None:
    first = picture(tmp_path, "first.png", (200, 40, 40))
    last = picture(tmp_path, "last.png", (40, 40, 200))
    run = generate(
        pixverse_emu.base_url,
        tmp_path,
        *("--model", "v5.5", "--prompt", "day to night", "--image", first, "--last-image", last),
        *("--duration", "10", "--resolution", "720p", "--param", "generate_audio_switch=true"),
    )
    assert_video(run, pixverse_emu.content().all())
    assert len(pixverse_emu.find("POST", UPLOAD)) == 2
    (submit,) = generations(pixverse_emu)
    assert submit.path == "/openapi/v2/video/transition/generate"
    assert (submit.json["first_frame_img"], submit.json["last_frame_img"]) == (1000, 1001)
    assert submit.json["generate_audio_switch"] is True
    assert "img_id" not in submit.json
    assert_trace_ids(pixverse_emu)


def test_reference_images_go_to_fusion(fusion_emu: FusionEmulator, tmp_path: Path) -> None:
    refs = [picture(tmp_path, f"ref{n}.png", (40 * n, 90, 90)) for n in (1, 2)]
    run = generate(
        fusion_emu.base_url,
        tmp_path,
        *("--model", "v6", "--prompt", "@subject1 meets @subject2", "--duration", "12"),
        *("--ref-image", refs[0], "--ref-image", refs[1], "--param", "aspect_ratio=9:16"),
    )
    assert_video(run, fusion_emu.content().all())
    (submit,) = generations(fusion_emu)
    assert submit.path == "/openapi/v2/video/fusion/generate"
    assert submit.json["image_references"] == [
        {"img_id": 1000, "ref_name": "subject1", "type": "subject"},
        {"img_id": 1001, "ref_name": "subject2", "type": "subject"},
    ]
    assert (submit.json["aspect_ratio"], submit.json["duration"]) == ("9:16", 12)
    assert_trace_ids(fusion_emu)


def test_an_image_link_is_uploaded_by_url(pixverse_emu: PixVerseEmulator, tmp_path: Path) -> None:
    run = generate(
        pixverse_emu.base_url,
        tmp_path,
        *("--model", "c1", "--prompt", "waves", "--image", "https://example.com/sea.jpg", "--duration", "3"),
    )
    assert_video(run, pixverse_emu.content().all())
    (upload,) = pixverse_emu.find("POST", UPLOAD)
    assert upload.form == {"image_url": "https://example.com/sea.jpg"} and upload.files == {}


# ------------------------------------------------------------------------------------ faults

FAULTS = [
    # (key, prompt token, exit code, state, error kind, tasks created on the server)
    ("sk-bad", "", 1, "failed", "auth", 0),
    ("sk-poor", "", 1, "failed", "balance", 0),
    ("sk-ok", "#moderate-submit", 1, "failed", "moderation", 0),
    ("sk-ok", "#moderate-image", 1, "failed", "moderation", 0),
    ("sk-ok", "#500-submit", 1, "failed", "upstream_failed", 0),
    ("sk-ok", "#502-submit", 1, "unknown", "unknown", 0),
    ("sk-ok", "#reset-submit", 1, "unknown", "unknown", 1),
    ("sk-ok", "#moderate-result", 1, "failed", "moderation", 1),
    ("sk-ok", "#fail", 1, "failed", "upstream_failed", 1),
    ("sk-ok", "#deleted", 1, "failed", "upstream_failed", 1),
    ("sk-ok", "#unknown-task", 1, "failed", "not_found", 1),
    ("sk-ok", "#expired-url", 1, "expired", "expired", 1),
    ("sk-ok", "#html", 1, "failed", None, 1),
    ("sk-ratelimit", "", 0, "succeeded", None, 1),
    ("sk-ok", "#503-poll", 0, "succeeded", None, 1),
    ("sk-ok", "#429-poll", 0, "succeeded", None, 1),
    ("sk-ok", "#truncated-json", 0, "succeeded", None, 1),
    ("sk-ok", "#truncated-file", 0, "succeeded", None, 1),
    ("sk-ok", "#redirect", 0, "succeeded", None, 1),
]


@pytest.mark.parametrize(("key", "token", "code", "state", "kind", "created"), FAULTS)
def test_fault(
    pixverse_emu: PixVerseEmulator,
    foreign_host: Any,
    tmp_path: Path,
    key: str,
    token: str,
    code: int,
    state: str,
    kind: str | None,
    created: int,
) -> None:
    run = generate(
        pixverse_emu.base_url, tmp_path, "--model", "v5", "--prompt", f"a lighthouse {token}", key=key
    )
    assert run.code == code, run.stderr[-2000:]
    assert run.final["state"] == state
    if kind is not None:
        assert run.kind == kind, run.final.get("error")
    elif state == "failed":
        assert run.kind is not None
    assert len(pixverse_emu.submits) == created  # a billed submit is never sent twice
    if state == "succeeded":
        assert_video(run, pixverse_emu.content().all())
    assert foreign_host.credential_headers() == []
    assert all(uuid.UUID(r.header("Ai-trace-id") or "") for r in generations(pixverse_emu))


# ------------------------------------------------------------------------------------ invalid input

IMPOSSIBLE = [
    ("--model", "v5.5", "--resolution", "1080p", "--duration", "10"),
    ("--model", "v5.6", "--resolution", "1080p", "--duration", "10"),
    ("--model", "v3.5", "--resolution", "1080p", "--duration", "8"),
    ("--model", "v4", "--param", "motion_mode=fast", "--duration", "8"),
    ("--model", "v4.5", "--param", "motion_mode=fast", "--resolution", "1080p"),
    ("--model", "v5", "--param", "camera_movement=zoom_in"),
    ("--model", "v4", "--param", "camera_movement=moonwalk"),
    ("--model", "v5", "--duration", "10"),
    ("--model", "v6", "--duration", "16"),
    ("--model", "v5", "--resolution", "4k"),
    ("--model", "v5", "--param", "style=watercolor"),
    ("--model", "v5", "--ref-image", "{img}"),
    ("--model", "v5", "--image", "{img}", "--param", "aspect_ratio=16:9"),
    ("--model", "v5", "--last-image", "{img}"),
    ("--model", "v5", "--seed", "2147483648"),
    ("--model", "v5", "--negative-prompt", "x" * 2049),
    ("--model", "v6", *[a for _ in range(8) for a in ("--ref-image", "{img}")]),
]


@pytest.mark.parametrize("args", IMPOSSIBLE, ids=lambda a: " ".join(a)[:60])
def test_impossible_combination_sends_nothing(
    pixverse_emu: PixVerseEmulator, tmp_path: Path, args: tuple[str, ...]
) -> None:
    image = picture(tmp_path, "frame.png", (10, 120, 10))
    argv = [a.replace("{img}", image) for a in args]
    run = generate(pixverse_emu.base_url, tmp_path, *argv, "--prompt", "a quiet lake")
    assert run.code == 2, run.stderr[-2000:]
    assert run.kind == "invalid_input"
    assert pixverse_emu.requests == []


def test_prompt_longer_than_2048_is_refused(pixverse_emu: PixVerseEmulator, tmp_path: Path) -> None:
    run = generate(pixverse_emu.base_url, tmp_path, "--model", "v5", "--prompt", "y" * 2049)
    assert (run.code, run.kind, pixverse_emu.requests) == (2, "invalid_input", [])


# ------------------------------------------------------------------------------------ error codes


@pytest.mark.parametrize(
    ("err_code", "kind", "status"),
    [
        (10004, ErrorKind.AUTH, 200),
        (500090, ErrorKind.BALANCE, 200),
        (500054, ErrorKind.MODERATION, 200),
        (500063, ErrorKind.MODERATION, 200),
        (500044, ErrorKind.RATE_LIMITED, 429),  # refused before anything was created
        (500069, ErrorKind.RATE_LIMITED, 429),
        (400017, ErrorKind.INVALID_INPUT, 200),
        (400032, ErrorKind.INVALID_INPUT, 200),
        (500031, ErrorKind.INVALID_INPUT, 200),
        (500008, ErrorKind.NOT_FOUND, 200),
        (500100, ErrorKind.UPSTREAM_FAILED, 200),
        (99999, ErrorKind.UPSTREAM_FAILED, 200),
    ],
)
def test_err_codes_map_to_kinds(err_code: int, kind: ErrorKind, status: int) -> None:
    body = json.dumps({"ErrCode": err_code, "ErrMsg": "refused", "Resp": None}).encode()
    with pytest.raises(ProviderError) as caught:
        PixVerseProvider().parse_submit(httpx.Response(200, content=body))
    assert (caught.value.kind, caught.value.http_status, caught.value.code) == (kind, status, str(err_code))
