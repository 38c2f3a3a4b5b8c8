"""Translations: complete .ts sources that match the code, built by packaging/translations.py and
only read by the app (English with one log line when missing); the window in Chinese; every
control reachable by keyboard has an accessible name."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from gui.i18n import TRANSLATIONS_DIR, current_language, install_translators, remove_translators
from gui.models.task_model import COL_STATE

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIR = TRANSLATIONS_DIR  # the .ts sources; the .qm files are built beside them
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def messages(path: Path) -> list[tuple[str, str, list[str], str | None]]:
    """(context, source, translations, type) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            found.append((name, message.findtext("source") or "", forms, translation.get("type")))
    return found


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_ts_files_are_complete_and_keep_placeholders(language: str) -> None:
    entries = messages(SOURCE_DIR / f"clipdesk_{language}.ts")
    assert len(entries) > 250
    for context, source, forms, kind in entries:
        assert kind not in ("unfinished", "obsolete", "vanished"), (context, source)
        for form in forms:
            assert form.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (source, form)
            if "&" in source.replace("&&", ""):
                assert "&" in form, f"mnemonic lost: {source!r} -> {form!r}"


def test_chinese_translations_are_chinese() -> None:
    entries = messages(SOURCE_DIR / "clipdesk_zh_CN.ts")
    untranslated = [s for _c, s, forms, _k in entries if not re.search(r"[\u4e00-\u9fff]", forms[0])]
    # only symbols, file patterns or brand names may stay as they are
    assert len(untranslated) <= 3, untranslated


def test_ts_sources_match_the_code(tmp_path: Path) -> None:
    """Running pyside6-lupdate over gui/ finds exactly the strings the .ts files hold."""
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", *files, "-ts", str(fresh)], check=True, cwd=ROOT)
    wanted = {(c, s) for c, s, _f, _k in messages(fresh)}
    have = {(c, s) for c, s, _f, _k in messages(SOURCE_DIR / "clipdesk_zh_CN.ts")}
    assert wanted - have == set(), "strings missing from the .ts files (run lupdate, then translate)"
    assert have - wanted == set(), "strings in the .ts files that the code no longer uses"


def build_translations(target: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "translations.py"), str(target)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_the_build_step_builds_only_when_needed(tmp_path: Path) -> None:
    out = tmp_path / "qm"
    assert sorted(Path(p).name for p in build_translations(out)) == ["clipdesk_en.qm", "clipdesk_zh_CN.qm"]
    built = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    assert set(built) == {"clipdesk_zh_CN.qm", "clipdesk_en.qm"}  # nothing half-written left over
    build_translations(out)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == built
    stale = out / "clipdesk_en.qm"
    os.utime(stale, ns=(0, 0))
    build_translations(out)
    assert stale.stat().st_mtime_ns > 0


def test_translations_are_only_read(qapp: Any, tmp_path: Path) -> None:
    """A read-only installation: the app loads the built .qm files and writes nothing anywhere."""
    folder = tmp_path / "i18n"
    build_translations(folder)
    ts = SOURCE_DIR / "clipdesk_zh_CN.ts"
    os.utime(folder / "clipdesk_zh_CN.qm", ns=(ts.stat().st_mtime_ns - 10**9,) * 2)  # older than its .ts
    before = {p: p.stat().st_mtime_ns for p in folder.iterdir()}
    translators = install_translators(qapp, "zh_CN", folder)
    try:
        assert len(translators) >= 1 and current_language() == "zh_CN"
        assert qapp.translate("MainWindow", "About ClipDesk") != "About ClipDesk"
    finally:
        remove_translators(qapp, translators)
    assert {p: p.stat().st_mtime_ns for p in folder.iterdir()} == before


def test_a_missing_translation_falls_back_to_english_with_one_log_line(
    qapp: Any, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    empty = tmp_path / "nothing-built"
    empty.mkdir()
    with caplog.at_level("WARNING", logger="clipdesk.gui"):
        translators = install_translators(qapp, "zh_CN", empty)
    try:
        assert qapp.translate("MainWindow", "About ClipDesk") == "About ClipDesk"
    finally:
        remove_translators(qapp, translators)
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "clipdesk_zh_CN.qm not found" in lines[0] and "English" in lines[0], lines
    assert list(empty.iterdir()) == []  # nothing was built or written there


def test_the_window_speaks_chinese(services: Any, qtbot: Any, qapp: Any) -> None:
    from gui.main_window import MainWindow

    translators = install_translators(qapp, "zh_CN")
    try:
        window = MainWindow(services)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:2] == ["文件(&F)", "视图(&V)"]
        assert window.generate_panel.generate_button.text() == "生成(&G)"
        assert window.generate_panel.connection_combo.currentText() == "离线预览"
        assert window.generate_panel.model_combo.currentText() == "离线预览（非 AI）"
        assert window.tabs.tabText(0) == "队列(&Q)"
        window.show_new_videos(2)
        assert window.tabs.tabToolTip(1) == "2 个新视频：尚未播放"
        assert window.tabs.tabBar().accessibleTabName(1) == "视频库，2 个新视频"
        assert window.task_model.headerData(COL_STATE, Qt.Orientation.Horizontal) == "状态"
        assert window.generate_panel.problem == "请输入提示词：文生视频需要提示词。"
        window.close()
    finally:
        remove_translators(qapp, translators)


SKIP_TYPES = (
    "QScrollArea",
    "QTabBar",
    "QHeaderView",
    "QMenuBar",
    "QScrollBar",
    "QSplitterHandle",
    "QStackedWidget",
)


def unnamed_controls(root: QWidget) -> list[str]:
    labelled = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if type(widget).__name__ in SKIP_TYPES or widget.metaObject().className() in SKIP_TYPES:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox) or (
            parent is not None and isinstance(parent.parentWidget(), QAbstractItemView)
        ):
            continue  # the editor inside a combo box or spin box, or an item view's viewport
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        if widget.accessibleName() or id(widget) in labelled:
            continue
        if isinstance(
            widget, QLineEdit | QComboBox | QAbstractSpinBox | QPlainTextEdit | QSlider | QAbstractItemView
        ):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        elif isinstance(widget, QAbstractButton):
            missing.append(f"{type(widget).__name__} without text or name")
    return missing


def test_every_keyboard_control_has_an_accessible_name(window: Any) -> None:
    assert unnamed_controls(window) == []
    window.tabs.setCurrentIndex(1)
    assert unnamed_controls(window) == []
    dialog = window.open_settings()
    assert unnamed_controls(dialog) == []
    batch = window.open_batch()
    assert unnamed_controls(batch) == []
