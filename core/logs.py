"""Logging to a rotating file in the data home, with keys and base64 blobs redacted."""

from __future__ import annotations

import logging
import logging.handlers

from core.paths import Paths
from core.redact import RedactingFilter


def configure_logging(paths: Paths, *, verbose: bool = False) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_clipdesk", False) for h in root.handlers):
        return
    paths.logs.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        paths.logs / "clipdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._clipdesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("httpx", "httpcore", "aiohttp", "asyncio", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
