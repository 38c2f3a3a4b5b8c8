"""Write THIRD-PARTY-NOTICES.txt for a built ClipDesk: what it carries and under which licence.

Generated at build time (the PyInstaller spec calls :func:`write`) from what is installed, never
typed by hand:

* Python itself: its LICENSE.txt;
* every Python distribution that has a module in the bundle (``importlib.metadata``: name,
  version, licence expression or classifiers, home page, and the text of each licence file the
  distribution ships), PyInstaller's bootloader included;
* FFmpeg as PyAV's wheel carries it (``av.libs``: version, configure line and licence string as
  the libraries report them; x264 and x265 are GPL-2.0-or-later), and Qt with its own FFmpeg as
  the PySide6 wheels carry them (LGPL-3.0; Qt's FFmpeg reports its licence in libavutil);
* the icons and the font in ``resources/`` (Lucide, ISC; Noto Sans SC, SIL OFL 1.1), with the
  licence files kept beside them;
* on Linux, the build machine's libraries that PyInstaller copied in, grouped by the Debian
  package that owns them, each with that package's copyright file;
* the full texts of the GPL-2.0, LGPL-2.1 and LGPL-3.0 (``packaging/licenses``, copied from
  Debian's common-licenses); the GPL-3.0 is ClipDesk's own LICENSE, shipped beside this file.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LICENSE_TEXTS = Path(__file__).resolve().parent / "licenses"
LICENSE_NAMES = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)[^/]*$", re.IGNORECASE)
RULE = "=" * 100
ALWAYS = ("pyinstaller",)  # its bootloader is the app's executable (GPL-2.0 with a bootloader exception)


def _section(title: str) -> str:
    return f"\n\n{RULE}\n{title}\n{RULE}\n"


def distributions(top_level: Iterable[str]) -> list[metadata.Distribution]:
    """The installed distributions that provide any of these top-level modules, plus PyInstaller."""
    owners = metadata.packages_distributions()
    names = {name for module in top_level for name in owners.get(module, [])} | set(ALWAYS)
    found: dict[str, metadata.Distribution] = {}
    for name in names:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[dist.metadata["Name"].lower()] = dist
    return [found[key] for key in sorted(found)]


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    short = (meta.get("License") or "").strip().splitlines()
    if short and len(short[0]) < 80 and not short[0].lower().startswith("copyright"):
        classifiers.insert(0, short[0])
    return "; ".join(dict.fromkeys(classifiers)) or "see the licence files below"


def licence_files(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(name, text) of the licence files a distribution ships in its metadata folder."""
    texts: list[tuple[str, str]] = []
    for file in dist.files or []:
        name = str(file)
        in_metadata = ".dist-info/" in name
        if not in_metadata or "__pycache__" in name or not LICENSE_NAMES.search(name):
            continue
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        texts.append((name.split(".dist-info/", 1)[1], text.strip()))
    return texts


def python_section() -> str:
    version = ".".join(map(str, sys.version_info[:3]))
    candidates = [
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows
        Path(f"/usr/lib/python{sys.version_info[0]}.{sys.version_info[1]}/LICENSE.txt"),
    ]
    text = next((p.read_text(encoding="utf-8") for p in candidates if p.is_file()), None)
    if text is None:
        raise SystemExit(f"Python's LICENSE.txt was not found (looked at {[str(p) for p in candidates]})")
    return _section(f"Python {version} (PSF-2.0), the interpreter and standard library") + text.strip()


def ffmpeg_section() -> str:
    import av

    libs = sorted(p.name for p in (Path(av.__file__).parent.parent / "av.libs").glob("*.so*"))
    lines = [
        "PyAV's wheel (module av) carries FFmpeg and the libraries it was built with, in av.libs:",
        *(f"  {name}" for name in libs),
        "",
        "x264 and x265 are under the GNU GPL, version 2 or later; with them linked in, these libraries",
        "are distributed as a whole under the GNU GPL, version 3 (as ClipDesk itself; text in LICENSE).",
        "The FFmpeg libraries report:",
        "",
    ]
    meta = getattr(getattr(av, "_core", None), "library_meta", {})
    for name in sorted(meta):
        info = meta[name]
        version = ".".join(map(str, info.get("version", ())))
        lines.append(f"  {name} {version}: {info.get('license', '?')}")
    configuration = next((info.get("configuration") for info in meta.values()), "")
    if configuration:
        lines += ["", "FFmpeg configure line:", "  " + configuration]
    lines += [
        "",
        "Source code: the FFmpeg, x264 and x265 releases of these versions, and PyAV's own build scripts",
        f"in its source distribution (av {av.__version__}); ClipDesk will also provide them on request.",
    ]
    return _section("FFmpeg with x264 and x265, as carried by PyAV") + "\n".join(lines)


def qt_section() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    reported = ""
    for path in sorted(lib.glob("libavutil.so*")) + sorted(Path(PySide6.__file__).parent.glob("avutil*.dll")):
        found = re.search(rb"libavutil license: ([^\x00]+)", path.read_bytes())
        version = re.search(rb"FFmpeg version ([0-9.]+)", path.read_bytes())
        if found:
            reported = found.group(1).decode() + (f" (FFmpeg {version.group(1).decode()})" if version else "")
            break
    lines = [
        f"Qt {qVersion()} and PySide6/Shiboken6 {PySide6.__version__}, used under the GNU Lesser General",
        "Public License version 3 (LGPL-3.0 text below; it builds on the GPL-3.0 in LICENSE). The Qt",
        "libraries are shipped as separate shared libraries (_internal/PySide6/Qt/lib) that can be",
        "replaced with compatible builds of your own. Source code: the Qt and PySide6 releases of these",
        "versions; ClipDesk will also provide them on request.",
        "",
        "Qt Multimedia's FFmpeg backend carries its own FFmpeg libraries (libavcodec, libavformat,",
        f"libavutil, libswresample, libswscale), which report: {reported or 'LGPL version 2.1 or later'}",
        "(LGPL-2.1 text below).",
    ]
    return _section("Qt and PySide6 (LGPL-3.0), with Qt Multimedia's FFmpeg (LGPL-2.1-or-later)") + "\n".join(
        lines
    )


# What resources/ carries from others: (title, licence file kept beside it, what and where)
ASSETS = [
    (
        "Lucide icons (ISC; parts MIT, from Feather)",
        ROOT / "resources" / "icons" / "lucide" / "LICENSE",
        "The interface's icons, resources/icons/lucide, from the npm package lucide-static 1.87.0.",
    ),
    (
        "Noto Sans SC (SIL Open Font License 1.1)",
        ROOT / "resources" / "fonts" / "OFL.txt",
        "The Chinese interface font, resources/fonts/NotoSansSC-Regular.otf: a subset of Noto Sans SC\n"
        "Regular 2.004 (notofonts/noto-cjk), copyright 2014-2021 Adobe; Noto is a trademark of\n"
        "Google Inc. Made with packaging/subset_font.py.",
    ),
]


def assets_section() -> str:
    return "".join(
        _section(title) + f"{what}\n\n" + licence.read_text(encoding="utf-8").strip()
        for title, licence, what in ASSETS
    )


def _merged_usr_twin(path: str) -> str:
    """Debian 12 registers many libraries under /lib, which /usr/lib mirrors (merged /usr)."""
    if path.startswith("/usr/lib/"):
        return path.removeprefix("/usr")
    return "/usr" + path if path.startswith("/lib/") else path


def system_section(libraries: Iterable[str]) -> str:
    """The Debian packages owning the host libraries copied into the app, with their copyright files
    (packages sharing one copyright file, such as the libxcb-* family, share one copy of it)."""
    paths = sorted({str(Path(p).resolve()) for p in libraries})
    if not paths:
        return ""
    query = sorted({*paths, *(_merged_usr_twin(p) for p in paths)})
    result = subprocess.run(["dpkg", "-S", *query], capture_output=True, text=True, check=False)
    owner: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, _, path = line.partition(": ")
        owner[path] = packages.split(", ")[0].split(":")[0]
    by_package: dict[str, list[str]] = {}
    unknown: list[str] = []
    for path in paths:
        package = owner.get(path) or owner.get(_merged_usr_twin(path))
        if package:
            by_package.setdefault(package, []).append(Path(path).name)
        else:
            unknown.append(path)
    by_text: dict[str, list[str]] = {}
    for package in sorted(by_package):
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        text = (
            copyright_file.read_text(encoding="utf-8", errors="replace") if copyright_file.is_file() else ""
        )
        by_text.setdefault(text.strip() or "(no copyright file)", []).append(
            f"{package}: {', '.join(sorted(by_package[package]))}"
        )
    parts = [
        _section("Libraries of the build machine (Debian packages) copied into the app")
        + "Each package's copyright file follows, as Debian ships it; the source of each is the Debian\n"
        "source package of the same name and version. Not from a package: " + (", ".join(unknown) or "none")
    ]
    for text, packages in by_text.items():
        parts.append("\n\n--- " + "\n--- ".join(packages) + "\n\n" + text)
    return "".join(parts)


def render(top_level: Iterable[str], system_libraries: Iterable[str] = ()) -> str:
    from core import __version__

    dists = distributions(top_level)
    head = [
        f"ClipDesk {__version__}: third-party notices",
        "",
        "ClipDesk is free software under the GNU General Public License, version 3 or later (the full",
        "text is in LICENSE beside this file). This build also carries the software listed below, each",
        "under its own licence, whose terms and notices are reproduced here. Generated when the app was",
        "built, from the metadata and licence files of what was installed.",
        "",
        "Python distributions in this build:",
        *(f"  {d.metadata['Name']} {d.version}: {licence_of(d)}" for d in dists),
    ]
    parts = ["\n".join(head), python_section(), qt_section(), ffmpeg_section(), assets_section()]
    for dist in dists:
        meta = dist.metadata
        home = meta.get("Home-page") or next(
            (u.split(", ", 1)[-1] for u in meta.get_all("Project-URL") or []), ""
        )
        body = [f"Licence: {licence_of(dist)}"] + ([f"Home: {home}"] if home else [])
        files = licence_files(dist)
        for name, text in files:
            body += ["", f"--- {name}", "", text]
        if not files:
            body += ["", "(this distribution ships no licence file; its licence is named above)"]
        parts.append(_section(f"{meta['Name']} {dist.version}") + "\n".join(body))
    parts.append(system_section(system_libraries))
    for name in ("GPL-2.0", "LGPL-2.1", "LGPL-3.0"):
        parts.append(_section(f"{name}: full text") + (LICENSE_TEXTS / f"{name}.txt").read_text().strip())
    return "".join(parts) + "\n"


def write(target: Path, top_level: Iterable[str], system_libraries: Iterable[str] = ()) -> Path:
    target.write_text(render(top_level, system_libraries), encoding="utf-8")
    return target
