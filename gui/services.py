"""The core services the window is built on, opened and closed in one place.

The window receives them through its constructor; nothing here is global. The engine and its
journal live in a process of their own (core.host): network, disk and parsing work never run in
the window's process, and the window sees the engine through a proxy with the same API,
coalesced events, and the journal reads it needs. Keys stay in this process's keyring access.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.connections import ConnectionStore
from core.host import EngineProxy, RemoteJournal
from core.logs import configure_logging
from core.paths import Paths, default_paths
from core.secrets import SecretStore
from gui.settings import Favourites, SettingsStore, UserSettings


@dataclass
class Services:
    paths: Paths
    journal: RemoteJournal
    secrets: SecretStore
    connection_store: ConnectionStore
    engine: EngineProxy
    settings_store: SettingsStore
    settings: UserSettings
    favourites: Favourites


async def open_services(paths: Paths | None = None) -> Services:
    """Start the engine's process: journal opened, every task loaded, nothing resumed yet."""
    paths = (paths or default_paths()).ensure()
    configure_logging(paths)
    secrets = SecretStore()
    connection_store = ConnectionStore(paths.config)
    engine = await EngineProxy.start(secrets, paths)
    settings_store = SettingsStore(paths.config)
    return Services(
        paths=paths,
        journal=engine.journal,
        secrets=secrets,
        connection_store=connection_store,
        engine=engine,
        settings_store=settings_store,
        settings=settings_store.load(),
        favourites=Favourites.load(paths.config),
    )


async def close_services(services: Services) -> None:
    """Stop every lane where it stands (the journal says where), then close the journal."""
    await services.engine.close()
