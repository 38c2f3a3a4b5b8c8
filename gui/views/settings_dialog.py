"""Settings: connections (dialect, base URL, key, proxy, a test) and general preferences.

Keys go only to the SecretStore (the system keyring). Where no keyring exists the dialog says so
plainly: the key is then kept in memory for this session only.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.config.connections import LOCAL_CONNECTION, Connection
from core.config.secrets import NO_KEYRING_MESSAGE, SecretStore
from core.errors import ClipDeskError
from core.pricing import listed_prices, parse_override
from core.providers import DIALECTS, available_dialects
from core.providers.base import Provider
from gui.i18n import is_chinese
from gui.services import Services
from gui.settings import LANGUAGE_SYSTEM
from gui.spawn import spawn
from gui.texts import connection_label, error_summary, money, probe_text, provider_label
from gui.theme import apply_theme
from gui.views.generate_panel import load_provider
from gui.widgets.base_urls import KnownUrlsButton, gateway_hint, known_urls

PROXY_NONE, PROXY_SYSTEM, PROXY_CUSTOM = "", "system", "custom"


def no_keyring_message() -> str:
    """core.config.secrets.NO_KEYRING_MESSAGE, in the interface language."""
    text = QCoreApplication.translate(
        "SettingsDialog",
        "No system keyring is available (Secret Service, macOS Keychain or Windows Credential Locker). "
        "ClipDesk keeps the key in memory for this session only and never writes it to disk; "
        "you will be asked again next time.",
    )
    return text if is_chinese() else NO_KEYRING_MESSAGE


@dataclass
class Entry:
    """One connection being edited; ``original`` is its saved name (None for a new one)."""

    connection: Connection
    original: str | None
    new_key: str | None = None
    money_problem: str = ""  # a cap or a price that does not read


class SettingsDialog(QDialog):
    applied = Signal(bool)  # True when the language changed (it applies after a restart)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 520)
        self.entries: list[Entry] = [
            Entry(copy.deepcopy(c), c.name) for c in services.engine.connections.values()
        ]
        self.entries.sort(key=lambda e: (e.connection.name != LOCAL_CONNECTION, e.connection.name.lower()))
        self._current: Entry | None = None
        self.test_task: asyncio.Task[None] | None = None
        self.spend_task: asyncio.Task[None] | None = None
        self.saving: asyncio.Task[bool] | None = None  # the settings being saved, after accept()
        self._stored: set[str] = set()  # connections with a key in the keyring (looked up off the loop)
        tabs = QTabWidget(self)
        tabs.addTab(self._connections_tab(), self.tr("&Connections"))
        tabs.addTab(self._general_tab(), self.tr("&General"))
        self.error_label = QLabel(self)
        self.error_label.setProperty("tone", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._fill_list()
        self.keys_looked_up = spawn(self._look_up_keys(), name="settings-keys")

    async def _look_up_keys(self) -> None:
        """Whether there is a keyring and which connections have a stored key (both read on a worker
        thread), then the keyring's note and the key field's hint for the connection shown."""
        secrets = self.services.secrets
        names = [e.original for e in self.entries if e.original and not e.connection.is_local]

        def look_up() -> tuple[bool, set[str]]:
            return secrets.keyring_available, {name for name in names if secrets.get(name)}

        available, self._stored = await asyncio.to_thread(look_up)
        with contextlib.suppress(RuntimeError):  # the dialog may be gone by now
            self.keyring_label.setVisible(not available)
            self._key_hint()

    # -- connections tab -------------------------------------------------------------------------
    def _connections_tab(self) -> QWidget:
        page = QWidget(self)
        self.list = QListWidget(page)
        self.list.setAccessibleName(self.tr("Connections"))
        self.list.setMaximumWidth(220)
        add = QPushButton(self.tr("&Add"), page)
        self.remove_button = QPushButton(self.tr("&Remove"), page)
        add.clicked.connect(self.add_connection)
        self.remove_button.clicked.connect(self.ask_to_remove)
        self.name_edit = QLineEdit(page)
        self.name_edit.setAccessibleName(self.tr("Connection name"))
        self.dialect_combo = QComboBox(page)
        self.dialect_combo.setAccessibleName(self.tr("Provider type"))
        for dialect in available_dialects() or list(DIALECTS):
            provider = load_provider(dialect)
            if provider is not None and dialect != "local":
                self.dialect_combo.addItem(provider_label(dialect, provider.label), dialect)
        self.base_url_edit = QLineEdit(page)
        self.base_url_edit.setAccessibleName(self.tr("Base URL"))
        self.base_url_edit.setPlaceholderText("https://…")
        self.key_edit = QLineEdit(page)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setAccessibleName(self.tr("API key"))
        self.show_key = QCheckBox(self.tr("Sho&w"), page)
        self.show_key.toggled.connect(
            lambda on: self.key_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key)
        self.proxy_combo = QComboBox(page)
        self.proxy_combo.setAccessibleName(self.tr("Proxy"))
        self.proxy_combo.addItem(self.tr("No proxy"), PROXY_NONE)
        self.proxy_combo.addItem(self.tr("System proxy"), PROXY_SYSTEM)
        self.proxy_combo.addItem(self.tr("Custom proxy"), PROXY_CUSTOM)
        self.proxy_edit = QLineEdit(page)
        self.proxy_edit.setAccessibleName(self.tr("Proxy address"))
        self.proxy_edit.setPlaceholderText("http://127.0.0.1:7890")
        self.proxy_combo.currentIndexChanged.connect(self._proxy_mode_changed)
        proxy_row = QHBoxLayout()
        proxy_row.addWidget(self.proxy_combo)
        proxy_row.addWidget(self.proxy_edit, 1)
        self.doc_label = QLabel(page)
        self.doc_label.setOpenExternalLinks(True)
        self.doc_label.setWordWrap(True)
        self.daily_edit = QLineEdit(page)
        self.daily_edit.setAccessibleName(self.tr("Daily spending cap"))
        self.monthly_edit = QLineEdit(page)
        self.monthly_edit.setAccessibleName(self.tr("Monthly spending cap"))
        for edit in (self.daily_edit, self.monthly_edit):
            edit.setPlaceholderText(self.tr("No cap (in the currency of this connection's prices)"))
        self.prices_edit = QLineEdit(page)
        self.prices_edit.setAccessibleName(self.tr("Own prices"))
        self.prices_edit.setPlaceholderText(self.tr("model=0.5CNY/second, other=2USD/clip (gateway rates)"))
        self.spend_label = QLabel(page)
        self.spend_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("&Test connection"), page)
        self.test_result = QLabel(page)
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button.clicked.connect(self.test_connection)
        self.keyring_label = QLabel(no_keyring_message(), page)
        self.keyring_label.setWordWrap(True)
        self.keyring_label.setObjectName("noKeyring")
        self.keyring_label.setProperty("tone", "note")
        # said once the keyring has been looked for (_look_up_keys, off the window's thread)
        self.keyring_label.setVisible(self.services.secrets.keyring_known is False)
        self.local_note = QLabel(self.tr("The offline preview works without a key or a network."), page)
        self.local_note.setWordWrap(True)

        self.form_box = QWidget(page)
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.known_urls = KnownUrlsButton(self.base_url_edit, page)
        self.url_hint = QLabel(page)
        self.url_hint.setWordWrap(True)
        self.url_hint.setProperty("tone", "muted")
        url_row = QHBoxLayout()
        url_row.addWidget(self.base_url_edit, 1)
        url_row.addWidget(self.known_urls)
        for text, field, row in (
            (self.tr("&Name:"), self.name_edit, None),
            (self.tr("T&ype:"), self.dialect_combo, None),
            (self.tr("&Base URL:"), self.base_url_edit, url_row),
        ):
            label = QLabel(text, page)
            label.setBuddy(field)
            form.addRow(label, row if row is not None else field)
        form.addRow("", self.url_hint)
        key_label = QLabel(self.tr("API &key:"), page)
        key_label.setBuddy(self.key_edit)
        form.addRow(key_label, key_row)
        proxy_label = QLabel(self.tr("&Proxy:"), page)
        proxy_label.setBuddy(self.proxy_combo)
        form.addRow(proxy_label, proxy_row)
        for text, field in (
            (self.tr("&Daily cap:"), self.daily_edit),
            (self.tr("&Monthly cap:"), self.monthly_edit),
            (self.tr("Own pr&ices:"), self.prices_edit),
        ):
            label = QLabel(text, page)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.spend_label)
        form.addRow("", self.doc_label)
        form.addRow("", self.test_button)
        form.addRow("", self.test_result)
        self.form_widgets = [
            self.name_edit,
            self.dialect_combo,
            self.base_url_edit,
            self.key_edit,
            self.show_key,
        ]
        self.form_widgets += [self.proxy_combo, self.proxy_edit, self.test_button]
        self.form_widgets += [self.daily_edit, self.monthly_edit, self.prices_edit]

        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(add)
        side_buttons.addWidget(self.remove_button)
        side.addLayout(side_buttons)
        right = QVBoxLayout()
        right.addWidget(self.keyring_label)
        right.addWidget(self.local_note)
        right.addWidget(self.form_box)
        right.addStretch(1)
        row = QHBoxLayout(page)
        row.addLayout(side)
        row.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._select)
        self.dialect_combo.currentIndexChanged.connect(self._dialect_changed)
        return page

    def _fill_list(self) -> None:
        self.list.clear()
        for entry in self.entries:
            QListWidgetItem(connection_label(entry.connection.name), self.list)
        self.list.setCurrentRow(0)

    def _select(self, row: int) -> None:
        self._commit()
        self._current = self.entries[row] if 0 <= row < len(self.entries) else None
        entry = self._current
        editable = entry is not None and not entry.connection.is_local
        for widget in self.form_widgets:
            widget.setEnabled(editable)
        self.remove_button.setEnabled(editable)
        self.local_note.setVisible(entry is not None and entry.connection.is_local)
        self.form_box.setVisible(editable)
        self.test_result.clear()
        if entry is None:
            return
        conn = entry.connection
        self.name_edit.setText(connection_label(conn.name))
        self.dialect_combo.blockSignals(True)
        self.dialect_combo.setCurrentIndex(max(0, self.dialect_combo.findData(conn.dialect)))
        self.dialect_combo.blockSignals(False)
        self.base_url_edit.setText(conn.base_url)
        self.key_edit.setText(entry.new_key or "")
        self._key_hint()
        mode = conn.proxy if conn.proxy in (PROXY_NONE, PROXY_SYSTEM) else PROXY_CUSTOM
        self.proxy_combo.setCurrentIndex(self.proxy_combo.findData(mode))
        self.proxy_edit.setText(conn.proxy if mode == PROXY_CUSTOM else "")
        self.daily_edit.setText("" if conn.daily_budget is None else f"{conn.daily_budget:g}")
        self.monthly_edit.setText("" if conn.monthly_budget is None else f"{conn.monthly_budget:g}")
        self.prices_edit.setText(", ".join(f"{m}={p}" for m, p in conn.prices.items()))
        self.spend_label.clear()
        if entry.original:
            self.spend_task = spawn(self._show_spend(entry.original), name="show-spend")
        self._proxy_mode_changed()
        self._dialect_changed()

    def _key_hint(self) -> None:
        entry = self._current
        has_key = entry is not None and not entry.connection.is_local and entry.original in self._stored
        self.key_edit.setPlaceholderText(
            self.tr("Saved. Type a new key to replace it") if has_key else self.tr("Paste the API key")
        )

    def _commit(self) -> None:
        """Copy the form into the entry being edited."""
        entry = self._current
        if entry is None or entry.connection.is_local:
            return
        conn = entry.connection
        conn.name = self.name_edit.text().strip()
        conn.dialect = str(self.dialect_combo.currentData() or conn.dialect)
        conn.base_url = self.base_url_edit.text().strip()
        mode = self.proxy_combo.currentData()
        conn.proxy = self.proxy_edit.text().strip() if mode == PROXY_CUSTOM else str(mode)
        key = self.key_edit.text().strip()
        entry.new_key = key or None
        entry.money_problem = self._read_money(conn)
        row = self.entries.index(entry)
        item = self.list.item(row)
        if item is not None and conn.name:
            item.setText(conn.name)

    def _read_money(self, conn: Connection) -> str:
        """The caps and own prices from the form into ``conn``: '' or what does not read."""
        for attr, edit in (("daily_budget", self.daily_edit), ("monthly_budget", self.monthly_edit)):
            text = edit.text().strip()
            try:
                value = float(text) if text else None
            except ValueError:
                return self.tr("A spending cap is a number (or empty for none): “%1”").replace("%1", text)
            setattr(conn, attr, value)
        prices: dict[str, str] = {}
        for item in self.prices_edit.text().split(","):
            model, _sep, text = item.partition("=")
            if not item.strip():
                continue
            listed = listed_prices(conn.dialect)
            try:
                parse_override(text, listed.get(model.strip()) or listed.get("*"))
            except ClipDeskError:
                return self.tr(
                    "A price reads model=AMOUNT[CNY|USD|credits]/second|clip|credit: “%1”"
                ).replace("%1", item.strip())
            prices[model.strip()] = text.strip()
        conn.prices = prices
        return ""

    async def _show_spend(self, name: str) -> None:
        """This month's spend on the connection, from the ledger (charges and estimates apart)."""
        month = datetime.now().strftime("%Y-%m")
        try:
            entries = await self.services.engine.spend_summary(name, month)
        except ClipDeskError:
            return
        if self._current is None or self._current.original != name:
            return
        today = datetime.now().strftime("%Y-%m-%d")
        parts = []
        for e in entries:
            spent_today = sum(d["charged"] + d["estimated"] for d in e["days"] if d["day"] == today)
            parts.append(
                self.tr("This month: charged %1, estimated %2 (today %3)")
                .replace("%1", money(e["charged"], e["currency"]))
                .replace("%2", money(e["estimated"], e["currency"]))
                .replace("%3", money(spent_today, e["currency"]))
            )
        self.spend_label.setText("\n".join(parts) or self.tr("Nothing spent this month."))

    def _proxy_mode_changed(self, *_args: object) -> None:
        custom = self.proxy_combo.currentData() == PROXY_CUSTOM
        self.proxy_edit.setVisible(custom)

    def _provider(self) -> Provider | None:
        entry = self._current
        if entry is None:
            return None
        dialect = "local" if entry.connection.is_local else str(self.dialect_combo.currentData() or "")
        return load_provider(dialect)

    def _dialect_changed(self, *_args: object) -> None:
        provider = self._provider()
        if provider is None:
            self.doc_label.clear()
            return
        self.base_url_edit.setEnabled(provider.needs_base_url and not self._is_local())
        self.known_urls.set_dialect(provider.dialect)
        self.url_hint.setText(gateway_hint(provider.dialect))
        official = known_urls(provider.dialect)
        if official and not self.base_url_edit.text().strip() and provider.needs_base_url:
            self.base_url_edit.setText(official[0][0])  # most creators do not know it by heart
        self.key_edit.setEnabled(provider.needs_key and not self._is_local())
        words = self.tr("API documentation")
        link = f'<a href="{provider.doc_url}">{words}</a>' if provider.doc_url else ""
        self.doc_label.setText(f"{provider_label(provider.dialect, provider.label)}  {link}")

    def _is_local(self) -> bool:
        return self._current is not None and self._current.connection.is_local

    def add_connection(self) -> None:
        self._commit()
        taken = {e.connection.name for e in self.entries}
        base = self.tr("New connection")
        name, n = base, 2
        while name in taken:
            name, n = f"{base} {n}", n + 1
        dialect = str(self.dialect_combo.itemData(0) or "newapi")
        self.entries.append(Entry(Connection(name=name, dialect=dialect), None))
        QListWidgetItem(name, self.list)
        self.list.setCurrentRow(len(self.entries) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def ask_to_remove(self) -> QMessageBox | None:
        """Ask before removing the selected connection (its key goes with it when Settings is saved)."""
        row = self.list.currentRow()
        if row < 0 or self.entries[row].connection.is_local:
            return None
        name = self.entries[row].connection.name
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove connection"),
            self.tr("Remove “%1”? Its API key is deleted from the keyring when you press OK.").replace(
                "%1", name
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        remove.clicked.connect(self.remove_connection)
        box.open()
        return box

    def remove_connection(self) -> None:
        row = self.list.currentRow()
        if row < 0 or self.entries[row].connection.is_local:
            return
        self._current = None
        del self.entries[row]
        self.list.takeItem(row)
        self.list.setCurrentRow(max(0, row - 1))

    # -- test ------------------------------------------------------------------------------------
    def test_connection(self) -> None:
        self._commit()
        if self._current is not None:
            self.test_task = spawn(self._test(self._current), name="test-connection")

    async def _test(self, entry: Entry) -> None:
        provider = self._provider()
        conn = entry.connection
        if provider is None:
            return
        key = entry.new_key
        if not key and entry.original:  # the keyring, off the window's thread
            key = await asyncio.to_thread(self.services.secrets.get, entry.original)
        if provider.needs_key and not key:
            self.test_result.setText(self.tr("Enter an API key first."))
            return
        if provider.needs_base_url and not conn.base_url.startswith(("http://", "https://")):
            self.test_result.setText(self.tr("The base URL must start with http:// or https://"))
            return
        self.test_result.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        try:  # in the engine, which has the HTTP stack: a request that costs nothing, per dialect
            result = await self.services.engine.test_connection(conn, key)
        except ClipDeskError as exc:
            self.test_result.setText(
                self.tr("Failed: %1").replace("%1", f"{error_summary(exc.kind.value)} ({exc.message})")
            )
        else:
            findings = probe_text(result.said)
            if result.ok:
                self.test_result.setText(self.tr("Connection works: %1").replace("%1", findings))
            else:
                kind = {"auth": "auth", "unreachable": "network"}.get(result.verdict)
                detail = f"{error_summary(kind)} ({findings})" if kind else findings
                self.test_result.setText(self.tr("Failed: %1").replace("%1", detail))
            errors = [v for _key, values in result.said for k, v in values.items() if k == "detail"]
            self.test_result.setToolTip("\n".join([*errors, result.checked]).strip())
        finally:
            self.test_button.setEnabled(True)
        self._fit_height()

    def _fit_height(self) -> None:
        """Taller, within the screen, when the test's explanation needs more lines than there is room."""
        wanted = self.sizeHint().height()
        screen = self.screen().availableGeometry().height() if self.screen() else wanted
        if wanted > self.height():
            self.resize(self.width(), min(wanted, screen - 40))

    # -- general tab -----------------------------------------------------------------------------
    def _general_tab(self) -> QWidget:
        page = QWidget(self)
        settings = self.services.settings
        self.output_edit = QLineEdit(settings.output_dir, page)
        self.output_edit.setPlaceholderText(str(self.services.paths.library))
        self.output_edit.setAccessibleName(self.tr("Output folder"))
        browse = QPushButton(self.tr("B&rowse…"), page)
        browse.clicked.connect(self._browse)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(browse)
        self.language_combo = QComboBox(page)
        self.language_combo.setAccessibleName(self.tr("Language"))
        self.language_combo.addItem(self.tr("Follow the system"), LANGUAGE_SYSTEM)
        self.language_combo.addItem("简体中文", "zh_CN")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.theme_combo = QComboBox(page)
        self.theme_combo.setAccessibleName(self.tr("Appearance"))
        self.theme_combo.addItem(self.tr("Follow the system (dark if it does not say)"), "system")
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.notify_check = QCheckBox(self.tr("Notify me when a task ends"), page)
        self.notify_check.setChecked(settings.notifications)
        note = QLabel(self.tr("A new language applies the next time ClipDesk starts."), page)
        note.setWordWrap(True)
        form = QFormLayout(page)
        for text, field in (
            (self.tr("&Output folder:"), output_row),
            (self.tr("&Language:"), self.language_combo),
        ):
            label = QLabel(text, page)
            label.setBuddy(self.output_edit if field is output_row else self.language_combo)
            form.addRow(label, field)
        form.addRow("", note)
        theme_label = QLabel(self.tr("&Appearance:"), page)
        theme_label.setBuddy(self.theme_combo)
        form.addRow(theme_label, self.theme_combo)
        form.addRow("", self.notify_check)
        return page

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Output folder"), self.output_edit.text())
        if folder:
            self.output_edit.setText(folder)

    # -- apply -----------------------------------------------------------------------------------
    def problems(self) -> str:
        self._commit()
        names = [e.connection.name for e in self.entries]
        for entry in self.entries:
            conn = entry.connection
            if not conn.name:
                return self.tr("Every connection needs a name.")
            if names.count(conn.name) > 1:
                return self.tr("Two connections are named “%1”.").replace("%1", conn.name)
            provider = load_provider(conn.dialect)
            if provider and provider.needs_base_url and not conn.base_url.startswith(("http://", "https://")):
                return self.tr("“%1” needs a base URL starting with http:// or https://").replace(
                    "%1", conn.name
                )
            if entry.money_problem:
                return entry.money_problem
            if conn.proxy not in (PROXY_NONE, PROXY_SYSTEM) and "://" not in conn.proxy:
                return self.tr("The proxy of “%1” must look like http://host:port").replace("%1", conn.name)
        return ""

    def accept(self) -> None:
        problem = self.problems()
        self.error_label.setText(problem)
        self.error_label.setVisible(bool(problem))
        if problem:
            return
        self.saving = spawn(self.apply(), name="save-settings")
        super().accept()

    async def apply(self) -> bool:
        """Save keys, connections and settings; True when every key reached the keyring. The keys
        are written off the window's thread (a keyring may take its time); the engine gets the
        connections once their keys are in place."""
        services = self.services
        engine = services.engine
        kept = {e.original for e in self.entries if e.original}
        removed = [n for n in engine.connections if n not in kept and n != LOCAL_CONNECTION]
        # (old name or None, new name, new key or None) of each connection that is not the local one
        changes = [
            (entry.original, entry.connection.name, entry.new_key)
            for entry in self.entries
            if not entry.connection.is_local
        ]
        in_keyring, keyed = await asyncio.to_thread(_save_keys, services.secrets, removed, changes)
        for name in removed:
            engine.remove_connection(name)
        for entry in self.entries:
            conn = entry.connection
            if conn.is_local:
                continue
            if entry.original and entry.original != conn.name:
                engine.remove_connection(entry.original)
            before = engine.connections.get(conn.name)
            if before != conn or conn.name in keyed:
                engine.add_connection(copy.deepcopy(conn))
        services.connection_store.save(engine.connections)
        settings = services.settings
        language = str(self.language_combo.currentData())
        language_changed = language != settings.language
        settings.language = language
        settings.output_dir = self.output_edit.text().strip()
        settings.notifications = self.notify_check.isChecked()
        theme = str(self.theme_combo.currentData())
        app = QApplication.instance()
        if theme != settings.theme and isinstance(app, QApplication):
            apply_theme(app, theme)  # at once: the look needs no restart
        settings.theme = theme
        services.settings_store.save(settings)
        self.applied.emit(language_changed)
        return in_keyring


def _save_keys(
    secrets: SecretStore, removed: list[str], changes: list[tuple[str | None, str, str | None]]
) -> tuple[bool, set[str]]:
    """The keyring's part of applying the settings (on a worker thread): keys of removed
    connections deleted, a renamed connection's key moved, new keys stored. Returns whether every
    key reached the keyring, and the connections given a key."""
    for name in removed:
        secrets.delete(name)
    in_keyring, keyed = True, set()
    for original, name, key in changes:
        if original and original != name:
            key = key or secrets.get(original)
            secrets.delete(original)
        if key:
            in_keyring = secrets.set(name, key) and in_keyring
            keyed.add(name)
    return in_keyring, keyed
