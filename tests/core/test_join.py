"""Joining clips (core/media/join.py): stream copy where the clips agree, re-encoding where they do
not, cross-fades, audio, and nothing half-written on cancel or failure."""

from __future__ import annotations

from pathlib import Path

import av
import pytest

from core.errors import ClipDeskError, ErrorKind
from core.joined import join_tasks
from core.library import read_sidecar
from core.media.join import JoinCancelled, JoinError, join_videos
from core.tasks.journal import TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from tests.support.clips import audio_seconds, frames, levels, loudness, make_clip, mean_colour, sound

RED, GREEN, BLUE = (255, 0, 0), (0, 255, 0), (0, 0, 255)
AAC_FRAME = 1024  # samples


def _near(colour: tuple[float, float, float], want: tuple[int, int, int], tolerance: float = 20) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, want, strict=True))


def _size(path: Path) -> tuple[int, int]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        return stream.codec_context.width, stream.codec_context.height


def test_clips_that_agree_are_copied_and_each_seam_shows_the_right_clip(tmp_path: Path) -> None:
    clips = [make_clip(tmp_path / f"{n}.mp4", c) for n, c in enumerate((RED, GREEN, BLUE))]
    result = join_videos(clips, tmp_path / "out" / "joined.mp4")
    assert result.copied and result.duration == pytest.approx(3.0, abs=0.05)
    pictures = frames(result.path)
    assert len(pictures) == 72
    for index, colour in [(0, RED), (23, RED), (24, GREEN), (47, GREEN), (48, BLUE), (71, BLUE)]:
        assert _near(mean_colour(pictures[index]), colour), (index, mean_colour(pictures[index]))


def test_mismatched_sizes_and_rates_are_re_encoded_to_the_first_clip(tmp_path: Path) -> None:
    first = make_clip(tmp_path / "a.mp4", RED, size=(320, 180), rate=24)
    square = make_clip(tmp_path / "b.mp4", GREEN, size=(200, 200), rate=30)
    wide = make_clip(tmp_path / "c.mp4", BLUE, size=(640, 360), rate=24, seconds=0.5)
    result = join_videos([first, square, wide], tmp_path / "joined.mp4")
    assert not result.copied
    assert _size(result.path) == (320, 180)
    pictures = frames(result.path)
    assert len(pictures) == 24 + 24 + 12 and result.duration == pytest.approx(2.5, abs=0.05)
    assert _near(mean_colour(pictures[23]), RED) and _near(mean_colour(pictures[48]), BLUE)
    square_shown = pictures[30].convert("RGB")
    assert _near(square_shown.getpixel((160, 90)), GREEN)  # the square clip, letterboxed
    assert _near(square_shown.getpixel((10, 90)), (0, 0, 0))


def test_a_cross_fade_shortens_each_seam_and_dissolves(tmp_path: Path) -> None:
    clips = [make_clip(tmp_path / f"{n}.mp4", c) for n, c in enumerate((RED, GREEN, BLUE))]
    result = join_videos(clips, tmp_path / "joined.mp4", crossfade=0.5)
    assert result.duration == pytest.approx(3.0 - 2 * 0.5, abs=0.05)
    pictures = frames(result.path)
    assert len(pictures) == 48
    assert _near(mean_colour(pictures[0]), RED) and _near(mean_colour(pictures[-1]), BLUE)
    r, g, b = mean_colour(pictures[12 + 6])  # the middle of the first seam: half red, half green
    assert 80 < r < 175 and 80 < g < 175 and b < 30


def test_audio_is_kept_in_step_and_a_clip_without_it_is_silence(tmp_path: Path) -> None:
    toned = make_clip(tmp_path / "a.mp4", RED, tone=440)
    mute = make_clip(tmp_path / "b.mp4", GREEN)
    again = make_clip(tmp_path / "c.mp4", BLUE, tone=660)
    result = join_videos([toned, mute, again], tmp_path / "joined.mp4")
    assert result.copied  # the picture is copied; the sound is made anew, silence for the mute clip
    pictures = frames(result.path)
    assert len(pictures) == 72
    assert _near(mean_colour(pictures[24]), GREEN) and _near(mean_colour(pictures[48]), BLUE)
    assert audio_seconds(result.path) == pytest.approx(3.0, abs=0.06)
    assert loudness(result.path, 0.2, 0.8) > 0.2
    assert loudness(result.path, 1.2, 1.8) < 0.01
    assert loudness(result.path, 2.2, 2.8) > 0.2
    copied = join_videos([toned, toned], tmp_path / "copied.mp4")
    assert copied.copied and audio_seconds(copied.path) == pytest.approx(2.0, abs=0.06)
    faded = join_videos([toned, again], tmp_path / "faded.mp4", crossfade=0.4)
    assert audio_seconds(faded.path) == pytest.approx(1.6, abs=0.06)


def test_copied_clips_sound_without_a_hole_at_each_seam(tmp_path: Path) -> None:
    # each clip's AAC priming and padding once went into the join as ~25 ms of silence per seam
    clips = [make_clip(tmp_path / f"{n}.mp4", c, tone=440) for n, c in enumerate((RED, GREEN, BLUE))]
    result = join_videos(clips, tmp_path / "joined.mp4")
    assert result.copied
    values, rate = sound(result.path)
    assert 3 * rate <= len(values) < 3 * rate + AAC_FRAME  # as long as the picture (an encoder's last frame)
    level, window = levels(result.path)
    heard = level[: 3 * rate // window]
    quiet = [round(n * window / rate, 3) for n, value in enumerate(heard) if value < 0.25]  # the tone: 0.35
    assert quiet == []


def test_clips_with_b_frames_are_copied_with_each_seam_in_picture_and_sound(tmp_path: Path) -> None:
    colours = (RED, GREEN, BLUE)
    clips = [make_clip(tmp_path / f"{n}.mp4", c, tone=440, preset="veryfast") for n, c in enumerate(colours)]
    result = join_videos(clips, tmp_path / "joined.mp4")
    assert result.copied and result.duration == pytest.approx(3.0, abs=0.05)
    pictures = frames(result.path)
    assert len(pictures) == 72
    for index, colour in [(23, RED), (24, GREEN), (47, GREEN), (48, BLUE)]:
        assert _near(mean_colour(pictures[index]), colour), (index, mean_colour(pictures[index]))
    level, window = levels(result.path)
    assert min(level[: 3 * 48000 // window]) > 0.25


def test_a_clip_with_another_sample_rate_is_resampled_and_the_picture_still_copied(tmp_path: Path) -> None:
    first = make_clip(tmp_path / "a.mp4", RED, tone=440)
    other = make_clip(tmp_path / "b.mp4", GREEN, tone=440, sample_rate=44100)
    result = join_videos([first, other], tmp_path / "joined.mp4")
    assert result.copied
    values, rate = sound(result.path)
    assert rate == 48000 and 2 * rate <= len(values) < 2 * rate + AAC_FRAME
    level, window = levels(result.path)
    assert min(level[: 2 * rate // window]) > 0.25


def test_copied_sound_changes_clip_where_the_picture_does(tmp_path: Path) -> None:
    loud = make_clip(tmp_path / "a.mp4", RED, tone=440)
    soft = make_clip(tmp_path / "b.mp4", GREEN, tone=440, volume=0.1)
    result = join_videos([loud, soft, loud], tmp_path / "joined.mp4")
    assert result.copied
    level, window = levels(result.path)
    rate = 48000
    heard = level[: 3 * rate // window]
    changes = [n * window / rate for n in range(1, len(heard)) if (heard[n - 1] > 0.2) != (heard[n] > 0.2)]
    assert changes == [pytest.approx(1.0, abs=AAC_FRAME / rate), pytest.approx(2.0, abs=AAC_FRAME / rate)]


def _left_behind(folder: Path, before: set[Path]) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} - before


def test_a_cancelled_join_leaves_nothing(tmp_path: Path) -> None:
    clips = [make_clip(tmp_path / f"{n}.mp4", c, seconds=2) for n, c in enumerate((RED, GREEN))]
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    seen: list[float] = []
    for crossfade in (0.0, 0.5):  # stream copy and re-encode
        with pytest.raises(JoinCancelled):
            join_videos(
                clips,
                tmp_path / "new folder" / "joined.mp4",
                crossfade=crossfade,
                progress=seen.append,
                cancel=lambda: bool(seen) and seen[-1] > 0.4,
            )
        assert _left_behind(tmp_path, before) == set()
        assert not (tmp_path / "new folder").exists()
        seen.clear()


def test_a_failing_join_leaves_nothing_and_says_why(tmp_path: Path) -> None:
    good = make_clip(tmp_path / "a.mp4", RED)
    junk = tmp_path / "b.mp4"
    junk.write_bytes(b"not a video at all" * 100)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(JoinError, match=r"b\.mp4"):
        join_videos([good, junk], tmp_path / "joined.mp4")
    with pytest.raises(JoinError, match="at least two"):
        join_videos([good], tmp_path / "joined.mp4")
    with pytest.raises(JoinError, match="cross-fade"):
        join_videos([good, good], tmp_path / "joined.mp4", crossfade=0.6)
    with pytest.raises(JoinError, match="one of the clips"):
        join_videos([good, good], good)

    def broken(_fraction: float) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        join_videos([good, good], tmp_path / "joined.mp4", crossfade=0.2, progress=broken)
    assert _left_behind(tmp_path, before) == set()


def _task(video: Path | None, state: TaskState = TaskState.SUCCEEDED, prompt: str = "p") -> TaskRecord:
    return TaskRecord(
        id=TaskRecord.new_id(),
        connection="c",
        dialect="local",
        base_url="",
        model="preview",
        request=GenerationRequest(model="preview", prompt=prompt),
        state=state,
        video_path=str(video) if video else None,
    )


def test_joined_tasks_land_in_the_library_with_a_sidecar_listing_the_parts(tmp_path: Path) -> None:
    a = _task(make_clip(tmp_path / "a.mp4", RED), prompt="dawn")
    b = _task(make_clip(tmp_path / "b.mp4", GREEN), prompt="noon")
    record = join_tasks([a, b], tmp_path / "library")
    assert record.video_path and Path(record.video_path).parent.parent == tmp_path / "library"
    assert record.request.params["parts"] == [a.id, b.id] and record.request.prompt == "dawn → noon"
    sidecar = read_sidecar(Path(record.video_path))
    assert sidecar is not None and sidecar["id"] == record.id
    assert [p["id"] for p in sidecar["parts"]] == [a.id, b.id]
    assert [p["prompt"] for p in sidecar["parts"]] == ["dawn", "noon"]

    failed = _task(None, TaskState.FAILED)
    gone = _task(tmp_path / "gone.mp4")
    for bad in (failed, gone):
        with pytest.raises(ClipDeskError) as caught:
            join_tasks([a, bad], tmp_path / "library")
        assert caught.value.kind is ErrorKind.INVALID_INPUT and bad.id[:8] in caught.value.message


def test_a_join_in_another_process_reports_progress_and_cancels_through_its_channel(tmp_path: Path) -> None:
    import multiprocessing

    from core.joined import JoinChannel, join_job

    a = _task(make_clip(tmp_path / "a.mp4", RED, seconds=2))
    b = _task(make_clip(tmp_path / "b.mp4", GREEN, seconds=2))
    channel = JoinChannel()
    try:
        context = multiprocessing.get_context("spawn")
        with context.Pool(1) as pool:
            done = pool.apply(join_job, ([a, b], str(tmp_path / "library"), None, 0.0, channel.name))
            assert isinstance(done, TaskRecord) and channel.progress == 1.0
            channel.cancel()
            stopped = pool.apply(join_job, ([a, b], str(tmp_path / "library"), None, 0.5, channel.name))
        assert stopped == {"kind": "cancelled", "message": "the join was cancelled"}
    finally:
        channel.close()
    assert (
        len([p for p in (tmp_path / "library").rglob("*") if p.is_file()]) == 2
    )  # the first and its sidecar
