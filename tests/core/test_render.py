"""The offline renderer: container facts, metadata, and that the picture moves the way it says."""

from __future__ import annotations

import itertools
import json
import random
import time
from pathlib import Path

import av
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from core.errors import ClipDeskError, ErrorKind
from core.media.render import (
    ASPECT_RATIOS,
    CAMERA_MOVEMENTS,
    GENERATOR,
    RESOLUTIONS,
    RenderCancelled,
    RenderSpec,
    _cover_zoom,
    _font,
    cjk_font_path,
    render_video,
    view_at,
    wrap_text,
)

# ---------------------------------------------------------------------------------------------
# helpers


def structured_image(path: Path, size: tuple[int, int] = (1200, 800), seed: int = 7) -> Path:
    """Strong, unique structure everywhere: a two-way gradient with random shapes over it."""
    w, h = size
    rnd = random.Random(seed)
    r = Image.linear_gradient("L").resize(size)
    g = Image.linear_gradient("L").rotate(90).resize(size)
    img = Image.merge("RGB", (r, g, Image.radial_gradient("L").resize(size)))
    draw = ImageDraw.Draw(img)
    for _ in range(140):
        x, y = rnd.randrange(w), rnd.randrange(h)
        s = rnd.randrange(10, max(11, w // 8))
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        if rnd.random() < 0.5:
            draw.rectangle([x, y, x + s, y + s * rnd.uniform(0.3, 1.5)], fill=colour)
        else:
            draw.ellipse([x, y, x + s, y + s], outline=colour, width=max(2, s // 8))
    img.save(path)
    return path


def decode(path: Path) -> tuple[list[Image.Image], dict, dict]:
    with av.open(str(path)) as ic:
        v = ic.streams.video[0]
        info = {
            "codec": v.codec_context.name,
            "pix_fmt": v.codec_context.pix_fmt,
            "width": v.width,
            "height": v.height,
            "rate": v.average_rate,
            "frames_header": v.frames,
            "duration": (ic.duration or 0) / 1_000_000,
        }
        frames = [f.to_image() for f in ic.decode(video=0)]
        return frames, info, dict(ic.metadata)


def small_gray(img: Image.Image, factor: int = 4) -> Image.Image:
    return img.convert("L").resize((img.width // factor, img.height // factor), Image.Resampling.BOX)


def mad(a: Image.Image, b: Image.Image) -> float:
    return ImageStat.Stat(ImageChops.difference(a.convert("L"), b.convert("L"))).mean[0]


def shifted_mad(a: Image.Image, b: Image.Image, dx: int, dy: int) -> float:
    """How well ``b`` is ``a`` with its content moved by (dx, dy) pixels (overlap only)."""
    w, h = a.size
    ax0, ay0 = max(0, -dx), max(0, -dy)
    ax1, ay1 = min(w, w - dx), min(h, h - dy)
    pa = a.crop((ax0, ay0, ax1, ay1))
    pb = b.crop((ax0 + dx, ay0 + dy, ax1 + dx, ay1 + dy))
    return mad(pa, pb)


def best_shift(a: Image.Image, b: Image.Image, max_dx: int, max_dy: int) -> tuple[int, int]:
    candidates = [(dx, dy) for dx in range(-max_dx, max_dx + 1) for dy in range(-max_dy, max_dy + 1)]
    return min(candidates, key=lambda d: shifted_mad(a, b, *d))


def cover(img_path: Path, size: tuple[int, int]) -> Image.Image:
    """The reference: the source cropped to the output aspect (centre) and resized."""
    img = Image.open(img_path).convert("RGB")
    w, h = size
    box: tuple[float, float, float, float]
    if img.width / img.height > w / h:
        cw = img.height * w / h
        box = ((img.width - cw) / 2, 0.0, (img.width + cw) / 2, float(img.height))
    else:
        ch = img.width * h / w
        box = (0.0, (img.height - ch) / 2, float(img.width), (img.height + ch) / 2)
    return img.resize(size, Image.Resampling.LANCZOS, box=box)


def zoom_centre(img: Image.Image, zoom: float) -> Image.Image:
    w, h = img.size
    bw, bh = w / zoom, h / zoom
    return img.resize(
        (w, h), Image.Resampling.BILINEAR, box=((w - bw) / 2, (h - bh) / 2, (w + bw) / 2, (h + bh) / 2)
    )


@pytest.fixture(scope="module")
def still(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return structured_image(tmp_path_factory.mktemp("still") / "still.png")


@pytest.fixture(scope="module")
def still2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return structured_image(tmp_path_factory.mktemp("still2") / "still2.png", seed=99)


def render(tmp_path: Path, name: str = "out.mp4", **kw) -> tuple[list[Image.Image], dict, dict, RenderSpec]:
    kw.setdefault("resolution", "360p")
    kw.setdefault("duration", 1)
    spec = RenderSpec(**kw)
    out = tmp_path / name
    render_video(spec, out)
    frames, info, tags = decode(out)
    return frames, info, tags, spec


# ---------------------------------------------------------------------------------------------
# the spec


@pytest.mark.parametrize("resolution", list(RESOLUTIONS))
@pytest.mark.parametrize("aspect", list(ASPECT_RATIOS))
def test_sizes_are_even_and_match_aspect(resolution: str, aspect: str) -> None:
    spec = RenderSpec(resolution=resolution, aspect_ratio=aspect)
    w, h = spec.size
    assert w % 2 == 0 and h % 2 == 0
    assert min(w, h) == RESOLUTIONS[resolution]
    aw, ah = ASPECT_RATIOS[aspect]
    assert abs(w / h - aw / ah) < 0.01


def test_known_sizes() -> None:
    assert RenderSpec(resolution="720p").size == (1280, 720)
    assert RenderSpec(resolution="1080p", aspect_ratio="9:16").size == (1080, 1920)
    assert RenderSpec(resolution="360p", aspect_ratio="4:3").size == (480, 360)
    assert RenderSpec(resolution="540p", aspect_ratio="3:4").size == (540, 720)


@pytest.mark.parametrize(
    "kw",
    [
        {"resolution": "480p"},
        {"aspect_ratio": "21:9"},
        {"duration": 0},
        {"duration": 16},
        {"fps": 25},
        {"camera_movement": "barrel_roll"},
        {"last_image": Path("x.png")},
    ],
)
def test_spec_refuses_bad_values(kw: dict) -> None:
    with pytest.raises(ClipDeskError) as err:
        RenderSpec(**kw)
    assert err.value.kind == ErrorKind.INVALID_INPUT


def test_catalog_lists_every_move() -> None:
    from core.providers.catalog import load_catalog

    spec = load_catalog("local").spec("preview")
    assert spec.params["camera_movement"] == CAMERA_MOVEMENTS
    assert len(CAMERA_MOVEMENTS) == 15


# ---------------------------------------------------------------------------------------------
# camera paths (pure geometry)


def test_view_directions() -> None:
    from core.media.render import CAMERA_MOVES as M

    a = 16 / 9

    def ends(name: str):
        return view_at(M[name], 0.0, a), view_at(M[name], 1.0, a)

    s, e = ends("zoom_in")
    assert s.zoom == pytest.approx(1.0) and e.zoom == pytest.approx(1.3)
    s, e = ends("zoom_out")
    assert s.zoom > e.zoom
    for name in ("horizontal_left", "pan_left"):
        s, e = ends(name)
        assert e.cx < s.cx and e.cy == s.cy  # camera goes left
    for name in ("horizontal_right", "pan_right"):
        s, e = ends(name)
        assert e.cx > s.cx
    s, e = ends("vertical_up")
    assert e.cy < s.cy
    s, e = ends("vertical_down")
    assert e.cy > s.cy
    s, e = ends("crane_up")
    assert e.cy < s.cy and e.zoom < s.zoom
    s, e = ends("camera_rotation")
    assert s.angle == 0 and e.angle == pytest.approx(10) and e.zoom >= _cover_zoom(10, a)
    s, e = ends("fix_bg")
    assert s == e


@pytest.mark.parametrize("name", CAMERA_MOVEMENTS)
def test_views_stay_inside_and_move_smoothly(name: str) -> None:
    from core.media.render import CAMERA_MOVES

    a = 9 / 16
    views = [view_at(CAMERA_MOVES[name], i / 119, a) for i in range(120)]
    for v in views:
        half = 0.5 / v.zoom
        assert v.zoom >= _cover_zoom(v.angle, a) - 1e-9
        assert half - 1e-9 <= v.cx <= 1 - half + 1e-9 and half - 1e-9 <= v.cy <= 1 - half + 1e-9
    steps = [abs(b.zoom - c.zoom) + abs(b.cx - c.cx) + abs(b.cy - c.cy) + abs(b.angle - c.angle) / 100
             for b, c in itertools.pairwise(views)]  # fmt: skip
    if name != "fix_bg":
        # eased: it starts and ends slowly, and never lurches
        assert steps[0] < max(steps) / 10 and steps[-1] < max(steps) / 10
        top = max(steps)
        assert all(abs(b - c) <= top * 0.1 for b, c in itertools.pairwise(steps))


# ---------------------------------------------------------------------------------------------
# the video itself


def test_container_facts_and_metadata(tmp_path: Path, still: Path) -> None:
    calls: list[tuple[int, int]] = []
    spec = RenderSpec(
        resolution="360p", duration=2, fps=30, camera_movement="zoom_in", seed=5, prompt="a red fox 狐狸",
        first_image=still, metadata={"model": "preview", "generator": GENERATOR, "seed": "5"},
    )  # fmt: skip
    out = tmp_path / "fox.mp4"
    render_video(spec, out, progress=lambda d, n: calls.append((d, n)))
    frames, info, tags = decode(out)
    assert info["codec"] == "h264" and info["pix_fmt"] == "yuv420p"
    assert (info["width"], info["height"]) == (640, 360)
    assert len(frames) == 60 and info["frames_header"] == 60
    assert info["rate"] == 30
    assert info["duration"] == pytest.approx(2.0, abs=1e-3)
    assert tags["title"] == "a red fox 狐狸"
    assert tags["model"] == "preview" and tags["generator"] == GENERATOR and tags["seed"] == "5"
    settings = json.loads(tags["comment"])
    assert json.loads(tags["clipdesk"]) == settings
    assert settings["camera_movement"] == "zoom_in" and settings["fps"] == 30 and settings["width"] == 640
    assert calls == [(i, 60) for i in range(1, 61)]
    assert not list(tmp_path.glob("*.part"))


def test_zoom_in_magnifies_the_centre(tmp_path: Path, still: Path) -> None:
    frames, _info, _tags, spec = render(tmp_path, camera_movement="zoom_in", first_image=still)
    first, last = frames[0], frames[-1]
    ref = cover(still, spec.size)
    assert mad(first, ref) < 6  # starts on the whole (cover-cropped) picture
    w, h = spec.size
    centre = (w // 4, h // 4, 3 * w // 4, 3 * h // 4)
    zoomed, unzoomed = zoom_centre(first, 1.3).crop(centre), first.crop(centre)
    got = last.crop(centre)
    assert mad(got, zoomed) < 8
    assert mad(got, zoomed) < mad(got, unzoomed) / 2


def test_zoom_out_is_the_reverse(tmp_path: Path, still: Path) -> None:
    frames, _info, _tags, spec = render(tmp_path, camera_movement="zoom_out", first_image=still)
    w, h = spec.size
    centre = (w // 4, h // 4, 3 * w // 4, 3 * h // 4)
    got = frames[0].crop(centre)
    assert mad(got, zoom_centre(frames[-1], 1.3).crop(centre)) < mad(got, frames[-1].crop(centre)) / 2


@pytest.mark.parametrize(
    ("move", "sign_x", "sign_y"),
    [
        ("horizontal_left", +1, 0),  # camera left -> picture moves right
        ("horizontal_right", -1, 0),
        ("pan_left", +1, 0),
        ("vertical_up", 0, +1),  # camera up -> picture moves down
        ("vertical_down", 0, -1),
    ],
)
def test_translations_move_the_picture_the_documented_way(
    tmp_path: Path, still: Path, move: str, sign_x: int, sign_y: int
) -> None:
    frames, _info, _tags, spec = render(tmp_path, camera_movement=move, first_image=still)
    from core.media.render import CAMERA_MOVES

    a, b = small_gray(frames[0]), small_gray(frames[-1])
    # expected: the free margin (1 - 1/zoom of the picture) seen at that zoom, at 1/4 scale
    zoom = CAMERA_MOVES[move].zoom[0]
    travel = (1 - 1 / zoom) * zoom
    exp_x = sign_x * travel * spec.width / 4
    exp_y = sign_y * travel * spec.height / 4
    dx, dy = best_shift(a, b, round(abs(exp_x)) + 6, round(abs(exp_y)) + 6)
    assert abs(dx - exp_x) <= 2 and abs(dy - exp_y) <= 2, (dx, dy, exp_x, exp_y)
    assert shifted_mad(a, b, dx, dy) < 6


def test_camera_rotation_turns_the_picture_counter_clockwise(tmp_path: Path, still: Path) -> None:
    frames, _info, _tags, spec = render(tmp_path, camera_movement="camera_rotation", first_image=still)
    first, last = frames[0], frames[-1]
    z = _cover_zoom(10, spec.width / spec.height)
    w, h = spec.size
    centre = (w // 4, h // 4, 3 * w // 4, 3 * h // 4)
    ccw = zoom_centre(first.rotate(10, Image.Resampling.BILINEAR), z).crop(centre)  # PIL: +angle = CCW
    cw = zoom_centre(first.rotate(-10, Image.Resampling.BILINEAR), z).crop(centre)
    got = last.crop(centre)
    assert mad(got, ccw) < 10
    assert mad(got, ccw) < mad(got, cw) / 2


def test_fix_bg_is_static(tmp_path: Path, still: Path) -> None:
    frames, _info, _tags, spec = render(tmp_path, camera_movement="fix_bg", first_image=still)
    assert max(mad(frames[0], f) for f in frames[1:]) < 1.5
    assert mad(frames[0], cover(still, spec.size)) < 6


def test_first_last_dissolves_into_the_last_image(tmp_path: Path, still: Path, still2: Path) -> None:
    frames, _info, _tags, spec = render(
        tmp_path, duration=2, camera_movement="zoom_in", first_image=still, last_image=still2
    )
    assert len(frames) == 48
    a, b = cover(still, spec.size), cover(still2, spec.size)
    assert mad(frames[0], a) < 6 and mad(frames[0], b) > 20
    # it ends on the last image seen through the end of the (halved) zoom
    end, z = frames[-1], 1.3**0.5
    assert mad(end, zoom_centre(b, z)) < 8
    assert mad(end, zoom_centre(b, z)) < mad(end, zoom_centre(a, z)) / 3
    mid = frames[len(frames) // 2]
    assert mad(mid, a) > 8 and mad(mid, b) > 8  # a real dissolve, not a cut


def test_nine_sixteen_crops_instead_of_stretching(tmp_path: Path) -> None:
    src = Image.new("RGB", (1200, 800), "white")
    ImageDraw.Draw(src).ellipse([450, 250, 750, 550], fill="black")  # a 300 px circle, centred
    path = tmp_path / "circle.png"
    src.save(path)
    frames, info, _tags, _spec = render(
        tmp_path, aspect_ratio="9:16", camera_movement="fix_bg", first_image=path
    )
    assert (info["width"], info["height"]) == (360, 640)
    dark = frames[0].convert("L").point(lambda v: 255 if v < 128 else 0)
    bbox = dark.getbbox()
    assert bbox is not None
    x0, y0, x1, y1 = bbox
    assert abs((x1 - x0) - (y1 - y0)) <= 4  # still round
    assert abs((y1 - y0) - 240) <= 4  # 800 px tall source -> 640 px: scale 0.8


def test_transparent_source_is_flattened(tmp_path: Path) -> None:
    src = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    ImageDraw.Draw(src).rectangle([100, 100, 300, 200], fill=(255, 0, 0, 255))
    path = tmp_path / "alpha.png"
    src.save(path)
    frames, _info, _tags, _spec = render(tmp_path, camera_movement="fix_bg", first_image=path)
    corner = frames[0].getpixel((5, 5))
    assert isinstance(corner, tuple) and max(corner) < 30  # transparent -> black
    middle = frames[0].getpixel((320, 180))
    assert isinstance(middle, tuple) and middle[0] > 200 and middle[1] < 40


@pytest.mark.parametrize("move", CAMERA_MOVEMENTS)
def test_every_move_renders(tmp_path: Path, still: Path, move: str) -> None:
    frames, info, tags, _spec = render(tmp_path, camera_movement=move, first_image=still, fps=24)
    assert len(frames) == 24 and info["duration"] == pytest.approx(1.0, abs=1e-3)
    moved = mad(frames[0], frames[-1])
    assert (moved < 1.5) if move == "fix_bg" else (moved > 3)
    assert json.loads(tags["comment"])["camera_movement"] == move


# ---------------------------------------------------------------------------------------------
# the title card


def test_a_cjk_font_is_found_and_draws_real_glyphs() -> None:
    path = cjk_font_path()
    assert path is not None
    font = _font(40)
    zhong, guo = font.getmask("中"), font.getmask("国")
    assert zhong.getbbox() is not None
    assert bytes(zhong) != bytes(guo)  # two different glyphs, not two "missing glyph" boxes


def test_without_a_system_cjk_font_the_title_card_draws_with_the_bundled_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import core.media.render as render

    monkeypatch.setattr(render, "_run_fc", lambda args: "")  # fontconfig finds nothing
    monkeypatch.setattr(render, "_FONT_FALLBACKS", ())
    cjk_font_path.cache_clear()
    try:
        assert cjk_font_path() == str(render.BUNDLED_CJK_FONT)
        font = _font(40)
        zhong, guo = font.getmask("中"), font.getmask("国")
        assert zhong.getbbox() is not None and bytes(zhong) != bytes(guo)
    finally:
        cjk_font_path.cache_clear()


def test_wrap_text_breaks_latin_at_spaces_and_cjk_anywhere() -> None:
    lines = wrap_text("the quick brown fox jumps", lambda s: len(s), 10)
    assert lines == ["the quick", "brown fox", "jumps"]
    lines = wrap_text("一只猫在月光下的屋顶上散步", lambda s: len(s), 5)
    assert lines == ["一只猫在月", "光下的屋顶", "上散步"]
    assert wrap_text("a\n\nb", lambda s: len(s), 10) == ["a", "", "b"]
    assert wrap_text("abcdefghijkl", lambda s: len(s), 5) == ["abcde", "fghij", "kl"]


def test_text_card_renders_a_chinese_prompt(tmp_path: Path) -> None:
    prompt = "一只橘猫在月光下的屋顶上慢慢散步，远处是城市的灯火。" * 3
    frames, _info, tags, _spec = render(tmp_path, prompt=prompt, camera_movement="fix_bg", seed=3)
    assert len(frames) == 24 and tags["title"] == prompt
    _low, high = frames[0].convert("L").getextrema()
    assert isinstance(high, int) and high > 200  # white text is there
    again, *_ = render(tmp_path, name="again.mp4", prompt=prompt, camera_movement="fix_bg", seed=3)
    other, *_ = render(tmp_path, name="other.mp4", prompt=prompt, camera_movement="fix_bg", seed=4)
    assert mad(again[0], frames[0]) < 1  # the seed decides the colours
    assert mad(other[0], frames[0]) > 3


def test_text_card_can_move_too(tmp_path: Path) -> None:
    frames, *_ = render(tmp_path, prompt="Hello", camera_movement="zoom_in")
    assert mad(frames[0], frames[-1]) > 1


# ---------------------------------------------------------------------------------------------
# cancelling and failing


def test_cancel_stops_quickly_and_leaves_no_file(tmp_path: Path, still: Path) -> None:
    spec = RenderSpec(resolution="720p", duration=15, fps=30, camera_movement="zoom_in", first_image=still)
    out = tmp_path / "cancelled.mp4"
    seen: list[int] = []
    flagged: list[float] = []

    def cancel() -> bool:
        if len(seen) >= 5 and not flagged:
            flagged.append(time.monotonic())
        return bool(flagged)

    with pytest.raises(RenderCancelled):
        render_video(spec, out, progress=lambda d, n: seen.append(d), cancel=cancel)
    assert time.monotonic() - flagged[0] < 1.0
    assert len(seen) < 20
    assert list(tmp_path.iterdir()) == []


def test_a_bad_image_fails_and_leaves_no_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(Exception):  # noqa: B017 - Pillow's UnidentifiedImageError
        render_video(RenderSpec(resolution="360p", duration=1, first_image=bad), tmp_path / "x.mp4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.png"]
