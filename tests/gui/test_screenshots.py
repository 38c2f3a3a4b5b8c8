"""Screenshots of the main regions on a real X server (Xvfb), in English and Chinese, light and
dark, at 1280×800 and 1920×1080, made by tests/gui/shots.py. They are for a person to look at;
the test checks what it can without judging pixels: every region saved and not blank, and the
player the largest region (≥ 40 % of the window).

Set CLIPDESK_SCREENSHOTS to a folder to keep them (``<size>-<language>-<mode>/<region>.png``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.gui.test_real_window import ROOT, Desktop, xvfb

REGIONS = (
    "window",
    "composer",
    "queue",
    "library",
    "library-group",
    "player",
    "player-fullscreen",
    "settings-connections",
    "settings-general",
)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_screenshots_of_the_main_regions(size: tuple[int, int], tmp_path: Path) -> None:
    keep = os.environ.get("CLIPDESK_SCREENSHOTS")
    with xvfb(*size) as display:
        desktop = Desktop(display)
        for language in ("en", "zh_CN"):
            for mode in ("dark", "light"):
                name = f"{size[0]}x{size[1]}-{language}-{mode}"
                out = tmp_path / name
                env = {
                    **desktop.env,
                    "CLIPDESK_HOME": str(tmp_path / f"home-{name}"),
                    "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
                    "QT_LOGGING_RULES": "qt.multimedia.*=false",
                }
                done = subprocess.run(
                    [sys.executable, "-X", "faulthandler", "-m", "tests.gui.shots", str(out), language, mode],
                    cwd=ROOT,
                    env=env,
                    capture_output=True,
                    text=True,
                    timeout=300,
                    check=False,
                )
                assert done.returncode == 0, done.stderr[-4000:]
                assert "Traceback" not in done.stderr, done.stderr[-4000:]
                for region in REGIONS:
                    with Image.open(out / f"{region}.png") as picture:
                        colours = picture.convert("RGB").getcolors(maxcolors=1_000_000)
                    assert colours is not None and len(colours) > 20, f"{name}/{region} is blank"
                report = json.loads((out / "report.json").read_text())
                assert report["player_share"] >= 0.40, (name, report)
                if keep:
                    shutil.copytree(out, Path(keep) / name, dirs_exist_ok=True)
