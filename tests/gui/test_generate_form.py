"""The generate form follows the catalog: combinations the rules forbid are disabled with the
reason, an invalid request shows what to fix and cannot be generated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.config.connections import Connection
from gui.i18n import install_translators, remove_translators
from tests.gui.conftest import make_image

PIXVERSE = "PixVerse test"


@pytest.fixture
def pixverse_panel(window: Any) -> Any:
    window.engine.add_connection(Connection(name=PIXVERSE, dialect="pixverse", base_url="http://127.0.0.1:9"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData(PIXVERSE))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("v4"))
    assert panel.model_id() == "v4"
    panel.prompt.setPlainText("a paper boat on a river")
    return panel


def item_enabled(combo: Any, value: Any) -> bool:
    return bool(combo.model().item(combo.findData(value)).isEnabled())


def item_tip(combo: Any, value: Any) -> str:
    return str(combo.itemData(combo.findData(value), Qt.ItemDataRole.ToolTipRole) or "")


def test_form_is_built_from_the_model_capabilities(pixverse_panel: Any) -> None:
    form = pixverse_panel.form
    assert [form.duration.itemData(i) for i in range(form.duration.count())] == [5, 8]
    assert form.resolution.findData("1080p") >= 0
    assert {"motion_mode", "style", "aspect_ratio", "camera_movement"} <= set(form.params)
    assert pixverse_panel.last_slot.isVisibleTo(pixverse_panel)  # v4 takes first and last frames
    assert not pixverse_panel.ref_slot.isVisibleTo(pixverse_panel)
    assert pixverse_panel.generate_button.isEnabled(), pixverse_panel.problem


def test_fast_motion_disables_8_s_and_1080p_with_the_reason(pixverse_panel: Any) -> None:
    form = pixverse_panel.form
    motion = form.params["motion_mode"]
    motion.setCurrentIndex(motion.findData("fast"))
    assert not item_enabled(form.duration, 8)
    assert item_tip(form.duration, 8) == "Fast motion is only available at 5 s"
    assert not item_enabled(form.resolution, "1080p")
    assert item_tip(form.resolution, "1080p") == "Fast motion is not available at 1080p"
    assert item_enabled(form.duration, 5) and item_enabled(form.resolution, "720p")
    motion.setCurrentIndex(motion.findData("normal"))
    assert item_enabled(form.duration, 8) and item_enabled(form.resolution, "1080p")


def test_invalid_combination_blocks_generate(pixverse_panel: Any) -> None:
    form = pixverse_panel.form
    form.duration.setCurrentIndex(form.duration.findData(8))
    motion = form.params["motion_mode"]
    motion.setCurrentIndex(motion.findData("fast"))  # chosen after 8 s: the combination is invalid
    assert not pixverse_panel.generate_button.isEnabled()
    assert pixverse_panel.problem_label.text() == "Fast motion is only available at 5 s"
    emitted: list[Any] = []
    pixverse_panel.generate_requested.connect(lambda *a: emitted.append(a))
    pixverse_panel.generate()
    assert emitted == []
    # and "fast" itself is marked as the cause while 8 s stays selected
    assert not item_enabled(motion, "fast")
    form.duration.setCurrentIndex(form.duration.findData(5))
    assert pixverse_panel.generate_button.isEnabled(), pixverse_panel.problem


def test_an_image_forbids_aspect_ratio(pixverse_panel: Any, tmp_path: Path) -> None:
    aspect = pixverse_panel.form.params["aspect_ratio"]
    aspect.setCurrentIndex(1)
    assert pixverse_panel.generate_button.isEnabled()
    pixverse_panel.first_slot.add_sources([str(make_image(tmp_path / "a.png"))])
    assert not pixverse_panel.generate_button.isEnabled()
    assert "aspect ratio" in pixverse_panel.problem
    assert not item_enabled(aspect, aspect.itemData(1))
    assert item_enabled(aspect, None)  # "Default" always stays available


def test_prompt_counter_and_limit(pixverse_panel: Any) -> None:
    pixverse_panel.prompt.setPlainText("x" * 2049)
    assert pixverse_panel.prompt_counter.text() == "2049 / 2048"
    assert not pixverse_panel.generate_button.isEnabled()
    assert "2049" in pixverse_panel.problem and "2048" in pixverse_panel.problem


def test_image_only_model_asks_for_a_first_frame(window: Any) -> None:
    window.engine.add_connection(
        Connection(name="Bailian", dialect="dashscope", base_url="http://127.0.0.1:9")
    )
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Bailian"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("wan2.5-i2v-preview"))
    panel.prompt.setPlainText("waves")
    assert not panel.generate_button.isEnabled()
    assert panel.problem == "This model needs a first-frame image."
    assert not panel.last_slot.isVisibleTo(panel)


def test_unknown_model_on_a_gateway_gets_a_generic_form(window: Any) -> None:
    window.engine.add_connection(Connection(name="Gateway", dialect="newapi", base_url="http://127.0.0.1:9"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Gateway"))
    assert panel.model_combo.isEditable()
    panel.model_combo.setEditText("brand-new-model")
    panel.prompt.setPlainText("a lighthouse")
    assert panel.model_id() == "brand-new-model"
    assert not panel.spec.known
    assert panel.generate_button.isEnabled(), panel.problem
    assert panel.build_request().model == "brand-new-model"


def test_unconfirmed_fields_are_named_in_the_tooltip(window: Any) -> None:
    """The catalog's guesses (AiSphere's characterImages and headtailImages values) are shown as
    unconfirmed; a model without guesses shows none."""
    window.engine.add_connection(Connection(name="Sphere", dialect="aisphere", base_url="http://127.0.0.1:9"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Sphere"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("aisphere-v5"))
    tip = panel.form.toolTip()
    assert "Unconfirmed field" in tip and "characterImages" in tip and "headtailImages" in tip
    window.engine.add_connection(Connection(name=PIXVERSE, dialect="pixverse", base_url="http://127.0.0.1:9"))
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData(PIXVERSE))
    assert panel.form.toolTip() == ""


def test_reasons_are_shown_in_chinese(pixverse_panel: Any, qapp: Any) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        form = pixverse_panel.form
        motion = form.params["motion_mode"]
        motion.setCurrentIndex(motion.findData("fast"))
        assert item_tip(form.duration, 8) == "快速运动仅支持 5 秒"
    finally:
        remove_translators(qapp, translators)


def test_vidu_reference_with_two_images_blocks_the_form(window: Any, tmp_path: Path) -> None:
    """Seed 002: the gateway reads two Vidu images as first and last frame, so the form refuses a
    reference task with fewer than three before anything is sent."""
    window.engine.add_connection(Connection(name="Gateway", dialect="newapi", base_url="http://127.0.0.1:9"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Gateway"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("viduq1"))
    panel.prompt.setPlainText("two friends")
    panel.ref_slot.add_sources([str(make_image(tmp_path / f"r{n}.png")) for n in range(2)])
    assert not panel.generate_button.isEnabled()
    assert "at least 3 reference images" in panel.problem
    panel.ref_slot.add_sources([str(make_image(tmp_path / "r2.png"))])
    assert panel.generate_button.isEnabled(), panel.problem


def test_seed_requirements_are_explained_in_the_form(
    pixverse_panel: Any, window: Any, tmp_path: Path
) -> None:
    """A prompt the seed marks required in every mode, and AiSphere's image required with reference
    images, block Generate with what to fix."""
    pixverse_panel.first_slot.add_sources([str(make_image(tmp_path / "a.png"))])
    pixverse_panel.prompt.setPlainText("")
    assert not pixverse_panel.generate_button.isEnabled()
    assert pixverse_panel.problem == "Enter a prompt: this model needs one in every mode."
    window.engine.add_connection(Connection(name="Sphere", dialect="aisphere", base_url="http://127.0.0.1:9"))
    panel = window.generate_panel
    panel.refresh_connections()
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Sphere"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("aisphere-v5"))
    panel.first_slot.clear()
    panel.prompt.setPlainText("friends")
    panel.ref_slot.add_sources([str(make_image(tmp_path / "r.png"))])
    assert panel.build_request().image is None
    assert not panel.generate_button.isEnabled()
    assert panel.problem == "This model needs a first-frame image in every mode."
    panel.first_slot.add_sources([str(make_image(tmp_path / "first.png"))])
    assert panel.generate_button.isEnabled(), panel.problem
