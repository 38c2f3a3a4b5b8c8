"""The look: one palette, one stylesheet, the icons and the bundled fonts, in one place.

Fusion everywhere with our own QPalette (dark or light) and a short stylesheet for what a palette
cannot say (radius, padding, the focus ring, the player's stage, tones of text). Widgets pick no
colours of their own: they name a *tone* (``setProperty("tone", "error")``) or an object name the
stylesheet knows, and models ask :func:`colour`.

The mode is ``system``, ``dark`` or ``light``. ``system`` follows Qt's colour scheme
(``QStyleHints.colorScheme``) and is dark where the system says nothing (no desktop, most Linux
window managers), as Shotcut and Kdenlive start. A system change re-themes the app while the mode
is ``system``.

Icons are Lucide SVGs (resources/icons/lucide, ISC) drawn in the palette's text colour at paint
time, so they follow a theme change and stay crisp at any scale. A subset of Noto Sans SC
(resources/fonts, OFL) draws Chinese where the system has no font for it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QRect, QRectF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

log = logging.getLogger("clipdesk.gui")
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
ICON_DIR = RESOURCES / "icons" / "lucide"
FONT_DIR = RESOURCES / "fonts"
CHINESE_FONT = FONT_DIR / "NotoSansSC-Regular.otf"  # a subset of Noto Sans SC (OFL), see its README
MODES = ("system", "dark", "light")

# The two palettes: role -> colour. Text tones (error, warning, muted, ok) and the stage are ours.
DARK = {
    "window": "#26282b",
    "base": "#1b1c1f",
    "alt_base": "#222327",
    "button": "#33363b",
    "text": "#e8e8ea",
    "muted": "#9a9ca3",
    "mid": "#45484e",
    "accent": "#4c9bf0",
    "accent_text": "#ffffff",
    "error": "#ff7a6b",
    "warning": "#f2b450",
    "ok": "#6cd08a",
    "stage": "#0c0c0d",
    "stage_text": "#c8c8cc",
}
LIGHT = {
    "window": "#eff0f2",
    "base": "#ffffff",
    "alt_base": "#f6f7f8",
    "button": "#f9f9fa",
    "text": "#1d1e21",
    "muted": "#6a6d74",
    "mid": "#c4c7cc",
    "accent": "#1f6fd1",
    "accent_text": "#ffffff",
    "error": "#c0392b",
    "warning": "#9a5b00",
    "ok": "#1e7d3a",
    "stage": "#0c0c0d",
    "stage_text": "#c8c8cc",
}

SPACING = 8  # px between controls; the stylesheet's paddings derive from it
RADIUS = 6


def tokens(dark: bool) -> dict[str, str]:
    return DARK if dark else LIGHT


def build_palette(dark: bool) -> QPalette:
    t = tokens(dark)
    c = {name: QColor(value) for name, value in t.items()}
    palette = QPalette()
    role = QPalette.ColorRole
    for r, name in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "base"),
        (role.AlternateBase, "alt_base"),
        (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "muted"),
        (role.Text, "text"),
        (role.Button, "button"),
        (role.ButtonText, "text"),
        (role.BrightText, "error"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "accent_text"),
        (role.Link, "accent"),
        (role.Mid, "mid"),
        (role.Accent, "accent"),
    ):
        palette.setColor(r, c[name])
    palette.setColor(role.Light, c["button"].lighter(130))
    palette.setColor(role.Midlight, c["button"].lighter(115))
    palette.setColor(role.Dark, c["mid"].darker(150))
    palette.setColor(role.Shadow, QColor("#000000"))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, c["muted"].darker(130) if dark else c["muted"].lighter(140))
    palette.setColor(disabled, role.Highlight, c["mid"])
    return palette


def arrow_files(dark: bool, folder: Path | None = None) -> dict[str, str]:
    """The combo and spin box arrows in the theme's text colours, as files the stylesheet can name
    (a stylesheet takes an image by path only): ``{"down": path, "up": path, "down_off": path}``."""
    t = tokens(dark)
    folder = (
        folder
        or Path(tempfile.gettempdir()) / f"clipdesk-theme-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for key, name, tone in (
        ("down", "chevron-down", "text"),
        ("up", "chevron-up", "text"),
        ("down_off", "chevron-down", "muted"),
    ):
        target = folder / f"{name}-{t[tone].lstrip('#')}.svg"
        if not target.exists():
            svg = (ICON_DIR / f"{name}.svg").read_bytes().replace(b"currentColor", t[tone].encode())
            target.write_bytes(svg)
        files[key] = target.as_posix()
    return files


def stylesheet(dark: bool) -> str:
    """What the palette cannot say. Colours come from :data:`DARK`/:data:`LIGHT` only."""
    t = tokens(dark)
    ring = f"2px solid {t['accent']}"
    arrows = arrow_files(dark)
    return f"""
QPushButton {{ background: {t["button"]}; border: 1px solid {t["mid"]}; border-radius: {RADIUS}px;
    padding: 5px {SPACING + 4}px; min-height: 18px; }}
QPushButton:hover {{ border-color: {t["accent"]}; }}
QPushButton:pressed {{ background: {t["mid"]}; }}
QPushButton:disabled {{ color: {t["muted"]}; border-color: {t["mid"]}; }}
QPushButton:default {{ background: {t["accent"]}; color: {t["accent_text"]}; border-color: {t["accent"]};
    font-weight: bold; }}
QPushButton:default:disabled {{ background: {t["mid"]}; color: {t["muted"]}; }}
QPushButton:focus, QToolButton:focus {{ border: {ring}; }}
QPushButton:default:focus {{ border: 2px solid {t["text"]}; }}
QToolButton {{ border: 1px solid transparent; border-radius: {RADIUS}px; padding: 3px; }}
QToolButton:hover {{ border-color: {t["mid"]}; }}
QToolButton:checked {{ background: {t["mid"]}; }}
QToolButton[popupMode="2"] {{ padding-right: 16px; }}
QToolButton::menu-indicator {{ subcontrol-origin: padding; subcontrol-position: center right; right: 3px; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {{
    border: 1px solid {t["mid"]}; border-radius: {RADIUS - 2}px; padding: 3px 6px; background: {t["base"]}; }}
QComboBox {{ background: {t["button"]}; padding-right: 22px; }}
QComboBox:editable {{ background: {t["base"]}; }}
QComboBox::drop-down {{ subcontrol-origin: border; width: 20px; border: none; }}
QComboBox::down-arrow {{ image: url({arrows["down"]}); width: 14px; height: 14px; }}
QComboBox::down-arrow:disabled {{ image: url({arrows["down_off"]}); }}
QSpinBox, QDoubleSpinBox {{ padding-right: 20px; }}
QSpinBox::up-button, QSpinBox::down-button, QDoubleSpinBox::up-button, QDoubleSpinBox::down-button {{
    subcontrol-origin: border; width: 18px; border: none; }}
QSpinBox::up-button, QDoubleSpinBox::up-button {{ subcontrol-position: top right; }}
QSpinBox::down-button, QDoubleSpinBox::down-button {{ subcontrol-position: bottom right; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow {{ image: url({arrows["up"]}); width: 11px; height: 11px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow {{ image: url({arrows["down"]}); width: 11px;
    height: 11px; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus, QAbstractItemView:focus, QScrollArea:focus {{ border: {ring}; }}
QAbstractItemView {{ border: 1px solid {t["mid"]}; border-radius: {RADIUS - 2}px; }}
QCheckBox:focus, QRadioButton:focus {{ color: {t["accent"]}; }}
QTabWidget::pane {{ border: 1px solid {t["mid"]}; border-radius: {RADIUS - 2}px; top: -1px; }}
QTabBar::tab {{ padding: 6px 14px; border: 1px solid transparent; border-bottom: 2px solid transparent; }}
QTabBar::tab:selected {{ border-bottom: 2px solid {t["accent"]}; color: {t["text"]}; }}
QTabBar::tab:!selected {{ color: {t["muted"]}; }}
QTabBar::tab:focus {{ border: {ring}; }}
QSplitter::handle {{ background: {t["window"]}; }}
QSplitter::handle:hover {{ background: {t["accent"]}; }}
QToolTip {{ border: 1px solid {t["mid"]}; padding: 4px; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {t["accent"]}; color: {t["accent_text"]}; }}
*[tone="error"] {{ color: {t["error"]}; }}
*[tone="warning"] {{ color: {t["warning"]}; }}
*[tone="muted"] {{ color: {t["muted"]}; }}
*[tone="ok"] {{ color: {t["ok"]}; }}
*[tone="note"] {{ background: {t["alt_base"]}; color: {t["warning"]}; border: 1px solid {t["warning"]};
    border-radius: {RADIUS}px; padding: 6px; }}
#newBadge {{ background: {t["accent"]}; color: {t["accent_text"]}; border-radius: 7px; font-weight: bold;
    qproperty-alignment: AlignCenter; }}
#playerStage, #playerStage QLabel {{ background: {t["stage"]}; color: {t["stage_text"]}; }}
"""


class Theme(QObject):
    """The app's look; :meth:`apply` sets it, and while the mode is ``system`` it follows the system.

    Until :meth:`settle` (called once the window has painted) it does not ask Qt for the system's
    scheme: PySide builds Qt's whole namespace of enums on the first use of any (20-45 ms), which
    start-up spends after the first paint. Until then ``system`` is dark, the answer where the
    system says nothing; a light system turns it light as the window fills in.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.mode = "system"
        self.dark = True
        self.settled = False
        QApplication.setStyle("Fusion")
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def apply(self, mode: str, system: Qt.ColorScheme | None = None) -> None:
        """Take ``mode``; ``system`` is the scheme the system just reported (else asked for)."""
        self.mode = mode if mode in MODES else "system"
        if self.settled:
            from PySide6.QtCore import Qt

            hints, scheme = self.app.styleHints(), Qt.ColorScheme
            if self.mode == "system":
                hints.unsetColorScheme()
                system = system if system is not None else hints.colorScheme()
            else:  # the title bar and native menus too, where the platform takes the request
                hints.setColorScheme(scheme.Dark if self.mode == "dark" else scheme.Light)
            light = system == scheme.Light
        else:
            light = False
        self.dark = self.mode == "dark" or (self.mode == "system" and not light)
        self.app.setPalette(build_palette(self.dark))
        self.app.setStyleSheet(stylesheet(self.dark))

    def settle(self) -> None:
        """The window has painted: from now on ask the system (and re-theme if it says light)."""
        if self.settled:
            return
        self.settled = True
        from PySide6.QtCore import Qt

        system = self.app.styleHints().colorScheme()
        if self.mode != "system" or (system == Qt.ColorScheme.Light) == self.dark:
            self.apply(self.mode)

    def _system_changed(self, scheme: Qt.ColorScheme) -> None:
        from PySide6.QtCore import Qt

        if self.mode == "system" and (scheme != Qt.ColorScheme.Light) != self.dark:
            self.settled = True
            self.apply("system", scheme)


def apply_theme(app: QApplication, mode: str, *, settled: bool = True) -> Theme:
    """Set the look of ``app`` (the one Theme of the app, made on the first call). Before the
    window's first paint, ``settled=False`` (see :class:`Theme`); :func:`settle_theme` after it."""
    theme = app.findChild(Theme)
    if theme is None:
        theme = Theme(app)
        theme.settled = settled
    theme.apply(mode)
    return theme


def settle_theme(app: QApplication) -> None:
    theme = app.findChild(Theme)
    if theme is not None:
        theme.settle()


def is_dark() -> bool:
    """Whether the palette in effect is a dark one (what is on screen, whatever the mode said)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(tone: str) -> QColor:
    """A tone of the palette in effect (``error``, ``warning``, ``muted``, ``ok``, ``accent``…),
    for what paints itself (models' foregrounds, delegates)."""
    return QColor(tokens(is_dark())[tone])


# -- icons -----------------------------------------------------------------------------------------
class _PaletteIcon(QIconEngine):
    """A Lucide SVG drawn in the palette's text colour (the muted one when disabled; the accent for
    ``accent`` icons, the placeholder text's for ``muted`` ones) at the moment it is painted."""

    def __init__(self, svg: bytes, accent: bool = False, muted: bool = False) -> None:
        super().__init__()
        self.svg = svg
        self.accent = accent
        self.muted = muted

    def _colour(self, mode: QIcon.Mode) -> QColor:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        if self.accent:
            return palette.color(QPalette.ColorRole.Highlight)
        if self.muted:
            return palette.color(QPalette.ColorRole.PlaceholderText)
        return palette.color(QPalette.ColorRole.WindowText)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        from PySide6.QtSvg import QSvgRenderer  # (at the first icon painted, not at start-up)

        svg = self.svg.replace(b"currentColor", self._colour(mode).name().encode())
        QSvgRenderer(QByteArray(svg)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        image = QImage(size * scale, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)  # transparent
        painter = QPainter(image)
        self.paint(painter, image.rect(), mode, state)
        painter.end()
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaletteIcon(self.svg, self.accent, self.muted)


_svgs: dict[str, bytes] = {}


def icon(name: str, *, accent: bool = False, muted: bool = False) -> QIcon:
    """The Lucide icon ``name`` (a file in resources/icons/lucide), drawn from the palette."""
    svg = _svgs.get(name)
    if svg is None:
        svg = _svgs[name] = (ICON_DIR / f"{name}.svg").read_bytes()
    return QIcon(_PaletteIcon(svg, accent, muted))


# -- fonts -----------------------------------------------------------------------------------------
def load_bundled_fonts(
    app: QApplication,
    folder: Path = FONT_DIR,
    *,
    chinese_ui: bool = False,
    system_has_chinese: bool | None = None,
) -> list[str]:
    """Register the fonts in ``folder`` (ClipDesk ships a subset of Noto Sans SC there) and
    return their families.

    Where the system has no font for Simplified Chinese (``system_has_chinese``, asked of Qt's
    font database when None), they join the app's font so Chinese never shows as empty boxes:
    first in a Chinese UI (one typeface for the whole window, Latin included), after the UI font
    otherwise (filling in the Chinese of prompts and names). Where the system has one, they are
    only registered: the system's complete font draws Chinese, rare characters included."""
    if system_has_chinese is None:
        system_has_chinese = bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    families: list[str] = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix.lower() not in (".otf", ".ttf", ".ttc", ".woff2", ".woff"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", path.name)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    if families and not system_has_chinese:
        font: QFont = app.font()
        ui = [f for f in font.families() if f not in families]
        font.setFamilies([*families, *ui] if chinese_ui else [*ui, *families])
        app.setFont(font)
    return families
