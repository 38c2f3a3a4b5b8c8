"""The main window's regions, built once the core services are open.

These are the heavy parts of the window: the models over the engine, the generate form, the queue,
the library (thumbnails, decoded in the process pool, core/media/pool.py) and the player (QtMultimedia).
``MainWindow.attach`` imports this module, so none of it is imported before the window's first paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from core.media import pool
from gui.models.library_model import LibraryModel
from gui.models.task_model import TaskModel
from gui.player.player import MULTIMEDIA, Player
from gui.services import Services
from gui.thumbnails import ScrubStrips, Thumbnails
from gui.tray import TaskNotifier
from gui.views.generate_panel import GeneratePanel
from gui.views.library_view import LibraryView
from gui.views.queue_view import QueueView
from gui.views.settings_dialog import SettingsDialog
from gui.views.story import StoryActions

__all__ = ["Regions", "SettingsDialog", "build_regions"]


@dataclass
class Regions:
    thumbnails: Thumbnails
    task_model: TaskModel
    library_model: LibraryModel
    generate_panel: GeneratePanel
    queue: QueueView
    library: LibraryView
    player: Player
    notifier: TaskNotifier


def build_regions(
    window: QWidget, services: Services, ui_state: QSettings, icon: QIcon, multimedia: bool | None
) -> Regions:
    """Every region, parented to ``window``; tasks already in the engine are watched, not notified."""
    paths, engine = services.paths, services.engine
    thumbnails = Thumbnails(paths.cache / "thumbnails", parent=window)
    task_model = TaskModel(engine, thumbnails, window)
    library_model = LibraryModel(engine, thumbnails, services.library_marks, window)
    notifier = TaskNotifier(icon, services.settings.notifications, window)
    for record in engine.tasks.values():
        notifier.watch(record)
    strips = ScrubStrips(paths.cache / "scrub", parent=window)  # what a tile scrubs through
    library = LibraryView(library_model, paths.cache / "frames", window, strips=strips, ui_state=ui_state)
    StoryActions(library, engine, pool, paths.library)  # joins run in the process pool
    return Regions(
        thumbnails=thumbnails,
        task_model=task_model,
        library_model=library_model,
        generate_panel=GeneratePanel(engine, thumbnails, paths.cache / "inputs", ui_state, window),
        queue=QueueView(engine, task_model, window),
        library=library,
        player=Player(window, multimedia=MULTIMEDIA if multimedia is None else multimedia),
        notifier=notifier,
    )
