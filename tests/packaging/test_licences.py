"""The licence: LICENSE is the GPL-3.0 text (pyproject says GPL-3.0-or-later); the About dialog
names it and links the licence and the bundle's third-party notices; the notices are generated
from what is installed (the bundle test checks the built file)."""

from __future__ import annotations

import html
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel

from tests.packaging.conftest import PACKAGING, ROOT


def test_the_repository_carries_the_gpl3_text() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "GPL-3.0-or-later"
    text = (ROOT / "LICENSE").read_text()
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in text and "END OF TERMS AND CONDITIONS" in text
    assert len(text) > 30000  # the whole text, not a pointer to it


def test_about_names_the_licence_and_links_licence_and_notices(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gui.main_window

    app_root = tmp_path / 'app & co\'s "folder"'
    app_root.mkdir()
    (app_root / "LICENSE").write_text("GPL")
    (app_root / gui.main_window.NOTICES).write_text("notices")
    monkeypatch.setattr(gui.main_window, "APP_ROOT", app_root)
    box = window._about()
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert "GNU General Public License, version 3 or later" in box.text()
    assert label.openExternalLinks()
    hrefs = [part.split('"', 1)[0] for part in box.text().split('href="')[1:]]
    targets = [Path(QUrl.fromEncoded(html.unescape(h).encode()).toLocalFile()) for h in hrefs]
    assert targets == [app_root / "LICENSE", app_root / gui.main_window.NOTICES]
    box.close()


def test_about_from_a_source_checkout_links_the_licence_only(window: Any) -> None:
    box = window._about()
    assert box.text().count("href=") == 1 and "LICENSE" in box.text()
    box.close()


def test_notices_name_every_distribution_with_its_licence_text() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import notices
    finally:
        sys.path.remove(str(PACKAGING))
    text = notices.render(["PySide6", "av", "PIL", "httpx", "keyring"])
    for wanted in (
        "GNU General Public License, version 3 or later",
        "PySide6_Essentials 6.",
        "pillow 13.0.0: MIT-CMU",
        "av 18.1.0: BSD-3-Clause",
        "pyinstaller",  # the bootloader is the app's executable
        "Python 3.",
        "libx264",
        "which report: LGPL version 2.1 or later",  # Qt's own FFmpeg, read from its libavutil
        "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3",
        "GNU GENERAL PUBLIC LICENSE\n                       Version 2",
        "Copyright © 1997-2011 by Secret Labs AB",  # Pillow's LICENSE file
        "Encode OSS Ltd",  # httpx's
        "Lucide icons (ISC",  # the icons in resources/, with their licence
        "ISC License\n\nCopyright (c) 2026 Lucide Icons and Contributors",
        "resources/fonts/NotoSansSC-Regular.otf",  # the Chinese UI font, with its licence
        "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007",
    ):
        assert wanted in text, wanted
