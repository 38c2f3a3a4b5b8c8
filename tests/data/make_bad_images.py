"""A corpus of bad inputs for ``core.media.images``, and of awkward inputs that must still succeed.

Everything is made on the fly (the tests write it into a temporary folder), so no binary files
live in the repository. To look at the files by hand:

    .venv/bin/python tests/data/make_bad_images.py [folder]     # default: tests/data/bad

``write_bad_inputs`` and ``write_awkward_inputs`` return ``{case name: source}``, where the source
is what a creator would give ``prepare_image``: a path, a data: URI or a link.
"""

from __future__ import annotations

import base64
import io
import random
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXIF_ORIENTATION = 0x0112


# --- building blocks -----------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def crafted_png(width: int, height: int, bit_depth: int, color_type: int, idat: bytes) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return PNG_SIGNATURE + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def png_bomb(side: int = 20000) -> bytes:
    """A valid 1-bit greyscale PNG of side×side pixels that weighs a few tens of kilobytes."""
    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte + packed bits
    packer = zlib.compressobj(9)
    parts = [packer.compress(row * 500) for _ in range(side // 500)]
    parts.append(packer.compress(row * (side % 500)))
    parts.append(packer.flush())
    return crafted_png(side, side, 1, 0, b"".join(parts))


def rgb48_png(width: int = 64, height: int = 48) -> bytes:
    """A 16-bit-per-channel RGB PNG (Pillow reads it but cannot write one)."""
    rows = []
    for y in range(height):
        row = bytearray(b"\x00")
        for x in range(width):
            row += struct.pack(">HHH", x * 1000, y * 1000, 32768)
        rows.append(bytes(row))
    return crafted_png(width, height, 16, 2, zlib.compress(b"".join(rows)))


def stale_checksum_png(width: int = 64, height: int = 64) -> bytes:
    """A PNG whose pixels were altered after its IDAT checksum was computed.

    The zlib stream itself is valid, so decoding succeeds; only the chunk CRC tells.
    """
    raw = b"".join(b"\x00" + bytes(range(width)) * 3 for _ in range(height))
    altered = raw[:100] + bytes(40) + raw[140:]
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    bad_idat = zlib.compress(altered)
    stale_crc = zlib.crc32(b"IDAT" + zlib.compress(raw))
    idat = struct.pack(">I", len(bad_idat)) + b"IDAT" + bad_idat + struct.pack(">I", stale_crc)
    return PNG_SIGNATURE + png_chunk(b"IHDR", ihdr) + idat + png_chunk(b"IEND", b"")


def encoded(img: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def photo(size: tuple[int, int], noise: float = 30.0) -> Image.Image:
    """Something photo-like (gradients plus grain), so JPEG sizes are realistic."""
    ramp = Image.linear_gradient("L").resize(size)
    grain = Image.effect_noise(size, noise)
    return Image.merge("RGB", (ramp, grain, ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))


def noise_png(size: tuple[int, int] = (256, 256)) -> bytes:
    return encoded(Image.effect_noise(size, 60).convert("RGB"), "PNG")


def noise_jpeg(size: tuple[int, int] = (256, 256)) -> bytes:
    return encoded(Image.effect_noise(size, 60).convert("RGB"), "JPEG", quality=90)


def huge_jpeg_header(width: int = 60000, height: int = 60000) -> bytes:
    """A small real JPEG whose SOF marker claims width×height pixels."""
    data = bytearray(encoded(Image.new("RGB", (16, 16), "gray"), "JPEG"))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def frames(count: int, size: tuple[int, int] = (64, 64), mode: str = "RGB") -> list[Image.Image]:
    colours = ["red", "green", "blue", "yellow", "purple"]
    return [Image.new(mode, size, colours[i % len(colours)]) for i in range(count)]


def animated(fmt: str, count: int = 3) -> bytes:
    first, *rest = frames(count)
    return encoded(first, fmt, save_all=True, append_images=rest, duration=100, loop=0)


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def with_orientation(img: Image.Image, orientation: int, **params: object) -> bytes:
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    return encoded(img, "JPEG", exif=exif.tobytes(), **params)


# --- the corpus ----------------------------------------------------------------------------------


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Write every bad input into ``folder``; return {case: source}."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "empty.png": b"",
        "truncated.png": noise_png()[:30000],
        "truncated.jpg": noise_jpeg()[:20000],
        "no_end_marker.jpg": noise_jpeg()[:-2],
        "corrupt_data.png": _corrupt_middle(encoded(photo((256, 256), noise=0), "PNG")),
        "bad_checksum.png": stale_checksum_png(),
        "signature_only.png": PNG_SIGNATURE,
        "jpeg_start_only.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 40,
        "document.png": b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
        "notes.jpg": b"Shopping list\n- eggs\n- flour\n" * 10,
        "drawing.svg": (
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
            b'<circle cx="32" cy="32" r="30" fill="red"/></svg>\n'
        ),
        "drawing_svg.png": b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
        "page.webp": b"<!DOCTYPE html>\n<html><head><title>Image</title></head><body>Not found</body></html>",
        "animated.gif": animated("GIF"),
        "still.gif": encoded(Image.new("P", (64, 64), 3), "GIF"),
        "animated.webp": animated("WEBP"),
        "animated.png": animated("PNG"),
        "zero_width.png": crafted_png(0, 100, 8, 2, zlib.compress(b"")),
        "bomb.png": png_bomb(20000),
        "bomb.jpg": huge_jpeg_header(60000, 60000),
        "one_pixel.png": encoded(Image.new("RGB", (1, 1), "white"), "PNG"),
        "small.png": encoded(Image.new("RGB", (100, 100), "white"), "PNG"),
        "strip.png": encoded(Image.new("L", (10000, 10), 128), "PNG"),
        "band.png": encoded(Image.new("L", (8000, 100), 200), "PNG"),
        "wide.png": encoded(Image.new("RGB", (3000, 1000), "teal"), "PNG"),
        "narrow.png": encoded(Image.new("RGB", (300, 900), "teal"), "PNG"),
        "noise.png": noise_png((600, 600)),
        "random.jpg": random.Random(7).randbytes(4096),
        "scan.tiff": encoded(Image.new("RGB", (64, 64), "white"), "TIFF"),
        "photo.heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64,
        "clip.mp4": b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 64,
        "archive.png": b"PK\x03\x04" + b"\x00" * 60,
    }
    sources: dict[str, str] = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        sources[name] = str(path)
    directory = folder / "a_folder.png"
    directory.mkdir(exist_ok=True)
    sources["a_folder.png"] = str(directory)
    sources["missing.png"] = str(folder / "missing.png")
    sources["data_bad_base64"] = "data:image/png;base64,@@@ not base64 @@@"
    sources["data_no_comma"] = "data:image/png;base64"
    sources["data_empty"] = "data:image/png;base64,"
    sources["data_text"] = data_uri(b"just some words, not a picture", "image/png")
    sources["data_svg"] = "data:image/svg+xml,%3Csvg%20xmlns%3D%22http://www.w3.org/2000/svg%22%3E%3C/svg%3E"
    sources["data_truncated_png"] = data_uri(noise_png()[:30000])
    sources["ftp_link"] = "ftp://example.com/picture.png"
    sources["blank"] = "   "
    return sources


def write_awkward_inputs(folder: Path) -> dict[str, str]:
    """Write valid but awkward inputs that preparing must accept; return {case: source}."""
    folder.mkdir(parents=True, exist_ok=True)
    rgba = Image.new("RGBA", (200, 100), (255, 0, 0, 255))
    rgba.paste((0, 0, 255, 0), (100, 0, 200, 100))  # right half fully transparent
    palette = Image.new("P", (120, 80), 1)
    palette.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0] + [0] * (256 * 3 - 9))
    palette.paste(2, (60, 0, 120, 80))
    gray16 = (
        Image.linear_gradient("L")
        .transpose(Image.Transpose.ROTATE_90)
        .resize((256, 64))
        .convert("I")
        .point(lambda v: v * 257)
    )
    gray16 = gray16.convert("I;16")
    first, second = frames(2, (320, 240))
    files: dict[str, bytes] = {
        "cmyk.jpg": encoded(Image.new("CMYK", (160, 120), (0, 255, 255, 0)), "JPEG", quality=95),
        "gray16.png": encoded(gray16, "PNG"),
        "rgb48.png": rgb48_png(),
        "rgba.png": encoded(rgba, "PNG"),
        "opaque_rgba.png": encoded(Image.new("RGBA", (120, 90), (10, 200, 30, 255)), "PNG"),
        "palette.png": encoded(palette, "PNG", transparency=0),
        "la.png": encoded(Image.new("LA", (100, 60), (90, 128)), "PNG"),
        "rotated.jpg": with_orientation(photo((200, 100)), 6, comment=b"camera note"),
        "upright.jpg": with_orientation(photo((200, 100)), 1),
        "png_content.jpg": encoded(Image.new("RGB", (128, 96), "orange"), "PNG"),
        "huge.jpg": encoded(photo((5000, 3000), noise=12), "JPEG", quality=90),
        "bitmap.bmp": encoded(Image.new("RGB", (90, 70), "navy"), "BMP"),
        "lossy.webp": encoded(photo((160, 120)), "WEBP", quality=80),
        "stereo.mpo": encoded(first, "MPO", save_all=True, append_images=[second]),
        "small.png": encoded(Image.new("RGB", (300, 300), "pink"), "PNG"),
        "plain.png": encoded(Image.new("RGB", (128, 96), "olive"), "PNG"),
    }
    sources: dict[str, str] = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        sources[name] = str(path)
    sources["data_png"] = data_uri(files["plain.png"])
    sources["link_png"] = "https://cdn.example.com/pictures/cat.png?size=large"
    sources["link_plain"] = "https://example.com/render/12345"
    return sources


def _corrupt_middle(data: bytes) -> bytes:
    """Flip bytes inside the compressed pixel data, keeping the length and the header intact."""
    damaged = bytearray(data)
    for i in range(200, 400):
        damaged[i] ^= 0x5A
    return bytes(damaged)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "bad"
    bad = write_bad_inputs(target)
    good = write_awkward_inputs(target / "awkward")
    print(f"wrote {len(bad)} bad and {len(good)} awkward inputs under {target}")
