"""Logging to a rotating file in the data home, with keys and base64 blobs redacted."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from core.config.paths import Paths
from core.redact import RedactingFilter


def configure_logging(paths: Paths, *, verbose: bool = False, name: str = "clipdesk") -> None:
    """Log to ``<logs>/<name>.log``."""
    root = logging.getLogger()
    if any(getattr(h, "_clipdesk", False) for h in root.handlers):
        return
    path = paths.logs / f"{name}.log"
    handler: logging.Handler
    try:
        paths.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        # A log file ClipDesk may not write (another user's, a read-only folder) must not stop it:
        # say so once, and send warnings and errors to stderr instead.
        print(
            f"ClipDesk cannot write its log file {path} ({exc.strerror or exc}); logging to stderr",
            file=sys.stderr,
        )
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    handler._clipdesk = True  # type: ignore[union-attr]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("httpx", "httpcore", "aiohttp", "asyncio", "PIL"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
