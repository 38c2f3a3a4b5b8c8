"""The offline renderer: a Ken Burns style preview video from stills or from the prompt alone.

No AI and no network: one image gets a camera move over it, a first and a last image get the
same move with a cross-dissolve from the first to the last, and a text-only request gets a title
card (the prompt over a seeded gradient). The result is an H.264 yuv420p MP4 with the request's
settings in its metadata tags.

How a frame is made (chosen by measurement, see ``bench/render.py``): the source is cover-cropped
to the output aspect once, pre-scaled once to the largest zoom the move reaches (at most 2x the
output) and converted once to BT.709 limited-range YUV planes. Each frame is then a sub-pixel
exact crop of those planes with Pillow (``Image.resize(box=float_box)``, or an AFFINE
``Image.transform`` for rotation): the luma plane at the output size, the chroma planes at half
size, straight into the yuv420p frame with no per-frame colour conversion. Frames are made in a
small thread pool (Pillow releases the GIL) a few frames ahead of the libx264 encoder.

Camera moves (PixVerse's names). A still has no depth, so trucks, pans and dollies are all 2-D
crops; the names describe what the *camera* does, and the picture on screen moves the other way:

=================  ==========================================================================
zoom_in            push in toward the centre, 1.0x -> 1.3x (content grows)
zoom_out           pull back from the centre, 1.3x -> 1.0x (content shrinks)
smooth_zoom_in     gentle push in, 1.0x -> 1.2x, sine ease
quickly_zoom_in    strong push in, 1.0x -> 1.6x (the same time, so it is faster)
quickly_zoom_out   strong pull back, 1.6x -> 1.0x
horizontal_left    camera slides left at 1.2x: the picture moves RIGHT on screen
horizontal_right   camera slides right at 1.2x: the picture moves LEFT on screen
vertical_up        camera rises at 1.2x: the picture moves DOWN on screen
vertical_down      camera sinks at 1.2x: the picture moves UP on screen
pan_left           a wider sweep left at 1.4x: the picture moves RIGHT on screen
pan_right          a wider sweep right at 1.4x: the picture moves LEFT on screen
crane_up           camera rises and pulls back (1.4x -> 1.15x): the picture moves DOWN
camera_rotation    camera rolls clockwise by 10 deg (zooming just enough to keep the frame
                   covered): the picture turns COUNTER-CLOCKWISE on screen
super_dolly_out    a big pull back, 1.8x -> 1.0x
fix_bg             static
=================  ==========================================================================

Every move uses an ease-in-out curve; zoom is interpolated geometrically so its apparent speed
is even. With a first and a last image, the move's amplitude is halved and the dissolve runs over
the middle half of the clip, so the clip starts exactly on the first image and ends on the last
image seen through the (small) end state of the move.

This module is plain Python (PyAV and Pillow); it never imports Qt.
"""

from __future__ import annotations

import colorsys
import json
import math
import os
import random
import shutil
import subprocess
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from core.errors import ClipDeskError, ErrorKind, InvalidInput

GENERATOR = "ClipDesk offline preview"

RESOLUTIONS: dict[str, int] = {"360p": 360, "540p": 540, "720p": 720, "1080p": 1080}
ASPECT_RATIOS: dict[str, tuple[int, int]] = {
    "16:9": (16, 9),
    "9:16": (9, 16),
    "1:1": (1, 1),
    "4:3": (4, 3),
    "3:4": (3, 4),
}
FPS_CHOICES = (24, 30)
DURATION_MIN, DURATION_MAX = 1, 15

# encoder settings
X264_PRESET = "veryfast"
X264_CRF = 20
_PIPELINE_THREADS = 2  # Pillow workers making frames ahead of the encoder
_PIPELINE_DEPTH = 4  # frames in flight at most (bounds memory)
_MAX_PRESCALE = 2.0
_LABEL_LUMA = 188  # light grey (200/255) in limited-range luma


class RenderCancelled(ClipDeskError):
    """The caller's cancel() returned True; the partial output was removed."""

    def __init__(self, message: str = "the render was cancelled") -> None:
        super().__init__(ErrorKind.CANCELLED, message)


# ---------------------------------------------------------------------------------------------
# camera moves


def _smoothstep(t: float) -> float:
    return t * t * (3.0 - 2.0 * t)


def _sine(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * t)


@dataclass(frozen=True)
class Move:
    """A camera path. x/y: view centre across the free margin, -1 (left/top) .. +1 (right/bottom).

    ``zoom`` is how much the view is magnified relative to the whole (cover-cropped) picture;
    ``angle`` is the camera's clockwise roll in degrees (the picture turns the other way).
    """

    zoom: tuple[float, float] = (1.0, 1.0)
    x: tuple[float, float] = (0.0, 0.0)
    y: tuple[float, float] = (0.0, 0.0)
    angle: tuple[float, float] = (0.0, 0.0)
    ease: Callable[[float], float] = _smoothstep

    def scaled(self, amount: float) -> Move:
        """The same path with its amplitude scaled (zoom geometrically), starting where it starts."""

        def part(pair: tuple[float, float], geometric: bool = False) -> tuple[float, float]:
            a, b = pair
            if geometric:
                return a, a * (b / a) ** amount
            return a, a + (b - a) * amount

        return Move(
            zoom=part(self.zoom, geometric=True),
            x=part(self.x),
            y=part(self.y),
            angle=part(self.angle),
            ease=self.ease,
        )


CAMERA_MOVES: dict[str, Move] = {
    "zoom_in": Move(zoom=(1.0, 1.3)),
    "zoom_out": Move(zoom=(1.3, 1.0)),
    "smooth_zoom_in": Move(zoom=(1.0, 1.2), ease=_sine),
    "quickly_zoom_in": Move(zoom=(1.0, 1.6)),
    "quickly_zoom_out": Move(zoom=(1.6, 1.0)),
    "horizontal_left": Move(zoom=(1.2, 1.2), x=(1.0, -1.0)),
    "horizontal_right": Move(zoom=(1.2, 1.2), x=(-1.0, 1.0)),
    "vertical_up": Move(zoom=(1.2, 1.2), y=(1.0, -1.0)),
    "vertical_down": Move(zoom=(1.2, 1.2), y=(-1.0, 1.0)),
    "pan_left": Move(zoom=(1.4, 1.4), x=(1.0, -1.0), ease=_sine),
    "pan_right": Move(zoom=(1.4, 1.4), x=(-1.0, 1.0), ease=_sine),
    "crane_up": Move(zoom=(1.4, 1.15), y=(1.0, -1.0)),
    "camera_rotation": Move(angle=(0.0, 10.0)),
    "super_dolly_out": Move(zoom=(1.8, 1.0)),
    "fix_bg": Move(),
}
CAMERA_MOVEMENTS: tuple[str, ...] = tuple(CAMERA_MOVES)


@dataclass(frozen=True)
class View:
    """One frame's window onto the source: centre (0..1 of the source), zoom, clockwise roll."""

    cx: float
    cy: float
    zoom: float
    angle: float  # degrees


def _cover_zoom(angle_deg: float, aspect: float) -> float:
    """The least zoom at which a window of the frame's aspect, rolled by ``angle``, stays inside."""
    # Exact, and continuous at 0 (no pop on the first rolled frame). No safety margin is needed:
    # output pixel centres sample at least half a pixel inside the window.
    a = math.radians(abs(angle_deg))
    c, s = math.cos(a), math.sin(a)
    return max(c + s / aspect, c + s * aspect)


def view_at(move: Move, t: float, aspect: float) -> View:
    """Where the camera is at ``t`` in 0..1 for a frame of ``aspect`` (width / height)."""
    e = move.ease(min(1.0, max(0.0, t)))
    z0, z1 = move.zoom
    zoom = z0 * (z1 / z0) ** e
    angle = move.angle[0] + (move.angle[1] - move.angle[0]) * e
    zoom = max(zoom, _cover_zoom(angle, aspect))
    margin = 0.5 - 0.5 / zoom
    x = move.x[0] + (move.x[1] - move.x[0]) * e
    y = move.y[0] + (move.y[1] - move.y[0]) * e
    return View(cx=0.5 + x * margin, cy=0.5 + y * margin, zoom=zoom, angle=angle)


# ---------------------------------------------------------------------------------------------
# the request


@dataclass
class RenderSpec:
    resolution: str = "720p"
    aspect_ratio: str = "16:9"
    duration: int = 5
    fps: int = 24
    camera_movement: str = "zoom_in"
    seed: int | None = None
    prompt: str = ""
    first_image: Path | None = None
    last_image: Path | None = None
    metadata: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.resolution not in RESOLUTIONS:
            raise InvalidInput(
                f"resolution {self.resolution!r} is not one of {', '.join(RESOLUTIONS)}", field="resolution"
            )
        if self.aspect_ratio not in ASPECT_RATIOS:
            raise InvalidInput(
                f"aspect ratio {self.aspect_ratio!r} is not one of {', '.join(ASPECT_RATIOS)}",
                field="aspect_ratio",
            )
        if not (isinstance(self.duration, int) and DURATION_MIN <= self.duration <= DURATION_MAX):
            raise InvalidInput(
                f"the duration must be {DURATION_MIN}–{DURATION_MAX} s, not {self.duration!r}",
                field="duration",
            )
        if self.fps not in FPS_CHOICES:
            raise InvalidInput(f"fps must be 24 or 30, not {self.fps!r}", field="fps")
        if self.camera_movement not in CAMERA_MOVES:
            raise InvalidInput(f"unknown camera movement {self.camera_movement!r}", field="camera_movement")
        if self.last_image is not None and self.first_image is None:
            raise InvalidInput("a last frame needs a first frame", field="image")
        if self.first_image is not None:
            self.first_image = Path(self.first_image)
        if self.last_image is not None:
            self.last_image = Path(self.last_image)

    @property
    def size(self) -> tuple[int, int]:
        """Output (width, height): the resolution names the short side; both sides even."""
        short = RESOLUTIONS[self.resolution]
        aw, ah = ASPECT_RATIOS[self.aspect_ratio]
        if aw >= ah:
            return _even(short * aw / ah), short
        return short, _even(short * ah / aw)

    @property
    def width(self) -> int:
        return self.size[0]

    @property
    def height(self) -> int:
        return self.size[1]

    @property
    def frame_count(self) -> int:
        return round(self.duration * self.fps)

    @property
    def mode(self) -> str:
        if self.first_image is not None and self.last_image is not None:
            return "first_last"
        return "image" if self.first_image is not None else "text"

    @property
    def effective_seed(self) -> int:
        """The seed, or a stable one derived from the prompt."""
        if self.seed is not None:
            return int(self.seed)
        return zlib.crc32(self.prompt.encode("utf-8"))

    def settings(self) -> dict[str, object]:
        """What went into the render, as stored in the ``comment`` / ``clipdesk`` tags."""
        return {
            "generator": GENERATOR,
            "mode": self.mode,
            "prompt": self.prompt,
            "resolution": self.resolution,
            "aspect_ratio": self.aspect_ratio,
            "width": self.width,
            "height": self.height,
            "duration": self.duration,
            "fps": self.fps,
            "camera_movement": self.camera_movement,
            "seed": self.seed,
            **self.metadata,
        }


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


# ---------------------------------------------------------------------------------------------
# sources: a cover-cropped, pre-scaled picture as BT.709 limited-range Y, U, V planes


@dataclass
class _Planes:
    y: Image.Image  # "L", full size
    u: Image.Image  # "L", half size
    v: Image.Image


def _to_planes(rgb: Image.Image) -> _Planes:
    import av  # (PyAV where a video is made: the window's process loads this module, never PyAV)

    frame = av.VideoFrame.from_image(rgb).reformat(
        format="yuv444p", dst_colorspace="ITU709", dst_color_range="MPEG"
    )
    planes = []
    for p in frame.planes:
        img = Image.frombuffer("L", (p.line_size, p.height), bytes(p), "raw", "L", 0, 1)
        planes.append(img.crop((0, 0, p.width, p.height)) if p.line_size != p.width else img)
    y, u, v = planes
    half = (max(1, round(y.width / 2)), max(1, round(y.height / 2)))
    return _Planes(
        y=y,
        u=u.resize(half, Image.Resampling.BILINEAR),
        v=v.resize(half, Image.Resampling.BILINEAR),
    )


def _load_cover(path: Path, size: tuple[int, int]) -> Image.Image:
    """The image cropped to the output aspect (centre, never stretched) and resized to ``size``."""
    with Image.open(path) as opened:
        side = max(size)  # square: still big enough if EXIF turns the picture by 90 degrees
        opened.draft("RGB", (side, side))  # JPEG: decode at a reduced scale when that is big enough
        img = ImageOps.exif_transpose(opened)
        img.load()
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        img = Image.new("RGB", rgba.size, (0, 0, 0))
        img.paste(rgba, mask=rgba.getchannel("A"))
    elif img.mode != "RGB":
        img = img.convert("RGB")
    w, h = size
    target = w / h
    if img.width / img.height > target:  # too wide: crop the sides
        cw = img.height * target
        box = ((img.width - cw) / 2, 0.0, (img.width + cw) / 2, float(img.height))
    else:  # too tall: crop top and bottom
        ch = img.width / target
        box = (0.0, (img.height - ch) / 2, float(img.width), (img.height + ch) / 2)
    return img.resize(size, Image.Resampling.LANCZOS, box=box)


# ---------------------------------------------------------------------------------------------
# the title card


_FONT_FALLBACKS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
)
# ClipDesk's own subset of Noto Sans SC (OFL): the common hanzi, where the system has no CJK font
BUNDLED_CJK_FONT = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSansSC-Regular.otf"
_LATIN_FALLBACKS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "C:/Windows/Fonts/arial.ttf",
    "/System/Library/Fonts/Helvetica.ttc",
)


def _run_fc(args: list[str]) -> str:
    exe = shutil.which(args[0])
    if not exe:
        return ""
    try:
        done = subprocess.run([exe, *args[1:]], capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


@cache
def cjk_font_path() -> str | None:
    """A font file that can draw Chinese (the system's, else the one ClipDesk ships), else a Latin
    one, else None (Pillow's default font).

    ``fc-match 'sans:lang=zh'`` alone is not enough: fontconfig knows zh-cn/zh-tw, not bare zh,
    and answers DejaVu Sans (no CJK glyphs). So ask for zh-cn and accept the answer only if
    fontconfig lists that file as covering zh-cn; then try well-known paths per platform.
    """
    covering = [line.strip() for line in _run_fc(["fc-list", ":lang=zh-cn", "-f", "%{file}\n"]).splitlines()]
    covering = [p for p in covering if p and os.path.isfile(p)]
    for pattern in ("sans:lang=zh", "sans-serif:lang=zh-cn"):
        matched = _run_fc(["fc-match", "-f", "%{file}", pattern]).strip()
        if matched and matched in covering:
            return matched
    if covering:
        return sorted(covering)[0]
    for path in (*_FONT_FALLBACKS, str(BUNDLED_CJK_FONT), *_LATIN_FALLBACKS):
        if os.path.isfile(path):
            return path
    return None


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = cjk_font_path()
    if path:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            pass
    return ImageFont.load_default(size)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x2E80 <= o <= 0x9FFF  # radicals, kana, CJK symbols, unified ideographs
        or 0xAC00 <= o <= 0xD7AF  # hangul
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms and punctuation
        or 0x20000 <= o <= 0x3FFFF
    )


def _tokens(paragraph: str) -> Iterator[str]:
    """Words and spaces; every CJK character is a token of its own (lines may break anywhere)."""
    word = ""
    for ch in paragraph:
        if ch.isspace() or _is_cjk(ch):
            if word:
                yield word
                word = ""
            yield " " if ch.isspace() else ch
        else:
            word += ch
    if word:
        yield word


def wrap_text(text: str, measure: Callable[[str], float], max_width: float) -> list[str]:
    """Greedy wrap: at spaces for Latin words, anywhere between CJK characters; long words split."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for token in _tokens(paragraph):
            if token == " " and not line:
                continue
            if measure(line + token) <= max_width:
                line += token
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = "" if token == " " else token
            while measure(line) > max_width and len(line) > 1:  # a word wider than the line
                cut = len(line) - 1
                while cut > 1 and measure(line[:cut]) > max_width:
                    cut -= 1
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line.rstrip())
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _hsv(h: float, s: float, v: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return round(r * 255), round(g * 255), round(b * 255)


def title_card(prompt: str, size: tuple[int, int], seed: int) -> Image.Image:
    """The prompt in white over a seeded two-colour gradient, wrapped and centred."""
    w, h = size
    rnd = random.Random(seed)
    hue = rnd.random()
    c1 = _hsv(hue, 0.55 + 0.3 * rnd.random(), 0.30 + 0.2 * rnd.random())
    c2 = _hsv(hue + 0.15 + 0.35 * rnd.random(), 0.5 + 0.4 * rnd.random(), 0.12 + 0.18 * rnd.random())
    ramp = Image.linear_gradient("L").resize((512, 512), Image.Resampling.BILINEAR)
    ramp = ramp.rotate(rnd.uniform(0, 360), Image.Resampling.BILINEAR).crop((128, 128, 384, 384))
    mask = ramp.resize(size, Image.Resampling.BILINEAR)
    card = Image.composite(Image.new("RGB", size, c2), Image.new("RGB", size, c1), mask)

    draw = ImageDraw.Draw(card)
    short = min(w, h)
    text = prompt.strip()
    if text:
        max_w, max_h = w * 0.82, h * 0.70
        font_size = max(12, round(short / 9))
        while True:
            font = _font(font_size)
            lines = wrap_text(text, font.getlength, max_w)
            line_h = font_size * 1.3
            if len(lines) * line_h <= max_h or font_size <= max(10, short // 40):
                break
            font_size = max(10, round(font_size * 0.9))
        fit = max(1, int(max_h // line_h))
        if len(lines) > fit:
            lines = lines[:fit]
            lines[-1] = lines[-1].rstrip()[: max(1, len(lines[-1]) - 1)] + "…"
        top = (h - len(lines) * line_h) / 2
        stroke = max(1, font_size // 24)
        for i, line in enumerate(lines):
            draw.text(
                (w / 2, top + i * line_h + line_h / 2),
                line,
                font=font,
                anchor="mm",
                fill=(255, 255, 255),
                stroke_width=stroke,
                stroke_fill=(0, 0, 0),
            )
    return card


# ---------------------------------------------------------------------------------------------
# frames


CARD_LABEL = "Offline preview (no AI)"


def _label_mask(size: tuple[int, int]) -> tuple[Image.Image, tuple[int, int]]:
    """The card's small footer as an "L" mask and where it goes; it stays put while the card moves."""
    w, h = size
    short = min(w, h)
    font = _font(max(10, round(short / 28)))
    left, top, right, bottom = font.getbbox(CARD_LABEL)
    mask = Image.new("L", (int(right - left) + 2, int(bottom - top) + 2), 0)
    ImageDraw.Draw(mask).text((1 - left, 1 - top), CARD_LABEL, font=font, fill=255)
    return mask, ((w - mask.width) // 2, round(h - short / 20 - mask.height))


def _prescale_factor(move: Move, aspect: float, frames: int) -> float:
    samples = max(2, min(frames, 64))
    most = max(view_at(move, i / (samples - 1), aspect).zoom for i in range(samples))
    return min(_MAX_PRESCALE, max(1.0, most))


def _sample(img: Image.Image, view: View, size: tuple[int, int]) -> Image.Image:
    """The view's window of ``img`` at ``size``: exact to a fraction of a pixel."""
    ow, oh = size
    k = img.width / ow / view.zoom  # source pixels per output pixel
    kx, ky = k, img.height / oh / view.zoom
    cx, cy = view.cx * img.width, view.cy * img.height
    if view.angle == 0:
        box = (cx - kx * ow / 2, cy - ky * oh / 2, cx + kx * ow / 2, cy + ky * oh / 2)
        return img.resize(size, Image.Resampling.BILINEAR, box=box)
    # camera rolls clockwise by angle -> sample the source along a clockwise-rotated window
    a = math.radians(view.angle)
    c, s = math.cos(a), math.sin(a)
    # source = centre + R(angle) * (output - output_centre), in continuous pixel coordinates
    data = (
        kx * c,
        -ky * s,
        cx - kx * c * ow / 2 + ky * s * oh / 2,
        kx * s,
        ky * c,
        cy - kx * s * ow / 2 - ky * c * oh / 2,
    )
    return img.transform(size, Image.Transform.AFFINE, data, resample=Image.Resampling.BILINEAR)


class _FrameMaker:
    """Makes the bytes of each yuv420p plane (padded to the frame's line sizes) for frame i."""

    def __init__(self, spec: RenderSpec) -> None:
        self.spec = spec
        w, h = spec.size
        aspect = w / h
        move = CAMERA_MOVES[spec.camera_movement]
        if spec.mode == "first_last":
            move = move.scaled(0.5)
        self.move = move
        self.aspect = aspect
        self.n = spec.frame_count
        factor = _prescale_factor(move, aspect, self.n)
        src_size = (max(w, round(w * factor)), max(h, round(h * factor)))
        if spec.first_image is not None:
            self.first = _to_planes(_load_cover(spec.first_image, src_size))
        else:
            self.first = _to_planes(title_card(spec.prompt, src_size, spec.effective_seed))
        self.last = _to_planes(_load_cover(spec.last_image, src_size)) if spec.last_image else None
        import av

        template = av.VideoFrame(w, h, "yuv420p")
        self.sizes = [(p.width, p.height) for p in template.planes]
        self.strides = [p.line_size for p in template.planes]
        # a text card carries a fixed footer, drawn on the luma plane of every frame
        self.label = _label_mask((w, h)) if spec.first_image is None else None
        self.static = move == Move() and self.last is None
        self._static_cache: list[bytes] | None = None

    def _t(self, i: int) -> float:
        return i / (self.n - 1) if self.n > 1 else 0.0

    def _planes_of(self, src: _Planes, view: View) -> list[Image.Image]:
        return [_sample(img, view, size) for img, size in zip((src.y, src.u, src.v), self.sizes, strict=True)]

    def make(self, i: int) -> list[bytes]:
        if self.static and self._static_cache is not None:
            return self._static_cache
        t = self._t(i)
        view = view_at(self.move, t, self.aspect)
        planes = self._planes_of(self.first, view)
        if self.last is not None:
            alpha = _smoothstep(min(1.0, max(0.0, (t - 0.25) / 0.5)))
            if alpha >= 1.0:
                planes = self._planes_of(self.last, view)
            elif alpha > 0.0:
                other = self._planes_of(self.last, view)
                planes = [Image.blend(a, b, alpha) for a, b in zip(planes, other, strict=True)]
        if self.label is not None:
            mask, where = self.label
            planes[0].paste(_LABEL_LUMA, (*where, where[0] + mask.width, where[1] + mask.height), mask)
        out = []
        for img, stride in zip(planes, self.strides, strict=True):
            if img.width != stride:
                img = img.crop((0, 0, stride, img.height))
            out.append(img.tobytes())
        if self.static:
            self._static_cache = out
        return out


# ---------------------------------------------------------------------------------------------
# encoding


def render_video(
    spec: RenderSpec,
    out_path: Path | str,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Render ``spec`` to an MP4 at ``out_path``.

    ``progress(done, total)`` is called after each encoded frame (done = 1..total).
    ``cancel()`` is checked before each frame; when it returns True the render stops, the partial
    file is removed and :class:`RenderCancelled` is raised. The output is written to a temporary
    name beside ``out_path`` and renamed into place only when complete, so ``out_path`` exists
    only as a whole video. Any other failure also leaves no file behind.
    """
    out_path = Path(out_path)
    part = out_path.with_name(out_path.name + ".part")
    w, h = spec.size
    n = spec.frame_count
    try:
        maker = _FrameMaker(spec)
        _encode(spec, maker, part, w, h, n, progress, cancel)
        os.replace(part, out_path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _encode(
    spec: RenderSpec,
    maker: _FrameMaker,
    part: Path,
    w: int,
    h: int,
    n: int,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> None:
    import av

    container = av.open(str(part), "w", format="mp4", options={"movflags": "+faststart+use_metadata_tags"})
    try:
        stream = container.add_stream(
            "libx264", rate=spec.fps, options={"preset": X264_PRESET, "crf": str(X264_CRF)}
        )
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        cc = stream.codec_context
        cc.colorspace = 1  # AVCOL_SPC_BT709
        cc.color_primaries = 1  # AVCOL_PRI_BT709
        cc.color_trc = 1  # AVCOL_TRC_BT709
        cc.color_range = 1  # AVCOL_RANGE_MPEG (limited)
        settings = json.dumps(spec.settings(), ensure_ascii=False, sort_keys=True)
        for key, value in spec.metadata.items():
            container.metadata[key] = str(value)
        container.metadata["title"] = spec.prompt
        container.metadata["comment"] = settings
        container.metadata["clipdesk"] = settings
        time_base = Fraction(1, spec.fps)

        pending: deque[Future[list[bytes]]] = deque()
        with ThreadPoolExecutor(_PIPELINE_THREADS, thread_name_prefix="clipdesk-render") as pool:
            try:
                ahead = 0
                for i in range(n):
                    if cancel is not None and cancel():
                        raise RenderCancelled()
                    while ahead < n and len(pending) < _PIPELINE_DEPTH:
                        pending.append(pool.submit(maker.make, ahead))
                        ahead += 1
                    data = pending.popleft().result()
                    frame = av.VideoFrame(w, h, "yuv420p")
                    for plane, buf in zip(frame.planes, data, strict=True):
                        plane.update(buf)
                    frame.pts = i
                    frame.time_base = time_base
                    for packet in stream.encode(frame):
                        container.mux(packet)
                    if progress is not None:
                        progress(i + 1, n)
            finally:
                for fut in pending:
                    fut.cancel()
        for packet in stream.encode(None):
            container.mux(packet)
    finally:
        container.close()
