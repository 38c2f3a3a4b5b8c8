"""The CLI's connection and money commands (part of the public CLI contract, see core/cli.py).

    main.py connections add NAME --dialect D --base-url URL   (key: CLIPDESK_API_KEY or a hidden prompt)
    main.py connections set NAME [--daily-budget X] [--monthly-budget X] [--price MODEL=AMOUNT/UNIT]...
    main.py connections list [--json]
    main.py connections test NAME [--json]     (a request that costs nothing; exit 0 when it passed)
    main.py spend [--connection NAME] [--month YYYY-MM] [--json]

Keys go only to the OS keyring (core/config/secrets.py); nothing here prints one.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from datetime import datetime
from typing import TYPE_CHECKING, Any

from core.config.connections import Connection, ConnectionStore
from core.config.secrets import ENV_KEY
from core.errors import ClipDeskError, ErrorKind, InvalidInput
from core.pricing import listed_prices, parse_override
from core.providers import DIALECTS, get_provider
from core.providers.probe import probe
from core.tasks.ledger import day_start

if TYPE_CHECKING:
    from core.cli import CliApp

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


def add_parsers(sub: Any) -> None:
    conn = sub.add_parser("connections", help="add, change, list and test saved connections")
    verbs = conn.add_subparsers(dest="verb", required=True)
    add = verbs.add_parser("add", help="save a connection; its key goes to the OS keyring")
    add.add_argument("name")
    add.add_argument("--dialect", required=True, choices=sorted(DIALECTS))
    add.add_argument("--base-url", default="")
    add.add_argument("--proxy", default="", help='"system", or a proxy URL')
    add.add_argument("--json", action="store_true")
    change = verbs.add_parser("set", help="change a connection's caps, prices, URL or key")
    change.add_argument("name")
    change.add_argument("--base-url")
    change.add_argument("--daily-budget", metavar="X", help='a cap per day, or "none"')
    change.add_argument("--monthly-budget", metavar="X", help='a cap per month, or "none"')
    change.add_argument(
        "--price",
        action="append",
        default=[],
        metavar="MODEL=AMOUNT/UNIT",
        help="this connection's own price, e.g. wan2.5-i2v-preview=0.5CNY/second (UNIT: second, "
        "clip, credit); MODEL= with nothing after it goes back to the listed price",
    )
    change.add_argument("--key", action="store_true", help="replace the key (CLIPDESK_API_KEY or a prompt)")
    change.add_argument("--json", action="store_true")
    lst = verbs.add_parser("list", help="the saved connections (never their keys)")
    lst.add_argument("--json", action="store_true")
    test = verbs.add_parser("test", help="check the URL and the key with a request that costs nothing")
    test.add_argument("name")
    test.add_argument("--json", action="store_true")

    spend = sub.add_parser("spend", help="what was spent, per connection, day and month")
    spend.add_argument("--connection")
    spend.add_argument("--month", help="YYYY-MM (default: this month)")
    spend.add_argument("--json", action="store_true")


def _print(data: Any, as_json: bool, human: str) -> None:
    from core.cli import emit

    if as_json:
        emit(json.dumps(data, ensure_ascii=False), sys.stdout)
    else:
        emit(human, sys.stdout)


def _budget(text: str | None, current: float | None) -> float | None:
    if text is None:
        return current
    if text.strip().lower() in ("none", "off", ""):
        return None
    try:
        value = float(text)
    except ValueError:
        raise InvalidInput(f'a budget is a number or "none", not {text!r}') from None
    if value < 0:
        raise InvalidInput("a budget cannot be negative")
    return value


def _read_key(name: str) -> str:
    key = os.environ.get(ENV_KEY) or getpass.getpass(f"API key for {name} (not shown): ")
    return key.strip()


def public(connection: Connection, has_key: bool) -> dict[str, Any]:
    return {
        "name": connection.name,
        "dialect": connection.dialect,
        "base_url": connection.base_url,
        "proxy": connection.proxy,
        "has_key": has_key,
        "daily_budget": connection.daily_budget,
        "monthly_budget": connection.monthly_budget,
        "prices": dict(connection.prices),
    }


async def connections(app: CliApp, args: argparse.Namespace) -> int:
    store = ConnectionStore(app.paths.config)
    saved = app.connections
    try:
        if args.verb == "list":
            items = [public(c, bool(app.secrets.get(c.name))) for c in saved.values() if not c.is_local]
            lines = [
                f"{c['name']}  {c['dialect']}  {c['base_url']}  key: {'yes' if c['has_key'] else 'no'}"
                for c in items
            ]
            _print(items, args.json, "\n".join(lines) or "no saved connections")
            return EXIT_OK
        if args.verb == "add":
            if args.name in saved:
                raise InvalidInput(f"there is already a connection named {args.name!r}; change it with set")
            provider = get_provider(args.dialect)
            if provider.needs_base_url and not args.base_url.startswith(("http://", "https://")):
                raise InvalidInput("--base-url must start with http:// or https://")
            connection = Connection(
                name=args.name, dialect=args.dialect, base_url=args.base_url, proxy=args.proxy
            )
            kept = True
            if provider.needs_key:
                key = _read_key(args.name)
                if not key:
                    raise InvalidInput("no key given (set CLIPDESK_API_KEY or type it at the prompt)")
                kept = app.secrets.set(args.name, key)
            saved[args.name] = connection
            store.save(saved)
            if not kept:
                print("warning: no system keyring; the key is not kept after this command", file=sys.stderr)
            _print(public(connection, True), args.json, f"saved {args.name}")
            return EXIT_OK
        found = saved.get(args.name) if args.name else None
        if found is None or found.is_local:
            raise InvalidInput(f"there is no saved connection named {args.name!r}")
        if args.verb == "set":
            return _set(app, args, found, store)
        result = await probe(found, app.secrets.get(found.name))
        data = {"connection": found.name, **result.to_dict()}
        _print(data, args.json, f"{found.name}: {result.verdict}: {result.message}")
        return EXIT_OK if result.ok else EXIT_FAILED
    except ClipDeskError as exc:
        _print({"error": exc.to_dict()}, args.json, f"error ({exc.kind.value}): {exc.message}")
        return EXIT_INVALID if exc.kind is ErrorKind.INVALID_INPUT else EXIT_FAILED


def _set(app: CliApp, args: argparse.Namespace, connection: Connection, store: ConnectionStore) -> int:
    if args.base_url is not None:
        if args.base_url and not args.base_url.startswith(("http://", "https://")):
            raise InvalidInput("--base-url must start with http:// or https://")
        connection.base_url = args.base_url
    connection.daily_budget = _budget(args.daily_budget, connection.daily_budget)
    connection.monthly_budget = _budget(args.monthly_budget, connection.monthly_budget)
    for item in args.price:
        model, sep, text = item.partition("=")
        if not sep or not model.strip():
            raise InvalidInput(f"--price needs MODEL=AMOUNT/UNIT, got {item!r}")
        model = model.strip()
        if not text.strip():
            connection.prices.pop(model, None)
            continue
        listed = listed_prices(connection.dialect)
        parse_override(text, listed.get(model) or listed.get("*"))  # refuse a bad one now
        connection.prices[model] = text.strip()
    if args.key:
        key = _read_key(connection.name)
        if not key:
            raise InvalidInput("no key given (set CLIPDESK_API_KEY or type it at the prompt)")
        app.secrets.set(connection.name, key)
    store.save(app.connections)
    has_key = bool(app.secrets.get(connection.name))
    _print(public(connection, has_key), args.json, f"saved {connection.name}")
    return EXIT_OK


async def spend(app: CliApp, args: argparse.Namespace) -> int:
    month = args.month or datetime.now().strftime("%Y-%m")
    try:
        datetime.strptime(month, "%Y-%m")
    except ValueError:
        _print(
            {"error": {"kind": "invalid_input", "message": "--month is YYYY-MM", "code": None}},
            args.json,
            "error (invalid_input): --month is YYYY-MM",
        )
        return EXIT_INVALID
    entries = await app.engine.ledger.summary(args.connection, month)
    today = datetime.fromtimestamp(day_start(time.time())).strftime("%Y-%m-%d")
    lines = []
    for entry in entries:
        connection = app.connections.get(entry["connection"])
        entry["daily_budget"] = connection.daily_budget if connection else None
        entry["monthly_budget"] = connection.monthly_budget if connection else None
        entry["today"] = next(
            (d for d in entry["days"] if d["day"] == today), {"day": today, "charged": 0.0, "estimated": 0.0}
        )
        lines.append(
            f"{entry['connection']}  {month}: charged {entry['charged']:g} {entry['currency']}, "
            f"estimated (not yet reported) {entry['estimated']:g} {entry['currency']}, "
            f"{entry['tasks']} task(s)"
        )
    _print(
        {"month": month, "connections": entries}, args.json, "\n".join(lines) or f"nothing spent in {month}"
    )
    return EXIT_OK
