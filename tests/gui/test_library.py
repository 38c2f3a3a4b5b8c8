"""The library: lazy loading (10,000 items open like 100), thumbnails made off the UI thread and
cached on disk, search and filters, favourites, reuse of settings, last frame → new task."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListView

from core.config.connections import LOCAL_CONNECTION
from core.config.paths import default_paths
from core.library import IMPORTED
from core.media import pool
from core.tasks.journal import Journal, TaskRecord, TaskState
from core.tasks.request import GenerationRequest
from gui.models.library_model import BATCH, FAVOURITES, NEW, TRASH, LibraryFilter, LibraryModel
from gui.settings import LibraryMarks
from gui.views.library_view import ICON
from tests.gui.conftest import run, until
from tests.support.videos import make_video


def record(n: int, video: str, *, connection: str = LOCAL_CONNECTION, model: str = "preview") -> TaskRecord:
    return TaskRecord(
        id=f"{n:032x}",
        connection=connection,
        dialect="local",
        base_url="",
        model=model,
        request=GenerationRequest(
            model=model, prompt=f"clip number {n}", duration=5, resolution="720p", seed=n
        ),
        state=TaskState.SUCCEEDED,
        created_at=1_700_000_000 + n,
        video_path=video,
    )


class FakeEngine:
    def __init__(self, records: list[TaskRecord]) -> None:
        self.tasks = {r.id: r for r in records}
        self.listeners: list[Any] = []

    def subscribe_batch(self, listener: Any) -> None:
        self.listeners.append(listener)


def open_library(count: int, tmp_path: Path) -> tuple[LibraryModel, QListView, float]:
    engine = FakeEngine([record(n, f"/nowhere/{n}.mp4") for n in range(count)])
    started = time.perf_counter()
    model = LibraryModel(engine, None, LibraryMarks(tmp_path / "library.json"))  # type: ignore[arg-type]
    view = QListView()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setModel(model)
    view.resize(800, 600)
    view.show()
    view.viewport().repaint()
    return model, view, time.perf_counter() - started


def test_ten_thousand_videos_open_as_fast_as_a_hundred(qtbot: Any, tmp_path: Path) -> None:
    _small, small_view, _ = open_library(100, tmp_path)
    qtbot.addWidget(small_view)
    big, big_view, big_time = open_library(10_000, tmp_path)
    qtbot.addWidget(big_view)
    assert big.total() == 10_000
    assert big.rowCount() <= 2 * BATCH  # only what the view asked for
    assert big_time < 0.5, f"opening 10,000 items took {big_time:.3f} s"
    big_view.scrollToBottom()
    while big.canFetchMore(big.index(-1, -1).parent()):
        big.fetchMore(big.index(-1, -1).parent())
    assert big.rowCount() == 10_000
    assert big.index(0, 0).data() == "clip number 9999"  # newest first


def test_search_filters_and_favourites(qtbot: Any, tmp_path: Path) -> None:
    records = [
        record(1, "/a.mp4"),
        record(2, "/b.mp4", connection="Gateway", model="kling-v1"),
        record(3, "/c.mp4"),
    ]
    engine = FakeEngine(records)
    marks = LibraryMarks.load(tmp_path)
    model = LibraryModel(engine, None, marks)  # type: ignore[arg-type]
    model.set_filter(LibraryFilter(text="NUMBER 2"))
    assert model.rowCount() == 1 and model.record_at(0).id == records[1].id
    model.set_filter(LibraryFilter(connection="Gateway"))
    assert [model.record_at(r).model for r in range(model.rowCount())] == ["kling-v1"]
    model.set_filter(LibraryFilter(model="preview"))
    assert model.rowCount() == 2
    model.set_filter(LibraryFilter())
    assert model.toggle_favourite(0) is True
    assert model.index(0, 0).data().startswith("★ ")
    assert LibraryMarks.load(tmp_path).favourites == {records[2].id}  # saved at once
    model.set_filter(LibraryFilter(state=FAVOURITES))
    assert model.rowCount() == 1
    assert model.connections() == sorted([LOCAL_CONNECTION, "Gateway"])


def test_a_video_is_new_until_played(qtbot: Any, tmp_path: Path) -> None:
    made = [record(n, f"/v/{n}.mp4") for n in (1, 2, 3)]
    made[0].finished_at = 1_700_000_000.0  # finished before plays were recorded
    made[1].finished_at = made[2].finished_at = 1_800_000_000.0
    imported = record(4, "/v/4.mp4", connection=IMPORTED)
    imported.finished_at = 1_800_000_000.0
    engine = FakeEngine([*made, imported])
    marks = LibraryMarks(tmp_path / "library.json", new_after=1_750_000_000.0)
    model = LibraryModel(engine, None, marks)  # type: ignore[arg-type]
    model.set_filter(LibraryFilter(state=NEW))
    assert {model.record_at(r).id for r in range(model.rowCount())} == {made[1].id, made[2].id}
    assert model.new_count() == 2
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("New: ")
    model.mark_watched("/v/3.mp4")
    assert model.new_count() == 1 and model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert LibraryMarks.load(tmp_path).watched == {made[2].id}  # saved at once
    model.set_filter(LibraryFilter(state=NEW))
    assert [model.record_at(r).id for r in range(model.rowCount())] == [made[1].id]
    model.move_to_trash([0])
    assert model.new_count() == 0  # the trash's videos are not counted


def test_plays_are_recorded_from_now_on_in_a_library_kept_before(tmp_path: Path) -> None:
    (tmp_path / "library.json").write_text('{"version": 1, "favourites": ["abc"]}', encoding="utf-8")
    before = time.time()
    marks = LibraryMarks.load(tmp_path)
    assert marks.favourites == {"abc"} and marks.new_after >= before
    assert LibraryMarks.load(tmp_path).new_after == marks.new_after  # kept: the same videos stay not new
    fresh = LibraryMarks.load(tmp_path / "fresh")
    assert fresh.new_after >= before and (tmp_path / "fresh" / "library.json").exists()


def test_new_success_appears_and_removed_task_goes(qtbot: Any, tmp_path: Path) -> None:
    engine = FakeEngine([])
    model = LibraryModel(engine, None, LibraryMarks(tmp_path / "library.json"))  # type: ignore[arg-type]
    fresh = record(7, "/x.mp4")
    fresh.state = TaskState.RUNNING
    engine.listeners[0]([("added", fresh)])
    assert model.rowCount() == 0
    fresh.state = TaskState.SUCCEEDED
    engine.listeners[0]([("changed", fresh)])
    assert model.rowCount() == 1
    engine.listeners[0]([("removed", fresh)])
    assert model.rowCount() == 0


@pytest.fixture
def seeded(qloop: Any, clipdesk_home: Path) -> TaskRecord:
    """A finished task in the journal whose video's last frame is red."""
    paths = default_paths().ensure()
    video = make_video(paths.library / "seeded.mp4")
    done = record(1, str(video))
    done.request = GenerationRequest(
        model="preview",
        prompt="a seeded clip",
        duration=3,
        resolution="540p",
        seed=42,
        params={"camera_movement": "pan_left", "fps": 30},
    )

    async def seed() -> None:
        journal = Journal(paths.database)
        await journal.open()
        await journal.insert(done)
        await journal.close()

    run(qloop, seed())
    return done


@pytest.fixture
def decoded_here(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records every video decoded in this, the window's, process (patched before the window exists)."""
    import core.media.frames as frames

    decoded: list[str] = []

    def spy_on(name: str) -> None:
        real = getattr(frames, name)

        def spy(video: Path, *args: Any, **kwargs: Any) -> Any:
            decoded.append(f"{name} {video}")
            return real(video, *args, **kwargs)

        monkeypatch.setattr(frames, name, spy)

    spy_on("first_frame")
    spy_on("last_frame")
    return decoded


def test_thumbnails_are_made_in_a_niced_process_and_cached(
    seeded: TaskRecord, decoded_here: list[str], window: Any, qloop: Any
) -> None:
    """Decoded neither on the window's thread nor on its process's other threads, which competed
    with it for the CPUs (bench/ui_stall.py), but in a process that gives way to the window."""
    model = window.library_model

    view = window.library.view

    async def go() -> None:
        assert model.index(0, 0).data(1) is not None  # a blank tile first: the item's size is kept
        blank = view.sizeHintForIndex(model.index(0, 0))
        await until(lambda: model.thumbnails.icon(seeded.video_path) is not None, what="the thumbnail")
        thumbnail = model.thumbnails.icon(seeded.video_path)
        assert model.index(0, 0).data(1).cacheKey() == thumbnail.cacheKey()  # now the picture
        pictured = view.sizeHintForIndex(model.index(0, 0))
        # the blank tile is as big as a picture gets: items measured with it never cut one
        assert blank.height() >= pictured.height() and blank.width() >= pictured.width()

    run(qloop, go())
    assert decoded_here == []
    workers = pool.pids()
    assert workers and os.getpid() not in workers
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert all(os.getpriority(os.PRIO_PROCESS, w) == min(19, ours + pool.NICENESS) for w in workers)
    assert list((window.services.paths.cache / "thumbnails").glob("*.png"))


def test_reuse_settings_fills_the_form(seeded: TaskRecord, window: Any) -> None:
    library = window.library
    library.view.setCurrentIndex(window.library_model.index(0, 0))
    library.reuse_action.trigger()
    panel = window.generate_panel
    request = panel.build_request()
    assert request.prompt == "a seeded clip"
    assert (request.duration, request.resolution, request.seed) == (3, "540p", 42)
    assert request.params == {"camera_movement": "pan_left", "fps": 30}
    assert (panel.parent_id, panel.relation) == (seeded.id, "reuse")  # a task made links back
    assert panel.parent_label.text() == f"Settings of task {seeded.id[:8]}"


def test_last_frame_starts_a_linked_task(
    seeded: TaskRecord, decoded_here: list[str], window: Any, qloop: Any
) -> None:
    library = window.library
    library.view.setCurrentIndex(window.library_model.index(0, 0))
    panel = window.generate_panel

    async def go() -> TaskRecord:
        messages: list[str] = []
        library.message.connect(messages.append)
        task = library.continue_selected()
        assert task is not None
        await task
        await until(lambda: panel.parent_id == seeded.id, what="the first frame")
        assert panel.prompt.toPlainText() == seeded.request.prompt  # the video's prompt, to edit
        # the status bar's "Taking…" is cleared when it is taken: the slot shows the frame
        assert messages == ["Taking the last frame…", ""]
        assert window.statusBar().currentMessage() == ""
        panel.prompt.setPlainText("what happens next")
        panel.form.duration.setCurrentIndex(panel.form.duration.findData(1))
        panel.form.resolution.setCurrentIndex(panel.form.resolution.findData("360p"))
        panel.generate()
        await until(lambda: len(window.engine.tasks) == 2, what="the new task")
        child = next(r for r in window.engine.tasks.values() if r.id != seeded.id)
        await window.engine.wait([child.id])
        return child

    child = run(qloop, go())
    frame = Path(child.request.image or "")
    assert frame.exists() and frame.suffix == ".png"
    assert frame.name.startswith("a seeded clip (") and "last frame" in frame.name  # not a task id
    red, green, blue = Image.open(frame).convert("RGB").getpixel((80, 48))
    assert red > 150 and green < 80 and blue < 80, "the last frame is red"
    assert (child.parent_id, child.relation) == (seeded.id, "continues")
    assert child.state is TaskState.SUCCEEDED, child.error_message
    assert decoded_here == []  # the frame was decoded in the process pool
    assert panel.parent_id is None or panel.parent_id == seeded.id


def test_grid_and_list_modes(seeded: TaskRecord, window: Any) -> None:
    library = window.library
    assert library.view.viewMode() == QListView.ViewMode.IconMode
    library.mode_button.setChecked(True)
    assert library.view.viewMode() == QListView.ViewMode.ListMode
    assert library.count_label.text() == "1 video"


def test_rename_trash_and_restore(qtbot: Any, tmp_path: Path) -> None:
    records = [record(n, f"/videos/{n}.mp4") for n in range(3)]
    model = LibraryModel(FakeEngine(records), None, LibraryMarks.load(tmp_path))  # type: ignore[arg-type]
    assert model.index(0, 0).data() == "clip number 2"  # newest first
    model.rename(0, "  The   harbour at dawn ")
    assert model.index(0, 0).data() == "The harbour at dawn"
    model.set_filter(LibraryFilter(text="harbour"))  # a title is searched like a prompt
    assert [model.record_at(r).id for r in range(model.rowCount())] == [records[2].id]
    model.set_filter(LibraryFilter())
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.move_to_trash([0, 2])
    assert removed == [(2, 2), (0, 0)] and model.rowCount() == 1 and model.trashed_count() == 2
    assert model.index(0, 0).data() == "clip number 1"
    saved = LibraryMarks.load(tmp_path)  # kept at once, across restarts
    assert set(saved.trashed) == {records[0].id, records[2].id}
    assert saved.titles == {records[2].id: "The harbour at dawn"}
    model.set_filter(LibraryFilter(state=TRASH))  # the trash shows them, newest first
    assert [model.record_at(r).id for r in range(model.rowCount())] == [records[2].id, records[0].id]
    model.restore([0])
    assert model.rowCount() == 1 and model.trashed_count() == 1
    model.set_filter(LibraryFilter())
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "The harbour at dawn",
        "clip number 1",
    ]
    model.rename(0, "")  # an empty title: the prompt again
    assert model.index(0, 0).data() == "clip number 2" and LibraryMarks.load(tmp_path).titles == {}
    assert all(Path(r.video_path or "").name == f"{n}.mp4" for n, r in enumerate(records))  # files untouched


def test_filter_by_date(qtbot: Any, tmp_path: Path) -> None:
    now = time.time()
    records = [record(n, f"/v/{n}.mp4") for n in range(3)]
    for r, age_days in zip(records, (40, 3, 0), strict=True):
        r.created_at = now - age_days * 86400
    model = LibraryModel(FakeEngine(records), None, LibraryMarks.load(tmp_path))  # type: ignore[arg-type]
    model.set_filter(LibraryFilter(since=now - 7 * 86400))
    assert {model.record_at(r).id for r in range(model.rowCount())} == {records[1].id, records[2].id}
    model.set_filter(LibraryFilter(since=now - 3600))
    assert [model.record_at(r).id for r in range(model.rowCount())] == [records[2].id]


def test_favourites_of_earlier_versions_are_kept(tmp_path: Path) -> None:
    (tmp_path / "favourites.json").write_text('{"version": 1, "favourites": ["abc"]}', encoding="utf-8")
    marks = LibraryMarks.load(tmp_path)
    assert marks.favourites == {"abc"}
    marks.toggle_favourite("def")
    assert LibraryMarks.load(tmp_path).favourites == {"abc", "def"}
    (tmp_path / "library.json").write_text("[1, 2]", encoding="utf-8")  # damaged: starts empty
    assert LibraryMarks.load(tmp_path).favourites == set()


def test_trash_restore_and_rename_from_the_window(seeded: TaskRecord, window: Any, qtbot: Any) -> None:
    library, model = window.library, window.library_model
    library.view.setCurrentIndex(model.index(0, 0))
    dialog = library.rename_selected()
    assert dialog is not None
    assert dialog.textValue() == seeded.request.prompt  # opens with the name it has, not empty
    dialog.setTextValue("My first clip")
    dialog.accept()
    assert model.index(0, 0).data() == "My first clip"
    library.view.setCurrentIndex(model.index(0, 0))
    library.trash_action.trigger()  # Delete
    assert model.rowCount() == 0 and library.count_label.text() == "0 videos"
    library.state_filter.setCurrentIndex(library.state_filter.findData(TRASH))
    assert model.rowCount() == 1 and library.count_label.text() == "1 video in the trash"
    library.view.setCurrentIndex(model.index(0, 0))
    library.restore_action.trigger()
    assert model.rowCount() == 0
    library.state_filter.setCurrentIndex(0)  # all videos
    assert model.rowCount() == 1 and model.index(0, 0).data() == "My first clip"
    assert Path(seeded.video_path or "").exists()
    library.when_filter.setCurrentIndex(library.when_filter.findData(1))  # made today? (in 2023)
    assert model.rowCount() == 0
    library.when_filter.setCurrentIndex(library.when_filter.findData(0))  # any time
    assert model.rowCount() == 1


def test_import_a_folder_into_the_library_not_the_queue(window: Any, qloop: Any, tmp_path: Path) -> None:
    folder = tmp_path / "made elsewhere"
    make_video(folder / "sunset.mp4")
    make_video(folder / "more" / "rain.mp4")
    library, model = window.library, window.library_model
    window.tabs.setCurrentWidget(window.places["library"])  # on screen while they come in
    task = library.import_paths([str(folder)])
    assert task is not None
    run(qloop, task)
    names = sorted(Path(model.record_at(r).video_path or "").name for r in range(model.rowCount()))
    assert names == ["rain.mp4", "sunset.mp4"]
    assert {model.index(r, 0).data() for r in range(model.rowCount())} == {"sunset", "rain"}
    for row in range(model.rowCount()):  # each laid out in its whole grid cell, picture and title
        assert library.view.visualRect(model.index(row, 0)).height() >= ICON.height()
    assert window.task_model.rowCount() == 0  # videos, not tasks: the queue does not list them
    assert library.connection_filter.itemText(1) == "Imported videos"
    assert window.statusBar().currentMessage() == "2 videos added to the library"
    run(qloop, library.import_paths([str(folder)]))  # again: nothing new
    assert model.rowCount() == 2 and window.statusBar().currentMessage() == "No new videos found"


def test_many_or_older_videos_arriving_take_their_places_by_date(qtbot: Any, tmp_path: Path) -> None:
    engine = FakeEngine([record(n, f"/v/{n}.mp4") for n in (10, 20)])
    model = LibraryModel(engine, None, LibraryMarks(tmp_path / "library.json"))  # type: ignore[arg-type]
    resets: list[int] = []
    inserted: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _parent, first, _last: inserted.append(first))
    engine.listeners[0]([("added", record(30, "/v/30.mp4"))])  # a task that just finished: on top
    assert inserted == [0] and resets == []
    imported = [record(n, f"/imported/{n}.mp4") for n in range(1000, 3000)]
    imported += [record(n, f"/imported/{n}.mp4") for n in (5, 15, 25)]  # older than what is there
    engine.listeners[0]([("added", r) for r in imported])
    assert resets == [1] and inserted == [0]  # one reset, not 2,003 insertions
    order = [model.record_at(r).created_at for r in range(model.total())]
    assert order == sorted(order, reverse=True) and model.total() == 2006
    assert model.record_at(model.total() - 1).id == record(5, "").id


def test_an_item_waiting_for_its_thumbnail_is_as_big_as_with_it(qtbot: Any, tmp_path: Path) -> None:
    """Items are measured once (uniform sizes): one measured with its blank tile must have room for
    the biggest thumbnail a video gets (256 pixels wide, 16:9), or the titles below are cut."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QColor, QIcon, QPixmap

    from gui.views.library_view import LibraryView

    class Thumbnails(QObject):
        ready = Signal(str)
        picture: QIcon | None = None

        def icon(self, path: str) -> QIcon | None:
            return self.picture

    thumbnails = Thumbnails()
    engine = FakeEngine([record(1, "/v/1.mp4")])
    model = LibraryModel(engine, thumbnails, LibraryMarks(tmp_path / "l.json"))  # type: ignore[arg-type]
    library = LibraryView(model, tmp_path)
    qtbot.addWidget(library)
    index = model.index(0, 0)
    blank = library.view.sizeHintForIndex(index)
    largest = QPixmap(256, 144)
    largest.fill(QColor("teal"))
    thumbnails.picture = QIcon(largest)
    pictured = library.view.sizeHintForIndex(index)
    assert blank.height() >= pictured.height() and blank.width() >= pictured.width()


@pytest.fixture
def plays_recorded_since_2020(clipdesk_home: Path) -> None:
    """The library has recorded plays since before the seeded video was made: it is new."""
    config = default_paths().ensure().config
    (config / "library.json").write_text('{"version": 1, "new_after": 1577836800}', encoding="utf-8")


def test_playing_a_new_video_from_the_window_makes_it_not_new(
    seeded: TaskRecord, plays_recorded_since_2020: None, window: Any, qtbot: Any
) -> None:
    library, model = window.library, window.library_model
    assert library.count_label.text() == "1 video · 1 new"
    assert window.new_badge.isVisible() and window.new_badge.text() == "1"  # seen from the queue's tab too
    assert window.tabs.tabToolTip(1) == "1 new video: not played yet"
    assert window.tabs.tabBar().accessibleTabName(1) == "Library, 1 new video"
    library.state_filter.setCurrentIndex(library.state_filter.findData(NEW))
    assert model.rowCount() == 1 and library.count_label.text() == "1 new video"
    library.view.setCurrentIndex(model.index(0, 0))
    library.play_action.trigger()  # Return
    assert window.player.source == seeded.video_path
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert library.count_label.text() == "1 new video"  # stays listed until the filter changes
    assert window.tabs.tabText(1) == "&Library" and not window.new_badge.isVisible()
    assert window.tabs.tabToolTip(1) == "" and window.tabs.tabBar().accessibleTabName(1) == "Library"
    library.state_filter.setCurrentIndex(0)
    assert library.count_label.text() == "1 video"
    library.state_filter.setCurrentIndex(library.state_filter.findData(NEW))
    assert model.rowCount() == 0


def test_a_new_count_repaints_its_badge_not_the_window(window: Any, qtbot: Any) -> None:
    """Each finished video changes the count. A tab's text change lays the whole tab widget out
    again and repaints the window around it (the queue's frame, the splitters, the form...): with
    1,000 rows queued, the window's longest turns. The badge repaints its own small place, and its
    room is kept when there is nothing new: its coming and going lay nothing out again either."""
    from PySide6.QtCore import QEvent, QObject, QRect
    from PySide6.QtWidgets import QApplication, QTabBar, QWidget

    RIGHT = QTabBar.ButtonPosition.RightSide

    class Paints(QObject):
        outside: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                rect = event.rect()  # type: ignore[attr-defined]
                top_left = watched.mapTo(window, rect.topLeft())
                if not tab_bar.contains(QRect(top_left, rect.size())):
                    self.outside.append(type(watched).__name__)
            return False

    assert not window.new_badge.isVisible()  # nothing new yet: the badge's room is kept, empty
    qtbot.wait(50)
    bar = window.tabs.tabBar()
    tab_bar = QRect(bar.mapTo(window, bar.rect().topLeft()), bar.size())
    paints = Paints()
    app = QApplication.instance()
    app.installEventFilter(paints)
    try:
        for count in (1, 2, 3, 120, 0, 4):
            window.show_new_videos(count)
            qtbot.wait(40)
            assert window.new_badge.isVisible() == bool(count)
            assert bar.tabButton(1, RIGHT) is window.new_badge
            if count == 120:
                assert window.new_badge.text() == "99+" and window.tabs.tabText(1) == "&Library"
                assert window.tabs.tabToolTip(1) == "120 new videos: not played yet"
            if count == 0:  # all played
                assert window.tabs.tabToolTip(1) == "" and bar.accessibleTabName(1) == "Library"
    finally:
        app.removeEventFilter(paints)
    assert paints.outside == []
    assert QRect(bar.mapTo(window, bar.rect().topLeft()), bar.size()) == tab_bar
    assert window.tabs.currentIndex() == 0
    QTest.mouseClick(window.new_badge, Qt.MouseButton.LeftButton)  # a click on the badge opens its tab
    assert window.tabs.currentIndex() == 1


def test_every_grid_item_has_room_for_two_lines_of_title(qtbot: Any, tmp_path: Path) -> None:
    """Qt sizes uniform items by the last row: a short last title made every title one line."""
    from gui.views.library_view import LibraryView

    long_one, short_one = record(2, "/v/2.mp4"), record(1, "/v/1.mp4")
    long_one.request.prompt = "Lanterns over the river at night, drifting slowly under the bridge"
    short_one.request.prompt = "Rain"
    model = LibraryModel(FakeEngine([long_one, short_one]), None, LibraryMarks(tmp_path / "l.json"))  # type: ignore[arg-type]
    library = LibraryView(model, tmp_path)
    qtbot.addWidget(library)
    library.resize(900, 500)
    library.show()
    qtbot.waitExposed(library)
    assert model.index(1, 0).data() == "Rain"  # the last row
    lines = library.view.fontMetrics().lineSpacing()
    for row in (0, 1):
        assert library.view.visualRect(model.index(row, 0)).height() >= ICON.height() + 2 * lines
    library.mode_button.setChecked(True)  # the list: one line each, as before
    assert library.view.visualRect(model.index(0, 0)).height() < ICON.height()


def test_the_keyboard_plays_the_video_its_focus_is_on(
    seeded: TaskRecord, window: Any, qtbot: Any, qapp: Any
) -> None:
    """Ctrl+3 (or Tab) puts the focus on the grid, and Qt makes its first item current without
    selecting it: Return, which plays the selection, did nothing. The focus selects that item."""
    window.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is window)
    library = window.library
    assert library.selected_rows() == []
    played: list[str] = []
    library.play_requested.connect(played.append)
    window.focus_region("library")
    qtbot.waitUntil(lambda: library.view.hasFocus())
    assert library.selected_rows() == [0]
    QTest.keyClick(library.view, Qt.Key.Key_Return)
    assert played == [seeded.video_path]


def test_a_tile_shows_the_videos_duration(seeded: TaskRecord, window: Any, qtbot: Any) -> None:
    """A pill on the picture with the length ("0:05"), in the stage's colours."""
    from gui.theme import colour
    from gui.widgets.badge import duration_text

    assert duration_text(seeded.request.duration) == f"0:{seeded.request.duration:02d}"
    assert duration_text(None) == ""
    library, model = window.library, window.library_model
    window.tabs.setCurrentWidget(window.places["library"])
    qtbot.waitUntil(lambda: model.rowCount() == 1 and library.view.isVisible())
    # on the video's own picture (blue), not on the blank tile shown until it is made
    qtbot.waitUntil(lambda: model.thumbnails.icon(seeded.video_path) is not None, timeout=20_000)
    rect = library.view.visualRect(model.index(0, 0))
    image = library.view.viewport().grab(rect).toImage()
    stage = colour("stage")
    dark = sum(
        1
        for x in range(image.width() // 2, image.width())
        for y in range(image.height() // 3, image.height() * 3 // 4)
        if image.pixelColor(x, y).lightness() < stage.lightness() + 80  # the stage's dark, translucent
    )
    assert dark > 50  # the pill, right half of the picture


def test_save_a_copy_to_a_chosen_place(seeded: TaskRecord, window: Any, qloop: Any, tmp_path: Path) -> None:
    library = window.library
    library.view.setCurrentIndex(window.library_model.index(0, 0))
    dialog = library.save_copy()
    assert dialog is not None
    assert Path(dialog.selectedFiles()[0]).name == "a seeded clip.mp4"  # named after the video
    target = tmp_path / "out" / "for-capcut.mp4"
    target.parent.mkdir()
    said: list[str] = []
    library.message.connect(said.append)
    dialog.fileSelected.emit(str(target))
    dialog.reject()
    run(qloop, until(lambda: any("Saved a copy" in m for m in said), what="the copy"))
    assert target.read_bytes() == Path(seeded.video_path or "").read_bytes()
    assert Path(seeded.video_path or "").exists()  # a copy: the library keeps its own
