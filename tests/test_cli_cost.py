"""The CLI's money contract: dry-run estimates, --max-cost, charges on final records, the
connections commands, a connection test that costs nothing per dialect, and the spend report."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from core import cli
from core.config.connections import Connection
from core.providers.probe import probe
from tests.emulators.aisphere import AiSphereEmulator
from tests.emulators.dashscope import DashScopeEmulator
from tests.emulators.newapi import NewApiEmulator
from tests.emulators.pixverse import PixVerseEmulator
from tests.emulators.uniall import UniAllEmulator
from tests.support.cli import cli_env, generate_args, run_cli

IMAGE_URL = "https://example.com/still.png"


def wan_args(emu: DashScopeEmulator, *extra: str) -> list[str]:
    url = emu.base_url + "/alibailian"
    return generate_args("dashscope", url, "wan2.5-i2v-preview", "a cat", "--image", IMAGE_URL, *extra)


def test_dry_run_prints_the_estimate_and_sends_nothing(
    dashscope_emu: DashScopeEmulator, clipdesk_home: Path
) -> None:
    run = run_cli(
        wan_args(dashscope_emu, "--resolution", "720P", "--duration", "10", "--dry-run"),
        cli_env(clipdesk_home),
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert len(run.lines) == 1
    estimate = run.final["estimate"]
    assert (estimate["amount"], estimate["currency"]) == (6.0, "CNY") and estimate["basis"]
    bad = run_cli(wan_args(dashscope_emu, "--duration", "7", "--dry-run"), cli_env(clipdesk_home))
    assert bad.returncode == 2 and bad.final["error"]["kind"] == "invalid_input"
    assert dashscope_emu.requests == []


def test_max_cost_refuses_before_sending(dashscope_emu: DashScopeEmulator, clipdesk_home: Path) -> None:
    run = run_cli(wan_args(dashscope_emu, "--resolution", "1080P", "--max-cost", "2"), cli_env(clipdesk_home))
    assert run.returncode == 1
    assert run.final["state"] in ("rejected", "failed") and run.final["error"]["kind"] == "budget"
    assert run.final["estimate"]["amount"] == 5.0
    assert dashscope_emu.requests == []
    ok = run_cli(wan_args(dashscope_emu, "--resolution", "480P", "--max-cost", "2"), cli_env(clipdesk_home))
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert ok.final["estimate"]["amount"] == 1.5 and ok.final["charge"]["amount"] == 1.5


def test_max_cost_with_no_known_price_refuses_and_says_how_to_proceed(
    newapi_emu: NewApiEmulator,
    clipdesk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Money's safe default: a cap that cannot be checked refuses, before anything is sent, and the
    message names the way on (a price for the model, or no --max-cost); with a price it goes."""
    jimeng = "jimeng_vgfm_t2v_l20"
    args = generate_args("newapi", newapi_emu.base_url, jimeng, "a cat", "--max-cost", "1")
    run = run_cli(args, cli_env(clipdesk_home))
    assert run.returncode == 1
    error = run.final["error"]
    assert run.final["state"] in ("rejected", "failed") and error["kind"] == "budget"
    assert error["code"] == "price_unknown" and run.final["estimate"]["amount"] is None
    assert f"--price {jimeng}=" in error["message"] and "without --max-cost" in error["message"]
    assert newapi_emu.requests == []
    helped = run_cli(["generate", "--help"], cli_env(clipdesk_home))
    assert "price_unknown" in " ".join(helped.stdout.split())
    # a saved connection given a price: the cap is checked and the task goes
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    add = ["connections", "add", "gw", "--dialect", "newapi", "--base-url", newapi_emu.base_url]
    assert cli.main([*add, "--json"]) == 0
    assert cli.main(["connections", "set", "gw", "--price", f"{jimeng}=0.1USD/second", "--json"]) == 0
    capsys.readouterr()
    gen = ["generate", "--connection", "gw", "--model", jimeng, "--prompt", "a cat", "--json"]
    code, final = run_main([*gen, "--max-cost", "1"], capsys)
    assert code == 0, final
    assert final["estimate"]["amount"] == 0.5 and len(newapi_emu.submits) == 1


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, Any]:
    code = cli.main(args)
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1]) if out else None


def test_connections_add_set_list_test_and_spend(
    dashscope_emu: DashScopeEmulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = dashscope_emu.base_url + "/alibailian"
    monkeypatch.setenv("CLIPDESK_API_KEY", "sk-ok")
    code, added = run_main(
        ["connections", "add", "bailian", "--dialect", "dashscope", "--base-url", url, "--json"], capsys
    )
    assert code == 0 and added["has_key"] is True
    monkeypatch.delenv("CLIPDESK_API_KEY")  # from here on the key comes from the keyring
    code, changed = run_main(
        [
            "connections",
            "set",
            "bailian",
            "--daily-budget",
            "4",
            "--monthly-budget",
            "50",
            "--price",
            "wan2.5-i2v-preview=0.5CNY/second",
            "--json",
        ],
        capsys,
    )
    assert (
        code == 0
        and changed["daily_budget"] == 4
        and changed["prices"] == {"wan2.5-i2v-preview": "0.5CNY/second"}
    )
    code, listed = run_main(["connections", "list", "--json"], capsys)
    assert code == 0 and [c["name"] for c in listed] == ["bailian"]
    assert "sk-ok" not in json.dumps(listed) and listed[0]["has_key"] is True
    code, tested = run_main(["connections", "test", "bailian", "--json"], capsys)
    assert code == 0 and tested["ok"] is True and tested["verdict"] == "ok"
    assert all(r.method == "GET" for r in dashscope_emu.requests)
    # a generation on it: estimated at the connection's own price, charged from DashScope's usage
    gen = ["generate", "--connection", "bailian", "--model", "wan2.5-i2v-preview", "--prompt", "a cat"]
    code, final = run_main([*gen, "--image", IMAGE_URL, "--resolution", "480P", "--json"], capsys)
    assert code == 0 and final["estimate"]["amount"] == 2.5 and final["charge"]["amount"] == 2.5
    # the next one would pass the daily cap of 4: refused before anything is sent
    sent = len(dashscope_emu.requests)
    code, final = run_main([*gen, "--image", IMAGE_URL, "--resolution", "480P", "--json"], capsys)
    assert code == 1 and final["error"]["kind"] == "budget" and len(dashscope_emu.requests) == sent
    code, spent = run_main(["spend", "--connection", "bailian", "--json"], capsys)
    (entry,) = spent["connections"]
    assert (entry["charged"], entry["estimated"], entry["currency"], entry["tasks"]) == (2.5, 0.0, "CNY", 1)
    assert entry["today"]["charged"] == 2.5 and entry["daily_budget"] == 4
    code, bad = run_main(
        ["connections", "set", "bailian", "--price", "wan2.5-i2v-preview=cheap", "--json"], capsys
    )
    assert code == 2 and bad["error"]["kind"] == "invalid_input"


# -- a connection test that costs nothing, per dialect ---------------------------------------------
EMULATORS: dict[str, tuple[type[Any], str]] = {
    "dashscope": (DashScopeEmulator, "/alibailian"),
    "pixverse": (PixVerseEmulator, ""),
    "newapi": (NewApiEmulator, ""),
    "openai-videos": (NewApiEmulator, ""),
    "uniall": (UniAllEmulator, ""),
    "aisphere": (AiSphereEmulator, ""),
}


@pytest.mark.parametrize("dialect", sorted(EMULATORS))
def test_connection_test_costs_nothing(dialect: str) -> None:
    cls, prefix = EMULATORS[dialect]

    def check(base_url: str, key: str) -> Any:
        return asyncio.run(probe(Connection(name="t", dialect=dialect, base_url=base_url), key))

    with cls() as emu:
        good = check(emu.base_url + prefix, "sk-ok")
        assert good.verdict == "ok", good.message
        bad = check(emu.base_url + prefix, "sk-bad")
        assert bad.verdict == "auth", bad.message
        wrong = check(emu.base_url + "/not-the-api", "sk-ok")
        assert wrong.verdict == "wrong_url", wrong.message
        assert emu.submits == [] and emu.tasks == {}
        assert {r.method for r in emu.requests} == {"GET"}
    gone = check(emu.base_url + prefix, "sk-ok")  # the server is stopped: nothing listens there
    assert gone.verdict == "unreachable", gone.message
    if dialect == "pixverse":
        assert good.balance == {"currency": "credits", "credit_monthly": 1000, "credit_package": 250}
    if dialect == "newapi":
        assert good.balance == {"currency": "USD", "limit": 25.0, "used": 5.5, "remaining": 19.5}
