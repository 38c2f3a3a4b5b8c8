"""The main window: composes the regions and wires their signals in one place.

Left: the generate form. Right: the queue and the library as tabs, the player below them.
Every region gets the services it needs through its constructor.

The window paints before the services exist: ``MainWindow(paths=...)`` is only the frame
(gui/frame.py: menus, splitters, tabs, "Starting…" where each region goes). :meth:`attach` then
builds the regions (gui/regions.py, which imports the engine, PyAV, Pillow and QtMultimedia) into
their places and enables the actions that need services. ``MainWindow(services)`` does both at once.
"""

from __future__ import annotations

import gc
import html
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, QUrl
from PySide6.QtWidgets import QMessageBox, QWidget

from core import __version__
from gui.frame import Frame, app_icon
from gui.settings import ui_state as open_ui_state

if TYPE_CHECKING:
    from core.config.paths import Paths
    from core.tasks.engine import Engine
    from core.tasks.journal import TaskRecord
    from core.tasks.request import GenerationRequest
    from gui.regions import (
        GeneratePanel,
        LibraryModel,
        LibraryView,
        Player,
        QueueView,
        SettingsDialog,
        TaskModel,
        TaskNotifier,
        Thumbnails,
    )
    from gui.services import Services

__all__ = ["MainWindow", "app_icon"]


APP_ROOT = Path(__file__).resolve().parent.parent  # the checkout, or the bundle's _internal folder
NOTICES = "THIRD-PARTY-NOTICES.txt"  # written into the bundle by packaging/notices.py
COUNTS_EVERY_MS = 250  # the status bar's task counts follow the tasks at most this often


class MainWindow(Frame):
    services: Services
    engine: Engine
    thumbnails: Thumbnails
    task_model: TaskModel
    library_model: LibraryModel
    generate_panel: GeneratePanel
    queue: QueueView
    library: LibraryView
    player: Player
    notifier: TaskNotifier

    def __init__(
        self,
        services: Services | None = None,
        *,
        paths: Paths | None = None,
        ui_state: QSettings | None = None,
        multimedia: bool | None = None,
    ) -> None:
        paths = services.paths if services is not None else paths
        if paths is None:
            raise TypeError("MainWindow needs its services, or the paths to build its frame before them")
        super().__init__(ui_state or open_ui_state(paths.config))
        self.paths = paths
        self._multimedia = multimedia
        self._dialogs: list[QWidget] = []
        self._attached = False  # regions built and listening to the engine
        self._closed = False  # shut down: never attach again
        self._counts_due = False
        self._play_next = False  # the next tasks made are played when done (the welcome's try)
        self._to_play: set[str] = set()
        self.batch_action.triggered.connect(self.open_batch)
        self.settings_action.triggered.connect(self.open_settings)
        self.about_action.triggered.connect(self._about)
        if services is not None:
            self.attach(services)
        else:
            self.statusBar().showMessage(self.tr("Starting…"))

    @property
    def ready(self) -> bool:
        return self._attached

    def focus_region(self, name: str) -> None:
        super().focus_region(name)
        if self._attached:
            focus: dict[str, QWidget] = {"form": self.generate_panel.prompt, "queue": self.queue.table}
            player = self.player.play_button if self.player.play_button.isEnabled() else self.player.stage
            focus.update({"library": self.library.view, "player": player})
            focus[name].setFocus()

    # -- the regions -----------------------------------------------------------------------------
    def attach(self, services: Services) -> None:
        """Build the regions into their places and start listening to the engine (once)."""
        if self._attached or self._closed:
            return
        from gui.regions import build_regions

        self.services = services
        self.engine = services.engine
        regions = build_regions(self, services, self.ui_state, app_icon(), self._multimedia)
        self.thumbnails, self.task_model, self.library_model = (
            regions.thumbnails,
            regions.task_model,
            regions.library_model,
        )
        self.generate_panel, self.queue, self.library = regions.generate_panel, regions.queue, regions.library
        self.player, self.notifier = regions.player, regions.notifier
        self.places["form"].fill(self.generate_panel)
        self.places["queue"].fill(self.queue)
        self.places["library"].fill(self.library)
        self.places["player"].fill(self.player)
        self._attached = True
        self._connect_signals()
        for action in self.needs_services:
            action.setEnabled(True)
        self.statusBar().clearMessage()
        self._show_counts()
        # What exists now (modules, Qt's wrappers, the regions) lives as long as the window: kept out
        # of the cyclic garbage collector's full passes, which otherwise walk all of it (a 60-80 ms
        # pause on the window's thread, seen while 1,000 tasks started at once).
        gc.freeze()

    def _connect_signals(self) -> None:
        from gui.spawn import set_notifier

        set_notifier(self.show_error)
        self.engine.subscribe_batch(self._on_task_events)
        self.generate_panel.generate_requested.connect(self.create_tasks)
        self.generate_panel.batch_requested.connect(self.open_batch)
        self.queue.play_requested.connect(self.play)
        self.library.play_requested.connect(self.play)
        self.library.reuse_requested.connect(self.generate_panel.apply_request)
        self.library.continue_requested.connect(self._continue_from)
        self.queue.message.connect(self.show_message)
        self.library.message.connect(self.show_message)
        self.library.new_count_changed.connect(self.show_new_videos)
        self.show_new_videos(self.library_model.new_count())
        self.notifier.notified.connect(
            lambda title, text: self.show_message(self.tr("%1: %2").replace("%1", title).replace("%2", text))
        )
        self.notifier.show_requested.connect(self._bring_to_front)
        self.notifier.play_requested.connect(self.play)
        self.notifier.quit_requested.connect(self.close)

    def _on_task_events(self, batch: list[tuple[str, TaskRecord]]) -> None:
        if not self._attached:
            return
        self.notifier.on_task_events(batch)
        for _kind, record in batch if self._to_play else ():
            if record.id in self._to_play and record.state.terminal:
                self._to_play.discard(record.id)
                if record.video_path:
                    self.play(str(record.video_path))
        if not self._counts_due:  # once per batch of events, not once per event
            self._counts_due = True
            QTimer.singleShot(COUNTS_EVERY_MS, self._show_counts)

    def _show_counts(self) -> None:
        from collections import Counter

        from core.tasks.journal import TaskState

        self._counts_due = False
        from gui.models.task_model import TaskModel, in_queue

        tasks = self.engine.tasks.values()
        # one pass; 1,000 tasks: ~0.2 ms. A task submitted but waiting its turn (its row says so)
        # counts as queued, not running.
        listed = [r for r in tasks if in_queue(r)]
        waiting = sum(1 for r in listed if TaskModel._waiting(r))
        states = Counter(r.state for r in listed)
        running = sum(n for s, n in states.items() if s.active and s is not TaskState.QUEUED) - waiting
        queued = states[TaskState.QUEUED] + waiting
        done = states[TaskState.SUCCEEDED]
        self.counts.setText(
            self.tr("%1 running · %2 queued · %3 done")
            .replace("%1", str(running))
            .replace("%2", str(queued))
            .replace("%3", str(done))
        )

    # -- actions ---------------------------------------------------------------------------------
    def create_tasks(self, connection: str, requests: list[GenerationRequest], parent_id: str | None) -> None:
        from gui.spawn import spawn

        spawn(self._create(connection, requests, parent_id), name="create-tasks")

    async def _create(
        self, connection: str, requests: list[GenerationRequest], parent_id: str | None
    ) -> None:
        from core.errors import ClipDeskError, ErrorKind

        output_dir = self.services.settings.output_dir or None
        batch_id = uuid.uuid4().hex if len(requests) > 1 else None  # copies: one batch, one notice
        self.tabs.setCurrentIndex(0)
        for n, request in enumerate(requests):
            try:
                record = await self.engine.create(
                    connection,
                    request,
                    output_dir=output_dir,
                    parent_id=parent_id,
                    batch_id=batch_id,
                    relation=self.generate_panel.relation if parent_id else None,
                )
            except ClipDeskError as exc:
                if exc.kind is ErrorKind.AUTH:  # before any request: the connection has no key
                    text = self.tr("No API key for “%1”. Add one in Settings → Connections.")
                    self.show_text(text.replace("%1", connection))
                    return
                raise
            if n == 0:
                self.queue.select_task(record.id)
                if self._play_next:
                    self._play_next = False
                    self._to_play.add(record.id)
        self.show_message(self.tr("%n task(s) queued", "", len(requests)))

    def _continue_from(self, frame: str, parent_id: str) -> None:
        """A video's last frame starts the next task, with that video's prompt to edit."""
        parent = self.engine.tasks.get(parent_id)
        self.generate_panel.set_first_frame(frame, parent_id, parent.request.prompt if parent else None)

    def play_next_video(self) -> None:
        """Play the video of the next task made, as soon as it is done."""
        self._play_next = True

    def play(self, path: str) -> None:
        self.player.load(path)
        self.library_model.mark_watched(path)

    def open_settings(self) -> SettingsDialog:
        from gui.views.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services, self)
        known = set(self.engine.connections)
        dialog.applied.connect(lambda changed: self._settings_applied(changed, known))
        self._keep(dialog)
        dialog.open()
        return dialog

    def _settings_applied(self, language_changed: bool, known: set[str] | None = None) -> None:
        self.generate_panel.refresh_connections()
        added = sorted(set(self.engine.connections) - (known or set(self.engine.connections)))
        if added:  # a connection just added is the one to use
            self.generate_panel.select_connection(added[0])
        self.notifier.enabled = self.services.settings.notifications
        if language_changed:
            self.show_message(self.tr("The new language applies the next time ClipDesk starts."))

    def open_batch(self) -> QWidget | None:
        from gui.views.batch_dialog import BatchDialog

        dialog = BatchDialog(self.engine, self.generate_panel, self.services.settings, self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_error(self, exc: BaseException) -> None:
        from gui.texts import error_message

        self.show_text(error_message(exc))

    def show_text(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "ClipDesk", text, QMessageBox.StandardButton.Ok, self)
        self._keep(box)
        box.open()

    def _about(self) -> QMessageBox:
        from PySide6.QtCore import Qt  # (Qt's namespace costs 20-45 ms on first use: not before the paint)

        encoded = QUrl.ComponentFormattingOption.FullyEncoded
        urls = [(label, QUrl.fromLocalFile(str(path)).toString(encoded)) for label, path in self._legal()]
        links = [f'<a href="{html.escape(url)}">{html.escape(label)}</a>' for label, url in urls]
        text = self.tr(
            "ClipDesk %1\nTurns images and text into videos through the providers you already pay for."
        ).replace("%1", __version__)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About ClipDesk"),
            "<p>"
            + html.escape(text).replace("\n", "<br>")
            + "</p><p>"
            + html.escape(self.tr("Free software under the GNU General Public License, version 3 or later."))
            + "<br>"
            + " · ".join(links)
            + "</p>",
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        self._keep(box)
        box.open()
        return box

    def _legal(self) -> list[tuple[str, Path]]:
        """The licence, and the third-party notices a built app carries (beside the app's code)."""
        files = [
            (self.tr("Licence"), APP_ROOT / "LICENSE"),
            (self.tr("Third-party notices"), APP_ROOT / NOTICES),
        ]
        return [(label, path) for label, path in files if path.is_file()]

    def _keep(self, dialog: QWidget) -> None:
        from gui.widgets.focus import return_focus_after

        return_focus_after(dialog, self)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog) if dialog in self._dialogs else None)  # type: ignore[attr-defined]

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def shutdown(self) -> None:
        """Stop listening to the engine and stop the helpers (the app closes the engine next)."""
        self._closed = True
        if not self._attached:
            return
        from gui.spawn import set_notifier

        self._attached = False
        set_notifier(None)
        self.task_model.detach()
        self.library_model.detach()
        self.player.leave_fullscreen()
        self.player.stop()
        self.thumbnails.close()
        if self.library.strips is not None:
            self.library.strips.close()
        if self.notifier.tray is not None:
            self.notifier.tray.hide()
