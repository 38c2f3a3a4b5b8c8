"""PixVerse through the CLI, as a creator runs it, against the loopback PixVerse emulator."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from core.errors import ErrorKind, ProviderError
from core.providers.pixverse import PixVerseProvider
from tests.emulators.pixverse import PixVerseEmulator
from tests.support.cli import CliResult, assert_fault_outcome, cli_env, generate_args, run_cli

GENERATE = "/openapi/v2/video/"
UPLOAD = "/openapi/v2/image/upload"


# ------------------------------------------------------------------------------------ helpers


def generate(emu: Any, home: Path, model: str, prompt: str, *extra: str, key: str = "sk-ok") -> CliResult:
    args = generate_args("pixverse", emu.base_url, model, prompt, *extra)
    return run_cli(args, cli_env(home, key), timeout=90)


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


def assert_video(run: CliResult, served: bytes) -> None:
    assert run.returncode == 0, run.stderr[-2000:]
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


def test_text_to_video(pixverse_emu: PixVerseEmulator, clipdesk_home: Path) -> None:
    run = generate(pixverse_emu, clipdesk_home, "v5", "a red fox", "--seed", "7")
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


def test_image_to_video_uploads_the_file_first(
    pixverse_emu: PixVerseEmulator, tmp_path: Path, clipdesk_home: Path
) -> None:
    image = picture(tmp_path, "first.png", (200, 40, 40))
    run = generate(
        pixverse_emu,
        clipdesk_home,
        "v4",
        "the fox runs",
        *("--image", image, "--duration", "8"),
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
    pixverse_emu: PixVerseEmulator, tmp_path: Path, clipdesk_home: Path
) -> None:
    first = picture(tmp_path, "first.png", (200, 40, 40))
    last = picture(tmp_path, "last.png", (40, 40, 200))
    run = generate(
        pixverse_emu,
        clipdesk_home,
        "v5.5",
        "day to night",
        *("--image", first, "--last-image", last),
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


def test_reference_images_go_to_fusion(
    fusion_emu: FusionEmulator, tmp_path: Path, clipdesk_home: Path
) -> None:
    refs = [picture(tmp_path, f"ref{n}.png", (40 * n, 90, 90)) for n in (1, 2)]
    run = generate(
        fusion_emu,
        clipdesk_home,
        "v6",
        "@subject1 meets @subject2",
        *("--duration", "12"),
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


def test_an_image_link_is_uploaded_by_url(pixverse_emu: PixVerseEmulator, clipdesk_home: Path) -> None:
    run = generate(
        pixverse_emu,
        clipdesk_home,
        "c1",
        "waves",
        *("--image", "https://example.com/sea.jpg", "--duration", "3"),
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
    ("sk-ok", "#truncated-submit", 1, "unknown", "unknown", 1),
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
    clipdesk_home: Path,
    key: str,
    token: str,
    code: int,
    state: str,
    kind: str | None,
    created: int,
) -> None:
    run = generate(pixverse_emu, clipdesk_home, "v5", f"a lighthouse {token}", key=key)
    assert_fault_outcome(run, pixverse_emu, foreign_host, code, state, kind, created)
    if state == "failed":
        assert run.error_kind is not None
    if state == "succeeded":
        assert_video(run, pixverse_emu.content().all())
    assert all(uuid.UUID(r.header("Ai-trace-id") or "") for r in generations(pixverse_emu))
    assert pixverse_emu.reused_trace_ids == []  # a retried request gets a fresh trace id too


# ------------------------------------------------------------------------------------ invalid input

IMPOSSIBLE = [
    ("v5.5", "--resolution", "1080p", "--duration", "10"),
    ("v5.6", "--resolution", "1080p", "--duration", "10"),
    ("v3.5", "--resolution", "1080p", "--duration", "8"),
    ("v4", "--param", "motion_mode=fast", "--duration", "8"),
    ("v4.5", "--param", "motion_mode=fast", "--resolution", "1080p"),
    ("v5", "--param", "camera_movement=zoom_in"),
    ("v4", "--param", "camera_movement=moonwalk"),
    ("v5", "--duration", "10"),
    ("v6", "--duration", "16"),
    ("v5", "--resolution", "4k"),
    ("v5", "--param", "style=watercolor"),
    ("v5", "--ref-image", "{img}"),
    ("v5", "--image", "{img}", "--param", "aspect_ratio=16:9"),
    ("v5", "--last-image", "{img}"),
    ("v5", "--seed", "2147483648"),
    ("v5", "--negative-prompt", "x" * 2049),
    ("v6", *["--ref-image", "{img}"] * 8),
]


@pytest.mark.parametrize("args", IMPOSSIBLE, ids=lambda a: " ".join(a)[:60])
def test_impossible_combination_sends_nothing(
    pixverse_emu: PixVerseEmulator, tmp_path: Path, clipdesk_home: Path, args: tuple[str, ...]
) -> None:
    image = picture(tmp_path, "frame.png", (10, 120, 10))
    model, *extra = [a.replace("{img}", image) for a in args]
    run = generate(pixverse_emu, clipdesk_home, model, "a quiet lake", *extra)
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.error_kind == "invalid_input"
    assert pixverse_emu.requests == []


def test_prompt_longer_than_2048_is_refused(pixverse_emu: PixVerseEmulator, clipdesk_home: Path) -> None:
    run = generate(pixverse_emu, clipdesk_home, "v5", "y" * 2049)
    assert (run.returncode, run.error_kind, pixverse_emu.requests) == (2, "invalid_input", [])


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
