"""Translations: built at run time from complete .ts sources that match the code; the window in
Chinese; every control reachable by keyboard has an accessible name."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
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

from gui.i18n import SOURCE_DIR, ensure_translations, install_translators, remove_translators

ROOT = Path(__file__).resolve().parents[2]
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


def test_ensure_translations_builds_only_when_needed(tmp_path: Path) -> None:
    out = ensure_translations(tmp_path)
    built = {p.name: p.stat().st_mtime_ns for p in out.glob("*.qm")}
    assert set(built) == {"clipdesk_zh_CN.qm", "clipdesk_en.qm"}
    time.sleep(0.01)
    ensure_translations(tmp_path)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.qm")} == built
    stale = out / "clipdesk_en.qm"
    os.utime(stale, ns=(0, 0))
    ensure_translations(tmp_path)
    assert stale.stat().st_mtime_ns > 0


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
        assert window.task_model.headerData(3, Qt.Orientation.Horizontal) == "状态"
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
