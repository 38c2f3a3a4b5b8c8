"""The core services the window is built on, opened and closed in one place.

The window receives them through its constructor; nothing here is global. The engine and its
journal live on their own thread (core.host): network and disk work never run on Qt's thread, and
the window sees the engine through a proxy with the same API and coalesced events.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.connections import ConnectionStore
from core.engine import Engine
from core.host import EngineProxy
from core.logs import configure_logging
from core.paths import Paths, default_paths
from core.secrets import SecretStore
from core.store import Journal
from gui.settings import Favourites, SettingsStore, UserSettings


@dataclass
class Services:
    paths: Paths
    journal: Journal
    secrets: SecretStore
    connection_store: ConnectionStore
    engine: EngineProxy
    settings_store: SettingsStore
    settings: UserSettings
    favourites: Favourites


async def open_services(paths: Paths | None = None) -> Services:
    """Open the journal and load every task into the engine (nothing is resumed yet)."""
    paths = (paths or default_paths()).ensure()
    configure_logging(paths)
    journal = Journal(paths.database)
    secrets = SecretStore()
    connection_store = ConnectionStore(paths.config)

    async def make_engine() -> Engine:
        await journal.open()
        engine = Engine(paths, journal, secrets, connection_store.load())
        await engine.load()
        return engine

    engine = await EngineProxy.start(make_engine)
    settings_store = SettingsStore(paths.config)
    return Services(
        paths=paths,
        journal=journal,
        secrets=secrets,
        connection_store=connection_store,
        engine=engine,
        settings_store=settings_store,
        settings=settings_store.load(),
        favourites=Favourites.load(paths.config),
    )


async def close_services(services: Services) -> None:
    """Stop every lane where it stands (the journal says where), then close the journal."""
    await services.engine.close(services.journal.close)
