"""Money in the window: the estimate beside Generate, caps and own prices in Settings, and a
connection test that costs nothing for every dialect (Bailian included)."""

from __future__ import annotations

from typing import Any

from core.config.connections import Connection
from core.tasks.request import GenerationRequest
from tests.gui.conftest import run, until_saved


def test_the_estimate_beside_generate_follows_options_and_copies(window: Any) -> None:
    window.engine.add_connection(
        Connection(name="PixVerse", dialect="pixverse", base_url="https://pv.invalid")
    )
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("PixVerse"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("v4"))
    panel.prompt.setPlainText("a paper boat")
    panel.form.set_values(GenerationRequest(model="v4", resolution="540p", duration=5))
    assert panel.cost_label.text() == "≈ 45 credits"
    panel.form.set_values(GenerationRequest(model="v4", resolution="720p", duration=8))
    assert panel.cost_label.text() == "≈ 120 credits"
    panel.count.setValue(3)
    assert panel.cost_label.text() == "≈ 360 credits"
    assert "3 ×" in panel.cost_label.toolTip()


def test_caps_and_own_prices_are_saved_and_checked(window: Any, qloop: Any) -> None:
    dialog = window.open_settings()
    dialog.add_connection()
    dialog.name_edit.setText("Gateway")
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("newapi"))
    dialog.base_url_edit.setText("https://gw.invalid")
    dialog.key_edit.setText("sk-x")
    dialog.daily_edit.setText("lots")
    dialog.accept()
    assert "spending cap" in dialog.error_label.text()
    dialog.daily_edit.setText("5")
    dialog.monthly_edit.setText("80")
    dialog.prices_edit.setText("kling-v1=0.3USD/second")
    dialog.accept()
    until_saved(qloop, dialog)
    saved = window.engine.connections["Gateway"]
    assert (saved.daily_budget, saved.monthly_budget) == (5.0, 80.0)
    assert saved.prices == {"kling-v1": "0.3USD/second"}


def test_bailian_test_connection_costs_nothing(window: Any, qloop: Any, dashscope_emu: Any) -> None:
    dialog = window.open_settings()
    dialog.add_connection()
    dialog.name_edit.setText("Bailian")
    dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("dashscope"))
    dialog.base_url_edit.setText(dashscope_emu.base_url + "/alibailian")
    for key, expected in (("sk-ok", "Connection works"), ("sk-bad", "API key refused")):
        dialog.key_edit.setText(key)

        async def go() -> None:
            dialog.test_button.click()
            assert dialog.test_task is not None
            await dialog.test_task

        run(qloop, go())
        assert expected in dialog.test_result.text()
    assert dashscope_emu.submits == [] and {r.method for r in dashscope_emu.requests} == {"GET"}


def test_the_batch_dry_run_prices_each_row_and_the_total(window: Any, tmp_path: Any) -> None:
    from tests.gui.conftest import make_image

    window.engine.add_connection(
        Connection(name="PixVerse", dialect="pixverse", base_url="https://pv.invalid")
    )
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("PixVerse"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("v4"))
    panel.prompt.setPlainText("a paper boat")
    panel.form.set_values(GenerationRequest(model="v4", resolution="720p", duration=5))
    panel.count.setValue(2)
    for n in range(3):
        make_image(tmp_path / "imgs" / f"{n}.png")
    batch = window.open_batch()
    batch.set_source(tmp_path / "imgs")
    assert [batch.table.item(row, 4).text() for row in range(3)] == ["120 credits"] * 3
    assert "Estimated total: 360 credits" in batch.summary.text()
    assert window.engine.tasks == {}


def test_the_offline_preview_is_free_beside_generate(window: Any) -> None:
    """The offline preview costs nothing: "Free", as the queue's cost column says, not "≈ ¥0.00"."""
    from core.config.connections import LOCAL_CONNECTION

    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData(LOCAL_CONNECTION))
    panel.prompt.setPlainText("a paper boat")
    assert panel.connection_name() == LOCAL_CONNECTION
    assert panel.cost_label.text() == "Free"
    panel.count.setValue(3)
    assert panel.cost_label.text() == "Free"
