"""Built-in guards: the trading state (kill switch) and the reduce-only flag."""

from __future__ import annotations

import pytest

from domain.killswitch.state import TradingState
from domain.risk.reasons import Outcome, ReasonCode
from domain.trading.orders import Order, Side
from tests.kit.gate import (
    BUY,
    SELL,
    D,
    account,
    controls,
    decide,
    order,
    resting,
    verdict,
    view,
)


def test_active_state_passes_an_opening_order() -> None:
    # Arrange
    risk_view = view(account(), state=TradingState.ACTIVE)

    # Act
    decision = decide(order("AAPL", BUY, 10), risk_view)

    # Assert
    assert decision.approved is True
    assert decision.quantity == D(10)
    assert verdict(decision, "TradingStateControl").outcome is Outcome.PASS
    assert verdict(decision, "TradingStateControl").code is ReasonCode.OK


def test_halted_state_denies_an_opening_order() -> None:
    # Arrange
    risk_view = view(account(), state=TradingState.HALTED)

    # Act
    decision = decide(order("AAPL", BUY, 10), risk_view)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.TRADING_HALTED,)
    assert decision.quantity == D(10)


def test_halted_state_denies_even_a_reducing_order() -> None:
    # Arrange: long 100 AAPL; selling 50 would only shrink it.
    risk_view = view(account(100_000, ("AAPL", 100)), state=TradingState.HALTED)

    # Act
    decision = decide(order("AAPL", SELL, 50), risk_view)

    # Assert
    assert decision.reasons == (ReasonCode.TRADING_HALTED,)


def test_reducing_state_passes_an_order_that_shrinks_the_position() -> None:
    # Arrange: long 100 AAPL, sell 50 → 50 left, same side.
    risk_view = view(account(100_000, ("AAPL", 100)), state=TradingState.REDUCING)

    # Act
    decision = decide(order("AAPL", SELL, 50), risk_view)

    # Assert
    assert decision.approved is True
    assert decision.quantity == D(50)


def test_reducing_state_passes_a_buy_that_covers_a_short() -> None:
    # Arrange: short 100 AAPL, buy 100 → flat.
    risk_view = view(account(100_000, ("AAPL", -100)), state=TradingState.REDUCING)

    # Act
    decision = decide(order("AAPL", BUY, 100), risk_view)

    # Assert
    assert decision.approved is True


@pytest.mark.parametrize(
    ("positions", "open_orders", "side", "quantity"),
    [
        pytest.param((), (), BUY, 10, id="opening-buy"),
        pytest.param((("AAPL", 100),), (), BUY, 10, id="adding-to-long"),
        pytest.param((("AAPL", 100),), (), SELL, 150, id="flipping-long-to-short"),
        # 60 + 50 already resting to sell = 110 > 100 held
        pytest.param(
            (("AAPL", 100),),
            (resting("AAPL", SELL, 50, limit=101),),
            SELL,
            60,
            id="reduction-counting-open-sells-overshoots",
        ),
    ],
)
def test_reducing_state_denies_an_order_that_adds_risk(
    positions: tuple[tuple[str, int], ...],
    open_orders: tuple[Order, ...],
    side: Side,
    quantity: int,
) -> None:
    # Arrange
    acct = account(100_000, *positions, open_orders=open_orders)
    risk_view = view(acct, state=TradingState.REDUCING)

    # Act
    decision = decide(order("AAPL", side, quantity), risk_view)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.TRADING_REDUCE_ONLY,)


def test_unknown_trading_state_denies_fail_closed() -> None:
    # Arrange: the state store did not answer.
    risk_view = view(account(100_000, ("AAPL", 100)), state=None)

    # Act: even a reduction is refused when the state is unknown.
    decision = decide(order("AAPL", SELL, 10), risk_view)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.UNKNOWN_TRADING_STATE,)
    assert "fail closed" in verdict(decision, "TradingStateControl").message


def test_builtin_guards_run_first_in_every_policy() -> None:
    # Arrange
    risk_view = view(account())

    # Act: a policy compiled from no rules, without defaults.
    decision = decide(order("AAPL", BUY, 1), risk_view)

    # Assert
    assert controls(decision) == ["TradingStateControl", "ReduceOnlyFlag"]


def test_reduce_only_order_that_shrinks_the_position_passes() -> None:
    # Arrange: long 100 AAPL.
    risk_view = view(account(100_000, ("AAPL", 100)))

    # Act
    decision = decide(order("AAPL", SELL, 50, reduce_only=True), risk_view)

    # Assert
    assert decision.approved is True
    assert verdict(decision, "ReduceOnlyFlag").outcome is Outcome.PASS


@pytest.mark.parametrize(
    ("positions", "side", "quantity"),
    [
        pytest.param((), SELL, 10, id="no-position"),
        pytest.param((("AAPL", 100),), BUY, 10, id="adds-to-long"),
        pytest.param((("AAPL", 100),), SELL, 101, id="flips-long"),
    ],
)
def test_reduce_only_order_that_does_not_reduce_is_denied(
    positions: tuple[tuple[str, int], ...], side: Side, quantity: int
) -> None:
    # Arrange
    risk_view = view(account(100_000, *positions))

    # Act
    decision = decide(order("AAPL", side, quantity, reduce_only=True), risk_view)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.REDUCE_ONLY_VIOLATION,)


def test_order_without_reduce_only_flag_may_open_a_position() -> None:
    # Arrange
    risk_view = view(account())

    # Act
    decision = decide(order("AAPL", BUY, 10, reduce_only=False), risk_view)

    # Assert
    assert verdict(decision, "ReduceOnlyFlag").outcome is Outcome.PASS
    assert decision.approved is True


@pytest.mark.parametrize(
    ("state", "first"),
    [
        (TradingState.HALTED, ReasonCode.TRADING_HALTED),
        (None, ReasonCode.UNKNOWN_TRADING_STATE),
    ],
)
def test_a_halt_is_the_first_reason_when_the_symbol_has_no_reference_price(
    state: TradingState | None, first: ReasonCode
) -> None:
    # Arrange: AAPL is known but has no mark, on a halted (or unknown) account
    risk_view = view(account(), {}, state=state)

    # Act
    decision = decide(order("AAPL", BUY, 5), risk_view, with_defaults=True)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (first, ReasonCode.NO_REFERENCE_PRICE)
    assert decision.verdicts[0].control == "TradingStateControl"


def test_a_halt_comes_before_an_unknown_instrument_too() -> None:
    # Arrange
    risk_view = view(account(), state=TradingState.HALTED)

    # Act
    decision = decide(order("ZZZ", BUY, 5), risk_view)

    # Assert
    assert decision.reasons == (ReasonCode.TRADING_HALTED, ReasonCode.UNKNOWN_INSTRUMENT)


def test_an_active_account_without_a_reference_price_is_refused_for_the_price_alone() -> None:
    # Arrange
    risk_view = view(account(), {}, state=TradingState.ACTIVE)

    # Act
    decision = decide(order("AAPL", BUY, 5), risk_view)

    # Assert
    assert decision.reasons == (ReasonCode.NO_REFERENCE_PRICE,)
    assert [v.control for v in decision.verdicts] == ["ReferenceData"]
