"""The spend ledger and the budget caps, in the journal's database (table ``spend``).

One row a task whose submit was let through: written before the submit leaves (its estimate,
``kind='estimate'``), turned into the provider's reported charge once known (``kind='charge'``),
removed when the provider refused the submit (no task was created). Rows outlive the tasks they
belong to (removing a video from the library does not unspend its money). Days and months are
local time, as a creator reads them. Caps count estimates and charges alike: money in flight is
money spent until the provider says otherwise.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from core.config.connections import Connection
from core.tasks.journal import Journal


def day_start(now: float) -> float:
    moment = datetime.fromtimestamp(now)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def next_day(now: float) -> float:
    start = datetime.fromtimestamp(day_start(now))
    return (start + timedelta(days=1, hours=1)).replace(hour=0).timestamp()  # DST-safe


def month_start(now: float) -> float:
    moment = datetime.fromtimestamp(now)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0).timestamp()


def month_bounds(month: str) -> tuple[float, float]:
    """``YYYY-MM`` as [start, end) epoch seconds, local time."""
    start = datetime.strptime(month, "%Y-%m")
    end = (start + timedelta(days=32)).replace(day=1)
    return start.timestamp(), end.timestamp()


class Ledger:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    async def reserve(
        self, task_id: str, connection: str, amount: float, currency: str, at: float | None = None
    ) -> None:
        """The estimate of a task about to be submitted (written before anything is sent)."""
        await self.journal.write(
            "INSERT OR REPLACE INTO spend VALUES (?,?,?,?,?,?)",
            (task_id, connection, at or time.time(), amount, currency, "estimate"),
        )

    async def settle(self, task_id: str, connection: str, amount: float, currency: str) -> None:
        """The charge the provider reported (kept on the day the task was submitted)."""
        await self.journal.write(
            "INSERT INTO spend VALUES (?,?,?,?,?,'charge') ON CONFLICT(task_id) DO UPDATE SET "
            "amount=excluded.amount, currency=excluded.currency, kind='charge'",
            (task_id, connection, time.time(), amount, currency),
        )

    async def release(self, task_id: str) -> None:
        """Nothing was created (the provider refused the submit): nothing spent."""
        await self.journal.write("DELETE FROM spend WHERE task_id=?", (task_id,))

    async def spent(self, connection: str, currency: str, since: float, *, exclude: str = "") -> float:
        rows = await self.journal.read(
            "SELECT COALESCE(SUM(amount), 0) FROM spend WHERE connection=? AND currency=? AND at>=? "
            "AND task_id<>?",
            (connection, currency, since, exclude),
        )
        return float(rows[0][0])

    async def refusal(
        self, connection: Connection, task_id: str, amount: float | None, currency: str | None, now: float
    ) -> str | None:
        """Why this task may not be submitted now under the connection's caps; None: it may."""
        caps = (
            ("daily", connection.daily_budget, day_start(now)),
            ("monthly", connection.monthly_budget, month_start(now)),
        )
        for word, cap, since in caps:
            if cap is None:
                continue
            if amount is None or currency is None:
                return (
                    f"{connection.name!r} has a {word} cap of {cap:g}, but no price is known for this "
                    "model, so its cost cannot be checked; set one with `connections set --price`"
                )
            spent = await self.spent(connection.name, currency, since, exclude=task_id)
            if spent + amount > cap + 1e-9:
                return (
                    f"the {word} cap of {connection.name!r} is {cap:g} {currency}; {spent:g} {currency} "
                    f"spent or in flight, and this task's estimate is {amount:g} {currency}"
                )
        return None

    async def caps_passed(
        self, connection: Connection, amount: float, currency: str, now: float
    ) -> list[dict[str, Any]]:
        """The caps of ``connection`` that ``amount`` more (a batch's estimate) would pass, each with
        what is already spent or in flight: ``{"cap": "daily"|"monthly", "limit", "spent"}``."""
        passed = []
        for word, cap, since in (
            ("daily", connection.daily_budget, day_start(now)),
            ("monthly", connection.monthly_budget, month_start(now)),
        ):
            if cap is None:
                continue
            spent = await self.spent(connection.name, currency, since)
            if spent + amount > cap + 1e-9:
                passed.append({"cap": word, "limit": cap, "spent": spent})
        return passed

    async def summary(self, connection: str | None, month: str) -> list[dict[str, Any]]:
        """Per connection and currency: the month's charges and estimates (kept apart), per day."""
        start, end = month_bounds(month)
        sql = "SELECT connection, currency, kind, at, amount FROM spend WHERE at>=? AND at<?"
        params: tuple[Any, ...] = (start, end)
        if connection:
            sql, params = sql + " AND connection=?", (*params, connection)
        result: dict[tuple[str, str], dict[str, Any]] = {}
        for name, currency, kind, at, amount in await self.journal.read(sql + " ORDER BY at", params):
            entry = result.setdefault(
                (name, currency),
                {
                    "connection": name,
                    "currency": currency,
                    "month": month,
                    "charged": 0.0,
                    "estimated": 0.0,
                    "tasks": 0,
                    "days": {},
                },
            )
            field = "charged" if kind == "charge" else "estimated"
            day = datetime.fromtimestamp(at).strftime("%Y-%m-%d")
            per_day = entry["days"].setdefault(day, {"day": day, "charged": 0.0, "estimated": 0.0})
            per_day[field] = round(per_day[field] + amount, 4)
            entry[field] = round(entry[field] + amount, 4)
            entry["tasks"] += 1
        out = []
        for entry in result.values():
            entry["days"] = list(entry["days"].values())
            out.append(entry)
        return out
