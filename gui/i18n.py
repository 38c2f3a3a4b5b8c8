"""Interface language: zh_CN or en, following the system unless the settings say otherwise.

The app only reads translations: ``resources/i18n/clipdesk_<language>.qm``, built from the
``.ts`` sources when the app is built (``packaging/translations.py``, run by ``dev.sh
setup|app|test`` and by the bundle's spec). It never writes a file next to itself or into a
shared temporary folder, so a read-only or system-wide installation works for every user. A
missing ``.qm`` leaves the interface in English with one log line saying so.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("clipdesk.gui")

ROOT = Path(__file__).resolve().parent.parent  # the checkout, or the bundle's _internal folder
TRANSLATIONS_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
_current = "en"


def translation_file(language: str, folder: Path = TRANSLATIONS_DIR) -> Path:
    return folder / f"clipdesk_{language}.qm"


def system_language() -> str:
    for name in QLocale.system().uiLanguages():
        if name.lower().startswith("zh"):
            return "zh_CN"
        if name.lower().startswith("en"):
            return "en"
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def resolve_language(setting: str) -> str:
    return setting if setting in LANGUAGES else system_language()


def install_translators(
    app: QCoreApplication, language: str, folder: Path = TRANSLATIONS_DIR
) -> list[QTranslator]:
    """Load ClipDesk's and Qt's own translations for ``language``; keep the result referenced."""
    global _current
    _current = language
    QLocale.setDefault(QLocale(language))
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
        elif name.startswith("clipdesk"):
            log.warning(
                "translation %s not found in %s: the interface stays in English "
                "(a source checkout builds it with `bash packaging/dev.sh setup`)",
                translation_file(language, folder).name,
                where,
            )
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
