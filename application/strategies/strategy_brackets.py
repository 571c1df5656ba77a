"""Brackets managed by the strategy: stop-loss, take-profit and time exits on closed bars.

A mixin of StrategyProcessor (application/strategies/strategy_processor.py), kept apart for size.
Each closed bar after the entry bar counts once per holding (`last_bar` in its details), is checked
with the domain's `check_exit`, and an exit is claimed in the decision log under the bar's key
(`bar:<symbol>:<timeframe>:<start>`) before its gated reduce-only market order is sent: two
checks of one bar (two loops, two processes on one store) send one order. An exit the gate
denies leaves the holding to be tried on the next bar, unless the account no longer holds the
position (closed by hand or by the kill switch's flatten): the holding is then dropped.
"""

from __future__ import annotations

import asyncio
import dataclasses

from application.core.concurrency import KeyedLocks
from application.core.pacing import pause
from domain.market_data.bars import Bar, Timeframe
from domain.strategies.decide import Action, Intent, check_exit
from domain.strategies.definition import Strategy, StrategyMode
from domain.trading.orders import Side
from ports.core.clock import Clock
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import BarSource, QuoteUnavailable
from ports.strategies.strategies import (
    Decision,
    DecisionLog,
    HoldingRepository,
    StrategyHolding,
    StrategyRepository,
    Verdict,
)

ZERO = 0


class BracketChecks:
    """The bracket half of StrategyProcessor (which provides the attributes declared here)."""

    uow_factory: UnitOfWorkFactory
    strategies: StrategyRepository
    decisions: DecisionLog
    holdings: HoldingRepository
    clock: Clock
    _locks: KeyedLocks

    async def on_bar(self, bar: Bar) -> list[Decision]:
        """Check the holdings in `bar.symbol` (of its timeframe) against a closed bar."""
        decided: list[Decision] = []
        for held in await self.holdings.for_symbol(bar.symbol):
            if held.timeframe is not None and held.timeframe is not bar.timeframe:
                continue
            try:
                decision = await self._check_bracket(held, bar)
            except Exception as exc:
                self._failed(f"bracket {held.strategy_id}/{held.account_id}: {exc}")
                continue
            if decision is not None:
                decided.append(decision)
        return decided

    async def run_brackets(self, bars: BarSource, interval_s: float, stop: asyncio.Event) -> None:
        """Read the latest closed bars of every held symbol every `interval_s`; check them."""
        while not stop.is_set():
            try:
                await self.check_brackets(bars)
            except Exception as exc:
                self._failed(f"brackets: {type(exc).__name__}: {exc}")
            await pause(self.clock, interval_s, stop)

    async def check_brackets(self, bars: BarSource) -> list[Decision]:
        decided: list[Decision] = []
        now = self.clock.now()
        wanted: set[tuple[str, Timeframe]] = set()
        for symbol in await self.holdings.symbols():
            for held in await self.holdings.for_symbol(symbol):
                wanted.add((symbol, held.timeframe or Timeframe.M1))
        for symbol, timeframe in sorted(wanted):
            try:
                recent = await bars.bars(symbol, timeframe, limit=5)
            except QuoteUnavailable as exc:
                self._failed(f"bars of {symbol}: {exc}")
                continue
            for bar in recent:
                if bar.timeframe is timeframe and bar.start + timeframe.delta <= now:
                    decided.extend(await self.on_bar(bar))
        return decided

    async def _check_bracket(self, held: StrategyHolding, bar: Bar) -> Decision | None:
        key = f"{held.strategy_id}/{held.account_id}"
        async with self._locks.hold(key):
            current = await self.holdings.get(held.strategy_id, held.account_id, held.symbol)
            if current is None:
                return None
            last = current.details.get("last_bar")
            if bar.start <= current.holding.opened_at or (
                last is not None and bar.start.isoformat() <= last
            ):
                return None  # the entry bar, or a bar already counted
            holding = dataclasses.replace(current.holding, bars_held=current.holding.bars_held + 1)
            details = {**current.details, "last_bar": bar.start.isoformat()}
            strategy = await self.strategies.get(held.strategy_id)
            if strategy is None or strategy.mode is StrategyMode.OFF:
                await self.holdings.put(
                    dataclasses.replace(current, holding=holding, details=details)
                )
                return None
            fill = check_exit(
                holding, bar.open, bar.high, bar.low, bar.close, strategy.exit.max_holding_bars
            )
            if fill is None:
                await self.holdings.put(
                    dataclasses.replace(current, holding=holding, details=details)
                )
                return None
            trigger = f"bar:{bar.symbol}:{bar.timeframe.value}:{bar.start.isoformat()}"
            base = self._base(strategy, held.account_id, trigger, bar.symbol, "bar")
            side = Side.SELL if holding.is_long else Side.BUY
            decision = dataclasses.replace(
                base,
                price=fill.price,
                action=Action.EXIT,
                reason=f"{fill.reason.value} at {fill.price} on the bar of {bar.start.isoformat()}",
                side=side,
                quantity=abs(holding.quantity),
                exit_reason=fill.reason,
            )
            if current.details.get("shadow") == "true":
                decision = dataclasses.replace(decision, verdict=Verdict.SHADOW)
                if await self.decisions.claim(decision):
                    await self.holdings.remove(held.strategy_id, held.account_id, held.symbol)
                    return decision
                return None
            if not await self.decisions.claim(decision):
                return None
            intent = Intent(
                Action.EXIT, decision.reason, side, decision.quantity, exit_reason=fill.reason
            )
            completed = await self._send(strategy, decision, intent)
            if completed.verdict is Verdict.APPROVED:
                await self.holdings.remove(held.strategy_id, held.account_id, held.symbol)
            elif await self._still_held(current):
                # Denied or failed: the holding stays, counted, and the next bar tries again.
                await self.holdings.put(
                    dataclasses.replace(current, holding=holding, details=details)
                )
            else:  # the position was closed elsewhere: nothing is left to protect
                await self.holdings.remove(held.strategy_id, held.account_id, held.symbol)
            return completed

    async def _still_held(self, held: StrategyHolding) -> bool:
        """Whether the account still holds the position on the holding's side."""
        async with self.uow_factory() as uow:
            account = await uow.accounts.get(held.account_id)
        if account is None:
            return False
        quantity = account.position_quantity(held.symbol)
        return quantity > ZERO if held.holding.is_long else quantity < ZERO

    # Provided by StrategyProcessor.
    def _base(
        self, strategy: Strategy, account_id: str, trigger: str, symbol: str, kind: str
    ) -> Decision:
        raise NotImplementedError

    async def _send(self, strategy: Strategy, decision: Decision, intent: Intent) -> Decision:
        raise NotImplementedError

    def _failed(self, error: str) -> None:
        raise NotImplementedError
