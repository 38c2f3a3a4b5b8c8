"""The core services the window is built on, opened and closed in one place.

The window receives them through its constructor or :meth:`gui.main_window.MainWindow.attach`;
nothing here is global. The engine runs on the window's own asyncio loop (qasync): the window
calls its coroutines and listens to its events (a frame's worth at a time). Its journal works on
its own thread, keys are read from the keyring off the loop, and CPU-heavy work goes to the
process pool (core/media/pool.py), so nothing the engine does holds the window's thread.

Importing this module costs nothing: the engine and Pillow are imported by :func:`open_services`,
which the desktop app calls after the window's first paint. Opening them waits for neither the HTTP
stack (imported when the first connection's lane opens, core/tasks/engine.py) nor the keyring
(imported and probed by its first use, on a worker thread: :func:`probe_keyring`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.config.connections import ConnectionStore
    from core.config.paths import Paths
    from core.config.secrets import SecretStore
    from core.tasks.engine import Engine
    from core.tasks.journal import Journal
    from gui.settings import LibraryMarks, SettingsStore, UserSettings


# Slow imports that create no Qt object, done on a worker thread so the window keeps repainting:
# the engine (its journal, providers and catalogs), then Pillow for the image slots. The
# Qt modules the regions need are imported on Qt's thread, by MainWindow.attach. PyAV is never
# imported here: videos are decoded in the process pool.
SERVICES = ("core.tasks.engine", "core.config.secrets", "core.config.connections", "core.logs")
REGIONS = ("PIL.Image", "PIL.ImageOps")


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
    engine: Engine
    settings_store: SettingsStore
    settings: UserSettings
    library_marks: LibraryMarks


async def open_services(paths: Paths | None = None) -> Services:
    """The journal opened and every task loaded into the engine; nothing resumed yet."""
    import asyncio

    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, _import_all, SERVICES)
    from core.config.connections import ConnectionStore
    from core.config.paths import default_paths
    from core.config.secrets import SecretStore
    from core.logs import configure_logging
    from core.tasks.engine import Engine
    from core.tasks.journal import Journal
    from gui.settings import LibraryMarks, SettingsStore

    paths = (paths or default_paths()).ensure()
    configure_logging(paths)
    secrets = SecretStore()
    connection_store = ConnectionStore(paths.config)
    regions = loop.run_in_executor(None, _import_all, REGIONS)
    journal = Journal(paths.database)
    try:
        connections = await asyncio.to_thread(connection_store.load)
        await journal.open()
        engine = Engine(paths, journal, secrets, connections)
        await engine.load()
    except BaseException:
        await journal.close()
        raise
    finally:
        await regions
    settings_store = SettingsStore(paths.config)
    return Services(
        paths=paths,
        journal=journal,
        secrets=secrets,
        connection_store=connection_store,
        engine=engine,
        settings_store=settings_store,
        settings=settings_store.load(),
        library_marks=LibraryMarks.load(paths.config),
    )


async def probe_keyring(services: Services) -> bool:
    """Whether the OS keyring is usable, found on a worker thread (keyring's import and its choice
    of backend: 50-100 ms, once); afterwards ``services.secrets.keyring_known`` says it at once."""
    import asyncio

    secrets = services.secrets
    return await asyncio.to_thread(lambda: secrets.keyring_available)


async def close_services(services: Services) -> None:
    """Stop every lane where it stands (the journal says where), then close the journal."""
    await services.engine.close()
    await services.journal.close()
