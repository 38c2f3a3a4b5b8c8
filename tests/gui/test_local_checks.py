"""Errors that say where they were found: ClipDesk's own check of an image blocks Generate with
the reason beside the image and the model's real minimum; a local refusal never reads as the
provider's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.config.connections import Connection
from core.errors import ErrorKind, InvalidInput, ProviderError
from gui.texts import error_message
from tests.gui.conftest import make_image, run, until


def test_an_image_too_small_for_the_model_blocks_generate_beside_it(
    window: Any, qloop: Any, tmp_path: Path
) -> None:
    window.engine.add_connection(
        Connection(name="Bailian", dialect="dashscope", base_url="http://127.0.0.1:9")
    )
    panel = window.generate_panel
    panel.refresh_connections()
    panel.select_connection("Bailian")
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("wan2.5-i2v-preview"))
    panel.prompt.setPlainText("waves")
    panel.first_slot.set_sources([str(make_image(tmp_path / "tiny.png", (1, 1)))])
    run(qloop, until(lambda: panel.first_slot.problem_label.isVisibleTo(panel), what="the check"))
    beside = panel.first_slot.problem_label.text()
    assert beside.startswith("ClipDesk's check, nothing was sent")
    assert "360" in beside and "16 pixels" not in beside
    assert not panel.generate_button.isEnabled()
    assert "360" in panel.problem
    # a picture that fits: Generate again
    panel.first_slot.set_sources([str(make_image(tmp_path / "ok.png", (1280, 720)))])
    run(qloop, until(lambda: panel.generate_button.isEnabled(), what="Generate enabled"))
    assert not panel.first_slot.problem_label.isVisibleTo(panel)


def test_a_local_refusal_says_it_is_clipdesks_and_the_providers_says_so() -> None:
    local = error_message(InvalidInput("the prompt is too long", field="prompt"))
    assert local.startswith("ClipDesk's check, nothing was sent")
    provider = error_message(ProviderError(ErrorKind.INVALID_INPUT, "size not supported"))
    assert provider.startswith("The provider says") and "size not supported" in provider
