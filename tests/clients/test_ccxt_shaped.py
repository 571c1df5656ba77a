"""A script written against ccxt's unified API, pointed at a served Bulwark by its constructor:
orders placed, fetched, listed and canceled as ccxt structures; positions and balance; a
denial raised as ccxt's InvalidOrder; another owner's order as OrderNotFound."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal

import ccxt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bootstrap.demo import DEMO_ACCOUNT
from bulwark_client import ccxt as bulwark_ccxt
from tests.kit.served import Served
from tests.mcp.desk import AgentKey, Desk

pytestmark = pytest.mark.integration


@pytest.fixture
def agent(desk: Desk) -> AgentKey:
    return desk.agent()


@pytest.fixture
def exchange(served: Served, agent: AgentKey) -> Iterator[bulwark_ccxt.bulwark]:
    venue = bulwark_ccxt.bulwark(
        {"apiKey": agent.api_key, "urls": {"api": served.api}, "options": {"account": DEMO_ACCOUNT}}
    )
    yield venue
    venue.close()


def test_a_ccxt_script_trades_through_the_gate(exchange: bulwark_ccxt.bulwark) -> None:
    # Act: what a ccxt script does, unchanged
    markets = exchange.load_markets()
    bought = exchange.create_order("MSFT", "market", "buy", 2)
    resting = exchange.create_order(
        "AAPL", "limit", "buy", 3.0, 1.25, {"clientOrderId": "ccxt-rest-1"}
    )
    fetched = exchange.fetch_order(resting["id"])
    open_orders = exchange.fetch_open_orders("AAPL")
    canceled = exchange.cancel_order(resting["id"])
    positions = exchange.fetch_positions(["MSFT"])
    balance = exchange.fetch_balance()

    # Assert: ccxt's structures, Bulwark's exact figures in `info`
    assert "MSFT" in markets and markets["MSFT"]["precision"]["price"] > 0
    assert bought["status"] == "closed" and bought["filled"] == 2.0 and bought["remaining"] == 0
    assert bought["side"] == "buy" and bought["type"] == "market" and bought["average"] > 0
    assert resting["status"] == "open" and resting["clientOrderId"] == "ccxt-rest-1"
    assert resting["amount"] == 3.0 and resting["price"] == 1.25
    assert Decimal(resting["info"]["quantity"]) == 3  # Bulwark's exact decimal strings
    assert Decimal(resting["info"]["limit_price"]) == Decimal("1.25")
    assert fetched["id"] == resting["id"] and isinstance(fetched["timestamp"], int)
    assert [o["id"] for o in open_orders if o["id"] == resting["id"]] == [resting["id"]]
    assert canceled["status"] == "canceled"
    assert resting["id"] not in {o["id"] for o in exchange.fetch_open_orders("AAPL")}
    assert [p["symbol"] for p in positions] == ["MSFT"] and positions[0]["side"] == "long"
    assert positions[0]["contracts"] >= 2
    assert balance["total"]["USD"] > 0 and balance["USD"]["total"] == balance["total"]["USD"]
    assert balance["free"]["USD"] + balance["used"]["USD"] == balance["total"]["USD"]


def test_a_denial_and_a_foreign_order_raise_ccxts_own_errors(
    exchange: bulwark_ccxt.bulwark, desk: Desk, agent: AgentKey
) -> None:
    # Arrange: a rule that binds this agent's orders above 1,000 notional
    desk.limit_notional(agent.agent_id, "1000")
    foreign = desk.order_of_another_owner()

    # Act / Assert
    with pytest.raises(ccxt.InvalidOrder, match="ORDER_DENIED") as denied:
        exchange.create_order("MSFT", "market", "buy", 100)
    assert isinstance(denied.value, ccxt.ExchangeError)
    with pytest.raises(ccxt.OrderNotFound):
        exchange.fetch_order(foreign)
    with pytest.raises(ccxt.InvalidOrder, match="order type"):
        exchange.create_order("MSFT", "trailing", "buy", 1)


def _exact(balance: dict, part: str) -> Decimal:
    return Decimal(repr(balance[part]["USD"]))


def test_the_balance_commits_what_an_open_order_and_positions_hold(
    exchange: bulwark_ccxt.bulwark,
) -> None:
    # Arrange
    before = exchange.fetch_balance()

    # Act: a limit order rests far below the market, then is canceled
    resting = exchange.create_order("AAPL", "limit", "buy", 40, 1.25)
    during = exchange.fetch_balance()
    exchange.cancel_order(resting["id"])
    after = exchange.fetch_balance()

    # Assert: total the equity, free + used == total to the cent, the order's commitment used
    for balance in (before, during, after):
        total = _exact(balance, "total")
        assert total == Decimal(balance["info"]["account"]["equity"])
        assert _exact(balance, "free") + _exact(balance, "used") == total
        assert _exact(balance, "used") >= 0
    committed = _exact(during, "used") - _exact(before, "used")
    assert Decimal("0") < committed <= Decimal("50.00")  # 40 x 1.25 at the initial rate
    assert _exact(before, "free") - _exact(during, "free") == committed
    assert _exact(after, "used") == _exact(before, "used")
    # positions commit margin too: MSFT is held by then
    assert _exact(before, "used") > 0


def test_an_account_one_may_not_use_is_account_not_enabled_and_not_revealed(
    exchange: bulwark_ccxt.bulwark, desk: Desk
) -> None:
    # Arrange: another owner's account, and one that does not exist
    foreign = {"account": desk.account_of_another_owner()}
    missing = {"account": "no-such-account"}

    # Act: each account-scoped call on each
    raised: dict[str, list[Exception]] = {"foreign": [], "missing": []}
    for which, params in (("foreign", foreign), ("missing", missing)):
        for call in (
            lambda p: exchange.fetch_balance(p),
            lambda p: exchange.fetch_positions(None, p),
            lambda p: exchange.create_order("MSFT", "market", "buy", 1, None, p),
        ):
            with pytest.raises(ccxt.BaseError) as caught:
                call(params)
            raised[which].append(caught.value)

    # Assert: ccxt's class for an account one may not use, the same for both (nothing told)
    for errors in raised.values():
        assert [type(e) for e in errors] == [ccxt.AccountNotEnabled] * 3
        assert all(isinstance(e, ccxt.PermissionDenied) for e in errors)
    for theirs, none in zip(raised["foreign"], raised["missing"], strict=True):
        assert str(theirs).replace(foreign["account"], "X") == str(none).replace(
            missing["account"], "X"
        )


@pytest.mark.parametrize(
    ("type", "side", "amount", "price", "params"),
    [
        ("market", "buy", -1, None, {}),
        ("market", "buy", 0, None, {}),
        ("market", "sell", "ten", None, {}),
        ("market", "buy", float("nan"), None, {}),
        ("limit", "buy", 1, -1.25, {}),
        ("limit", "buy", 1, None, {}),
        ("stop", "sell", 1, None, {"stopPrice": 0}),
        ("market", "hold", 1, None, {}),
        ("limit", "buy", 1, 1.25, {"timeInForce": "forever"}),
    ],
)
def test_invalid_order_terms_raise_invalid_order(
    exchange: bulwark_ccxt.bulwark, type: str, side: str, amount: object, price: object,
    params: dict,
) -> None:  # fmt: skip
    # Act / Assert: ccxt's class for a bad order, never BadRequest or a bare ValueError
    with pytest.raises(ccxt.InvalidOrder):
        exchange.create_order("MSFT", type, side, amount, price, params)


def test_the_servers_refusals_of_order_terms_are_invalid_order(
    exchange: bulwark_ccxt.bulwark,
) -> None:
    # Arrange: a body the client side checks would not let through
    negative = {"account_id": DEMO_ACCOUNT, "symbol": "MSFT", "side": "buy",
                "order_type": "market", "quantity": "-1"}  # fmt: skip

    # Act / Assert: Bulwark's own refusals of the terms
    with pytest.raises(ccxt.InvalidOrder, match="INVALID_QUANTITY"):
        exchange.create_order("MSFT", "market", "buy", 0.5)  # off MSFT's lot of 1
    with pytest.raises(ccxt.InvalidOrder, match="INVALID_PRICE"):
        exchange.create_order("MSFT", "limit", "buy", 1, "1.255")  # off the 0.01 tick
    with (
        pytest.raises(ccxt.InvalidOrder, match="VALIDATION_ERROR"),
        bulwark_ccxt.ccxt_errors(placing=True),
    ):
        exchange.client.place_order(negative)
    # a refusal that is not about an order's terms stays a bad request
    with pytest.raises(ccxt.BadRequest) as bad_cursor, bulwark_ccxt.ccxt_errors():
        exchange.client.list_orders(DEMO_ACCOUNT, cursor="not-a-cursor")
    assert not isinstance(bad_cursor.value, ccxt.InvalidOrder)


@given(
    amount=st.one_of(
        st.decimals(max_value=0, allow_nan=False, places=4),
        st.floats(max_value=0, allow_nan=False),
        st.sampled_from([float("inf"), float("-inf"), float("nan"), "", "1e", None]),
    )
)
def test_no_amount_but_a_positive_number_leaves_the_client(amount: object) -> None:
    # Arrange: an exchange whose Bulwark cannot be reached, so only the client's check answers
    venue = bulwark_ccxt.bulwark(
        {"apiKey": "k", "urls": {"api": "http://127.0.0.1:9"}, "options": {"account": "a"}}
    )

    # Act / Assert
    try:
        with pytest.raises(ccxt.InvalidOrder, match="amount"):
            venue.create_order("MSFT", "market", "buy", amount)
    finally:
        venue.close()


def test_a_revoked_or_missing_key_is_an_authentication_error(
    served: Served, desk: Desk, agent: AgentKey
) -> None:
    # Arrange
    desk.revoke(agent)
    venue = bulwark_ccxt.bulwark(
        {"apiKey": agent.api_key, "urls": {"api": served.api}, "options": {"account": DEMO_ACCOUNT}}
    )

    # Act / Assert
    with pytest.raises(ccxt.AuthenticationError):
        venue.fetch_balance()
    venue.close()
    with pytest.raises(ccxt.AuthenticationError, match="apiKey"):
        bulwark_ccxt.bulwark({"urls": {"api": served.api}, "options": {"account": "a"}})
    with pytest.raises(ccxt.BadRequest, match=r"options\.account"):
        bulwark_ccxt.bulwark({"apiKey": "k", "urls": {"api": served.api}})


def test_the_async_exchange_is_the_same_with_await(served: Served, agent: AgentKey) -> None:
    # Arrange: imported as a ccxt script imports ccxt.async_support's exchanges
    from bulwark_client.ccxt.async_support import bulwark

    async def script() -> tuple[dict, list]:
        venue = bulwark(
            {"apiKey": agent.api_key, "urls": {"api": served.api},
             "options": {"account": DEMO_ACCOUNT}}
        )  # fmt: skip
        try:
            order = await venue.create_order("MSFT", "market", "sell", 1)
            return order, await venue.fetch_closed_orders("MSFT", limit=5)
        finally:
            await venue.close()

    # Act
    order, closed = asyncio.run(script())

    # Assert
    assert order["side"] == "sell" and order["status"] == "closed"
    assert order["id"] in {o["id"] for o in closed}
    assert bulwark is bulwark_ccxt.async_support.bulwark and bulwark.id == bulwark_ccxt.bulwark.id
    assert bulwark.__name__ == bulwark_ccxt.bulwark.__name__ == "bulwark"
