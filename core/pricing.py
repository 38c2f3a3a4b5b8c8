"""What a generation costs: prices as data, the estimate before a submit, the charge after it.

Prices live in ``resources/prices/<dialect>.json`` keyed by model id (sources in docs/prices.md)::

    {"dialect": "dashscope", "currency": "CNY",
     "models": {"wan2.5-i2v-preview": {
         "unit": "second",                 # "second" (per second of video) or "clip"
         "by": ["resolution"],             # request fields whose values pick the amount
         "amounts": {"480P": 0.3, "1080P": 1.0},   # keys: the values joined by "|"; "*" any
         "amount": 0.3,                    # instead of by/amounts, when the price never varies
         "extras": [{"if": {"audio": [true]}, "add": 10}],  # also "times" and "add_per_5s"
         "status": "confirmed"}}}          # or "inferred", or "vendor" (see docs/prices.md)

"vendor" marks a gateway model priced at its maker's own list price (Kling, Vidu, PixVerse through a
reseller): the best figure known, not the gateway's rate, and every estimate made from it says so.

A model id without a price gets an estimate with no amount (the basis says so: "price unknown —
set it in Settings"); a price for a
model the catalog does not list is simply unused. A connection overrides any price with
``MODEL=AMOUNT[CURRENCY]/UNIT`` (gateways resell at their own rates): UNIT ``second`` or ``clip``,
or ``credit`` (so much per credit of the listed price). The charge is what the provider's answer
reports it billed (DashScope ``usage``, PixVerse ``credits``, AiSphere ``usage.seconds``), priced
where it reports units rather than money; where it reports nothing the estimate stands.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import InvalidInput
from core.providers.catalog import ModelSpec
from core.tasks.request import GenerationRequest

PRICE_DIR = Path(__file__).resolve().parents[1] / "resources" / "prices"
CURRENCIES = ("CNY", "USD", "credits")
UNITS = ("second", "clip", "credit")
_OVERRIDE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*/\s*([a-z]+)\s*$")


@dataclass(frozen=True)
class Price:
    unit: str
    currency: str
    amounts: dict[str, float]
    by: tuple[str, ...] = ()
    extras: tuple[dict[str, Any], ...] = ()
    status: str = "inferred"
    per_credit: Price | None = None  # an override "so much per credit" of this listed price

    def amount_for(self, values: dict[str, Any]) -> float | None:
        """The amount for one clip of the request's ``values`` (with duration), or None."""
        if self.per_credit is not None:
            credits = self.per_credit.amount_for(values)
            return None if credits is None else credits * self.amounts["*"]
        key = "|".join(_word(values.get(name)) for name in self.by) if self.by else "*"
        base = _lookup(self.amounts, key)
        if base is None:
            return None
        seconds = float(values.get("duration") or 0)
        total = base * seconds if self.unit == "second" else base
        for extra in self.extras:
            if all(values.get(k) in allowed for k, allowed in extra.get("if", {}).items()):
                total *= float(extra.get("times", 1))
                total += float(extra.get("add", 0))
                total += float(extra.get("add_per_5s", 0)) * math.ceil(seconds / 5)
        return total

    def describe(self) -> str:
        if self.per_credit is not None:
            return f"{self.amounts['*']:g} {self.currency} per credit"
        amounts = ", ".join(f"{k} {v:g}" for k, v in self.amounts.items())
        return f"{amounts} {self.currency} per {self.unit}"


VENDOR_NOTE = "inferred: the vendor's list price; gateways resell at their own rates — set yours in Settings"
UNKNOWN_NOTE = "price unknown — set it in Settings"


@dataclass(frozen=True)
class Estimate:
    amount: float | None
    currency: str | None
    basis: str
    confirmed: bool = False
    status: str = ""  # the price's: confirmed, inferred, vendor, override; "" when none is known

    def to_dict(self) -> dict[str, Any]:
        return {
            "amount": None if self.amount is None else round(self.amount, 4),
            "currency": self.currency,
            "basis": self.basis,
            "confirmed": self.confirmed,
            "status": self.status,
        }

    def times(self, copies: int) -> Estimate:
        amount = None if self.amount is None else self.amount * copies
        return Estimate(amount, self.currency, f"{copies} × ({self.basis})", self.confirmed, self.status)


def _word(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _lookup(amounts: dict[str, float], key: str) -> float | None:
    if key in amounts:
        return amounts[key]
    lowered = {k.lower(): v for k, v in amounts.items()}
    if key.lower() in lowered:
        return lowered[key.lower()]
    return amounts.get("*")


def _price_from_json(data: dict[str, Any], currency: str) -> Price:
    amounts = data.get("amounts")
    if amounts is None:
        amounts = {"*": data.get("amount", 0)}
    return Price(
        unit=data.get("unit", "clip"),
        currency=data.get("currency", currency),
        amounts={str(k): float(v) for k, v in amounts.items()},
        by=tuple(data.get("by", ())),
        extras=tuple(
            {**e, "if": {k: tuple(v) for k, v in e.get("if", {}).items()}} for e in data.get("extras", [])
        ),
        status=data.get("status", "inferred"),
    )


@cache
def listed_prices(dialect: str) -> dict[str, Price]:
    """The prices shipped for a dialect, by model id ("*": every model). Empty when none."""
    path = PRICE_DIR / f"{dialect}.json"
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    currency = data.get("currency", "CNY")
    return {model: _price_from_json(p, currency) for model, p in data.get("models", {}).items()}


def parse_override(text: str, listed: Price | None = None) -> Price:
    """``AMOUNT[CURRENCY]/UNIT`` (e.g. ``0.5CNY/second``, ``2/clip``, ``0.07USD/credit``)."""
    match = _OVERRIDE.match(text)
    if not match:
        raise InvalidInput(f"a price is AMOUNT[CURRENCY]/UNIT (e.g. 0.5CNY/second), not {text!r}")
    amount, currency, unit = float(match[1]), match[2], match[3]
    if unit not in UNITS:
        raise InvalidInput(f"a price's unit is one of {', '.join(UNITS)}, not {unit!r}")
    known = {c.lower(): c for c in CURRENCIES}
    if currency and currency.lower() not in known:
        raise InvalidInput(f"a price's currency is one of {', '.join(CURRENCIES)}, not {currency!r}")
    if unit == "credit":
        if listed is None or listed.currency != "credits":
            raise InvalidInput("a price per credit needs a listed price in credits for that model")
        if not currency or known[currency.lower()] == "credits":
            raise InvalidInput("a price per credit names its currency (e.g. 0.07USD/credit)")
        return Price("clip", known[currency.lower()], {"*": amount}, status="override", per_credit=listed)
    chosen = known[currency.lower()] if currency else (listed.currency if listed else "CNY")
    return Price(unit, chosen, {"*": amount}, status="override")


def price_for(dialect: str, model: str, overrides: dict[str, str] | None = None) -> Price | None:
    listed = listed_prices(dialect)
    base = listed.get(model) or listed.get("*")
    text = (overrides or {}).get(model)
    if text:
        return parse_override(text, base)
    return base


def request_values(spec: ModelSpec, request: GenerationRequest) -> dict[str, Any]:
    """The request's fields as a price reads them, with the model's defaults filled in."""
    values = spec.values_of(request)
    if values.get("duration") is None:
        values["duration"] = spec.default_duration or (spec.durations[0] if spec.durations else 5)
    if values.get("resolution") is None:
        values["resolution"] = spec.default_resolution
    return values


def estimate(
    dialect: str, spec: ModelSpec, request: GenerationRequest, overrides: dict[str, str] | None = None
) -> Estimate:
    """What one generation of ``request`` should cost, from the listed or overridden price."""
    if dialect == "local":
        return Estimate(0.0, "CNY", "the offline preview costs nothing", True, "confirmed")
    price = price_for(dialect, request.model, overrides)
    if price is None:
        return Estimate(
            None,
            None,
            f"{UNKNOWN_NOTE} (no price is known for {request.model}), or with "
            f"`connections set NAME --price {request.model}=AMOUNT/UNIT`",
        )
    values = request_values(spec, request)
    amount = price.amount_for(values)
    where = ", ".join(f"{name} {_word(values[name])}" for name in price.by if values.get(name) is not None)
    if amount is None:
        return Estimate(
            None, price.currency, f"{UNKNOWN_NOTE} (none is listed for {request.model} at {where})"
        )
    seconds = f"{values.get('duration')} s" if price.unit == "second" else "one clip"
    basis = f"{seconds} × {price.describe()}" + (f" ({where})" if where else "")
    origin = {
        "override": "the connection's own price",
        "confirmed": "listed price",
        "vendor": VENDOR_NOTE,
    }.get(price.status, "listed price, inferred")
    confirmed = price.status in ("confirmed", "override")
    return Estimate(amount, price.currency, f"{basis}; {origin}", confirmed, price.status)


# -- the charge the provider reports -----------------------------------------------------------
def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and number >= 0 else None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def charge_from_usage(
    dialect: str,
    spec: ModelSpec,
    request: GenerationRequest,
    usage: dict[str, Any] | None,
    overrides: dict[str, str] | None = None,
) -> dict[str, Any] | None:
    """The charge for a finished task from its reported usage; None when nothing was reported
    (the estimate then stands, and is shown as one)."""
    if not usage:
        return None
    price = price_for(dialect, request.model, overrides)
    values = request_values(spec, request)
    amount: float | None = None
    currency = price.currency if price else None
    if dialect == "pixverse" and "credits" in usage:
        credits = float(usage["credits"])
        if price is not None and price.per_credit is not None:
            amount, basis = credits * price.amounts["*"], f"PixVerse reported {credits:g} credits"
        else:
            amount, currency, basis = credits, "credits", "PixVerse reported the credits it billed"
    else:
        seconds = _number(usage.get("duration", usage.get("video_duration", usage.get("seconds"))))
        count = _number(usage.get("video_count")) or 1.0
        side = _number(usage.get("SR"))
        if side is not None and values.get("resolution"):
            suffix = "P" if str(values["resolution"]).endswith("P") else "p"
            values["resolution"] = f"{side:g}{suffix}"
        if seconds is not None:
            values["duration"] = seconds
        per_clip = price.amount_for(values) if price is not None else None
        amount = None if per_clip is None else per_clip * count
        basis = f"{dialect} reported {seconds:g} s" if seconds is not None else f"{dialect} reported usage"
        if side is not None:
            basis += f" at {values['resolution']}"
        if amount is None:
            basis += "; no price known to turn it into money"
    return {
        "amount": None if amount is None else round(amount, 4),
        "currency": currency if amount is not None else None,
        "basis": basis,
        "reported": usage,
    }
