"""Accounts over HTTP: the caller's accounts at current marks, one account, its positions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.principals import Role
from tests.http.core_helpers import assert_problem
from tests.http.harness import Harness, User
from tests.http.risk_helpers import api_key, hold, unpriced_instrument

pytestmark = [pytest.mark.serves("analytics", "keys", "trading"), pytest.mark.shares_app()]

ACCOUNTS = "/api/v1/accounts"
D = Decimal


async def test_list_shows_only_the_callers_accounts_with_equity_at_marks(
    market: Harness, owner: User
) -> None:
    other = await market.user()
    acc_b = await market.account(owner, "acc-b", cash="50000")
    acc_a = await market.account(owner, "acc-a", cash="100000")
    await market.account(other, "acc-other")
    await hold(market, acc_a, "AAPL", "100", "180")  # marked at 190: +1,000

    response = await market.client.get(ACCOUNTS, headers=owner.headers)

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [a["id"] for a in items] == [acc_a, acc_b]
    first = items[0]
    assert first["owner_id"] == owner.id
    assert D(first["cash"]) == D(82_000)
    assert D(first["equity"]) == D(101_000)
    assert D(first["day_pnl"]) == D(1_000)
    assert first["positions"] == 1 and first["open_orders"] == 0


@pytest.mark.own_app("a risk officer lists every account of the instance")
async def test_a_risk_officer_lists_every_account(market: Harness, owner: User) -> None:
    officer = await market.user(Role.RISK_OFFICER)
    acc_1 = await market.account(owner, "acc-1")
    acc_2 = await market.account(await market.user(), "acc-2")

    response = await market.client.get(ACCOUNTS, headers=officer.headers)

    assert response.status_code == 200
    assert [a["id"] for a in response.json()["items"]] == [acc_1, acc_2]


async def test_an_agent_lists_only_the_accounts_it_was_granted(
    market: Harness, owner: User
) -> None:
    await market.account(owner, "acc-1")
    acc_2 = await market.account(owner, "acc-2")
    key = await market.agent_key(owner, "bot-1", (acc_2,))

    response = await market.client.get(ACCOUNTS, headers=api_key(key))

    assert response.status_code == 200, response.text
    assert [a["id"] for a in response.json()["items"]] == [acc_2]


async def test_listing_without_a_token_is_401(market: Harness) -> None:
    response = await market.client.get(ACCOUNTS)

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_get_one_account(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1", cash="250000")

    response = await market.client.get(f"{ACCOUNTS}/{acc_1}", headers=owner.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["id"], body["broker"], body["currency"]) == (acc_1, "paper", "USD")
    assert D(body["equity"]) == D(250_000)
    # no positions: buying power = equity / 50% initial margin
    assert D(body["buying_power"]) == D(500_000)


async def test_another_owners_account_is_404(market: Harness, owner: User) -> None:
    acc_other = await market.account(await market.user(), "acc-other")

    response = await market.client.get(f"{ACCOUNTS}/{acc_other}", headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


async def test_an_unknown_account_is_404(market: Harness, owner: User) -> None:
    response = await market.client.get(f"{ACCOUNTS}/nope", headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


async def test_an_account_holding_an_unpriced_symbol_has_no_equity(
    market: Harness, owner: User
) -> None:
    acc_1 = await market.account(owner, "acc-1", cash="10000")
    await unpriced_instrument(market, "DARK")
    await hold(market, acc_1, "DARK", "10", "5")

    response = await market.client.get(f"{ACCOUNTS}/{acc_1}", headers=owner.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["equity"] is None and body["buying_power"] is None and body["day_pnl"] is None
    assert D(body["cash"]) == D(9_950)


async def test_get_account_without_a_token_is_401(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.get(f"{ACCOUNTS}/{acc_1}")

    assert_problem(response, 401, "UNAUTHENTICATED")


async def test_positions_are_valued_at_the_mark(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")
    await hold(market, acc_1, "MSFT", "10", "400")
    await hold(market, acc_1, "XOM", "-20", "120")

    response = await market.client.get(f"{ACCOUNTS}/{acc_1}/positions", headers=owner.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["account_id"] == acc_1
    msft, xom = body["items"]
    assert (msft["symbol"], D(msft["quantity"]), D(msft["mark"])) == ("MSFT", D(10), D(410))
    assert D(msft["market_value"]) == D(4_100)
    assert D(msft["unrealized_pnl"]) == D(100)
    assert (xom["symbol"], D(xom["quantity"])) == ("XOM", D(-20))
    assert D(xom["market_value"]) == D(-2_200)
    assert D(xom["unrealized_pnl"]) == D(200)  # short from 120, marked at 110


async def test_flat_and_unpriced_positions(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")
    await hold(market, acc_1, "AAPL", "0", "190")
    await unpriced_instrument(market, "DARK")
    await hold(market, acc_1, "DARK", "3", "7")

    response = await market.client.get(f"{ACCOUNTS}/{acc_1}/positions", headers=owner.headers)

    assert response.status_code == 200, response.text
    (dark,) = response.json()["items"]
    assert dark["symbol"] == "DARK"
    assert dark["mark"] is None and dark["market_value"] is None
    assert dark["unrealized_pnl"] is None


async def test_positions_of_another_owners_account_are_404(market: Harness, owner: User) -> None:
    other = await market.user()
    acc_other = await market.account(other, "acc-other")
    await hold(market, acc_other, "AAPL", "5", "190")

    response = await market.client.get(f"{ACCOUNTS}/{acc_other}/positions", headers=owner.headers)

    assert_problem(response, 404, "NOT_FOUND")


async def test_an_agent_cannot_read_positions_of_an_account_it_was_not_granted(
    market: Harness, owner: User
) -> None:
    acc_1 = await market.account(owner, "acc-1")
    acc_2 = await market.account(owner, "acc-2")
    key = await market.agent_key(owner, "bot-1", (acc_1,))

    granted = await market.client.get(f"{ACCOUNTS}/{acc_1}/positions", headers=api_key(key))
    refused = await market.client.get(f"{ACCOUNTS}/{acc_2}/positions", headers=api_key(key))

    assert granted.status_code == 200, granted.text
    assert_problem(refused, 404, "NOT_FOUND")


async def test_positions_without_a_token_is_401(market: Harness, owner: User) -> None:
    acc_1 = await market.account(owner, "acc-1")

    response = await market.client.get(f"{ACCOUNTS}/{acc_1}/positions")

    assert_problem(response, 401, "UNAUTHENTICATED")
