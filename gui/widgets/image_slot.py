"""An image input of the generate form: first frame, last frame or reference images.

Takes files dropped from a file manager, an image or its URL dragged from a browser, a paste from
the clipboard, or a file dialog. Shows a thumbnail, the size, and a warning when ClipDesk will
shrink or flatten the picture to the provider's limits before sending it.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput
from core.media.frames import is_image
from core.media.images import ImageLimits, check_limits, inspect_image, will_downscale
from gui.spawn import spawn
from gui.texts import fmt_bytes
from gui.thumbnails import Thumbnails

THUMB = QSize(96, 54)


def _is_web(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class ImageSlot(QFrame):
    changed = Signal()
    checked = Signal()  # an image's check finished: :meth:`problem` may have changed

    def __init__(
        self,
        title: str,
        thumbnails: Thumbnails,
        paste_dir: Path,
        *,
        max_count: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.thumbnails = thumbnails
        self.paste_dir = paste_dir
        self.max_count = max_count
        self.limits = ImageLimits()
        self.sources: list[str] = []
        self._notes: dict[str, str] = {}
        self._problems: dict[str, str] = {}  # source -> why no model of this provider can take it
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(title)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("imageSlot")

        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._build()
        self._refresh()
        thumbnails.ready.connect(self._on_thumbnail)

    def _build(self) -> None:
        self.heading = QLabel(f"<b>{self.title}</b>", self)
        self.thumbs_row = QHBoxLayout()
        self.thumbs_row.setSpacing(4)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("tone", "muted")
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setProperty("tone", "warning")
        self.problem_label = QLabel(self)  # beside the image: what blocks Generate, and whose check it is
        self.problem_label.setWordWrap(True)
        self.problem_label.setProperty("tone", "error")
        self.problem_label.hide()
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose an image for %1").replace("%1", self.title))
        self.paste_button = QPushButton(self.tr("Paste"), self)
        self.paste_button.setAccessibleName(self.tr("Paste an image into %1").replace("%1", self.title))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setAccessibleName(self.tr("Clear %1").replace("%1", self.title))
        self.choose_button.clicked.connect(self.choose)
        self.paste_button.clicked.connect(self.paste)
        self.clear_button.clicked.connect(self.clear)
        paste_key = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste_key.activated.connect(self.paste)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.hint)
        text.addWidget(self.info)
        text.addWidget(self.warning)
        text.addWidget(self.problem_label)
        text.addLayout(buttons)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.addLayout(self.thumbs_row)
        row.addLayout(text, 1)

    # -- public ----------------------------------------------------------------------------------
    def set_limits(self, limits: ImageLimits) -> None:
        self.limits = limits
        self._notes.clear()
        self._problems.clear()
        self._refresh()

    def set_max_count(self, count: int) -> None:
        self.max_count = max(1, count)
        if len(self.sources) > self.max_count:
            self.sources = self.sources[: self.max_count]
            self.changed.emit()
        self._refresh()

    def set_sources(self, sources: list[str]) -> None:
        self.sources = list(sources)[: self.max_count]
        self._refresh()
        self.changed.emit()

    def add_sources(self, sources: list[str]) -> int:
        """Add what fits; returns how many were taken."""
        taken = 0
        for source in sources:
            if not source or source in self.sources:
                continue
            if self.max_count == 1:
                self.sources = [source]
            elif len(self.sources) < self.max_count:
                self.sources.append(source)
            else:
                break
            taken += 1
        if taken:
            self._refresh()
            self.changed.emit()
        return taken

    def clear(self) -> None:
        if self.sources:
            self.sources = []
            self._refresh()
            self.changed.emit()

    def choose(self) -> None:
        pattern = self.tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)")
        if self.max_count > 1:
            files, _ = QFileDialog.getOpenFileNames(self, self.title, "", pattern)
        else:
            file, _ = QFileDialog.getOpenFileName(self, self.title, "", pattern)
            files = [file] if file else []
        self.add_sources(files)

    def paste(self) -> None:
        self.take_mime(QGuiApplication.clipboard().mimeData())

    # -- drag and drop / clipboard ---------------------------------------------------------------
    def sources_from(self, mime: QMimeData | None) -> list[str]:
        """Local image files and web URLs in ``mime``, or its image data saved to a file."""
        if mime is None:
            return []
        found: list[str] = []
        for url in mime.urls():
            if url.isLocalFile() and is_image(url.toLocalFile()):
                found.append(url.toLocalFile())
            elif url.scheme() in ("http", "https"):
                found.append(url.toString())
        if not found and mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QImage) and not image.isNull():
                found.append(self._save_pasted(image))
        if not found and mime.hasText():
            for line in mime.text().splitlines():
                line = line.strip()
                if _is_web(line) or (line and is_image(line) and Path(line).is_file()):
                    found.append(line)
                elif line.startswith("file://") and is_image(QUrl(line).toLocalFile()):
                    found.append(QUrl(line).toLocalFile())
        return found

    def take_mime(self, mime: QMimeData | None) -> int:
        return self.add_sources(self.sources_from(mime))

    def _save_pasted(self, image: QImage) -> str:
        self.paste_dir.mkdir(parents=True, exist_ok=True)
        target = self.paste_dir / f"pasted-{uuid.uuid4().hex[:12]}.png"
        image.save(str(target))  # the format follows the .png suffix
        return str(target)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        usable = any(
            (u.isLocalFile() and is_image(u.toLocalFile())) or u.scheme() in ("http", "https")
            for u in mime.urls()
        )
        if usable or mime.hasImage() or (mime.hasText() and _is_web(mime.text().strip())):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.take_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- display ---------------------------------------------------------------------------------
    def _refresh(self) -> None:
        while self.thumbs_row.count():
            item = self.thumbs_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        shown = self.sources or [""]
        for source in shown[:4]:
            label = QLabel(self)
            label.setFixedSize(THUMB)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setObjectName("slotThumb")
            self._paint_thumb(label, source)
            label.setProperty("source", source)
            self.thumbs_row.addWidget(label)
        if self.max_count > 1:
            self.hint.setText(
                self.tr("Drop, paste or choose up to %1 images (%2 added)")
                .replace("%1", str(self.max_count))
                .replace("%2", str(len(self.sources)))
            )
        else:
            self.hint.setText(self.tr("Drop an image or its web address here, paste, or choose a file"))
        self.hint.setVisible(not self.sources or self.max_count > 1)
        self.clear_button.setEnabled(bool(self.sources))
        self._show_notes()
        for source in self.sources:
            if source not in self._notes and not _is_web(source):
                spawn(self._inspect(source), name="inspect-image")

    def _paint_thumb(self, label: QLabel, source: str) -> None:
        if not source:
            label.setText("+")
            return
        if _is_web(source):
            label.setText(self.tr("web"))
            return
        pixmap = self.thumbnails.get(source)
        if pixmap is not None:
            label.setPixmap(
                pixmap.scaled(
                    THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        elif self.thumbnails.failed(source):
            label.setText("?")
        else:
            label.setText("…")

    def _on_thumbnail(self, path: str) -> None:
        for i in range(self.thumbs_row.count()):
            item = self.thumbs_row.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.property("source") == path:
                self._paint_thumb(widget, path)

    async def _inspect(self, source: str) -> None:
        self._notes[source] = ""
        self._problems.pop(source, None)
        limits = self.limits
        try:
            info = await asyncio.to_thread(inspect_image, source)
        except InvalidInput as exc:
            self._problems[source] = self.tr("Not usable: %1").replace("%1", exc.message)
        except Exception:
            self._problems[source] = self.tr("%1 cannot be read as an image").replace("%1", Path(source).name)
        else:
            parts = [f"{info.width}×{info.height}", info.format or "", fmt_bytes(info.bytes)]
            note = " · ".join(p for p in parts if p)
            warnings = []
            if will_downscale(info, limits):
                warnings.append(
                    self.tr("will be scaled down to fit the provider's limit of %1 px").replace(
                        "%1", str(limits.max_side)
                    )
                )
            try:
                check_limits(info, limits, label=Path(source).name)
            except InvalidInput as exc:
                self._problems[source] = exc.message
            else:
                if min(info.width, info.height) < limits.min_side:
                    warnings.append(
                        self.tr("will be scaled up to the provider's minimum of %1 px").replace(
                            "%1", str(limits.min_side)
                        )
                    )
            if info.has_alpha and not limits.alpha:
                warnings.append(self.tr("transparency will be filled with white"))
            self._notes[source] = note + ("\n!" + "; ".join(warnings) if warnings else "")
        self._show_notes()
        self.checked.emit()

    def _show_notes(self) -> None:
        infos, warnings = [], []
        for source in self.sources:
            name = source if _is_web(source) else Path(source).name
            note = self._notes.get(source, "")
            head, _, warn = note.partition("\n")
            if head.startswith("!"):
                warnings.append(head[1:])
                continue
            infos.append(f"{name}  {head}".strip())
            if warn:
                warnings.append(f"{name}: {warn[1:]}" if self.max_count > 1 else warn[1:])
        self.info.setText("\n".join(infos))
        self.info.setVisible(bool(infos))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
        problem = self.problem()
        self.problem_label.setText(
            self.tr("ClipDesk's check, nothing was sent: %1").replace("%1", problem) if problem else ""
        )
        self.problem_label.setVisible(bool(problem))

    def problem(self) -> str:
        """Why an image here cannot be sent to this provider at all ("" when none)."""
        return next((self._problems[s] for s in self.sources if s in self._problems), "")

    def sizeHint(self) -> QSize:
        return QSize(360, max(THUMB.height() + 16, super().sizeHint().height()))

    def has_warning(self) -> bool:
        return self.warning.isVisible() and bool(self.warning.text())
