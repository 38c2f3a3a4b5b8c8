"""The part of the generate form that a model's capabilities decide: duration, resolution, the
dialect's own fields and the seed. Built from the catalog's ModelSpec, never from dialect names.

Options the catalog's rules forbid with the rest of the request are disabled, with the rule's
reason as their tooltip (``ModelSpec.disabled_reason``).
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from core.providers.catalog import SEED_MAX, ModelSpec
from core.tasks.request import GenerationRequest
from gui.texts import param_label, param_value_label, rule_reason

RANDOM_SEED = -1


def rank(value: Any) -> float:
    """How dear a resolution or duration is, for "never a dearer one by itself" (720P < 1080p < 4K)."""
    if isinstance(value, int | float):
        return float(value)
    match = re.search(r"(\d+(?:\.\d+)?)\s*(k?)", str(value).lower())
    if match is None:
        return 0.0
    number = float(match.group(1))
    return number * 1000 if match.group(2) else number


def not_dearer(allowed: list[Any], previous: Any) -> Any:
    """The dearest of ``allowed`` that is not dearer than ``previous`` (else the cheapest)."""
    if not allowed:
        return None
    cheaper = [v for v in allowed if rank(v) <= rank(previous)]
    return max(cheaper, key=rank) if cheaper else min(allowed, key=rank)


def _parse_free(text: str) -> Any:
    """A free-text field's value: numbers and true/false as such, anything else as text."""
    text = text.strip()
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, int | float | bool) else text


class ModelForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = ModelSpec(id="")
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.duration = QComboBox(self)
        self.duration.setAccessibleName(self.tr("Duration"))
        self.resolution = QComboBox(self)
        self.resolution.setAccessibleName(self.tr("Resolution"))
        self.seed = QSpinBox(self)
        self.seed.setRange(RANDOM_SEED, SEED_MAX)
        self.seed.setSpecialValueText(self.tr("Random"))
        self.seed.setValue(RANDOM_SEED)
        self.seed.setAccessibleName(self.tr("Seed"))
        self.seed.setToolTip(self.tr("The same seed with the same settings gives a similar video"))
        self.params: dict[str, QComboBox | QLineEdit] = {}
        self._param_labels: list[QLabel] = []
        self.duration.currentIndexChanged.connect(self.changed)
        self.resolution.currentIndexChanged.connect(self.changed)
        self.resolution.editTextChanged.connect(self.changed)
        self.seed.valueChanged.connect(self.changed)
        self._add_row(self.tr("&Duration:"), self.duration)
        self._add_row(self.tr("&Resolution:"), self.resolution)
        self._seed_label = self._add_row(self.tr("S&eed:"), self.seed)

    def _add_row(self, text: str, field: QWidget, at: int = -1) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(field)
        self.layout_.insertRow(at, label, field)
        return label

    # -- building --------------------------------------------------------------------------------
    def set_spec(self, spec: ModelSpec) -> None:
        """Rebuild the choices for ``spec``, keeping the current values where they still fit."""
        before = self.values()
        self.spec = spec
        self.blockSignals(True)
        try:
            self._fill_duration(spec, before.get("duration"))
            self._fill_resolution(spec, before.get("resolution"))
            self._rebuild_params(spec, before.get("params", {}))
            show_seed = "seed" in spec.fields or not spec.known
            self.layout_.setRowVisible(self.seed, show_seed)
            # guesses no source confirms (the catalog's "unconfirmed"), beyond the dialect fields
            notes = [f"{name}: {why}" for name, why in spec.unconfirmed.items() if name not in spec.params]
            self.setToolTip("\n".join(self.tr("Unconfirmed field — %1").replace("%1", n) for n in notes))
        finally:
            self.blockSignals(False)
        self.changed.emit()

    def _fill_duration(self, spec: ModelSpec, previous: int | None) -> None:
        combo = self.duration
        combo.blockSignals(True)
        combo.clear()
        allowed = spec.allowed_durations()
        if spec.default_duration is None:
            combo.addItem(self.not_sent(), None)
        for seconds in allowed:
            text = self.tr("%1 s").replace("%1", str(seconds))
            combo.addItem(self.model_default(text) if seconds == spec.default_duration else text, seconds)
        if previous in allowed or previous is None:
            wanted = previous if previous is not None else spec.default_duration
        else:  # the model has not the one chosen: the nearest that costs no more
            wanted = not_dearer(allowed, previous)
        index = combo.findData(wanted)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _fill_resolution(self, spec: ModelSpec, previous: str | None) -> None:
        combo = self.resolution
        combo.blockSignals(True)
        combo.clear()
        combo.setEditable(spec.resolutions is None)
        if spec.resolutions is None:
            combo.addItem("", None)
            editor = combo.lineEdit()
            if editor is not None:
                editor.setPlaceholderText(self.tr("Not sent (the provider decides), or type e.g. 720p"))
            combo.setEditText((previous or "") if not spec.known else "")
        else:
            if spec.default_resolution is None:
                combo.addItem(self.not_sent(), None)
            for name in spec.resolutions:
                combo.addItem(self.model_default(name) if name == spec.default_resolution else name, name)
            lowered = {r.lower(): r for r in spec.resolutions}
            wanted = lowered.get((previous or "").lower())
            if wanted is None:
                wanted = not_dearer(list(spec.resolutions), previous) if previous else spec.default_resolution
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
        combo.blockSignals(False)
        self.layout_.setRowVisible(combo, spec.resolutions is not None or not spec.known)

    def _rebuild_params(self, spec: ModelSpec, previous: dict[str, Any]) -> None:
        for widget in self.params.values():
            self.layout_.removeRow(widget)
        self.params.clear()
        seed_row = int(self.layout_.getWidgetPosition(self.seed)[0])  # type: ignore[index]
        for offset, (name, allowed) in enumerate(spec.params.items()):
            field: QComboBox | QLineEdit
            if allowed:
                combo = QComboBox(self)
                if name in spec.param_defaults:
                    combo.addItem(
                        self.model_default(param_value_label(name, spec.param_defaults[name])), None
                    )
                else:
                    combo.addItem(self.not_sent(), None)
                for value in allowed:
                    combo.addItem(param_value_label(name, value), value)
                index = combo.findData(previous.get(name)) if name in previous else 0
                combo.setCurrentIndex(max(0, index))
                combo.currentIndexChanged.connect(self.changed)
                field = combo
            else:
                edit = QLineEdit(self)
                edit.setPlaceholderText(self.not_sent())
                if name in previous:
                    edit.setText(str(previous[name]))
                edit.textChanged.connect(self.changed)
                field = edit
            if name in spec.unconfirmed:
                field.setToolTip(self.tr("Unconfirmed field — %1").replace("%1", spec.unconfirmed[name]))
            field.setObjectName(f"param_{name}")
            field.setAccessibleName(param_label(name))
            self.params[name] = field
            self._add_row(self.tr("%1:").replace("%1", param_label(name)), field, seed_row + offset)
        # Tab goes down the rows as they are laid out: new fields join the chain where they show
        # (between the resolution and the seed), not after every widget made before them.
        chain = [self.resolution, *self.params.values(), self.seed]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def model_default(self, value: str) -> str:
        """An option that is what the model does when nothing is sent: "On — model default"."""
        return self.tr("%1 — model default").replace("%1", value)

    def not_sent(self) -> str:
        """The option that sends nothing, where the catalog does not know what the model does then."""
        return self.tr("Not sent — the provider decides")

    # -- values ----------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        for name, widget in self.params.items():
            if isinstance(widget, QComboBox):
                value = widget.currentData()
                if value is not None:
                    params[name] = value
            elif widget.text().strip():
                params[name] = _parse_free(widget.text())
        if not self.layout_.isRowVisible(self.resolution):
            resolution = None
        elif self.resolution.isEditable():
            resolution = self.resolution.currentText().strip() or None
        else:
            resolution = self.resolution.currentData()
        seed = self.seed.value() if self.layout_.isRowVisible(self.seed) else RANDOM_SEED
        return {
            "duration": self.duration.currentData(),
            "resolution": resolution,
            "seed": None if seed == RANDOM_SEED else seed,
            "params": params,
        }

    def set_values(self, request: GenerationRequest) -> None:
        self.blockSignals(True)
        try:
            self.duration.setCurrentIndex(max(0, self.duration.findData(request.duration)))
            if self.resolution.isEditable():
                self.resolution.setEditText(request.resolution or "")
            else:
                wanted = next(
                    (
                        r
                        for r in (self.spec.resolutions or ())
                        if r.lower() == (request.resolution or "").lower()
                    ),
                    None,
                )
                self.resolution.setCurrentIndex(max(0, self.resolution.findData(wanted)))
            self.seed.setValue(request.seed if request.seed is not None else RANDOM_SEED)
            for name, widget in self.params.items():
                value = request.params.get(name)
                if isinstance(widget, QComboBox):
                    widget.setCurrentIndex(max(0, widget.findData(value)) if value is not None else 0)
                else:
                    widget.setText("" if value is None else str(value))
        finally:
            self.blockSignals(False)
        self.changed.emit()

    # -- rules -----------------------------------------------------------------------------------
    def update_blocked(self, request: GenerationRequest) -> None:
        """Disable the options a rule forbids with the rest of ``request``; tooltip says why."""
        combos: list[tuple[str, QComboBox]] = [("duration", self.duration)]
        if not self.resolution.isEditable():
            combos.append(("resolution", self.resolution))
        combos += [(n, w) for n, w in self.params.items() if isinstance(w, QComboBox)]
        for name, combo in combos:
            model = combo.model()
            if not isinstance(model, QStandardItemModel):
                continue
            for row in range(combo.count()):
                value = combo.itemData(row)
                reason = self._blocking_reason(request, name, value) if value is not None else None
                item = model.item(row)
                item.setEnabled(reason is None)
                combo.setItemData(row, rule_reason(self.spec, reason), Qt.ItemDataRole.ToolTipRole)

    def _blocking_reason(self, request: GenerationRequest, name: str, value: Any) -> str | None:
        """The reason, when the rule it comes from is about ``name`` (not an unrelated conflict)."""
        reason = self.spec.disabled_reason(request, name, value)
        if reason is None:
            return None
        for rule in self.spec.rules:
            if rule.reason == reason and (name in rule.when or name in rule.then):
                return reason
        return None

    def blocked(self, combo: QComboBox, row: int) -> bool:
        model = combo.model()
        return isinstance(model, QStandardItemModel) and not model.item(row).isEnabled()
