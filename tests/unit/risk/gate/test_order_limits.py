"""Per-order controls: maximum quantity, maximum notional and the price collar."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.trading.orders import Side
from tests.kit.gate import (
    BUY,
    SELL,
    D,
    account,
    decide,
    instrument,
    instruments,
    marks,
    order,
    rule,
    verdict,
    view,
)

MAX_QTY = RuleType.MAX_ORDER_QUANTITY
MAX_NOTIONAL = RuleType.MAX_ORDER_NOTIONAL
COLLAR = RuleType.PRICE_COLLAR


# -- MaxOrderQuantity ---------------------------------------------------------------


def test_max_order_quantity_passes_at_the_limit() -> None:
    # Arrange
    limit = rule(MAX_QTY, {"max_quantity": 100})

    # Act
    decision = decide(order("AAPL", BUY, 100), view(account()), limit)

    # Assert
    assert decision.approved is True
    assert verdict(decision, "MaxOrderQuantity").outcome is Outcome.PASS


def test_max_order_quantity_blocks_one_unit_over() -> None:
    # Arrange
    limit = rule(MAX_QTY, {"max_quantity": 100})

    # Act
    decision = decide(order("AAPL", BUY, 101), view(account()), limit)

    # Assert: denied; the verdict says how much would have fitted.
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)
    assert decision.quantity == D(101)
    denial = verdict(decision, "MaxOrderQuantity")
    assert (denial.outcome, denial.allowed_quantity, denial.rule_id) == (
        Outcome.DENY,
        D(100),
        "r-1",
    )


def test_max_order_quantity_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(MAX_QTY, {"max_quantity": 100}, action=Action.WARN)

    # Act
    decision = decide(order("AAPL", BUY, 101), view(account()), limit)

    # Assert
    assert decision.approved is True
    assert decision.quantity == D(101)
    assert decision.warnings == (ReasonCode.MAX_ORDER_QUANTITY,)
    assert decision.reasons == ()
    assert decision.reduced is False


@pytest.mark.parametrize(
    ("lot", "expected"),
    [
        pytest.param(1, D(100), id="lot-1"),  # min(100, 250) = 100
        pytest.param(30, D(90), id="lot-30"),  # 100 // 30 = 3 lots → 90
        pytest.param("0.5", D(100), id="lot-half"),  # 100 / 0.5 = 200 lots → 100
    ],
)
def test_max_order_quantity_reduce_rounds_down_to_the_lot(
    lot: str | int, expected: Decimal
) -> None:
    # Arrange
    limit = rule(MAX_QTY, {"max_quantity": 100}, action=Action.REDUCE)
    risk_view = view(account(), universe=instruments(instrument("AAPL", lot=lot)))

    # Act
    decision = decide(order("AAPL", BUY, 250), risk_view, limit)

    # Assert
    assert decision.approved is True
    assert decision.requested_quantity == D(250)
    assert decision.quantity == expected
    assert decision.reduced is True
    reduced = verdict(decision, "MaxOrderQuantity")
    assert (reduced.outcome, reduced.allowed_quantity) == (Outcome.REDUCE, expected)


def test_max_order_quantity_reduce_to_less_than_a_lot_is_denied() -> None:
    # Arrange: max 50 but lots of 100 → 50 // 100 = 0 lots.
    limit = rule(MAX_QTY, {"max_quantity": 50}, action=Action.REDUCE)
    risk_view = view(account(), universe=instruments(instrument("AAPL", lot=100)))

    # Act
    decision = decide(order("AAPL", BUY, 200), risk_view, limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_ORDER_QUANTITY,)
    assert decision.quantity == D(200)


# -- MaxOrderNotional ---------------------------------------------------------------


def test_max_order_notional_passes_at_the_limit() -> None:
    # Arrange: market order valued at the mark: 100 × 100 = 10,000.
    limit = rule(MAX_NOTIONAL, {"max_notional": 10_000})

    # Act
    decision = decide(order("AAPL", BUY, 100), view(account()), limit)

    # Assert
    assert decision.approved is True


def test_max_order_notional_values_a_limit_order_at_its_limit_price() -> None:
    # Arrange: 100 × 101 = 10,100 > 10,000 (at the mark it would be exactly 10,000).
    limit = rule(MAX_NOTIONAL, {"max_notional": 10_000})

    # Act
    decision = decide(order("AAPL", BUY, 100, limit=101), view(account()), limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,)


def test_max_order_notional_values_a_buy_stop_above_the_market_at_its_stop() -> None:
    # Arrange: 95 × stop 110 = 10,450 > 10,000 (at the mark 100: 9,500 would pass).
    limit = rule(MAX_NOTIONAL, {"max_notional": 10_000})

    # Act
    decision = decide(order("AAPL", BUY, 95, stop=110), view(account()), limit)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,)


def test_max_order_notional_values_a_sell_stop_below_the_market_at_the_market() -> None:
    # Arrange: a stop only says when the order trades: 105 × the mark 100 = 10,500 > 10,000
    # (at its stop 90 it would read 9,450).
    limit = rule(MAX_NOTIONAL, {"max_notional": 10_000})
    risk_view = view(account(100_000, ("AAPL", 500)))

    # Act
    decision = decide(order("AAPL", SELL, 105, stop=90), risk_view, limit)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,)


def test_max_order_notional_warn_approves_with_the_warning() -> None:
    # Arrange: 101 × 100 = 10,100 > 10,000.
    limit = rule(MAX_NOTIONAL, {"max_notional": 10_000}, action=Action.WARN)

    # Act
    decision = decide(order("AAPL", BUY, 101), view(account()), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(101))
    assert decision.warnings == (ReasonCode.MAX_ORDER_NOTIONAL,)


@pytest.mark.parametrize(
    ("lot", "expected"),
    [
        pytest.param(1, D(333), id="lot-1"),  # 10,000 / 30 = 333.33 → 333
        pytest.param(10, D(330), id="lot-10"),  # 333.33 → 33 lots of 10 = 330
    ],
)
def test_max_order_notional_reduce_fits_the_notional_in_whole_lots(
    lot: int, expected: Decimal
) -> None:
    # Arrange: limit price 30.
    limit = rule(MAX_NOTIONAL, {"max_notional": 10_000}, action=Action.REDUCE)
    risk_view = view(account(), universe=instruments(instrument("AAPL", lot=lot)))

    # Act
    decision = decide(order("AAPL", BUY, 500, limit=30), risk_view, limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, expected)
    assert verdict(decision, "MaxOrderNotional").allowed_quantity == expected


def test_max_order_notional_reduce_counts_the_multiplier() -> None:
    # Arrange: a future, multiplier 50, mark 4,000 → one contract = 200,000;
    # 1,000,000 / 200,000 = 5 contracts.
    future = instrument("ES", sector="INDEX", mult=50, tick="0.25")
    limit = rule(MAX_NOTIONAL, {"max_notional": 1_000_000}, action=Action.REDUCE)
    risk_view = view(account(), marks(ES=4000), universe=instruments(future))

    # Act
    decision = decide(order("ES", BUY, 7), risk_view, limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(5))


def test_max_order_notional_reduce_to_zero_is_denied() -> None:
    # Arrange: 50 / 100 = 0.5 units → 0 whole units.
    limit = rule(MAX_NOTIONAL, {"max_notional": 50}, action=Action.REDUCE)

    # Act
    decision = decide(order("AAPL", BUY, 3), view(account()), limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_ORDER_NOTIONAL,)
    assert decision.quantity == D(3)


# -- PriceCollar --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("side", "price"),
    [
        pytest.param(BUY, "105", id="buy-at-upper-band"),  # 100 × 5% = 5.00 away: inside
        pytest.param(SELL, "95", id="sell-at-lower-band"),
        pytest.param(BUY, "100.50", id="buy-near"),
    ],
)
def test_price_collar_pct_passes_inside_the_band(side: Side, price: str) -> None:
    # Arrange
    collar = rule(COLLAR, {"max_pct": "0.05"})
    risk_view = view(account(100_000, ("AAPL", 100)))

    # Act
    decision = decide(order("AAPL", side, 10, limit=price), risk_view, collar)

    # Assert
    assert decision.approved is True


@pytest.mark.parametrize(
    ("side", "price"),
    [
        pytest.param(BUY, "105.01", id="buy-above-band"),  # 5.01 > 5.00
        pytest.param(SELL, "94.99", id="sell-below-band"),
    ],
)
def test_price_collar_pct_blocks_outside_the_band(side: Side, price: str) -> None:
    # Arrange
    collar = rule(COLLAR, {"max_pct": "0.05"})
    risk_view = view(account(100_000, ("AAPL", 100)))

    # Act
    decision = decide(order("AAPL", side, 10, limit=price), risk_view, collar)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.PRICE_COLLAR,)


def test_price_collar_ignores_market_orders() -> None:
    # Arrange
    collar = rule(COLLAR, {"max_pct": "0.01"})

    # Act
    decision = decide(order("AAPL", BUY, 10), view(account()), collar)

    # Assert
    assert verdict(decision, "PriceCollar").outcome is Outcome.PASS


@pytest.mark.parametrize(
    ("price", "approved"),
    [
        pytest.param("100.10", True, id="10-ticks"),  # 10 × 0.01 = 0.10 band
        pytest.param("100.11", False, id="11-ticks"),
    ],
)
def test_price_collar_ticks(price: str, approved: bool) -> None:
    # Arrange
    collar = rule(COLLAR, {"max_ticks": 10})

    # Act
    decision = decide(order("AAPL", BUY, 10, limit=price), view(account()), collar)

    # Assert
    assert decision.approved is approved


def test_price_collar_uses_the_tighter_of_pct_and_ticks() -> None:
    # Arrange: 5% of 100 = 5.00; 100 ticks × 0.01 = 1.00 → band 1.00; 1.50 away breaches.
    collar = rule(COLLAR, {"max_pct": "0.05", "max_ticks": 100})

    # Act
    decision = decide(order("AAPL", BUY, 10, limit="101.50"), view(account()), collar)

    # Assert
    assert decision.reasons == (ReasonCode.PRICE_COLLAR,)


def test_price_collar_checks_the_stop_price() -> None:
    # Arrange: stop 80 is 20 away from 100; band 10% = 10.
    collar = rule(COLLAR, {"max_pct": "0.10"})
    risk_view = view(account(100_000, ("AAPL", 100)))

    # Act
    decision = decide(order("AAPL", SELL, 10, stop=80), risk_view, collar)

    # Assert
    assert decision.reasons == (ReasonCode.PRICE_COLLAR,)


def test_price_collar_checks_both_prices_of_a_stop_limit() -> None:
    # Arrange: stop 95 inside the 10-wide band, limit 85 (15 away) outside.
    collar = rule(COLLAR, {"max_pct": "0.10"})
    risk_view = view(account(100_000, ("AAPL", 100)))

    # Act
    decision = decide(order("AAPL", SELL, 10, stop=95, limit=85), risk_view, collar)

    # Assert
    assert decision.reasons == (ReasonCode.PRICE_COLLAR,)


def test_price_collar_warn_approves_with_the_warning() -> None:
    # Arrange
    collar = rule(COLLAR, {"max_pct": "0.05"}, action=Action.WARN)

    # Act
    decision = decide(order("AAPL", BUY, 10, limit="105.01"), view(account()), collar)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(10))
    assert decision.warnings == (ReasonCode.PRICE_COLLAR,)
