"""Joining clips into one MP4 with PyAV (never an ffmpeg binary).

:func:`join_videos` is a plain blocking function: the CLI runs it in a thread, the window in its
process pool. Two ways to join:

- **stream copy**, when every clip has the same video codec, codec setup, size, pixel format and
  frame rate and no cross-fade is asked: the picture's packets are copied with their timestamps
  moved along, nothing of it decoded. The sound (where any clip has some) is decoded and encoded
  again as one AAC track, each clip's part cut or padded to its picture's length: copied AAC
  packets would bring each clip's encoder priming and padding into the middle of the track, a
  hole of some 25 ms at every seam and the sound drifting behind the picture.
- **re-encode** otherwise: every clip is decoded, scaled to the first clip's size (letterboxed
  when its shape differs) and resampled in time to the first clip's frame rate, then encoded as
  H.264 yuv420p. A cross-fade of ``crossfade`` seconds dissolves each clip into the next (the
  result is that much shorter per seam). Audio, where any clip has it, is kept in step with the
  picture: a clip without audio is silence, and the audio cross-fades with the picture.

The result is written under a hidden temporary name beside ``output`` and renamed into place only
when whole: a cancel (``cancel()`` returned True) or a failure leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from core.errors import ClipDeskError, ErrorKind

X264_PRESET = "veryfast"
X264_CRF = 18
AUDIO_LAYOUT = "stereo"
_CHANNELS = 2
DEFAULT_RATE = Fraction(24)
DEFAULT_AUDIO_BIT_RATE = 192_000
MAX_AUDIO_BIT_RATE = 320_000

Progress = Callable[[float], None]  # fraction done, 0..1
Cancel = Callable[[], bool]


class JoinError(ClipDeskError):
    """The clips cannot be joined (unreadable, no picture, a bad cross-fade); the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(ErrorKind.INVALID_INPUT, message)


class JoinCancelled(ClipDeskError):
    def __init__(self) -> None:
        super().__init__(ErrorKind.CANCELLED, "the join was cancelled")


@dataclass(frozen=True)
class AudioInfo:
    codec: str
    rate: int
    channels: int
    bit_rate: int = 0  # bits per second, 0 when the file does not say


@dataclass(frozen=True)
class ClipInfo:
    path: Path
    codec: str
    width: int
    height: int
    pix_fmt: str | None
    rate: Fraction
    duration: float  # seconds of picture
    extradata: bytes
    audio: AudioInfo | None

    @property
    def copy_key(self) -> tuple[Any, ...]:
        """What must be equal between clips for their picture's packets to go into one stream
        unchanged (the sound is made anew in any case)."""
        return (self.codec, self.width, self.height, self.pix_fmt, self.rate, self.extradata)


@dataclass(frozen=True)
class JoinResult:
    path: Path
    duration: float
    copied: bool  # the picture stream-copied (True) or re-encoded
    parts: list[ClipInfo]


def probe(path: Path) -> ClipInfo:
    """What :func:`join_videos` needs to know of a clip. Raises JoinError when it has no picture."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise JoinError(f"{path.name} has no video stream")
            video = container.streams.video[0]
            cc = video.codec_context
            rate = video.average_rate or video.guessed_rate or DEFAULT_RATE
            duration = _duration(container, video)
            audio = None
            if container.streams.audio:
                a = container.streams.audio[0]
                ac = a.codec_context
                audio = AudioInfo(ac.name, ac.sample_rate, ac.channels, ac.bit_rate or a.bit_rate or 0)
            return ClipInfo(
                path=path,
                codec=cc.name,
                width=cc.width,
                height=cc.height,
                pix_fmt=cc.pix_fmt,
                rate=Fraction(rate),
                duration=duration,
                extradata=bytes(cc.extradata or b""),
                audio=audio,
            )
    except (av.error.FFmpegError, OSError) as exc:
        raise JoinError(f"{path.name} cannot be read as a video: {exc}") from exc


def _duration(container: Any, video: Any) -> float:
    if video.duration is not None and video.time_base:
        return float(video.duration * video.time_base)
    if container.duration:
        return container.duration / 1_000_000
    return 0.0


def join_videos(
    paths: Sequence[Path],
    output: Path,
    *,
    crossfade: float = 0.0,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> JoinResult:
    """Join ``paths`` in order into one MP4 at ``output`` (see the module doc). Raises JoinError,
    JoinCancelled; ``output`` exists afterwards only as a whole video."""
    if len(paths) < 2:
        raise JoinError("joining needs at least two clips")
    clips = [probe(Path(p)) for p in paths]
    if crossfade < 0:
        raise JoinError("the cross-fade cannot be negative")
    if crossfade and crossfade * 2 > min(c.duration for c in clips):
        raise JoinError(f"a {crossfade:g}s cross-fade is longer than half of the shortest clip")
    if any(output.resolve() == Path(p).resolve() for p in paths):
        raise JoinError(f"{output.name} is one of the clips: write the joined video elsewhere")
    copied = not crossfade and len({c.copy_key for c in clips}) == 1
    made_folder = not output.parent.exists()
    output.parent.mkdir(parents=True, exist_ok=True)
    part = output.with_name(f".{output.stem}.joining-{os.getpid()}.mp4")
    work = _Work(progress, cancel, total=sum(c.duration for c in clips) or 1.0)
    try:
        if copied:
            _copy(clips, part, work)
        else:
            _encode(clips, part, crossfade, work)
        duration = probe(part).duration
        os.replace(part, output)
    except BaseException as exc:
        part.unlink(missing_ok=True)
        if made_folder:
            with contextlib.suppress(OSError):
                output.parent.rmdir()  # only when still empty
        import av

        if isinstance(exc, av.error.FFmpegError):
            raise JoinError(f"the clips cannot be joined: {exc}") from exc
        raise
    return JoinResult(output, duration, copied, clips)


@dataclass
class _Work:
    progress: Progress | None
    cancel: Cancel | None
    total: float

    def step(self, seconds_done: float) -> None:
        if self.cancel is not None and self.cancel():
            raise JoinCancelled()
        if self.progress is not None:
            self.progress(min(1.0, max(0.0, seconds_done / self.total)))


# ---------------------------------------------------------------------------------------------
# stream copy


def _copy(clips: list[ClipInfo], part: Path, work: _Work) -> float:
    import av

    audio_rate = _audio_rate(clips)
    offset = Fraction(0)  # seconds: where the clip being copied starts in the result
    with av.open(str(part), "w", format="mp4", options={"movflags": "+faststart"}) as out:
        video: Any = None
        sound: _Sound | None = None
        last_dts: int | None = None
        for clip in clips:
            with av.open(str(clip.path)) as src:
                stream = src.streams.video[0]
                if video is None:  # every stream is added before the first packet is written
                    video = out.add_stream_from_template(stream)
                    sound = _Sound(out, audio_rate, _audio_bit_rate(clips)) if audio_rate else None
                start = _start(stream)
                end = offset
                for packet in src.demux(stream):
                    if packet.dts is None:
                        continue
                    tb = packet.time_base
                    shift = round((offset - start) / tb)
                    packet.dts += shift
                    packet.pts = packet.dts if packet.pts is None else packet.pts + shift
                    if last_dts is not None and packet.dts <= last_dts:
                        packet.dts = last_dts + 1  # a clip's lead-in overlapping the last one's tail
                        packet.pts = max(packet.pts, packet.dts)
                    last_dts = packet.dts
                    end = max(end, (packet.pts + (packet.duration or 0)) * tb)
                    packet.stream = video
                    out.mux(packet)
                    work.step(float(end))
            if sound is not None:
                # the clip's sound for exactly as long as its picture lasts in the result
                samples = round(end * audio_rate) - round(offset * audio_rate)
                sound.add(_audio(clip, audio_rate, samples), 0)
            offset = end
        if sound is not None:
            sound.close()
    return float(offset)


def _audio_rate(clips: list[ClipInfo]) -> int:
    """The result's sample rate: the first clip's that has sound (0: no sound at all)."""
    return next((c.audio.rate for c in clips if c.audio), 0)


def _audio_bit_rate(clips: list[ClipInfo]) -> int:
    """The result's AAC bit rate: the highest of the clips', within reason."""
    known = [c.audio.bit_rate for c in clips if c.audio and c.audio.bit_rate]
    return min(max(known, default=DEFAULT_AUDIO_BIT_RATE), MAX_AUDIO_BIT_RATE)


def _start(stream: Any) -> Fraction:
    return Fraction(stream.start_time * stream.time_base) if stream.start_time is not None else Fraction(0)


# ---------------------------------------------------------------------------------------------
# re-encode


def _encode(clips: list[ClipInfo], part: Path, crossfade: float, work: _Work) -> float:
    import av

    first = clips[0]
    size = (first.width - first.width % 2, first.height - first.height % 2)
    rate = first.rate
    audio_rate = _audio_rate(clips)
    fade = round(crossfade * rate)  # frames of each seam
    fade_samples = round(Fraction(fade) / rate * audio_rate)
    written = 0  # frames
    with av.open(str(part), "w", format="mp4", options={"movflags": "+faststart"}) as out:
        vstream = out.add_stream("libx264", rate=rate, options={"preset": X264_PRESET, "crf": str(X264_CRF)})
        vstream.width, vstream.height, vstream.pix_fmt = size[0], size[1], "yuv420p"
        sound = _Sound(out, audio_rate, _audio_bit_rate(clips)) if audio_rate else None
        held: list[Any] = []  # the tail of the clip before, to dissolve into the next
        frames_before = 0  # frames of the clips before, cross-fades not counted
        for n, clip in enumerate(clips):
            last = n == len(clips) - 1
            count = max(1, round(Fraction(clip.duration) * rate))
            tail: list[Any] = []
            for k, frame in enumerate(_frames(clip, size, rate, count)):
                if k < len(held):
                    frame = _blend(held[k], frame, (k + 1) / (len(held) + 1))
                elif not last and k >= count - fade:
                    tail.append(frame)
                    continue
                frame.pts, frame.time_base = written, 1 / rate
                out.mux(vstream.encode(frame))
                written += 1
                work.step(float((written + fade * n) / rate))
            held = tail
            if sound is not None:
                # as many samples as keep the clip's audio in step with its frames
                start = round(Fraction(frames_before) / rate * audio_rate)
                frames_before += count
                end = round(Fraction(frames_before) / rate * audio_rate)
                sound.add(_audio(clip, audio_rate, end - start), 0 if last else fade_samples)
        out.mux(vstream.encode(None))
        if sound is not None:
            sound.close()
    return float(written / rate)


def _frames(clip: ClipInfo, size: tuple[int, int], rate: Fraction, count: int) -> Iterator[Any]:
    """Exactly ``count`` frames of ``clip`` at ``size`` and ``rate``: each output instant shows the
    source frame on screen at that time (frames repeated or dropped as the rates differ)."""
    import av

    with av.open(str(clip.path)) as src:
        stream = src.streams.video[0]
        stream.thread_type = "AUTO"
        emitted = 0
        current: Any = None
        origin: float | None = None
        for frame in src.decode(stream):
            at = float(frame.time or 0.0)
            origin = at if origin is None else origin
            while current is not None and emitted < count and emitted / rate < at - origin - 1e-6:
                yield current
                emitted += 1
            if emitted >= count:
                return
            current = _fit(frame, size)
        while current is not None and emitted < count:
            yield current
            emitted += 1
    if current is None:
        raise JoinError(f"{clip.path.name} has no picture")


def _fit(frame: Any, size: tuple[int, int]) -> Any:
    """``frame`` as yuv420p at ``size``: scaled, or letterboxed when its shape differs."""
    import av

    width, height = size
    if (frame.width, frame.height) == size and frame.format.name == "yuv420p":
        return frame
    if abs(frame.width * height - frame.height * width) <= max(width, height):
        return frame.reformat(width=width, height=height, format="yuv420p")
    picture = ImageOps.pad(frame.to_image(), size, method=Image.Resampling.BICUBIC, color=(0, 0, 0))
    return av.VideoFrame.from_image(picture).reformat(format="yuv420p")


def _blend(a: Any, b: Any, alpha: float) -> Any:
    import av

    mixed = Image.blend(a.to_image(), b.to_image(), alpha)
    return av.VideoFrame.from_image(mixed).reformat(format="yuv420p")


def _audio(clip: ClipInfo, rate: int, samples: int) -> array[float]:
    """``samples`` samples of ``clip``'s audio as interleaved stereo floats at ``rate`` (silence
    where it has none, cut or padded to its picture's length)."""
    import av

    data = array("f")
    want = samples * _CHANNELS
    if clip.audio is not None:
        with av.open(str(clip.path)) as src:
            resampler = av.AudioResampler(format="flt", layout=AUDIO_LAYOUT, rate=rate)
            for frame in src.decode(src.streams.audio[0]):
                for got in resampler.resample(frame):
                    data.frombytes(bytes(got.planes[0])[: got.samples * _CHANNELS * 4])
                if len(data) >= want:
                    break
            for got in resampler.resample(None):
                data.frombytes(bytes(got.planes[0])[: got.samples * _CHANNELS * 4])
    del data[want:]
    data.extend([0.0] * (want - len(data)))
    return data


class _Sound:
    """The result's AAC track, written clip by clip; each clip's head mixes with the held tail of
    the one before (a linear cross-fade)."""

    FRAME = 1024

    def __init__(self, out: Any, rate: int, bit_rate: int) -> None:
        import av

        self.out, self.rate = out, rate
        self.stream = out.add_stream("aac", rate=rate, layout=AUDIO_LAYOUT)
        self.stream.bit_rate = bit_rate
        self.to_aac = av.AudioResampler(format="fltp", layout=AUDIO_LAYOUT, rate=rate)
        self.held = array("f")
        self.written = 0

    def add(self, samples: array[float], keep: int) -> None:
        overlap = min(len(self.held), len(samples)) // _CHANNELS
        for i in range(overlap * _CHANNELS):
            a = (i // _CHANNELS + 1) / (overlap + 1)
            samples[i] = self.held[i] * (1 - a) + samples[i] * a
        cut = len(samples) - keep * _CHANNELS
        self.held = samples[cut:]
        self._put(samples[:cut])

    def _put(self, samples: array[float]) -> None:
        import av

        step = self.FRAME * _CHANNELS
        for at in range(0, len(samples), step):
            chunk = samples[at : at + step]
            frame = av.AudioFrame(format="flt", layout=AUDIO_LAYOUT, samples=len(chunk) // _CHANNELS)
            frame.planes[0].update(chunk.tobytes())
            frame.sample_rate = self.rate
            frame.pts, frame.time_base = self.written, Fraction(1, self.rate)
            self.written += frame.samples
            for planar in self.to_aac.resample(frame):
                self.out.mux(self.stream.encode(planar))

    def close(self) -> None:
        for planar in self.to_aac.resample(None):
            self.out.mux(self.stream.encode(planar))
        self.out.mux(self.stream.encode(None))
