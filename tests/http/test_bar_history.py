"""HTTP bar history: pages of stored bars, adjusted on request, bad input as problems."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from adapters.memory.bar_store import InMemoryBarStore
from application.market_data.bar_history import BarHistory
from domain.market_data.bars import Bar, Timeframe
from domain.market_data.corporate_actions import ActionKind, CorporateAction
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User, serving_market_data

pytestmark = pytest.mark.serves("market_data")

BARS = "/api/v1/market/bars"
MONDAY = datetime(2024, 1, 1, tzinfo=UTC)
RANGE = {"start": "2024-01-01T00:00:00Z", "end": "2024-01-08T00:00:00Z"}


def daily(day: int, close: str) -> Bar:
    price = Decimal(close)
    return Bar("AAPL", Timeframe.D1, MONDAY + timedelta(days=day), price, price, price, price,
               Decimal(1000), trades=12)  # fmt: skip


@pytest.fixture
async def stored(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[InMemoryBarStore]:
    """AAPL's daily bars of 1 to 5 January 2024 at 200.5, a 2-for-1 split on the 4th."""
    store = InMemoryBarStore()
    await store.write("AAPL", Timeframe.D1, [daily(d, "200.5") for d in range(5)])
    await store.write_actions(
        [CorporateAction("AAPL", ActionKind.SPLIT, date(2024, 1, 4), Decimal(2))]
    )
    async with serving_market_data(harness, bar_history=BarHistory(store)) as client:
        monkeypatch.setattr(harness, "client", client)
        yield store


async def test_pages_follow_the_cursor_to_the_end_of_the_range(
    harness: Harness, stored: InMemoryBarStore, owner: User
) -> None:
    first = await harness.client.get(
        BARS, params={"symbol": "aapl", **RANGE, "limit": 3}, headers=owner.headers
    )
    assert first.status_code == 200, first.text
    body = first.json()
    second = await harness.client.get(
        BARS,
        params={"symbol": "AAPL", **RANGE, "limit": 3, "cursor": body["next_cursor"]},
        headers=owner.headers,
    )

    assert (body["symbol"], body["timeframe"], body["adjusted"]) == ("AAPL", "1d", False)
    assert body["bars"][0] == {
        "start": "2024-01-01T00:00:00Z",
        "open": "200.50000000",
        "high": "200.50000000",
        "low": "200.50000000",
        "close": "200.50000000",
        "volume": "1000.00000000",
        "vwap": None,
        "trades": 12,
    }
    rest = second.json()
    assert [b["start"][:10] for b in body["bars"] + rest["bars"]] == [
        "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05",
    ]  # fmt: skip
    assert rest["next_cursor"] is None


async def test_adjusted_bars_are_split_before_the_ex_date(
    harness: Harness, stored: InMemoryBarStore, owner: User
) -> None:
    response = await harness.client.get(
        BARS, params={"symbol": "AAPL", **RANGE, "adjusted": "true"}, headers=owner.headers
    )

    assert response.status_code == 200, response.text
    bars = response.json()["bars"]
    assert [b["close"] for b in bars] == ["100.25000000"] * 3 + ["200.50000000"] * 2
    assert bars[0]["volume"] == "2000.00000000"


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({"symbol": "AAPL", "start": RANGE["end"], "end": RANGE["start"]}, "INVALID_BAR_REQUEST",
         "end"),
        ({"symbol": "AAPL", **RANGE, "cursor": "bogus"}, "INVALID_CURSOR", "cursor"),
        ({"symbol": "AAPL", "start": "2024-01-01T00:00:00", "end": RANGE["end"]},
         "INVALID_BAR_REQUEST", "start"),
    ],
)  # fmt: skip
async def test_bad_input_is_a_problem_naming_the_parameter(
    harness: Harness,
    stored: InMemoryBarStore,
    owner: User,
    params: dict[str, str],
    code: str,
    field: str,
) -> None:
    response = await harness.client.get(BARS, params=params, headers=owner.headers)

    body = assert_problem(response, 400, code)
    assert body["errors"][0]["field"] == field


async def test_a_limit_out_of_bounds_or_a_missing_start_is_a_validation_error(
    harness: Harness, stored: InMemoryBarStore, owner: User
) -> None:
    too_many = await harness.client.get(
        BARS, params={"symbol": "AAPL", **RANGE, "limit": 10_001}, headers=owner.headers
    )
    no_start = await harness.client.get(
        BARS, params={"symbol": "AAPL", "end": RANGE["end"]}, headers=owner.headers
    )

    assert_problem(too_many, 400, "VALIDATION_ERROR")
    assert_problem(no_start, 400, "VALIDATION_ERROR")


async def test_signing_in_is_required(harness: Harness, stored: InMemoryBarStore) -> None:
    response = await harness.client.get(BARS, params={"symbol": "AAPL", **RANGE})

    assert_problem(response, 401, "UNAUTHENTICATED")
