"""What a creator asks for: one generation request, independent of any dialect.

A request is stored whole in the journal (it never holds a key) so a task can be resumed,
retried or reused after a restart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Generation modes, named once and used by catalogs, validation and the GUI.
MODE_TEXT = "text"
MODE_IMAGE = "image"
MODE_FIRST_LAST = "first_last"
MODE_REFERENCE = "reference"
MODES = (MODE_TEXT, MODE_IMAGE, MODE_FIRST_LAST, MODE_REFERENCE)


@dataclass
class GenerationRequest:
    model: str
    prompt: str = ""
    negative_prompt: str = ""
    image: str | None = None  # first frame: a local path or an http(s)/data: URL
    last_image: str | None = None
    ref_images: list[str] = field(default_factory=list)
    duration: int | None = None
    resolution: str | None = None
    seed: int | None = None
    # The dialect's own field names (e.g. camera_movement, style, aspect_ratio), passed through.
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def mode(self) -> str:
        if self.ref_images:
            return MODE_REFERENCE
        if self.image and self.last_image:
            return MODE_FIRST_LAST
        if self.image or self.last_image:
            return MODE_IMAGE
        return MODE_TEXT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GenerationRequest:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})
