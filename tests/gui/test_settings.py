"""Settings: connections with keys in the keyring only, the keyring-less message, validation,
the connection test against a loopback emulator, and general preferences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail

from core.config import secrets
from core.config.secrets import NO_KEYRING_MESSAGE
from gui.settings import SettingsStore
from tests.gui.conftest import run, until, until_saved


def add(dialog: Any, name: str, dialect: str, base_url: str, key: str = "") -> None:
    dialog.add_connection()
    dialog.name_edit.setText(name)
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData(dialect))
    dialog.base_url_edit.setText(base_url)
    dialog.key_edit.setText(key)


def test_keys_go_to_the_keyring_and_connections_to_the_file(window: Any, services: Any, qloop: Any) -> None:
    dialog = window.open_settings()
    run(qloop, dialog.keys_looked_up)  # (the keyring is looked for on a worker thread)
    assert not dialog.keyring_label.isVisible()
    add(dialog, "My gateway", "newapi", "https://gw.example/", "sk-secret-1")
    dialog.accept()
    until_saved(qloop, dialog)
    assert dialog.result() == 1
    assert keyring.get_password(secrets.SERVICE, "My gateway") == "sk-secret-1"
    saved = (services.paths.config / "connections.json").read_text(encoding="utf-8")
    assert "sk-secret-1" not in saved
    assert json.loads(saved)["connections"][0]["base_url"] == "https://gw.example/"
    assert window.generate_panel.connection_combo.findData("My gateway") >= 0
    assert "My gateway" in window.engine.connections
    again = window.open_settings()  # a stored key is said to be there, the key itself not shown
    run(qloop, again.keys_looked_up)
    again.list.setCurrentRow(1)
    assert again.key_edit.text() == ""
    assert again.key_edit.placeholderText() == "Saved. Type a new key to replace it"
    again.reject()


def test_keyring_less_path_says_so_and_keeps_the_key_in_memory(
    qloop: Any, qtbot: Any, clipdesk_home: Path
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        from gui.main_window import MainWindow
        from gui.services import close_services, open_services

        services = run(qloop, open_services())
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        dialog = window.open_settings()
        run(qloop, dialog.keys_looked_up)  # (the keyring is looked for on a worker thread)
        assert dialog.keyring_label.isVisible()
        assert dialog.keyring_label.text() == NO_KEYRING_MESSAGE
        add(dialog, "Bailian", "dashscope", "https://dashscope.example/", "sk-memory")
        assert dialog.problems() == ""
        assert run(qloop, dialog.apply()) is False  # held in memory only
        assert services.secrets.get("Bailian") == "sk-memory"
        config = services.paths.config
        assert all("sk-memory" not in p.read_text(encoding="utf-8") for p in config.iterdir() if p.is_file())
        window.close()
        run(qloop, close_services(services))
    finally:
        keyring.set_keyring(previous)


def test_invalid_settings_keep_the_dialog_open(window: Any, qloop: Any) -> None:
    dialog = window.open_settings()
    add(dialog, "No URL", "newapi", "")
    dialog.accept()
    until_saved(qloop, dialog)
    assert dialog.isVisible()
    assert "needs a base URL" in dialog.error_label.text()
    dialog.base_url_edit.setText("https://ok.example")
    dialog.list.setCurrentRow(0)  # commit by moving away
    dialog.accept()
    until_saved(qloop, dialog)
    assert not dialog.isVisible()


def test_offline_preview_cannot_be_edited_or_removed(window: Any) -> None:
    dialog = window.open_settings()
    dialog.list.setCurrentRow(0)
    assert dialog.local_note.isVisible()
    assert not dialog.name_edit.isEnabled() and not dialog.remove_button.isEnabled()
    dialog.remove_connection()
    assert dialog.list.count() == 1
    dialog.reject()


def test_rename_moves_the_key_and_remove_deletes_it(window: Any, qloop: Any) -> None:
    dialog = window.open_settings()
    add(dialog, "Old", "newapi", "https://gw.example", "sk-old")
    dialog.accept()
    until_saved(qloop, dialog)
    dialog = window.open_settings()
    dialog.list.setCurrentRow(1)
    dialog.name_edit.setText("New")
    dialog.accept()
    until_saved(qloop, dialog)
    assert keyring.get_password(secrets.SERVICE, "New") == "sk-old"
    assert keyring.get_password(secrets.SERVICE, "Old") is None
    dialog = window.open_settings()
    dialog.list.setCurrentRow(1)
    dialog.remove_connection()
    dialog.accept()
    until_saved(qloop, dialog)
    assert keyring.get_password(secrets.SERVICE, "New") is None
    assert "New" not in window.engine.connections


@pytest.mark.parametrize(("key", "expected"), [("sk-ok", "Connection works"), ("sk-bad", "API key refused")])
def test_test_connection_against_the_emulator(
    window: Any, qloop: Any, pixverse_emu: Any, key: str, expected: str
) -> None:
    dialog = window.open_settings()
    add(dialog, "PixVerse", "pixverse", pixverse_emu.base_url, key)

    async def go() -> None:
        dialog.test_button.click()
        assert dialog.test_task is not None
        await dialog.test_task

    run(qloop, go())
    assert expected in dialog.test_result.text()


def test_general_preferences_are_saved(window: Any, services: Any, tmp_path: Path, qloop: Any) -> None:
    dialog = window.open_settings()
    dialog.output_edit.setText(str(tmp_path / "videos"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.notify_check.setChecked(False)
    dialog.accept()
    until_saved(qloop, dialog)
    saved = SettingsStore(services.paths.config).load()
    assert saved.output_dir == str(tmp_path / "videos")
    assert saved.language == "zh_CN" and saved.notifications is False
    assert "next time" in window.statusBar().currentMessage()


def test_generated_video_goes_to_the_chosen_output_folder(
    window: Any, services: Any, qloop: Any, tmp_path: Path
) -> None:
    services.settings.output_dir = str(tmp_path / "out")
    panel = window.generate_panel
    panel.prompt.setPlainText("to a chosen folder")
    panel.form.duration.setCurrentIndex(panel.form.duration.findData(1))
    panel.form.resolution.setCurrentIndex(panel.form.resolution.findData("360p"))

    async def go() -> None:
        panel.generate()
        await until(lambda: window.task_model.rowCount() == 1)
        await window.engine.wait()

    run(qloop, go())
    record = window.task_model.record_at(0)
    assert Path(record.video_path or "").parent == tmp_path / "out"
