"""GET /api/signals (and /api/v1/signals): any user, filters, cursor pages, errors; live on /ws."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from litestar.testing import WebSocketTestSession

from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, Signal
from domain.principals import Role
from tests.http.core_helpers import assert_problem, field_names, harness_with
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("strategies")

T0 = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
PATHS = ["/api/signals", "/api/v1/signals"]
WAIT = 5.0


def signal(i: int, symbol: str = "AAPL", **fields: Any) -> Signal:
    """The i-th signal, stored i minutes after T0."""
    at = T0 + timedelta(minutes=i)
    values: dict[str, Any] = {
        "timeframe": Timeframe.M5,
        "pattern": Pattern.EMA_CROSSOVER,
        "score": 0.5,
        "reason": "fast EMA above slow EMA, gap widening",
        "details": {"gap_atr": 0.8},
        **fields,
    }
    return Signal(id=f"sig-{i:04d}", symbol=symbol, at=at, created_at=at, **values)


async def seed(harness: Harness, *signals: Signal) -> None:
    await harness.container.strategies.signal_repository().add(list(signals))


async def listing(harness: Harness, user: User, path: str = PATHS[0], **params: Any) -> Any:
    response = await harness.client.get(path, params=params, headers=user.headers)
    assert response.status_code == 200, response.text
    return response.json()


def ids(body: Any) -> list[str]:
    return [item["id"] for item in body["items"]]


@pytest.mark.parametrize("path", PATHS)
async def test_signals_need_a_credential(harness: Harness, path: str) -> None:
    response = await harness.client.get(path)

    assert_problem(response, 401, "UNAUTHENTICATED")


@pytest.mark.parametrize("role", [Role.OWNER, Role.TRADER, Role.RISK_OFFICER])
async def test_any_user_reads_signals_newest_first_on_both_paths(
    harness: Harness, role: Role
) -> None:
    # Arrange: a user without any account still sees market-wide signals
    user = await harness.user(role)
    await seed(harness, signal(0), signal(1, "MSFT", score=-0.72, pattern=Pattern.VWAP_DEVIATION))

    # Act
    short, versioned = [await listing(harness, user, path) for path in PATHS]

    # Assert
    assert short == versioned
    assert ids(short) == ["sig-0001", "sig-0000"]
    assert short["next_cursor"] is None
    assert short["items"][0] == {
        "id": "sig-0001",
        "symbol": "MSFT",
        "timeframe": "5m",
        "pattern": "vwap_deviation",
        "score": -0.72,
        "direction": "bearish",
        "at": "2026-01-05T14:01:00Z",
        "created_at": "2026-01-05T14:01:00Z",
        "reason": "fast EMA above slow EMA, gap widening",
        "details": {"gap_atr": 0.8},
    }


async def test_an_agent_key_reads_signals_too(harness: Harness, owner: User) -> None:
    await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "agent-1", ("acc-1",))
    await seed(harness, signal(0))

    response = await harness.client.get(PATHS[0], headers={"X-API-Key": key})

    assert response.status_code == 200, response.text
    assert ids(response.json()) == ["sig-0000"]


async def test_filters_narrow_the_listing(harness: Harness, owner: User) -> None:
    # Arrange
    await seed(
        harness,
        signal(0, score=0.9),
        signal(1, score=-0.35, pattern=Pattern.VOLATILITY_BREAKOUT),
        signal(2, "MSFT", score=-0.8),
        signal(3, score=0.95, timeframe=Timeframe.H1),
    )

    # Act
    by_symbol = await listing(harness, owner, symbol="aapl")
    by_pattern = await listing(harness, owner, pattern="volatility_breakout")
    strong = await listing(harness, owner, min_score="0.8")
    hourly = await listing(harness, owner, timeframe="1h")
    none = await listing(harness, owner, symbol="TSLA")

    # Assert
    assert ids(by_symbol) == ["sig-0003", "sig-0001", "sig-0000"]
    assert ids(by_pattern) == ["sig-0001"]
    assert ids(strong) == ["sig-0003", "sig-0002", "sig-0000"]
    assert ids(hourly) == ["sig-0003"]
    assert none == {"items": [], "next_cursor": None}


async def test_pages_follow_the_cursor_without_repeats_while_signals_arrive(
    harness: Harness, owner: User
) -> None:
    # Arrange
    await seed(harness, *(signal(i) for i in range(5)))

    # Act: a new signal lands after each page
    seen: list[str] = []
    cursor = None
    for arriving in range(5, 10):
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        body = await listing(harness, owner, **params)
        seen.extend(ids(body))
        await seed(harness, signal(arriving))
        cursor = body["next_cursor"]
        if cursor is None:
            break

    # Assert
    assert seen == ["sig-0004", "sig-0003", "sig-0002", "sig-0001", "sig-0000"]


@pytest.mark.parametrize("cursor", ["not-a-cursor", "eyJ0IjoxfQ", "x" * 600])
async def test_a_cursor_that_was_not_handed_out_is_a_400(
    harness: Harness, owner: User, cursor: str
) -> None:
    response = await harness.client.get(PATHS[0], params={"cursor": cursor}, headers=owner.headers)

    problem = assert_problem(response, 400, "INVALID_CURSOR")
    assert problem["instance"] == PATHS[0]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "201"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"min_score": "1.5"}, "min_score"),
        ({"min_score": "-0.1"}, "min_score"),
        ({"min_score": "strong"}, "min_score"),
        ({"pattern": "head_and_shoulders"}, "pattern"),
        ({"timeframe": "2m"}, "timeframe"),
        ({"symbol": "AAPL;DROP"}, "symbol"),
        ({"symbol": "A" * 33}, "symbol"),
    ],
)
async def test_a_bad_parameter_is_a_400_naming_it(
    harness: Harness, owner: User, params: dict[str, str], field: str
) -> None:
    response = await harness.client.get(PATHS[1], params=params, headers=owner.headers)

    problem = assert_problem(response, 400, "VALIDATION_ERROR")
    assert field_names(problem) == {field}


async def test_a_scan_of_the_market_feed_is_listed() -> None:
    # Arrange: every reading is kept, so a scan of the synthetic feed always stores some
    async with harness_with(signal_min_score="0") as harness:
        await harness.instrument("AAPL", "190")
        owner = await harness.user()

        # Act
        result = await harness.container.strategies.signals().scan(["AAPL"], Timeframe.M1)
        body = await listing(harness, owner, symbol="AAPL")

    # Assert
    assert result.failed == {}
    assert {item["pattern"] for item in body["items"]} == {p.value for p in Pattern}
    last_closed = harness.clock.now() - Timeframe.M1.delta
    assert {item["at"] for item in body["items"]} == {last_closed.strftime("%Y-%m-%dT%H:%M:%SZ")}
    assert sorted(ids(body)) == sorted(s.id for s in result.stored)


def frame(ws: WebSocketTestSession) -> dict[str, Any]:
    message: dict[str, Any] = ws.receive_json(timeout=WAIT)
    return message


async def test_a_subscribed_client_without_accounts_receives_new_signals() -> None:
    async with harness_with(signal_min_score="0") as harness:
        # Arrange
        await harness.instrument("AAPL", "190")
        owner = await harness.user()
        url = f"/ws/events?token={owner.access_token}&types=signal"
        scan = harness.container.strategies.signals().scan

        with await harness.client.websocket_connect(url) as ws:
            hello = frame(ws)

            # Act
            result = harness.client.blocking_portal.call(scan, ["AAPL"], Timeframe.M1)
            frames = [frame(ws) for _ in result.stored]

    # Assert
    assert "signal" in hello["categories"] and hello["types"] == ["signal"]
    assert [f["event"] for f in frames] == ["SignalEmitted"] * 3
    assert {f["category"] for f in frames} == {"signal"}
    assert {f["aggregate_id"] for f in frames} == {"AAPL"}
    assert [f["data"]["signal_id"] for f in frames] == [s.id for s in result.stored]


async def test_openapi_documents_the_signal_listing(harness: Harness) -> None:
    document = (await harness.client.get("/schema/openapi.json")).json()

    for path in PATHS:
        operation = document["paths"][path]["get"]
        assert operation["tags"] == ["strategies"]
        assert operation["summary"].startswith("Trading signals")
        assert set(operation["responses"]) >= {"200", "400", "401", "429"}
        examples = operation["responses"]["200"]["content"]["application/json"]["examples"]
        assert any(e["value"]["items"] for e in examples.values())
        assert {p["name"] for p in operation["parameters"]} >= {
            "symbol",
            "pattern",
            "timeframe",
            "min_score",
            "cursor",
            "limit",
        }
    ids = [document["paths"][path]["get"]["operationId"] for path in PATHS]
    assert ids == ["listSignalsAtApi", "listSignals"]
