"""What a strategy does with a signal or a closed bar: enter, exit or skip, and why.

Pure and shared: the live processor (application/) and the backtester call these same
functions, so a backtest exercises the decisions the strategy would take live. Orders still go
through the pre-trade gate afterwards; an intent is a request, not a permission.

Conventions:
- A signal's `price` is the close of the bar it was computed on (or the last trade for an
  external signal): entries are sized at that price; the order itself is a market order.
- Brackets are fixed at entry from the entry price: long stop = entry × (1 − stop_loss_fraction)
  or entry − stop_loss_atr × ATR; take-profit = entry × (1 + take_profit_fraction); mirrored for
  a short. They are checked on every closed bar (`check_exit`): a bar that opens beyond the stop
  exits at its open (a gap), else at the stop; when one bar touches both the stop and the
  take-profit, the stop is assumed first (the conservative reading of a bar).
- A time exit closes at the close of the bar `max_holding_bars` bars after the entry bar.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern
from domain.numbers import ONE, ZERO
from domain.risk.sizing import InvalidSizingInput, SizingResult, fixed_fractional, volatility_sized
from domain.strategies.definition import SizingMethod, SourceKind, Strategy
from domain.trading.orders import Side


@dataclass(frozen=True, slots=True)
class StrategySignal:
    """A signal as a strategy sees it: score in [-1, 1] (sign = direction) at a price.

    `atr` is the instrument's average true range in price units when the source knows it
    (the pattern engine does); volatility sizing and ATR stops need it. `basis` says how the
    score was made when it is not one source's (a weighted strategy's fused score and its
    terms, domain/strategies/fusion.py): the decision's reason ends with it.
    """

    id: str
    kind: SourceKind
    symbol: str
    score: float
    price: Decimal
    at: datetime
    timeframe: Timeframe | None = None
    pattern: Pattern | None = None
    atr: Decimal | None = None
    source_name: str | None = None
    basis: str | None = None


@dataclass(frozen=True, slots=True)
class Holding:
    """A position the strategy opened: signed quantity, entry and its brackets."""

    quantity: Decimal
    entry_price: Decimal
    stop: Decimal | None
    take_profit: Decimal | None
    opened_at: datetime
    bars_held: int = 0

    @property
    def is_long(self) -> bool:
        return self.quantity > ZERO


class Action(StrEnum):
    ENTER = "enter"
    EXIT = "exit"
    SKIP = "skip"


class ExitReason(StrEnum):
    STOP_LOSS = "stop_loss"
    TAKE_PROFIT = "take_profit"
    TIME = "time"
    SIGNAL = "signal"


@dataclass(frozen=True, slots=True)
class Intent:
    """The strategy's decision: an order to request (side, unsigned quantity) or a skip.

    An exit is reduce-only and closes the whole holding. `reason` is a sentence for the
    decision record; `sizing` holds the sizing inputs and arithmetic of an entry.
    """

    action: Action
    reason: str
    side: Side | None = None
    quantity: Decimal = ZERO
    stop: Decimal | None = None
    take_profit: Decimal | None = None
    sizing: SizingResult | None = None
    exit_reason: ExitReason | None = None

    @property
    def reduce_only(self) -> bool:
        return self.action is Action.EXIT


@dataclass(frozen=True, slots=True)
class ExitFill:
    """Where a bracket or time exit happens within a bar, and why."""

    reason: ExitReason
    price: Decimal


def skip(reason: str) -> Intent:
    return Intent(Action.SKIP, reason)


def decide_on_signal(
    strategy: Strategy,
    signal: StrategySignal,
    holding: Holding | None,
    equity: Decimal,
    lot_size: Decimal = ONE,
    multiplier: Decimal = ONE,
) -> Intent:
    """Turn one signal into an intent for one account holding `holding` (None when flat)."""
    intent = _decide(strategy, signal, holding, equity, lot_size, multiplier)
    if signal.basis:
        return dataclasses.replace(intent, reason=f"{intent.reason}; {signal.basis}")
    return intent


def _decide(
    strategy: Strategy,
    signal: StrategySignal,
    holding: Holding | None,
    equity: Decimal,
    lot_size: Decimal,
    multiplier: Decimal,
) -> Intent:
    score = signal.score
    strength = abs(score)
    held = holding is not None and holding.quantity != ZERO
    opposite = held and holding is not None and (holding.is_long != (score > 0))
    if score == 0:
        return skip("neutral signal (score 0)")
    if opposite and holding is not None:
        threshold = strategy.exit.exit_score or strategy.entry.min_score
        if strength >= threshold:
            side = Side.SELL if holding.is_long else Side.BUY
            return Intent(
                Action.EXIT,
                f"opposite signal {score:+.4f} reaches the exit threshold {threshold}",
                side=side,
                quantity=abs(holding.quantity),
                exit_reason=ExitReason.SIGNAL,
            )
        return skip(f"opposite signal {score:+.4f} below the exit threshold {threshold}")
    if held:
        return skip("already holding a position in the signal's direction")
    if strength < strategy.entry.min_score:
        return skip(f"|score| {strength:.4f} below the entry threshold {strategy.entry.min_score}")
    if score < 0 and not strategy.entry.allow_short:
        return skip("bearish signal and the strategy does not open shorts")
    return _enter(
        strategy, signal, Side.BUY if score > 0 else Side.SELL, equity, lot_size, multiplier
    )


def check_exit(
    holding: Holding,
    bar_open: Decimal,
    bar_high: Decimal,
    bar_low: Decimal,
    bar_close: Decimal,
    max_holding_bars: int | None,
) -> ExitFill | None:
    """The exit a closed bar triggers for `holding` (bars_held counts this bar), or None."""
    long = holding.is_long
    stop, target = holding.stop, holding.take_profit
    if stop is not None:
        if long and bar_low <= stop:
            return ExitFill(ExitReason.STOP_LOSS, min(bar_open, stop))
        if not long and bar_high >= stop:
            return ExitFill(ExitReason.STOP_LOSS, max(bar_open, stop))
    if target is not None:
        if long and bar_high >= target:
            return ExitFill(ExitReason.TAKE_PROFIT, max(bar_open, target))
        if not long and bar_low <= target:
            return ExitFill(ExitReason.TAKE_PROFIT, min(bar_open, target))
    if max_holding_bars is not None and holding.bars_held >= max_holding_bars:
        return ExitFill(ExitReason.TIME, bar_close)
    return None


def brackets(
    strategy: Strategy, side: Side, entry: Decimal, atr: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """The stop-loss and take-profit levels of an entry at `entry` (see the module docstring)."""
    rules = strategy.exit
    sign = ONE if side is Side.BUY else -ONE
    stop: Decimal | None = None
    if rules.stop_loss_fraction is not None:
        stop = entry * (ONE - sign * rules.stop_loss_fraction)
    elif rules.stop_loss_atr is not None and atr is not None and atr > ZERO:
        stop = entry - sign * rules.stop_loss_atr * atr
    target = (
        entry * (ONE + sign * rules.take_profit_fraction)
        if rules.take_profit_fraction is not None
        else None
    )
    return stop, target


def _enter(
    strategy: Strategy,
    signal: StrategySignal,
    side: Side,
    equity: Decimal,
    lot_size: Decimal,
    multiplier: Decimal,
) -> Intent:
    price = signal.price
    if price <= ZERO:
        return skip(f"no usable price ({price})")
    if equity <= ZERO:
        return skip(f"no equity to size from ({equity})")
    stop, target = brackets(strategy, side, price, signal.atr)
    policy = strategy.sizing
    try:
        if policy.method is SizingMethod.FIXED_NOTIONAL:
            sizing = _fixed_notional(
                policy.notional or ZERO,
                price,
                equity,
                policy.max_position_fraction,
                lot_size,
                multiplier,
            )
        elif policy.method is SizingMethod.VOLATILITY:
            if signal.atr is None or signal.atr <= ZERO:
                return skip("volatility sizing needs the signal's ATR, and it has none")
            sizing = volatility_sized(
                equity,
                price,
                signal.atr,
                policy.risk_fraction,
                policy.volatility_multiple,
                policy.max_position_fraction,
                lot_size,
                multiplier,
            )
        else:
            if stop is None or stop <= ZERO:
                return skip("fixed-fraction sizing needs a stop-loss, and none could be set")
            sizing = fixed_fractional(
                equity,
                price,
                stop,
                policy.risk_fraction,
                policy.max_position_fraction,
                lot_size,
                multiplier,
            )
    except InvalidSizingInput as exc:
        return skip(f"sizing refused: {exc.message}")
    if sizing.quantity <= ZERO:
        return skip(f"size rounds to zero lots ({sizing.explanation})")
    direction = "bullish" if side is Side.BUY else "bearish"
    return Intent(
        Action.ENTER,
        f"{direction} signal {signal.score:+.4f} >= entry threshold {strategy.entry.min_score}",
        side=side,
        quantity=sizing.quantity,
        stop=stop,
        take_profit=target,
        sizing=sizing,
    )


def _fixed_notional(
    notional: Decimal,
    price: Decimal,
    equity: Decimal,
    max_position_fraction: Decimal,
    lot_size: Decimal,
    multiplier: Decimal,
) -> SizingResult:
    cap = equity * max_position_fraction
    budget = min(notional, cap)
    raw = budget / (price * multiplier)
    quantity = (raw / lot_size).quantize(ONE, rounding=ROUND_DOWN) * lot_size
    explanation = f"notional {notional} at {price} x {multiplier}"
    if cap < notional:
        explanation += f", capped at {max_position_fraction} of equity = {cap}"
    explanation += f"; rounded down to lot {lot_size} -> {quantity}"
    return SizingResult(
        quantity=quantity,
        notional=quantity * price * multiplier,
        risk_amount=ZERO,
        risk_fraction_used=ZERO,
        stop_distance=ZERO,
        capped=cap < notional,
        explanation=explanation,
    )
