"""Build the interface translations: ``resources/i18n/clipdesk_*.ts`` -> ``.qm`` with the
``pyside6-lrelease`` of the PySide6 wheel. A build step, never run by the app (which only reads
the ``.qm`` files, see ``gui/i18n.py``):

    .venv/bin/python packaging/translations.py            # into resources/i18n (a source checkout)
    .venv/bin/python packaging/translations.py OUT_DIR    # elsewhere (the bundle's spec)

``bash packaging/dev.sh setup|app|test`` and the test suite run it; the PyInstaller spec imports
:func:`build`. A ``.qm`` is rebuilt only when it is missing or older than its ``.ts``, and
written under a temporary name first, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "resources" / "i18n"
EXE = ".exe" if sys.platform == "win32" else ""


def lrelease() -> str:
    """pyside6-lrelease beside the running interpreter or in the PySide6 wheel, else from PATH."""
    import PySide6

    for candidate in (
        Path(sys.executable).parent / f"pyside6-lrelease{EXE}",
        Path(PySide6.__file__).parent / f"lrelease{EXE}",
    ):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found: the .qm translations cannot be built")
    return found


def build(target: Path = SOURCE_DIR) -> list[Path]:
    """Every ``clipdesk_*.qm`` in ``target``, (re)built where needed; raises when lrelease fails."""
    target.mkdir(parents=True, exist_ok=True)
    built: list[Path] = []
    for ts in sorted(SOURCE_DIR.glob("clipdesk_*.ts")):
        qm = target / f"{ts.stem}.qm"
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            partial = target / f".{ts.stem}.{os.getpid()}.qm"
            subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(partial)], check=True)
            os.replace(partial, qm)
        built.append(qm)
    if len(built) < 2:
        raise SystemExit(f"expected the zh_CN and en translations in {SOURCE_DIR}, found {built}")
    return built


if __name__ == "__main__":
    for path in build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE_DIR):
        print(path)
