"""Every injected fault of the DashScope and new-api emulators, through the CLI: the right error
kind and exit code, no crash, never a second billed submit, nothing half-written in the library."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from core.library import sidecar_path
from tests.support.cli import cli_env, generate_args, run_cli
from tests.support.images import make_image

MODELS = {
    "dashscope": ("wan2.5-i2v-preview", "/alibailian", "DashScopeEmulator"),
    "newapi": ("kling-v1", "", "NewApiEmulator"),
}

# (prompt token or key, expected final state, expected error kind or None, expected submits created)
FAULTS = [
    ("key:sk-bad", "failed", "auth", 0),
    ("key:sk-poor", "failed", "balance", 0),
    ("key:sk-ratelimit", "succeeded", None, 1),
    ("#moderate-submit", "failed", "moderation", 0),
    ("#moderate-result", "failed", "moderation", 1),
    ("#fail", "failed", "upstream_failed", 1),
    ("#500-submit", "failed", "upstream_failed", 0),
    ("#html", "failed", "upstream_failed", 1),
    ("#expired-url", "expired", "expired", 1),
    ("#503-poll", "succeeded", None, 1),
    ("#429-poll", "succeeded", None, 1),
    ("#truncated-json", "succeeded", None, 1),
    ("#truncated-submit", "unknown", "unknown", 1),
    ("#truncated-file", "succeeded", None, 1),
    ("#redirect", "succeeded", None, 1),
]


@pytest.fixture(params=sorted(MODELS))
def dialect_emu(request: pytest.FixtureRequest) -> tuple[str, Any]:
    return request.param, request.getfixturevalue(f"{request.param}_emu")


@pytest.mark.parametrize(("fault", "state", "kind", "created"), FAULTS, ids=[f[0] for f in FAULTS])
def test_fault(
    dialect_emu: tuple[str, Any],
    fault: str,
    state: str,
    kind: str | None,
    created: int,
    tmp_path: Path,
    clipdesk_home: Path,
) -> None:
    dialect, emu = dialect_emu
    model, prefix, _ = MODELS[dialect]
    key = fault.removeprefix("key:") if fault.startswith("key:") else "sk-ok"
    prompt = "a fox" if fault.startswith("key:") else f"a fox {fault}"
    image = make_image(tmp_path / "fox.png")
    args = generate_args(dialect, emu.base_url + prefix, model, prompt, "--image", str(image))
    result = run_cli(args, cli_env(clipdesk_home, key), timeout=90)
    final = result.final
    assert final["state"] == state, result.stderr[-2000:]
    assert (final["error"] or {}).get("kind") == kind
    assert (result.returncode == 0) == (state == "succeeded")
    assert "Traceback" not in result.stderr
    assert len(emu.submits) == created
    library = clipdesk_home / "library"
    files = sorted(p for p in library.rglob("*") if p.is_file()) if library.exists() else []
    if state == "succeeded":
        video = Path(final["video_path"])
        assert files == [video, sidecar_path(video)]  # the video, and what it is beside it
        assert hashlib.sha256(video.read_bytes()).hexdigest() == final["video_sha256"]
    else:
        assert files == []
    assert emu.foreign.credential_headers() == []


@pytest.mark.parametrize("given", ["file", "web address"])
def test_tasks_json_lists_the_journal_and_no_wait_then_resume(
    dashscope_emu: Any, tmp_path: Path, clipdesk_home: Path, given: str
) -> None:
    """A task left running is resumed to its end, whatever its image was: a file (kept in the
    task's folder) or a web address (kept in the request only)."""
    env = cli_env(clipdesk_home)
    image = str(make_image(tmp_path / "fox.png")) if given == "file" else "https://example.com/fox.png"
    args = generate_args(
        "dashscope",
        dashscope_emu.base_url + "/alibailian",
        "wan2.5-i2v-preview",
        "a fox",
        "--image",
        image,
        "--no-wait",
    )
    started = run_cli(args, env)
    assert started.returncode == 0, started.stderr[-2000:]
    assert started.final["remote_id"] and started.final["state"] == "running"
    listed = run_cli(["tasks", "--json"], env)
    import json

    [task] = json.loads(listed.stdout)
    assert task["id"] == started.final["id"] and task["state"] == "running"
    resumed = run_cli(["resume", "--json"], env)
    assert resumed.returncode == 0 and resumed.final["state"] == "succeeded", resumed.stderr[-2000:]
    assert len(dashscope_emu.submits) == 1
