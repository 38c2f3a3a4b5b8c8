"""Input images, prepared to a provider's limits with Pillow before anything is sent.

INTERFACE (implementation in progress): ``prepare_image`` is synchronous CPU work; callers run
it off the event loop (``asyncio.to_thread``).
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ImageLimits:
    """What a provider accepts. Pillow format names."""

    formats: tuple[str, ...] = ("JPEG", "PNG", "WEBP", "BMP")
    max_bytes: int = 10 * 1024 * 1024
    max_side: int = 4000
    min_side: int = 1
    alpha: bool = True  # False: flatten transparency onto white before sending
    min_aspect: float | None = None  # width / height
    max_aspect: float | None = None


@dataclass
class PreparedImage:
    data: bytes  # encoded bytes ready to send (empty when passed through as a URL)
    mime: str
    width: int
    height: int
    source: str  # what the creator gave: a path or a URL
    url: str | None = None  # an http(s) URL passed through unchanged
    downscaled: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def data_uri(self) -> str:
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"

    def as_reference(self) -> str:
        """A URL when the creator gave one, else a data: URI."""
        return self.url or self.data_uri()
