"""Account-wide controls: daily loss, drawdown and leverage."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.risk.reasons import Action, Outcome, ReasonCode
from domain.risk.rules import RuleType
from domain.risk.view import AccountRiskView
from domain.trading.instruments import Instrument
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
    resting,
    rule,
    verdict,
    view,
)

DAILY_LOSS = RuleType.MAX_DAILY_LOSS
DRAWDOWN = RuleType.MAX_DRAWDOWN
LEVERAGE = RuleType.MAX_LEVERAGE


# -- MaxDailyLoss -------------------------------------------------------------------
# Start of day 100,000; cash 65,000 + long 300 AAPL @100 = equity 95,000 → loss 5,000.


@pytest.mark.parametrize(
    ("params", "approved"),
    [
        pytest.param({"max_loss": 5_000}, False, id="abs-reached"),  # 5,000 ≥ 5,000
        pytest.param({"max_loss": 5_001}, True, id="abs-not-reached"),
        pytest.param({"max_loss_pct": "0.05"}, False, id="pct-reached"),  # 5% × 100,000
        pytest.param({"max_loss_pct": "0.06"}, True, id="pct-not-reached"),  # 6,000
        # min(10,000, 5% × 100,000 = 5,000) = 5,000
        pytest.param({"max_loss": 10_000, "max_loss_pct": "0.05"}, False, id="tighter-of-both"),
    ],
)
def test_max_daily_loss_blocks_new_risk_once_reached(
    params: dict[str, object], approved: bool
) -> None:
    # Arrange
    limit = rule(DAILY_LOSS, params)
    risk_view = view(account(65_000, ("AAPL", 300), start_of_day=100_000))

    # Act
    decision = decide(order("AAPL", BUY, 1), risk_view, limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.MAX_DAILY_LOSS,))


def test_max_daily_loss_still_passes_reductions() -> None:
    # Arrange: loss 5,000 reached the limit; selling 100 of 300 AAPL only reduces.
    limit = rule(DAILY_LOSS, {"max_loss": 5_000})
    risk_view = view(account(65_000, ("AAPL", 300), start_of_day=100_000))

    # Act
    decision = decide(order("AAPL", SELL, 100), risk_view, limit)

    # Assert
    assert decision.approved is True
    assert verdict(decision, "MaxDailyLoss").outcome is Outcome.PASS


def test_max_daily_loss_counts_the_unrealized_loss_at_the_mark() -> None:
    # Arrange: cash 70,000 + 300 AAPL marked at 90 = 97,000 → loss 3,000 ≥ 3,000.
    limit = rule(DAILY_LOSS, {"max_loss": 3_000})
    risk_view = view(account(70_000, ("AAPL", 300), start_of_day=100_000), marks(AAPL=90))

    # Act
    decision = decide(order("MSFT", BUY, 1), risk_view, limit)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_DAILY_LOSS,)


def test_max_daily_loss_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(DAILY_LOSS, {"max_loss": 5_000}, action=Action.WARN)
    risk_view = view(account(65_000, ("AAPL", 300), start_of_day=100_000))

    # Act
    decision = decide(order("AAPL", BUY, 1), risk_view, limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, D(1))
    assert decision.warnings == (ReasonCode.MAX_DAILY_LOSS,)


# -- MaxDrawdown --------------------------------------------------------------------
# Peak 200,000; cash 120,000 + long 300 AAPL @100 = 150,000 → drawdown 25%.


@pytest.mark.parametrize(
    ("max_drawdown", "approved"),
    [
        pytest.param("0.25", False, id="reached"),  # 200,000 − 150,000 = 50,000 ≥ 0.25 × 200,000
        pytest.param("0.26", True, id="not-reached"),  # 50,000 < 52,000
    ],
)
def test_max_drawdown(max_drawdown: str, approved: bool) -> None:
    # Arrange
    limit = rule(DRAWDOWN, {"max_drawdown": max_drawdown})
    risk_view = view(account(120_000, ("AAPL", 300), peak=200_000))

    # Act
    decision = decide(order("AAPL", BUY, 1), risk_view, limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.MAX_DRAWDOWN,))


def test_max_drawdown_still_passes_reductions() -> None:
    # Arrange
    limit = rule(DRAWDOWN, {"max_drawdown": "0.25"})
    risk_view = view(account(120_000, ("AAPL", 300), peak=200_000))

    # Act
    decision = decide(order("AAPL", SELL, 300), risk_view, limit)

    # Assert
    assert decision.approved is True


def test_max_drawdown_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(DRAWDOWN, {"max_drawdown": "0.25"}, action=Action.WARN)
    risk_view = view(account(120_000, ("AAPL", 300), peak=200_000))

    # Act
    decision = decide(order("AAPL", BUY, 1), risk_view, limit)

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.MAX_DRAWDOWN,)


# -- MaxLeverage --------------------------------------------------------------------
# Cash 50,000 + long 500 AAPL @100 = equity 100,000; gross 50,000;
# resting buy 100 MSFT @200 = 20,000 → total gross 70,000.


def leveraged(universe: dict[str, Instrument] | None = None) -> AccountRiskView:
    acct = account(50_000, ("AAPL", 500), open_orders=[resting("MSFT", BUY, 100, limit=200)])
    return view(acct, universe=universe)


@pytest.mark.parametrize(
    ("quantity", "approved"),
    [
        pytest.param(150, True, id="at-1x"),  # 70,000 + 150 × 200 = 100,000 = 1 × equity
        pytest.param(151, False, id="over-1x"),  # 100,200
    ],
)
def test_max_leverage(quantity: int, approved: bool) -> None:
    # Arrange
    limit = rule(LEVERAGE, {"max_leverage": 1})

    # Act
    decision = decide(order("MSFT", BUY, quantity), leveraged(), limit)

    # Assert
    assert decision.approved is approved
    assert decision.reasons == (() if approved else (ReasonCode.MAX_LEVERAGE,))


@pytest.mark.parametrize(
    ("lot", "expected"),
    [
        pytest.param(1, D(150), id="lot-1"),  # room 30,000 / 200 = 150
        pytest.param(100, D(100), id="lot-100"),  # 150 → 1 lot of 100
    ],
)
def test_max_leverage_reduce(lot: int, expected: Decimal) -> None:
    # Arrange
    limit = rule(LEVERAGE, {"max_leverage": 1}, action=Action.REDUCE)
    universe = instruments(instrument("MSFT", lot=lot))

    # Act
    decision = decide(order("MSFT", BUY, 400), leveraged(universe), limit)

    # Assert
    assert (decision.approved, decision.quantity) == (True, expected)


def test_max_leverage_reduce_with_no_room_is_denied() -> None:
    # Arrange: 0.5 × 100,000 = 50,000 < 70,000 already used.
    limit = rule(LEVERAGE, {"max_leverage": "0.5"}, action=Action.REDUCE)

    # Act
    decision = decide(order("MSFT", BUY, 1), leveraged(), limit)

    # Assert
    assert decision.reasons == (ReasonCode.MAX_LEVERAGE,)


@pytest.mark.parametrize("action", [Action.BLOCK, Action.REDUCE])
def test_max_leverage_denies_any_new_risk_when_equity_is_not_positive(action: Action) -> None:
    # Arrange: cash −60,000 + 500 AAPL @100 = equity −10,000.
    limit = rule(LEVERAGE, {"max_leverage": 10}, action=action)
    risk_view = view(account(-60_000, ("AAPL", 500)))

    # Act
    decision = decide(order("MSFT", BUY, 1), risk_view, limit)

    # Assert
    assert decision.approved is False
    assert decision.reasons == (ReasonCode.MAX_LEVERAGE,)
    assert "equity is not positive" in verdict(decision, "MaxLeverage").message


def test_max_leverage_passes_a_reduction_when_equity_is_not_positive() -> None:
    # Arrange
    limit = rule(LEVERAGE, {"max_leverage": 10})
    risk_view = view(account(-60_000, ("AAPL", 500)))

    # Act
    decision = decide(order("AAPL", SELL, 500), risk_view, limit)

    # Assert
    assert decision.approved is True


def test_max_leverage_warn_approves_with_the_warning() -> None:
    # Arrange
    limit = rule(LEVERAGE, {"max_leverage": "0.5"}, action=Action.WARN)

    # Act
    decision = decide(order("MSFT", BUY, 1), leveraged(), limit)

    # Assert
    assert decision.approved is True
    assert decision.warnings == (ReasonCode.MAX_LEVERAGE,)
