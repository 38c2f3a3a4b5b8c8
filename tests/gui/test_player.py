"""The player wrapper: its own signals, keyboard control, frame steps, speed, loop, volume, and
"playback unavailable" instead of a crash without QtMultimedia."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from gui.player.player import MULTIMEDIA, Player
from tests.gui.conftest import run, signal_future, until
from tests.gui.test_library import make_video

pytestmark = pytest.mark.skipif(not MULTIMEDIA, reason="QtMultimedia is not available")


@pytest.fixture
def player(qtbot: Any) -> Player:
    widget = Player()
    qtbot.addWidget(widget)
    widget.resize(480, 320)
    widget.show()
    return widget


def test_without_multimedia_it_says_playback_unavailable(qtbot: Any, tmp_path: Path) -> None:
    widget = Player(multimedia=False)
    qtbot.addWidget(widget)
    assert "Playback unavailable" in widget.placeholder.text()
    widget.load(str(tmp_path / "clip.mp4"))
    assert widget.media_player is None
    assert not widget.play_button.isEnabled()
    assert widget.external_button.isEnabled()
    assert "clip.mp4" in widget.placeholder.text()


def test_play_pause_with_space_and_frames_arrive(
    player: Player, qloop: Any, qtbot: Any, tmp_path: Path
) -> None:
    video = make_video(tmp_path / "v.mp4", frames=36)
    frames: list[int] = []

    async def go() -> None:
        duration = signal_future(player.duration_changed)
        player.load(str(video))
        sink = player.video_sink()
        sink.videoFrameChanged.connect(lambda f: f.isValid() and frames.append(f.startTime()))
        assert (await duration)[0] > 2000
        await until(lambda: len(frames) >= 3, what="frames")
        player.play_button.setFocus()
        qtbot.keyClick(player.play_button, Qt.Key.Key_Space)
        await until(lambda: not player.is_playing(), what="pause by Space")
        qtbot.keyClick(player.play_button, Qt.Key.Key_Space)
        await until(player.is_playing, what="play by Space")

    run(qloop, go())


def test_frame_step_speed_loop_and_volume(player: Player, qloop: Any, tmp_path: Path) -> None:
    video = make_video(tmp_path / "v.mp4", frames=36)

    async def go() -> None:
        player.load(str(video), autoplay=False)
        await until(lambda: player.media_player.duration() > 0, what="the duration")
        start = player.media_player.position()
        player.step_forward()
        player.step_forward()
        await until(lambda: player.media_player.position() >= start + player.frame_ms(), what="two frames on")
        assert not player.is_playing()
        before = player.media_player.position()
        player.step_back()
        await until(lambda: player.media_player.position() < before, what="a frame back")

    run(qloop, go())
    player.set_speed(2.0)
    assert player.media_player.playbackRate() == 2.0
    assert player.speed.currentText() == "2×"
    player.loop_button.setChecked(True)
    assert player.media_player.loops() == -1
    player.volume.setValue(30)
    assert abs(player._audio.volume() - 0.3) < 0.01
    player.mute_button.setChecked(True)
    assert player._audio.isMuted()


def test_controls_have_accessible_names(player: Player) -> None:
    from PySide6.QtWidgets import QComboBox, QSlider, QToolButton

    for widget in (
        player.findChildren(QToolButton) + player.findChildren(QSlider) + player.findChildren(QComboBox)
    ):
        assert widget.accessibleName(), widget
