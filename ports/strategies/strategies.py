"""Strategy ports: the stored strategies, the log of their decisions, and the holdings they opened.

These are their own ports, not UnitOfWork properties: none of them needs to be written in the
order's transaction. A decision is claimed in the log before its order is sent (so a replayed
signal decides nothing twice) and completed once the gate has answered.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from domain.market_data.bars import Timeframe
from domain.strategies.decide import Action, ExitReason, Holding
from domain.strategies.definition import Strategy, StrategyMode
from domain.trading.orders import Side

ZERO = Decimal(0)


class StrategyRepository(Protocol):
    """Stored strategies.

    `add` stores a new strategy (its id must be new). `update` replaces the stored strategy whose
    version is `strategy.version` and returns it with the version incremented; a stale copy (or
    a missing strategy) raises domain.errors.ConcurrentUpdate. `list_by_owner` returns the
    owner's strategies oldest first; `list_active` those whose mode is not `off`, every owner's
    (what the processor matches signals against).
    """

    async def get(self, strategy_id: str) -> Strategy | None: ...

    async def add(self, strategy: Strategy) -> None: ...

    async def update(self, strategy: Strategy) -> Strategy: ...

    async def list_by_owner(self, owner_id: str) -> list[Strategy]: ...

    async def list_active(self) -> list[Strategy]: ...


class Verdict(StrEnum):
    """What became of a decision.

    pending: claimed, the order not answered yet (a crash leaves it so, and a replay does not
    send it again). approved / denied: the gate's answer to the order. shadow: a shadow-mode
    decision, not sent. skipped: nothing to send (the intent was a skip, or the mode forbids
    this account, e.g. paper mode on a non-paper account). failed: the order could not be
    submitted (an error other than the gate's denial). held: a HOLD rule held the order for
    a person's approval; the strategy tracks no holding for it.
    """

    PENDING = "pending"
    APPROVED = "approved"
    DENIED = "denied"
    # The gate held the order for a person's approval (a HOLD rule): not sent, no holding.
    HELD = "held"
    SHADOW = "shadow"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class SizingInputs:
    """What an entry was sized from, kept with the decision so it can be explained later."""

    method: str
    equity: Decimal
    price: Decimal
    atr: Decimal | None = None
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """One strategy's decision for one account on one trigger (a signal or a closed bar).

    `trigger` identifies what was decided on: the signal id, or `bar:<symbol>:<timeframe>:<at>`
    for a bracket check; (trigger, strategy_id, account_id) is unique in the log.
    """

    id: str
    strategy_id: str
    account_id: str
    trigger: str
    decided_at: datetime
    mode: StrategyMode
    symbol: str
    signal_kind: str
    action: Action
    reason: str
    verdict: Verdict
    signal_id: str | None = None
    score: float | None = None
    price: Decimal | None = None
    side: Side | None = None
    quantity: Decimal = ZERO
    stop: Decimal | None = None
    take_profit: Decimal | None = None
    exit_reason: ExitReason | None = None
    sizing: SizingInputs | None = None
    order_id: str | None = None
    verdict_reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DecisionCursor:
    """A position in newest-first order: the last decision of a page, by (decided_at, id)."""

    decided_at: datetime
    decision_id: str


class DecisionLog(Protocol):
    """Every decision of every strategy.

    `claim` stores a new decision unless one with the same (trigger, strategy_id, account_id) is
    stored already, and tells whether it stored it: the processor claims before it sends, so a
    replayed trigger sends nothing twice. `complete` sets the outcome of a claimed decision
    (verdict, reasons, order id). `page` lists a strategy's decisions newest first by
    (decided_at, id) descending, strictly after `after`, at most `limit`.
    """

    async def claim(self, decision: Decision) -> bool: ...

    async def complete(
        self,
        decision_id: str,
        verdict: Verdict,
        reasons: tuple[str, ...] = (),
        order_id: str | None = None,
    ) -> None: ...

    async def get(self, decision_id: str) -> Decision | None: ...

    async def page(
        self, strategy_id: str, after: DecisionCursor | None = None, limit: int = 50
    ) -> list[Decision]: ...


@dataclass(frozen=True, slots=True)
class StrategyHolding:
    """A position a strategy opened on an account, with its brackets (managed by the strategy).

    `timeframe` is the timeframe of the entry signal: the bars that count towards a time exit.
    """

    strategy_id: str
    account_id: str
    symbol: str
    holding: Holding
    timeframe: Timeframe | None = None
    details: Mapping[str, str] = field(default_factory=dict)


class HoldingRepository(Protocol):
    """The strategies' open holdings, at most one per (strategy_id, account_id, symbol).

    `put` inserts or replaces; `remove` deletes (no error when absent); `for_symbol` lists every
    strategy's holdings in a symbol (what a closed bar is checked against); `for_strategy` a
    strategy's holdings.
    """

    async def get(
        self, strategy_id: str, account_id: str, symbol: str
    ) -> StrategyHolding | None: ...

    async def put(self, holding: StrategyHolding) -> None: ...

    async def remove(self, strategy_id: str, account_id: str, symbol: str) -> None: ...

    async def for_symbol(self, symbol: str) -> list[StrategyHolding]: ...

    async def for_strategy(self, strategy_id: str) -> list[StrategyHolding]: ...

    async def symbols(self) -> list[str]: ...
