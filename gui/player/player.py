"""A small video player: QMediaPlayer + QVideoWidget + QAudioOutput behind its own signals.

Where QtMultimedia is missing (or cannot load), it shows "playback unavailable" and the rest of
the window keeps working. The media objects are made on the first ``load()``, so start-up does
not pay for the multimedia backend.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.texts import fmt_duration
from gui.theme import icon

log = logging.getLogger("clipdesk.gui")

try:
    from PySide6.QtMultimedia import QAudioOutput, QMediaMetaData, QMediaPlayer
    from PySide6.QtMultimediaWidgets import QVideoWidget

    MULTIMEDIA = True
except ImportError as exc:  # pragma: no cover - depends on the installed wheels and libs
    log.warning("QtMultimedia unavailable: %s", exc)
    MULTIMEDIA = False

SPEEDS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
DEFAULT_FPS = 30.0


class Player(QWidget):
    playing_changed = Signal(bool)
    position_changed = Signal(int)  # ms
    duration_changed = Signal(int)  # ms
    source_changed = Signal(str)
    media_error = Signal(str)
    fullscreen_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, multimedia: bool = MULTIMEDIA) -> None:
        super().__init__(parent)
        self.available = multimedia
        self.source = ""
        self._player: Any = None
        self._audio: Any = None
        self._seeking = False
        self.setAccessibleName(self.tr("Video player"))
        self.stage = QWidget(self)  # near-black in both themes, as in Shotcut and OBS
        self.stage.setObjectName("playerStage")
        self.stage.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.stage.installEventFilter(self)
        self.stage.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its keys work before a video is loaded
        self.stage.setAccessibleName(self.tr("Picture"))
        self._stack = QStackedLayout(self.stage)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMinimumHeight(120)
        self._stack.addWidget(self.placeholder)
        self.video: Any = None
        if self.available:
            self.video = QVideoWidget(self)
            self.video.installEventFilter(self)
            self.video.setAccessibleName(self.tr("Video"))
            self.video.setMinimumSize(QSize(240, 135))
            self._stack.addWidget(self.video)
            self.placeholder.setText(self.tr("Double-click a finished video to play it here"))
        else:
            self.placeholder.setText(
                self.tr(
                    "Playback unavailable: the Qt multimedia components are missing. "
                    "Use “Open in system player”."
                )
            )
        self._build_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.stage, 1)
        layout.addLayout(self._controls)
        self._controls.setContentsMargins(6, 4, 6, 4)
        self._set_controls_enabled(False)

    # -- controls --------------------------------------------------------------------------------
    def _button(self, icon_name: str, tip: str, slot: Any, *, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setIconSize(QSize(20, 20))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        (button.toggled if checkable else button.clicked).connect(slot)
        return button

    def _build_controls(self) -> None:
        self.play_button = self._button("play", self.tr("Play / pause (Space)"), self.toggle_play)
        self.back_button = self._button("step-back", self.tr("Previous frame (← or ,)"), self.step_back)
        self.forward_button = self._button("step-forward", self.tr("Next frame (→ or .)"), self.step_forward)
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.seek.setAccessibleName(self.tr("Position"))
        self.seek.setRange(0, 0)
        self.seek.sliderPressed.connect(lambda: setattr(self, "_seeking", True))
        self.seek.sliderReleased.connect(self._seek_released)
        self.seek.valueChanged.connect(self._seek_moved)
        self.time_label = QLabel("0:00 / 0:00", self)
        self.time_label.setAccessibleName(self.tr("Time"))
        self.loop_button = self._button("repeat", self.tr("Loop (L)"), self.set_loop, checkable=True)
        self.speed = QComboBox(self)
        self.speed.setAccessibleName(self.tr("Speed"))
        self.speed.setToolTip(self.tr("Playback speed"))
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(lambda i: self.set_speed(SPEEDS[i]))
        self.mute_button = self._button("volume-2", self.tr("Mute (M)"), self.set_muted, checkable=True)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setRange(0, 100)
        self.volume.setValue(80)
        self.volume.setMaximumWidth(90)
        self.volume.valueChanged.connect(self.set_volume)
        self.fullscreen_button = self._button(
            "maximize", self.tr("Full screen (F, double-click; Esc leaves)"), self.toggle_fullscreen
        )
        self.external_button = self._button(
            "external-link", self.tr("Open in system player"), self.open_external
        )
        self._controls = QHBoxLayout()
        for button in (self.play_button, self.back_button, self.forward_button):
            self._controls.addWidget(button)
        self._controls.addWidget(self.seek, 1)
        for widget in (self.time_label, self.loop_button, self.speed, self.mute_button, self.volume):
            self._controls.addWidget(widget)
        self._controls.addWidget(self.fullscreen_button)
        self._controls.addWidget(self.external_button)
        keys = {
            "Space": self.toggle_play,
            "Left": self.step_back,
            ",": self.step_back,
            "Right": self.step_forward,
            ".": self.step_forward,
            "L": self.loop_button.toggle,
            "M": self.mute_button.toggle,
            "F": self.toggle_fullscreen,
        }
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._leave_key = QShortcut(QKeySequence("Escape"), self)  # only while full screen
        self._leave_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._leave_key.setEnabled(False)
        self._leave_key.activated.connect(self.leave_fullscreen)

    def _set_controls_enabled(self, enabled: bool) -> None:
        for widget in (
            self.play_button,
            self.back_button,
            self.forward_button,
            self.seek,
            self.fullscreen_button,
        ):
            widget.setEnabled(enabled and self.available)
        self.external_button.setEnabled(enabled)

    # -- media -----------------------------------------------------------------------------------
    def _ensure_player(self) -> Any:
        if self._player is None:
            self._player = QMediaPlayer(self)
            self._audio = QAudioOutput(self)
            self._audio.setVolume(self.volume.value() / 100)
            self._audio.setMuted(self.mute_button.isChecked())
            self._player.setAudioOutput(self._audio)
            self._player.setVideoOutput(self.video)
            self._player.setLoops(QMediaPlayer.Loops.Infinite if self.loop_button.isChecked() else 1)
            self._player.setPlaybackRate(SPEEDS[self.speed.currentIndex()])
            self._player.playbackStateChanged.connect(self._on_state)
            self._player.positionChanged.connect(self._on_position)
            self._player.durationChanged.connect(self._on_duration)
            self._player.errorOccurred.connect(self._on_error)
            self._player.mediaStatusChanged.connect(self._on_status)
        return self._player

    @property
    def media_player(self) -> Any:
        """The QMediaPlayer (None until the first load, or without multimedia)."""
        return self._player

    def video_sink(self) -> Any:
        """Where decoded frames arrive (tests watch ``videoFrameChanged`` here)."""
        return self.video.videoSink() if self.video is not None else None

    def load(self, path: str, *, autoplay: bool = True) -> None:
        self.source = path
        self._set_controls_enabled(bool(path))
        self.source_changed.emit(path)
        if not self.available:
            self.placeholder.setText(
                self.tr("Playback unavailable here. “Open in system player” plays %1.").replace(
                    "%1", Path(path).name
                )
            )
            return
        self._stack.setCurrentWidget(self.video)
        player = self._ensure_player()
        player.setSource(QUrl.fromLocalFile(path))
        if autoplay:
            player.play()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def is_playing(self) -> bool:
        return (
            self._player is not None
            and self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        )

    def toggle_play(self) -> None:
        if self._player is None or not self.source:
            return
        if self.is_playing():
            self._player.pause()
        else:
            self._player.play()

    def frame_ms(self) -> int:
        fps = DEFAULT_FPS
        if self._player is not None:
            value = self._player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
            if isinstance(value, int | float) and value > 0:
                fps = float(value)
        return max(1, round(1000 / fps))

    def step_forward(self) -> None:
        self._step(+1)

    def step_back(self) -> None:
        self._step(-1)

    def _step(self, frames: int) -> None:
        if self._player is None or not self.source:
            return
        self._player.pause()
        target = self._player.position() + frames * self.frame_ms()
        self._player.setPosition(max(0, min(target, self._player.duration())))

    def set_loop(self, loop: bool) -> None:
        if self._player is not None:
            self._player.setLoops(QMediaPlayer.Loops.Infinite if loop else 1)

    def set_speed(self, rate: float) -> None:
        index = SPEEDS.index(rate) if rate in SPEEDS else SPEEDS.index(1.0)
        if self.speed.currentIndex() != index:
            self.speed.setCurrentIndex(index)
        if self._player is not None:
            self._player.setPlaybackRate(rate)

    def set_volume(self, value: int) -> None:
        if self._audio is not None:
            self._audio.setVolume(value / 100)

    def set_muted(self, muted: bool) -> None:
        self.mute_button.setIcon(icon("volume-x" if muted else "volume-2"))
        if self._audio is not None:
            self._audio.setMuted(muted)

    # -- full screen -----------------------------------------------------------------------------
    def is_fullscreen(self) -> bool:
        return self.isWindow() and self.parentWidget() is not None

    def toggle_fullscreen(self) -> None:
        if self.is_fullscreen():
            self.leave_fullscreen()
        else:
            self.enter_fullscreen()

    def enter_fullscreen(self) -> None:
        """The whole player (picture and controls) fills the screen of its window, as a window of
        its own that stays the window's child: :meth:`leave_fullscreen` puts it back in its place."""
        if self.is_fullscreen() or self.parentWidget() is None:
            return
        screen = self.window().screen()
        self.setWindowFlag(Qt.WindowType.Window, True)
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.stage.setFocus()
        self._leave_key.setEnabled(True)
        self.fullscreen_button.setIcon(icon("minimize"))
        self.fullscreen_changed.emit(True)

    def leave_fullscreen(self) -> None:
        if not self.is_fullscreen():
            return
        self._leave_key.setEnabled(False)
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowFullScreen)
        self.setWindowFlag(Qt.WindowType.Window, False)
        self.show()  # back in its place in the window's layout
        home = self.window()
        home.activateWindow()
        self.play_button.setFocus()
        self.fullscreen_button.setIcon(icon("maximize"))
        self.fullscreen_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonDblClick:
            self.toggle_fullscreen()
            return True
        return super().eventFilter(watched, event)

    def open_external(self) -> None:
        if self.source:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.source))

    # -- player signals --------------------------------------------------------------------------
    def _on_state(self, state: Any) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setIcon(icon("pause" if playing else "play"))
        self.playing_changed.emit(playing)

    def _on_position(self, position: int) -> None:
        if not self._seeking:
            self.seek.blockSignals(True)
            self.seek.setValue(position)
            self.seek.blockSignals(False)
        self._show_time(position)
        self.position_changed.emit(position)

    def _on_duration(self, duration: int) -> None:
        self.seek.setRange(0, max(0, duration))
        self.seek.setSingleStep(self.frame_ms())
        self.seek.setPageStep(1000)
        self._show_time(self._player.position() if self._player else 0)
        self.duration_changed.emit(duration)

    def _show_time(self, position: int) -> None:
        duration = self._player.duration() if self._player is not None else 0
        self.time_label.setText(f"{fmt_duration(position / 1000)} / {fmt_duration(duration / 1000)}")

    def _seek_moved(self, value: int) -> None:
        if self._player is not None:
            self._player.setPosition(value)

    def _seek_released(self) -> None:
        self._seeking = False
        if self._player is not None:
            self._player.setPosition(self.seek.value())

    def _on_status(self, status: Any) -> None:
        # At the end, stay on the last frame instead of a black picture.
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self._player.loops() == 1:
            self._player.pause()
            self._player.setPosition(max(0, self._player.duration() - self.frame_ms()))

    def _on_error(self, _error: Any, text: str) -> None:
        self.media_error.emit(text)
        self.placeholder.setText(self.tr("This video cannot be played: %1").replace("%1", text))
        self._stack.setCurrentWidget(self.placeholder)
