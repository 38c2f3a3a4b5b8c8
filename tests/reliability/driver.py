"""A ClipDesk process for the crash tests: many tasks at once through the core API, as the GUI makes
them, in a process of its own so that a test can kill -9 it.

    python -m tests.reliability.driver create SPEC.json    # journal every task, print their ids, wait
    python -m tests.reliability.driver resolve MAP.json    # resume, settle unknown submits, wait

SPEC is a list of {"dialect", "base_url", "model", "prompt", "image"?, "duration"?, "resolution"?,
"params"?}. MAP is {task id: remote id, or "resubmit", or "drop"}: what a person decided after
looking at the provider's console. Both print one JSON line and then wait until every task stopped.
CLIPDESK_HOME and CLIPDESK_API_KEY come from the environment, as for the CLI.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from core.cli import CliApp
from core.config.connections import Connection, adhoc_name
from core.config.paths import default_paths
from core.tasks.request import GenerationRequest


async def create(spec: list[dict[str, Any]]) -> int:
    async with CliApp(default_paths()) as app:
        engine = app.engine
        names = []
        for item in spec:
            name = adhoc_name(item["dialect"], item["base_url"])
            if name not in engine.connections:
                engine.add_connection(
                    Connection(name=name, dialect=item["dialect"], base_url=item["base_url"])
                )
            names.append(name)
        requests = [
            GenerationRequest(
                model=item["model"],
                prompt=item["prompt"],
                image=item.get("image"),
                duration=item.get("duration"),
                resolution=item.get("resolution"),
                params=item.get("params") or {},
            )
            for item in spec
        ]
        records = await asyncio.gather(*(engine.create(n, r) for n, r in zip(names, requests, strict=True)))
        print(json.dumps({"created": [r.id for r in records]}), flush=True)
        await engine.wait()
    return 0


async def resolve(decisions: dict[str, str]) -> int:
    async with CliApp(default_paths()) as app:
        engine = app.engine
        await engine.resume_all()
        for task_id, decision in decisions.items():
            if decision == "resubmit":
                await engine.resolve_unknown(task_id, resubmit=True)
            elif decision == "drop":
                await engine.resolve_unknown(task_id)
            else:
                await engine.resolve_unknown(task_id, remote_id=decision)
        print(json.dumps({"resolved": len(decisions)}), flush=True)
        await engine.wait()
    return 0


def main(argv: list[str]) -> int:
    command, path = argv
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if command == "create":
        return asyncio.run(create(data))
    if command == "resolve":
        return asyncio.run(resolve(data))
    raise SystemExit(f"unknown command {command!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
