"""Two to four videos side by side under one transport: play, pause, seek, frame step, speed and
loop act on all of them, and they stay on the same frame. The same view shows a group of
variations (up to nine) with a "keep" box under each.

The longest video leads: its clock is the transport's. While playing, a follower more than a
frame away from the leader is moved back to it (checked a few times a second; setting a position
is all it costs). A shorter video holds its last frame until the leader ends or loops. All are
muted (a grid of takes is for looking). Two videos can also be shown as a wipe: one over the
other, split where the mouse drags. Keys: Space play/pause, ←/→ one frame, Shift+←/→ one
second, Home the start, [ and ] slower/faster, L loop, W wipe, F full screen (Esc leaves it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedLayout,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.player.player import DEFAULT_FPS, MULTIMEDIA, SPEEDS
from gui.texts import fmt_duration
from gui.views.wipe_view import WipeView

if MULTIMEDIA:
    from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget

MAX_VIDEOS = 4
SYNC_MS = 200  # how often followers are checked against the leader while playing


class CompareView(QWidget):
    """A window of 2–4 videos with one transport (see the module doc)."""

    position_changed = Signal(int)  # ms, the leader's
    keep_chosen = Signal(list)  # indexes of the videos checked "keep" (a group's grid)
    compare_chosen = Signal(list)  # indexes of the 2–4 videos checked, to compare on their own

    def __init__(
        self,
        videos: list[tuple[str, str]],
        parent: QWidget | None = None,
        *,
        limit: int = MAX_VIDEOS,
        keepers: bool = False,
    ) -> None:
        """``videos``: (path, title) pairs, 2 to ``limit`` of them. ``keepers``: each video gets a
        "keep" box, and a button hands the kept ones to ``keep_chosen`` (a group of variations)."""
        super().__init__(parent, Qt.WindowType.Window)
        if not 2 <= len(videos) <= limit:
            raise ValueError(f"compare takes 2 to {limit} videos")
        self.keep_boxes: list[QCheckBox] = []
        self._keepers = keepers
        self.setWindowTitle(self.tr("Compare %n video(s)", "", len(videos)))
        self.setAccessibleName(self.tr("Compare videos"))
        self.sources = [path for path, _title in videos]
        self.players: list[Any] = []
        self.screens: list[QWidget] = []
        self._seeking = False
        self._loop = False
        self._sync = QTimer(self)
        self._sync.setInterval(SYNC_MS)
        self._sync.timeout.connect(self.resync)
        self._build(videos)
        self._shortcuts()
        if MULTIMEDIA:
            for path, screen in zip(self.sources, self.screens, strict=True):
                self._add_player(path, screen)

    # -- building --------------------------------------------------------------------------------
    def _build(self, videos: list[tuple[str, str]]) -> None:
        self.side_by_side = QWidget(self)
        grid = QGridLayout(self.side_by_side)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        columns = 2 if len(videos) <= 4 else 3
        for n, (path, title) in enumerate(videos):
            cell = QVBoxLayout()
            screen: QWidget = (
                QVideoWidget(self) if MULTIMEDIA else QLabel(self.tr("Playback unavailable"), self)
            )
            screen.setMinimumSize(160, 90)
            screen.setAccessibleName(self.tr("Video %1").replace("%1", str(n + 1)))
            label = QLabel(title or Path(path).name, self)
            label.setToolTip(path)
            label.setMaximumHeight(label.sizeHint().height())
            cell.addWidget(screen, 1)
            caption = QHBoxLayout()
            caption.addWidget(label, 1)
            if self._keepers:
                keep = QCheckBox(self.tr("Keep"), self)
                keep.setAccessibleName(self.tr("Keep video %1").replace("%1", str(n + 1)))
                self.keep_boxes.append(keep)
                caption.addWidget(keep)
            cell.addLayout(caption)
            grid.addLayout(cell, n // columns, n % columns)
            self.screens.append(screen)

        def button(icon: QStyle.StandardPixmap, tip: str, slot: Any) -> QToolButton:
            b = QToolButton(self)
            b.setIcon(self.style().standardIcon(icon))
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(slot)
            return b

        SP = QStyle.StandardPixmap
        self.play_button = button(SP.SP_MediaPlay, self.tr("Play or pause all (Space)"), self.toggle_play)
        self.back_button = button(SP.SP_MediaSeekBackward, self.tr("One frame back (←)"), self.step_back)
        self.forward_button = button(SP.SP_MediaSeekForward, self.tr("One frame on (→)"), self.step_forward)
        self.fullscreen_button = button(
            SP.SP_TitleBarMaxButton, self.tr("Full screen (F)"), self.toggle_fullscreen
        )
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.seek.setAccessibleName(self.tr("Position"))
        self.seek.sliderPressed.connect(lambda: setattr(self, "_seeking", True))
        self.seek.sliderReleased.connect(self._seek_released)
        self.seek.valueChanged.connect(self._seek_moved)
        self.time_label = QLabel("0:00 / 0:00", self)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Speed"))
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda i: self.set_speed(SPEEDS[i]))
        self.loop_box = QCheckBox(self.tr("Loop"), self)
        self.loop_box.setToolTip(self.tr("Start again at the end (L)"))
        self.loop_box.toggled.connect(self.set_loop)

        bar = QHBoxLayout()
        for control in (self.play_button, self.back_button, self.forward_button):
            bar.addWidget(control)
        bar.addWidget(self.seek, 1)
        for widget in (self.time_label, self.speed, self.loop_box, self.fullscreen_button):
            bar.addWidget(widget)
        self.wipe: WipeView | None = None
        self.wipe_box = QCheckBox(self.tr("Wipe"), self)
        self.wipe_box.setToolTip(self.tr("One over the other, split where you drag (W)"))
        self.wipe_box.setVisible(len(videos) == 2 and MULTIMEDIA)
        self.wipe_box.toggled.connect(self.set_wipe)
        bar.insertWidget(bar.count() - 1, self.wipe_box)
        self.views = QStackedLayout()
        self.views.addWidget(self.side_by_side)
        layout = QVBoxLayout(self)
        layout.addLayout(self.views, 1)
        layout.addLayout(bar)
        if self._keepers:
            self.keep_button = QPushButton(self.tr("Keep the checked, move the rest to the trash"), self)
            self.keep_button.clicked.connect(self._keep)
            self.compare_button = QPushButton(self.tr("Compare the checked"), self)
            self.compare_button.setToolTip(self.tr("Two to four checked videos side by side"))
            self.compare_button.clicked.connect(self._compare_checked)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(self.compare_button)
            row.addWidget(self.keep_button)
            layout.addLayout(row)

    def _compare_checked(self) -> None:
        checked = [n for n, box in enumerate(self.keep_boxes) if box.isChecked()]
        if 2 <= len(checked) <= MAX_VIDEOS:
            self.pause()
            self.compare_chosen.emit(checked)

    def _keep(self) -> None:
        kept = [n for n, box in enumerate(self.keep_boxes) if box.isChecked()]
        if kept:
            self.keep_chosen.emit(kept)
            self.close()

    def _shortcuts(self) -> None:
        for key, slot in (
            ("Space", self.toggle_play),
            ("Left", self.step_back),
            ("Right", self.step_forward),
            ("Shift+Left", lambda: self.seek_to(self.position() - 1000)),
            ("Shift+Right", lambda: self.seek_to(self.position() + 1000)),
            ("Home", lambda: self.seek_to(0)),
            ("[", lambda: self._speed_step(-1)),
            ("]", lambda: self._speed_step(+1)),
            ("L", self.loop_box.toggle),
            ("W", self._toggle_wipe),
            ("F", self.toggle_fullscreen),
            ("Escape", self._leave_fullscreen),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    def _add_player(self, path: str, screen: QWidget) -> None:
        player = QMediaPlayer(self)
        player.setVideoOutput(screen)
        player.setSource(QUrl.fromLocalFile(path))
        player.pause()  # paused, not stopped: the first frame shows, and seeks show theirs
        player.durationChanged.connect(self._on_duration)
        player.mediaStatusChanged.connect(lambda status, p=player: self._on_status(p, status))
        self.players.append(player)
        if len(self.players) == 1:
            player.positionChanged.connect(self._on_position)
            player.playbackStateChanged.connect(self._on_state)

    # -- the transport ---------------------------------------------------------------------------
    @property
    def leader(self) -> Any:
        """The longest video's player (its clock is the transport's)."""
        return max(self.players, key=lambda p: p.duration()) if self.players else None

    def position(self) -> int:
        return int(self.leader.position()) if self.leader is not None else 0

    def duration(self) -> int:
        return int(self.leader.duration()) if self.leader is not None else 0

    def is_playing(self) -> bool:
        leader = self.leader
        return leader is not None and leader.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def frame_ms(self) -> int:
        fps = DEFAULT_FPS
        if self.leader is not None:
            value = self.leader.metaData().value(QMediaMetaData.Key.VideoFrameRate)
            if isinstance(value, int | float) and value > 0:
                fps = float(value)
        return max(1, round(1000 / fps))

    def play(self) -> None:
        if self.position() >= self.duration() - self.frame_ms():
            self.seek_to(0)
        for player in self.players:
            if player.position() < player.duration() - self.frame_ms():
                player.play()
        self._sync.start()

    def pause(self) -> None:
        self._sync.stop()
        for player in self.players:
            player.pause()
        self.seek_to(self.position())  # all on the leader's frame

    def toggle_play(self) -> None:
        self.pause() if self.is_playing() else self.play()

    def seek_to(self, ms: int) -> None:
        ms = max(0, min(int(ms), self.duration()))
        for player in self.players:
            player.setPosition(min(ms, max(0, player.duration() - self.frame_ms())))

    def step_forward(self) -> None:
        self._step(+1)

    def step_back(self) -> None:
        self._step(-1)

    def _step(self, frames: int) -> None:
        self._sync.stop()
        for player in self.players:
            player.pause()
        self.seek_to(self.position() + frames * self.frame_ms())

    def set_speed(self, rate: float) -> None:
        if self.speed.currentData() != rate and rate in SPEEDS:
            self.speed.setCurrentIndex(SPEEDS.index(rate))
        for player in self.players:
            player.setPlaybackRate(rate)
        self.seek_to(self.position())

    def _speed_step(self, by: int) -> None:
        index = max(0, min(len(SPEEDS) - 1, self.speed.currentIndex() + by))
        self.speed.setCurrentIndex(index)

    def set_loop(self, loop: bool) -> None:
        self._loop = loop
        if self.loop_box.isChecked() != loop:
            self.loop_box.setChecked(loop)

    def resync(self) -> None:
        """Move a follower more than a frame off the leader back to the leader's position."""
        leader = self.leader
        if leader is None:
            return
        at, frame = leader.position(), self.frame_ms()
        for player in self.players:
            if player is leader:
                continue
            want = min(at, max(0, player.duration() - frame))
            if abs(player.position() - want) > frame:
                player.setPosition(want)

    def _toggle_wipe(self) -> None:
        if not self.wipe_box.isHidden():
            self.wipe_box.toggle()

    def set_wipe(self, on: bool) -> None:
        """Two videos one over the other (the second's left part over the first), or side by side."""
        if len(self.players) != 2:
            return
        if on and self.wipe is None:
            self.wipe = WipeView(self)
            self.views.addWidget(self.wipe)
        if self.wipe_box.isChecked() != on:
            self.wipe_box.setChecked(on)
        if on and self.wipe is not None:
            self.players[0].setVideoOutput(self.wipe.under)
            self.players[1].setVideoOutput(self.wipe.over)
            self.views.setCurrentWidget(self.wipe)
        else:
            for player, screen in zip(self.players, self.screens, strict=True):
                player.setVideoOutput(screen)
            self.views.setCurrentWidget(self.side_by_side)
        self.seek_to(self.position())  # a paused picture again in its new place

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _leave_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    # -- player signals --------------------------------------------------------------------------
    def _on_duration(self, _duration: int) -> None:
        self.seek.setRange(0, self.duration())
        self.seek.setSingleStep(self.frame_ms())
        self.seek.setPageStep(1000)
        self._show_time()

    def _on_position(self, _position: int) -> None:
        if not self._seeking:
            self.seek.blockSignals(True)
            self.seek.setValue(self.position())
            self.seek.blockSignals(False)
        self._show_time()
        self.position_changed.emit(self.position())

    def _on_state(self, _state: Any) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if self.is_playing() else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _on_status(self, player: Any, status: Any) -> None:
        if status != QMediaPlayer.MediaStatus.EndOfMedia:
            return
        if player is not self.leader:  # a shorter video holds its last frame
            player.pause()
            player.setPosition(max(0, player.duration() - self.frame_ms()))
            return
        if self._loop:
            self.seek_to(0)
            for each in self.players:
                each.play()
        else:
            self.pause()

    def _seek_moved(self, value: int) -> None:
        if self._seeking:
            self.seek_to(value)

    def _seek_released(self) -> None:
        self._seeking = False
        self.seek_to(self.seek.value())

    def _show_time(self) -> None:
        self.time_label.setText(
            f"{fmt_duration(self.position() / 1000)} / {fmt_duration(self.duration() / 1000)}"
        )

    def closeEvent(self, event: Any) -> None:
        self._sync.stop()
        for player in self.players:
            player.stop()
        super().closeEvent(event)
