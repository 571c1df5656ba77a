"""HTTP market data: depth of market with whales, bars with indicators, errors as problems."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from application.market_data.market import MarketService
from domain.principals import Role
from ports.market_data.marketdata import ProviderError, ProviderRateLimited
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User, serving_market_data
from tests.unit.market_data.test_market_service import BOOK, FakeProvider

pytestmark = [pytest.mark.serves("market_data"), pytest.mark.shares_app()]

MARKET = "/api/v1/market"


@pytest.fixture
async def provider(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[FakeProvider]:
    """The app's market service over a fake provider: AAPL's book has a 9,000 bid at 99.93."""
    fake = FakeProvider(harness.clock, books={"AAPL": BOOK})
    async with serving_market_data(
        harness, market=MarketService(fake, harness.clock, ttl_s=2.0)
    ) as client:
        monkeypatch.setattr(harness, "client", client)
        yield fake


@pytest.fixture
async def trader(harness: Harness) -> User:
    return await harness.user(Role.TRADER)


@pytest.mark.parametrize("role", [Role.OWNER, Role.TRADER, Role.RISK_OFFICER, Role.ADMIN])
async def test_any_signed_in_user_reads_the_depth_of_market(
    harness: Harness, provider: FakeProvider, role: Role
) -> None:
    user = await harness.user(role)

    response = await harness.client.get(f"{MARKET}/aapl/depth?levels=8", headers=user.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["symbol"] == "AAPL"
    # 99.99 x 200 bid, 100.01 x 100 ask: (99.99 * 100 + 100.01 * 200) / 300, 8 places shown.
    assert (body["mid"], body["microprice"]) == ("100.00000000", "100.00333333")
    assert body["spread"] == {"absolute": "0.02000000", "bps": "2.0000000000"}
    assert (body["imbalance"], body["imbalance_levels"]) == ("0.1780820000", 5)
    assert [level["cumulative_size"] for level in body["bids"][:3]] == [
        "200.00000000",
        "350.00000000",
        "530.00000000",
    ]
    assert body["bids"][0] == {
        "price": "99.99000000",
        "size": "200.00000000",
        "cumulative_size": "200.00000000",
        "cumulative_notional": "19998.00",
        "orders": None,
    }
    [whale] = body["whales"]
    assert (whale["side"], whale["price"], whale["size"]) == ("bid", "99.93000000", "9000.00000000")
    assert whale["by_z"] is True and whale["by_size"] is False and whale["z"] > 100
    assert body["whale_rule"] == {"z": 3.0, "min_size": None, "method": "robust"}


async def test_whale_parameters_come_from_the_query(
    harness: Harness, provider: FakeProvider, trader: User
) -> None:
    response = await harness.client.get(
        f"{MARKET}/AAPL/depth",
        params={"levels": 3, "whale_size": "150", "whale_z": "50", "whale_method": "standard"},
        headers=trader.headers,
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert [(w["side"], w["price"], w["by_size"]) for w in body["whales"]] == [
        ("bid", "99.99000000", True),
        ("bid", "99.98000000", True),
        ("bid", "99.97000000", True),
    ]
    assert body["whale_rule"] == {"z": 50.0, "min_size": "150.00000000", "method": "standard"}
    assert len(body["bids"]) == len(body["asks"]) == 3


async def test_an_agent_reads_bars_with_its_api_key(
    harness: Harness, provider: FakeProvider
) -> None:
    owner = await harness.user(Role.OWNER)
    account = await harness.account(owner, "acc-1")
    key = await harness.agent_key(owner, "agent-1", (account,))

    response = await harness.client.get(
        f"{MARKET}/AAPL/bars?limit=5&indicators=ema:3", headers={"X-API-Key": key}
    )

    assert response.status_code == 200, response.text
    assert len(response.json()["indicators"][0]["columns"]["value"]) == 5


async def test_depth_needs_credentials(harness: Harness, provider: FakeProvider) -> None:
    response = await harness.client.get(f"{MARKET}/AAPL/depth")

    assert_problem(response, 401, "UNAUTHENTICATED")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("levels=0", "levels"),
        ("levels=101", "levels"),
        ("whale_z=-1", "whale_z"),
        ("whale_size=abc", "whale_size"),
        ("whale_size=0", "whale_size"),  # the strict parser's range (was INVALID_MARKET_REQUEST)
        ("whale_size=1_0", "whale_size"),
        ("whale_method=loud", "whale_method"),
    ],
)
async def test_depth_query_out_of_range_is_a_validation_error(
    harness: Harness, provider: FakeProvider, trader: User, query: str, field: str
) -> None:
    response = await harness.client.get(f"{MARKET}/AAPL/depth?{query}", headers=trader.headers)

    body = assert_problem(response, 400, "VALIDATION_ERROR")
    assert [e["field"] for e in body["errors"]] == [field]
    assert provider.calls == []


@pytest.mark.parametrize(
    ("query", "field"),
    [("levels=3&imbalance_levels=4", "imbalance_levels")],
)
async def test_parameters_the_service_refuses_name_the_field(
    harness: Harness, provider: FakeProvider, trader: User, query: str, field: str
) -> None:
    response = await harness.client.get(f"{MARKET}/AAPL/depth?{query}", headers=trader.headers)

    body = assert_problem(response, 400, "INVALID_MARKET_REQUEST")
    assert body["errors"] == [{"field": field, "message": body["detail"], "source": "query"}]
    assert provider.calls == []


async def test_bars_with_indicators_are_aligned_columns_with_nulls_for_warm_up(
    harness: Harness, provider: FakeProvider, trader: User
) -> None:
    provider.history = 12

    response = await harness.client.get(
        f"{MARKET}/AAPL/bars",
        params={"timeframe": "5m", "limit": 10, "indicators": "sma:5,macd:2:4:2,vwap"},
        headers=trader.headers,
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["symbol"], body["timeframe"]) == ("AAPL", "5m")
    assert len(body["bars"]) == 10
    assert body["bars"][0] == {
        "start": "2026-01-05T13:45:00Z",
        "open": "102.00000000",
        "high": "103.00000000",
        "low": "101.00000000",
        "close": "102.00000000",
        "volume": "1000.00000000",
        "vwap": None,
        "trades": None,
    }
    sma5, lines, vwap = body["indicators"]
    # 12 bars of history for a lookback of 4: the first two returned bars have no SMA yet.
    assert (sma5["key"], sma5["params"], sma5["lookback"]) == ("sma:5", [5], 4)
    assert sma5["columns"]["value"][:3] == [None, None, 102.0]
    assert sma5["columns"]["value"][-1] == 109.0
    assert set(lines["columns"]) == {"macd", "signal", "histogram"}
    assert all(len(column) == 10 for column in lines["columns"].values())
    assert vwap["key"] == "vwap:day" and None not in vwap["columns"]["value"]
    assert provider.calls == [("bars", "AAPL", 14)]


async def test_bars_default_to_200_one_minute_bars_without_indicators(
    harness: Harness, provider: FakeProvider, trader: User
) -> None:
    response = await harness.client.get(f"{MARKET}/AAPL/bars", headers=trader.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["timeframe"], len(body["bars"]), body["indicators"]) == ("1m", 200, [])


@pytest.mark.parametrize(
    ("indicators", "code"),
    [
        ("sma:20,ichimoku", "UNKNOWN_INDICATOR"),
        ("macd:26:12:9", "INVALID_INDICATOR"),
        ("rsi:abc", "INVALID_INDICATOR"),
    ],
)
async def test_bad_indicators_are_400_naming_the_item(
    harness: Harness, provider: FakeProvider, trader: User, indicators: str, code: str
) -> None:
    response = await harness.client.get(
        f"{MARKET}/AAPL/bars", params={"indicators": indicators}, headers=trader.headers
    )

    body = assert_problem(response, 400, code)
    [error] = body["errors"]
    assert (error["field"], error["source"]) == ("indicators", "query")
    assert indicators.split(",")[-1].split(":")[0] in body["detail"]
    assert provider.calls == []


@pytest.mark.parametrize(("query", "field"), [("timeframe=2m", "timeframe"), ("limit=0", "limit")])
async def test_bars_query_out_of_range_is_a_validation_error(
    harness: Harness, provider: FakeProvider, trader: User, query: str, field: str
) -> None:
    response = await harness.client.get(f"{MARKET}/AAPL/bars?{query}", headers=trader.headers)

    body = assert_problem(response, 400, "VALIDATION_ERROR")
    assert [e["field"] for e in body["errors"]] == [field]


async def test_unknown_symbol_is_404(
    harness: Harness, provider: FakeProvider, trader: User
) -> None:
    for path in ("bars", "depth"):
        response = await harness.client.get(f"{MARKET}/NOPE/{path}", headers=trader.headers)

        assert_problem(response, 404, "SYMBOL_NOT_FOUND")


async def test_rate_limited_provider_is_503_with_retry_after(
    harness: Harness, provider: FakeProvider, trader: User
) -> None:
    provider.failure = ProviderRateLimited("fake", retry_after_s=12.5)

    response = await harness.client.get(f"{MARKET}/AAPL/bars", headers=trader.headers)

    body = assert_problem(response, 503, "MARKET_DATA_UNAVAILABLE")
    assert response.headers["retry-after"] == "13"
    assert body["retry_after"] == 12.5


async def test_failed_provider_is_503_without_its_own_words(
    harness: Harness, provider: FakeProvider, trader: User
) -> None:
    provider.failure = ProviderError("fake", "HTTP 500 from https://internal/x", retryable=False)

    response = await harness.client.get(f"{MARKET}/AAPL/depth", headers=trader.headers)

    body = assert_problem(response, 503, "MARKET_DATA_UNAVAILABLE")
    assert "retry-after" not in response.headers and "retry_after" not in body
    assert "internal" not in body["detail"]


async def test_without_a_market_service_the_endpoints_are_unavailable(
    harness: Harness, trader: User
) -> None:
    async with serving_market_data(harness, market=None) as client:
        response = await client.get(f"{MARKET}/AAPL/bars", headers=trader.headers)

    assert_problem(response, 503, "MARKET_DATA_UNAVAILABLE")


async def test_the_wired_feed_serves_bars_around_the_board_price(
    harness: Harness, trader: User
) -> None:
    await harness.instrument("AAPL", "190")

    response = await harness.client.get(
        f"{MARKET}/AAPL/bars",
        params={"timeframe": "1h", "limit": 30, "indicators": "rsi,bbands,atr"},
        headers=trader.headers,
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert len(body["bars"]) == 30
    assert float(body["bars"][-1]["close"]) == pytest.approx(190, rel=0.01)
    rsi = body["indicators"][0]["columns"]["value"]
    assert all(v is not None and 0 <= v <= 100 for v in rsi)


async def test_openapi_documents_the_indicator_syntax(harness: Harness) -> None:
    response = await harness.client.get("/schema/openapi.json")

    paths = response.json()["paths"]
    bars = paths["/api/v1/market/{symbol}/bars"]["get"]
    assert "macd:12:26:9 (fast:slow:signal)" in bars["description"]
    assert bars["tags"] == ["market_data"]
    assert bars["operationId"] == "getLatestBars"
    assert {"400", "404", "503"} <= set(bars["responses"])
    assert "/api/v1/market/{symbol}/depth" in paths
