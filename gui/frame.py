"""The main window's frame: what start-up paints before any service exists.

Menus, the splitters, the Queue/Library tabs and the status bar, restored to their saved sizes,
with "Starting…" in each place a region goes. It needs Qt and the UI state file, nothing else, so
``gui.app`` can show and paint it before the engine, the HTTP stack, PyAV, Pillow and QtMultimedia
are imported. :class:`gui.main_window.MainWindow` fills the places once the services are open;
until then the actions that need them are disabled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabBar, QTabWidget, QVBoxLayout, QWidget

ICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "icons" / "clipdesk.svg"
PLACES = ("form", "queue", "library", "player")
DEFAULT_SIZE = (1360, 860)  # the first window, where the screen has room for it
FORM_MIN_WIDTH, FORM_WIDTH = 360, 390  # the composer's least and first width
PLAYER_SHARE = (64, 36)  # the first split of the centre's height: player, then queue/library
SPLITTERS = ("layout/main", "layout/centre")  # (not the keys of the layout with the player below)


def app_icon() -> QIcon:
    return QIcon(str(ICON_PATH))


class Place(QWidget):
    """Where a region goes: "Starting…" until :meth:`fill` puts the region in."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder: QLabel | None = QLabel(self.tr("Starting…"), self)
        self.placeholder.setProperty("alignment", "AlignCenter")  # (no Qt namespace: see Frame)
        self.placeholder.setEnabled(False)
        layout.addWidget(self.placeholder)

    def fill(self, region: QWidget) -> None:
        layout = self._layout
        if self.placeholder is not None:
            layout.removeWidget(self.placeholder)
            self.placeholder.deleteLater()
            self.placeholder = None
        layout.addWidget(region)
        region.show()  # now, not on the next pass of the event loop (a layout shows it queued)


class NewBadge(QLabel):
    """How many videos are new, in a pill of one size for any count ("99+" beyond 99)."""

    MOST = 99

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("newBadge")
        bold = self.font()
        bold.setBold(True)
        self.setFont(bold)
        metrics = self.fontMetrics()
        self.setFixedSize(metrics.horizontalAdvance(f"{self.MOST}+") + 10, max(metrics.height(), 14))
        self.hide()

    def show_count(self, count: int) -> None:
        self.setText(f"{self.MOST}+" if count > self.MOST else str(count))
        self.setAccessibleName(self.tr("%n new video(s)", "", count))


class Frame(QMainWindow):
    """The window without its regions; subclasses fill :attr:`places` and enable :attr:`needs_services`.

    It keeps clear of the ``Qt`` namespace: PySide builds every enum in it as a Python enum on first
    use of any (20-45 ms of CPU here), and the regions pay that after the first paint instead. So
    enum properties are set by name (``setProperty("orientation", "Vertical")``), splitters get
    ``parent=`` by keyword and actions ``setShortcuts([...])``: PySide tries the overloads that
    take a ``Qt`` enum (``QSplitter(Qt.Orientation)``, ``setShortcut(Qt.Key)``) first otherwise.
    """

    def __init__(self, ui_state: QSettings) -> None:
        super().__init__()
        self.ui_state = ui_state
        self.setWindowTitle("ClipDesk")
        self.setWindowIcon(app_icon())
        self._compose()
        self._build_menus()
        self._restore_state()

    # -- layout ----------------------------------------------------------------------------------
    def _compose(self) -> None:
        """The composer on the left; in the centre the player above (the largest region) and the
        queue and the library as tabs below it. Both splitters move and are remembered."""
        self.places = {name: Place(self) for name in PLACES}
        self.places["form"].setMinimumWidth(FORM_MIN_WIDTH)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.places["queue"], self.tr("&Queue"))
        self.tabs.addTab(self.places["library"], self.tr("&Library"))
        self.tabs.setMinimumHeight(160)
        self.right = QSplitter(parent=self)  # (positional, PySide tries QSplitter(Qt.Orientation) first)
        self.right.setProperty("orientation", "Vertical")
        self.right.addWidget(self.places["player"])
        self.right.addWidget(self.tabs)
        self.right.setStretchFactor(0, 1)  # a taller window gives its height to the picture
        self.right.setCollapsible(0, False)
        self.right.setSizes(list(PLAYER_SHARE))
        self.main_split = QSplitter(parent=self)  # horizontal
        self.main_split.addWidget(self.places["form"])
        self.main_split.addWidget(self.right)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setCollapsible(1, False)
        self.main_split.setSizes([FORM_WIDTH, DEFAULT_SIZE[0] - FORM_WIDTH])
        for splitter in (self.right, self.main_split):
            splitter.setHandleWidth(5)
        self.setCentralWidget(self.main_split)
        self.counts = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts)
        self.new_badge: NewBadge | None = None

    def show_new_videos(self, count: int) -> None:
        """The library's tab tells how many videos are new, seen from the queue's tab too: a badge
        beside its title. Not in the title: a tab's text change lays the whole tab widget out again
        and repaints the window around it, at every video that finishes. The badge has one size for
        every count and keeps its room in the tab when hidden (placed once, at the first call, as
        the window opens), so no count lays the tabs out: a change repaints the badge's place."""
        index = self.tabs.indexOf(self.places["library"])
        bar = self.tabs.tabBar()
        if self.new_badge is None:
            self.new_badge = NewBadge(bar)  # (made after the first paint, then kept)
            bar.setTabButton(index, QTabBar.ButtonPosition.RightSide, self.new_badge)
        self.new_badge.show_count(count)
        self.new_badge.setVisible(bool(count))
        words = self.new_badge.accessibleName()  # (numerus forms are not found from a subclass's tr)
        self.tabs.setTabToolTip(index, self.tr("%1: not played yet").replace("%1", words) if count else "")
        name = self.tr("Library")
        spoken = self.tr("%1, %2").replace("%1", name).replace("%2", words) if count else name
        bar.setAccessibleTabName(index, spoken)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.batch_action = file_menu.addAction(self.tr("&Batch…"))
        self.batch_action.setShortcuts([QKeySequence("Ctrl+B")])
        self.settings_action = file_menu.addAction(self.tr("&Settings…"))
        self.settings_action.setShortcuts([QKeySequence("Ctrl+,")])
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.needs_services: list[QAction] = [self.batch_action, self.settings_action]
        for n, (text, key) in enumerate(
            (
                (self.tr("&Generate form"), "Ctrl+1"),
                (self.tr("&Queue"), "Ctrl+2"),
                (self.tr("&Library"), "Ctrl+3"),
                (self.tr("&Player"), "Ctrl+4"),
            )
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(key)])
            action.triggered.connect(lambda *_, n=n: self.focus_region(PLACES[n]))
            view_menu.addAction(action)
            self.needs_services.append(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About ClipDesk"))
        for action in self.needs_services:
            action.setEnabled(False)

    def focus_region(self, name: str) -> None:
        """Show the region ``name`` and give it the keyboard focus (the regions do the focusing)."""
        if name in ("queue", "library"):
            self.tabs.setCurrentWidget(self.places[name])

    # -- state -----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.ui_state.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._first_geometry()
        self._first_splits = True  # no saved splits: the first share is set at the first show
        for key, splitter in zip(SPLITTERS, (self.main_split, self.right), strict=True):
            state = self.ui_state.value(key)
            if state is not None:
                splitter.restoreState(state)
                self._first_splits = False
        tab = self.ui_state.value("window/tab", 0)
        self.tabs.setCurrentIndex(int(tab) if isinstance(tab, int | str) and str(tab).isdigit() else 0)

    def showEvent(self, event: QShowEvent) -> None:
        """The first share of the centre's height (player first), from the window's real size:
        set before it, the splitter keeps only the least sizes and the stretch decides."""
        if self._first_splits:
            self._first_splits = False
            height = max(1, self.right.height() or self.height())
            self.right.setSizes([height * PLAYER_SHARE[0] // 100, height * PLAYER_SHARE[1] // 100])
        super().showEvent(event)

    def _first_geometry(self) -> None:
        """The default size, or less on a smaller screen (a laptop's 1366×768 less its panels):
        the whole window on screen, centred, with room for the title bar a window manager adds."""
        width, height = DEFAULT_SIZE
        screen = self.screen()
        if screen is None:
            self.resize(width, height)
            return
        room = screen.availableGeometry()
        width = min(width, room.width() * 95 // 100)
        height = min(height, room.height() * 92 // 100)
        x = room.x() + (room.width() - width) // 2
        y = room.y() + (room.height() - height) // 2
        self.setGeometry(x, y, width, height)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ui_state.setValue("window/geometry", self.saveGeometry())
        for key, splitter in zip(SPLITTERS, (self.main_split, self.right), strict=True):
            self.ui_state.setValue(key, splitter.saveState())
        self.ui_state.setValue("window/tab", self.tabs.currentIndex())
        self.ui_state.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop what the window runs (the frame runs nothing)."""
