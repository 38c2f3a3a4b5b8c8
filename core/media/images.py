"""Input images, prepared to a provider's limits with Pillow before anything is sent.

``prepare_image`` is synchronous CPU work; callers run it off the event loop
(``asyncio.to_thread``). It never fetches anything: an http(s) URL is passed through as is.

What happens to a local file or a ``data:`` URI:

* The format is found from the content, never from the file name. PNG, JPEG (MPO included),
  WebP and BMP are read; HEIC/HEIF only when the optional ``pillow_heif`` package is importable.
  Everything else is refused with a message that says what the file is (PDF, SVG, web page, ...).
* Header checks come before any decoding: zero dimensions, more than :data:`MAX_PIXELS` pixels
  (decompression bombs), animations (APNG / animated WebP; GIF is refused as a format), aspect
  ratio outside the provider's range, images too small to use.
* The whole image is then decoded once (``load()``), so truncated or damaged files are refused
  here rather than at the provider. Pillow's ``LOAD_TRUNCATED_IMAGES`` is never changed.
* A file that already satisfies every limit (accepted format, 8-bit RGB/RGBA, no EXIF rotation
  pending, sides and bytes within limits, no transparency when the provider takes none) is sent
  byte for byte. Anything else is rotated per EXIF, converted to sRGB RGB(A), resized with
  LANCZOS and re-encoded without metadata: JPEG (quality 92, lowered, then scaled down until it
  fits ``max_bytes``), or PNG when real transparency must be kept and the PNG fits.

Small images: an image whose short side is below ``limits.min_side`` is upscaled when at most a
2x enlargement is needed (:data:`MAX_UPSCALE`) and refused otherwise; images under
:data:`MIN_SIDE` pixels on their short side are always refused, whatever the limits.
"""

from __future__ import annotations

import base64
import binascii
import functools
import glob
import hashlib
import io
import json
import math
import os
import posixpath
import re
import stat
import struct
import threading
import urllib.parse
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from PIL import Image, ImageFile, ImageOps

from core.errors import InvalidInput

try:  # littlecms is part of Pillow's wheels, but a source build may lack it
    from PIL import ImageCms
except ImportError:  # pragma: no cover - depends on the Pillow build
    ImageCms = None  # type: ignore[assignment]

# Refuse images above this many pixels before decoding them (a 100 MP image is ~300 MB of RGB).
MAX_PIXELS = 100_000_000
# Refuse local files and data: URIs larger than this before reading them into memory.
MAX_INPUT_BYTES = 200 * 1024 * 1024
# Never send an image whose short side is under this, whatever the provider's own minimum.
MIN_SIDE = 16
# An image below the provider's min_side is enlarged at most this much; smaller ones are refused.
MAX_UPSCALE = 2.0
# Aspect limits are compared with this relative slack, for float rounding only.
ASPECT_TOLERANCE = 1e-6
JPEG_QUALITIES = (92, 85, 75, 65)

# Formats read from a creator's files (Pillow names). HEIF joins when pillow_heif is importable.
INPUT_FORMATS = ("PNG", "JPEG", "WEBP", "BMP")
FORMAT_MIME = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "BMP": "image/bmp",
    "HEIF": "image/heic",
}
_ACCEPTED_TEXT = "PNG, JPEG, WebP and BMP"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
_ORIENTATION_TAG = 0x0112
_SWAPPING_ORIENTATIONS = {5, 6, 7, 8}
_URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+://")
_SIDECAR_VERSION = 1


@dataclass(frozen=True)
class ImageLimits:
    """What a provider accepts. Pillow format names."""

    formats: tuple[str, ...] = ("JPEG", "PNG", "WEBP", "BMP")
    max_bytes: int = 10 * 1024 * 1024
    max_side: int = 4000
    min_side: int = 1
    alpha: bool = True  # False: flatten transparency onto white before sending
    min_aspect: float | None = None  # width / height
    max_aspect: float | None = None


@dataclass
class PreparedImage:
    data: bytes  # encoded bytes ready to send (empty when passed through as a URL)
    mime: str
    width: int
    height: int
    source: str  # what the creator gave: a path or a URL
    url: str | None = None  # an http(s) URL passed through unchanged
    downscaled: bool = False
    upscaled: bool = False  # enlarged to reach the provider's minimum side
    reencoded: bool = False  # False: ``data`` are the original bytes, unchanged

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    def as_reference(self) -> str:
        """A URL when the creator gave one, else a data: URI."""
        return self.url or self.data_uri()

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the bytes to ``path`` and what describes them to ``path + ".json"``.

        Both files are written to a temporary name first and renamed, so a crash never leaves a
        half-written image behind a valid sidecar.
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        meta = {
            "version": _SIDECAR_VERSION,
            "mime": self.mime,
            "width": self.width,
            "height": self.height,
            "bytes": len(self.data),
            "sha256": self.sha256,
            "url": self.url,
            "downscaled": self.downscaled,
            "upscaled": self.upscaled,
            "reencoded": self.reencoded,
        }
        write_atomic(target, self.data)
        write_atomic(_sidecar(target), json.dumps(meta, indent=1).encode("utf-8"))

    @classmethod
    def load(cls, path: str | os.PathLike[str], source: str) -> PreparedImage:
        """Read back what :meth:`save` stored. Raises InvalidInput when it is missing or damaged.

        Without a readable sidecar the bytes are identified again from their content.
        """
        target = Path(path)
        label = _quote(target)
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise InvalidInput(f"The prepared image {target} is missing from the task folder.")
        except OSError as exc:
            raise InvalidInput(f"The prepared image {label} cannot be read: {exc.strerror or exc}.")
        meta: dict[str, Any] | None = None
        try:
            loaded = json.loads(_sidecar(target).read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                meta = loaded
        except (OSError, ValueError):
            meta = None
        if meta is not None:
            expected = meta.get("sha256")
            if isinstance(expected, str) and expected != hashlib.sha256(data).hexdigest():
                raise InvalidInput(
                    f"The prepared image {label} was changed or damaged since it was stored; "
                    "prepare the task's images again."
                )
            try:
                return cls(
                    data=data,
                    mime=str(meta["mime"]),
                    width=int(meta["width"]),
                    height=int(meta["height"]),
                    source=source,
                    url=meta.get("url") or None,
                    downscaled=bool(meta.get("downscaled", False)),
                    upscaled=bool(meta.get("upscaled", False)),
                    reencoded=bool(meta.get("reencoded", False)),
                )
            except (KeyError, TypeError, ValueError):
                pass  # an unreadable sidecar: identify the bytes themselves below
        if not data:
            raise InvalidInput(f"The prepared image {label} is empty.")
        with _opened(io.BytesIO(data), data[:4096], label, None) as (img, fmt):
            width, height = img.size
        return cls(data=data, mime=FORMAT_MIME[fmt], width=width, height=height, source=source)


@dataclass(frozen=True)
class ImageInfo:
    """What the header of an image file says; ``width``/``height`` as displayed (EXIF-rotated)."""

    width: int
    height: int
    format: str  # Pillow format name: PNG, JPEG, WEBP, BMP, HEIF
    bytes: int
    has_alpha: bool  # an alpha band or transparency information (it may still be fully opaque)
    frames: int = 1
    orientation: int = 1  # EXIF orientation, 1 when absent

    @property
    def mime(self) -> str:
        return FORMAT_MIME.get(self.format, "application/octet-stream")


# --- public helpers ------------------------------------------------------------------------------


def prepare_images(slots: dict[str, list[str]], limits: ImageLimits) -> dict[str, list[PreparedImage]]:
    """:func:`prepare_image` for each source, by the request field it came from (a job for the
    process pool: CPU-heavy, and picklable in and out)."""
    return {
        slot: [prepare_image(source, limits, field=slot) for source in sources]
        for slot, sources in slots.items()
        if sources
    }


def prepare_image(source: str, limits: ImageLimits, *, field: str | None = "image") -> PreparedImage:
    """Turn what the creator gave into bytes the provider accepts, or raise InvalidInput.

    ``field`` names the request field the image came from, for the error.
    """
    if not isinstance(source, str) or not source.strip():
        raise InvalidInput("No image was given.", field=field)
    text = source.strip()
    lowered = text.lower()
    if lowered.startswith(("http://", "https://")):
        return _pass_url(text, field)
    if lowered.startswith("data:"):
        data = _decode_data_uri(text, field)
        return _prepare_bytes(data, "The pasted image (data: URI)", source, limits, field)
    if lowered.startswith("file://"):
        import urllib.request  # (not with this module: ~20 ms, and few images come as file: links)

        parsed = urllib.parse.urlparse(text)
        text = urllib.request.url2pathname(parsed.path)
    elif _URL_SCHEME.match(text):
        scheme = text.split(":", 1)[0]
        raise InvalidInput(
            f"ClipDesk cannot fetch images from {scheme}: links; give a local file, an http(s) link "
            "or a data: URI.",
            field=field,
        )
    _, label, data = _read_file(text, field)
    return _prepare_bytes(data, label, source, limits, field)


def inspect_image(path: str) -> ImageInfo:
    """Read only the header of a local image file (fast, for GUI warnings).

    Raises InvalidInput for anything :func:`prepare_image` would refuse whatever the provider:
    missing or empty files, formats that are not read, animations, zero or huge dimensions.
    """
    target, label, size = _check_file(path, None)
    try:
        with open(target, "rb") as fp:
            head = fp.read(4096)
            with _opened(fp, head, label, None) as (img, fmt):
                width, height = img.size
                frames = _frame_count(img, fmt)
                _check_header(width, height, frames, fmt, label, None)
                orientation = _orientation(img, header_only=True)
                has_alpha = _has_alpha_band(img)
    except OSError as exc:
        raise InvalidInput(f"{label} cannot be read: {exc.strerror or exc}.")
    if orientation in _SWAPPING_ORIENTATIONS:
        width, height = height, width
    info = ImageInfo(
        width=width,
        height=height,
        format=fmt,
        bytes=size,
        has_alpha=has_alpha,
        frames=frames,
        orientation=orientation,
    )
    return info


def will_downscale(info: ImageInfo, limits: ImageLimits) -> bool:
    """True when preparing this image for these limits will make it smaller in pixels."""
    return max(info.width, info.height) > limits.max_side


def check_limits(
    info: ImageInfo, limits: ImageLimits, *, label: str = "The image", field: str | None = None
) -> None:
    """Raise InvalidInput when the image's geometry can never fit these limits (aspect, size).

    The GUI can call it on :func:`inspect_image`'s answer to refuse early; prepare_image repeats it.
    """
    _plan_size(info.width, info.height, limits, label, field)


# --- reading -------------------------------------------------------------------------------------


# An image URL's type from its extension. A table of our own: mimetypes reads the system's type
# files on first use (~50 ms), and what it knows differs between machines.
_URL_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".jpe": "image/jpeg",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".heic": "image/heic",
    ".heif": "image/heif",
    ".avif": "image/avif",
}


def _pass_url(url: str, field: str | None) -> PreparedImage:
    parsed = urllib.parse.urlparse(url)
    if not parsed.netloc:
        raise InvalidInput(f"{url!r} is not a valid web address.", field=field)
    mime = _URL_TYPES.get(posixpath.splitext(parsed.path)[1].lower(), "image/jpeg")
    return PreparedImage(data=b"", mime=mime, width=0, height=0, source=url, url=url)


def _decode_data_uri(uri: str, field: str | None) -> bytes:
    label = "The pasted image (data: URI)"
    if len(uri) > MAX_INPUT_BYTES * 4 // 3 + 1024:
        raise InvalidInput(f"{label} is larger than {_mb(MAX_INPUT_BYTES)}.", field=field)
    header, comma, payload = uri[5:].partition(",")
    if not comma:
        raise InvalidInput(f"{label} is malformed: there is no ',' before the data.", field=field)
    if header.lower().rstrip().endswith(";base64"):
        compact = re.sub(r"\s+", "", urllib.parse.unquote(payload))
        compact += "=" * (-len(compact) % 4)
        try:
            data = base64.b64decode(compact, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidInput(f"{label} is damaged: its data is not valid base64.", field=field)
    else:
        data = urllib.parse.unquote_to_bytes(payload)
    if not data:
        raise InvalidInput(f"{label} contains no data.", field=field)
    return data


def _check_file(raw: str, field: str | None) -> tuple[Path, str, int]:
    """Refuse what is not a readable, non-empty regular file; return its path, label and size."""
    try:
        target = Path(raw).expanduser()
        label = _quote(target)
        info = target.stat()
    except FileNotFoundError:
        raise InvalidInput(f"Image file not found: {raw}", field=field)
    except NotADirectoryError:
        raise InvalidInput(f"Image file not found: {raw}", field=field)
    except PermissionError:
        raise InvalidInput(f"{_quote(Path(raw))} cannot be opened: permission denied.", field=field)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InvalidInput(f"{raw!r} is not a usable file path ({reason}).", field=field)
    if stat.S_ISDIR(info.st_mode):
        raise InvalidInput(f"{target} is a folder, not an image file.", field=field)
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(f"{label} is not a regular file (a device, pipe or socket).", field=field)
    if info.st_size == 0:
        raise InvalidInput(f"{label} is empty (0 bytes).", field=field)
    if info.st_size > MAX_INPUT_BYTES:
        raise InvalidInput(
            f"{label} is {_mb(info.st_size)}; ClipDesk reads image files up to {_mb(MAX_INPUT_BYTES)}.",
            field=field,
        )
    return target, label, info.st_size


def _read_file(raw: str, field: str | None) -> tuple[Path, str, bytes]:
    target, label, _ = _check_file(raw, field)
    try:
        data = target.read_bytes()
    except PermissionError:
        raise InvalidInput(f"{label} cannot be opened: permission denied.", field=field)
    except OSError as exc:
        raise InvalidInput(f"{label} cannot be read: {exc.strerror or exc}.", field=field)
    if not data:
        raise InvalidInput(f"{label} is empty (0 bytes).", field=field)
    return target, label, data


@functools.cache
def _heif_available() -> bool:
    """Register pillow_heif's opener once, when the optional package is installed."""
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except Exception:
        return False
    return True


def _input_formats() -> tuple[str, ...]:
    return (*INPUT_FORMATS, "HEIF") if _heif_available() else INPUT_FORMATS


def _sniff(head: bytes) -> str:
    """The format by content: a Pillow format name, or a tag naming what the bytes are instead."""
    if head.startswith(PNG_SIGNATURE):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[:2] == b"BM":
        return "BMP"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        (box_size,) = struct.unpack(">I", head[:4])
        brands = head[8 : min(max(box_size, 16), 64)]  # major brand, version, compatible brands
        if brand in (b"avif", b"avis") or (brand == b"mif1" and b"avif" in brands):
            return "AVIF"
        if brand in _HEIF_BRANDS:
            return "HEIF"
        return "VIDEO"  # mp4, mov, 3gp and the other ISO media brands
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "TIFF"
    if head[:4] == b"8BPS":
        return "Photoshop (PSD)"
    if head[:4] == b"\x00\x00\x01\x00":
        return "Windows icon (ICO)"
    if head.startswith((b"\x00\x00\x00\x0cjP  ", b"\xff\x4f\xff\x51")):
        return "JPEG 2000"
    if head.startswith((b"\xff\x0a", b"\x00\x00\x00\x0cJXL ")):
        return "JPEG XL"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "VIDEO"  # Matroska / WebM
    if b"%PDF-" in head[:1024]:
        return "PDF"
    if head[:4] in (b"PK\x03\x04", b"Rar!") or head[:2] == b"\x1f\x8b" or head[:6] == b"7z\xbc\xaf\x27\x1c":
        return "ARCHIVE"
    return _sniff_text(head)


def _sniff_text(head: bytes) -> str:
    if b"\x00" in head:
        return "UNKNOWN"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html")) or "<head" in text[:2048] or "<body" in text[:2048]:
        return "HTML"
    if "<svg" in text:
        return "SVG"
    printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text)
    if text and printable / len(text) > 0.95:
        return "TEXT"
    return "UNKNOWN"


def _refusal(kind: str, label: str) -> str:
    other = f"{label} is a {kind} file; ClipDesk reads {_ACCEPTED_TEXT} images, export it as PNG or JPEG."
    return {
        "HEIF": (
            f"{label} is a HEIC/HEIF photo; reading it needs the optional pillow-heif package. "
            "Convert it to JPEG or PNG, or install pillow-heif."
        ),
        "AVIF": f"{label} is an AVIF image, which ClipDesk does not read; export it as PNG or JPEG.",
        "VIDEO": f"{label} is a video file, not an image; export the frame you want as PNG or JPEG.",
        "PDF": f"{label} is a PDF document, not an image; export the page you want as PNG or JPEG.",
        "SVG": f"{label} is an SVG drawing; SVG is not supported, export it as PNG.",
        "HTML": (
            f"{label} is a web page (HTML), not an image; the download probably saved the page "
            "instead of the picture."
        ),
        "TEXT": f"{label} is a text file, not an image.",
        "ARCHIVE": f"{label} is a compressed archive, not an image.",
        "UNKNOWN": f"{label} is not an image ClipDesk can read; it reads {_ACCEPTED_TEXT} images.",
    }.get(kind, other)


def _gif_refusal(fp: IO[bytes], label: str) -> str:
    animated = False
    try:
        Image.init()
        factory, _accept = Image.OPEN["GIF"]
        fp.seek(0)
        with factory(fp, "") as gif:
            # Looking for a second frame decodes the first: only within the pixel cap.
            if gif.width * gif.height <= MAX_PIXELS:
                animated = bool(getattr(gif, "is_animated", False))
    except Exception:
        pass
    if animated:
        return (
            f"{label} is an animated GIF; animations are not supported, ClipDesk needs a single "
            "still image. Save the frame you want as PNG or JPEG."
        )
    return f"{label} is a GIF image; GIF is not supported, save it as PNG or JPEG."


def _png_header_size(head: bytes) -> tuple[int, int] | None:
    if len(head) >= 24 and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return width, height
    return None


@contextmanager
def _opened(
    fp: IO[bytes], head: bytes, label: str, field: str | None
) -> Iterator[tuple[ImageFile.ImageFile, str]]:
    """Identify by content and open lazily (header only); yield the image and its format name.

    The plugin's factory is called directly rather than through ``Image.open``: the format is
    already known, and the pixel cap is ours (:data:`MAX_PIXELS`), checked by the caller, so no
    process-wide warning filter has to be touched from worker threads.
    """
    kind = _sniff(head)
    if kind == "GIF":
        raise InvalidInput(_gif_refusal(fp, label), field=field)
    if kind not in _input_formats():
        raise InvalidInput(_refusal(kind, label), field=field)
    if kind == "PNG" and (size := _png_header_size(head)) is not None and 0 in size:
        raise InvalidInput(f"{label} is damaged: its header gives zero width or height.", field=field)
    Image.init()
    factory, _accept = Image.OPEN[kind]
    fp.seek(0)
    try:
        img = factory(fp, "")
    except Image.DecompressionBombError:
        raise InvalidInput(_too_many_pixels(label, None), field=field)
    except MemoryError:
        raise InvalidInput(f"{label} is too large to read.", field=field)
    except Exception:
        raise InvalidInput(
            f"{label} looks like a {_pretty(kind)} image but its header is damaged; it cannot be read.",
            field=field,
        )
    fmt = "JPEG" if img.format == "MPO" else (img.format or kind)
    try:
        yield img, fmt
    finally:
        img.close()


def _frame_count(img: Image.Image, fmt: str) -> int:
    """Frames of an animation; MPO (a JPEG with extra views) and HEIF collections count as one."""
    if fmt not in ("PNG", "WEBP"):
        return 1
    try:
        return max(1, int(getattr(img, "n_frames", 1)))
    except Exception:
        return 1


def _orientation(img: Image.Image, *, header_only: bool = False) -> int:
    """The EXIF orientation (1..8), 1 when absent or unreadable.

    Pillow's ``getexif()`` on a PNG decodes the whole image to look for an eXIf chunk after the
    pixels; ``header_only`` reads only what the header already gave.
    """
    try:
        if header_only and img.format == "PNG":
            raw = img.info.get("exif")
            if not raw:
                return 1
            exif = Image.Exif()
            exif.load(raw)
        else:
            exif = img.getexif()
        value = int(exif.get(_ORIENTATION_TAG, 1))
    except Exception:
        return 1
    return value if 1 <= value <= 8 else 1


def _has_alpha_band(img: Image.Image) -> bool:
    return img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in img.info


def _check_header(width: int, height: int, frames: int, fmt: str, label: str, field: str | None) -> None:
    if width <= 0 or height <= 0:
        raise InvalidInput(f"{label} is damaged: its header gives zero width or height.", field=field)
    if width * height > MAX_PIXELS:
        raise InvalidInput(_too_many_pixels(label, (width, height)), field=field)
    if frames > 1:
        kind = "animated PNG (APNG)" if fmt == "PNG" else f"animated {_pretty(fmt)}"
        raise InvalidInput(
            f"{label} is an {kind} with {frames} frames; ClipDesk needs a single still image, "
            "export the frame you want as PNG or JPEG.",
            field=field,
        )


def _too_many_pixels(label: str, size: tuple[int, int] | None) -> str:
    cap = f"ClipDesk reads images up to {MAX_PIXELS // 1_000_000} megapixels"
    if size is None:
        return f"{label} is too large to decode safely; {cap}."
    mp = size[0] * size[1] / 1_000_000
    return f"{label} is too large: {size[0]}×{size[1]} pixels ({mp:.0f} megapixels); {cap}."


# --- geometry ------------------------------------------------------------------------------------


def _plan_size(
    width: int, height: int, limits: ImageLimits, label: str, field: str | None
) -> tuple[int, int]:
    """The size to send (displayed orientation), or InvalidInput when no size fits the limits."""
    if width <= 0 or height <= 0:
        raise InvalidInput(f"{label} has zero width or height.", field=field)
    ratio = width / height
    if limits.min_aspect is not None and ratio < limits.min_aspect * (1 - ASPECT_TOLERANCE):
        raise InvalidInput(
            f"{label} is too tall for this model: {width}×{height} has an aspect ratio of {ratio:.2f} "
            f"(width / height); it accepts {_aspect_text(limits)}. Crop the image first.",
            field=field,
        )
    if limits.max_aspect is not None and ratio > limits.max_aspect * (1 + ASPECT_TOLERANCE):
        raise InvalidInput(
            f"{label} is too wide for this model: {width}×{height} has an aspect ratio of {ratio:.2f} "
            f"(width / height); it accepts {_aspect_text(limits)}. Crop the image first.",
            field=field,
        )
    short, long_ = min(width, height), max(width, height)
    need = max(limits.min_side, MIN_SIDE)
    if short < MIN_SIDE:
        needs = (  # the model's own minimum where it has one, not the floor under every image
            f"this model needs at least {need} pixels on the short side"
            if need > MIN_SIDE
            else f"an image needs at least {MIN_SIDE} pixels on each side"
        )
        raise InvalidInput(f"{label} is too small: {width}×{height} pixels; {needs}.", field=field)
    if short < limits.min_side and short * MAX_UPSCALE < limits.min_side:
        raise InvalidInput(
            f"{label} is too small: {width}×{height} pixels; this model needs at least {need} pixels "
            f"on the short side (ClipDesk enlarges at most {MAX_UPSCALE:g}×).",
            field=field,
        )
    scale = 1.0
    if long_ > limits.max_side:
        scale = limits.max_side / long_
    elif short < limits.min_side:
        scale = limits.min_side / short
        if long_ * scale > limits.max_side:
            raise InvalidInput(
                f"{label} ({width}×{height}) cannot fit this model: enlarged to its minimum of "
                f"{limits.min_side} pixels, the long side would exceed its maximum of {limits.max_side}.",
                field=field,
            )
    target = _scaled(width, height, scale, limits)
    if min(target) < need:
        raise InvalidInput(
            f"{label} is too long and narrow: {width}×{height} fitted within {limits.max_side} pixels "
            f"would be only {min(target)} pixels on its short side; this model needs at least {need}.",
            field=field,
        )
    return target


def _scaled(width: int, height: int, scale: float, limits: ImageLimits) -> tuple[int, int]:
    if scale == 1.0:
        return width, height
    new_w = min(limits.max_side, max(1, round(width * scale)))
    new_h = min(limits.max_side, max(1, round(height * scale)))
    if scale > 1.0:  # make sure rounding did not leave the short side a pixel short
        if new_w <= new_h:
            new_w = max(new_w, limits.min_side)
        else:
            new_h = max(new_h, limits.min_side)
    return new_w, new_h


def _aspect_text(limits: ImageLimits) -> str:
    if limits.min_aspect is not None and limits.max_aspect is not None:
        return f"ratios from {limits.min_aspect:.2f} to {limits.max_aspect:.2f}"
    if limits.min_aspect is not None:
        return f"ratios of at least {limits.min_aspect:.2f}"
    return f"ratios of at most {limits.max_aspect:.2f}"


# --- preparing -----------------------------------------------------------------------------------


def _prepare_bytes(
    data: bytes, label: str, source: str, limits: ImageLimits, field: str | None
) -> PreparedImage:
    with _opened(io.BytesIO(data), data[:4096], label, field) as (img, fmt):
        # Pixel count and frames come from the header: refuse bombs and animations before decoding.
        _check_header(img.width, img.height, _frame_count(img, fmt), fmt, label, field)
        _decode(img, label, field)
        if fmt == "PNG":
            _check_png_chunks(data, label, field)
        orientation = _orientation(img)
        width, height = (img.height, img.width) if orientation in _SWAPPING_ORIENTATIONS else img.size
        target = _plan_size(width, height, limits, label, field)
        if (
            target == (width, height)
            and orientation == 1
            and fmt in limits.formats
            and len(data) <= limits.max_bytes
            and img.mode in ("RGB", "RGBA")
            and not _is_16_bit_png(data, fmt)
            and (limits.alpha or not (_has_alpha_band(img) or img.has_transparency_data))
        ):
            return PreparedImage(data=data, mime=FORMAT_MIME[fmt], width=width, height=height, source=source)
        try:
            return _reencode(img, target, (width, height), label, source, limits, field)
        except MemoryError:
            raise InvalidInput(f"{label} is too large to process in the memory available.", field=field)


def _decode(img: ImageFile.ImageFile, label: str, field: str | None) -> None:
    """Decode every pixel now, so damage is found here rather than at the provider."""
    try:
        img.load()
    except Image.DecompressionBombError:
        raise InvalidInput(_too_many_pixels(label, img.size), field=field)
    except MemoryError:
        raise InvalidInput(f"{label} is too large to decode in the memory available.", field=field)
    except Exception as exc:
        if "truncated" in str(exc).lower() or isinstance(exc, EOFError):
            raise InvalidInput(
                f"{label} is incomplete: the image data ends early (a truncated file or an unfinished "
                "download). Save or download it again.",
                field=field,
            )
        raise InvalidInput(
            f"{label} is damaged: its image data cannot be decoded. Save or export it again.", field=field
        )


def _check_png_chunks(data: bytes, label: str, field: str | None) -> None:
    """Check every chunk's CRC: Pillow does not, and flipped bits in stored (uncompressed) pixel
    data otherwise decode silently into a damaged picture."""
    pos = len(PNG_SIGNATURE)
    while pos + 12 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        end = pos + 12 + length
        if end > len(data):
            return  # a short tail after the pixels; load() already found the pixels complete
        kind = data[pos + 4 : pos + 8]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(data[pos + 4 : end - 4]) != crc:
            raise InvalidInput(
                f"{label} is damaged: a checksum inside the PNG does not match. Save or export it again.",
                field=field,
            )
        if kind == b"IEND":
            return
        pos = end


def _is_16_bit_png(data: bytes, fmt: str) -> bool:
    return fmt == "PNG" and len(data) > 24 and data[12:16] == b"IHDR" and data[24] == 16


def _reencode(
    img: Image.Image,
    target: tuple[int, int],
    original: tuple[int, int],
    label: str,
    source: str,
    limits: ImageLimits,
    field: str | None,
) -> PreparedImage:
    work = _to_rgb(_upright(img))
    keep_alpha = work.mode == "RGBA" and limits.alpha and _uses_alpha(work)
    formats = [f for f in limits.formats if f in ("JPEG", "PNG", "WEBP")]
    if not formats:
        raise InvalidInput(
            f"{label} cannot be converted to any format this model accepts ({', '.join(limits.formats)}).",
            field=field,
        )
    if keep_alpha and "PNG" not in formats and "WEBP" not in formats:
        keep_alpha = False
    if work.mode == "RGBA" and not keep_alpha:
        work = _flatten(work)
    if work.size != target:
        work = work.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    floor = max(limits.min_side, MIN_SIDE)

    if keep_alpha and "JPEG" in formats:
        # Transparency is kept when the PNG fits as it is; otherwise it is flattened into a JPEG.
        encoded = _fit(work, "PNG" if "PNG" in formats else "WEBP", limits, floor, shrink=False)
        if encoded is None:
            encoded = _fit(_flatten(work), "JPEG", limits, floor, shrink=True)
    elif keep_alpha:
        encoded = _fit(work, "PNG" if "PNG" in formats else "WEBP", limits, floor, shrink=True)
    else:
        encoded = _fit(work, "JPEG" if "JPEG" in formats else formats[0], limits, floor, shrink=True)
    if encoded is None:
        raise InvalidInput(
            f"{label} cannot be made smaller than {_size_text(limits.max_bytes)}, this model's limit, "
            f"without going below {floor} pixels on its short side.",
            field=field,
        )
    out, out_fmt, final = encoded
    return PreparedImage(
        data=out,
        mime=FORMAT_MIME[out_fmt],
        width=final.width,
        height=final.height,
        source=source,
        downscaled=final.width < original[0] or final.height < original[1],
        upscaled=final.width > original[0] or final.height > original[1],
        reencoded=True,
    )


_TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _upright(img: Image.Image) -> Image.Image:
    """Apply the EXIF orientation; a damaged EXIF block Pillow cannot rewrite is applied by hand."""
    try:
        return ImageOps.exif_transpose(img) or img
    except Exception:
        method = _TRANSPOSE_FOR_ORIENTATION.get(_orientation(img))
        return img.transpose(method) if method is not None else img


def _to_rgb(img: Image.Image) -> Image.Image:
    """8-bit sRGB "RGB", or "RGBA" when the image carries transparency."""
    if img.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        # Pillow's own conversion clips 16-bit values to 255 instead of scaling them.
        wide = img if img.mode in ("I", "F") else img.convert("I")
        img = wide.point(lambda v: v / 256).convert("L")
    img = _to_srgb(img)
    if img.mode in ("RGB", "RGBA"):
        return img
    if img.mode in ("LA", "La", "PA", "RGBa") or img.has_transparency_data:
        return img.convert("RGBA")
    return img.convert("RGB")


def _to_srgb(img: Image.Image) -> Image.Image:
    """Apply an embedded colour profile (CMYK, Display P3, Adobe RGB ...) so colours survive stripping."""
    icc = img.info.get("icc_profile")
    if not icc or ImageCms is None or img.mode not in ("RGB", "RGBA", "CMYK"):
        return img if img.mode != "CMYK" else img.convert("RGB")
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if img.mode != "CMYK" and "srgb" in ImageCms.getProfileDescription(profile).lower():
            return img
        # Profile handles are not shared between threads: a fresh sRGB profile costs microseconds.
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        converted = ImageCms.profileToProfile(
            img, profile, srgb, outputMode="RGBA" if img.mode == "RGBA" else "RGB"
        )
        if converted is not None:
            return converted
    except Exception:
        pass  # a broken profile: fall back to a plain conversion
    return img if img.mode != "CMYK" else img.convert("RGB")


def _uses_alpha(img: Image.Image) -> bool:
    low = img.getchannel("A").getextrema()[0]
    return isinstance(low, (int, float)) and low < 255


def _flatten(img: Image.Image) -> Image.Image:
    """Composite onto white and drop the alpha band."""
    white = Image.new("RGBA", img.size, (255, 255, 255, 255))
    white.alpha_composite(img)
    return white.convert("RGB")


def _encode(img: Image.Image, fmt: str, quality: int) -> bytes:
    img.info = {}  # strip metadata: no EXIF, ICC, comments or text chunks are written
    buf = io.BytesIO()
    if fmt == "JPEG":
        img.save(buf, "JPEG", quality=quality, optimize=True)
    elif fmt == "WEBP":
        img.save(buf, "WEBP", quality=quality, method=4)
    else:
        img.save(buf, "PNG", compress_level=6)
    return buf.getvalue()


def _fit(
    img: Image.Image, fmt: str, limits: ImageLimits, floor: int, *, shrink: bool
) -> tuple[bytes, str, Image.Image] | None:
    """Encode within ``limits.max_bytes``: lower quality first, then smaller sizes (with ``shrink``).

    None when nothing fits without going below ``floor`` pixels on the short side.
    """
    qualities: tuple[int, ...] = JPEG_QUALITIES if fmt in ("JPEG", "WEBP") else (0,)
    current = img
    for attempt in range(10):
        tried = qualities if attempt == 0 else qualities[-2:]
        size = 0
        for quality in tried:
            data = _encode(current, fmt, quality)
            size = len(data)
            if size <= limits.max_bytes:
                return data, fmt, current
        if not shrink:
            return None
        factor = min(0.9, max(0.3, math.sqrt(limits.max_bytes / size) * 0.95))
        new_size = (max(1, round(current.width * factor)), max(1, round(current.height * factor)))
        if min(new_size) < floor:
            return None
        current = img.resize(new_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    return None


# --- small helpers -------------------------------------------------------------------------------


def _quote(path: Path) -> str:
    return f'"{path.name or path}"'


def _pretty(fmt: str) -> str:
    return {"WEBP": "WebP", "HEIF": "HEIF"}.get(fmt, fmt)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _size_text(size: int) -> str:
    return _mb(size) if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


_TEMP_NAME = ".{name}.{pid}.{thread}.tmp"  # write_atomic's temporary file beside its target


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary name, fsynced, renamed)."""
    tmp = path.with_name(_TEMP_NAME.format(name=path.name, pid=os.getpid(), thread=threading.get_ident()))
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def remove_unfinished_writes(path: Path) -> list[Path]:
    """Remove the temporary files ``write_atomic`` left beside ``path`` when its process was killed
    mid-write; returns them. Only for a path no live writer is writing (a task this run took over)."""
    left = sorted(path.parent.glob(_TEMP_NAME.format(name=glob.escape(path.name), pid="*", thread="*")))
    for tmp in left:
        tmp.unlink(missing_ok=True)
    return left
