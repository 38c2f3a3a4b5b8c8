"""Interface language: zh_CN or en, following the system unless the settings say otherwise.

Translations are kept as ``.ts`` sources in ``resources/i18n``; the ``.qm`` files are built, not
committed: :func:`ensure_translations` runs ``pyside6-lrelease`` when a ``.qm`` is missing or
older than its source (the app and the tests call it).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("clipdesk.gui")

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
_current = "en"


def _lrelease() -> str | None:
    """pyside6-lrelease from the running interpreter's environment, else from PATH."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / "lrelease"
        if bundled.exists():
            return str(bundled)
    except ImportError:  # pragma: no cover - PySide6 is always there when this runs
        pass
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def _default_build_dir() -> Path:
    candidate = ROOT / "build" / "i18n"
    try:
        candidate.mkdir(parents=True, exist_ok=True)
        if os.access(candidate, os.W_OK):
            return candidate
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / "clipdesk-i18n"


def ensure_translations(build_dir: Path | None = None) -> Path:
    """Build every ``.qm`` that is missing or older than its ``.ts``; returns the folder."""
    target = build_dir or _default_build_dir()
    target.mkdir(parents=True, exist_ok=True)
    tool: str | None = None
    for ts in sorted(SOURCE_DIR.glob("clipdesk_*.ts")):
        qm = target / f"{ts.stem}.qm"
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        import subprocess  # only when a .qm needs building

        tool = tool or _lrelease()
        if tool is None:
            log.warning("pyside6-lrelease not found; the interface stays in English")
            break
        # built beside it, then put in its place: a running ClipDesk maps the old file, which must
        # not change under it (rewritten in place, it crashed that app)
        fresh = qm.with_name(f".{qm.name}.{os.getpid()}")
        result = subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(fresh)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            log.warning("lrelease failed for %s: %s", ts.name, result.stderr.strip())
            fresh.unlink(missing_ok=True)
        else:
            os.replace(fresh, qm)
    return target


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(setting: str) -> str:
    return setting if setting in LANGUAGES else system_language()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load ClipDesk's and Qt's own translations for ``language``; keep the result referenced."""
    global _current
    _current = language
    QLocale.setDefault(QLocale(language))
    folder = ensure_translations()
    installed: list[QTranslator] = []
    sources = [
        (f"clipdesk_{language}", str(folder)),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, where in sources:
        translator = QTranslator(app)
        if translator.load(name, where):
            app.installTranslator(translator)
            installed.append(translator)
        elif name.startswith("clipdesk") and language != "en":
            log.warning("no translation %s in %s", name, where)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    global _current
    for translator in translators:
        app.removeTranslator(translator)
    _current = "en"
    QLocale.setDefault(QLocale(_current))


def current_language() -> str:
    return _current


def is_chinese() -> bool:
    return _current.startswith("zh")
