"""Batch mode: a folder or a CSV crossed with the form's settings; the dry run shows every task
and its problem, and only valid ones are queued, with one batch id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from core.tasks.request import GenerationRequest
from gui.batch import apply, from_csv, parse_overrides
from tests.gui.conftest import make_image, run, until


def test_overrides_parse_fields_and_params() -> None:
    assert parse_overrides("duration=5; resolution=720p;seed=7;camera_movement=pan_left") == {
        "duration": 5,
        "resolution": "720p",
        "seed": 7,
        "camera_movement": "pan_left",
    }
    assert parse_overrides("fps=30；aspect_ratio=9:16") == {"fps": 30, "aspect_ratio": "9:16"}
    with pytest.raises(ValueError):
        parse_overrides("nonsense")
    request = apply(GenerationRequest(model="m", prompt="base"), "/a.png", "", {"duration": "3", "x": 1})
    assert (request.image, request.prompt, request.duration, request.params) == (
        "/a.png",
        "base",
        3,
        {"x": 1},
    )


def test_csv_with_header_relative_paths_and_gb18030(tmp_path: Path) -> None:
    make_image(tmp_path / "one.png")
    (tmp_path / "b.csv").write_bytes(
        "image,prompt,overrides\none.png,海边的日落,duration=3\n".encode("gb18030")
    )
    items = from_csv(tmp_path / "b.csv", GenerationRequest(model="preview"))
    assert len(items) == 1
    assert items[0].request.image == str(tmp_path / "one.png")
    assert items[0].request.prompt == "海边的日落" and items[0].request.duration == 3


@pytest.fixture
def batch(window: Any) -> Any:
    panel = window.generate_panel
    panel.prompt.setPlainText("the form's prompt")
    panel.form.duration.setCurrentIndex(panel.form.duration.findData(1))
    panel.form.resolution.setCurrentIndex(panel.form.resolution.findData("360p"))
    return window.open_batch()


def test_folder_dry_run_then_queue(batch: Any, window: Any, qloop: Any, tmp_path: Path) -> None:
    for n in range(3):
        make_image(tmp_path / "imgs" / f"{n}.png")
    (tmp_path / "imgs" / "notes.txt").write_text("not an image")
    items = None

    batch.set_source(tmp_path / "imgs")
    items = batch.items
    assert len(items) == 3 and all(not i.problem for i in items)
    assert "3 tasks will be queued" in batch.summary.text()
    assert window.engine.tasks == {}  # a dry run sends nothing

    async def go() -> None:
        batch.queue_button.click()
        assert batch.queued is not None
        await batch.queued
        await until(lambda: window.task_model.rowCount() == 3, what="three rows")
        await window.engine.wait()

    run(qloop, go())
    records = list(window.engine.tasks.values())
    assert {r.request.prompt for r in records} == {"the form's prompt"}
    assert len({r.batch_id for r in records}) == 1 and records[0].batch_id
    assert {Path(r.request.image or "").name for r in records} == {"0.png", "1.png", "2.png"}


def test_enter_in_the_path_field_only_checks(batch: Any, window: Any, qtbot: Any, tmp_path: Path) -> None:
    make_image(tmp_path / "imgs" / "0.png")
    batch.show()
    batch.path_edit.setText(str(tmp_path / "imgs"))
    qtbot.keyClick(batch.path_edit, Qt.Key.Key_Return)
    assert len(batch.items) == 1 and batch.queue_button.isEnabled()
    assert batch.isVisible() and batch.queued is None
    assert window.engine.tasks == {}


def test_csv_rows_with_problems_are_listed_and_skipped(batch: Any, tmp_path: Path) -> None:
    make_image(tmp_path / "ok.png")
    csv_path = tmp_path / "jobs.csv"
    csv_path.write_text(
        "ok.png,a calm sea,duration=2\n"
        "missing.png,a storm,\n"
        ",text only,resolution=4k\n"
        ",another text,duration=99\n"
        ",bad overrides,oops\n",
        encoding="utf-8",
    )
    batch.set_source(csv_path)
    problems = [item.problem for item in batch.items]
    assert problems[0] == ""
    assert problems[1].startswith("Image not found:")
    assert problems[2] == "This model has no 4k resolution."
    assert problems[3] == "This model cannot make a 99 s video."
    assert problems[4].startswith("Overrides not understood:")
    assert "4 rows with problems will be skipped" in batch.summary.text()
    assert batch.queue_button.text() == "&Queue 1 task"
    assert batch.table.item(2, 3).text() == problems[2]
