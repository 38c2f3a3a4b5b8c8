"""Screenshots of the main regions, for a look: run by tests/gui/test_screenshots.py on an Xvfb
display, once per language and theme (``python -m tests.gui.shots OUT LANGUAGE MODE``).

It opens the real services in ``CLIPDESK_HOME``, fills the queue and the library with offline
previews (some finished, some running), then saves ``OUT/<region>.png`` as the screen shows them:
the window, the composer, the queue while tasks run, the library grid, a group of copies opened
(with the details pane), the player full screen and the settings. ``OUT/report.json`` says what
it measured (the player's share of the window).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget


async def settle(seconds: float = 0.6) -> None:
    """Let Qt paint what changed (and the X server show it).

    Only by waiting: the qasync loop runs Qt's events between callbacks. Calling
    ``QApplication.processEvents()`` from a coroutine re-enters qasync's timer dispatch, and
    asyncio callbacks scheduled meanwhile can be lost: tasks that never wake again, and a close
    that waits for them for ever."""
    await asyncio.sleep(seconds)


async def until(test: object, timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not test():  # type: ignore[operator]
        if loop.time() > end:
            raise TimeoutError("not there in time")
        await asyncio.sleep(0.1)


def shoot(widget: QWidget, target: Path) -> None:
    """What the screen shows where ``widget`` is (the video too, which a widget grab misses)."""
    screen = widget.screen()
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    area = QRect(top_left, widget.size()).intersected(screen.geometry())
    pixmap = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
    if not pixmap.save(str(target)):
        raise RuntimeError(f"could not save {target}")


async def run(out: Path) -> None:
    from core.config.connections import LOCAL_CONNECTION
    from core.tasks.journal import TaskState
    from core.tasks.request import GenerationRequest
    from gui.main_window import MainWindow
    from gui.services import close_services, open_services

    services = await open_services()
    window = MainWindow(services)
    try:
        window.setGeometry(window.screen().availableGeometry())
        window.show()
        await services.engine.resume_all()
        prompts = [
            "A red fox runs through fresh snow at dawn, low tracking shot",
            "城市夜景，霓虹灯下的雨中街道，慢镜头推进",
            "Paper boats drifting on a calm lake, soft morning light",
        ]
        for n, prompt in enumerate(prompts):
            request = GenerationRequest(model="preview", prompt=prompt, duration=1, resolution="360p", seed=n)
            await services.engine.create(LOCAL_CONNECTION, request)

        copies = GenerationRequest(
            model="preview", prompt="A lighthouse in a storm, waves breaking", duration=1, resolution="360p"
        )
        for n in range(3):  # copies of one prompt: one tile in the library, opened below
            request = dataclasses.replace(copies, seed=20 + n)
            await services.engine.create(LOCAL_CONNECTION, request, batch_id="copies")

        def finished() -> int:
            return sum(r.state is TaskState.SUCCEEDED for r in services.engine.tasks.values())

        await until(lambda: finished() == len(prompts) + 3, 120)
        for n in range(2):  # long ones: running while the queue is shot
            request = GenerationRequest(
                model="preview",
                prompt=f"A slow dolly along a harbour at dusk, take {n + 1}",
                duration=15,
                resolution="1080p",
                seed=10 + n,
            )
            await services.engine.create(LOCAL_CONNECTION, request)
        window.generate_panel.prompt.setPlainText(
            "A hummingbird hovering over a red flower, macro, slow motion"
        )
        await settle(1.5)
        shoot(window, out / "window.png")
        shoot(window.generate_panel, out / "composer.png")
        window.tabs.setCurrentIndex(0)
        await settle()
        shoot(window.tabs, out / "queue.png")
        window.tabs.setCurrentIndex(1)
        await settle(1.0)
        shoot(window.tabs, out / "library.png")
        library = window.library
        tile = library.view.visualRect(library.model.index(1, 0))
        library.view._hover(QPoint(tile.left() + tile.width() * 2 // 3, tile.top() + 20))  # a tile scrubbed
        await settle(2.0)
        shoot(library.view, out / "library-scrub.png")
        library.view._hover(QPoint(-1, -1))
        group = next(r for r in range(library.model.rowCount()) if len(library.model.members_at(r)) > 1)
        library.details_button.setChecked(True)
        library.open_group(group)
        library.view.setCurrentIndex(library.model.index(0, 0))
        await settle(1.0)
        shoot(window.tabs, out / "library-group.png")
        library.close_group()
        library.details_button.setChecked(False)
        video = next(r.video_path for r in services.engine.tasks.values() if r.state is TaskState.SUCCEEDED)
        window.play(str(video))
        await settle(1.0)
        shoot(window.player, out / "player.png")
        share = window.player.width() * window.player.height() / (window.width() * window.height())
        dialog = window.open_settings()
        await settle()
        shoot(dialog, out / "settings-connections.png")
        dialog.findChild(type(window.tabs)).setCurrentIndex(1)  # type: ignore[union-attr]
        await settle()
        shoot(dialog, out / "settings-general.png")
        dialog.reject()
        await settle()
        window.player.enter_fullscreen()
        await settle(1.0)
        shoot(window.player, out / "player-fullscreen.png")
        window.player.leave_fullscreen()
        await settle()
        (out / "report.json").write_text(json.dumps({"player_share": share}))
    finally:
        window.close()
        await close_services(services)


def main() -> int:
    out, language, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    from gui.i18n import install_translators
    from gui.loop import new_loop
    from gui.theme import apply_theme, load_bundled_fonts

    translators = install_translators(app, language)
    load_bundled_fonts(app, chinese_ui=language.startswith("zh"))  # as the app does
    apply_theme(app, mode)
    with asyncio.Runner(loop_factory=new_loop) as runner:
        runner.run(run(out))
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
