"""Small test clips made with PyAV: one solid colour, optionally with a tone, and their frames read
back as pictures."""

from __future__ import annotations

import math
from array import array
from fractions import Fraction
from pathlib import Path

import av
from PIL import Image, ImageStat


def make_clip(
    path: Path,
    colour: tuple[int, int, int],
    *,
    size: tuple[int, int] = (320, 180),
    rate: int = 24,
    seconds: float = 1.0,
    tone: float | None = None,
    volume: float = 0.5,
    sample_rate: int = 48000,
    preset: str = "ultrafast",
) -> Path:
    """An H.264 clip of one colour; with ``tone`` (Hz), a stereo AAC sine of that pitch too, of
    peak ``volume``. A ``preset`` other than ultrafast gives B-frames, as providers' clips have."""
    frames = round(seconds * rate)
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=rate, options={"preset": preset})
        video.width, video.height, video.pix_fmt = size[0], size[1], "yuv420p"
        audio = out.add_stream("aac", rate=sample_rate, layout="stereo") if tone else None
        picture = Image.new("RGB", size, colour)
        for i in range(frames):
            frame = av.VideoFrame.from_image(picture).reformat(format="yuv420p")
            frame.pts, frame.time_base = i, Fraction(1, rate)
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        if audio is not None and tone is not None:
            total = round(seconds * sample_rate)
            for at in range(0, total, 1024):
                n = min(1024, total - at)
                samples = array("f")
                for i in range(at, at + n):
                    value = volume * math.sin(2 * math.pi * tone * i / sample_rate)
                    samples.extend((value, value))
                frame = av.AudioFrame(format="flt", layout="stereo", samples=n)
                frame.planes[0].update(samples.tobytes())
                frame.sample_rate = sample_rate
                frame.pts, frame.time_base = at, Fraction(1, sample_rate)
                for planar in av.AudioResampler(format="fltp", layout="stereo", rate=sample_rate).resample(
                    frame
                ):
                    out.mux(audio.encode(planar))
            out.mux(audio.encode(None))
    return path


def frames(path: Path) -> list[Image.Image]:
    with av.open(str(path)) as container:
        return [f.to_image() for f in container.decode(video=0)]


def mean_colour(image: Image.Image) -> tuple[float, float, float]:
    r, g, b = ImageStat.Stat(image.convert("RGB")).mean
    return r, g, b


def audio_seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return 0.0
        return sum(f.samples for f in container.decode(audio=0)) / container.streams.audio[0].sample_rate


def sound(path: Path) -> tuple[array[float], int]:
    """The audio as a player hears it: every decoded sample of the first track, in order, mixed to
    mono, and its sample rate."""
    with av.open(str(path)) as container:
        rate = container.streams.audio[0].sample_rate
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        values = array("f")
        for frame in container.decode(audio=0):
            for got in resampler.resample(frame):
                values.frombytes(bytes(got.planes[0])[: got.samples * 4])
    return values, rate


def loudness(path: Path, start: float, end: float) -> float:
    """Mean absolute sample value of the first channel between ``start`` and ``end`` seconds."""
    values, rate = sound(path)
    part = values[round(start * rate) : round(end * rate)]
    return sum(abs(v) for v in part) / max(1, len(part))


def levels(path: Path, window: int = 256) -> tuple[list[float], int]:
    """The sound's level (RMS) in consecutive windows of ``window`` samples, and the window's
    length in samples."""
    values, _rate = sound(path)
    return [
        math.sqrt(sum(v * v for v in values[at : at + window]) / window)
        for at in range(0, len(values) - window + 1, window)
    ], window
