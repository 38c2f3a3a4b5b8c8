"""The glibc a built app needs: measured on its ELF files, none of glibc's own libraries inside,
and a clear sentence at start on an older system (the bundle test checks the built folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.system import RECORD, glibc_needed, glibc_problem, is_glibc_library, system_glibc


def elf(path: Path, *versions: str) -> None:
    path.write_bytes(b"\x7fELF\x02\x01\x01" + b"".join(b"\x00" + v.encode() + b"\x00" for v in versions))


def test_the_newest_symbol_version_of_any_elf_file_counts(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    elf(tmp_path / "libold.so.1", "GLIBC_2.2.5", "GLIBC_2.17")
    elf(tmp_path / "sub" / "libnew.so.2", "GLIBC_2.34", "GLIBC_2.36", "GLIBCXX_3.4.30", "GLIBC_PRIVATE")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_9.99\x00")  # not an ELF file
    os.symlink(tmp_path / "sub" / "libnew.so.2", tmp_path / "libnew.so")
    assert glibc_needed(tmp_path) == (2, 36)
    assert glibc_needed(tmp_path / "sub") == (2, 36)
    (tmp_path / "sub" / "libnew.so.2").unlink()
    assert glibc_needed(tmp_path) == (2, 17)


@pytest.mark.parametrize(
    ("name", "glibc"),
    [
        ("libmvec.so.1", True),
        ("libc.so.6", True),
        ("libm.so.6", True),
        ("ld-linux-x86-64.so.2", True),
        ("libpthread.so.0", True),
        ("libnss_files.so.2", True),
        ("libmagic.so.1", False),
        ("libcrypto.so.3", False),
        ("libnss3.so", False),
        ("libpulse.so.0", False),
        ("libstdc++.so.6", False),
    ],
)
def test_glibc_libraries_are_recognised_by_name(name: str, glibc: bool) -> None:
    assert is_glibc_library(name) is glibc


def test_an_older_system_is_told_which_glibc_is_needed(tmp_path: Path) -> None:
    assert glibc_problem(tmp_path, have=(2, 17)) is None  # no record: from source, nothing to say
    (tmp_path / RECORD).write_text("2.36\n")
    problem = glibc_problem(tmp_path, have=(2, 35))
    assert problem is not None and "glibc 2.36 or newer" in problem and "glibc 2.35" in problem
    assert glibc_problem(tmp_path, have=(2, 36)) is None
    assert glibc_problem(tmp_path, have=(2, 41)) is None


def test_this_system_reports_its_glibc() -> None:
    version = system_glibc()
    assert version is not None and version >= (2, 17)
