"""The US account rules through the API: an order denied PATTERN_DAY_TRADER, one denied
DAY_TRADING_BUYING_POWER, one denied OPTIONS_LEVEL; the options level set by the account's
owner only."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain.trading.instruments import AssetClass, Instrument, OptionRight
from tests.http.core_helpers import assert_problem, order_body, submit
from tests.http.harness import Harness, User

pytestmark = pytest.mark.serves("trading", "account_rules", "identity")

CALL = "AAPL260320C00200000"


def rules_path(account_id: str) -> str:
    return f"/api/v1/accounts/{account_id}/account-rules"


async def round_trips(
    market: Harness, headers: dict[str, str], account_id: str, times: int, quantity: str = "10"
) -> None:
    """`times` day trades of AAPL: each a buy and a sell of `quantity`, a minute apart."""
    for _ in range(times):
        for side in ("buy", "sell"):
            market.clock.advance(60)
            body = order_body(account_id, side=side, quantity=quantity)
            response = await submit(market, headers, body)
            assert response.status_code == 201, response.text


async def test_a_fourth_day_trade_under_25000_is_denied(market: Harness, owner: User) -> None:
    # Arrange: a margin account with 20,000; three day trades today
    account = await market.account(owner, "pdt-small", cash="20000")
    await round_trips(market, owner.headers, account, 3)
    market.clock.advance(60)
    opened = await submit(market, owner, order_body(account, quantity="10"))
    assert opened.status_code == 201, opened.text

    # Act: the sale would close the position opened today: a 4th day trade
    market.clock.advance(60)
    closing = await submit(market, owner, order_body(account, side="sell", quantity="10"))

    # Assert
    denied = assert_problem(closing, 422, "ORDER_DENIED")
    assert denied["reasons"] == ["PATTERN_DAY_TRADER"]


async def test_a_pattern_day_trader_may_not_open_past_day_trading_buying_power(
    market: Harness, owner: User
) -> None:
    # Arrange: 30,000, four day trades on Monday: a pattern day trader from Tuesday, with
    # 4 x 30,000 = 120,000 of day-trading buying power (nothing held overnight); one sector
    # may take all of the equity
    account = await market.account(owner, "pdt-large", cash="30000")
    sector = {
        "rule_type": "SECTOR_CONCENTRATION", "params": {"max_pct": "1"}, "action": "block",
        "account_id": account,
    }  # fmt: skip
    created = await market.client.post("/api/v1/risk-rules", json=sector, headers=owner.headers)
    assert created.status_code == 201, created.text
    await round_trips(market, owner.headers, account, 4)
    market.clock.advance(timedelta(days=1))
    headers = await market.session_headers(owner.username)
    # Tuesday: four round trips of 150 AAPL at 190 open 114,000
    await round_trips(market, headers, account, 4, quantity="150")

    # Act: 40 more (7,600: 121,600 in all), then 30 (5,700: 119,700)
    market.clock.advance(60)
    over = await submit(market, headers, order_body(account, quantity="40"))
    within = await submit(market, headers, order_body(account, quantity="30"))

    # Assert
    assert assert_problem(over, 422, "ORDER_DENIED")["reasons"] == ["DAY_TRADING_BUYING_POWER"]
    assert within.status_code == 201, within.text


async def test_an_option_order_above_the_accounts_level_is_denied(
    market: Harness, owner: User
) -> None:
    # Arrange: a call on AAPL at 5 (500 a contract); the account approved for level 1
    async with market.container.core.uow_factory()() as uow:
        await uow.instruments.add(
            Instrument(
                CALL, asset_class=AssetClass.OPTION, multiplier=Decimal(100), underlying="AAPL",
                strike=Decimal(200), expiry=date(2026, 3, 20), right=OptionRight.CALL,
            )
        )  # fmt: skip
        await uow.commit()
    market.container.core.market().set_price(CALL, Decimal(5))
    account = await market.account(owner, "options")
    unset = await market.client.get(rules_path(account), headers=owner.headers)
    level_1 = await market.client.put(
        rules_path(account), json={"options_level": 1}, headers=owner.headers
    )

    # Act: buying a call needs level 2
    denied = await submit(market, owner, order_body(account, symbol=CALL, quantity="1"))
    await market.client.put(rules_path(account), json={"options_level": 2}, headers=owner.headers)
    market.clock.advance(60)
    approved = await submit(market, owner, order_body(account, symbol=CALL, quantity="1"))

    # Assert
    assert unset.json()["options_level"] is None
    assert level_1.status_code == 200, level_1.text
    assert level_1.json()["options_level"] == 1
    assert assert_problem(denied, 422, "ORDER_DENIED")["reasons"] == ["OPTIONS_LEVEL"]
    assert approved.status_code == 201, approved.text


async def test_only_the_owner_sets_the_level_and_it_is_validated(
    market: Harness, owner: User
) -> None:
    # Arrange
    account = await market.account(owner, "mine")
    other = await market.user()

    # Act
    theirs = await market.client.put(
        rules_path(account), json={"options_level": 4}, headers=other.headers
    )
    seen = await market.client.get(rules_path(account), headers=other.headers)
    too_high = await market.client.put(
        rules_path(account), json={"options_level": 5}, headers=owner.headers
    )
    cleared = await market.client.put(
        rules_path(account), json={"options_level": None}, headers=owner.headers
    )

    # Assert
    assert_problem(theirs, 404, "NOT_FOUND")
    assert_problem(seen, 404, "NOT_FOUND")
    assert too_high.status_code == 400, too_high.text
    assert cleared.status_code == 200 and cleared.json()["options_level"] is None
