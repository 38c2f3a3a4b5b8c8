"""Small valid input images made on the fly."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw


def make_image(path: Path, size: tuple[int, int] = (640, 480), color: str = "#3a7bd5") -> Path:
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w // 4, h // 4, 3 * w // 4, 3 * h // 4), fill="#ffd166")
    draw.rectangle((0, 0, w // 6, h // 6), fill="#ef476f")
    image.save(path)
    return path
