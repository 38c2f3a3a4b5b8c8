"""Named connections: a dialect, a gateway root, a proxy and lane limits. Keys are not here.

Stored in ``connections.json`` in the config folder (versioned). The offline preview is always
present and cannot be removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CONFIG_VERSION = 1
LOCAL_CONNECTION = "Offline preview"


@dataclass
class Connection:
    name: str
    dialect: str
    base_url: str = ""
    proxy: str = ""  # "" none, "system", or a proxy URL
    max_submits: int = 4  # concurrent submits in this lane
    max_polls: int = 16  # concurrent polls in this lane
    max_downloads: int = 3
    extra: dict[str, Any] = field(default_factory=dict)
    # money (core/pricing.py, core/tasks/ledger.py): model id -> "AMOUNT[CURRENCY]/UNIT" overriding
    # the listed price, and caps in the currency of this connection's prices (None: no cap)
    prices: dict[str, str] = field(default_factory=dict)
    daily_budget: float | None = None
    monthly_budget: float | None = None

    @property
    def is_local(self) -> bool:
        return self.dialect == "local"


def local_connection() -> Connection:
    return Connection(name=LOCAL_CONNECTION, dialect="local", max_submits=1, max_polls=64, max_downloads=2)


def adhoc_name(dialect: str, base_url: str) -> str:
    """The name of a connection made on the fly by ``generate --dialect --base-url``."""
    return f"{dialect} {base_url.rstrip('/')}" if base_url else dialect


class ConnectionStore:
    def __init__(self, config_dir: Path) -> None:
        self.path = config_dir / "connections.json"

    def load(self) -> dict[str, Connection]:
        result = {LOCAL_CONNECTION: local_connection()}
        if self.path.exists():
            data = json.loads(self.path.read_text(encoding="utf-8"))
            for item in data.get("connections", []):
                known = {k: v for k, v in item.items() if k in Connection.__dataclass_fields__}
                conn = Connection(**known)
                result[conn.name] = conn
        return result

    def save(self, connections: dict[str, Connection]) -> None:
        payload = {
            "version": CONFIG_VERSION,
            "connections": [asdict(c) for c in connections.values() if not c.is_local],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".connections.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, indent=2)
        os.replace(tmp, self.path)
