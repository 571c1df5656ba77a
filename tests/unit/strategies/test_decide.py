"""The strategy's pure decisions: entries sized as the sizing module says, exits by signal,
bracket and time, and the skips with their reasons."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.strategies.decide import (
    Action,
    ExitReason,
    Holding,
    StrategySignal,
    check_exit,
    decide_on_signal,
)
from domain.strategies.definition import (
    EntryRules,
    ExitRules,
    InvalidStrategy,
    SizingMethod,
    SizingPolicy,
    SourceKind,
)
from domain.trading.orders import Side
from tests.kit.strategies import a_strategy

T0 = datetime(2024, 1, 2, tzinfo=UTC)
D = Decimal


def _signal(score: float, price: str = "100", atr: str | None = "2") -> StrategySignal:
    return StrategySignal(
        "sig-1", SourceKind.PATTERN, "AAPL", score, D(price), T0, atr=D(atr) if atr else None
    )


def test_a_bullish_signal_enters_long_sized_by_risk_to_the_stop() -> None:
    # Arrange: risk 1% of 100,000 = 1,000 over a 5% stop on 100 (distance 5) -> 200 shares;
    # cap 10% of equity = 10,000 / 100 = 100 shares -> capped at 100.
    strategy = a_strategy()

    # Act
    intent = decide_on_signal(strategy, _signal(0.8), None, D(100_000))

    # Assert
    assert intent.action is Action.ENTER
    assert intent.side is Side.BUY
    assert intent.quantity == D(100)
    assert intent.stop == D("95.00")
    assert intent.take_profit == D("110.0")
    assert intent.sizing is not None and intent.sizing.capped


def test_fixed_notional_buys_whole_lots_within_the_notional() -> None:
    strategy = a_strategy(sizing=SizingPolicy(SizingMethod.FIXED_NOTIONAL, notional=D(1_050)))

    intent = decide_on_signal(strategy, _signal(0.9, price="100"), None, D(100_000), D(5))

    assert intent.quantity == D(10)  # 1,050 / 100 = 10.5 -> 2 lots of 5


def test_volatility_sizing_without_an_atr_is_skipped_with_the_reason() -> None:
    strategy = a_strategy(sizing=SizingPolicy(SizingMethod.VOLATILITY))

    intent = decide_on_signal(strategy, _signal(0.9, atr=None), None, D(100_000))

    assert intent.action is Action.SKIP
    assert "ATR" in intent.reason


@pytest.mark.parametrize(
    ("score", "holding_qty", "action"),
    [
        (0.2, None, Action.SKIP),  # below the entry threshold
        (-0.9, None, Action.SKIP),  # bearish, shorts not allowed
        (0.9, "10", Action.SKIP),  # already long
        (-0.9, "10", Action.EXIT),  # opposite signal closes the long
        (-0.2, "10", Action.SKIP),  # opposite but weak
        (0.9, "-10", Action.EXIT),  # bullish closes a short
    ],
)
def test_signal_decisions(score: float, holding_qty: str | None, action: Action) -> None:
    holding = (
        Holding(D(holding_qty), D(100), D(95), D(110), T0) if holding_qty is not None else None
    )

    intent = decide_on_signal(a_strategy(), _signal(score), holding, D(100_000))

    assert intent.action is action
    if action is Action.EXIT and holding is not None:
        assert intent.quantity == abs(holding.quantity)
        assert intent.reduce_only
        assert intent.side is (Side.SELL if holding.quantity > 0 else Side.BUY)


def test_a_short_enters_when_allowed_with_mirrored_brackets() -> None:
    strategy = a_strategy(entry=EntryRules(min_score=0.5, allow_short=True))

    intent = decide_on_signal(strategy, _signal(-0.7), None, D(100_000))

    assert intent.side is Side.SELL
    assert intent.stop == D("105.00")
    assert intent.take_profit == D("90.0")


def test_an_atr_stop_sits_that_many_atrs_from_entry() -> None:
    strategy = a_strategy(exit=ExitRules(stop_loss_fraction=None, stop_loss_atr=D(3)))

    intent = decide_on_signal(strategy, _signal(0.7, atr="2"), None, D(100_000))

    assert intent.stop == D(94)


def test_fixed_fraction_without_a_stop_is_an_invalid_definition() -> None:
    with pytest.raises(InvalidStrategy) as caught:
        a_strategy(exit=ExitRules(stop_loss_fraction=None))

    assert caught.value.field == "stop_loss_fraction"


def test_a_gap_below_the_stop_exits_at_the_open() -> None:
    long = Holding(D(10), D(100), D(95), D(110), T0, bars_held=1)

    fill = check_exit(long, D(90), D(92), D(88), D(91), None)

    assert fill is not None and fill.reason is ExitReason.STOP_LOSS and fill.price == D(90)


def test_a_bar_touching_both_brackets_counts_the_stop_first() -> None:
    long = Holding(D(10), D(100), D(95), D(110), T0, bars_held=1)

    fill = check_exit(long, D(100), D(111), D(94), D(105), None)

    assert fill is not None and fill.reason is ExitReason.STOP_LOSS and fill.price == D(95)


def test_time_exit_at_the_close_after_max_bars() -> None:
    short = Holding(D(-10), D(100), D(105), D(90), T0, bars_held=5)

    assert check_exit(short, D(100), D(101), D(99), D("100.5"), 6) is None
    fill = check_exit(
        Holding(D(-10), D(100), D(105), D(90), T0, bars_held=6),
        D(100),
        D(101),
        D(99),
        D("100.5"),
        6,
    )

    assert fill is not None and fill.reason is ExitReason.TIME and fill.price == D("100.5")


@given(
    score=st.floats(min_value=-1, max_value=1, allow_nan=False),
    equity=st.decimals(min_value=1, max_value=10**9, places=2),
    price=st.decimals(min_value=D("0.01"), max_value=10**5, places=2),
)
def test_an_entry_never_exceeds_the_position_cap(
    score: float, equity: Decimal, price: Decimal
) -> None:
    strategy = a_strategy(entry=EntryRules(min_score=0.1, allow_short=True))

    intent = decide_on_signal(strategy, _signal(score, price=str(price)), None, equity)

    if intent.action is Action.ENTER:
        assert intent.quantity > 0
        assert intent.quantity * price <= equity * strategy.sizing.max_position_fraction
        assert (intent.side is Side.BUY) == (score > 0)
    else:
        assert intent.quantity == 0
