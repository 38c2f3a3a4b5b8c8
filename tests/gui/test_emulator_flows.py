"""Each dialect end to end through the window, against its loopback emulator: a connection made
in the settings dialog (key into the keyring) → generate → download → the library."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from core.tasks.journal import TaskState
from tests.gui.conftest import make_image, run, until, until_saved
from tests.gui.test_settings import add

# (emulator fixture, dialect, path after the emulator's root, model, needs a first frame)
FLOWS = [
    ("dashscope_emu", "dashscope", "/alibailian", "wan2.5-i2v-preview", True),
    ("newapi_emu", "newapi", "", "kling-v1", False),
    ("newapi_emu", "openai-videos", "", "sora-2", False),
    ("pixverse_emu", "pixverse", "", "v4.5", False),
    ("aisphere_emu", "aisphere", "", "aisphere-v5.5", True),
    ("uniall_emu", "uniall", "", "viduq3t-540p", False),
]


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")


@pytest.mark.parametrize(
    ("fixture", "dialect", "suffix", "model", "needs_image"), FLOWS, ids=[f[1] for f in FLOWS]
)
def test_generate_download_library(
    request: pytest.FixtureRequest,
    window: Any,
    qloop: Any,
    tmp_path: Path,
    fixture: str,
    dialect: str,
    suffix: str,
    model: str,
    needs_image: bool,
) -> None:
    emulator = request.getfixturevalue(fixture)
    dialog = window.open_settings()
    add(dialog, "Emulated", dialect, emulator.base_url + suffix, "sk-ok")
    dialog.accept()
    until_saved(qloop, dialog)
    assert dialog.result() == 1, dialog.error_label.text()
    panel = window.generate_panel
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Emulated"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData(model))
    assert panel.model_id() == model
    panel.prompt.setPlainText("a paper boat drifting on a calm lake")
    if needs_image:
        panel.first_slot.add_sources([str(make_image(tmp_path / "first.png", (1280, 720)))])
    assert panel.generate_button.isEnabled(), panel.problem

    async def go() -> None:
        panel.generate_button.click()
        await until(lambda: window.task_model.rowCount() == 1, what="the row")
        record = window.task_model.record_at(0)
        await until(lambda: record.state.terminal, timeout=60, what="the task")
        if record.state is TaskState.SUCCEEDED:  # journalled first, announced right after
            await until(lambda: window.library_model.rowCount() == 1, what="the library")

    run(qloop, go(), timeout=90)
    record = window.task_model.record_at(0)
    assert record.state is TaskState.SUCCEEDED, f"{record.error_kind}: {record.error_message}"
    assert record.remote_id
    video = Path(record.video_path or "")
    assert video.is_file() and video.stat().st_size == record.video_size
    assert hashlib.sha256(video.read_bytes()).hexdigest() == record.video_sha256
    assert window.library_model.rowCount() == 1
    assert window.library_model.record_at(0).id == record.id


def test_failure_reason_is_shown_in_words(window: Any, qloop: Any, newapi_emu: Any) -> None:
    dialog = window.open_settings()
    add(dialog, "Emulated", "newapi", newapi_emu.base_url, "sk-ok")
    dialog.accept()
    until_saved(qloop, dialog)
    panel = window.generate_panel
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Emulated"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("kling-v1"))
    panel.prompt.setPlainText("something the moderation refuses #moderate-submit")

    async def go() -> None:
        panel.generate_button.click()
        await until(lambda: window.task_model.rowCount() == 1, what="the row")
        record = window.task_model.record_at(0)
        await until(lambda: record.state.terminal, timeout=30, what="the failure")
        # the row shows it once the event reaches the window (a frame later) and its cells are written
        await until(lambda: bool(window.task_model.index(0, 7).data()), what="the reason in the row")

    run(qloop, go())
    record = window.task_model.record_at(0)
    assert record.state is TaskState.FAILED
    assert window.task_model.index(0, 7).data() == "Blocked by content moderation"
    assert "moderation" in window.task_model.index(0, 7).data(3).lower()


def test_missing_key_is_explained(window: Any, qloop: Any, newapi_emu: Any) -> None:
    dialog = window.open_settings()
    add(dialog, "Keyless", "newapi", newapi_emu.base_url, "")
    dialog.accept()
    until_saved(qloop, dialog)
    panel = window.generate_panel
    panel.connection_combo.setCurrentIndex(panel.connection_combo.findData("Keyless"))
    panel.model_combo.setCurrentIndex(panel.model_combo.findData("kling-v1"))
    panel.prompt.setPlainText("no key yet")
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)

    async def go() -> None:
        panel.generate_button.click()
        await until(lambda: any("No API key" in m for m in shown), what="the explanation")

    run(qloop, go())
    assert window.task_model.rowCount() == 0
    assert newapi_emu.requests == []
