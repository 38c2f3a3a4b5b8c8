"""Render the app icon (an SVG) into the PNG sizes of the hicolor icon theme, with QtSvg offscreen.

    python packaging/render_icons.py resources/icons/clipdesk.svg OUT_DIR [NAME]

writes ``OUT_DIR/<size>x<size>/apps/NAME.png`` for every size in :data:`SIZES` and
``OUT_DIR/scalable/apps/NAME.svg``: the layout of ``share/icons/hicolor``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.clipdesk.ClipDesk"


def render(svg: Path, out_dir: Path, name: str = APP_ID) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {svg}")
    written: list[Path] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = out_dir / f"{size}x{size}" / "apps" / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):  # format from the .png suffix
            raise SystemExit(f"could not write {target}")
        written.append(target)
    scalable = out_dir / "scalable" / "apps" / f"{name}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)
    return written


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    files = render(Path(argv[0]), Path(argv[1]), *(argv[2:] or [APP_ID]))
    print(f"rendered {len(files)} icon files into {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
