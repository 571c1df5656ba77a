"""/console/chart: the page (form, inline errors, nav) and its JSON route, whose indicator
columns are compared with values worked out by hand for a six-bar series."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest

from application.market_data.market import MarketService
from domain.market_data.bars import Bar, Timeframe
from domain.principals import Role
from tests.http.console.helpers import console_client, signed_in
from tests.http.harness import PASSWORD, Harness, serving_market_data
from tests.http.test_ws_quotes import frame_of, prices, set_price
from tests.kit.market_data import BarAsk
from tests.unit.market_data.test_market_service import FakeProvider

pytestmark = [
    pytest.mark.serves("trading", "safety", "market_data", "devices", "console"),
    pytest.mark.shares_app(),
]

PAGE = "/console/chart"
DATA = "/console/chart/data"
CLOSES = ("10", "11", "10.5", "11.5", "12", "11")


def six_bars(symbol: str, timeframe: Timeframe, last: datetime) -> list[Bar]:
    """Bars closing 10, 11, 10.5, 11.5, 12, 11, the last starting at `last`."""
    out = []
    for i, text in enumerate(CLOSES):
        close = Decimal(text)
        open_ = Decimal(CLOSES[i - 1]) if i else close
        out.append(
            Bar(
                symbol,
                timeframe,
                last - timeframe.delta * (len(CLOSES) - 1 - i),
                open_,
                max(open_, close) + Decimal("0.5"),
                min(open_, close) - Decimal("0.5"),
                close,
                Decimal(1000 + i),
            )
        )
    return out


@dataclass
class SixBars(FakeProvider):
    """AAPL's daily bars close 10, 11, 10.5, 11.5, 12, 11 (opens at the close before)."""

    async def serve(self, ask: BarAsk) -> list[Bar]:
        await self._enter("bars", ask.symbol, ask.limit)
        return six_bars(ask.symbol, ask.timeframe, ask.timeframe.floor(self.clock.now()))[
            -ask.limit :
        ]


@pytest.fixture
async def market(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SixBars]:
    fake = SixBars(harness.clock)
    service = MarketService(fake, harness.clock, ttl_s=0.001)
    async with serving_market_data(harness, market=service) as client:
        monkeypatch.setattr(harness, "client", client)
        monkeypatch.setattr(harness, "app", client.app)  # the console's client
        yield fake


def _column(body: dict[str, object], key: str, column: str = "value") -> list[float | None]:
    indicators = body["indicators"]
    assert isinstance(indicators, list)
    [found] = [i for i in indicators if i["key"] == key]
    values: list[float | None] = found["columns"][column]
    return values


def _approx(values: list[float | None]) -> list[object]:
    return [None if v is None else pytest.approx(v, abs=1e-9) for v in values]


@pytest.mark.parametrize("role", [Role.OWNER, Role.VIEWER])
async def test_the_data_route_serves_bars_and_hand_computed_indicators(
    harness: Harness, market: SixBars, role: Role
) -> None:
    # Arrange
    user = await harness.user(role)

    # Act
    async with signed_in(harness, user.username) as client:
        response = await client.get(
            DATA,
            params={
                "symbol": "aapl",
                "timeframe": "1d",
                "sma": "3",
                "ema": "3",
                "indicators": "rsi:3,bbands:3:2",
            },
        )

    # Assert
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["symbol"], body["timeframe"], body["source"]) == ("AAPL", "1d", "market")
    assert body["close"] == [
        "10.00000000",
        "11.00000000",
        "10.50000000",
        "11.50000000",
        "12.00000000",
        "11.00000000",
    ]
    assert body["volume"][0] == "1000.00000000" and len(body["x"]) == 6
    assert body["x"][1] - body["x"][0] == 86_400
    assert [i["key"] for i in body["indicators"]] == ["sma:3", "ema:3", "rsi:3", "bbands:3:2"]
    # SMA(3): the mean of the last three closes.
    assert _column(body, "sma:3") == _approx([None, None, 10.5, 11.0, 34 / 3, 11.5])
    # EMA(3): alpha 0.5, seeded with the first SMA (10.5).
    assert _column(body, "ema:3") == _approx([None, None, 10.5, 11.0, 11.5, 11.25])
    # RSI(3), Wilder: gains 1, 0, 1 and losses 0, .5, 0 seed 2/3 and 1/6 -> 80; then
    # (11/18, 2/18) -> 100 * 11/13; then (11/27, 11/27) -> 50.
    assert _column(body, "rsi:3") == _approx([None, None, None, 80.0, 1100 / 13, 50.0])
    # Bollinger(3, 2): population deviation of 10, 11, 10.5 is sqrt(1/6).
    spread = 2 * (1 / 6) ** 0.5
    assert _column(body, "bbands:3:2", "middle")[2] == pytest.approx(10.5, abs=1e-9)
    assert _column(body, "bbands:3:2", "upper")[2] == pytest.approx(10.5 + spread, abs=1e-9)
    assert _column(body, "bbands:3:2", "lower")[2] == pytest.approx(10.5 - spread, abs=1e-9)


async def test_the_page_carries_the_chart_and_the_nav_entry(
    harness: Harness, market: SixBars
) -> None:
    viewer = await harness.user(Role.VIEWER)

    async with signed_in(harness, viewer.username) as client:
        page = await client.get(
            PAGE, params={"symbol": "AAPL", "timeframe": "1d", "sma": "20,50", "ind": "rsi:14"}
        )

    assert page.status_code == 200, page.text
    assert 'id="price-chart"' in page.text and 'data-symbol="AAPL"' in page.text
    assert "indicators=sma%3A20%2Csma%3A50%2Crsi%3A14" in page.text
    assert 'href="/console/chart" data-key="q"' in page.text
    assert '<script src="/console/static/chart.js" defer></script>' in page.text


@pytest.mark.parametrize(
    ("params", "field", "words"),
    [
        ({"symbol": "NOPE"}, "symbol", "no market data for symbol NOPE"),
        ({"symbol": "AA PL"}, "symbol", "1 to 24 letters"),
        ({"symbol": "AAPL", "sma": "20,x"}, "sma", "whole numbers"),
        ({"symbol": "AAPL", "timeframe": "2d"}, "timeframe", "one of 1m"),
    ],
)
async def test_a_bad_form_is_said_beside_its_field(
    harness: Harness, market: SixBars, params: dict[str, str], field: str, words: str
) -> None:
    owner = await harness.user(Role.OWNER)

    async with signed_in(harness, owner.username) as client:
        page = await client.get(PAGE, params=params)
        data = await client.get(DATA, params=params)

    assert page.status_code == 400
    assert f'id="{field}-error" role="alert">' in page.text and words in page.text
    assert f'aria-describedby="{field}-error"' in page.text
    assert 'id="price-chart"' not in page.text
    assert data.headers["content-type"].startswith("application/problem+json")
    expected = 404 if field == "symbol" and "NOPE" in params["symbol"] else 400
    assert data.status_code == expected
    assert data.json()["code"] == ("SYMBOL_NOT_FOUND" if expected == 404 else data.json()["code"])


async def test_the_data_route_needs_a_session(harness: Harness, market: SixBars) -> None:
    async with console_client(harness) as client:
        response = await client.get(DATA, params={"symbol": "AAPL"})

    assert response.status_code == 303
    assert response.headers["location"].startswith("/console/login")


@pytest.mark.own_app("it moves AAPL's price on the board every user reads")
async def test_the_console_session_cookie_opens_the_quotes_socket(harness: Harness) -> None:
    """The chart's JS opens /ws/quotes with nothing but the console's cookie."""
    # Arrange: sign in on the test client itself (its cookie jar is the socket's)
    viewer = await harness.user(Role.VIEWER)
    form = await harness.client.get("/console/login")
    found = re.search(r'name="_csrf" value="([^"]+)"', form.text)
    assert found is not None
    login = {"_csrf": found.group(1), "username": viewer.username, "password": PASSWORD}
    signed = await harness.client.post("/console/login", data=login, follow_redirects=False)
    assert signed.status_code == 303, signed.text
    cookie = "; ".join(f"{k}={v}" for k, v in harness.client.cookies.items())

    # Act (a page of this host opens it: the browser sends its Origin)
    ws = await harness.client.websocket_connect(
        "/ws/quotes?symbols=AAPL", headers={"cookie": cookie, "origin": "http://testserver.local"}
    )
    set_price(harness, "AAPL", "190.25")

    # Assert
    with ws:
        assert frame_of(ws, "welcome")["principal"] == viewer.id
        assert frame_of(ws, "subscribed")["symbols"] == ["AAPL"]
        assert prices(ws).get("AAPL") == "190.25000000"


@pytest.mark.own_app("it stores MSFT's bars, which every user reads")
async def test_a_range_reads_the_stored_history_with_indicators_over_it(
    harness: Harness, market: SixBars
) -> None:
    # Arrange: six stored daily bars of MSFT (the provider knows no MSFT: the store answers)
    last = datetime(2025, 12, 31, tzinfo=UTC)
    await harness.container.market_data.bar_store().write(
        "MSFT", Timeframe.D1, six_bars("MSFT", Timeframe.D1, last)
    )
    viewer = await harness.user(Role.VIEWER)

    # Act
    async with signed_in(harness, viewer.username) as client:
        stored = await client.get(
            DATA,
            params={
                "symbol": "MSFT",
                "sma": "3",
                "start": "2025-12-01T00:00:00Z",
                "end": "2026-01-01T00:00:00Z",
            },
        )
        empty = await client.get(
            DATA,
            params={
                "symbol": "MSFT",
                "start": "2024-01-01T00:00:00Z",
                "end": "2024-02-01T00:00:00Z",
            },
        )
        half = await client.get(DATA, params={"symbol": "MSFT", "start": "2025-12-01T00:00:00Z"})

    # Assert
    assert stored.status_code == 200, stored.text
    body = stored.json()
    assert body["source"] == "history" and body["close"][-1] == "11.00000000"
    assert body["x"][-1] == int(last.timestamp())
    assert _column(body, "sma:3") == _approx([None, None, 10.5, 11.0, 34 / 3, 11.5])
    assert empty.status_code == 404 and empty.json()["code"] == "SYMBOL_NOT_FOUND"
    assert half.status_code == 400 and half.json()["errors"][0]["field"] == "end"
