"""The seeds' rules, one test per mismatch: requests that a real server would refuse or bill as
another job are refused by ClipDesk's validation, or built the way the seed writes them."""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from core.errors import InvalidInput
from core.providers import get_provider
from core.providers.base import RemoteStatus
from core.providers.catalog import validate_request
from core.tasks.request import GenerationRequest
from tests.providers.seedkit import PNG, context, local_image, request_for, url_image

A = "https://example.com/a.png"
B = "https://example.com/b.png"
C = "https://example.com/c.png"


def refused(dialect: str, field: str, **fields: Any) -> InvalidInput:
    provider = get_provider(dialect)
    request = GenerationRequest(**fields)
    with pytest.raises(InvalidInput) as caught:
        validate_request(provider.catalog.spec(request.model), request)
    assert caught.value.field == field, caught.value
    return caught.value


def reply(body: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body)


# ----------------------------------------------------------------------------- UniAll (seed 004)


@pytest.mark.parametrize("model", ["viduq3p-540p", "viduq3p-720p", "viduq3p-1080p"])
def test_uniall_reference_images_need_a_mix_model(model: str) -> None:
    refused("uniall", "mode", model=model, prompt="p", ref_images=[A, B])


def test_uniall_mix_model_sends_reference_image_urls() -> None:
    provider, request = request_for(
        "uniall", model="viduq3p-mix-720p", prompt="p", ref_images=[A, B], params={"aspect_ratio": "16:9"}
    )
    body = provider.body(context(ref_images=[url_image(A), url_image(B)]), request)  # type: ignore[attr-defined]
    assert body["reference_image_urls"] == [A, B]
    assert body["model"] == "viduq3p-mix-720p"


def test_uniall_mix_model_takes_only_reference_images() -> None:
    refused("uniall", "mode", model="viduq3p-mix-720p", prompt="p")


def test_uniall_offpeak_and_bgm() -> None:
    provider, request = request_for(
        "uniall",
        model="viduq3p-1080p-offpeak",
        prompt="p",
        image=A,
        last_image=B,
        duration=6,
        params={"bgm": False},
    )
    body = provider.body(context(image=[url_image(A)], last_image=[url_image(B)]), request)  # type: ignore[attr-defined]
    assert body["extra_body"] == {"bgm": False}
    assert body["last_image"] == B


# ------------------------------------------------------------------------- new-api (seed 002)


def test_jimeng_image_to_video_is_the_t2v_model_with_req_key() -> None:
    assert "jimeng_vgfm_i2v_l20" not in get_provider("newapi").catalog.model_ids()
    provider, request = request_for(
        "newapi", model="jimeng_vgfm_t2v_l20", prompt="p", image=A, params={"aspect_ratio": "16:9"}
    )
    body = provider.body(context(image=[url_image(A)]), request)  # type: ignore[attr-defined]
    assert body["model"] == "jimeng_vgfm_t2v_l20"
    assert body["image"] == A
    assert body["metadata"] == {"req_key": "jimeng_vgfm_i2v_l20", "image_urls": [A], "aspect_ratio": "16:9"}


def test_jimeng_text_to_video_has_no_image_fields() -> None:
    provider, request = request_for("newapi", model="jimeng_vgfm_t2v_l20", prompt="p")
    body = provider.body(context(), request)  # type: ignore[attr-defined]
    assert "image" not in body and "req_key" not in body.get("metadata", {})


@pytest.mark.parametrize("model", ["kling-v1", "jimeng_vgfm_t2v_l20"])
def test_local_images_go_to_kling_and_jimeng_as_bare_base64(model: str) -> None:
    provider, request = request_for("newapi", model=model, prompt="p", image="/tmp/a.png")
    body = provider.body(context(image=[local_image()]), request)  # type: ignore[attr-defined]
    assert body["image"] == base64.b64encode(PNG).decode()
    assert not json.dumps(body).count("data:")
    assert "image_urls" not in body.get("metadata", {})  # new-api sends it as binary_data_base64


def test_kling_last_frame_local_file_is_bare_base64_too() -> None:
    provider, request = request_for("newapi", model="kling-v1", prompt="p", image=A, last_image="/tmp/b.png")
    body = provider.body(context(image=[url_image(A)], last_image=[local_image()]), request)  # type: ignore[attr-defined]
    assert body["metadata"]["image_tail"] == base64.b64encode(PNG).decode()


@pytest.mark.parametrize("count", [1, 2])
def test_vidu_reference_needs_three_images(count: int) -> None:
    refused("newapi", "ref_images", model="viduq1", prompt="p", ref_images=[A, B, C][:count])


def test_vidu_reference_with_three_images_sends_them_all() -> None:
    provider, request = request_for("newapi", model="viduq1", prompt="p", ref_images=[A, B, C])
    body = provider.body(context(ref_images=[url_image(u) for u in (A, B, C)]), request)  # type: ignore[attr-defined]
    assert body["images"] == [A, B, C]


# ------------------------------------------------------------------ prompt required (001-004)


@pytest.mark.parametrize(
    ("dialect", "model"),
    [
        ("pixverse", "v5"),
        ("newapi", "kling-v1"),
        ("newapi", "viduq1"),
        ("aisphere", "aisphere-v5"),
        ("uniall", "viduq3t-540p"),
    ],
)
def test_image_tasks_need_a_prompt_where_the_seed_says_so(dialect: str, model: str) -> None:
    refused(dialect, "prompt", model=model, prompt=" ", image=A)


def test_unknown_models_of_those_dialects_need_a_prompt_too() -> None:
    refused("uniall", "prompt", model="viduq3p-future", prompt="", image=A)


def test_dashscope_prompt_stays_optional() -> None:
    request_for("dashscope", model="wan2.5-i2v-preview", prompt="", image=A)


# ------------------------------------------------------------------------ AiSphere (seed 003)


def test_aisphere_reference_mode_needs_the_required_image() -> None:
    refused("aisphere", "image", model="aisphere-v5", prompt="p", ref_images=[A])


def test_aisphere_reference_mode_sends_image_and_character_images() -> None:
    provider, request = request_for("aisphere", model="aisphere-v5", prompt="p", image=A, ref_images=[B])
    body = provider.body(context(image=[url_image(A)], ref_images=[url_image(B)]), request)  # type: ignore[attr-defined]
    assert body["image"] == {"imageUrl": A}
    assert [c["imageUrl"] for c in body["characterImages"]] == [B]


def test_aisphere_guessed_fields_are_marked_unconfirmed() -> None:
    spec = get_provider("aisphere").catalog.spec("aisphere-v5")
    assert {"characterImages", "headtailImages"} <= set(spec.unconfirmed)


def test_aisphere_submit_answer_with_the_video_is_taken_with_usage() -> None:
    usage = {"images": 1, "seconds": 5, "input_tokens": 0, "total_tokens": 0, "output_tokens": 0}
    answer = {
        "code": 0,
        "message": "success",
        "request_id": "r",
        "data": {
            "task_id": "t1",
            "task_status": "success",
            "urls": ["https://cdn.example.com/v.mp4"],
            "expired": "2030-01-01T00:00:00Z",
            "usage": usage,
        },
    }
    submitted = get_provider("aisphere").parse_submit(reply(answer))  # type: ignore[attr-defined]
    assert submitted.remote_id == "t1"
    assert submitted.usage == usage
    assert submitted.result is not None
    assert submitted.result.status is RemoteStatus.SUCCEEDED
    assert submitted.result.result_url == "https://cdn.example.com/v.mp4"
    assert submitted.result.result_expires_at == 1893456000.0


def test_aisphere_submit_answer_still_running_has_no_result() -> None:
    answer = {"code": 0, "data": {"task_id": "t1", "task_status": "queued", "urls": [], "usage": {}}}
    submitted = get_provider("aisphere").parse_submit(reply(answer))  # type: ignore[attr-defined]
    assert submitted.result is None


def test_aisphere_poll_keeps_usage() -> None:
    usage = {"images": 0, "seconds": 5, "input_tokens": 0, "total_tokens": 0, "output_tokens": 0}
    answer = {
        "code": 0,
        "data": {"task_id": "t1", "task_status": "success", "urls": ["https://x/v.mp4"], "usage": usage},
    }
    assert get_provider("aisphere").parse_poll(reply(answer)).usage == usage  # type: ignore[attr-defined]


# ------------------------------------------------------------------------ DashScope (seed 000)


def test_dashscope_kf2v_goes_to_image2video_with_frame_urls() -> None:
    provider, request = request_for("dashscope", model="wan2.2-kf2v-flash", prompt="p", image=A, last_image=B)
    assert provider.path_for(request) == "/api/v1/services/aigc/image2video/video-synthesis"  # type: ignore[attr-defined]
    body = provider.body(context(image=[url_image(A)], last_image=[url_image(B)]), request)  # type: ignore[attr-defined]
    assert body["input"] == {"prompt": "p", "first_frame_url": A, "last_frame_url": B}


def test_dashscope_seed_models_keep_the_seed_path() -> None:
    provider, request = request_for("dashscope", model="wan2.5-i2v-preview", prompt="p", image=A)
    assert provider.path_for(request) == "/api/v1/services/aigc/video-generation/video-synthesis"  # type: ignore[attr-defined]


def test_dashscope_wan25_t2v_takes_size_not_resolution() -> None:
    refused("dashscope", "resolution", model="wan2.5-t2v-preview", prompt="p", resolution="480P")
    provider, request = request_for(
        "dashscope", model="wan2.5-t2v-preview", prompt="p", params={"size": "832*480"}
    )
    body = provider.body(context(), request)  # type: ignore[attr-defined]
    assert body["parameters"] == {"size": "832*480"}
    refused("dashscope", "size", model="wan2.5-t2v-preview", prompt="p", params={"size": "640*480"})


def test_dashscope_poll_keeps_usage() -> None:
    usage = {"video_duration": 5, "video_ratio": "832*480", "video_count": 1}
    answer = {
        "request_id": "r",
        "output": {"task_id": "t", "task_status": "SUCCEEDED", "video_url": "https://x/v.mp4"},
        "usage": usage,
    }
    assert get_provider("dashscope").parse_poll(reply(answer)).usage == usage  # type: ignore[attr-defined]


# ------------------------------------------------------------------------- PixVerse (seed 001)


def test_pixverse_sound_effects_on_v5_and_later_need_a_template() -> None:
    refused("pixverse", "sound_effect_switch", model="v5.5", prompt="p", params={"sound_effect_switch": True})
    request_for("pixverse", model="v5.5", prompt="p", params={"sound_effect_switch": True, "template_id": 3})
    request_for("pixverse", model="v4.5", prompt="p", params={"sound_effect_switch": True})


def test_pixverse_multi_image_template_sends_img_ids() -> None:
    provider, request = request_for(
        "pixverse", model="v5", prompt="p", ref_images=[A, B], params={"template_id": 302325299692608}
    )
    ctx = context(ref_images=[url_image(A), url_image(B)], uploads={"ref_images": [11, 12]})
    path, body = provider.route(ctx, request)  # type: ignore[attr-defined]
    assert path == "/openapi/v2/video/img/generate"
    assert body["img_ids"] == [11, 12]
    assert body["img_id"] == 11
    assert body["template_id"] == 302325299692608


def test_pixverse_several_images_without_template_need_a_reference_model() -> None:
    refused("pixverse", "mode", model="v5", prompt="p", ref_images=[A, B])


def test_pixverse_lip_sync_text_is_at_most_140_characters() -> None:
    refused(
        "pixverse", "lip_sync_tts_content", model="v5", prompt="p", params={"lip_sync_tts_content": "a" * 141}
    )
    request_for("pixverse", model="v5", prompt="p", params={"lip_sync_tts_content": "a" * 140})


def test_pixverse_speaker_id_is_sent_as_a_string() -> None:
    provider, request = request_for(
        "pixverse", model="v5", prompt="p", params={"lip_sync_tts_switch": True, "lip_sync_tts_speaker_id": 7}
    )
    _path, body = provider.route(context(), request)  # type: ignore[attr-defined]
    assert body["lip_sync_tts_speaker_id"] == "7"


def test_unknown_params_are_refused_with_the_models_list() -> None:
    error = refused(
        "pixverse", "camera_movment", model="v4", prompt="p", params={"camera_movment": "zoom_in"}
    )
    assert "camera_movement" in error.message


def test_pixverse_template_id_must_be_a_whole_number() -> None:
    refused("pixverse", "template_id", model="v5", prompt="p", params={"template_id": "abc"})
    provider, request = request_for(
        "pixverse", model="v5", prompt="p", params={"template_id": "302325299692608"}
    )
    _path, body = provider.route(context(), request)  # type: ignore[attr-defined]
    assert body["template_id"] == 302325299692608
