"""Browsing the library: copies and variations of one prompt stacked as one tile that opens, a
tile scrubbed under the mouse, the details pane, deleting from the trash for good, dragging a
tile's file out and revealing it in the file manager."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from core.config.paths import default_paths
from core.library import sidecar_path, write_sidecar
from core.tasks.journal import Journal, TaskRecord
from core.tasks.lineage import VARIATION
from gui.models.library_model import TRASH, GroupSizeRole, LibraryFilter, LibraryModel
from gui.settings import LibraryMarks
from tests.gui.conftest import run, until
from tests.gui.test_library import FakeEngine, record
from tests.support.videos import make_video


def copies(first: int, count: int, batch: str, prompt: str = "a lighthouse in a storm") -> list[TaskRecord]:
    made = [record(n, f"/v/{n}.mp4") for n in range(first, first + count)]
    for r in made:
        r.batch_id = batch
        r.request.prompt = prompt
    return made


def library(records: list[TaskRecord], tmp_path: Path) -> tuple[LibraryModel, FakeEngine]:
    engine = FakeEngine(records)
    model = LibraryModel(engine, None, LibraryMarks.load(tmp_path))  # type: ignore[arg-type]
    return model, engine


def tiles(model: LibraryModel) -> list[list[int]]:
    """Each tile's videos, by their number (the record helper's ``n``), newest first."""
    return [[int(r.id, 16) for r in model.members_at(row)] for row in range(model.rowCount())]


def test_copies_and_variations_of_one_prompt_are_one_tile(tmp_path: Path) -> None:
    alone = record(1, "/v/1.mp4")
    five = copies(10, 5, "copies")
    takes = copies(20, 3, "takes", prompt="a fox in the snow")
    for take in takes:
        take.parent_id, take.relation = alone.id, VARIATION
    csv = copies(30, 2, "csv", prompt="a row of a table")  # one batch of two prompts: two tiles
    csv[1].request.prompt = "something else"
    folder = copies(40, 2, "folder", prompt="a picture")  # one prompt, two first frames: two tiles
    folder[0].request.image, folder[1].request.image = "/in/a.png", "/in/b.png"
    model, _ = library([alone, *five, *takes, *csv, *folder], tmp_path)
    assert tiles(model) == [[41], [40], [31], [30], [22, 21, 20], [14, 13, 12, 11, 10], [1]]
    assert model.video_count() == 13 and model.total() == 7
    assert model.index(5, 0).data(GroupSizeRole) == 5 and model.index(6, 0).data(GroupSizeRole) == 1
    assert model.index(5, 0).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Group of 5 videos: a lighthouse in a storm"
    )
    model.set_filter(LibraryFilter(text="lighthouse"))  # a search finds the group
    assert tiles(model) == [[14, 13, 12, 11, 10]]
    assert model.open_group(0)
    assert tiles(model) == [[14], [13], [12], [11], [10]]  # opened: each its own tile
    # what tells the takes apart: model, seed, time
    assert model.index(0, 0).data().startswith("Offline preview (no AI) · seed 14 · ")
    assert not model.open_group(0)  # a single video does not open
    model.close_group()
    assert tiles(model) == [[14, 13, 12, 11, 10]] and model.filter.text == "lighthouse"


def test_a_copy_finishing_joins_its_tile_on_top(tmp_path: Path) -> None:
    first = copies(10, 1, "copies")
    model, engine = library([*first, record(11, "/v/11.mp4"), record(12, "/v/12.mp4")], tmp_path)
    assert tiles(model) == [[12], [11], [10]]
    moved: list[tuple[int, int]] = []
    inserted: list[int] = []
    model.rowsMoved.connect(lambda _p, start, _e, _d, row: moved.append((start, row)))
    model.rowsInserted.connect(lambda _p, first_row, _l: inserted.append(first_row))
    second = copies(13, 1, "copies")[0]
    engine.listeners[0]([("added", second)])
    assert tiles(model) == [[13, 10], [12], [11]]
    assert moved == [(2, 0)] and inserted == []  # the tile went up: no new tile
    engine.listeners[0]([("removed", second)])
    assert tiles(model) == [[10], [12], [11]]  # a stack left with one shows it alone
    engine.listeners[0]([("removed", first[0])])
    assert tiles(model) == [[12], [11]]


def test_a_group_goes_to_the_trash_and_back_whole(tmp_path: Path) -> None:
    five = copies(10, 5, "copies")
    model, _ = library([record(1, "/v/1.mp4"), *five], tmp_path)
    model.move_to_trash([0])
    assert tiles(model) == [[1]] and model.trashed_count() == 5
    model.set_filter(LibraryFilter(state=TRASH))
    assert tiles(model) == [[14, 13, 12, 11, 10]]
    model.restore([0])
    model.set_filter(LibraryFilter())
    assert tiles(model) == [[14, 13, 12, 11, 10], [1]]
    model.trash_videos([five[1].id, five[3].id])  # some takes of a group (the compare view's keep)
    assert tiles(model) == [[14, 12, 10], [1]]
    assert model.toggle_favourite(0) is True  # a group's favourite: all of its videos
    assert model.marks.favourites == {five[0].id, five[2].id, five[4].id}


def test_a_tile_dragged_out_gives_its_files(tmp_path: Path) -> None:
    two = copies(10, 2, "copies")
    model, _ = library([record(1, "/v/1.mp4"), *two], tmp_path)
    group, alone = model.index(0, 0), model.index(1, 0)
    assert model.flags(group) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.supportedDragActions() == Qt.DropAction.CopyAction
    mime = model.mimeData([alone])
    assert mime.urls() == [QUrl.fromLocalFile("/v/1.mp4")] and mime.hasFormat("text/uri-list")
    assert [u.toLocalFile() for u in model.mimeData([group, alone]).urls()] == [
        "/v/11.mp4",
        "/v/10.mp4",
        "/v/1.mp4",
    ]


def test_dragging_a_tile_out_carries_its_files(
    grouped: list[TaskRecord], window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Press on a tile and move: a drag starts with the videos' addresses, in the grid and in the
    list (QListView's static layout turned dragging off in both)."""
    from PySide6.QtGui import QDrag

    dragged: list[list[str]] = []

    def exec_(drag: QDrag, *_actions: Any) -> Qt.DropAction:
        dragged.append([u.toLocalFile() for u in drag.mimeData().urls()])
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", exec_)
    library, model = window.library, window.library_model
    window.tabs.setCurrentWidget(window.places["library"])
    view = library.view
    for as_list in (False, True):
        library.mode_button.setChecked(as_list)
        qtbot.waitUntil(lambda: view.visualRect(model.index(1, 0)).isValid())
        start = view.visualRect(model.index(1, 0)).center()  # the group's tile
        QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(view.viewport(), start + QPoint(40, 40))
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 40))
    group = [str(r.video_path) for r in reversed(grouped[:3])]
    assert dragged == [group, group]


def confirm(qloop: Any, library: Any, box: QMessageBox) -> None:
    """Click the confirmation's Delete, and wait until the delete has finished."""
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole).click()
    deleting = library.trash.deleting
    run(qloop, until(lambda: deleting is not None and deleting.done(), what="the delete"))


@pytest.fixture
def grouped(qloop: Any, clipdesk_home: Path) -> list[TaskRecord]:
    """Three copies of one prompt and a video alone, their files (blue, the last frame red) in the
    library, in the journal."""
    paths = default_paths().ensure()
    made = [*copies(10, 3, "copies"), record(20, "")]
    for r in made:
        r.video_path = str(make_video(paths.library / f"{int(r.id, 16)}.mp4"))
        r.video_size = Path(r.video_path).stat().st_size
        write_sidecar(r)

    async def seed() -> None:
        journal = Journal(paths.database)
        await journal.open()
        for r in made:
            await journal.insert(r)
        await journal.close()

    run(qloop, seed())
    return made


def test_a_group_opens_from_the_window_and_back(grouped: list[TaskRecord], window: Any, qtbot: Any) -> None:
    library, model = window.library, window.library_model
    window.tabs.setCurrentWidget(window.places["library"])
    assert tiles(model) == [[20], [12, 11, 10]] and library.count_label.text() == "4 videos"
    assert not library.group_bar.isVisibleTo(library)
    played: list[str] = []
    library.play_requested.connect(played.append)
    library.view.setCurrentIndex(model.index(1, 0))
    library.view.setFocus()
    QTest.keyClick(library.view, Qt.Key.Key_Return)  # a group opens instead of playing
    assert played == [] and tiles(model) == [[12], [11], [10]]
    assert library.group_bar.isVisibleTo(library)
    assert library.group_label.text() == "A group of 3 videos of one prompt: “a lighthouse in a storm”"
    QTest.keyClick(library.view, Qt.Key.Key_Return)  # a video of the group plays
    assert played == [grouped[2].video_path]
    QTest.keyClick(library.view, Qt.Key.Key_Backspace)  # and back
    assert tiles(model) == [[20], [12, 11, 10]] and not library.group_bar.isVisibleTo(library)
    assert library.selected_rows() == [1]  # the group it came from
    qtbot.waitUntil(lambda: library.view.visualRect(model.index(1, 0)).isValid())  # laid out again
    centre = library.view.visualRect(model.index(1, 0)).center()
    QTest.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert tiles(model) == [[12], [11], [10]]
    library.back_button.click()
    assert model.total() == 2
    library.view.setCurrentIndex(model.index(1, 0))
    assert library.open_group_action.isEnabled()
    library.open_group_action.trigger()  # Ctrl+Down, or the tile's menu
    library.view.selectAll()
    library.trash_action.trigger()  # the group's last videos go: back to every video
    assert not library.group_bar.isVisibleTo(library) and tiles(model) == [[20]]


def test_the_details_pane_says_how_a_video_was_made_and_is_remembered(
    grouped: list[TaskRecord], window: Any, qtbot: Any, tmp_path: Path
) -> None:
    library, model = window.library, window.library_model
    assert not library.details.isVisibleTo(library)  # hidden at first
    library.details_button.click()
    assert library.details.isVisibleTo(library)
    assert library.details.value("prompt") == ""  # nothing selected yet
    library.view.setCurrentIndex(model.index(1, 0))  # the group: its newest video
    newest = grouped[2]
    details = library.details
    assert details.value("prompt") == "a lighthouse in a storm"
    assert details.value("group") == "3 videos of one prompt"
    assert details.value("model") == "Offline preview (no AI) (preview)"  # its name, then its id
    assert details.value("seed") == str(newest.request.seed)
    assert details.value("connection") == "Offline preview"
    assert (details.value("duration"), details.value("resolution")) == ("0:05", "720p")
    assert details.value("made").startswith("2023-11-14")
    assert details.value("file").startswith(str(newest.video_path) + " (")
    library.view.setCurrentIndex(model.index(0, 0))
    assert details.value("group") == "" and details.value("file").startswith(str(grouped[3].video_path))
    assert window.ui_state.value("library/details") == "true"
    from gui.views.library_view import LibraryView

    again = LibraryView(model, tmp_path, ui_state=window.ui_state)  # the next start
    qtbot.addWidget(again)
    assert again.details_button.isChecked() and again.details.isVisibleTo(again)
    library.details_action.trigger()  # Ctrl+I
    assert not library.details.isVisibleTo(library)
    assert window.ui_state.value("library/details") == "false"


def test_delete_permanently_and_empty_trash(
    grouped: list[TaskRecord], window: Any, qloop: Any, qtbot: Any
) -> None:
    library, model, engine = window.library, window.library_model, window.engine
    files = [Path(r.video_path or "") for r in grouped]
    model.marks.set_favourite([grouped[3].id], True)
    library.view.selectAll()
    library.trash_action.trigger()
    assert model.rowCount() == 0 and all(f.exists() for f in files)  # the trash keeps the files
    library.state_filter.setCurrentIndex(library.state_filter.findData(TRASH))
    assert library.empty_trash_button.isVisibleTo(library)
    library.view.setCurrentIndex(model.index(0, 0))  # the lone video
    box = library.delete_selected()
    assert box is not None and "Delete 1 video permanently?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # cancelled: nothing happens
    assert all(f.exists() for f in files) and model.video_count() == 4
    box = library.delete_selected()
    assert box is not None
    said: list[str] = []
    library.message.connect(said.append)
    confirm(qloop, library, box)
    assert not files[3].exists() and not sidecar_path(files[3]).exists()
    assert grouped[3].id not in engine.tasks and grouped[3].id not in model.marks.favourites
    assert grouped[3].id not in model.marks.trashed
    assert tiles(model) == [[12, 11, 10]] and library.count_label.text() == "3 videos in the trash"
    assert said == ["Deleted 1 video permanently"]
    box = library.empty_trash()
    assert box is not None and "Delete the 3 videos in the trash permanently?" in box.text()
    confirm(qloop, library, box)
    assert not any(f.exists() for f in files) and model.rowCount() == 0 and engine.tasks == {}
    assert not library.empty_trash_button.isEnabled()

    async def journal_ids() -> list[str]:
        return [r.id for r in await engine.journal.all()]

    assert run(qloop, journal_ids()) == []  # the journal says the same: nothing left behind


def test_a_file_that_cannot_be_deleted_keeps_its_task(
    grouped: list[TaskRecord], window: Any, qloop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import core.library

    library, model, engine = window.library, window.library_model, window.engine
    stuck = grouped[3]

    def refuse(video: Path) -> None:
        if str(video) == stuck.video_path:
            raise PermissionError("read-only")
        video.unlink()

    monkeypatch.setattr(core.library, "delete_video", refuse)
    monkeypatch.setattr("gui.views.library_trash.delete_video", refuse)
    library.view.selectAll()
    library.trash_action.trigger()
    library.state_filter.setCurrentIndex(library.state_filter.findData(TRASH))
    said: list[str] = []
    library.message.connect(said.append)
    box = library.empty_trash()
    assert box is not None
    confirm(qloop, library, box)
    assert list(engine.tasks) == [stuck.id] and tiles(model) == [[20]]  # still in the trash
    assert said == ["Deleted 3 videos permanently · 1 could not be removed (still in the trash)"]


def test_hovering_a_tile_scrubs_it(
    grouped: list[TaskRecord], window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pointer's place across the picture picks the frame: the first at the left, the last
    (red) at the right; the pictures are made in the process pool, not in the window's."""
    import core.media.frames as frames

    here: list[str] = []
    real = frames.scrub_frames
    monkeypatch.setattr(frames, "scrub_frames", lambda *a, **k: here.append("decoded") or real(*a, **k))
    library, model = window.library, window.library_model
    window.tabs.setCurrentWidget(window.places["library"])
    qtbot.waitUntil(lambda: library.view.isVisible() and model.rowCount() == 2)
    view = library.view
    index = model.index(0, 0)
    rect = view.visualRect(index)
    picture_top = rect.top() + 20

    def colour_at(x: int) -> tuple[int, int, int]:
        image = view.viewport().grab(rect).toImage()
        pixel = image.pixelColor(x - rect.left(), 30)
        return pixel.red(), pixel.green(), pixel.blue()

    right = rect.right() - 12
    QTest.mouseMove(view.viewport(), QPoint(right, picture_top))
    qtbot.waitUntil(lambda: colour_at(right)[0] > 150 and colour_at(right)[2] < 80, timeout=20_000)
    left = rect.left() + 12
    QTest.mouseMove(view.viewport(), QPoint(left, picture_top))
    qtbot.waitUntil(lambda: colour_at(left)[2] > 150, timeout=5_000)  # the first frame: blue
    assert here == []  # decoded in the pool
    assert list((window.services.paths.cache / "scrub").glob("*-scrub*.png"))


def test_reveal_opens_the_folder_where_no_file_manager_answers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without a session bus (or a file manager on it), the folder opens."""
    from PySide6.QtGui import QDesktopServices

    import gui.reveal

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(gui.reveal, "_show_items", lambda paths: False)
    gui.reveal.reveal([str(tmp_path / "a.mp4"), str(tmp_path / "b.mp4")])
    assert opened == [str(tmp_path)]


@pytest.mark.skipif(shutil.which("dbus-run-session") is None, reason="needs dbus-run-session")
@pytest.mark.parametrize("bus", ["manager", "none"])
def test_reveal_asks_the_file_manager_on_the_session_bus(bus: str) -> None:
    """With a file manager on the session bus, it is asked to show the files selected; with none,
    the folder opens."""
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-m", "tests.gui.reveal_probe", bus, "/videos/a b.mp4"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    said = json.loads(done.stdout.strip().splitlines()[-1])
    if bus == "manager":
        assert said == {"shown": [["file:///videos/a%20b.mp4"]], "opened": []}
    else:
        assert said == {"shown": [], "opened": ["/videos"]}
