"""The first-run welcome: shown once, the offline preview one click away, "Add" per dialect."""

from __future__ import annotations

from typing import Any

from core.config.connections import LOCAL_CONNECTION, Connection
from core.providers import available_dialects, get_provider
from gui import welcome
from gui.i18n import install_translators, remove_translators
from gui.views.settings_dialog import SettingsDialog
from tests.gui.conftest import run, until


def test_first_start_shows_it_once(window: Any) -> None:
    dialog = welcome.show_welcome_if_first_run(window)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Welcome to ClipDesk"
    dialog.reject()
    assert welcome.show_welcome_if_first_run(window) is None
    assert window.ui_state.value(welcome.FLAG) in (True, "true")


def test_try_the_offline_preview_makes_the_video_and_plays_it(window: Any, qloop: Any) -> None:
    panel = window.generate_panel
    dialog = welcome.show_welcome_if_first_run(window)
    assert dialog is not None
    dialog.try_button.click()
    assert not dialog.isVisible()
    assert panel.connection_name() == LOCAL_CONNECTION
    assert panel.model_id() == "preview"
    assert panel.prompt.toPlainText() == welcome.SAMPLE_PROMPT_EN

    def made() -> list[Any]:
        return [r for r in window.engine.tasks.values() if r.video_path]

    run(qloop, until(lambda: made() and window.player.source, timeout=120, what="the video played"))
    (record,) = made()
    assert record.request.prompt == welcome.SAMPLE_PROMPT_EN
    assert window.player.source == str(record.video_path)


def test_every_dialect_has_add_and_its_documentation(window: Any) -> None:
    dialog = welcome.show_welcome_if_first_run(window)
    assert dialog is not None
    wanted = {d for d in available_dialects() if d != "local"}
    assert set(dialog.add_buttons) == wanted
    for dialect in wanted:
        doc = get_provider(dialect).doc_url
        assert doc and doc in dialog.doc_labels[dialect].text()
        assert dialog.add_buttons[dialect].accessibleName()
    dialog.add_buttons["pixverse"].click()
    (settings,) = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert settings.dialect_combo.currentData() == "pixverse"
    assert settings.name_edit.text() == get_provider("pixverse").label
    settings.reject()


def test_an_existing_user_is_not_greeted(window: Any) -> None:
    window.engine.add_connection(Connection(name="Bailian", dialect="dashscope", base_url="https://x"))
    assert welcome.show_welcome_if_first_run(window) is None
    assert window.ui_state.value(welcome.FLAG) in (True, "true")  # and never will be


def test_chinese_without_waiting_for_the_ts_files(window: Any, qapp: Any) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = welcome.WelcomeDialog(window)
        assert dialog.windowTitle() == "欢迎使用 ClipDesk"
        assert "离线预览" in dialog.try_button.text()
        assert welcome.sample_prompt() == welcome.SAMPLE_PROMPT_ZH
        names = [dialog.add_buttons[d].accessibleName() for d in ("dashscope", "newapi")]
        assert "阿里云百炼" in names[0] and "可灵" in names[1]  # provider descriptions too
        dialog.deleteLater()
    finally:
        remove_translators(qapp, translators)  # back to the session's English
