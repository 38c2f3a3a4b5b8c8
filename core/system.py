"""The C library a built Linux app needs from the system, and whether this system has it.

A bundle carries no part of glibc (the user's own loader and C library must serve every library
inside it), so it runs only where glibc is at least as new as the newest version its libraries
ask for. The build measures that with :func:`glibc_needed` and records it in ``glibc-needed.txt``
inside the bundle; at start :func:`glibc_problem` compares it with the running system's.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

RECORD = "glibc-needed.txt"
_VERSION_NEED = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\x00")
ELF_MAGIC = b"\x7fELF"

# glibc's own shared objects (Debian's libc6): never to be carried by the app.
GLIBC_LIBRARIES = (
    "ld-linux",
    "libc.so",
    "libm.so",
    "libmvec.so",
    "libpthread.so",
    "libdl.so",
    "librt.so",
    "libutil.so",
    "libresolv.so",
    "libnsl.so",
    "libanl.so",
    "libBrokenLocale.so",
    "libthread_db.so",
    "libc_malloc_debug.so",
    "libmemusage.so",
    "libpcprofile.so",
    "libnss_",
    "libSegFault.so",
)


def is_glibc_library(name: str) -> bool:
    """Whether a file name (``libmvec.so.1``, ``ld-linux-x86-64.so.2``...) is part of glibc."""
    return name.startswith(GLIBC_LIBRARIES)


def parse_version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.strip().split("."))


def format_version(version: Iterable[int]) -> str:
    return ".".join(str(part) for part in version)


def glibc_needed(folder: Path) -> tuple[int, ...]:
    """The newest ``GLIBC_x.y`` symbol version any ELF file under ``folder`` refers to."""
    newest: tuple[int, ...] = (0,)
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != ELF_MAGIC:
                continue
            data = ELF_MAGIC + handle.read()
        for match in _VERSION_NEED.finditer(data):
            version = tuple(int(part) for part in match.groups() if part is not None)
            newest = max(newest, version)
    return newest


def system_glibc() -> tuple[int, ...] | None:
    """The running glibc's version, or None off glibc (musl, macOS, Windows)."""
    try:
        text = os.confstr("CS_GNU_LIBC_VERSION")  # "glibc 2.36"
    except (AttributeError, ValueError, OSError):
        return None
    if not text or not text.startswith("glibc "):
        return None
    return parse_version(text.split()[1])


def bundle_root() -> Path | None:
    """The frozen app's data folder (PyInstaller's ``_internal``), or None from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))


def glibc_problem(root: Path | None = None, have: tuple[int, ...] | None = None) -> str | None:
    """A sentence for the user when this system's glibc is older than the bundle needs, else None."""
    root = root or bundle_root()
    if root is None or not (root / RECORD).is_file():
        return None
    need = parse_version((root / RECORD).read_text())
    have = have or system_glibc()
    if have is None or have >= need:
        return None
    return (
        f"ClipDesk needs glibc {format_version(need)} or newer; this system has glibc "
        f"{format_version(have)}. Please use a newer Linux (for example Debian 12, Ubuntu 24.04, "
        "Fedora 37 or later), or run ClipDesk from source."
    )
