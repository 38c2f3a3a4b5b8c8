"""Run ClipDesk's CLI as a creator's script would: a real subprocess, JSON lines on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip().startswith("{")]

    @property
    def error_kind(self) -> str | None:
        return (self.final.get("error") or {}).get("kind")

    @property
    def final(self) -> dict[str, Any]:
        assert self.lines, f"no JSON output; stderr: {self.stderr[-2000:]}"
        return self.lines[-1]


def assert_fault_outcome(
    run: CliResult, emu: Any, foreign_host: Any, code: int, state: str, kind: str | None, created: int
) -> None:
    """What every dialect's fault test checks: exit code, final state and error kind, the tasks the
    server created (a billed submit is never sent twice), and no credential sent to another host."""
    assert run.returncode == code, run.stderr[-2000:]
    assert run.final["state"] == state
    if kind is not None:
        assert run.error_kind == kind, run.final.get("error")
    assert len(emu.submits) == created
    assert foreign_host.credential_headers() == []


def cli_env(home: Path, key: str | None = "sk-ok", **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLIPDESK_")}
    env.update(CLIPDESK_HOME=str(home), CLIPDESK_POLL_INTERVAL="0.05", PYTHONUNBUFFERED="1")
    if key is not None:
        env["CLIPDESK_API_KEY"] = key
    env.update(extra)
    return env


def run_cli(args: list[str], env: dict[str, str], timeout: float = 60) -> CliResult:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def start_cli(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def generate_args(dialect: str, base_url: str, model: str, prompt: str, *extra: str) -> list[str]:
    return [
        "generate",
        "--dialect",
        dialect,
        "--base-url",
        base_url,
        "--model",
        model,
        "--prompt",
        prompt,
        "--json",
        *extra,
    ]


def secret_hits(secret: str, *places: Path | str) -> list[str]:
    """Where ``secret`` appears (raw, base64, UTF-16) in files under the paths or in strings."""
    import base64

    needles = [
        secret.encode(),
        base64.b64encode(secret.encode()),
        secret.encode("utf-16-le"),
        secret.encode("utf-16-be"),
    ]
    hits = []
    for place in places:
        if isinstance(place, Path):
            files = [place] if place.is_file() else [p for p in place.rglob("*") if p.is_file()]
            for path in files:
                data = path.read_bytes()
                hits += [f"{path}" for n in needles if n in data]
        else:
            hits += ["<output>" for n in needles if n in place.encode("utf-8", "replace")]
    return hits
