"""Batch input: a folder of images, or a CSV of ``image,prompt,overrides``, crossed with the
current form's settings. Pure functions, so the dry run and the queueing see the same requests.

Overrides are ``key=value`` pairs separated by ``;`` (``duration=5;resolution=720p;seed=7``):
request fields by name, anything else as the dialect's own field. A CSV may start with a header
row naming ``image`` and ``prompt``; relative image paths are read from the CSV's folder.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from core.errors import InvalidInput
from core.media.frames import is_image
from core.providers.catalog import ModelSpec, validate_request
from core.tasks.request import GenerationRequest

translate = QCoreApplication.translate
INT_FIELDS = {"duration", "seed"}
TEXT_FIELDS = {"resolution", "negative_prompt", "prompt"}


@dataclass
class BatchItem:
    source: str  # "folder/name.png" or "file.csv:3"
    request: GenerationRequest
    overrides: dict[str, Any] = field(default_factory=dict)
    problem: str = ""  # empty when the item will be queued


def parse_overrides(text: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for part in text.replace("；", ";").split(";"):
        key, sep, raw = part.partition("=")
        if not sep or not key.strip():
            if part.strip():
                raise ValueError(part.strip())
            continue
        raw = raw.strip()
        try:
            value: Any = json.loads(raw)
            if isinstance(value, dict | list):
                value = raw
        except ValueError:
            value = raw
        values[key.strip()] = value
    return values


def apply(
    template: GenerationRequest, image: str | None, prompt: str, overrides: dict[str, Any]
) -> GenerationRequest:
    request = GenerationRequest.from_dict(template.to_dict())
    if image:
        request.image = image
    if prompt.strip():
        request.prompt = prompt.strip()
    for key, value in overrides.items():
        if key in INT_FIELDS:
            setattr(request, key, int(value))
        elif key in TEXT_FIELDS:
            setattr(request, key, str(value))
        else:
            request.params[key] = value
    return request


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # spreadsheets in China often save GB18030
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def from_folder(folder: Path, template: GenerationRequest) -> list[BatchItem]:
    images = sorted(p for p in folder.iterdir() if p.is_file() and is_image(p))
    return [BatchItem(p.name, apply(template, str(p), "", {})) for p in images]


def from_csv(path: Path, template: GenerationRequest) -> list[BatchItem]:
    rows = list(csv.reader(io.StringIO(_read_text(path))))
    if rows and {c.strip().lower() for c in rows[0]} >= {"image", "prompt"}:
        rows = rows[1:]
    items = []
    for number, row in enumerate(rows, start=1):
        if not any(cell.strip() for cell in row):
            continue
        cells = [*row, "", "", ""][:3]
        image, prompt, extra = (c.strip() for c in cells)
        if image and not image.startswith(("http://", "https://")) and not Path(image).is_absolute():
            image = str(path.parent / image)
        item = BatchItem(f"{path.name}:{number}", template)
        try:
            item.overrides = parse_overrides(extra)
            item.request = apply(template, image or None, prompt, item.overrides)
        except ValueError as exc:
            item.problem = translate("Batch", "Overrides not understood: %1").replace("%1", str(exc))
        items.append(item)
    return items


def check(items: list[BatchItem], spec: ModelSpec, explain: Any) -> None:
    """Fill each item's problem: a missing image file, or what the model refuses."""
    for item in items:
        if item.problem:
            continue
        image = item.request.image
        if image and not image.startswith(("http://", "https://")) and not Path(image).is_file():
            item.problem = translate("Batch", "Image not found: %1").replace("%1", image)
            continue
        try:
            validate_request(spec, item.request)
        except InvalidInput as exc:
            item.problem = explain(exc, spec, item.request)
