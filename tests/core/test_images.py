"""core.media.images: every bad input is refused with a readable message; awkward good ones are fixed."""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageFile

from core.errors import ErrorKind, InvalidInput
from core.media.images import (
    MIN_SIDE,
    ImageInfo,
    ImageLimits,
    PreparedImage,
    check_limits,
    inspect_image,
    prepare_image,
    will_downscale,
)
from tests.data.make_bad_images import write_awkward_inputs, write_bad_inputs

DEFAULT = ImageLimits()
ASPECT = ImageLimits(min_aspect=0.4, max_aspect=2.5)

# case -> (corpus entry, limits, what the message must say)
BAD_CASES: dict[str, tuple[str, ImageLimits, str]] = {
    "empty file": ("empty.png", DEFAULT, r"is empty \(0 bytes\)"),
    "truncated PNG": ("truncated.png", DEFAULT, r"incomplete: the image data ends early"),
    "truncated JPEG": ("truncated.jpg", DEFAULT, r"incomplete: the image data ends early"),
    "JPEG without end marker": ("no_end_marker.jpg", DEFAULT, r"incomplete"),
    "corrupt PNG data": ("corrupt_data.png", DEFAULT, r"is damaged"),
    "stale PNG checksum": ("bad_checksum.png", DEFAULT, r"damaged: a checksum .* does not match"),
    "PNG signature only": (
        "signature_only.png",
        DEFAULT,
        r"looks like a PNG image but its header is damaged",
    ),
    "JPEG start only": ("jpeg_start_only.jpg", DEFAULT, r"looks like a JPEG image but its header is damaged"),
    "PDF renamed .png": ("document.png", DEFAULT, r"is a PDF document, not an image"),
    "text renamed .jpg": ("notes.jpg", DEFAULT, r"is a text file, not an image"),
    "SVG": ("drawing.svg", DEFAULT, r"SVG is not supported, export it as PNG"),
    "SVG renamed .png": ("drawing_svg.png", DEFAULT, r"SVG is not supported, export it as PNG"),
    "HTML page named .webp": ("page.webp", DEFAULT, r"is a web page \(HTML\), not an image"),
    "animated GIF": ("animated.gif", DEFAULT, r"is an animated GIF; animations are not supported"),
    "still GIF": ("still.gif", DEFAULT, r"GIF is not supported, save it as PNG or JPEG"),
    "animated WebP": ("animated.webp", DEFAULT, r"is an animated WebP with 3 frames"),
    "animated PNG": ("animated.png", DEFAULT, r"is an animated PNG \(APNG\) with 3 frames"),
    "zero-width PNG header": ("zero_width.png", DEFAULT, r"zero width or height"),
    "20000x20000 PNG bomb": ("bomb.png", DEFAULT, r"too large: 20000×20000 pixels \(400 megapixels\)"),
    "60000x60000 JPEG header": ("bomb.jpg", DEFAULT, r"too large: 60000×60000 pixels"),
    "1x1 image": ("one_pixel.png", DEFAULT, rf"too small: 1×1 pixels; .* at least {MIN_SIDE} pixels"),
    "below half of min_side": (
        "small.png",
        ImageLimits(min_side=512),
        r"too small: 100×100 pixels; this model needs at least 512 pixels",
    ),
    "10000x10 strip": ("strip.png", DEFAULT, r"too small: 10000×10 pixels"),
    "10000x10 strip, aspect limits": (
        "strip.png",
        ASPECT,
        r"too wide for this model: .*aspect ratio of 1000",
    ),
    "too wide": ("wide.png", ASPECT, r"too wide for this model: 3000×1000 has an aspect ratio of 3\.00"),
    "too tall": ("narrow.png", ImageLimits(min_aspect=0.5), r"too tall for this model: 300×900"),
    "narrow after downscale": ("band.png", ImageLimits(min_side=64), r"too long and narrow: 8000×100"),
    "min and max side clash": (
        "narrow.png",
        ImageLimits(min_side=400, max_side=1000),
        r"cannot fit this model",
    ),
    "cannot fit max_bytes": (
        "noise.png",
        ImageLimits(max_bytes=5000, min_side=500),
        r"cannot be made smaller than 5 KB",
    ),
    "random bytes": ("random.jpg", DEFAULT, r"is not an image ClipDesk can read"),
    "TIFF": ("scan.tiff", DEFAULT, r"is a TIFF file; ClipDesk reads PNG, JPEG, WebP and BMP"),
    "video": ("clip.mp4", DEFAULT, r"is a video file, not an image"),
    "ZIP renamed .png": ("archive.png", DEFAULT, r"is a compressed archive, not an image"),
    "directory": ("a_folder.png", DEFAULT, r"a_folder\.png is a folder, not an image file"),
    "missing file": ("missing.png", DEFAULT, r"Image file not found: .*missing\.png"),
    "data URI, bad base64": (
        "data_bad_base64",
        DEFAULT,
        r"data: URI\) is damaged: its data is not valid base64",
    ),
    "data URI, no comma": ("data_no_comma", DEFAULT, r"data: URI\) is malformed"),
    "data URI, empty": ("data_empty", DEFAULT, r"data: URI\) contains no data"),
    "data URI, text": ("data_text", DEFAULT, r"data: URI\) is a text file, not an image"),
    "data URI, percent-encoded SVG": ("data_svg", DEFAULT, r"data: URI\) is an SVG drawing"),
    "data URI, truncated PNG": ("data_truncated_png", DEFAULT, r"data: URI\) is incomplete"),
    "ftp link": ("ftp_link", DEFAULT, r"cannot fetch images from ftp: links"),
    "blank source": ("blank", DEFAULT, r"No image was given"),
}

# Refused from the header alone, so inspect_image refuses them too.
HEADER_REFUSALS = [
    "empty.png",
    "signature_only.png",
    "document.png",
    "notes.jpg",
    "drawing.svg",
    "page.webp",
    "animated.gif",
    "still.gif",
    "animated.webp",
    "animated.png",
    "zero_width.png",
    "bomb.png",
    "bomb.jpg",
    "random.jpg",
    "scan.tiff",
    "a_folder.png",
    "missing.png",
]


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return write_bad_inputs(tmp_path_factory.mktemp("bad"))


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return write_awkward_inputs(tmp_path_factory.mktemp("awkward"))


def decode(prepared: PreparedImage) -> Image.Image:
    img = Image.open(io.BytesIO(prepared.data))
    img.load()
    return img


# --- refusals ------------------------------------------------------------------------------------


def test_corpus_is_big_enough(bad: dict[str, str]) -> None:
    assert len({entry for entry, _, _ in BAD_CASES.values()}) >= 20
    assert set(entry for entry, _, _ in BAD_CASES.values()) <= set(bad)


@pytest.mark.parametrize("case", list(BAD_CASES))
def test_bad_input_is_refused_with_a_readable_message(bad: dict[str, str], case: str) -> None:
    entry, limits, expected = BAD_CASES[case]
    with pytest.raises(InvalidInput) as caught:
        prepare_image(bad[entry], limits, field="last_image")
    error = caught.value
    assert error.kind is ErrorKind.INVALID_INPUT
    assert error.field == "last_image"
    assert re.search(expected, error.message), error.message
    assert "\n" not in error.message
    assert error.message[0].isupper() or error.message[0] in '"/'
    if not entry.startswith(("data_", "ftp_", "blank")):
        assert entry in error.message  # the file is named


@pytest.mark.skipif(importlib.util.find_spec("pillow_heif") is not None, reason="pillow_heif reads HEIC")
def test_heic_needs_the_optional_package(bad: dict[str, str]) -> None:
    with pytest.raises(InvalidInput, match=r"HEIC/HEIF photo; reading it needs the optional pillow-heif"):
        prepare_image(bad["photo.heic"], DEFAULT)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.png"
    os.mkfifo(pipe)
    with pytest.raises(InvalidInput, match=r"is not a regular file"):
        prepare_image(str(pipe), DEFAULT)


def test_truncation_is_never_tolerated(bad: dict[str, str]) -> None:
    with pytest.raises(InvalidInput):
        prepare_image(bad["truncated.png"], DEFAULT)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_no_output_format_accepted(good: dict[str, str]) -> None:
    with pytest.raises(InvalidInput, match=r"cannot be converted to any format this model accepts"):
        prepare_image(good["cmyk.jpg"], ImageLimits(formats=("BMP",)))


# --- awkward inputs that must succeed ------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "mime"),
    [
        ("plain.png", "image/png"),
        ("upright.jpg", "image/jpeg"),
        ("png_content.jpg", "image/png"),  # wrong extension, real PNG content
        ("bitmap.bmp", "image/bmp"),
        ("lossy.webp", "image/webp"),
        ("stereo.mpo", "image/jpeg"),
        ("rgba.png", "image/png"),  # the provider takes alpha
    ],
)
def test_compliant_files_are_sent_unchanged(good: dict[str, str], entry: str, mime: str) -> None:
    prepared = prepare_image(good[entry], DEFAULT)
    assert prepared.data == Path(good[entry]).read_bytes()
    assert prepared.mime == mime
    assert not prepared.reencoded and not prepared.downscaled
    assert prepared.source == good[entry] and prepared.url is None
    assert (prepared.width, prepared.height) == Image.open(good[entry]).size


def test_cmyk_jpeg_becomes_rgb(good: dict[str, str]) -> None:
    prepared = prepare_image(good["cmyk.jpg"], DEFAULT)
    img = decode(prepared)
    assert prepared.mime == "image/jpeg" and prepared.reencoded
    assert img.mode == "RGB" and img.size == (160, 120)
    red, green, blue = img.getpixel((80, 60))  # type: ignore[misc]
    assert red > 200 and green < 60 and blue < 60


def test_16_bit_grey_png_is_scaled_not_clipped(good: dict[str, str]) -> None:
    prepared = prepare_image(good["gray16.png"], DEFAULT)
    img = decode(prepared).convert("L")
    assert prepared.mime == "image/jpeg"
    assert img.getpixel((2, 32)) < 20  # type: ignore[operator]
    assert 100 < img.getpixel((128, 32)) < 156  # type: ignore[operator]
    assert img.getpixel((253, 32)) > 235  # type: ignore[operator]


def test_48_bit_png_is_reencoded_to_8_bit(good: dict[str, str]) -> None:
    prepared = prepare_image(good["rgb48.png"], DEFAULT)
    img = decode(prepared)
    assert prepared.reencoded and img.mode == "RGB" and img.size == (64, 48)
    assert abs(img.getpixel((0, 0))[2] - 128) < 8  # type: ignore[index]


def test_alpha_is_flattened_onto_white_when_the_provider_takes_none(good: dict[str, str]) -> None:
    prepared = prepare_image(good["rgba.png"], ImageLimits(alpha=False))
    img = decode(prepared)
    assert prepared.mime == "image/jpeg" and img.mode == "RGB"
    assert min(img.getpixel((150, 50))) > 245  # type: ignore[arg-type]  # was transparent: white
    red, green, blue = img.getpixel((50, 50))  # type: ignore[misc]
    assert red > 240 and green < 20 and blue < 20


@pytest.mark.parametrize("entry", ["palette.png", "la.png", "opaque_rgba.png"])
def test_palette_and_grey_alpha_become_plain_rgb(good: dict[str, str], entry: str) -> None:
    prepared = prepare_image(good[entry], ImageLimits(alpha=False))
    img = decode(prepared)
    assert prepared.mime == "image/jpeg" and img.mode == "RGB"
    assert "transparency" not in img.info


def test_transparency_is_kept_as_png_when_allowed(good: dict[str, str]) -> None:
    prepared = prepare_image(good["rgba.png"], ImageLimits(max_side=100))
    img = decode(prepared)
    assert prepared.mime == "image/png" and img.mode == "RGBA" and img.size == (100, 50)
    assert prepared.downscaled
    assert img.getpixel((75, 25))[3] == 0  # type: ignore[index]
    assert img.getpixel((25, 25))[3] == 255  # type: ignore[index]


def test_exif_rotation_is_applied_and_metadata_stripped(good: dict[str, str]) -> None:
    prepared = prepare_image(good["rotated.jpg"], DEFAULT)
    img = decode(prepared)
    assert (prepared.width, prepared.height) == (100, 200) == img.size
    assert prepared.reencoded and not prepared.downscaled
    assert "exif" not in img.info and "comment" not in img.info and "icc_profile" not in img.info
    assert not img.getexif()


def test_huge_photo_is_downscaled_under_max_bytes(good: dict[str, str]) -> None:
    limits = ImageLimits(max_side=4000, max_bytes=1_000_000)
    prepared = prepare_image(good["huge.jpg"], limits)
    assert prepared.downscaled and prepared.mime == "image/jpeg"
    assert len(prepared.data) <= limits.max_bytes
    assert max(prepared.width, prepared.height) <= 4000
    assert abs(prepared.width / prepared.height - 5 / 3) < 0.01
    assert decode(prepared).size == (prepared.width, prepared.height)


def test_bmp_is_converted_when_the_provider_refuses_it(good: dict[str, str]) -> None:
    prepared = prepare_image(good["bitmap.bmp"], ImageLimits(formats=("JPEG", "PNG")))
    assert prepared.mime == "image/jpeg" and prepared.reencoded
    assert decode(prepared).size == (90, 70)


def test_png_only_provider_gets_a_smaller_png(bad: dict[str, str]) -> None:
    limits = ImageLimits(formats=("PNG",), max_bytes=300_000)
    prepared = prepare_image(bad["noise.png"], limits)  # 600x600 of noise, ~1 MB as PNG
    assert prepared.mime == "image/png" and prepared.downscaled
    assert len(prepared.data) <= limits.max_bytes
    assert decode(prepared).format == "PNG"


def test_transparency_gives_way_when_the_png_is_too_big(bad: dict[str, str], tmp_path: Path) -> None:
    noisy = Image.open(bad["noise.png"]).convert("RGBA")
    noisy.putalpha(128)
    source = tmp_path / "noisy_alpha.png"
    noisy.save(source)
    limits = ImageLimits(max_bytes=400_000)
    prepared = prepare_image(str(source), limits)
    assert prepared.mime == "image/jpeg" and len(prepared.data) <= limits.max_bytes
    assert decode(prepared).mode == "RGB" and (prepared.width, prepared.height) == (600, 600)


def test_aspect_limits_are_inclusive(tmp_path: Path) -> None:
    source = tmp_path / "portrait.png"
    Image.new("RGB", (720, 1280), "gray").save(source)
    prepared = prepare_image(str(source), ImageLimits(min_aspect=9 / 16, max_aspect=16 / 9))
    assert (prepared.width, prepared.height) == (720, 1280) and not prepared.reencoded


def test_small_image_is_upscaled_up_to_twice(good: dict[str, str]) -> None:
    prepared = prepare_image(good["small.png"], ImageLimits(min_side=512))
    assert prepared.upscaled and not prepared.downscaled
    assert (prepared.width, prepared.height) == (512, 512) == decode(prepared).size


def test_data_uri_is_treated_like_the_file(good: dict[str, str]) -> None:
    from_uri = prepare_image(good["data_png"], DEFAULT)
    from_file = prepare_image(good["plain.png"], DEFAULT)
    assert from_uri.data == from_file.data and from_uri.mime == "image/png"
    assert from_uri.source == good["data_png"]


def test_links_are_passed_through_untouched(good: dict[str, str]) -> None:
    png = prepare_image(good["link_png"], ImageLimits(alpha=False))
    assert (png.data, png.mime, png.url, png.width, png.height) == (b"", "image/png", good["link_png"], 0, 0)
    assert png.as_reference() == good["link_png"]
    plain = prepare_image(good["link_plain"], DEFAULT)
    assert plain.mime == "image/jpeg" and plain.url == good["link_plain"]


def test_file_uri_is_read_as_a_path(good: dict[str, str]) -> None:
    prepared = prepare_image(Path(good["plain.png"]).as_uri(), DEFAULT)
    assert prepared.data == Path(good["plain.png"]).read_bytes()


def test_preparing_from_several_threads(good: dict[str, str]) -> None:
    entries = ["rotated.jpg", "cmyk.jpg", "rgba.png", "gray16.png", "palette.png", "bitmap.bmp"] * 3
    limits = ImageLimits(alpha=False, formats=("JPEG",))
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda e: prepare_image(good[e], limits), entries))
    assert all(r.mime == "image/jpeg" for r in results)
    assert results[0].data == results[6].data  # deterministic


# --- inspect_image, will_downscale, check_limits -------------------------------------------------


def test_inspect_reads_the_header(good: dict[str, str]) -> None:
    rotated = inspect_image(good["rotated.jpg"])
    assert (rotated.width, rotated.height, rotated.orientation) == (100, 200, 6)
    assert rotated.format == "JPEG" and rotated.mime == "image/jpeg" and rotated.frames == 1
    assert rotated.bytes == Path(good["rotated.jpg"]).stat().st_size
    assert inspect_image(good["rgba.png"]).has_alpha
    assert not inspect_image(good["plain.png"]).has_alpha
    assert inspect_image(good["png_content.jpg"]).format == "PNG"
    assert inspect_image(good["stereo.mpo"]).format == "JPEG"


@pytest.mark.parametrize("entry", HEADER_REFUSALS)
def test_inspect_refuses_what_the_header_rules_out(bad: dict[str, str], entry: str) -> None:
    with pytest.raises(InvalidInput):
        inspect_image(bad[entry])


def test_will_downscale(good: dict[str, str]) -> None:
    huge = inspect_image(good["huge.jpg"])
    assert will_downscale(huge, DEFAULT)
    assert not will_downscale(huge, ImageLimits(max_side=5000))
    assert not will_downscale(inspect_image(good["plain.png"]), DEFAULT)


def test_check_limits_refuses_early() -> None:
    info = ImageInfo(width=3000, height=1000, format="PNG", bytes=1000, has_alpha=False)
    check_limits(info, DEFAULT)
    with pytest.raises(InvalidInput, match=r"The image is too wide"):
        check_limits(info, ASPECT)


# --- storing prepared images ---------------------------------------------------------------------


def test_save_and_load_round_trip(good: dict[str, str], tmp_path: Path) -> None:
    prepared = prepare_image(good["rotated.jpg"], DEFAULT)
    target = tmp_path / "task" / "image-0.jpg"
    prepared.save(target)
    meta = json.loads((tmp_path / "task" / "image-0.jpg.json").read_text())
    assert meta["mime"] == "image/jpeg" and meta["sha256"] == prepared.sha256
    loaded = PreparedImage.load(target, good["rotated.jpg"])
    assert loaded == prepared
    assert sorted(p.name for p in target.parent.iterdir()) == ["image-0.jpg", "image-0.jpg.json"]


def test_load_refuses_changed_bytes(good: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "image.png"
    prepare_image(good["plain.png"], DEFAULT).save(target)
    target.write_bytes(target.read_bytes()[:-1] + b"\x00")
    with pytest.raises(InvalidInput, match=r"changed or damaged since it was stored"):
        PreparedImage.load(target, good["plain.png"])


def test_load_without_sidecar_identifies_the_bytes(good: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "image.bin"
    prepare_image(good["rgba.png"], DEFAULT).save(target)
    (tmp_path / "image.bin.json").write_text("{not json")
    loaded = PreparedImage.load(target, "somewhere")
    assert (loaded.mime, loaded.width, loaded.height, loaded.source) == ("image/png", 200, 100, "somewhere")


def test_load_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"missing from the task folder"):
        PreparedImage.load(tmp_path / "gone.jpg", "x")


def test_link_survives_save_and_load(good: dict[str, str], tmp_path: Path) -> None:
    prepared = prepare_image(good["link_png"], DEFAULT)
    prepared.save(tmp_path / "ref")
    assert PreparedImage.load(tmp_path / "ref", good["link_png"]) == prepared


@pytest.mark.parametrize(
    ("url", "mime"),
    [
        ("https://cdn.example.com/shots/a.PNG", "image/png"),
        ("https://cdn.example.com/a.webp?sig=1.png", "image/webp"),  # the path decides, not the query
        ("https://cdn.example.com/a.jpeg", "image/jpeg"),
        ("https://cdn.example.com/render", "image/jpeg"),  # no extension: the common case
        ("https://cdn.example.com/doc.pdf", "image/jpeg"),  # not an image type: never passed on
    ],
)
def test_an_image_url_is_passed_on_with_the_type_its_name_says(url: str, mime: str) -> None:
    prepared = prepare_image(url, DEFAULT)
    assert (prepared.url, prepared.mime, prepared.data) == (url, mime, b"")


def test_a_tiny_image_is_told_the_models_own_minimum() -> None:
    """A 1×1 image for a model that needs 360 px: the message names 360, not the 16 px floor."""
    from core.errors import InvalidInput
    from core.media.images import ImageInfo, ImageLimits, check_limits

    info = ImageInfo(width=1, height=1, format="PNG", bytes=70, has_alpha=False)
    with pytest.raises(InvalidInput) as caught:
        check_limits(info, ImageLimits(min_side=360), label="tiny.png")
    assert "360" in caught.value.message
    assert "16" not in caught.value.message
