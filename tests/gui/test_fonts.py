"""The Chinese UI font that ships with the app (resources/fonts: a subset of Noto Sans SC, OFL):
registered at start, drawing every character of the Chinese translation on a machine whose system
has no Chinese font, joining the app's font in the right place, small, and its licence beside it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication

from gui import theme
from tests.support.app import ROOT, run_app

FONT = theme.CHINESE_FONT
FAMILY = "Noto Sans SC"
LATIN_ONLY_FONTS = Path("/usr/share/fonts/truetype/dejavu")  # fonts-dejavu-core (packaging/dev.sh)


def zh_cn_translation() -> str:
    """Every translated text of the Chinese interface, joined."""
    tree = ElementTree.parse(ROOT / "resources" / "i18n" / "clipdesk_zh_CN.ts")
    return "".join(e.text or "" for e in tree.iter() if e.tag in ("translation", "numerusform") and e.text)


def gb2312_level_1() -> set[str]:
    """GB2312's 3,755 level-1 hanzi (rows 16 to 55), the common characters of Chinese text."""
    found: set[str] = set()
    for row in range(16, 56):
        for cell in range(1, 95):
            try:
                found.add(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return found


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QApplication]:
    before = qapp.font()
    yield qapp
    qapp.setFont(before)


def test_the_font_draws_every_character_of_the_chinese_translation() -> None:
    raw = QRawFont(str(FONT), 16)
    assert raw.isValid() and raw.familyName() == FAMILY
    text = zh_cn_translation()
    assert sum("\u4e00" <= c <= "\u9fff" for c in text) > 1000  # the real translation, not a stub
    lacking = sorted({c for c in text if c.isprintable() and not raw.supportsCharacter(ord(c))})
    assert lacking == [], f"run packaging/subset_font.py: the font lacks {''.join(lacking)!r}"


def test_the_font_is_small_and_carries_its_licence() -> None:
    assert FONT.stat().st_size < 3_000_000
    licence = (theme.FONT_DIR / "OFL.txt").read_text()
    assert "SIL Open Font License" in licence and "PERMISSION & CONDITIONS" in licence
    raw = QRawFont(str(FONT), 16)
    level_1 = gb2312_level_1()
    assert len(level_1) == 3755
    assert all(raw.supportsCharacter(ord(c)) for c in level_1)  # common hanzi, beyond the interface's


def test_where_the_system_has_no_chinese_font_it_joins_the_app_font(app_font: QApplication) -> None:
    ui = app_font.font().families()
    assert theme.load_bundled_fonts(app_font, chinese_ui=True, system_has_chinese=False) == [FAMILY]
    assert FAMILY in QFontDatabase.families()
    assert app_font.font().families() == [FAMILY, *ui]  # a Chinese interface: one typeface for all
    font = app_font.font()
    font.setFamilies(ui)
    app_font.setFont(font)
    theme.load_bundled_fonts(app_font, chinese_ui=False, system_has_chinese=False)
    assert app_font.font().families() == [*ui, FAMILY]  # English: it fills in Chinese prompts


def test_where_the_system_has_a_chinese_font_it_is_only_registered(app_font: QApplication) -> None:
    ui = app_font.font().families()
    assert theme.load_bundled_fonts(app_font, chinese_ui=True, system_has_chinese=True) == [FAMILY]
    assert FAMILY in QFontDatabase.families()
    assert app_font.font().families() == ui  # the system's complete font draws Chinese
    assert theme.load_bundled_fonts(app_font, theme.FONT_DIR / "absent") == []


CHILD = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication
import main
import gui.main_window as mw

text = sys.argv[1]
found = {}

def glyphs(font):
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]

attach = mw.MainWindow.attach

def patched_attach(self, services):
    attach(self, services)
    app = QApplication.instance()
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    found["system_chinese"] = [f for f in chinese if f != "Noto Sans SC"]
    found["families"] = app.font().families()
    found["menu"] = self.menuBar().actions()[0].text()
    found["runs"] = glyphs(app.font())
    QTimer.singleShot(0, self.close)

mw.MainWindow.attach = patched_attach
found["code"] = main.main([])
print(json.dumps(found))
"""


def test_the_app_started_in_chinese_on_a_system_without_a_chinese_font_draws_it(
    clipdesk_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not LATIN_ONLY_FONTS.is_dir():
        pytest.skip(f"no {LATIN_ONLY_FONTS} to stand for a system without Chinese fonts")
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{LATIN_ONLY_FONTS}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    (clipdesk_home / "config").mkdir(parents=True)
    (clipdesk_home / "config" / "ui-state.ini").write_text("[welcome]\nshown=true\n")
    (clipdesk_home / "config" / "settings.json").write_text(
        json.dumps({"version": 1, "settings": {"language": "zh_CN"}})
    )
    text = "".join(sorted({c for c in zh_cn_translation() if c.isprintable()}))
    result = run_app(["-c", CHILD, text], clipdesk_home)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["code"] == 0
    assert found["system_chinese"] == []  # the system really has no Chinese font here
    assert found["menu"] != "&File"  # the interface is Chinese
    assert found["families"][0] == FAMILY
    drawn_by = {family for family, _glyphs in found["runs"]}
    missing = sum(glyph == 0 for _family, glyphs in found["runs"] for glyph in glyphs)
    assert drawn_by == {FAMILY} and missing == 0
