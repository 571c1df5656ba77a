"""Numbers at the HTTP boundary: one strict parser, declared ranges, order terms, bounded math."""

from __future__ import annotations

import time
from typing import Any

import pytest

from domain.numbers import NUMBER_PATTERN
from tests.http.core_helpers import (
    assert_problem,
    field_names,
    harness_with,
    order_body,
    resting_limit,
    submit,
)
from tests.http.harness import Harness, User

pytestmark = [pytest.mark.serves("review", "trading"), pytest.mark.shares_app()]

ORDERS = "/api/v1/orders"
RULES = "/api/v1/risk-rules"
SIZE = f"{RULES}/calculate-position-size"
PORTFOLIO = f"{RULES}/portfolio-risk"


async def stored_orders(harness: Harness, owner: User, account: str) -> list[Any]:
    response = await harness.client.get(
        ORDERS, params={"account_id": account}, headers=owner.headers
    )
    assert response.status_code == 200, response.text
    items: list[Any] = response.json()["items"]
    return items


# -- the strict parser on order fields ------------------------------------------------------


@pytest.mark.parametrize(
    "quantity",
    ["1_0", " 10", "10 ", "١٢٣", "１０", "NaN", "Infinity", "-Infinity", "1e999999", "0x10",
     ".5", "10.", "1,5", True, "1e-20", "0", "-5", "1e13"],
)  # fmt: skip
async def test_a_quantity_outside_the_strict_syntax_or_its_range_is_400_naming_it(
    market: Harness, owner: User, quantity: Any
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    response = await submit(market, owner, order_body(account, quantity=quantity))

    # Assert
    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {"quantity"}
    assert await stored_orders(market, owner, account) == []


async def test_a_dust_limit_order_does_not_rest(market: Harness, owner: User) -> None:
    # Arrange: the attack that made a live resting order before the strict parser
    account = await market.account(owner, "acc-1")
    body = order_body(account, quantity="10", order_type="limit", limit_price="1e-30")

    # Act
    response = await submit(market, owner, body)

    # Assert
    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {"limit_price"}
    assert await stored_orders(market, owner, account) == []


@pytest.mark.parametrize("quantity", ["10", 10, "1e1", "10.0", "+10"])
async def test_the_same_quantity_in_every_accepted_form_is_one_order(
    market: Harness, owner: User, quantity: Any
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    response = await submit(market, owner, resting_limit(account, quantity=quantity))

    # Assert
    assert response.status_code == 201, response.text
    assert response.json()["order"]["quantity"] == "10.00000000"


# -- the order's terms against its instrument (422) -------------------------------------------


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"quantity": "1.5"}, "INVALID_QUANTITY", "quantity"),
        ({"quantity": "0.0000000001"}, "INVALID_QUANTITY", "quantity"),
        ({"order_type": "limit", "limit_price": "100.001"}, "INVALID_PRICE", "limit_price"),
        ({"order_type": "stop", "stop_price": "200.005"}, "INVALID_PRICE", "stop_price"),
        ({"quantity": "10000000"}, "INVALID_QUANTITY", "quantity"),
    ],
)
async def test_an_order_off_its_lots_or_ticks_or_too_large_is_422_naming_the_field(
    market: Harness, owner: User, fields: dict[str, str], code: str, field: str
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    response = await submit(market, owner, order_body(account, **fields))

    # Assert
    body = assert_problem(response, 422, code)
    assert field_names(body) == {field}
    assert await stored_orders(market, owner, account) == []


async def test_the_maximum_notional_is_a_setting() -> None:
    async with harness_with(max_order_notional="100000") as harness:
        # Arrange: AAPL at 190
        await harness.instrument("AAPL", "190")
        owner = await harness.user()
        account = await harness.account(owner, "acc-1")

        # Act
        over = await submit(harness, owner, order_body(account, quantity="600"))
        under = await submit(harness, owner, order_body(account, quantity="500"))

        # Assert: 600 x 190 = 114,000 > 100,000; 500 x 190 = 95,000
        assert "100000" in assert_problem(over, 422, "INVALID_QUANTITY")["detail"]
        assert under.status_code == 201, under.text


async def test_a_prospective_order_is_checked_the_same_way(market: Harness, owner: User) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")
    trade = {"account_id": account, "symbol": "AAPL", "side": "buy", "quantity": "1.5"}

    # Act
    response = await market.client.post("/api/v1/risk/analyze", json=trade, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 422, "INVALID_QUANTITY")) == {"quantity"}


# -- rule params ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_type", "params", "field"),
    [
        ("MAX_OPEN_ORDERS", {"max_open": "1e100000000"}, "params.max_open"),
        ("MAX_OPEN_ORDERS", {"max_open": 10**4000}, "params.max_open"),
        ("ORDER_RATE", {"per_second": "1e999999999"}, "params.per_second"),
        ("PRICE_COLLAR", {"max_ticks": "9" * 60}, "params.max_ticks"),
        ("MAX_ORDER_QUANTITY", {"max_quantity": "1_000"}, "params.max_quantity"),
        ("DUPLICATE_ORDER", {"window_seconds": "61"}, "params.window_seconds"),
    ],
)
async def test_a_rule_param_out_of_range_is_refused_at_once(
    harness: Harness, owner: User, rule_type: str, params: dict[str, Any], field: str
) -> None:
    # Arrange
    started = time.perf_counter()

    # Act
    response = await harness.client.post(
        RULES, json={"rule_type": rule_type, "params": params}, headers=owner.headers
    )

    # Assert: it once stalled the event loop for tens of seconds
    assert time.perf_counter() - started < 2.0
    assert field_names(assert_problem(response, 422, "INVALID_RULE")) == {field}
    listed = await harness.client.get(RULES, headers=owner.headers)
    assert listed.json()["items"] == []


# -- position sizing and portfolio risk ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"entry": "1e999999", "stop": "1", "equity": "1e999999"}, "entry"),
        ({"entry": "100", "stop": "90", "equity": "1e-999999"}, "equity"),
        ({"entry": "100", "stop": "90", "equity": "1000", "risk_fraction": "2"}, "risk_fraction"),
        ({"entry": "100", "stop": "90", "equity": "1000", "lot_size": "0"}, "lot_size"),
        ({"entry": "100", "stop": "NaN", "equity": "1000"}, "stop"),
    ],
)
async def test_sizing_inputs_outside_their_ranges_are_400_naming_the_field(
    harness: Harness, owner: User, body: dict[str, str], field: str
) -> None:
    # Act
    response = await harness.client.post(SIZE, json=body, headers=owner.headers)

    # Assert
    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {field}


async def test_sizing_whose_arithmetic_leaves_the_bounded_context_is_422_not_500(
    harness: Harness, owner: User
) -> None:
    # Arrange: each input is in range, but the lot count needs more than 28 digits
    body = {
        "equity": "1e15",
        "entry": "0.0000000002",
        "stop": "0.0000000001",
        "multiplier": "0.0000000001",
        "lot_size": "0.0000000001",
        "max_position_fraction": "1",
    }

    # Act
    response = await harness.client.post(SIZE, json=body, headers=owner.headers)

    # Assert
    assert "position size" in assert_problem(response, 422, "NUMBER_OUT_OF_RANGE")["detail"]


async def test_sizing_in_range_still_answers(harness: Harness, owner: User) -> None:
    # Act
    response = await harness.client.post(
        SIZE, json={"equity": 100_000, "entry": 50.0, "stop": "30"}, headers=owner.headers
    )

    # Assert
    assert response.status_code == 200, response.text
    assert response.json()["quantity"] == "100.00000000"


@pytest.mark.parametrize(
    ("returns", "field"),
    [
        ([1e308, -1e308, 1e308], "returns[0]"),
        ([0.01, 101.0], "returns[1]"),
        ([0.01, "NaN", 0.02], "returns[1]"),
    ],
)
async def test_portfolio_returns_out_of_range_are_400_naming_the_field(
    market: Harness, owner: User, returns: list[Any], field: str
) -> None:
    # Arrange
    account = await market.account(owner, "acc-1")

    # Act
    response = await market.client.post(
        PORTFOLIO, json={"account_id": account, "returns": returns}, headers=owner.headers
    )

    # Assert
    assert field_names(assert_problem(response, 400, "VALIDATION_ERROR")) == {field}


# -- the schema the fuzzers read -------------------------------------------------------------


async def test_the_openapi_schema_shows_numbers_as_patterned_strings(harness: Harness) -> None:
    # Act
    schema = (await harness.client.get("/schema/openapi.json")).json()

    # Assert
    components = schema["components"]["schemas"]
    order = next(v for k, v in components.items() if k.endswith("OrderIn"))
    for name in ("quantity", "limit_price"):
        prop = order["properties"][name]
        options = prop.get("oneOf", [prop])
        string = next(o for o in options if o.get("type") == "string")
        assert string["pattern"] == NUMBER_PATTERN
        assert string["description"]
