"""Prices, estimates, the charge the provider reports, the ledger and the caps, against the emulators."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from core.config.connections import Connection
from core.config.paths import default_paths
from core.errors import InvalidInput
from core.pricing import PRICE_DIR, estimate, listed_prices, parse_override
from core.providers import DIALECTS, get_provider
from core.tasks.journal import TaskState
from core.tasks.request import GenerationRequest
from tests.emulators.dashscope import DashScopeEmulator
from tests.emulators.pixverse import PixVerseEmulator
from tests.support.engine import close_engine, open_engine
from tests.support.images import make_image

IMAGE_URL = "https://example.com/still.png"


@pytest.fixture(autouse=True)
def fast_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIPDESK_POLL_INTERVAL", "0.05")


def wan(resolution: str = "480P", duration: int = 5, prompt: str = "a cat") -> GenerationRequest:
    return GenerationRequest(
        model="wan2.5-i2v-preview", prompt=prompt, image=IMAGE_URL, resolution=resolution, duration=duration
    )


def spec(dialect: str, model: str):  # type: ignore[no-untyped-def]
    return get_provider(dialect).catalog.spec(model)


# -- prices as data ------------------------------------------------------------------------------
def test_every_dialect_has_a_price_file_that_parses() -> None:
    for dialect in DIALECTS:
        assert (PRICE_DIR / f"{dialect}.json").exists(), dialect
        for model, price in listed_prices(dialect).items():
            assert price.unit in ("second", "clip"), (dialect, model)
            assert price.currency in ("CNY", "USD", "credits"), (dialect, model)
            assert price.status in ("confirmed", "inferred", "vendor"), (dialect, model)


def test_estimates_follow_resolution_duration_and_options() -> None:
    est = estimate("dashscope", spec("dashscope", "wan2.5-i2v-preview"), wan("720P", 10))
    assert (est.amount, est.currency) == (6.0, "CNY")
    assert "10 s" in est.basis and "720P" in est.basis
    # the model's defaults when the request leaves them out (1080P, 5 s)
    default = estimate("dashscope", spec("dashscope", "wan2.5-i2v-preview"), wan())
    assert default.amount == 1.5
    bare = GenerationRequest(model="wan2.5-i2v-preview", prompt="x", image=IMAGE_URL)
    assert estimate("dashscope", spec("dashscope", "wan2.5-i2v-preview"), bare).amount == 5.0
    pix = GenerationRequest(model="v4.5", prompt="x", resolution="540p", duration=5)
    assert estimate("pixverse", spec("pixverse", "v4.5"), pix).amount == 45
    pix.params["motion_mode"] = "fast"
    assert estimate("pixverse", spec("pixverse", "v4.5"), pix).amount == 90
    free = GenerationRequest(model="preview", prompt="x")
    assert estimate("local", spec("local", "preview"), free).amount == 0


def test_a_model_without_a_price_says_so_and_a_connection_can_price_it() -> None:
    jimeng = "jimeng_vgfm_t2v_l20"
    request = GenerationRequest(model=jimeng, prompt="x", duration=5)
    unknown = estimate("newapi", spec("newapi", jimeng), request)
    assert unknown.amount is None and unknown.status == ""
    assert "price unknown — set it in Settings" in unknown.basis and f"--price {jimeng}=" in unknown.basis
    own = estimate("newapi", spec("newapi", jimeng), request, {jimeng: "0.2USD/second"})
    assert (own.amount, own.currency, own.status) == (1.0, "USD", "override")
    kling = GenerationRequest(model="kling-v1", prompt="x", duration=10)
    mine = estimate("newapi", spec("newapi", "kling-v1"), kling, {"kling-v1": "0.2USD/second"})
    assert (mine.amount, mine.currency) == (2.0, "USD")  # a connection's own price wins over the list
    wan_spec = spec("dashscope", "wan2.5-i2v-preview")
    per_clip = estimate("dashscope", wan_spec, wan(), {"wan2.5-i2v-preview": "2/clip"})
    assert (per_clip.amount, per_clip.currency) == (2.0, "CNY")
    pix = GenerationRequest(model="v5", prompt="x", resolution="720p", duration=8)
    resold = estimate("pixverse", spec("pixverse", "v5"), pix, {"v5": "0.01USD/credit"})
    assert (resold.amount, resold.currency) == (pytest.approx(1.2), "USD")
    for bad in ("cheap", "1/hour", "1EUR/clip", "1/credit"):
        with pytest.raises(InvalidInput):
            parse_override(bad, listed_prices("pixverse")["v5"] if bad != "1/credit" else None)


def test_gateway_models_carry_the_vendors_list_price_marked_as_such() -> None:
    """Kling and Vidu through new-api, PixVerse's models through AiSphere: the maker's list price,
    never presented as the gateway's rate; Jimeng and UniAll's Vidu Q3 stay unknown."""
    note = "inferred: the vendor's list price; gateways resell at their own rates — set yours in Settings"
    cases = [
        ("newapi", GenerationRequest(model="kling-v1", prompt="x", duration=5), 0.14, "USD"),
        ("newapi", GenerationRequest(model="kling-v1", prompt="x", duration=10), 0.28, "USD"),
        (
            "newapi",
            GenerationRequest(model="kling-v1-6", prompt="x", duration=5, params={"mode": "pro"}),
            0.98,
            "USD",
        ),
        ("newapi", GenerationRequest(model="viduq1", prompt="x", duration=5), 0.4, "USD"),
        (
            "newapi",
            GenerationRequest(model="vidu2.0", prompt="x", image=IMAGE_URL, duration=8, resolution="720p"),
            0.5,
            "USD",
        ),
        (
            "aisphere",
            GenerationRequest(
                model="aisphere-v5", prompt="x", image=IMAGE_URL, resolution="720p", duration=8
            ),
            120,
            "credits",
        ),
    ]
    for dialect, request, amount, currency in cases:
        est = estimate(dialect, spec(dialect, request.model), request)
        assert (est.amount, est.currency) == (pytest.approx(amount), currency), request.model
        assert est.status == "vendor" and not est.confirmed and note in est.basis, est.basis
    assert listed_prices("uniall") == {}
    jimeng = GenerationRequest(model="jimeng_vgfm_t2v_l20", prompt="x")
    assert estimate("newapi", spec("newapi", jimeng.model), jimeng).amount is None


# -- the charge, the ledger and the caps ----------------------------------------------------------
async def _run(engine, connection: str, requests: list[GenerationRequest], batch: str | None = None):  # type: ignore[no-untyped-def]
    if batch:
        records = await engine.create_many(connection, requests, batch_id=batch)
    else:
        records = [await engine.create(connection, r) for r in requests]
    await engine.wait([r.id for r in records])
    return records


def test_the_charge_equals_the_estimate_when_the_provider_agrees(dashscope_emu: DashScopeEmulator) -> None:
    async def scenario() -> None:
        engine = await open_engine(default_paths(), dashscope_emu.base_url)
        engine.secrets.set("c", "sk-ok")
        try:
            (record,) = await _run(engine, "c", [wan("480P", 5)])
            assert record.state is TaskState.SUCCEEDED
            assert record.estimate is not None and record.estimate["amount"] == 1.5
            assert record.charge is not None
            assert (record.charge["amount"], record.charge["currency"]) == (1.5, "CNY")
            assert record.charge["reported"] == {"duration": 5, "video_count": 1, "SR": 480}
            stored = await engine.journal.get(record.id)
            assert stored is not None and stored.charge == record.charge
            month = __import__("datetime").datetime.now().strftime("%Y-%m")
            (entry,) = await engine.ledger.summary("c", month)
            assert (entry["charged"], entry["estimated"], entry["currency"]) == (1.5, 0.0, "CNY")
        finally:
            await close_engine(engine)

    asyncio.run(scenario())


def test_a_differing_charge_is_recorded_as_reported(foreign_host: object) -> None:
    async def scenario(emu: DashScopeEmulator) -> None:
        engine = await open_engine(default_paths(), emu.base_url)
        engine.secrets.set("c", "sk-ok")
        try:
            (record,) = await _run(engine, "c", [wan("720P", 5)])
            assert record.estimate is not None and record.estimate["amount"] == 3.0
            assert record.charge is not None and record.charge["amount"] == 6.0  # billed 10 s at 720P
            assert "10 s" in record.charge["basis"]
        finally:
            await close_engine(engine)

    with DashScopeEmulator(billed_seconds=10) as emu:
        asyncio.run(scenario(emu))  # type: ignore[arg-type]


def test_pixverse_credits_are_the_charge_and_the_balance_follows(
    pixverse_emu: PixVerseEmulator, tmp_path: Path
) -> None:
    image = make_image(tmp_path / "still.png", (640, 360))
    pixverse_emu.credits_charged = 50

    async def scenario() -> None:
        engine = await open_engine(default_paths())
        engine.add_connection(Connection(name="p", dialect="pixverse", base_url=pixverse_emu.base_url))
        engine.secrets.set("p", "sk-ok")
        try:
            request = GenerationRequest(
                model="v5", prompt="a cat", image=str(image), resolution="540p", duration=5
            )
            (record,) = await _run(engine, "p", [request])
            assert record.state is TaskState.SUCCEEDED, record.error_message
            assert record.estimate is not None and record.charge is not None
            assert (record.estimate["amount"], record.estimate["currency"]) == (45, "credits")
            assert (record.charge["amount"], record.charge["currency"]) == (50, "credits")
            # and the account's balance once it finished (PixVerse's balance call, which costs nothing)
            assert record.balance == {"currency": "credits", "credit_monthly": 1000, "credit_package": 250}
        finally:
            await close_engine(engine)

    asyncio.run(scenario())


def test_the_balance_comes_with_the_finished_state_once_per_task_at_most(
    pixverse_emu: PixVerseEmulator, newapi_emu: object, tmp_path: Path
) -> None:
    """Where the API has a balance call: the task is seen finished with the account's balance (so
    its notice can say it), asked at most once per finished task and connection; elsewhere never."""
    image = make_image(tmp_path / "still.png", (640, 360))
    newapi_url = newapi_emu.base_url  # type: ignore[attr-defined]

    async def scenario() -> None:
        engine = await open_engine(default_paths())
        engine.add_connection(Connection(name="p", dialect="pixverse", base_url=pixverse_emu.base_url))
        engine.add_connection(Connection(name="g", dialect="newapi", base_url=newapi_url))
        for name in ("p", "g"):
            engine.secrets.set(name, "sk-ok")
        seen_done: list[object] = []
        engine.subscribe(
            lambda _e, r: seen_done.append(r.balance) if r.state is TaskState.SUCCEEDED else None
        )
        try:
            takes = [
                GenerationRequest(
                    model="v5", prompt=f"cat {n}", image=str(image), resolution="540p", duration=5
                )
                for n in range(3)
            ]
            records = await _run(engine, "p", takes, batch="b")
            assert [r.state for r in records] == [TaskState.SUCCEEDED] * 3
            pixverse = {"currency": "credits", "credit_monthly": 1000, "credit_package": 250}
            assert seen_done and all(b == pixverse for b in seen_done)
            assert all(r.balance == pixverse for r in records)
            (kling,) = await _run(engine, "g", [GenerationRequest(model="kling-v1", prompt="a cat")])
            assert kling.state is TaskState.SUCCEEDED, kling.error_message
            assert kling.balance == {"currency": "USD", "limit": 25.0, "used": 5.5, "remaining": 19.5}
        finally:
            await close_engine(engine)

    asyncio.run(scenario())
    asked = [r for r in pixverse_emu.requests if r.path.endswith("/account/balance")]
    assert 1 <= len(asked) <= 3
    routes = [r.path for r in newapi_emu.requests]  # type: ignore[attr-defined]
    assert routes.count("/v1/dashboard/billing/subscription") == 1


def test_a_refused_submit_is_not_charged(dashscope_emu: DashScopeEmulator) -> None:
    async def scenario() -> None:
        engine = await open_engine(default_paths(), dashscope_emu.base_url)
        engine.secrets.set("c", "sk-poor")  # Arrearage at submit: no task is created
        try:
            (record,) = await _run(engine, "c", [wan()])
            assert record.state is TaskState.FAILED and record.error_kind == "balance"
            assert record.charge is not None and record.charge["not_charged"] is True
            assert await engine.ledger.spent("c", "CNY", 0) == 0
        finally:
            await close_engine(engine)

    asyncio.run(scenario())


def test_a_cap_refuses_before_any_request(dashscope_emu: DashScopeEmulator) -> None:
    async def scenario() -> None:
        engine = await open_engine(default_paths())
        url = dashscope_emu.base_url + "/alibailian"
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=url, daily_budget=1.0))
        engine.secrets.set("c", "sk-ok")
        try:
            (record,) = await _run(engine, "c", [wan("480P", 5)])  # 1.5 CNY, over a 1.0 cap
            assert record.state is TaskState.FAILED and record.error_kind == "budget"
            assert "1 CNY" in (record.error_message or "") and "1.5 CNY" in (record.error_message or "")
        finally:
            await close_engine(engine)

    asyncio.run(scenario())
    assert dashscope_emu.requests == []


def test_a_batch_stops_at_the_cap_and_the_rest_is_released_by_a_higher_cap(
    dashscope_emu: DashScopeEmulator,
) -> None:
    def capped(cap: float) -> Connection:
        return Connection(
            name="c", dialect="dashscope", base_url=dashscope_emu.base_url + "/alibailian", daily_budget=cap
        )

    async def scenario() -> None:
        engine = await open_engine(default_paths())
        engine.add_connection(capped(3.0))
        engine.secrets.set("c", "sk-ok")
        try:
            requests = [wan("480P", 5, prompt=f"cat {n}") for n in range(3)]  # 1.5 CNY each
            records = await engine.create_many("c", requests, batch_id="b1")
            held = asyncio.Event()
            engine.subscribe(lambda _e, r: held.set() if r.state is TaskState.HELD else None)
            if not any(r.state is TaskState.HELD for r in records):
                await asyncio.wait_for(held.wait(), 30)
            done = [r for r in records if r.state is not TaskState.HELD]
            await engine.wait([r.id for r in done])
            assert [r.state for r in done] == [TaskState.SUCCEEDED] * 2
            (waiting,) = [r for r in records if r.state is TaskState.HELD]
            assert waiting.error_kind == "budget" and waiting.remote_id is None
            assert len(dashscope_emu.submits) == 2
            stored = await engine.journal.get(waiting.id)
            assert stored is not None and stored.state is TaskState.HELD  # nothing lost
            engine.add_connection(capped(10.0))  # a higher cap releases it
            await engine.wait([waiting.id])
            assert waiting.state is TaskState.SUCCEEDED
            assert len(dashscope_emu.submits) == 3
            assert await engine.ledger.spent("c", "CNY", 0) == 4.5
        finally:
            await close_engine(engine)

    asyncio.run(scenario())


def test_a_held_task_stays_held_for_the_cli_and_resumes_when_the_cap_allows(
    dashscope_emu: DashScopeEmulator,
) -> None:
    url = dashscope_emu.base_url + "/alibailian"

    async def scenario() -> None:
        engine = await open_engine(default_paths())
        engine.hold_waits = False
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=url, daily_budget=1.0))
        engine.secrets.set("c", "sk-ok")
        try:
            (record,) = await engine.create_many("c", [wan("480P", 5)], batch_id="b")
            await engine.wait([record.id])
            assert record.state is TaskState.HELD
        finally:
            await close_engine(engine)
        engine = await open_engine(default_paths())  # a later run, with a higher cap
        engine.hold_waits = False
        engine.add_connection(Connection(name="c", dialect="dashscope", base_url=url, daily_budget=5.0))
        try:
            (resumed,) = await engine.resume_all()
            await engine.wait([resumed.id])
            assert resumed.state is TaskState.SUCCEEDED
        finally:
            await close_engine(engine)

    asyncio.run(scenario())
    assert len(dashscope_emu.submits) == 1


def test_price_sources_are_documented() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "prices.md").read_text(encoding="utf-8")
    for dialect in DIALECTS:
        data = json.loads((PRICE_DIR / f"{dialect}.json").read_text(encoding="utf-8"))
        assert data["source"] == f"docs/prices.md#{dialect}"
        assert f'<a id="{dialect}"></a>' in doc, dialect


def test_aisphere_usage_seconds_priced_at_the_connections_own_rate(aisphere_emu: object) -> None:
    async def scenario() -> None:
        engine = await open_engine(default_paths())
        url = aisphere_emu.base_url  # type: ignore[attr-defined]
        prices = {"aisphere-v5": "0.2CNY/second"}
        engine.add_connection(Connection(name="a", dialect="aisphere", base_url=url, prices=prices))
        engine.secrets.set("a", "sk-ok")
        try:
            request = GenerationRequest(
                model="aisphere-v5", prompt="a cat", image=IMAGE_URL, resolution="540p", duration=8
            )
            (record,) = await _run(engine, "a", [request])
            assert record.state is TaskState.SUCCEEDED, record.error_message
            assert record.estimate is not None and record.estimate["amount"] == pytest.approx(1.6)
            assert record.charge is not None and record.charge["amount"] == pytest.approx(1.6)
            assert record.charge["reported"]["seconds"] == 8
        finally:
            await close_engine(engine)

    asyncio.run(scenario())
