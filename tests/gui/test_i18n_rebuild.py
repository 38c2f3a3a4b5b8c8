"""A .qm file rebuilt while ClipDesk runs is replaced, never rewritten in place: a running app maps
its translation file, and rewriting it under the mapping crashed that app (SIGSEGV in translate)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from gui.i18n import SOURCE_DIR, ensure_translations


def test_a_rebuilt_translation_replaces_the_file_a_running_app_has_open(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sources = tmp_path / "i18n"
    shutil.copytree(SOURCE_DIR, sources)
    monkeypatch.setattr("gui.i18n.SOURCE_DIR", sources)
    build = tmp_path / "build"
    ensure_translations(build)
    qm = build / "clipdesk_zh_CN.qm"
    with qm.open("rb") as running:  # what a running app holds (Qt maps it)
        before = running.read()
        inode = os.fstat(running.fileno()).st_ino
        ts = sources / "clipdesk_zh_CN.ts"
        ts.write_text(ts.read_text(encoding="utf-8").replace("欢迎使用", "欢迎"), encoding="utf-8")
        os.utime(ts, (qm.stat().st_mtime + 10, qm.stat().st_mtime + 10))
        ensure_translations(build)
        running.seek(0)
        assert running.read() == before  # the open file is untouched
    assert qm.stat().st_ino != inode  # a new file took its name
    assert qm.read_bytes() != before
