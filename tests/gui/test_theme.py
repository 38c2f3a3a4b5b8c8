"""The look: dark where the system says nothing, a manual choice that holds, colours from one
palette, a focus ring one can see, icons drawn in the palette's colours, bundled fonts loaded."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from gui import theme


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The test's theme is undone after it (other tests run with Qt's own look)."""
    palette, sheet, style = qapp.palette(), qapp.styleSheet(), qapp.style().name()
    yield qapp
    found = qapp.findChild(theme.Theme)
    if found is not None:
        found.setParent(None)
        found.deleteLater()
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    QApplication.setStyle(style)


def window_lightness() -> int:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_system_mode_without_a_desktop_is_dark(themed: QApplication) -> None:
    assert themed.styleHints().colorScheme() == Qt.ColorScheme.Unknown  # offscreen: no desktop
    theme.apply_theme(themed, "system")
    assert theme.is_dark()
    assert window_lightness() < 80


def test_manual_choice_light_and_back_to_dark(themed: QApplication) -> None:
    theme.apply_theme(themed, "light")
    assert not theme.is_dark() and window_lightness() > 200
    assert theme.colour("error") == QColor(theme.LIGHT["error"])
    theme.apply_theme(themed, "dark")
    assert theme.is_dark()
    assert theme.colour("error") == QColor(theme.DARK["error"])


def test_system_following_reacts_to_a_scheme_change(themed: QApplication) -> None:
    found = theme.apply_theme(themed, "system")
    found.dark = True
    found._system_changed(Qt.ColorScheme.Light)  # what colorSchemeChanged delivers
    assert found.dark is False and not theme.is_dark()
    found.apply("light")
    found._system_changed(Qt.ColorScheme.Dark)
    assert not theme.is_dark()  # a manual choice is not overridden by the system


def ring_pixels(button: QPushButton, accent: QColor) -> int:
    image: QImage = button.grab().toImage()
    return sum(
        1
        for x in range(image.width())
        for y in (1, image.height() // 2, image.height() - 2)
        if abs(image.pixelColor(x, y).hue() - accent.hue()) < 12 and image.pixelColor(x, y).saturation() > 120
    )


@pytest.mark.parametrize("mode", ["dark", "light"])
def test_focus_ring_is_visible_in_both_themes(themed: QApplication, qtbot: Any, mode: str) -> None:
    theme.apply_theme(themed, mode)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    first, second = QPushButton("One", host), QPushButton("Two", host)
    layout.addWidget(first)
    layout.addWidget(second)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    accent = QColor(theme.tokens(mode == "dark")["accent"])
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    unfocused = ring_pixels(first, accent)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    focused = ring_pixels(first, accent)
    assert unfocused == 0
    assert focused > first.width()  # a ring along the edges, in the accent colour


def test_icons_take_the_palette_colour_and_follow_a_change(themed: QApplication) -> None:
    play = theme.icon("play")
    for mode in ("dark", "light"):
        theme.apply_theme(themed, mode)
        image = play.pixmap(QSize(48, 48)).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(48)
            for y in range(48)
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert inked, "the icon drew nothing"
        text = QColor(theme.tokens(mode == "dark")["text"])
        assert all(abs(c.lightness() - text.lightness()) < 8 for c in inked)


def test_icons_are_drawn_at_twice_the_size_for_a_2x_screen(themed: QApplication) -> None:
    pixmap = theme.icon("film").pixmap(QSize(24, 24), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(48, 48)


def test_every_icon_file_is_from_the_recorded_set() -> None:
    folder = theme.ICON_DIR
    assert (folder / "LICENSE").read_text().startswith("ISC License")
    for svg in folder.glob("*.svg"):
        assert "lucide" in svg.read_text()


def test_bundled_fonts_are_added_after_the_ui_font(qapp: QApplication, tmp_path: Path) -> None:
    source = next(
        (
            Path(p)
            for p in (
                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            )
            if Path(p).exists()
        ),
        None,
    )
    if source is None:
        pytest.skip("no font file on this machine to stand in for the bundled one")
    shutil.copy(source, tmp_path / source.name)
    (tmp_path / "OFL.txt").write_text("licence")
    before = qapp.font()
    try:
        families = theme.load_bundled_fonts(qapp, tmp_path, system_has_chinese=False)
        assert families
        assert qapp.font().families()[-len(families) :] == families
        assert qapp.font().families()[0] == before.families()[0]
    finally:
        qapp.setFont(before)
    assert theme.load_bundled_fonts(qapp, tmp_path / "absent") == []


def test_no_widget_sets_its_own_colours() -> None:
    """Colours are named in gui/theme.py only: no hex colour, QColor literal or stylesheet
    colour anywhere else in the GUI's code."""
    import re

    root = Path(theme.__file__).parent
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*\d|QColor\(\"|setStyleSheet\(")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        if path.name != "theme.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
