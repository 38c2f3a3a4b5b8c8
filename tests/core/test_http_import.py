"""The HTTP stack (httpx, aiohttp) is imported when the first lane opens, in that lane's worker
thread: not by importing the engine or a dialect (the window imports both, the dialects on its own
thread to label the queue's rows, before any request is made)."""

from __future__ import annotations

import json
import subprocess
import sys

from core.providers import DIALECTS

CHILD = """
import json, sys
import core.tasks.engine, core.providers.probe
from core.providers import DIALECTS, get_provider
for dialect in DIALECTS:
    get_provider(dialect).catalog
stack = ("httpx", "aiohttp", "httpx_aiohttp", "core.net.http")
print(json.dumps(sorted(m for m in stack if m in sys.modules)))
"""


def test_the_engine_and_every_dialect_import_without_the_http_stack() -> None:
    assert len(DIALECTS) > 1
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
