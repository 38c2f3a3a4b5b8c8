"""A .qm file rebuilt while ClipDesk runs is replaced, never rewritten in place: a running app maps
its translation file, and rewriting it under the mapping crashed that app (SIGSEGV in translate)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _build_step() -> ModuleType:
    """packaging/translations.py (by path: `packaging` is also a PyPI package's name)."""
    spec = importlib.util.spec_from_file_location(
        "clipdesk_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_rebuilt_translation_replaces_the_file_a_running_app_has_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translations = _build_step()
    sources = tmp_path / "i18n"
    shutil.copytree(translations.SOURCE_DIR, sources, ignore=shutil.ignore_patterns("*.qm"))
    monkeypatch.setattr(translations, "SOURCE_DIR", sources)
    build = tmp_path / "build"
    translations.build(build)
    qm = build / "clipdesk_zh_CN.qm"
    with qm.open("rb") as running:  # what a running app holds (Qt maps it)
        before = running.read()
        inode = os.fstat(running.fileno()).st_ino
        ts = sources / "clipdesk_zh_CN.ts"
        ts.write_text(ts.read_text(encoding="utf-8").replace("欢迎使用", "欢迎"), encoding="utf-8")
        os.utime(ts, (qm.stat().st_mtime + 10, qm.stat().st_mtime + 10))
        translations.build(build)
        running.seek(0)
        assert running.read() == before  # the open file is untouched
    assert qm.stat().st_ino != inode  # a new file took its name
    assert qm.read_bytes() != before
