"""The main flow through the window: drop an image, generate with the offline preview, watch the
row's progress, play the result (frames checked through the video sink)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QUrl

from core.config.connections import LOCAL_CONNECTION
from core.tasks.journal import TaskState
from gui.models.task_model import COL_STATE, COL_THUMB, ProgressRole
from gui.player.player import MULTIMEDIA
from tests.gui.conftest import file_mime, make_image, run, simulate_drop, until


def test_offline_preview_is_selected_on_first_start(window: Any) -> None:
    panel = window.generate_panel
    assert panel.connection_name() == LOCAL_CONNECTION
    assert panel.model_id() == "preview"
    assert not panel.generate_button.isEnabled()  # no prompt, no image
    assert panel.problem_label.isVisible()


def test_drop_generate_watch_and_play(window: Any, qloop: Any, tmp_path: Path) -> None:
    panel = window.generate_panel
    image = make_image(tmp_path / "still.png", (800, 450))
    drop = simulate_drop(panel.first_slot, file_mime(image))
    assert drop.isAccepted()
    assert panel.first_slot.sources == [str(image)]
    panel.prompt.setPlainText("a chequered flag waving")
    index = panel.form.duration.findData(2)
    panel.form.duration.setCurrentIndex(index)
    panel.form.resolution.setCurrentIndex(panel.form.resolution.findData("360p"))
    assert panel.generate_button.isEnabled(), panel.problem
    model = window.task_model
    inserted: list[int] = []
    resets: list[int] = []
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    model.modelReset.connect(lambda: resets.append(1))
    changed_rows: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changed_rows.append((a.row(), b.row())))
    seen_progress: list[float | None] = []

    async def go() -> None:
        panel.generate_button.click()
        await until(lambda: model.rowCount() == 1, what="the new row")
        record = model.record_at(0)
        assert record.request.image == str(image)

        def watch() -> bool:
            seen_progress.append(model.index(0, COL_STATE).data(ProgressRole))
            return record.state.terminal

        await until(watch, timeout=60, what="the render to finish")
        assert record.state is TaskState.SUCCEEDED, record.error_message
        assert Path(record.video_path or "").exists()
        await until(lambda: model.index(0, COL_THUMB).data(1) is not None, what="the row's thumbnail")
        await until(lambda: window.library_model.rowCount() == 1, what="the library")

    run(qloop, go())
    assert inserted == [0] and not resets
    assert all(a == b for a, b in changed_rows), "dataChanged must cover one row"
    assert any(p is None or 0 <= p < 1 for p in seen_progress[:-1])
    # the finished video is in the library and plays in the player
    assert window.library_model.rowCount() == 1
    if not MULTIMEDIA:
        pytest.skip("QtMultimedia is not available")
    frames: list[int] = []

    async def play() -> None:
        window.queue.table.selectRow(0)
        sink = window.player.video_sink()
        sink.videoFrameChanged.connect(lambda f: f.isValid() and frames.append(f.startTime()))
        window.queue.play_action.trigger()
        await until(lambda: len(frames) >= 5, timeout=20, what="decoded frames")
        assert window.player.is_playing()
        window.player.toggle_play()
        await until(lambda: not window.player.is_playing(), what="pause")

    run(qloop, play())
    assert window.player.source == window.task_model.record_at(0).video_path


def test_drop_of_a_browser_url_and_paste_of_image_data(window: Any, qapp: Any) -> None:
    slot = window.generate_panel.first_slot
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/cat.jpg")])
    simulate_drop(slot, mime)
    assert slot.sources == ["https://example.com/cat.jpg"]
    from PySide6.QtGui import QImage

    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    qapp.clipboard().setImage(image)
    slot.paste()
    assert len(slot.sources) == 1 and slot.sources[0].endswith(".png")
    assert Path(slot.sources[0]).exists()


def test_large_image_warns_about_downscaling(window: Any, qloop: Any, tmp_path: Path) -> None:
    slot = window.generate_panel.first_slot
    from core.media.images import ImageLimits

    slot.set_limits(ImageLimits(max_side=1000))
    image = make_image(tmp_path / "big.png", (1600, 900))
    slot.add_sources([str(image)])

    async def go() -> None:
        await until(lambda: slot.has_warning(), what="the downscale warning")

    run(qloop, go())
    assert "1000" in slot.warning.text()
    assert "1600×900" in slot.info.text()


def test_copies_get_distinct_seeds(window: Any) -> None:
    panel = window.generate_panel
    panel.prompt.setPlainText("three takes")
    panel.count.setValue(3)
    requests = panel.requests()
    assert len(requests) == 3
    assert len({r.seed for r in requests}) == 3
    panel.form.seed.setValue(100)
    assert [r.seed for r in panel.requests()] == [100, 101, 102]


def test_generate_two_copies_queues_two_rows(window: Any, qloop: Any) -> None:
    panel = window.generate_panel
    panel.prompt.setPlainText("two quick cards")
    panel.form.duration.setCurrentIndex(panel.form.duration.findData(1))
    panel.form.resolution.setCurrentIndex(panel.form.resolution.findData("360p"))
    panel.count.setValue(2)

    async def go() -> None:
        panel.generate_button.click()
        await until(lambda: window.task_model.rowCount() == 2, what="two rows")
        await window.engine.wait()
        await asyncio.sleep(0)

    run(qloop, go())
    states = {window.task_model.record_at(r).state for r in range(2)}
    assert states == {TaskState.SUCCEEDED}
