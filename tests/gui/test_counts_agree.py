"""Progress a creator can read: the footer's counts agree with the rows (a task waiting its turn
is counted as queued, not running)."""

from __future__ import annotations

from typing import Any

from core.config.connections import LOCAL_CONNECTION
from core.tasks.request import GenerationRequest
from gui.models.task_model import COL_STATE
from tests.gui.conftest import run, until


def test_rows_and_footer_agree(window: Any, qloop: Any) -> None:
    async def go() -> None:
        for n in range(2):
            request = GenerationRequest(
                model="preview", prompt=f"harbour {n}", duration=15, resolution="1080p"
            )
            await window.engine.create(LOCAL_CONNECTION, request)

        def states() -> list[str]:
            model = window.task_model
            return [str(model.index(row, COL_STATE).data()) for row in range(model.rowCount())]

        await until(lambda: "Waiting its turn" in states(), timeout=60, what="a task waiting its turn")
        window._show_counts()
        waiting = states().count("Waiting its turn")
        text = window.counts.text()
        assert f"{waiting} queued" in text, (states(), text)
        assert f"{2 - waiting} running" in text, (states(), text)
        for record in list(window.engine.tasks.values()):
            await window.engine.cancel(record.id)

    run(qloop, go(), timeout=120)
