"""The core services the window is built on, opened and closed in one place.

The window receives them through its constructor or :meth:`gui.main_window.MainWindow.attach`;
nothing here is global. The engine and its journal live on their own thread (core.host): network
and disk work never run on Qt's thread, and the window sees the engine through a proxy with the
same API and coalesced events.

Importing this module costs nothing: the engine, the HTTP stack, the journal and the keyring are
imported by :func:`open_services`, which the desktop app calls after the window's first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.connections import ConnectionStore
    from core.engine import Engine
    from core.host import EngineProxy
    from core.paths import Paths
    from core.secrets import SecretStore
    from core.store import Journal
    from gui.settings import Favourites, SettingsStore, UserSettings


# Slow imports that create no Qt object: the engine and its HTTP stack and journal (core.host), the
# keyring (core.secrets), PyAV and Pillow (the regions' thumbnails). open_services imports them on a
# worker thread first, so the window keeps repainting meanwhile; the Qt modules the regions need
# are imported on Qt's thread, by MainWindow.attach.
PRELOAD = ("core.host", "core.secrets", "core.connections", "core.logs", "av", "PIL.Image", "PIL.ImageOps")


def _import_all(names: tuple[str, ...]) -> None:
    import importlib

    for name in names:
        importlib.import_module(name)


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
    import asyncio

    await asyncio.get_running_loop().run_in_executor(None, _import_all, PRELOAD)
    from core.connections import ConnectionStore
    from core.host import EngineProxy
    from core.logs import configure_logging
    from core.paths import default_paths
    from core.secrets import SecretStore
    from core.store import Journal
    from gui.settings import Favourites, SettingsStore

    paths = (paths or default_paths()).ensure()
    configure_logging(paths)
    journal = Journal(paths.database)
    secrets = SecretStore()
    connection_store = ConnectionStore(paths.config)

    async def make_engine() -> Engine:
        from core.engine import Engine

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
