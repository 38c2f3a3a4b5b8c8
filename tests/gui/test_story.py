"""The library's story actions: a task's family and chain, extending the chain from its last clip,
comparing a selection, and joining one into a video in the library (in the media worker's process,
with progress and cancel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from core.config.paths import default_paths
from core.library import read_sidecar
from core.tasks.journal import Journal, TaskRecord
from gui.player.player import MULTIMEDIA
from gui.views.compare_view import CompareView
from gui.views.join_dialog import JoinDialog
from gui.views.story import FamilyDialog
from gui.views.variations import VariationsDialog
from tests.gui.conftest import run, until
from tests.gui.test_library import record
from tests.support.videos import make_video


@pytest.fixture
def story(qloop: Any, clipdesk_home: Path) -> dict[str, TaskRecord]:
    """A chain of three clips (a → b → c, each continuing the last) and a variation of a."""
    paths = default_paths().ensure()
    made: dict[str, TaskRecord] = {}
    for n, (name, colour, parent, relation) in enumerate(
        [
            ("a", "#c02020", None, None),
            ("b", "#20c020", "a", "continues"),
            ("c", "#2020c0", "b", "continues"),
            ("v", "#c0c020", "a", "variation"),
            ("w", "#20c0c0", "a", "variation"),
        ],
        1,
    ):
        video = make_video(paths.library / f"{name}.mp4", colour, colour, frames=24, rate=24)
        task = record(n, str(video))
        task.request.prompt = f"clip {name}"
        task.parent_id = made[parent].id if parent else None
        task.relation = relation
        task.request.duration, task.request.resolution = 1, "360p"
        task.batch_id = "group-of-a" if relation == "variation" else None
        made[name] = task

    async def seed() -> None:
        journal = Journal(paths.database)
        await journal.open()
        for task in made.values():
            await journal.insert(task)
        await journal.close()

    run(qloop, seed())
    return made


def _select(window: Any, *tasks: TaskRecord) -> None:
    model, view = window.library_model, window.library.view
    view.clearSelection()
    wanted = {t.id for t in tasks}
    for row in range(model.rowCount()):
        if model.record_at(row).id in wanted:
            view.selectionModel().select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    view.setFocus()


def test_family_tree_chain_and_extend(story: dict[str, TaskRecord], window: Any, qloop: Any) -> None:
    _select(window, story["b"])
    actions = {a.text().replace("&", ""): a for a in window.library.story_actions}
    assert set(actions) == {
        "Family and chain…",
        "Extend chain",
        "Compare (2–4)…",
        "Join into one video…",
        "Variations…",
        "Open its group…",
    }
    actions["Family and chain…"].trigger()
    dialog = next(w for w in window.library.findChildren(FamilyDialog))
    assert dialog.tree.topLevelItemCount() == 1
    root = dialog.tree.topLevelItem(0)
    assert root.text(0).startswith("clip a") or "clip a" in root.text(0)
    assert sorted(root.child(i).text(1) for i in range(root.childCount())) == [
        "continues",
        "variation",
        "variation",
    ]
    assert [dialog.chain_list.item(i).text() for i in range(3)] == ["1. clip a", "2. clip b", "3. clip c"]
    assert dialog.join_button.isEnabled() and dialog.compare_button.isEnabled()
    panel = window.generate_panel

    async def go() -> None:
        dialog.extend_button.click()
        await until(lambda: panel.parent_id == story["c"].id, what="the chain's last frame in the form")

    run(qloop, go())
    assert panel.parent_label.isVisibleTo(panel)


def _length(path: str) -> float:
    with av.open(path) as container:
        stream = container.streams.video[0]
        return float(stream.duration * stream.time_base)


def test_join_a_selection_into_the_library_and_cancel_one(
    story: dict[str, TaskRecord], window: Any, qloop: Any
) -> None:
    _select(window, story["c"], story["a"], story["b"])
    window.library.story_actions[3].trigger()
    dialog = next(w for w in window.library.findChildren(JoinDialog))
    assert [r.id for r in dialog.ordered()] == [story[n].id for n in "abc"]  # oldest first
    library = window.services.paths.library

    async def cancelled() -> None:
        task = dialog.start()
        assert task is not None
        dialog.cancel()
        await task

    run(qloop, cancelled())
    assert dialog.status.text() == "Cancelled; nothing was written."
    assert not [p for p in library.rglob("*") if "join" in p.name]
    assert len(window.engine.tasks) == 5

    async def joined() -> None:
        task = dialog.start()
        assert task is not None
        await task
        await until(lambda: len(window.engine.tasks) == 6, what="the joined video in the library")

    run(qloop, joined())
    assert dialog.made is not None and dialog.progress.value() == 1000
    made = window.engine.tasks[dialog.made.id]
    assert made.video_path and _length(made.video_path) == pytest.approx(3.0, abs=0.05)
    sidecar = read_sidecar(Path(made.video_path))
    assert sidecar is not None and [p["id"] for p in sidecar["parts"]] == [story[n].id for n in "abc"]
    dialog.close()


@pytest.mark.skipif(not MULTIMEDIA, reason="QtMultimedia is not available")
def test_compare_a_selection(story: dict[str, TaskRecord], window: Any, qloop: Any) -> None:
    _select(window, story["a"])
    assert window.library.story_actions[2].trigger() is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, CompareView)]
    _select(window, story["a"], story["v"])
    window.library.story_actions[2].trigger()
    views = [
        w
        for w in __import__("PySide6.QtWidgets").QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, CompareView)
    ]
    assert len(views) == 1 and len(views[0].players) == 2
    views[0].close()


def test_variations_are_made_as_one_group_of_the_task(
    story: dict[str, TaskRecord], window: Any, qloop: Any
) -> None:
    _select(window, story["a"])
    window.library.story_actions[4].trigger()
    dialog = next(w for w in window.library.findChildren(VariationsDialog))
    assert dialog.targets() == [(story["a"].connection, "preview")]
    dialog.count.setValue(3)
    assert dialog.summary.text() == "3 tasks will be made, as one group."

    async def go() -> None:
        task = dialog.make()
        assert task is not None
        await task

    run(qloop, go())
    takes = [r for r in window.engine.tasks.values() if r.id not in {t.id for t in story.values()}]
    assert len(takes) == 3 and dialog.failures == []
    assert {(r.parent_id, r.relation) for r in takes} == {(story["a"].id, "variation")}
    assert len({r.batch_id for r in takes}) == 1 and takes[0].batch_id
    assert len({r.request.seed for r in takes}) == 3
    for take in takes:
        run(qloop, window.engine.cancel(take.id))


@pytest.mark.skipif(not MULTIMEDIA, reason="QtMultimedia is not available")
def test_a_group_plays_as_a_grid_and_keeps_the_chosen(story: dict[str, TaskRecord], window: Any) -> None:
    model = window.library_model
    _select(window, story["v"])
    window.library.story_actions[5].trigger()
    grids = [w for w in QApplication.topLevelWidgets() if isinstance(w, CompareView) and w.keep_boxes]
    assert len(grids) == 1 and len(grids[0].players) == 2
    shown = model.rowCount()
    grids[0].keep_boxes[0].setChecked(True)
    grids[0].compare_button.click()  # one checked: nothing to compare
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, CompareView)]) == 1
    grids[0].keep_boxes[1].setChecked(True)
    grids[0].compare_button.click()
    compares = [w for w in QApplication.topLevelWidgets() if isinstance(w, CompareView) and not w.keep_boxes]
    assert len(compares) == 1 and compares[0].sources == grids[0].sources
    compares[0].close()
    grids[0].keep_boxes[1].setChecked(False)
    grids[0].keep_button.click()
    assert model.rowCount() == shown - 1
    ids = {model.record_at(row).id for row in range(model.rowCount())}
    assert story["v"].id in ids and story["w"].id not in ids
