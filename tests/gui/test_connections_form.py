"""Connections made easy: each dialect's known base URLs are offered (the official one filled in),
a connection just added is the one the form uses, and the focus comes back after the dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from core.config.connections import LOCAL_CONNECTION
from tests.gui.conftest import run, until, until_saved


def test_known_base_urls_are_offered_and_the_official_one_filled_in(window: Any) -> None:
    dialog = window.open_settings()
    dialog.add_connection()
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("dashscope"))
    assert dialog.base_url_edit.text() == "https://dashscope.aliyuncs.com"
    offered = [a.text() for a in dialog.known_urls.menu().actions()]
    assert any("dashscope-intl.aliyuncs.com" in text for text in offered)
    assert "/alibailian" in dialog.url_hint.text()
    dialog.known_urls.menu().actions()[1].trigger()
    assert dialog.base_url_edit.text() == "https://dashscope-intl.aliyuncs.com"
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("newapi"))
    assert dialog.base_url_edit.text() == "https://dashscope-intl.aliyuncs.com"  # typed text is kept
    assert not dialog.known_urls.isEnabled()  # a gateway has no official address
    assert "without /v1" in dialog.url_hint.text()
    dialog.reject()


def test_a_connection_just_added_is_selected_in_the_form(window: Any, qloop: Any) -> None:
    panel = window.generate_panel
    assert panel.connection_name() == LOCAL_CONNECTION
    dialog = window.open_settings()
    dialog.add_connection()
    dialog.name_edit.setText("Bailian")
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("dashscope"))
    dialog.key_edit.setText("sk-test")
    dialog.accept()
    until_saved(qloop, dialog)
    assert panel.connection_name() == "Bailian"
    # settings changed without adding one: the form stays where it is
    panel.select_connection(LOCAL_CONNECTION)
    again = window.open_settings()
    again.accept()
    until_saved(qloop, again)
    assert panel.connection_name() == LOCAL_CONNECTION


def test_focus_returns_to_the_window_after_a_dialog(window: Any, qloop: Any) -> None:
    window.activateWindow()
    run(qloop, until(window.isActiveWindow))
    prompt = window.generate_panel.prompt
    prompt.setFocus()
    run(qloop, until(prompt.hasFocus))
    dialog = window.open_settings()
    run(qloop, until(lambda: QApplication.activeWindow() is dialog))
    dialog.reject()
    run(qloop, until(lambda: QApplication.focusWidget() is prompt))


def test_removing_a_connection_asks_first(window: Any) -> None:
    from core.config.connections import Connection

    window.engine.add_connection(
        Connection(name="Bailian", dialect="dashscope", base_url="https://x.example")
    )
    dialog = window.open_settings()
    dialog.list.setCurrentRow(1)
    box = dialog.ask_to_remove()
    assert box is not None and "Bailian" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert [e.connection.name for e in dialog.entries] == [LOCAL_CONNECTION, "Bailian"]
    box = dialog.ask_to_remove()
    (remove,) = [b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.DestructiveRole]
    remove.click()
    assert [e.connection.name for e in dialog.entries] == [LOCAL_CONNECTION]
    dialog.list.setCurrentRow(0)
    assert dialog.ask_to_remove() is None  # the offline preview cannot be removed
    dialog.reject()
