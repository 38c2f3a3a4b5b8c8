"""The generate form: connection → model → inputs and settings the model takes → Generate.

The form is built from the model's catalog entry; the request is validated on every change with
the same ``validate_request`` the engine uses, so Generate is only enabled for a request the
engine will accept.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.config.connections import LOCAL_CONNECTION
from core.errors import InvalidInput
from core.pricing import estimate
from core.providers import get_provider
from core.providers.base import Provider
from core.providers.catalog import SEED_MAX, ModelSpec, validate_request
from core.tasks.request import MODE_FIRST_LAST, MODE_IMAGE, MODE_REFERENCE, GenerationRequest
from gui.models.task_rows import free
from gui.texts import connection_label, explain_invalid, mode_name, model_label, money
from gui.theme import SPACING
from gui.thumbnails import Thumbnails
from gui.views.model_form import ModelForm
from gui.widgets.image_slot import ImageSlot

if TYPE_CHECKING:
    from core.tasks.engine import Engine

MAX_COUNT = 20
DRAFT_KEY, COPIES_KEY = "generate/draft", "generate/copies"


def load_provider(dialect: str) -> Provider | None:
    """The dialect's provider, or None when this build lacks it."""
    try:
        return get_provider(dialect)
    except (ImportError, ValueError):
        return None


def save_draft(ui_state: QSettings, connection: str, request: GenerationRequest) -> None:
    """The form as it is (connection, model, inputs, prompts, every option), for the next start."""
    ui_state.setValue(DRAFT_KEY, json.dumps({"connection": connection, "request": request.to_dict()}))


def load_draft(ui_state: QSettings) -> tuple[str, GenerationRequest] | None:
    """The form as it was left; inputs whose file is gone are left out."""
    try:
        data = json.loads(str(ui_state.value(DRAFT_KEY, "") or ""))
        request = GenerationRequest.from_dict(data["request"])
        connection = str(data["connection"])
    except (ValueError, KeyError, TypeError):
        return None

    def there(source: str | None) -> bool:
        return bool(source) and (
            str(source).startswith(("http://", "https://", "data:")) or Path(str(source)).is_file()
        )

    request.image = request.image if there(request.image) else None
    request.last_image = request.last_image if there(request.last_image) else None
    request.ref_images = [r for r in request.ref_images if there(r)]
    return connection, request


class GeneratePanel(QWidget):
    generate_requested = Signal(str, list, object)  # connection, [GenerationRequest], parent task id
    batch_requested = Signal()

    def __init__(
        self,
        engine: Engine,
        thumbnails: Thumbnails,
        paste_dir: Path,
        ui_state: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.ui_state = ui_state
        self.parent_id: str | None = None
        self.relation: str | None = None  # how a task from this form comes from parent_id
        self.spec = ModelSpec(id="")
        self.provider: Provider | None = None
        self._rebuilding = False
        self._setting_first_frame = False
        self._keep_draft = False  # the form is written to the UI state at each change once restored
        self.problem = ""
        self._build(thumbnails, paste_dir)
        draft = load_draft(ui_state)  # (read first: filling the pickers writes the form's state)
        self.refresh_connections()
        if draft is not None:
            self.apply_request(*draft)
        copies = str(ui_state.value(COPIES_KEY, 1))
        self.count.setValue(int(copies) if copies.isdigit() else 1)
        self.count.valueChanged.connect(lambda n: self.ui_state.setValue(COPIES_KEY, n))
        self._keep_draft = True

    # -- layout ----------------------------------------------------------------------------------
    def _build(self, thumbnails: Thumbnails, paste_dir: Path) -> None:
        self.connection_combo = QComboBox(self)
        self.connection_combo.setAccessibleName(self.tr("Connection"))
        self.model_combo = QComboBox(self)
        self.model_combo.setAccessibleName(self.tr("Model"))
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for picker in (self.connection_combo, self.model_combo):
            picker.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            picker.setMinimumContentsLength(16)
        self.mode_label = QLabel(self)
        self.mode_label.setAccessibleName(self.tr("Generation mode"))
        self.first_slot = ImageSlot(self.tr("First frame"), thumbnails, paste_dir, parent=self)
        self.last_slot = ImageSlot(self.tr("Last frame"), thumbnails, paste_dir, parent=self)
        self.ref_slot = ImageSlot(
            self.tr("Reference images"), thumbnails, paste_dir, max_count=4, parent=self
        )
        self.prompt = QPlainTextEdit(self)
        self.prompt.setAccessibleName(self.tr("Prompt"))
        self.prompt.setPlaceholderText(self.tr("Describe the video: subject, action, camera, mood…"))
        self.prompt.setTabChangesFocus(True)
        self.prompt.setFixedHeight(96)
        self.prompt_counter = QLabel(self)
        self.negative = QPlainTextEdit(self)
        self.negative.setAccessibleName(self.tr("Negative prompt"))
        self.negative.setPlaceholderText(self.tr("What the video should not show"))
        self.negative.setTabChangesFocus(True)
        self.negative.setFixedHeight(52)
        self.negative_counter = QLabel(self)
        self.form = ModelForm(self)
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_COUNT)
        self.count.setMaximumWidth(110)
        self.count.setAccessibleName(self.tr("Number of videos"))
        self.count.setToolTip(self.tr("Make several videos from the same settings, each with its own seed"))
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setProperty("tone", "error")
        self.problem_label.setAccessibleName(self.tr("What is missing"))
        self.parent_label = QLabel(self)
        self.parent_label.setProperty("tone", "muted")
        self.generate_button = QPushButton(self.tr("&Generate"), self)
        self.generate_button.setDefault(True)
        self.generate_button.setMinimumHeight(34)
        self.generate_button.setToolTip(self.tr("Generate (Ctrl+Enter)"))
        for key in ("Ctrl+Return", "Ctrl+Enter"):  # from the prompt or any field of the form
            generate_key = QShortcut(QKeySequence(key), self)
            generate_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            generate_key.activated.connect(self.generate_button.click)  # nothing while it is disabled
        self.cost_label = QLabel(self)  # the estimate beside Generate, for every copy
        self.cost_label.setAccessibleName(self.tr("Estimated cost"))
        self.cost_label.setWordWrap(True)  # "price unknown — set it in Settings" takes two lines
        self.batch_button = QPushButton(self.tr("&Batch…"), self)
        self.batch_button.setToolTip(
            self.tr("Queue one task per image in a folder, or per line of a CSV file")
        )

        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row(top, self.tr("C&onnection:"), self.connection_combo)
        self._row(top, self.tr("&Model:"), self.model_combo)
        top.addRow("", self.mode_label)
        prompts = QFormLayout()
        prompts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._row(prompts, self.tr("&Prompt:"), self._with_counter(self.prompt, self.prompt_counter))
        self._negative_label = self._row(
            prompts, self.tr("&Negative:"), self._with_counter(self.negative, self.negative_counter)
        )
        bottom = QFormLayout()
        self._row(bottom, self.tr("&Copies:"), self.count)
        self._forms = [top, prompts, bottom, self.form.layout_]
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)  # the estimate keeps clear of both buttons
        buttons.addWidget(self.generate_button, 1)
        buttons.addWidget(self.cost_label)
        buttons.addWidget(self.batch_button)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        for slot in (self.first_slot, self.last_slot, self.ref_slot):
            layout.addWidget(slot)
        layout.addLayout(prompts)
        layout.addWidget(self.form)
        layout.addLayout(bottom)
        layout.addStretch(1)
        self.scroll_area = QScrollArea(self)  # a long form scrolls; Generate stays in view below it
        self.scroll_area.setWidget(body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no Tab stop: it follows the focus
        footer = QVBoxLayout()
        footer.setContentsMargins(9, 4, 9, 9)
        footer.addWidget(self.problem_label)
        footer.addWidget(self.parent_label)
        footer.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(footer)

        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.model_combo.editTextChanged.connect(self._model_text_edited)
        for widget in (self.prompt, self.negative):
            widget.textChanged.connect(self._changed)
        self.form.changed.connect(self._changed)
        self.first_slot.changed.connect(self._first_frame_changed)
        self.last_slot.changed.connect(self._changed)
        self.ref_slot.changed.connect(self._changed)
        self.count.valueChanged.connect(self._show_cost)
        for slot in (self.first_slot, self.last_slot, self.ref_slot):
            slot.checked.connect(self._changed)
        self.generate_button.clicked.connect(self.generate)
        self.batch_button.clicked.connect(self.batch_requested)

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> QLabel:
        label = QLabel(text, self)
        editor = field.findChild(QPlainTextEdit) if type(field) is QWidget else None
        label.setBuddy(editor or field)
        form.addRow(label, field)
        return label

    def _align_labels(self) -> None:
        """One label column for the separate form blocks, so their fields line up."""
        labels: list[QLabel] = []
        for form in self._forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if isinstance(label, QLabel):
                    labels.append(label)
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    def _with_counter(self, edit: QPlainTextEdit, counter: QLabel) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(edit)
        counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        column.addWidget(counter)
        return box

    # -- connections and models ------------------------------------------------------------------
    def refresh_connections(self) -> None:
        """Fill the connection picker (after start-up or a settings change)."""
        current = self.connection_name() or str(self.ui_state.value("generate/connection", LOCAL_CONNECTION))
        combo = self.connection_combo
        combo.blockSignals(True)
        combo.clear()
        names = [LOCAL_CONNECTION, *sorted(n for n in self.engine.connections if n != LOCAL_CONNECTION)]
        for name in names:
            connection = self.engine.connections.get(name)
            if connection is None:
                continue
            provider = load_provider(connection.dialect)
            combo.addItem(connection_label(name), name)
            row = combo.count() - 1
            if provider is None:
                combo.model().item(row).setEnabled(False)  # type: ignore[attr-defined]
                combo.setItemData(
                    row,
                    self.tr("This version of ClipDesk cannot talk to “%1” yet").replace(
                        "%1", connection.dialect
                    ),
                    Qt.ItemDataRole.ToolTipRole,
                )
            else:
                combo.setItemData(row, provider.label, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current)
        if index < 0 or not combo.model().item(index).isEnabled():  # type: ignore[attr-defined]
            index = combo.findData(LOCAL_CONNECTION)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        self._connection_changed()

    def select_connection(self, name: str) -> None:
        index = self.connection_combo.findData(name)
        if index >= 0 and self.connection_combo.model().item(index).isEnabled():  # type: ignore[attr-defined]
            self.connection_combo.setCurrentIndex(index)

    def connection_name(self) -> str:
        return str(self.connection_combo.currentData() or "")

    def _connection_changed(self, *_args: object) -> None:
        connection = self.engine.connections.get(self.connection_name())
        self.provider = load_provider(connection.dialect) if connection else None
        combo = self.model_combo
        previous = self.model_id() or str(self.ui_state.value("generate/model", ""))
        combo.blockSignals(True)
        combo.clear()
        if self.provider is not None:
            combo.setEditable(self.provider.needs_base_url)
            for spec in self.provider.catalog.models:
                combo.addItem(model_label(self.provider.dialect, spec), spec.id)
                combo.setItemData(combo.count() - 1, spec.id, Qt.ItemDataRole.ToolTipRole)
            editor = combo.lineEdit() if combo.isEditable() else None
            if editor is not None:
                editor.setPlaceholderText(self.tr("Model id, e.g. as the gateway lists it"))
        index = combo.findData(previous)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif combo.isEditable() and previous and combo.count() == 0:
            combo.setEditText(previous)
        else:
            combo.setCurrentIndex(0 if combo.count() else -1)
        combo.blockSignals(False)
        if self.connection_name():
            self.ui_state.setValue("generate/connection", self.connection_name())
        self._model_changed()

    def model_id(self) -> str:
        combo = self.model_combo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchExactly) if text else combo.currentIndex()
        if index >= 0:
            return str(combo.itemData(index) or combo.itemText(index))
        return text

    def _model_text_edited(self, _text: str) -> None:
        if self.model_combo.findText(self.model_combo.currentText()) < 0:
            self._model_changed()

    def _model_changed(self, *_args: object) -> None:
        model = self.model_id()
        self.spec = self.provider.catalog.spec(model) if self.provider and model else ModelSpec(id="")
        self._rebuilding = True
        try:
            spec = self.spec
            limits = self.provider.image_limits if self.provider else None
            for slot in (self.first_slot, self.last_slot, self.ref_slot):
                if limits is not None:
                    slot.set_limits(limits)
            self.first_slot.setVisible(MODE_IMAGE in spec.modes or MODE_FIRST_LAST in spec.modes)
            self.last_slot.setVisible(MODE_FIRST_LAST in spec.modes)
            self.ref_slot.setVisible(MODE_REFERENCE in spec.modes)
            self.ref_slot.set_max_count(spec.max_ref_images)
            takes_negative = "negative_prompt" in spec.fields or not spec.known
            self.negative.setVisible(takes_negative)
            self.negative_counter.setVisible(takes_negative)
            self._negative_label.setVisible(takes_negative)
            self.form.set_spec(spec)
            self._align_labels()
        finally:
            self._rebuilding = False
        if model:
            self.ui_state.setValue("generate/model", model)
        self._changed()

    # -- the request -----------------------------------------------------------------------------
    def build_request(self) -> GenerationRequest:
        values = self.form.values()
        first = (
            self.first_slot.sources[0]
            if self.first_slot.isVisibleTo(self) and self.first_slot.sources
            else None
        )
        last = (
            self.last_slot.sources[0] if self.last_slot.isVisibleTo(self) and self.last_slot.sources else None
        )
        refs = list(self.ref_slot.sources) if self.ref_slot.isVisibleTo(self) else []
        negative = self.negative.toPlainText() if self.negative.isVisibleTo(self) else ""
        return GenerationRequest(
            model=self.model_id(),
            prompt=self.prompt.toPlainText(),
            negative_prompt=negative.strip(),
            image=first,
            last_image=last,
            ref_images=refs,
            duration=values["duration"],
            resolution=values["resolution"],
            seed=values["seed"],
            params=values["params"],
        )

    def validate(self, request: GenerationRequest) -> str:
        """'' when the engine will accept ``request``, else what to fix (in the interface language)."""
        if self.provider is None:
            return self.tr("Choose a connection this version of ClipDesk supports.")
        connection = self.engine.connections.get(self.connection_name())
        if connection is not None and self.provider.needs_base_url and not connection.base_url:
            return self.tr("This connection has no base URL: set it in Settings → Connections.")
        try:
            validate_request(self.spec, request)
        except InvalidInput as exc:
            return explain_invalid(exc, self.spec, request)
        for slot in (self.first_slot, self.last_slot, self.ref_slot):
            if slot.isVisibleTo(self) and slot.problem():  # (said beside the image too)
                return (
                    self.tr("%1 cannot be used: %2").replace("%1", slot.title).replace("%2", slot.problem())
                )
        return ""

    def _changed(self, *_args: object) -> None:
        if self._rebuilding:
            return
        request = self.build_request()
        self.form.update_blocked(request)
        self._count(self.prompt, self.prompt_counter, self.spec.prompt_max)
        self._count(self.negative, self.negative_counter, self.spec.negative_prompt_max)
        self.mode_label.setText(self._mode_line(request))
        self.problem = self.validate(request)
        self.problem_label.setText(self.problem)
        self.problem_label.setVisible(bool(self.problem))
        self.generate_button.setEnabled(not self.problem)
        self._show_cost()
        if self._keep_draft:
            save_draft(self.ui_state, self.connection_name(), request)
        self.parent_label.setVisible(self.parent_id is not None)
        if self.parent_id and self.relation == "reuse":
            self.parent_label.setText(self.tr("Settings of task %1").replace("%1", self.parent_id[:8]))
        elif self.parent_id:
            self.parent_label.setText(self.tr("Continues task %1").replace("%1", self.parent_id[:8]))

    def _show_cost(self, *_args: object) -> None:
        """The estimate for every copy (core/pricing.py), and how it was reckoned in the tooltip."""
        connection = self.engine.connections.get(self.connection_name())
        if connection is None or self.provider is None:
            self.cost_label.clear()
            return
        copies = self.count.value()
        cost = estimate(connection.dialect, self.spec, self.build_request(), connection.prices)
        basis = cost.times(copies).basis if copies > 1 else cost.basis
        if cost.amount is None:
            self.cost_label.setText(self.tr("Price unknown — set it in Settings"))
        elif cost.amount == 0:
            self.cost_label.setText(free())  # the offline preview
        elif cost.status == "vendor":  # a gateway's model at its maker's list price
            self.cost_label.setText(
                self.tr("≈ %1 (list price)").replace("%1", money(cost.amount * copies, cost.currency))
            )
            note = self.tr(
                "The vendor's list price; gateways resell at their own rates — set yours in Settings."
            )
            basis = f"{note}\n{basis}"
        else:
            self.cost_label.setText(self.tr("≈ %1").replace("%1", money(cost.amount * copies, cost.currency)))
        self.cost_label.setToolTip(basis)

    def _mode_line(self, request: GenerationRequest) -> str:
        """The mode the model makes: the request's, or (until its inputs are there) the model's own
        with what it still needs ("Mode: Image to video — add a first frame")."""
        modes = self.spec.modes
        if request.mode in modes or not self.spec.known or not modes:
            return self.tr("Mode: %1").replace("%1", mode_name(request.mode))
        needs = {
            MODE_IMAGE: self.tr("add a first frame"),
            MODE_FIRST_LAST: self.tr("add a first and a last frame"),
            MODE_REFERENCE: self.tr("add reference images"),
        }
        text = self.tr("Mode: %1 — %2").replace("%1", mode_name(modes[0]))
        return text.replace("%2", needs.get(modes[0], self.tr("write a prompt")))

    @staticmethod
    def _count(edit: QPlainTextEdit, counter: QLabel, limit: int) -> None:
        used = len(edit.toPlainText())
        counter.setText(f"{used} / {limit}")
        tone = "error" if used > limit else "muted"
        if counter.property("tone") != tone:
            counter.setProperty("tone", tone)
            counter.style().unpolish(counter)
            counter.style().polish(counter)

    def _first_frame_changed(self) -> None:
        if not self._setting_first_frame:
            self.parent_id = None
        self._changed()

    def requests(self) -> list[GenerationRequest]:
        """The request, repeated for each copy; copies get distinct seeds where the model takes one."""
        return self.copies_of(self.build_request(), self.count.value())

    def copies_of(self, base: GenerationRequest, copies: int) -> list[GenerationRequest]:
        if copies == 1:
            return [base]
        takes_seed = "seed" in self.spec.fields or not self.spec.known
        result = []
        for n in range(copies):
            request = GenerationRequest.from_dict(base.to_dict())
            if takes_seed:
                seed = base.seed
                request.seed = (seed + n) % (SEED_MAX + 1) if seed is not None else random.randrange(SEED_MAX)
            result.append(request)
        return result

    def generate(self) -> None:
        self._changed()
        if self.problem:
            return
        self.generate_requested.emit(self.connection_name(), self.requests(), self.parent_id)

    # -- filled from elsewhere -------------------------------------------------------------------
    def apply_request(
        self, connection: str, request: GenerationRequest, parent_id: str | None = None
    ) -> None:
        """Reuse a task's settings: connection, model, inputs, prompts and options; a task made
        from them is linked to ``parent_id`` as ``reuse``."""
        index = self.connection_combo.findData(connection)
        if index >= 0:
            self.connection_combo.setCurrentIndex(index)
        combo = self.model_combo
        model_index = combo.findData(request.model)
        if model_index >= 0:
            combo.setCurrentIndex(model_index)
        elif combo.isEditable():
            combo.setEditText(request.model)
        self._model_changed()
        self._rebuilding = True
        try:
            self.first_slot.set_sources([request.image] if request.image else [])
            self.last_slot.set_sources([request.last_image] if request.last_image else [])
            self.ref_slot.set_sources(request.ref_images)
            self.prompt.setPlainText(request.prompt)
            self.negative.setPlainText(request.negative_prompt)
            self.form.set_values(request)
        finally:
            self._rebuilding = False
        self.parent_id, self.relation = parent_id, "reuse" if parent_id else None
        self._changed()

    def set_first_frame(self, path: str, parent_id: str | None, prompt: str | None = None) -> None:
        """Start a new task from an image (e.g. a finished video's last frame), linked to its parent;
        ``prompt`` (the parent's) fills the prompt box, to be edited into what happens next."""
        if prompt is not None:
            self.prompt.setPlainText(prompt)
        self._setting_first_frame = True
        try:
            self.first_slot.set_sources([path])
        finally:
            self._setting_first_frame = False
        self.parent_id, self.relation = parent_id, "continues" if parent_id else None
        if not self.first_slot.isVisibleTo(self):
            self._select_model_with_image()
        self._changed()

    def _select_model_with_image(self) -> None:
        if self.provider is None:
            return
        for spec in self.provider.catalog.models:
            if MODE_IMAGE in spec.modes:
                self.model_combo.setCurrentIndex(self.model_combo.findData(spec.id))
                return
