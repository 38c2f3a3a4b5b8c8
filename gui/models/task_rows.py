"""What a queue row says beyond its prompt and state: the line that tells a task from its copies
(model, duration, resolution, seed, connection, when it was made) and its cost (the estimate,
marked as one, until the provider reports the charge; "Not charged" only where it said so)."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication

from core.config.connections import LOCAL_CONNECTION
from core.providers import get_provider
from core.tasks.journal import TaskRecord
from gui.i18n import is_chinese
from gui.texts import balance_text, connection_label, cost_text, model_label, money

translate = QCoreApplication.translate
SEPARATOR = " · "
_labels: dict[tuple[str, str, bool], str] = {}  # (dialect, model, Chinese) -> the model's name


def model_name(dialect: str, model: str) -> str:
    """The model's name as the form shows it (its id where the catalog has no name for it)."""
    key = (dialect, model, is_chinese())
    name = _labels.get(key)
    if name is None:
        try:
            name = model_label(dialect, get_provider(dialect).catalog.spec(model))
        except (KeyError, ValueError):
            name = model
        _labels[key] = name
    return name


def details(record: TaskRecord) -> str:
    """What tells this task from its copies and neighbours, on one line, what differs most between
    copies first (a narrow column cuts the end): "5 s · 720P · seed 42 · Wan 2.5 · my-bailian · 14:02"."""
    request = record.request
    parts = []
    if request.duration:
        parts.append(translate("TaskRows", "%1 s").replace("%1", str(request.duration)))
    if request.resolution:
        parts.append(request.resolution.upper())
    if request.seed is not None:
        parts.append(translate("TaskRows", "seed %1").replace("%1", str(request.seed)))
    parts.append(model_name(record.dialect, record.model))
    if record.connection != LOCAL_CONNECTION:  # the offline preview's model says where it is made
        parts.append(connection_label(record.connection))
    parts.append(time.strftime("%H:%M", time.localtime(record.created_at)))
    return SEPARATOR.join(parts)


def free() -> str:
    """What a cost of nothing (the offline preview) is called, in the queue and beside Generate."""
    return translate("TaskRows", "Free")


def _amount(cost: dict[str, Any] | None) -> float | None:
    if not cost or not isinstance(cost.get("amount"), int | float):
        return None
    return float(cost["amount"])


def cost_cell(record: TaskRecord) -> str:
    """The cost column: "¥1.00" once charged, "Not charged" where the provider (or a submit that
    never created a task) said so, else the estimate marked as one ("≈ ¥1.20"), "Free" where it
    is nothing (the offline preview), "?" where no price is known."""
    charge, estimate = record.charge, record.estimate
    if charge and charge.get("not_charged"):
        return translate("TaskRows", "Not charged")
    amount = _amount(charge)
    if charge and amount is not None:
        return money(amount, charge.get("currency"))
    amount = _amount(estimate)
    if estimate and amount == 0:
        return free()  # the offline preview
    if estimate and amount is not None:
        return translate("TaskRows", "≈ %1").replace("%1", money(amount, estimate.get("currency")))
    return "?"


def cost_tooltip(record: TaskRecord) -> str:
    """The cost in words, how it was reached, and the balance the provider last reported."""
    lines = [cost_text(record.estimate, record.charge)]
    shown = record.charge if _amount(record.charge) is not None else record.estimate
    if shown and shown.get("basis"):
        lines.append(str(shown["basis"]))
    if record.charge is None and _amount(record.estimate) is not None:
        lines.append(translate("TaskRows", "An estimate: the provider has not reported a charge."))
    if record.balance:
        lines.append(balance_text(record.balance))
    return "\n".join(line for line in lines if line)


def cost_key(record: TaskRecord) -> float:
    """Sorting by cost: what was charged, else the estimate; unknown last."""
    if record.charge and record.charge.get("not_charged"):
        return 0.0
    amount = _amount(record.charge)
    if amount is None:
        amount = _amount(record.estimate)
    return amount if amount is not None else float("inf")
