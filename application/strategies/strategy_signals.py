"""What the strategy processor reads signals as: pattern-engine events, agents' signals, and
the decision record an intent makes (application/strategies/strategy_processor.py)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from domain.errors import DomainError
from domain.market_data.bars import Timeframe
from domain.market_data.signals import Pattern, SignalEmitted
from domain.strategies.decide import Action, Intent, StrategySignal
from domain.strategies.definition import SourceKind
from ports.market_data.marketdata import MarketDataPort
from ports.strategies.strategies import Decision, SizingInputs

ZERO = Decimal(0)
E = TypeVar("E", bound=StrEnum)


class NoSignalPrice(DomainError):
    """An external signal without a price, for a symbol without a reference price."""

    code = "NO_SIGNAL_PRICE"


@dataclass(frozen=True, slots=True)
class ExternalSignal:
    """What an agent posts: a score in [-1, 1] for a symbol; `client_id` makes resends
    idempotent; without `price` the current reference price is used."""

    symbol: str
    score: float
    price: Decimal | None = None
    atr: Decimal | None = None
    client_id: str | None = None
    timeframe: Timeframe | None = None


async def strategy_signal(event: SignalEmitted, market: MarketDataPort) -> StrategySignal | None:
    """The strategy's view of a SignalEmitted: priced at the bar's close when the detector
    reports it, else at the symbol's current reference price (None when there is none)."""
    details = event.details or {}
    price: Decimal | None = None
    if "close" in details:
        price = Decimal(str(details["close"]))
    else:
        marks = await market.reference_prices([event.symbol])
        price = marks.get(event.symbol)
    if price is None or price <= ZERO:
        return None
    atr = details.get("atr")
    return StrategySignal(
        id=event.signal_id,
        kind=SourceKind.PATTERN,
        symbol=event.symbol,
        score=float(event.score),
        price=price,
        at=event.at,
        timeframe=_enum(Timeframe, event.timeframe),
        pattern=_enum(Pattern, event.pattern),
        atr=Decimal(str(atr)) if atr is not None and atr > 0 else None,
    )


def with_intent(
    base: Decision, intent: Intent, equity: Decimal, signal: StrategySignal, method: str
) -> Decision:
    sizing = None
    if intent.sizing is not None or intent.action is Action.ENTER:
        sizing = SizingInputs(
            method=method,
            equity=equity,
            price=signal.price,
            atr=signal.atr,
            explanation=intent.sizing.explanation if intent.sizing is not None else "",
        )
    return dataclasses.replace(
        base,
        action=intent.action,
        reason=intent.reason,
        side=intent.side,
        quantity=intent.quantity,
        stop=intent.stop,
        take_profit=intent.take_profit,
        exit_reason=intent.exit_reason,
        sizing=sizing,
    )


def _enum(kind: type[E], value: str | None) -> E | None:
    try:
        return kind(value) if value else None
    except ValueError:
        return None
