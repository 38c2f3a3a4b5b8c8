"""Qt's own messages on stderr: the known-harmless ones are filtered, all others pass as Qt prints them.

Filtered, because each is harmless and came at every start:

* ``qt.multimedia.symbolsresolver`` warnings, "Couldn't load pipewire-0.3 / va / va-drm / va-x11
  library": optional libraries Qt Multimedia probes for; without them it plays through PulseAudio
  (or PipeWire's PulseAudio service) and decodes in software;
* Qt Multimedia's info messages ("Using Qt multimedia with FFmpeg version ...", "No HW decoder
  found", and FFmpeg's dump of every file played, which Qt prints when they are enabled);
* on the offscreen platform only (a headless start, ``--selftest`` without a display, where nobody
  sees a window or hears a sound): "This plugin does not support propagateSizeHints()" and
  "PulseAudioService: pa_context_connect() failed". On a real desktop both still appear, because
  there they mean something (no sound server: videos play silently).

The category rules go through :meth:`QLoggingCategory.setFilterRules`, which ``QT_LOGGING_RULES``
overrides: ``QT_LOGGING_RULES="qt.multimedia.*=true"`` brings the filtered categories back.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QLoggingCategory,
    QMessageLogContext,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication

RULES = ("qt.multimedia.symbolsresolver.warning=false", "qt.multimedia.*.info=false")
OFFSCREEN_ONLY = (
    "This plugin does not support propagateSizeHints()",
    "PulseAudioService: pa_context_connect() failed",
)

Handler = Callable[[QtMsgType, QMessageLogContext, str], None]
_previous: Handler | None = None
_installed = False


def _handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in OFFSCREEN_ONLY and QGuiApplication.platformName() == "offscreen":
        return
    if _previous is not None:
        _previous(mode, context, message)
    else:
        sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")


def quiet_qt() -> None:
    """Filter the messages above from now on (call it before the QApplication is made)."""
    global _previous, _installed
    QLoggingCategory.setFilterRules("\n".join(RULES))
    if not _installed:
        _previous = qInstallMessageHandler(_handler)
        _installed = True
