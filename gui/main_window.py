"""The main window: composes the regions and wires their signals in one place.

Left: the generate form. Right: the queue and the library as tabs, the player below them.
Every region gets the services it needs through its constructor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from core import __version__
from core.errors import ClipDeskError, ErrorKind
from core.request import GenerationRequest
from core.store import TaskRecord, TaskState
from gui.models.library_model import LibraryModel
from gui.models.task_model import TaskModel
from gui.player.player import MULTIMEDIA, Player
from gui.services import Services
from gui.settings import ui_state as open_ui_state
from gui.spawn import set_notifier, spawn
from gui.texts import error_message
from gui.thumbnails import Thumbnails
from gui.tray import TaskNotifier
from gui.views.generate_panel import GeneratePanel
from gui.views.library_view import LibraryView
from gui.views.queue_view import QueueView
from gui.views.settings_dialog import SettingsDialog

ICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "icons" / "clipdesk.svg"


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services, *, ui_state: QSettings | None = None, multimedia: bool = MULTIMEDIA
    ) -> None:
        super().__init__()
        self.services = services
        self.engine = services.engine
        paths = services.paths
        self.ui_state = ui_state or open_ui_state(paths.config)
        self.setWindowTitle("ClipDesk")
        self.setWindowIcon(app_icon())
        self.thumbnails = Thumbnails(paths.cache / "thumbnails", parent=self)
        self.task_model = TaskModel(self.engine, self.thumbnails, self)
        self.library_model = LibraryModel(self.engine, self.thumbnails, services.favourites, self)
        self.generate_panel = GeneratePanel(
            self.engine, self.thumbnails, paths.cache / "inputs", self.ui_state, self
        )
        self.queue = QueueView(self.engine, self.task_model, self)
        self.library = LibraryView(self.library_model, paths.cache / "frames", self)
        self.player = Player(self, multimedia=multimedia)
        self.notifier = TaskNotifier(app_icon(), services.settings.notifications, self)
        for record in self.engine.tasks.values():
            self.notifier.watch(record)
        self._dialogs: list[QWidget] = []
        self._attached = True
        self._counts_due = False
        self._compose()
        self._build_menus()
        self._connect_signals()
        self._restore_state()
        self._show_counts()

    # -- layout ----------------------------------------------------------------------------------
    def _compose(self) -> None:
        self.generate_panel.setMinimumWidth(400)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.queue, self.tr("&Queue"))
        self.tabs.addTab(self.library, self.tr("&Library"))
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.tabs)
        self.right.addWidget(self.player)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.addWidget(self.generate_panel)
        self.main_split.addWidget(self.right)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([440, 960])
        self.setCentralWidget(self.main_split)
        self.counts = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.batch_action = file_menu.addAction(self.tr("&Batch…"))
        self.batch_action.setShortcut(QKeySequence("Ctrl+B"))
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for text, key, slot in (
            (self.tr("&Generate form"), "Ctrl+1", self.generate_panel.prompt.setFocus),
            (self.tr("&Queue"), "Ctrl+2", lambda: self._show_tab(0)),
            (self.tr("&Library"), "Ctrl+3", lambda: self._show_tab(1)),
            (self.tr("&Player"), "Ctrl+4", self.player.play_button.setFocus),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            view_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About ClipDesk"))

    def _show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        (self.queue.table if index == 0 else self.library.view).setFocus()

    # -- wiring ----------------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        set_notifier(self.show_error)
        self.engine.subscribe(self._on_task_event)
        self.generate_panel.generate_requested.connect(self.create_tasks)
        self.generate_panel.batch_requested.connect(self.open_batch)
        self.queue.play_requested.connect(self.play)
        self.library.play_requested.connect(self.play)
        self.library.reuse_requested.connect(self.generate_panel.apply_request)
        self.library.continue_requested.connect(self.generate_panel.set_first_frame)
        self.queue.message.connect(self.show_message)
        self.library.message.connect(self.show_message)
        self.notifier.notified.connect(
            lambda title, text: self.show_message(self.tr("%1: %2").replace("%1", title).replace("%2", text))
        )
        self.notifier.show_requested.connect(self._bring_to_front)
        self.notifier.quit_requested.connect(self.close)
        self.batch_action.triggered.connect(self.open_batch)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._about)

    def _on_task_event(self, event: str, record: TaskRecord) -> None:
        if not self._attached:
            return
        self.notifier.on_task_event(event, record)
        if not self._counts_due:  # once per batch of events, not once per event
            self._counts_due = True
            QTimer.singleShot(0, self._show_counts)

    def _show_counts(self) -> None:
        self._counts_due = False
        states = [r.state for r in self.engine.tasks.values()]
        running = sum(1 for s in states if s.active and s is not TaskState.QUEUED)
        queued = states.count(TaskState.QUEUED)
        done = states.count(TaskState.SUCCEEDED)
        self.counts.setText(
            self.tr("%1 running · %2 queued · %3 done")
            .replace("%1", str(running))
            .replace("%2", str(queued))
            .replace("%3", str(done))
        )

    # -- actions ---------------------------------------------------------------------------------
    def create_tasks(self, connection: str, requests: list[GenerationRequest], parent_id: str | None) -> None:
        spawn(self._create(connection, requests, parent_id), name="create-tasks")

    async def _create(
        self, connection: str, requests: list[GenerationRequest], parent_id: str | None
    ) -> None:
        output_dir = self.services.settings.output_dir or None
        self.tabs.setCurrentWidget(self.queue)
        for n, request in enumerate(requests):
            try:
                record = await self.engine.create(
                    connection, request, output_dir=output_dir, parent_id=parent_id
                )
            except ClipDeskError as exc:
                if exc.kind is ErrorKind.AUTH:  # before any request: the connection has no key
                    text = self.tr("No API key for “%1”. Add one in Settings → Connections.")
                    self.show_text(text.replace("%1", connection))
                    return
                raise
            if n == 0:
                self.queue.select_task(record.id)
        self.show_message(self.tr("%n task(s) queued", "", len(requests)))

    def play(self, path: str) -> None:
        self.player.load(path)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.services, self)
        dialog.applied.connect(self._settings_applied)
        self._keep(dialog)
        dialog.open()
        return dialog

    def _settings_applied(self, language_changed: bool) -> None:
        self.generate_panel.refresh_connections()
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
        self.show_text(error_message(exc))

    def show_text(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0], 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "ClipDesk", text, QMessageBox.StandardButton.Ok, self)
        self._keep(box)
        box.open()

    def _about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About ClipDesk"),
            self.tr(
                "ClipDesk %1\nTurns images and text into videos through the providers you already pay for."
            ).replace("%1", __version__),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setIconPixmap(app_icon().pixmap(64, 64))
        self._keep(box)
        box.open()

    def _keep(self, dialog: QWidget) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda *_: self._dialogs.remove(dialog) if dialog in self._dialogs else None)  # type: ignore[attr-defined]

    def _bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # -- state -----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.ui_state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        for key, splitter in (("window/main", self.main_split), ("window/right", self.right)):
            state = self.ui_state.value(key)
            if state is not None:
                splitter.restoreState(state)
        tab = self.ui_state.value("window/tab", 0)
        self.tabs.setCurrentIndex(int(tab) if isinstance(tab, int | str) and str(tab).isdigit() else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui_state.setValue("window/geometry", self.saveGeometry())
        self.ui_state.setValue("window/main", self.main_split.saveState())
        self.ui_state.setValue("window/right", self.right.saveState())
        self.ui_state.setValue("window/tab", self.tabs.currentIndex())
        self.ui_state.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop listening to the engine and stop the helpers (the app closes the engine next)."""
        if not self._attached:
            return
        self._attached = False
        set_notifier(None)
        self.task_model.detach()
        self.library_model.detach()
        self.player.stop()
        self.thumbnails.close()
        if self.notifier.tray is not None:
            self.notifier.tray.hide()
