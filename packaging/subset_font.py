"""Make the Chinese UI font ClipDesk ships: ``resources/fonts/NotoSansSC-Regular.otf``.

Noto Sans SC Regular (SIL OFL 1.1) is taken from the PyPI package ``pylopdf-fonts-zh-cn`` (a
data-only wheel carrying the file of notofonts/noto-cjk, ``Sans/SubsetOTF/SC``), checked against
its SHA-256, and cut with fontTools' subsetter to what the window needs: every character of the
translations (``resources/i18n/*.ts``, sources and translations), GB2312's symbols and level-1
hanzi (the 3,755 common characters), ASCII, Latin-1, general and CJK punctuation and the
full-width forms. Run it again when a translation brings a character the font lacks
(``tests/gui/test_fonts.py`` says which)::

    .venv/bin/python packaging/subset_font.py            # downloads the wheel with pip
    .venv/bin/python packaging/subset_font.py --source NotoSansSC-Regular.otf

Needs ``fonttools`` (the ``dev`` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "resources" / "fonts"
TARGET = FONT_DIR / "NotoSansSC-Regular.otf"
I18N = ROOT / "resources" / "i18n"

WHEEL = "pylopdf-fonts-zh-cn==0.1.1"
WHEEL_MEMBER = "pylopdf_fonts_zh_cn/NotoSansSC-Regular.otf"
SOURCE_SHA256 = "faa6c9df652116dde789d351359f3d7e5d2285a2b2a1f04a2d7244df706d5ea9"

RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation (… — ‘ ’ “ ” •)
    (0x2190, 0x21FF),  # arrows (→)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」【】)
    (0xFF00, 0xFFEF),  # full-width forms (，：；！？（）)
]


def gb2312(first_row: int, last_row: int) -> set[str]:
    """The characters of GB2312's rows ``first_row``..``last_row`` (1–9 symbols, 16–55 level-1
    hanzi, 56–87 level-2)."""
    found: set[str] = set()
    for row in range(first_row, last_row + 1):
        for cell in range(1, 95):
            try:
                found.add(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # an unassigned cell
    return found


def translation_text(files: Iterable[Path]) -> set[str]:
    """Every character of the sources and translations in Qt ``.ts`` files."""
    found: set[str] = set()
    for path in files:
        for element in ElementTree.parse(path).iter():
            if element.tag in ("source", "translation", "numerusform") and element.text:
                found.update(element.text)
    return found


def characters() -> set[str]:
    wanted = gb2312(1, 9) | gb2312(16, 55) | translation_text(sorted(I18N.glob("*.ts")))
    for first, last in RANGES:
        wanted.update(chr(c) for c in range(first, last + 1))
    return {c for c in wanted if c.isprintable() or c == "\u3000"}


def source_font(given: Path | None, scratch: Path) -> Path:
    if given is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", WHEEL, "-d", str(scratch)],
            check=True,
        )
        wheel = next(scratch.glob("*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            given = scratch / Path(WHEEL_MEMBER).name
            given.write_bytes(archive.read(WHEEL_MEMBER))
    digest = hashlib.sha256(given.read_bytes()).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"{given} is not the expected Noto Sans SC Regular (SHA-256 {digest})")
    return given


def subset(source: Path, target: Path, wanted: set[str]) -> None:
    from fontTools import subset as ftsubset

    options = ftsubset.Options()
    options.layout_features = ["*"]  # keep vertical forms, kerning and locale forms
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = ftsubset.load_font(str(source), options)
    font.recalcTimestamp = False  # the same source and characters make the same bytes
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in wanted))
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    ftsubset.save_font(font, str(target), options)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", type=Path, help="NotoSansSC-Regular.otf (default: from the PyPI wheel)")
    parser.add_argument("--output", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    wanted = characters()
    with tempfile.TemporaryDirectory() as scratch:
        subset(source_font(args.source, Path(scratch)), args.output, wanted)
    print(f"{args.output}: {len(wanted)} characters, {args.output.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
