"""The first-run welcome: one short dialog, nothing to configure before the first video.

It offers the offline preview right away (one click makes a video from a sample prompt on the
offline connection and plays it) and, for each dialect this build supports, "Add" with a
link to the provider's API documentation. It is shown once: the flag ``welcome/shown`` lives in
the window's UI state (``ui-state.ini`` in the config folder, so ``CLIPDESK_HOME`` moves it), and
a data folder that already has tasks or connections never gets it.

Hook (gui/app.py, after ``window.show()``)::

    from gui.welcome import show_welcome_if_first_run
    show_welcome_if_first_run(window)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.config.connections import LOCAL_CONNECTION
from core.providers import DIALECTS, available_dialects
from gui.crash import zh_fallback
from gui.i18n import is_chinese
from gui.texts import provider_label
from gui.views.generate_panel import load_provider

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.views.settings_dialog import SettingsDialog

FLAG = "welcome/shown"
_open: list[WelcomeDialog] = []
SAMPLE_PROMPT_EN = "A quiet harbour at dawn, fishing boats rocking gently, soft golden light"
SAMPLE_PROMPT_ZH = "黎明时分宁静的港湾，渔船轻轻摇晃，柔和的金色晨光"

# Chinese for the strings below until the project's .ts files carry them (see packaging/README.md).
ZH = {
    "Welcome to ClipDesk": "欢迎使用 ClipDesk",
    "ClipDesk turns images and text into videos through the video services you already pay for. "
    "Keys stay in your system keyring, and every task is kept, even when ClipDesk closes.": (
        "ClipDesk 通过你已开通的视频生成服务，把图片和文字变成视频。"
        "密钥保存在系统密钥环中；即使关闭 ClipDesk，任务也不会丢失。"
    ),
    "&Try the offline preview now": "立即试用离线预览(&T)",
    "Makes a short video on this computer, with no key and no network. It is not AI: it animates "
    "your image or a title card, so you can see how the queue, the player and the library work.": (
        "在本机生成一段短视频，无需密钥，也无需联网。它不是 AI：只是让你的图片或标题卡动起来，"
        "方便你先熟悉队列、播放器和视频库。"
    ),
    "Add a connection": "添加连接",
    "When you have an API key, add the service it belongs to:": "有了 API 密钥后，添加它所属的服务：",
    "API documentation": "API 文档",
    "Add…": "添加…",
    "Add a connection: %1": "添加连接：%1",
    "&Later": "以后再说(&L)",
}


def _t(text: str) -> str:
    return zh_fallback(text, ZH)


def sample_prompt() -> str:
    return SAMPLE_PROMPT_ZH if is_chinese() else SAMPLE_PROMPT_EN


class WelcomeDialog(QDialog):
    try_offline_requested = Signal()
    add_connection_requested = Signal(str)  # dialect

    def __init__(self, parent: QWidget | None = None, dialects: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t(self.tr("Welcome to ClipDesk")))
        self.setObjectName("welcome")
        intro = QLabel(
            _t(
                self.tr(
                    "ClipDesk turns images and text into videos through the video services you already "
                    "pay for. Keys stay in your system keyring, and every task is kept, even when "
                    "ClipDesk closes."
                )
            ),
            self,
        )
        intro.setWordWrap(True)
        self.try_button = QPushButton(_t(self.tr("&Try the offline preview now")), self)
        self.try_button.setDefault(True)
        self.try_button.setMinimumHeight(34)
        self.try_button.clicked.connect(self._try_offline)
        offline_note = QLabel(
            _t(
                self.tr(
                    "Makes a short video on this computer, with no key and no network. It is not AI: it "
                    "animates your image or a title card, so you can see how the queue, the player and "
                    "the library work."
                )
            ),
            self,
        )
        offline_note.setWordWrap(True)
        offline_note.setProperty("tone", "muted")
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        heading = QLabel(_t(self.tr("Add a connection")), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        explain = QLabel(_t(self.tr("When you have an API key, add the service it belongs to:")), self)
        explain.setWordWrap(True)

        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        self.add_buttons: dict[str, QPushButton] = {}
        self.doc_labels: dict[str, QLabel] = {}
        wanted = dialects if dialects is not None else (available_dialects() or list(DIALECTS))
        for dialect in wanted:
            provider = load_provider(dialect)
            if provider is None or dialect == "local":
                continue
            row = grid.rowCount()
            name = provider_label(dialect, provider.label)
            grid.addWidget(QLabel(name, self), row, 0)
            if provider.doc_url:
                words = _t(self.tr("API documentation"))
                doc = QLabel(f'<a href="{provider.doc_url}">{words}</a>', self)
                doc.setOpenExternalLinks(True)
                doc.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                doc.setToolTip(provider.doc_url)
                grid.addWidget(doc, row, 1)
                self.doc_labels[dialect] = doc
            button = QPushButton(_t(self.tr("Add…")), self)  # no mnemonic: one per row
            button.setAccessibleName(_t(self.tr("Add a connection: %1")).replace("%1", name))
            button.clicked.connect(lambda _=False, d=dialect: self._add(d))
            grid.addWidget(button, row, 2)
            self.add_buttons[dialect] = button

        buttons = QDialogButtonBox(self)
        later = buttons.addButton(_t(self.tr("&Later")), QDialogButtonBox.ButtonRole.RejectRole)
        later.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.try_button)
        layout.addWidget(offline_note)
        layout.addSpacing(6)
        layout.addWidget(line)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def _try_offline(self) -> None:
        self.try_offline_requested.emit()
        self.accept()

    def _add(self, dialect: str) -> None:
        self.add_connection_requested.emit(dialect)
        self.accept()


# -- wiring to the main window -----------------------------------------------------------------


def is_first_run(ui_state: QSettings, has_history: bool) -> bool:
    """True once: when the flag is unset and the data folder has no tasks and no own connections."""
    if ui_state.value(FLAG, False) in (True, "true", "1", 1):
        return False
    if has_history:  # an existing user updating to a version with the welcome: don't greet again
        mark_shown(ui_state)
        return False
    return True


def mark_shown(ui_state: QSettings) -> None:
    ui_state.setValue(FLAG, True)
    ui_state.sync()


def try_offline(window: MainWindow) -> None:
    """Make a video with the offline preview at once (a sample prompt) and play it when it is done."""
    panel = window.generate_panel
    index = panel.connection_combo.findData(LOCAL_CONNECTION)
    if index >= 0:
        panel.connection_combo.setCurrentIndex(index)
    panel.prompt.setPlainText(sample_prompt())
    panel.generate_button.setFocus()
    window.play_next_video()
    panel.generate()


def add_connection(window: MainWindow, dialect: str) -> SettingsDialog:
    """Open Settings on a new connection of ``dialect`` (named after the provider)."""
    dialog = window.open_settings()
    dialog.add_connection()
    index = dialog.dialect_combo.findData(dialect)
    if index >= 0:
        dialog.dialect_combo.setCurrentIndex(index)
    provider = load_provider(dialect)
    taken = {entry.connection.name for entry in dialog.entries}
    item = dialog.list.currentItem()
    name = provider_label(dialect, provider.label) if provider is not None else ""
    if name and name not in taken:
        dialog.name_edit.setText(name)
        if item is not None:
            item.setText(name)
    dialog.base_url_edit.setFocus()
    return dialog


def show_welcome_if_first_run(window: MainWindow, *, force: bool = False) -> WelcomeDialog | None:
    """Open the welcome over ``window`` on the first start (non-blocking: ``open()``, no nested loop)."""
    engine = window.engine
    has_history = bool(engine.tasks) or any(name != LOCAL_CONNECTION for name in engine.connections)
    if not force and not is_first_run(window.ui_state, has_history):
        return None
    dialog = WelcomeDialog(window)
    dialog.try_offline_requested.connect(lambda: try_offline(window))
    dialog.add_connection_requested.connect(lambda dialect: add_connection(window, dialect))
    mark_shown(window.ui_state)
    _open.append(dialog)  # keep it alive while it is open
    dialog.finished.connect(lambda *_: _open.remove(dialog) if dialog in _open else None)
    dialog.open()
    return dialog
