"""Money in the window: the estimate beside Generate, caps and own prices in Settings, and a
connection test that costs nothing for every dialect (Bailian included)."""

from __future__ import annotations

from typing import Any

from core.config.connections import Connection
from core.tasks.request import GenerationRequest
from tests.gui.conftest import run, until_saved


def composer_on_pixverse_v4(window: Any) -> Any:
    """The window's composer on a PixVerse connection, model v4, with a prompt."""
    window.engine.add_connection(
        Connection(name="PixVerse", dialect="pixverse", base_url="https://pv.invalid")
    )
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("PixVerse"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("v4"))
    panel.prompt.setPlainText("a paper boat")
    return panel


def test_the_estimate_beside_generate_follows_options_and_copies(window: Any) -> None:
    panel = composer_on_pixverse_v4(window)
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


def test_the_connection_test_speaks_chinese(window: Any, qloop: Any, qapp: Any, dashscope_emu: Any) -> None:
    """In zh_CN every word the test says is Chinese (the provider's own words quoted as they came),
    for a good key, a bad key and a server that is not there; the window has a sentence for every
    one the core can say."""
    import re

    from core.providers.probe import SENTENCES
    from gui.i18n import install_translators, remove_translators
    from gui.texts import probe_sentences

    translators = install_translators(qapp, "zh_CN")
    try:
        assert set(probe_sentences()) == set(SENTENCES)
        dialog = window.open_settings()
        dialog.add_connection()
        dialog.name_edit.setText("Bailian")
        dialog.dialect_combo.setCurrentIndex(dialog.dialect_combo.findData("dashscope"))
        shown = []
        for url, key in (
            (dashscope_emu.base_url + "/alibailian", "sk-ok"),
            (dashscope_emu.base_url + "/alibailian", "sk-bad"),
            (dashscope_emu.base_url + "/not-the-api", "sk-ok"),
            ("http://127.0.0.1:9", "sk-ok"),  # nothing listens on the discard port
        ):
            dialog.base_url_edit.setText(url)
            dialog.key_edit.setText(key)

            async def go() -> None:
                dialog.test_button.click()
                assert dialog.test_task is not None
                await dialog.test_task

            run(qloop, go())
            shown.append(dialog.test_result.text())
        for text in shown:
            assert re.search(r"[\u4e00-\u9fff]", text), text
            for english in SENTENCES.values():
                assert english.split("{")[0][:30] not in text, (english, text)
        assert "密钥有效" in shown[0] and "DashScope" in shown[0]
        assert "拒绝" in shown[1] and "接口地址" in shown[2] and "无法连接" in shown[3]
        dialog.reject()
    finally:
        remove_translators(qapp, translators)


def test_the_batch_dry_run_prices_each_row_and_the_total(window: Any, tmp_path: Any) -> None:
    from tests.gui.conftest import make_image

    panel = composer_on_pixverse_v4(window)
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


def test_variations_show_their_estimate_and_a_cap_they_would_pass_before_anything_is_sent(
    window: Any, qloop: Any
) -> None:
    from core.tasks.journal import TaskRecord
    from gui.views.variations import VariationsDialog
    from tests.gui.conftest import until

    url = "https://bailian.invalid/alibailian"
    window.engine.add_connection(
        Connection(name="Bailian", dialect="dashscope", base_url=url, daily_budget=10.0)
    )
    request = GenerationRequest(
        model="wan2.5-i2v-preview",
        prompt="a cat",
        image="https://example.com/a.png",
        resolution="720P",
        duration=5,
    )
    record = TaskRecord(
        id="t1", connection="Bailian", dialect="dashscope", base_url=url, model=request.model, request=request
    )
    dialog = VariationsDialog(record, window.engine, window)
    dialog.count.setValue(4)  # 4 × 3.00 CNY: over the daily cap of 10
    run(qloop, until(lambda: dialog.checking is None, what="the caps read"))
    text = dialog.costs.text()
    assert "¥3.00 per variation" in text and "Estimated total: ¥12.00" in text
    cap = "daily cap of “Bailian” (¥10.00; ¥0.00 spent or in flight, the group ¥12.00)"
    assert cap in dialog.cap_note.text() and dialog.cap_note.isVisibleTo(dialog)
    dialog.count.setValue(3)  # ¥9.00: within the cap
    run(qloop, until(lambda: dialog.checking is None, what="the caps read"))
    assert "Estimated total: ¥9.00" in dialog.costs.text() and not dialog.cap_note.isVisibleTo(dialog)
    assert window.engine.tasks == {}  # nothing made, nothing sent
    dialog.reject()

    jimeng = GenerationRequest(model="jimeng_vgfm_t2v_l20", prompt="a cat")
    window.engine.add_connection(
        Connection(name="Gateway", dialect="newapi", base_url="https://gw.invalid", monthly_budget=5.0)
    )
    unpriced = TaskRecord(
        id="t2",
        connection="Gateway",
        dialect="newapi",
        base_url="https://gw.invalid",
        model=jimeng.model,
        request=jimeng,
    )
    dialog = VariationsDialog(unpriced, window.engine, window)
    run(qloop, until(lambda: dialog.checking is None, what="the caps read"))
    text = dialog.costs.text()
    assert "price unknown — set it in Settings" in text and "Estimated total" not in text
    assert "“Gateway” has a spending cap and no price" in dialog.cap_note.text()
    dialog.reject()


def test_beside_generate_a_gateway_model_shows_the_list_price_or_says_the_price_is_unknown(
    window: Any,
) -> None:
    window.engine.add_connection(Connection(name="Gateway", dialect="newapi", base_url="https://gw.invalid"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Gateway"))
    panel.prompt.setPlainText("a paper boat")
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("kling-v1"))
    panel.form.set_values(GenerationRequest(model="kling-v1", duration=10))
    assert panel.cost_label.text() == "≈ $0.28 (list price)"
    assert "vendor's list price" in panel.cost_label.toolTip()
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("jimeng_vgfm_t2v_l20"))
    assert panel.cost_label.text() == "Price unknown — set it in Settings"
