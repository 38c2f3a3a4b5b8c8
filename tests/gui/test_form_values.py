"""Settings that say what they are: every option shows its value, the form comes back as it was
left after a restart and never moves to a dearer option by itself, the mode line follows the model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.config.connections import Connection
from gui.main_window import MainWindow
from gui.views.model_form import not_dearer
from tests.gui.conftest import make_image

BAILIAN = "Bailian"


def bailian(window: MainWindow, model: str = "wan2.5-i2v-preview") -> Any:
    window.engine.add_connection(Connection(name=BAILIAN, dialect="dashscope", base_url="http://127.0.0.1:9"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData(BAILIAN))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData(model))
    assert panel.model_id() == model
    return panel


def texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_no_option_says_a_bare_default(window: MainWindow) -> None:
    panel = bailian(window)
    form = panel.form
    every = [
        t
        for combo in [form.duration, form.resolution, *form.params.values()]
        if hasattr(combo, "count")
        for t in texts(combo)
    ]
    assert every and not any(t.strip() in ("Default", "默认") for t in every)
    assert form.params["prompt_extend"].currentText() == "Yes — model default"
    assert form.params["watermark"].currentText() == "No — model default"
    assert form.params["audio"].currentText() == "Not sent — the provider decides"  # the seed names none
    assert form.resolution.itemText(form.resolution.findData("1080P")) == "1080P — model default"
    assert form.resolution.currentData() == "720P"  # the offline preview's 720p, kept
    # what is sent is unchanged: the model's defaults are not sent
    assert panel.build_request().params == {}


def test_the_form_comes_back_as_it_was_left(
    window: MainWindow, services: Any, qtbot: Any, tmp_path: Path
) -> None:
    panel = bailian(window)
    image = make_image(tmp_path / "first.png", (1280, 720))
    panel.first_slot.set_sources([str(image)])
    panel.prompt.setPlainText("waves at night, slow pan")
    panel.negative.setPlainText("people")
    form = panel.form
    form.resolution.setCurrentIndex(form.resolution.findData("480P"))
    form.duration.setCurrentIndex(form.duration.findData(10))
    form.params["watermark"].setCurrentIndex(form.params["watermark"].findData(True))
    form.seed.setValue(1234)
    panel.count.setValue(3)
    wanted = panel.build_request()
    state = window.ui_state
    window.close()
    again = MainWindow(services, ui_state=state)
    qtbot.addWidget(again)
    restored = again.generate_panel
    assert restored.connection_name() == BAILIAN
    assert restored.build_request() == wanted
    assert restored.count.value() == 3
    assert restored.form.resolution.currentData() == "480P"  # not back at the dearest
    again.close()


def test_a_new_model_never_takes_a_dearer_option_by_itself(window: MainWindow) -> None:
    panel = bailian(window, "wan2.5-i2v-preview")
    form = panel.form
    form.resolution.setCurrentIndex(form.resolution.findData("720P"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("wan2.2-i2v-plus"))  # 480P or 1080P
    assert form.resolution.currentData() == "480P"
    assert not_dearer(["480P", "720P", "1080P"], "1080p") == "1080P"
    assert not_dearer([5, 10], 8) == 5
    assert not_dearer(["720p", "1080p"], "360p") == "720p"  # none cheaper: the cheapest


def test_the_mode_line_follows_the_model(window: MainWindow, tmp_path: Path) -> None:
    panel = bailian(window, "wan2.5-i2v-preview")
    assert panel.mode_label.text() == "Mode: Image to video — add a first frame"
    panel.first_slot.set_sources([str(make_image(tmp_path / "f.png", (1280, 720)))])
    assert panel.mode_label.text() == "Mode: Image to video"
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("wan2.5-t2v-preview"))
    assert panel.mode_label.text() == "Mode: Text to video"
