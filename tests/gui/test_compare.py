"""The compare view: two to four videos under one transport, on the same frame after seeks,
frame steps and speed changes; its keys; full screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui.player.player import MULTIMEDIA
from gui.views.compare_view import CompareView
from tests.gui.conftest import run, until
from tests.support.videos import make_video

pytestmark = pytest.mark.skipif(not MULTIMEDIA, reason="QtMultimedia is not available")


@pytest.fixture
def view(qtbot: Any, tmp_path: Path) -> CompareView:
    videos = [
        (str(make_video(tmp_path / "a.mp4", "#2050c0", frames=48, rate=24)), "blue"),
        (str(make_video(tmp_path / "b.mp4", "#20c050", frames=48, rate=24)), "green"),
        (str(make_video(tmp_path / "c.mp4", "#c05020", frames=36, rate=24)), "shorter"),
    ]
    widget = CompareView(videos)
    qtbot.addWidget(widget)
    widget.resize(640, 480)
    widget.show()
    return widget


def _spread(view: CompareView) -> int:
    """How far apart the videos are (a shorter one counts from its last frame)."""
    at = view.position()
    wants = [min(at, p.duration() - view.frame_ms()) for p in view.players]
    return max(abs(p.position() - w) for p, w in zip(view.players, wants, strict=True))


def test_refuses_fewer_than_two_or_more_than_four(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        CompareView([("a.mp4", "a")])
    with pytest.raises(ValueError):
        CompareView([(f"{n}.mp4", "") for n in range(5)])


def test_players_stay_within_a_frame_after_seek_step_and_speed(
    view: CompareView, qloop: Any, qtbot: Any
) -> None:
    async def go() -> None:
        await until(lambda: all(p.duration() > 0 for p in view.players), what="durations")
        assert view.duration() == pytest.approx(2000, abs=50)  # the longest leads
        frame = view.frame_ms()
        assert frame == pytest.approx(1000 / 24, abs=1)

        view.seek_to(1000)
        await until(lambda: abs(view.position() - 1000) <= frame and _spread(view) <= frame, what="seek")
        view.step_forward()
        view.step_forward()
        await until(lambda: view.position() >= 1000 + frame and _spread(view) <= frame, what="two frames on")
        view.step_back()
        await until(lambda: _spread(view) <= frame, what="a frame back")

        view.set_speed(2.0)
        assert all(p.playbackRate() == 2.0 for p in view.players)
        view.seek_to(200)
        view.play()
        await until(lambda: view.position() > 600, what="playing at 2x")
        view.pause()
        await until(lambda: _spread(view) <= frame, what="paused together")

        # the shorter video holds its last frame past its end
        view.seek_to(1800)
        await until(lambda: view.position() >= 1700 and _spread(view) <= frame, what="past the shorter end")
        assert view.players[2].position() <= view.players[2].duration()

        # keys: Space plays and pauses all, → steps, ] speeds up, L loops, F full screen
        view.seek_to(0)
        await until(lambda: view.position() <= frame, what="the start")
        qtbot.keyClick(view, Qt.Key.Key_Space)
        await until(view.is_playing, what="Space plays")
        qtbot.keyClick(view, Qt.Key.Key_Space)
        await until(lambda: not view.is_playing() and _spread(view) <= frame, what="Space pauses")
        before = view.position()
        qtbot.keyClick(view, Qt.Key.Key_Right)
        await until(lambda: view.position() > before, what="→ steps on")
        view.set_speed(1.0)
        qtbot.keyClick(view, Qt.Key.Key_BracketRight)
        assert all(p.playbackRate() == 1.25 for p in view.players)
        qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
        assert view.speed.currentData() == 1.0
        qtbot.keyClick(view, Qt.Key.Key_L)
        assert view.loop_box.isChecked()
        qtbot.keyClick(view, Qt.Key.Key_F)
        await until(view.isFullScreen, what="full screen")
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        await until(lambda: not view.isFullScreen(), what="out of full screen")

    run(qloop, go())


def test_two_videos_as_a_wipe(qtbot: Any, qloop: Any, tmp_path: Path) -> None:
    videos = [
        (str(make_video(tmp_path / "a.mp4", "#2050c0", frames=24, rate=24)), "blue"),
        (str(make_video(tmp_path / "b.mp4", "#c05020", frames=24, rate=24)), "red"),
    ]
    view = CompareView(videos)
    qtbot.addWidget(view)
    view.resize(640, 480)
    view.show()
    assert not view.wipe_box.isHidden()

    async def go() -> None:
        await until(lambda: all(p.duration() > 0 for p in view.players), what="durations")
        qtbot.keyClick(view, Qt.Key.Key_W)
        assert view.wipe is not None and view.views.currentWidget() is view.wipe
        assert view.players[0].videoOutput() is view.wipe.under
        assert view.players[1].videoOutput() is view.wipe.over
        qtbot.mouseClick(
            view.wipe.viewport(), Qt.MouseButton.LeftButton, pos=view.wipe.viewport().rect().center()
        )
        assert view.wipe.split == pytest.approx(0.5, abs=0.02)
        view.wipe.set_split(0.25)
        width = view.wipe.viewport().width()
        assert view.wipe.window_item.rect().width() == pytest.approx(width * 0.25, abs=1)
        view.step_forward()
        await until(
            lambda: _spread(view) <= view.frame_ms() and view.position() > 0, what="a step in the wipe"
        )
        qtbot.keyClick(view, Qt.Key.Key_W)
        assert view.views.currentWidget() is view.side_by_side
        assert view.players[0].videoOutput() is view.screens[0]

    run(qloop, go())
    view.close()
    three = CompareView([*videos, videos[0]])
    qtbot.addWidget(three)
    assert three.wipe_box.isHidden()
