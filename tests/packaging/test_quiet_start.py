"""A quiet start: Qt's known-harmless messages are filtered (gui/qtlog.py), every other message
still reaches stderr. (The selftest tests check a whole start's stderr, from source and bundled.)"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLoggingCategory, QMessageLogContext, QtMsgType, qInstallMessageHandler, qWarning

import gui.qtlog
from tests.packaging.conftest import ROOT, clean_env


@pytest.fixture
def seen(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """What passes the filter, as the handler installed before it (Qt's default) would print."""
    messages: list[str] = []

    def underneath(_mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        messages.append(message)

    original = qInstallMessageHandler(underneath)
    monkeypatch.setattr(gui.qtlog, "_installed", False)
    gui.qtlog.quiet_qt()
    try:
        yield messages
    finally:
        qInstallMessageHandler(original)
        QLoggingCategory.setFilterRules("")


def test_known_harmless_messages_are_filtered_offscreen(seen: list[str], qapp: Any) -> None:
    assert qapp.platformName() == "offscreen"
    for message in gui.qtlog.OFFSCREEN_ONLY:
        qWarning(message)
    qWarning("QPainter::begin: Paint device returned engine == 0")  # meaningful: passes
    assert seen == ["QPainter::begin: Paint device returned engine == 0"]


PROBE = """
from PySide6.QtCore import QLoggingCategory as C
from gui.qtlog import quiet_qt
quiet_qt()
print(C("qt.multimedia.symbolsresolver").isWarningEnabled(),
      C("qt.multimedia.playbackengine.codec").isInfoEnabled(),
      C("qt.multimedia.player").isWarningEnabled())
"""


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (None, "False False True"),  # a real multimedia warning is still reported
        ("qt.multimedia.*=true", "True True True"),  # the user's QT_LOGGING_RULES comes first
    ],
)
def test_the_rules_silence_only_the_probing_and_info_categories(rules: str | None, expected: str) -> None:
    env = {k: v for k, v in clean_env().items() if k != "QT_LOGGING_RULES"}
    if rules:
        env["QT_LOGGING_RULES"] = rules
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == expected, result.stderr
