"""POST /api/v1/portfolios/{id}/corporate-actions/import over the real container: a 2-for-1
split from a fake Alpaca data server booked once (the holdings and lots follow it; a second
import adds nothing), another user's portfolio 404, a vendor without keys 409, a vendor down
503 with Retry-After, a bad window 422. The harness clock's today is 2026-01-05."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from typing import Any

import pytest

from tests.alpaca_server import AlpacaServer, Reply
from tests.http.core_helpers import assert_problem, harness_with
from tests.http.harness import Harness, User
from tests.kit.fake_server import threaded

pytestmark = [pytest.mark.serves("portfolio"), pytest.mark.shares_app()]

ROOT = "/api/v1/portfolios"
WINDOW = {"start": "2025-01-01", "end": "2026-01-05"}
SPLIT = {
    "corporate_actions": {
        "forward_splits": [
            {"id": "fs-1", "symbol": "AAPL", "new_rate": 2, "old_rate": 1,
             "process_date": "2025-06-09", "ex_date": "2025-06-09"},
        ]
    },
    "next_page_token": None,
}  # fmt: skip


@pytest.fixture
def alpaca() -> Iterator[AlpacaServer]:
    """On a thread of its own: the test client blocks the test's loop during a request."""
    with threaded(AlpacaServer()) as served:
        yield served


@pytest.fixture
async def with_alpaca(alpaca: AlpacaServer) -> AsyncIterator[Harness]:
    async with harness_with(
        alpaca_key_id="key-id", alpaca_secret_key="secret", alpaca_data_url=alpaca.url
    ) as harness:
        yield harness


async def holding(harness: Harness, owner: User) -> str:
    """A portfolio of `owner`'s holding 10 AAPL bought at 150: its id."""
    made = await harness.client.post(ROOT, json={"name": "Family"}, headers=owner.headers)
    portfolio = made.json()["id"]
    account = await harness.client.post(
        f"{ROOT}/{portfolio}/accounts",
        json={"kind": "manual", "name": "Brokerage"},
        headers=owner.headers,
    )
    account_id = account.json()["accounts"][0]["id"]
    buy = {"account_id": account_id, "kind": "buy", "trade_date": "2025-01-06",
           "symbol": "AAPL", "quantity": "10", "price": "150"}  # fmt: skip
    booked = await harness.client.post(
        f"{ROOT}/{portfolio}/transactions", json=buy, headers=owner.headers
    )
    assert booked.status_code == 201, booked.text
    return str(portfolio)


async def imported(harness: Harness, user: User, portfolio: str, **body: Any) -> Any:
    return await harness.client.post(
        f"{ROOT}/{portfolio}/corporate-actions/import",
        json={"source": "alpaca", **WINDOW, **body},
        headers=user.headers,
    )


@pytest.mark.own_app("an app with Alpaca's keys pointed at the fake data server")
async def test_a_split_is_imported_once_and_the_lots_follow_it(
    alpaca: AlpacaServer, with_alpaca: Harness
) -> None:
    # Arrange
    alpaca.route("GET", "/v1/corporate-actions", lambda r: Reply(200, SPLIT))
    harness = with_alpaca
    alice, bob = await harness.user(), await harness.user()
    portfolio = await holding(harness, alice)

    # Act
    first = await imported(harness, alice, portfolio)
    second = await imported(harness, alice, portfolio)
    bobs = await imported(harness, bob, portfolio)
    held = await harness.client.get(f"{ROOT}/{portfolio}/holdings", headers=alice.headers)

    # Assert
    assert first.status_code == 200, first.text
    added = first.json()["added"]
    assert [(a["symbol"], a["kind"], a["effective_date"]) for a in added] == [
        ("AAPL", "split", "2025-06-09")
    ]
    assert second.json()["added"] == [] and len(second.json()["already_present"]) == 1
    assert_problem(bobs, 404, "PORTFOLIO_NOT_FOUND")
    (position,) = held.json()["accounts"][0]["positions"]
    (lot,) = position["lots"]
    assert Decimal(position["quantity"]) == Decimal(lot["quantity"]) == 20
    assert Decimal(lot["cost_basis"]) == 1500
    asked = alpaca.requests[0]
    assert asked.params["symbols"] == "AAPL" and asked.headers["apca-api-key-id"] == "key-id"
    assert len(alpaca.requests) == 2  # bob's import asked nothing


@pytest.mark.own_app("an app with Alpaca's keys pointed at the fake data server")
async def test_alpaca_down_is_503_with_retry_after(
    alpaca: AlpacaServer, with_alpaca: Harness
) -> None:
    alpaca.route("GET", "/v1/corporate-actions", lambda r: Reply(500, {"message": "down"}))
    harness = with_alpaca
    alice = await harness.user()
    portfolio = await holding(harness, alice)

    answer = await imported(harness, alice, portfolio)

    assert_problem(answer, 503, "CORPORATE_ACTIONS_UNAVAILABLE")
    assert int(answer.headers["retry-after"]) >= 1


async def test_another_users_portfolio_is_404_and_no_keys_is_409(
    harness: Harness, owner: User
) -> None:
    portfolio = await holding(harness, owner)
    bob = await harness.user()

    bobs = await imported(harness, bob, portfolio)
    unconfigured = await imported(harness, owner, portfolio, source="polygon")

    assert_problem(bobs, 404, "PORTFOLIO_NOT_FOUND")
    problem = assert_problem(unconfigured, 409, "CAPABILITY_NOT_CONFIGURED")
    assert "BULWARK_POLYGON_API_KEY" in problem["settings"]


async def test_a_window_ending_after_today_is_422_naming_end(harness: Harness, owner: User) -> None:
    portfolio = await holding(harness, owner)

    answer = await imported(harness, owner, portfolio, end="2026-02-01")

    problem = assert_problem(answer, 422, "INVALID_ACTION_IMPORT")
    assert problem["errors"][0]["field"] == "end"
