"""Every request example of the five seeds as a golden test.

ClipDesk builds the request from the same choices a creator makes (model, prompt, images,
options), after the catalog's validation, and the JSON it would send is compared with the seed's
example field by field: names, nesting and JSON types everywhere, values wherever the example
fixes them. A field of an example that ClipDesk does not send is listed in ``not_sent`` with the
reason; the test fails both when another field differs and when such a field starts to match
(then the explanation is stale).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from core.errors import InvalidInput
from core.providers import get_provider
from core.providers.base import RemoteStatus
from tests.providers.seedkit import context, differences, example, request_for, url_image

KLING_IMAGE = (
    "https://h2.inkwai.com/bs2/upload-ylab-stunt/se/ai_portal_queue_mmu_image_upscale_aiweb/"
    "3214b798-e1b4-4b00-b7af-72b5b0417420_raw_image_0.jpg"
)


@dataclass
class Golden:
    file: str
    dialect: str
    request: dict[str, Any]
    uploads: dict[str, Any] = field(default_factory=dict)
    fixed: bool = True  # False: the example's values are placeholders ("string"); types still count
    not_sent: dict[str, str] = field(default_factory=dict)  # difference path -> why


GOLDEN = [
    Golden(
        "000_dashscope_i2v.body",
        "dashscope",
        {
            "model": "wan2.5-i2v-preview",
            "prompt": "改变一下光线",
            "image": "https://brainrot-yt-shorts.oss-cn-beijing.aliyuncs.com/images/cached/"
            "55a955b7e41723417281051d7bebdb45.png",
            "resolution": "480P",
            "params": {"prompt_extend": True, "audio": True},
        },
    ),
    Golden(
        "001_pixverse_img.body",
        "pixverse",
        {
            "model": "v6",
            "prompt": "string",
            "image": "https://example.com/uploaded-as-img-id-1.png",
            "duration": 5,
            "resolution": "720p",
            "seed": 0,
            "params": {"template_id": 0},
        },
        uploads={"image": [1]},
        not_sent={
            "motion_mode": "the seed's field description says motion_mode is not supported above v5 "
            '("v5 以上版本不支持此字段") while its example sends it on v6; ClipDesk follows the '
            "description and refuses motion_mode on v6 (test_pixverse_motion_mode_is_refused_on_v6)",
        },
    ),
    Golden(
        "002_newapi_kling.body",
        "newapi",
        {
            "model": "kling-v1",
            "prompt": "一个穿着宇航服的宇航员在月球上行走, 高品质, 电影级",
            "image": KLING_IMAGE,
            "last_image": "https://h1.inkwai.com/bs2/upload-ylab-stunt/1fa0ac67d8ce6cd55b50d68b967b3a59.png",
            "duration": 5,
            "seed": 20231234,
            "negative_prompt": "模糊",
            "params": {"size": "1920x1080"},
        },
    ),
    Golden(
        "002_newapi_jimeng.body",
        "newapi",
        {
            "model": "jimeng_vgfm_t2v_l20",
            "prompt": "一个穿着宇航服的宇航员在月球上行走",
            "image": KLING_IMAGE,
            "params": {"aspect_ratio": "16:9"},
        },
    ),
    Golden(
        "002_newapi_vidu.body",
        "newapi",
        {
            "model": "viduq1",
            "prompt": "一个穿着宇航服的宇航员在月球上行走, 高品质, 电影级",
            "image": "https://prod-ss-images.s3.cn-northwest-1.amazonaws.com.cn/vidu-maas/template/image2video.png",
            "duration": 5,
            "seed": 0,
            "resolution": "1080p",
            "params": {"size": "1920x1080", "movement_amplitude": "auto", "bgm": False, "payload": ""},
        },
        not_sent={
            "metadata.callback_url": "ClipDesk polls for the result; a desktop app offers no public URL "
            "for a server to call back, so the catalog does not offer callback_url",
        },
    ),
    Golden(
        "003_aisphere.body",
        "aisphere",
        {
            "model": "aisphere-v5",
            "prompt": "string",
            "image": "https://example.com/first.png",
            "ref_images": ["https://example.com/character.png"],
        },
        fixed=False,
        not_sent={
            "headtailImages": "the example lists every field at once (a schema dump; its values are "
            'placeholders): head-tail images are required only for first/last frame ("首尾生必填"), '
            'character images only for reference ("参考生必填"), and an empty headtailImages beside '
            "characterImages could be read as a head-tail request; ClipDesk sends headtailImages only "
            "in first/last mode, with keys the seed does not name (marked unconfirmed in the catalog)",
        },
    ),
    Golden(
        "004_uniall_text.body",
        "uniall",
        {
            "model": "viduq3p-720p",
            "prompt": "电影感航拍镜头,日出时分掠过未来海滨城市,光线柔和,镜头缓慢推进。",
            "duration": 5,
            "seed": 42,
            "params": {"aspect_ratio": "16:9", "audio": False, "bgm": False},
        },
    ),
    Golden(
        "004_uniall_image.body",
        "uniall",
        {
            "model": "viduq3t-540p",
            "prompt": "人物缓慢抬头并看向镜头,动作自然,镜头轻微前推。",
            "image": "https://example.com/source.png",
            "duration": 5,
            "seed": 42,
        },
    ),
    Golden(
        "004_uniall_first_last.body",
        "uniall",
        {
            "model": "viduq3p-1080p-offpeak",
            "prompt": "人物从正面自然转向侧面,身份保持稳定,动作连贯。",
            "image": "https://example.com/head.png",
            "last_image": "https://example.com/tail.png",
            "duration": 6,
        },
    ),
    Golden(
        "004_uniall_reference.body",
        "uniall",
        {
            "model": "viduq3p-mix-720p",
            "prompt": "A @Image1 walking through a beach in the visual style of @Image2",
            "ref_images": ["https://example.com/ref-1.png", "https://example.com/ref-2.png"],
            "duration": 5,
            "seed": 42,
            "params": {"aspect_ratio": "16:9", "audio": False},
        },
    ),
]


def built(case: Golden) -> dict[str, Any]:
    """The JSON body ClipDesk sends for the case's choices."""
    provider, request = request_for(case.dialect, **case.request)
    ctx = context(
        image=[url_image(request.image)] if request.image else None,
        last_image=[url_image(request.last_image)] if request.last_image else None,
        ref_images=[url_image(u) for u in request.ref_images] or None,
        uploads=case.uploads,
    )
    if case.dialect == "pixverse":
        _path, body = provider.route(ctx, request)  # type: ignore[attr-defined]
    else:
        body = provider.body(ctx, request)  # type: ignore[attr-defined]
    assert isinstance(body, dict)
    return body


@pytest.mark.parametrize("case", GOLDEN, ids=[c.file for c in GOLDEN])
def test_seed_example(case: Golden) -> None:
    found = differences(example(case.file), built(case), fixed=case.fixed)
    unexplained = [d for d in found if d.split(":", 1)[0] not in case.not_sent]
    assert unexplained == [], f"{case.file}: ClipDesk's request differs from the seed's example"
    explained = {d.split(":", 1)[0] for d in found}
    assert explained == set(case.not_sent), "an explained difference no longer occurs: update not_sent"


def test_every_seed_example_has_a_golden_test() -> None:
    from tests.providers.seedkit import SEEDS

    bodies = {p.name for p in SEEDS.glob("*.body")}
    assert bodies == {c.file for c in GOLDEN}
    assert len(bodies) == 10  # 000: 1, 001: 1, 002: 3, 003: 1, 004: 4


def test_pixverse_motion_mode_is_refused_on_v6() -> None:
    """The reason the PixVerse example's motion_mode is not sent (see GOLDEN)."""
    with pytest.raises(InvalidInput) as caught:
        request_for(
            "pixverse",
            model="v6",
            prompt="string",
            image="https://e.com/a.png",
            params={"motion_mode": "normal"},
        )
    assert caught.value.field == "motion_mode"
    request_for(
        "pixverse",
        model="v4.5",
        prompt="string",
        image="https://e.com/a.png",
        params={"motion_mode": "normal"},
    )


# ----------------------------------------------------------------------- the seeds' answers


def answer(name: str) -> httpx.Response:
    return httpx.Response(200, json=example(name))


def test_dashscope_submit_answer() -> None:
    submitted = get_provider("dashscope").parse_submit(200, answer("000_dashscope_submit.answer"))  # type: ignore[attr-defined]
    assert submitted.remote_id == "a55bfe14-6e78-4b9d-b97d-128420399ed1"
    assert submitted.status is RemoteStatus.QUEUED


def test_aisphere_answer_keeps_usage() -> None:
    submitted = get_provider("aisphere").parse_submit(answer("003_aisphere.answer"))  # type: ignore[attr-defined]
    assert submitted.remote_id == "string"
    assert submitted.usage == example("003_aisphere.answer")["data"]["usage"]
    assert submitted.result is None  # task_status "string" is no final word


def test_uniall_submit_answer() -> None:
    submitted = get_provider("uniall").parse_submit(answer("004_uniall_submit.answer"))  # type: ignore[attr-defined]
    assert submitted.remote_id == "task_xxxxx"
    assert submitted.status is RemoteStatus.QUEUED
