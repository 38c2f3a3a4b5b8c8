"""Offline chains made through the CLI, as a creator's script would make them: no key, no network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageStat

from tests.support.cli import CliResult, cli_env, run_cli


def offline(home: Path, *extra: str, prompt: str = "a lantern", duration: int = 1) -> CliResult:
    args = ["generate", "--dialect", "local", "--model", "preview", "--prompt", prompt]
    args += ["--duration", str(duration), "--resolution", "360p", "--json", *extra]
    return run_cli(args, cli_env(home, key=None), timeout=120)


def make_chain(home: Path, moves: list[str]) -> list[dict[str, Any]]:
    """A title card, then one clip per camera move, each continuing the one before."""
    first = offline(home, prompt="chapter one")
    assert first.returncode == 0, first.stderr[-3000:]
    records = [first.final]
    for n, move in enumerate(moves):
        run = offline(
            home,
            "--parent",
            records[-1]["id"][:8],
            "--relation",
            "continues",
            "--param",
            f"camera_movement={move}",
            prompt=f"part {n + 2}",
        )
        assert run.returncode == 0, run.stderr[-3000:]
        records.append(run.final)
    return records


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference of two pictures (0..255), at the size of the first."""
    b = b.convert("RGB").resize(a.size)
    return sum(ImageStat.Stat(ImageChops.difference(a.convert("RGB"), b)).mean) / 3
