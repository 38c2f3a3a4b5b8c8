"""The seeds' rules end to end through the CLI, against the loopback emulators: a request the
seed forbids exits 2 with ``invalid_input`` and reaches no server (not even an upload); usage
fields the seeds document are kept on the task."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.emulators.aisphere import AiSphereEmulator
from tests.support.cli import CliResult, cli_env, generate_args, run_cli


def generate(dialect: str, emu: Any, home: Path, model: str, prompt: str, *extra: str) -> CliResult:
    return run_cli(generate_args(dialect, emu.base_url, model, prompt, *extra), cli_env(home))


def refused_before_sending(run: CliResult, emu: Any) -> None:
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.error_kind == "invalid_input"
    assert emu.requests == []


def picture(folder: Path) -> str:
    path = folder / "first.png"
    Image.new("RGB", (640, 360), (10, 120, 200)).save(path)
    return str(path)


def test_pixverse_image_task_without_prompt_uploads_nothing(
    pixverse_emu: Any, tmp_path: Path, clipdesk_home: Path
) -> None:
    run = generate("pixverse", pixverse_emu, clipdesk_home, "v5", "", "--image", picture(tmp_path))
    refused_before_sending(run, pixverse_emu)


def test_newapi_image_task_without_prompt_is_refused(newapi_emu: Any, clipdesk_home: Path) -> None:
    run = generate("newapi", newapi_emu, clipdesk_home, "kling-v1", "", "--image", "https://e.com/a.png")
    refused_before_sending(run, newapi_emu)


def test_aisphere_task_without_prompt_is_refused(aisphere_emu: Any, clipdesk_home: Path) -> None:
    run = generate(
        "aisphere", aisphere_emu, clipdesk_home, "aisphere-v5", "", "--image", "https://e.com/a.png"
    )
    refused_before_sending(run, aisphere_emu)


def test_vidu_reference_with_two_images_is_refused(newapi_emu: Any, clipdesk_home: Path) -> None:
    refs = ("--ref-image", "https://e.com/a.png", "--ref-image", "https://e.com/b.png")
    run = generate("newapi", newapi_emu, clipdesk_home, "viduq1", "two friends", *refs)
    refused_before_sending(run, newapi_emu)


def test_jimeng_image_to_video_as_the_seed_writes_it(
    newapi_emu: Any, tmp_path: Path, clipdesk_home: Path
) -> None:
    run = generate(
        "newapi", newapi_emu, clipdesk_home, "jimeng_vgfm_t2v_l20", "walks", "--image", picture(tmp_path)
    )
    assert run.returncode == 0, run.stderr[-2000:]
    (submit,) = [r for r in newapi_emu.requests if r.method == "POST"]
    assert submit.json["metadata"]["req_key"] == "jimeng_vgfm_i2v_l20"
    assert not submit.json["image"].startswith("data:")


def test_newapi_emulator_refuses_the_invented_jimeng_model(newapi_emu: Any) -> None:
    import httpx

    body = {"model": "jimeng_vgfm_i2v_l20", "prompt": "p", "image": "https://e.com/a.png"}
    answer = httpx.post(
        newapi_emu.base_url + "/v1/video/generations", json=body, headers={"Authorization": "Bearer sk-ok"}
    )
    assert answer.status_code == 400


def test_dashscope_unknown_param_is_refused(dashscope_emu: Any, clipdesk_home: Path) -> None:
    run = generate(
        "dashscope",
        dashscope_emu,
        clipdesk_home,
        "wan2.5-i2v-preview",
        "p",
        "--image",
        "https://e.com/a.png",
        "--param",
        "watermrk=true",
    )
    refused_before_sending(run, dashscope_emu)


def test_dashscope_usage_is_kept_on_the_task(dashscope_emu: Any, clipdesk_home: Path) -> None:
    run = generate(
        "dashscope",
        dashscope_emu,
        clipdesk_home,
        "wan2.5-i2v-preview",
        "p",
        "--image",
        "https://e.com/a.png",
        "--resolution",
        "480P",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["usage"] == {"duration": 5, "video_count": 1, "SR": 480}


def test_dashscope_kf2v_reaches_the_image2video_path(dashscope_emu: Any, clipdesk_home: Path) -> None:
    run = generate(
        "dashscope",
        dashscope_emu,
        clipdesk_home,
        "wan2.2-kf2v-flash",
        "turns",
        "--image",
        "https://e.com/a.png",
        "--last-image",
        "https://e.com/b.png",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    (submit,) = [r for r in dashscope_emu.requests if r.method == "POST"]
    assert submit.path.endswith("/api/v1/services/aigc/image2video/video-synthesis")


@pytest.fixture
def answering_emu(foreign_host: Any) -> Iterator[AiSphereEmulator]:
    """AiSphere answering the submit with the finished video, and serving no poll path at all."""
    emu = AiSphereEmulator(foreign=foreign_host, result_in_submit=True, poll_path=r"/nowhere/([^/]+)").start()
    yield emu
    emu.stop()
    assert not emu.errors


def test_aisphere_video_in_the_submit_answer_is_taken(
    answering_emu: AiSphereEmulator, clipdesk_home: Path
) -> None:
    run = generate(
        "aisphere", answering_emu, clipdesk_home, "aisphere-v5", "waves", "--image", "https://e.com/a.png"
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["state"] == "succeeded"
    assert [r.path for r in answering_emu.requests if r.method == "GET" and "/files/" not in r.path] == []
    assert run.final["usage"]["seconds"] == 5


def test_aisphere_usage_from_the_poll_is_kept(aisphere_emu: AiSphereEmulator, clipdesk_home: Path) -> None:
    run = generate(
        "aisphere", aisphere_emu, clipdesk_home, "aisphere-v5", "waves", "--image", "https://e.com/a.png"
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.final["usage"] == {
        "images": 0,
        "seconds": 5,
        "input_tokens": 0,
        "output_tokens": 0,
        "total_tokens": 0,
    }
