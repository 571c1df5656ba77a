"""An embedded Bulwark with the strategy stores, service and processor on in-memory adapters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from adapters.memory.strategies import (
    InMemoryDecisionLog,
    InMemoryHoldingRepository,
    InMemoryStrategyRepository,
)
from application.strategies.service import StrategyDraft, StrategyService
from application.strategies.strategy_processor import StrategyProcessor
from bootstrap.embedded import Embedded, build_embedded
from domain.market_data.bars import Timeframe
from domain.principals import Principal, Role
from domain.strategies.decide import StrategySignal
from domain.strategies.definition import (
    ExitRules,
    SignalSource,
    SizingMethod,
    SizingPolicy,
    SourceKind,
    Strategy,
    StrategyMode,
)
from domain.trading.instruments import Instrument
from domain.trading.orders import Order, OriginKind

D = Decimal
OWNER = Principal("u-1", Role.OWNER)
STRANGER = Principal("u-2", Role.OWNER)
PAPER = "acc-paper"
LIVE_ACCOUNT = "acc-alpaca"
OTHER = "acc-other"  # STRANGER's
PASSCODE = "correct-horse"
CASH = D(100_000)
T0 = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


@dataclass
class World:
    e: Embedded
    strategies: InMemoryStrategyRepository
    decisions: InMemoryDecisionLog
    holdings: InMemoryHoldingRepository
    service: StrategyService
    processor: StrategyProcessor

    async def strategy_orders(self) -> list[Order]:
        orders = list(self.e.store.orders.values())
        return [o for o in orders if o.origin.kind is OriginKind.STRATEGY]

    async def create(self, mode: StrategyMode = StrategyMode.PAPER, **fields: Any) -> Strategy:
        values: dict[str, Any] = {
            "name": "breakouts",
            "account_ids": (PAPER,),
            "sources": (SignalSource(SourceKind.PATTERN, frozenset({"AAPL"})),),
            "sizing": SizingPolicy(SizingMethod.FIXED_NOTIONAL, notional=D(5_000)),
            "exit": ExitRules(stop_loss_fraction=D("0.05"), take_profit_fraction=D("0.10")),
            "mode": mode,
            **fields,
        }
        return await self.service.create(OWNER, StrategyDraft(**values))


async def build_world() -> World:
    e = build_embedded()
    await e.add_instrument(Instrument("AAPL", sector="TECH"), D(100))
    await e.open_account(PAPER, OWNER.id, CASH)
    await e.open_account(LIVE_ACCOUNT, OWNER.id, CASH, broker="alpaca")
    await e.open_account(OTHER, STRANGER.id, CASH)
    strategies = InMemoryStrategyRepository()
    decisions = InMemoryDecisionLog()
    holdings = InMemoryHoldingRepository()
    service = StrategyService(
        e.uow, strategies, decisions, holdings, e.killswitch, e.clock, e.ids, e.audit
    )
    processor = StrategyProcessor(
        e.uow, strategies, decisions, holdings, e.orders, e.market, e.clock, e.ids
    )
    return World(e, strategies, decisions, holdings, service, processor)


def signal(
    signal_id: str = "sig-1",
    score: float = 0.8,
    price: str = "100",
    symbol: str = "AAPL",
    at: datetime = T0,
) -> StrategySignal:
    return StrategySignal(
        id=signal_id,
        kind=SourceKind.PATTERN,
        symbol=symbol,
        score=score,
        price=D(price),
        at=at,
        timeframe=Timeframe.M5,
    )
