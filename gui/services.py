"""The core services the window is built on, opened and closed in one place.

The window receives them through its constructor or :meth:`gui.main_window.MainWindow.attach`;
nothing here is global. The engine and its journal live in a process of their own (core.tasks.host):
network, disk and parsing work never run in the window's process, and the window sees the engine
through a proxy with the same API, coalesced events, and the journal reads it needs. Keys stay in
this process's keyring access; the engine asks for a connection's key when it needs it.

Importing this module costs nothing: the engine's proxy, the keyring and Pillow are imported
by :func:`open_services`, which the desktop app calls after the window's first paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.config.connections import ConnectionStore
    from core.config.paths import Paths
    from core.config.secrets import SecretStore
    from core.tasks.host import EngineProxy, RemoteJournal
    from gui.settings import LibraryMarks, SettingsStore, UserSettings


# Slow imports that create no Qt object, done on a worker thread so the window keeps repainting:
# the engine's proxy and the keyring first, then (while the engine's process starts) Pillow for
# the image slots. The Qt modules the regions need are imported on Qt's thread, by
# MainWindow.attach. PyAV is never imported here: videos are decoded by the media worker's process.
SERVICES = ("core.tasks.host", "core.config.secrets", "core.config.connections", "core.logs")
REGIONS = ("PIL.Image", "PIL.ImageOps")


def _import_all(names: tuple[str, ...]) -> None:
    import importlib

    for name in names:
        importlib.import_module(name)


@dataclass
class Services:
    paths: Paths
    journal: RemoteJournal
    secrets: SecretStore
    connection_store: ConnectionStore
    engine: EngineProxy
    settings_store: SettingsStore
    settings: UserSettings
    library_marks: LibraryMarks


async def open_services(paths: Paths | None = None) -> Services:
    """Start the engine's process: journal opened, every task loaded, nothing resumed yet."""
    import asyncio

    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, _import_all, SERVICES)
    from core.config.connections import ConnectionStore
    from core.config.paths import default_paths
    from core.config.secrets import SecretStore
    from core.logs import configure_logging
    from core.tasks.host import EngineProxy
    from gui.settings import LibraryMarks, SettingsStore

    paths = (paths or default_paths()).ensure()
    configure_logging(paths)
    secrets = SecretStore()
    connection_store = ConnectionStore(paths.config)
    regions = loop.run_in_executor(None, _import_all, REGIONS)
    try:
        engine = await EngineProxy.start(secrets, paths)
    finally:
        await regions
    settings_store = SettingsStore(paths.config)
    return Services(
        paths=paths,
        journal=engine.journal,
        secrets=secrets,
        connection_store=connection_store,
        engine=engine,
        settings_store=settings_store,
        settings=settings_store.load(),
        library_marks=LibraryMarks.load(paths.config),
    )


async def close_services(services: Services) -> None:
    """Stop every lane where it stands (the journal says where), then close the journal."""
    await services.engine.close()
