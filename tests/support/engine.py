"""An engine on its own journal for tests that drive the core directly, and its orderly close."""

from __future__ import annotations

from core.config.connections import Connection
from core.config.paths import Paths
from core.config.secrets import SecretStore
from core.tasks.engine import Engine
from core.tasks.journal import Journal


async def open_engine(paths: Paths, dashscope_url: str | None = None) -> Engine:
    """The engine over ``paths``' journal, its tasks loaded; with a DashScope connection "c" to
    ``dashscope_url`` (behind the /alibailian prefix) when given."""
    paths.ensure()
    journal = Journal(paths.database)
    await journal.open()
    engine = Engine(paths, journal, SecretStore())
    if dashscope_url:
        engine.add_connection(
            Connection(name="c", dialect="dashscope", base_url=dashscope_url + "/alibailian")
        )
    await engine.load()
    return engine


async def close_engine(engine: Engine) -> None:
    await engine.close()
    await engine.journal.close()
