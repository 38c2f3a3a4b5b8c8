"""The loopback emulators themselves: plain httpx against each dialect, plus the official SDKs
(dashscope 2.0.2, openai) completing a task against them."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import uuid
import warnings
from pathlib import Path

import httpx
import pytest

from tests.emulators.base import KEY_OK
from tests.emulators.media import FileContent, small_mp4

ROOT = Path(__file__).resolve().parent.parent
DS_SUBMIT = "/alibailian/api/v1/services/aigc/video-generation/video-synthesis"
DS_HEADERS = {"Authorization": "Bearer sk-ok", "X-DashScope-Async": "enable"}
NA_HEADERS = {"Authorization": "Bearer sk-ok"}


def ds_body(prompt: str = "a cat", **params: object) -> dict:
    return {
        "model": "wan2.5-i2v-preview",
        "input": {"prompt": prompt, "img_url": "https://example.com/cat.png"},
        "parameters": {"resolution": "480P", "duration": 5, **params},
    }


def ds_poll_until_done(c: httpx.Client, task_id: str, limit: int = 10) -> dict:
    for _ in range(limit):
        out = c.get(f"/alibailian/api/v1/tasks/{task_id}", headers=DS_HEADERS).json()["output"]
        if out["task_status"] not in ("PENDING", "RUNNING"):
            return out
    raise AssertionError("task never finished")


# ------------------------------------------------------------------------------------ media


def test_small_mp4_is_a_valid_h264_clip(tmp_path: Path) -> None:
    import av

    path = tmp_path / "clip.mp4"
    path.write_bytes(small_mp4())
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.width, stream.height) == (64, 64)
        assert sum(1 for _ in container.decode(video=0)) == 8


def test_big_file_is_deterministic_and_still_an_mp4() -> None:
    content = FileContent(3 * 1024 * 1024 + 17)
    whole = content.all()
    assert len(whole) == content.size
    assert whole.startswith(small_mp4())
    assert whole[len(small_mp4()) + 4 : len(small_mp4()) + 8] == b"free"
    assert content.read(2_000_000, 2_000_100) == whole[2_000_000:2_000_100]
    assert hashlib.sha256(FileContent(content.size).all()).digest() == hashlib.sha256(whole).digest()


# ------------------------------------------------------------------------------------ dashscope


def test_dashscope_happy_path_with_and_without_prefix(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c:
        r = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body())
        assert r.status_code == 200
        task_id = r.json()["output"]["task_id"]
        assert r.json()["output"]["task_status"] == "PENDING"
        statuses = [
            c.get(f"/api/v1/tasks/{task_id}", headers=DS_HEADERS).json()["output"]["task_status"]
            for _ in range(4)
        ]
        assert statuses == ["PENDING", "RUNNING", "RUNNING", "SUCCEEDED"]
        out = c.get(f"/alibailian/api/v1/tasks/{task_id}", headers=DS_HEADERS).json()["output"]
        assert "?Expires=" in out["video_url"]
        video = httpx.get(out["video_url"])
        assert video.status_code == 200
        assert video.headers["content-type"] == "video/mp4"
        assert video.content == small_mp4()
        assert int(video.headers["content-length"]) == len(small_mp4())
    assert len(dashscope_emu.submits) == 1
    assert dashscope_emu.count("GET", "/api/v1/tasks/") == 4
    assert dashscope_emu.submits[0].headers["x-dashscope-async"] == "enable"


def test_dashscope_errors(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c:
        r = c.post(DS_SUBMIT, headers={**DS_HEADERS, "Authorization": "Bearer sk-bad"}, json=ds_body())
        assert (r.status_code, r.json()["code"]) == (401, "InvalidApiKey")
        r = c.post(DS_SUBMIT, headers={"Authorization": "Bearer sk-ok"}, json=ds_body())
        assert r.status_code == 403  # no X-DashScope-Async
        r = c.post(DS_SUBMIT, headers={**DS_HEADERS, "Authorization": "Bearer sk-poor"}, json=ds_body())
        assert (r.status_code, r.json()["code"]) == (400, "Arrearage")
        r = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("x #moderate-submit"))
        assert (r.status_code, r.json()["code"]) == (400, "DataInspectionFailed")
        r = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body(resolution="720p"))
        assert (r.status_code, r.json()["code"]) == (400, "InvalidParameter")
        r = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body(duration=7))
        assert r.status_code == 400
        big = "data:image/png;base64," + "A" * (14 * 1024 * 1024)
        r = c.post(DS_SUBMIT, headers=DS_HEADERS, json={**ds_body(), "input": {"img_url": big}})
        assert r.status_code == 400 and "10MB" in r.json()["message"]
        rl = {**DS_HEADERS, "Authorization": "Bearer sk-ratelimit"}
        codes = [c.post(DS_SUBMIT, headers=rl, json=ds_body()) for _ in range(3)]
        assert [x.status_code for x in codes] == [429, 429, 200]
        assert codes[0].headers["retry-after"] == "1"
        assert codes[0].json()["code"] == "Throttling.RateQuota"
        r = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("x #500-submit"))
        assert (r.status_code, r.json()["code"]) == (500, "InternalError")
        out = c.get("/alibailian/api/v1/tasks/nope", headers=DS_HEADERS).json()["output"]
        assert out["task_status"] == "UNKNOWN"
        task_id = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("#moderate-result")).json()["output"][
            "task_id"
        ]
        out = ds_poll_until_done(c, task_id)
        assert (out["task_status"], out["code"]) == ("FAILED", "DataInspectionFailed")
    assert len(dashscope_emu.submits) == 2  # only the two that created a task


def test_dashscope_cancel_only_pending(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c:
        first = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body()).json()["output"]["task_id"]
        r = c.post(f"/alibailian/api/v1/tasks/{first}/cancel", headers=DS_HEADERS)
        assert r.status_code == 200
        assert ds_poll_until_done(c, first)["task_status"] == "CANCELED"
        second = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body()).json()["output"]["task_id"]
        c.get(f"/alibailian/api/v1/tasks/{second}", headers=DS_HEADERS)
        c.get(f"/alibailian/api/v1/tasks/{second}", headers=DS_HEADERS)  # now RUNNING
        r = c.post(f"/alibailian/api/v1/tasks/{second}/cancel", headers=DS_HEADERS)
        assert (r.status_code, r.json()["code"]) == (400, "UnsupportedOperation")


def test_poll_injections_503_429_truncated_json(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c:
        tid = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("#503-poll #429-poll #truncated-json"))
        task_id = tid.json()["output"]["task_id"]
        url = f"/alibailian/api/v1/tasks/{task_id}"
        assert c.get(url, headers=DS_HEADERS).status_code == 503
        r = c.get(url, headers=DS_HEADERS)
        assert (r.status_code, r.headers["retry-after"]) == (429, "1")
        r = c.get(url, headers=DS_HEADERS)
        assert r.status_code == 200
        with pytest.raises(ValueError):
            r.json()
        assert c.get(url, headers=DS_HEADERS).json()["output"]["task_status"] == "RUNNING"


def test_reset_submit_creates_the_task_but_drops_the_answer(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c, pytest.raises(httpx.TransportError):
        c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("#reset-submit"))
    assert len(dashscope_emu.submits) == 1
    assert len(dashscope_emu.tasks) == 1


def test_time_based_progression_on_the_emulator_clock() -> None:
    from tests.emulators.dashscope import DashScopeEmulator

    with (
        DashScopeEmulator(seconds_queued=5, seconds_running=15) as emu,
        httpx.Client(base_url=emu.base_url) as c,
    ):
        task_id = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body()).json()["output"]["task_id"]
        url = f"/api/v1/tasks/{task_id}"
        seen = [c.get(url, headers=DS_HEADERS).json()["output"]["task_status"]]
        emu.advance(6)
        seen.append(c.get(url, headers=DS_HEADERS).json()["output"]["task_status"])
        emu.advance(15)
        seen += [c.get(url, headers=DS_HEADERS).json()["output"]["task_status"] for _ in range(2)]
        assert seen == ["PENDING", "RUNNING", "SUCCEEDED", "SUCCEEDED"]


def test_slow_and_never_until_released(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c:
        slow = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("#slow")).json()["output"]["task_id"]
        never = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body("#never")).json()["output"]["task_id"]
        for _ in range(8):
            for tid in (slow, never):
                out = c.get(f"/api/v1/tasks/{tid}", headers=DS_HEADERS).json()["output"]
                assert out["task_status"] in ("PENDING", "RUNNING")
        dashscope_emu.slow_done = True
        assert ds_poll_until_done(c, slow)["task_status"] == "SUCCEEDED"
        assert (
            c.get(f"/api/v1/tasks/{never}", headers=DS_HEADERS).json()["output"]["task_status"] == "RUNNING"
        )
        dashscope_emu.release(never)
        assert ds_poll_until_done(c, never, limit=1)["task_status"] == "SUCCEEDED"


# ------------------------------------------------------------------------------------ files


def _finished_file_url(emu, prompt: str) -> str:
    with httpx.Client(base_url=emu.base_url) as c:
        task_id = c.post(DS_SUBMIT, headers=DS_HEADERS, json=ds_body(prompt)).json()["output"]["task_id"]
        return ds_poll_until_done(c, task_id)["video_url"]


def test_file_range_and_expiry(dashscope_emu) -> None:
    url = _finished_file_url(dashscope_emu, "a dog")
    r = httpx.get(url, headers={"Range": "bytes=100-199"})
    assert r.status_code == 206
    assert r.headers["content-range"] == f"bytes 100-199/{len(small_mp4())}"
    assert r.content == small_mp4()[100:200]
    assert httpx.get(url, headers={"Range": "bytes=999999-"}).status_code == 416
    dashscope_emu.advance(dashscope_emu.file_ttl + 1)
    r = httpx.get(url)
    assert r.status_code == 403 and b"AccessDenied" in r.content
    expired = _finished_file_url(dashscope_emu, "#expired-url")
    assert httpx.get(expired).status_code == 403


def test_truncated_file_then_range_resume(dashscope_emu) -> None:
    url = _finished_file_url(dashscope_emu, "#truncated-file")
    got = bytearray()
    with pytest.raises(httpx.RemoteProtocolError), httpx.stream("GET", url) as r:
        assert int(r.headers["content-length"]) == len(small_mp4())
        for chunk in r.iter_raw():
            got += chunk
    assert 0 < len(got) < len(small_mp4())
    rest = httpx.get(url, headers={"Range": f"bytes={len(got)}-"})
    assert rest.status_code == 206
    assert bytes(got) + rest.content == small_mp4()


def test_redirect_goes_to_the_foreign_host_and_html_is_served(dashscope_emu, foreign_host) -> None:
    url = _finished_file_url(dashscope_emu, "#redirect")
    r = httpx.get(url)
    assert r.status_code == 302
    assert r.headers["location"].startswith(foreign_host.base_url)
    assert httpx.get(r.headers["location"]).content == small_mp4()
    assert foreign_host.count("GET", "/files/") == 1
    assert foreign_host.credential_headers() == []
    html = httpx.get(_finished_file_url(dashscope_emu, "#html"))
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")


def test_big_file_size_option_streams_with_range() -> None:
    from tests.emulators.dashscope import DashScopeEmulator

    size = 5 * 1024 * 1024
    with DashScopeEmulator(file_size=size, ticks_queued=0, ticks_running=0) as emu:
        url = _finished_file_url(emu, "big")
        r = httpx.get(url)
        assert len(r.content) == size and r.content == FileContent(size).all()
        part = httpx.get(url, headers={"Range": f"bytes={size - 10}-"})
        assert part.status_code == 206 and part.content == r.content[-10:]


def test_scenario_header_alternative(dashscope_emu) -> None:
    with httpx.Client(base_url=dashscope_emu.base_url) as c:
        r = c.post(DS_SUBMIT, headers={**DS_HEADERS, "X-Emu-Scenario": "moderate-submit"}, json=ds_body())
        assert r.json()["code"] == "DataInspectionFailed"


# ------------------------------------------------------------------------------------ new-api


def test_newapi_wrapped_poll_and_openai_object(newapi_emu) -> None:
    body = {
        "model": "kling-v1",
        "prompt": "astronaut",
        "image": "https://example.com/a.png",
        "duration": 5,
        "metadata": {"image_tail": "https://example.com/b.png", "seed": 7},
    }
    with httpx.Client(base_url=newapi_emu.base_url, headers=NA_HEADERS) as c:
        r = c.post("/v1/video/generations", json=body)
        assert r.status_code == 200
        video = r.json()
        assert video["object"] == "video" and video["status"] == "queued"
        assert video["id"].startswith("task_") and video["task_id"] == video["id"]
        task = newapi_emu.tasks[video["id"]]
        assert task.extra["metadata"]["image_tail"] == "https://example.com/b.png"
        assert task.extra["images"] == ["https://example.com/a.png"]
        seen = []
        for _ in range(4):
            data = c.get(f"/v1/video/generations/{video['id']}").json()
            assert data["code"] == "success"
            seen.append(data["data"]["status"])
        assert seen == ["NOT_START", "IN_PROGRESS", "IN_PROGRESS", "SUCCESS"]
        assert data["data"]["progress"] == "100%"
        assert httpx.get(data["data"]["result_url"]).content == small_mp4()
        obj = c.get(f"/v1/videos/{video['id']}")
        assert obj.headers["openai-poll-after-ms"]
        assert obj.json()["status"] == "completed" and obj.json()["metadata"]["url"]
        assert obj.json()["expires_at"] > obj.json()["created_at"]
        content = c.get(f"/v1/videos/{video['id']}/content", headers={"Range": "bytes=0-9"})
        assert content.status_code == 206 and content.content == small_mp4()[:10]
        assert httpx.get(newapi_emu.base_url + f"/v1/videos/{video['id']}/content").status_code == 401
        flat = c.get(f"/v1/video/generations/{video['id']}?shape=flat").json()
        assert flat["status"] == "completed" and flat["url"]


def test_newapi_errors_multipart_and_list(newapi_emu) -> None:
    with httpx.Client(base_url=newapi_emu.base_url, headers=NA_HEADERS) as c:
        r = c.post("/v1/videos", json={"prompt": "x"}, headers={"Authorization": "Bearer sk-bad"})
        assert r.status_code == 401 and r.json()["error"]["type"] == "new_api_error"
        r = c.post("/v1/videos", json={"prompt": "x"}, headers={"Authorization": "Bearer sk-poor"})
        assert (r.status_code, r.json()["code"]) == (403, "insufficient_user_quota")
        r = c.post("/v1/videos", json={"prompt": "x"}, headers={"Authorization": "Bearer sk-ratelimit"})
        assert r.status_code == 429 and "饱和" in r.json()["message"] and r.headers["retry-after"] == "1"
        r = c.post("/v1/video/generations", json={"model": "kling-v1"})
        assert (r.status_code, r.json()["code"]) == (400, "invalid_request")
        r = c.get("/v1/video/generations/task_nope")
        assert (r.status_code, r.json()["code"]) == (400, "task_not_exist")
        assert c.get("/v1/videos/task_nope/content").status_code == 404
        r = c.post(
            "/v1/videos",
            data={"prompt": "from file", "model": "sora-2", "seconds": "4", "size": "720x1280"},
            files={"input_reference": ("ref.png", b"\x89PNG fake", "image/png")},
        )
        assert r.status_code == 200
        vid = r.json()["id"]
        assert newapi_emu.tasks[vid].extra["input_reference"]["filename"] == "ref.png"
        r = c.get(f"/v1/videos/{vid}/content")
        assert r.status_code == 400 and "not completed" in r.json()["error"]["message"]
        newer = c.post("/v1/videos", json={"prompt": "second", "model": "sora-2"}).json()["id"]
        listed = c.get("/v1/videos").json()
        assert listed["object"] == "list"
        assert [v["id"] for v in listed["data"]] == [newer, vid]


def test_newapi_flat_shape_option() -> None:
    from tests.emulators.newapi import NewApiEmulator

    with (
        NewApiEmulator(poll_shape="flat", ticks_queued=0, ticks_running=0) as emu,
        httpx.Client(base_url=emu.base_url, headers=NA_HEADERS) as c,
    ):
        tid = c.post("/v1/video/generations", json={"model": "viduq1", "prompt": "#fail"}).json()["id"]
        flat = c.get(f"/v1/video/generations/{tid}").json()
        assert flat["status"] == "failed" and flat["error"]["message"]


# ------------------------------------------------------------------------------------ pixverse


def px_headers(key: str = "sk-ok") -> dict[str, str]:
    return {"API-KEY": key, "Ai-trace-id": str(uuid.uuid4())}


def px_upload(c: httpx.Client) -> int:
    r = c.post(
        "/openapi/v2/image/upload",
        headers=px_headers(),
        files={"image": ("a.png", b"\x89PNG fake", "image/png")},
    )
    assert r.status_code == 200 and r.json()["ErrCode"] == 0, r.text
    return r.json()["Resp"]["img_id"]


def px_generate(c: httpx.Client, img_id: int, key: str = "sk-ok", **fields: object) -> dict:
    body = {"model": "v5", "img_id": img_id, "prompt": "a kite", "quality": "720p", "duration": 5, **fields}
    return c.post("/openapi/v2/video/img/generate", headers=px_headers(key), json=body).json()


def test_pixverse_upload_generate_poll(pixverse_emu) -> None:
    with httpx.Client(base_url=pixverse_emu.base_url) as c:
        img_id = px_upload(c)
        by_url = c.post(
            "/openapi/v2/image/upload", headers=px_headers(), data={"image_url": "https://example.com/a.png"}
        )
        assert by_url.json()["Resp"]["img_id"] != img_id
        created = px_generate(c, img_id)
        assert created["ErrCode"] == 0
        video_id = created["Resp"]["video_id"]
        assert isinstance(video_id, int)
        statuses = []
        for _ in range(4):
            resp = c.get(f"/openapi/v2/video/result/{video_id}", headers=px_headers()).json()["Resp"]
            statuses.append(resp["status"])
        assert statuses == [5, 5, 5, 1]
        assert httpx.get(resp["url"]).content == small_mp4()
    traces = pixverse_emu.trace_ids
    assert len(traces) == len(set(traces)) == 7 and pixverse_emu.reused_trace_ids == []


def test_pixverse_errors(pixverse_emu) -> None:
    with httpx.Client(base_url=pixverse_emu.base_url) as c:
        img_id = px_upload(c)
        assert px_generate(c, img_id, key="")["ErrCode"] == 10004
        assert px_generate(c, img_id, key="sk-poor")["ErrCode"] == 500090
        assert px_generate(c, img_id, prompt="x #moderate-submit")["ErrCode"] == 500063
        assert px_generate(c, img_id, prompt="x #moderate-image")["ErrCode"] == 500054
        assert px_generate(c, img_id, prompt="x #concurrency")["ErrCode"] == 500044
        assert px_generate(c, img_id, prompt="x #high-load")["ErrCode"] == 500069
        assert px_generate(c, img_id, duration=8, motion_mode="fast", model="v4")["ErrCode"] == 400017
        assert px_generate(c, img_id, quality="1080p", duration=10, model="v5.5")["ErrCode"] == 400017
        assert px_generate(c, img_id, duration=13, model="v6")["ErrCode"] == 0
        assert px_generate(c, 424242)["ErrCode"] == 400032
        bad_trace = {"API-KEY": "sk-ok", "Ai-trace-id": "not-a-uuid"}
        r = c.post("/openapi/v2/video/img/generate", headers=bad_trace, json={})
        assert r.json()["ErrCode"] == 400017
        r = c.post(
            "/openapi/v2/video/img/generate",
            headers=px_headers("sk-ratelimit"),
            json={"model": "v5", "img_id": img_id, "prompt": "p", "quality": "720p", "duration": 5},
        )
        assert r.status_code == 429 and r.headers["retry-after"] == "1"
        r = c.post(
            "/openapi/v2/video/img/generate",
            headers=px_headers(),
            json={"model": "v5", "img_id": img_id, "prompt": "#502-submit", "quality": "720p", "duration": 5},
        )
        assert r.status_code == 502
        assert c.get("/openapi/v2/video/result/1", headers=px_headers()).json()["ErrCode"] == 500008
        for prompt, final in (("#moderate-result", 7), ("#fail", 8), ("#deleted", 6)):
            vid = px_generate(c, img_id, prompt=prompt)["Resp"]["video_id"]
            polls = [c.get(f"/openapi/v2/video/result/{vid}", headers=px_headers()) for _ in range(4)]
            assert polls[-1].json()["Resp"]["status"] == final
        big = c.post(
            "/openapi/v2/image/upload",
            headers=px_headers(),
            files={"image": ("a.gif", b"GIF89a", "image/gif")},
        )
        assert big.json()["ErrCode"] == 500032


# ------------------------------------------------------------------------------------ aisphere


def as_body(**fields: object) -> dict:
    body = {
        "model": "aisphere-v5",
        "_action": "i2v",
        "prompt": "a lighthouse",
        "image": {"imageUrl": "https://example.com/l.png"},
        "duration": 5,
        "resolution": "720p",
    }
    return {**body, **fields}


def test_aisphere_happy_path_and_validation(aisphere_emu) -> None:
    with httpx.Client(base_url=aisphere_emu.base_url, headers=NA_HEADERS) as c:
        r = c.post("/api/v1/video/generation", json=as_body())
        assert r.status_code == 200 and r.json()["code"] == 0
        task_id = r.json()["data"]["task_id"]
        seen = [c.get(f"/api/v1/video/generation/{task_id}").json()["data"] for _ in range(4)]
        assert [d["task_status"] for d in seen] == ["pending", "processing", "processing", "succeeded"]
        assert httpx.get(seen[-1]["urls"][0]).content == small_mp4()
        assert seen[-1]["expired"]
        assert c.post("/api/v1/video/generation", json=as_body(_action="t2v")).json()["code"] == 400
        fast_8 = as_body(motionMode="fast", duration=8)
        assert c.post("/api/v1/video/generation", json=fast_8).status_code == 400
        assert c.post("/api/v1/video/generation", json=as_body(duration=10)).status_code == 400
        assert (
            c.post("/api/v1/video/generation", json=as_body(model="aisphere-v5.5", duration=10)).json()[
                "code"
            ]
            == 0
        )
        ref = as_body(characterImages=[{"imageUrl": "https://e/x.png", "type": "subject"}])
        assert c.post("/api/v1/video/generation", json=ref).json()["code"] == 0
        # seed 003: image* is required in every mode, reference included
        assert c.post("/api/v1/video/generation", json={**ref, "image": None}).status_code == 400
        assert c.post("/api/v1/video/generation", json={**ref, "model": "aisphere-v4"}).status_code == 400
        r = c.post("/api/v1/video/generation", json=as_body(), headers={"Authorization": "Bearer sk-bad"})
        assert r.status_code == 401 and r.json()["code"] != 0
        assert c.get("/api/v1/video/generation/nope").json()["code"] == 404


def test_aisphere_status_words_are_configurable() -> None:
    from tests.emulators.aisphere import AiSphereEmulator

    with (
        AiSphereEmulator(status_words="upper", ticks_queued=0, ticks_running=1) as emu,
        httpx.Client(base_url=emu.base_url, headers=NA_HEADERS) as c,
    ):
        ok = c.post("/api/v1/video/generation", json=as_body()).json()["data"]["task_id"]
        bad = c.post("/api/v1/video/generation", json=as_body(prompt="#fail")).json()["data"]["task_id"]
        words = [c.get(f"/api/v1/video/generation/{ok}").json()["data"]["task_status"] for _ in range(2)]
        assert words == ["RUNNING", "SUCCESS"]
        for _ in range(2):
            last = c.get(f"/api/v1/video/generation/{bad}").json()
        assert last["data"]["task_status"] == "FAILURE" and last["message"]


# ------------------------------------------------------------------------------------ uniall


def test_uniall_job_flow_and_validation(uniall_emu) -> None:
    body = {
        "model": "viduq3p-720p",
        "prompt": "a boat",
        "image": "https://example.com/h.png",
        "last_image": "https://example.com/t.png",
        "duration": "6",
        "extra_body": {"audio": False, "seed": 42},
    }
    with httpx.Client(base_url=uniall_emu.base_url, headers=NA_HEADERS) as c:
        job = c.post("/v1/video/generations", json=body).json()
        assert job["object"] == "video.generation.job" and job["status"] == "queued"
        assert uniall_emu.tasks[job["id"]].extra["extra_body"] == {"audio": False, "seed": 42}
        seen = [c.get(f"/v1/videos/{job['id']}").json() for _ in range(3)]
        seen.append(c.get(f"/v1/video/generations/{job['id']}").json())
        assert [s["status"] for s in seen] == ["queued", "in_progress", "in_progress", "completed"]
        assert seen[-1]["result"]["outputs"] == [seen[-1]["video_url"]]
        assert httpx.get(seen[-1]["video_url"]).content == small_mp4()

        def post(**over: object) -> httpx.Response:
            return c.post("/v1/video/generations", json={**body, **over})

        assert post(image=None).status_code == 400  # last_image alone
        assert post(duration=17).status_code == 400
        assert post(model="viduq3t-540p", reference_image_urls=["https://e/1.png"]).status_code == 400
        assert post(model="viduq3p-mix-720p", reference_image_urls=["https://e/x.png"] * 5).status_code == 400
        assert post(model="viduq3p-mix-720p", reference_image_urls=["https://e/x.png"] * 4).status_code == 200
        assert post(model="viduq3p-1080p-offpeak").status_code == 200
        assert post(model="viduq9").status_code == 400
        r = c.post("/v1/video/generations", json=body, headers={"Authorization": "Bearer sk-poor"})
        assert r.status_code == 402
        assert c.get("/v1/videos/task_nope").status_code == 404
        mod = post(prompt="#moderate-result").json()["id"]
        for _ in range(4):
            last = c.get(f"/v1/videos/{mod}").json()
        assert last["status"] == "failed" and last["error"]["code"] == "CreationPolicyViolation"


# ------------------------------------------------------------------------------------ SDKs


def test_dashscope_sdk_completes_a_task(dashscope_emu, monkeypatch: pytest.MonkeyPatch) -> None:
    import dashscope
    from dashscope import VideoSynthesis

    dashscope_emu.ticks_queued, dashscope_emu.ticks_running = 0, 1
    monkeypatch.setattr(dashscope, "base_http_api_url", dashscope_emu.base_url + "/api/v1")
    created = VideoSynthesis.async_call(
        model="wan2.5-i2v-preview",
        prompt="a red fox",
        img_url="https://example.com/fox.png",
        resolution="480P",
        duration=5,
        api_key=KEY_OK,
    )
    assert created.status_code == 200, created
    done = VideoSynthesis.wait(created, api_key=KEY_OK)
    assert done.status_code == 200, done
    assert done.output.task_status == "SUCCEEDED"
    assert httpx.get(done.output.video_url).content == small_mp4()
    sent = dashscope_emu.submits[0]
    assert sent.path == "/api/v1/services/aigc/video-generation/video-synthesis"
    assert sent.json["parameters"] == {"resolution": "480P", "duration": 5}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_openai_sdk_create_and_poll_then_download(newapi_emu) -> None:
    import openai

    newapi_emu.poll_after_ms = 20
    client = openai.OpenAI(base_url=newapi_emu.base_url + "/v1", api_key=KEY_OK, max_retries=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        video = client.videos.create_and_poll(model="sora-2", prompt="a paper boat")
        assert video.status == "completed"
        content = client.videos.download_content(video.id)
    assert content.read() == small_mp4()
    assert newapi_emu.submits[0].headers["authorization"] == "Bearer sk-ok"


# ------------------------------------------------------------------------------------ lifecycle


def test_stop_leaves_no_threads_or_port_behind_even_with_idle_keep_alive() -> None:
    import socket
    import threading

    from tests.emulators.newapi import NewApiEmulator

    before = set(threading.enumerate())
    emu = NewApiEmulator().start()
    client = httpx.Client(base_url=emu.base_url, headers=NA_HEADERS)
    client.post("/v1/videos", json={"prompt": "x"})  # leaves an idle keep-alive connection open
    assert httpx.head(emu.foreign.base_url + "/files/x.mp4").headers["content-length"]
    port = emu.port
    emu.stop()
    client.close()
    assert set(threading.enumerate()) - before == set()
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))


def test_stop_waits_for_handler_threads_that_are_slow_to_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """Handler threads are daemons, which server_close() does not join: stop() joins them itself,
    so nothing of the server is still running when it returns."""
    import threading
    import time

    from tests.emulators.newapi import NewApiEmulator
    from tests.emulators.wire import LoopbackServer

    track = LoopbackServer.track

    def slow_to_forget(self: LoopbackServer, conn: object, add: bool) -> None:
        if not add:
            time.sleep(0.3)  # a handler's last act, once its connection has closed
        track(self, conn, add)  # type: ignore[arg-type]

    monkeypatch.setattr(LoopbackServer, "track", slow_to_forget)
    before = set(threading.enumerate())
    emu = NewApiEmulator().start()
    with httpx.Client(base_url=emu.base_url, headers=NA_HEADERS) as client:
        client.post("/v1/videos", json={"prompt": "x"})
        emu.stop()
    assert set(threading.enumerate()) - before == set()


# ------------------------------------------------------------------------------------ out of process


def test_out_of_process_entry_point() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.emulators", "newapi", "--seconds-running", "0", "--stdin"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().split()
        assert line[0] == "READY"
        r = httpx.post(line[1] + "/v1/videos", json={"prompt": "x"}, headers=NA_HEADERS)
        assert r.status_code == 200
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        assert proc.wait(10) == 0
