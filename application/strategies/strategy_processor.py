"""The strategy processor: signals and closed bars in, recorded decisions and gated orders out.

For each signal, every active strategy that follows it decides per account with the shared
domain code (domain/strategies/decide.py), sized from the account's equity at current marks.
The decision is claimed in the log first, keyed by (signal, strategy, account): a signal that
arrives twice (the in-process bus and the Kafka events topic, a replayed record) decides once.
In paper/live mode the intent becomes a market order with origin STRATEGY through OrderService,
so the pre-trade gate and the kill switch apply exactly as to any other order; a halted account
records DENIED decisions and nothing reaches a broker. Exits are reduce-only.

Brackets (stop-loss, take-profit) and time exits are managed here, not as resting broker
orders: they are checked on each closed bar of the holding's symbol (`on_bar`), and an exit is
a gated reduce-only market order. Why: a resting stop at the broker would bypass the gate and
outlive a kill switch's cancel-all only to be cancelled by it, the paper broker has no resting
stops, and the backtester reads the same bars with the same `check_exit`.

A weighted strategy (Combine.WEIGHTED) decides on its fused score: each signal it follows
updates that source's latest reading for the symbol (kept in this process, per strategy version;
a restart starts from the readings that arrive again), and the fused score of the readings at
most `reading_max_age_hours` old is decided as a signal of its own, id `fused:<strategy>:<signal>`,
whose decision's reason names each source's term (domain/strategies/fusion.py). A learned one
(Combiner.LEARNED) scores the same readings with the weights in force for the symbol now
(application/strategies/live_combiner.py: fitted on the stored daily bars as a backtest fits,
refitted as new bars close), its reason naming them and the day they were fitted; without
weights (too little stored history) it records a skipped decision saying why.

A failure for one account is recorded (FAILED) and the others go on.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from application.core.concurrency import KeyedLocks
from application.strategies.live_combiner import LiveCombiner, NoWeights
from application.strategies.strategy_brackets import BracketChecks
from application.strategies.strategy_signals import (
    ExternalSignal,
    NoSignalPrice,
    strategy_signal,
    with_intent,
)
from application.trading.order_commands import OrderResult, SubmitOrder
from domain.errors import DomainError, Forbidden, NotFound
from domain.events import DomainEvent
from domain.killswitch.state import Scope, TradingState
from domain.market_data.signals import SignalEmitted
from domain.principals import Principal, Role
from domain.risk.reasons import Outcome
from domain.risk.verdicts import Verdict as Verdict_
from domain.strategies.decide import (
    Action,
    Holding,
    Intent,
    StrategySignal,
    decide_on_signal,
)
from domain.strategies.definition import SourceKind, Strategy, StrategyMode
from domain.strategies.events import MAX_ERROR, StrategyFailed
from domain.strategies.fusion import fuse
from domain.trading.accounts import Account, MissingMark
from domain.trading.orders import OrderStatus, Origin, OriginKind, Side
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.strategies.strategies import (
    Decision,
    DecisionLog,
    HoldingRepository,
    StrategyHolding,
    StrategyRepository,
    Verdict,
)

ONE = Decimal(1)
ZERO = Decimal(0)
PAPER_BROKERS = frozenset({"paper"})
MAX_FUSED_BOOKS = 50_000  # (strategy version, symbol) reading books kept; the oldest go first
_log = logging.getLogger("bulwark.strategies")


class AgentHalted(Forbidden):
    """An agent under a kill switch posted a signal (403): it would trade through a strategy."""

    code = "AGENT_HALTED"


class OrderSubmitter(Protocol):
    """OrderService.submit: the gate, the kill switch, the broker."""

    async def submit(self, cmd: SubmitOrder) -> OrderResult: ...


@dataclass(frozen=True, slots=True)
class _Context:
    """What one account's decision reads: the account, its equity, the instrument's lots."""

    account: Account
    equity: Decimal | None
    lot_size: Decimal
    multiplier: Decimal
    error: str | None = None


@dataclass(eq=False)
class StrategyProcessor(BracketChecks):
    """Runs the active strategies on signals and closed bars (see the module docstring)."""

    uow_factory: UnitOfWorkFactory
    strategies: StrategyRepository
    decisions: DecisionLog
    holdings: HoldingRepository
    orders: OrderSubmitter
    market: MarketDataPort
    clock: Clock
    ids: IdGenerator
    _: KW_ONLY
    paper_brokers: frozenset[str] = PAPER_BROKERS
    concurrency: int = 8
    # Where a strategy's failure is announced (the notification center listens).
    publish: Callable[[Sequence[DomainEvent]], Awaitable[None]] | None = None
    # The weights of learned strategies (None: a learned strategy does not decide here).
    combiner: LiveCombiner | None = None
    _locks: KeyedLocks = field(init=False, default_factory=KeyedLocks)
    _gate: asyncio.Semaphore = field(init=False)
    _queue: asyncio.Queue[StrategySignal] | None = field(init=False, default=None)
    # Failures are kept, not raised, so one account or signal cannot stop the others.
    last_error: str | None = field(init=False, default=None)
    failures: int = field(init=False, default=0)
    # A weighted strategy's latest reading per source: (strategy, version, symbol) -> index ->
    # (score, at).
    _readings: dict[tuple[str, int, str], dict[int, tuple[float, datetime]]] = field(
        init=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        self._gate = asyncio.Semaphore(max(1, self.concurrency))

    # -- signals -------------------------------------------------------------------------
    async def on_signal(
        self, signal: StrategySignal, owner_id: str | None = None
    ) -> list[Decision]:
        """Decide on `signal` for every following strategy (of `owner_id` only, when given)."""
        pairs: list[tuple[Strategy, str, StrategySignal, str | None]] = []
        for strategy in await self.strategies.list_active():
            if owner_id is not None and strategy.owner_id != owner_id:
                continue
            matched = strategy.matching(
                signal.kind, signal.symbol, signal.timeframe, signal.pattern, signal.source_name
            )
            if not matched:
                continue
            decided_on, unfit = signal, None
            if strategy.fused:
                decided_on, unfit = await self._fused(strategy, signal, matched)
            pairs.extend(
                (strategy, account_id, decided_on, unfit) for account_id in strategy.account_ids
            )
        # Accounts concurrently (a slow broker does not hold the others up), at most
        # `concurrency` at once; one (strategy, account) pair at a time (its lock).
        decided = await asyncio.gather(
            *(
                self._bounded(strategy, account, seen, unfit)
                for strategy, account, seen, unfit in pairs
            )
        )
        return [d for d in decided if d is not None]

    async def _fused(
        self, strategy: Strategy, signal: StrategySignal, matched: tuple[int, ...]
    ) -> tuple[StrategySignal, str | None]:
        """The strategy's fused score once `signal` is its matched sources' latest reading,
        and why it does not decide (None: it does)."""
        key = (strategy.id, strategy.version, signal.symbol)
        book = self._readings.pop(key, {})
        self._readings[key] = book  # the most recently used last
        while len(self._readings) > MAX_FUSED_BOOKS:
            del self._readings[next(iter(self._readings))]
        for index in matched:
            book[index] = (signal.score, signal.at)
        oldest = signal.at - timedelta(hours=strategy.entry.reading_max_age_hours)
        fresh = {i: score for i, (score, at) in book.items() if at >= oldest}
        fused_id = f"fused:{strategy.id}:{signal.id}"
        if strategy.entry.learned:
            return await self._learned(strategy, signal, fresh, fused_id)
        fused = fuse(strategy, fresh)
        return dataclasses.replace(
            signal, id=fused_id, score=fused.score, basis=fused.explain()
        ), None

    async def _learned(
        self, strategy: Strategy, signal: StrategySignal, fresh: dict[int, float], fused_id: str
    ) -> tuple[StrategySignal, str | None]:
        """The learned score of the fresh readings with the weights in force now, or why there
        are none (the decision is then skipped)."""
        unscored = dataclasses.replace(signal, id=fused_id, score=0.0)
        if self.combiner is None:
            return unscored, "no learned combiner is configured here"
        try:
            found = await self.combiner.weights(strategy, signal.symbol, self.clock.now())
        except Exception as exc:  # a store outage skips the decision, it does not stop others
            self._failed(f"{strategy.id} weights on {signal.symbol}: {type(exc).__name__}: {exc}")
            return unscored, f"learned weights unavailable: {type(exc).__name__}: {exc}"
        if isinstance(found, NoWeights):
            _log.info(
                "learned strategy %s does not decide on %s: %s",
                strategy.id, signal.symbol, found.reason,
            )  # fmt: skip
            return unscored, found.reason
        score, basis = found.score(fresh)
        return dataclasses.replace(signal, id=fused_id, score=score, basis=basis), None

    async def _bounded(
        self, strategy: Strategy, account_id: str, signal: StrategySignal, unfit: str | None
    ) -> Decision | None:
        async with self._gate:
            return await self._guarded(strategy, account_id, signal, unfit)

    async def on_event(self, event: SignalEmitted) -> list[Decision]:
        """A pattern-engine signal from the bus or the Kafka events topic."""
        signal = await strategy_signal(event, self.market)
        if signal is None:
            self._failed(f"signal {event.signal_id} of {event.symbol} has no price")
            return []
        return await self.on_signal(signal)

    async def on_external(
        self, agent_id: str, external: ExternalSignal
    ) -> tuple[str, list[Decision]]:
        """An agent's signal: decided by its owner's strategies that follow this agent."""
        async with self.uow_factory() as uow:
            agent = await uow.agents.get(agent_id)
            halt = await uow.trading_states.get(Scope.agent(agent_id).key)
        if agent is None:
            raise NotFound(f"agent {agent_id} not found")
        if halt is not None and halt.state is not TradingState.ACTIVE:
            # A halted agent may not trade through its owner's strategies either.
            raise AgentHalted(f"agent {agent_id} is {halt.state.value}: its signals are refused")
        symbol = external.symbol.strip().upper()
        price = external.price
        if price is None:
            price = (await self.market.reference_prices([symbol])).get(symbol)
        if price is None or price <= ZERO:
            raise NoSignalPrice(
                f"no price given and no reference price for {symbol}", field="price"
            )
        signal_id = f"ext:{agent_id}:{external.client_id or self.ids.new()}"
        signal = StrategySignal(
            id=signal_id,
            kind=SourceKind.EXTERNAL,
            symbol=symbol,
            score=external.score,
            price=price,
            at=self.clock.now(),
            timeframe=external.timeframe,
            atr=external.atr,
            source_name=agent_id,
        )
        return signal_id, await self.on_signal(signal, owner_id=agent.owner_id)

    # -- in-process events, off the publisher's path -------------------------------------
    async def enqueue(self, event: Any) -> None:
        """A bus handler: queue the signal; `drain` decides it (the scanner does not wait)."""
        if not isinstance(event, SignalEmitted):
            return
        if self._queue is None:
            self._queue = asyncio.Queue(maxsize=10_000)
        signal = await strategy_signal(event, self.market)
        if signal is None:
            self._failed(f"signal {event.signal_id} of {event.symbol} has no price")
        else:
            try:
                self._queue.put_nowait(signal)
            except asyncio.QueueFull:
                self._failed(f"signal queue full: {event.signal_id} dropped")

    async def drain(self) -> None:
        """Decide queued signals, one at a time, until the task is cancelled."""
        if self._queue is None:
            self._queue = asyncio.Queue(maxsize=10_000)
        queue = self._queue
        while True:
            signal = await queue.get()
            try:
                await self.on_signal(signal)
            except Exception as exc:  # the processor outlives a store outage
                self._failed(f"{type(exc).__name__}: {exc}")

    # -- one account ---------------------------------------------------------------------
    async def _guarded(
        self, strategy: Strategy, account_id: str, signal: StrategySignal, unfit: str | None = None
    ) -> Decision | None:
        try:
            async with self._locks.hold(f"{strategy.id}/{account_id}"):
                return await self._decide(strategy, account_id, signal, unfit)
        except Exception as exc:  # one account's failure does not stop the others
            self._failed(f"{strategy.id}/{account_id} on {signal.id}: {type(exc).__name__}: {exc}")
            await self._announce_failure(strategy, account_id, signal, exc)
            return None

    async def _announce_failure(
        self, strategy: Strategy, account_id: str, signal: StrategySignal, exc: Exception
    ) -> None:
        if self.publish is None:
            return
        failed = StrategyFailed(
            strategy_id=strategy.id,
            owner_id=strategy.owner_id,
            account_id=account_id,
            signal_id=signal.id,
            error=f"{type(exc).__name__}: {exc}"[:MAX_ERROR],
            at=self.clock.now().isoformat(),
        )
        try:
            await self.publish([failed])
        except Exception as publish_error:  # the bus down must not stop the processor
            self._failed(f"announcing a failure: {type(publish_error).__name__}")

    async def _decide(
        self, strategy: Strategy, account_id: str, signal: StrategySignal, unfit: str | None = None
    ) -> Decision | None:
        kind = "fused" if strategy.fused or signal.basis is not None else signal.kind.value
        base = self._base(strategy, account_id, signal.id, signal.symbol, kind)
        base = dataclasses.replace(
            base, signal_id=signal.id, score=signal.score, price=signal.price
        )
        if unfit is not None:  # a learned strategy without weights for the symbol
            return await self._skip(base, unfit)
        held = await self.holdings.get(strategy.id, account_id, signal.symbol)
        context = await self._context(strategy, account_id, signal.symbol)
        if context.error is not None or context.equity is None:
            return await self._skip(base, context.error or "no equity")
        intent = decide_on_signal(
            strategy,
            signal,
            None if held is None else held.holding,
            context.equity,
            context.lot_size,
            context.multiplier,
        )
        decision = with_intent(base, intent, context.equity, signal, strategy.sizing.method.value)
        if intent.action is Action.SKIP:
            return await self._skip(decision, intent.reason)
        refusal = self._mode_refusal(strategy, context.account)
        if refusal is not None:
            return await self._skip(decision, refusal)
        if strategy.mode is StrategyMode.SHADOW:
            decision = dataclasses.replace(decision, verdict=Verdict.SHADOW)
            if not await self.decisions.claim(decision):
                return None
            await self._after_shadow(strategy, account_id, signal, intent, held)
            return decision
        if not await self.decisions.claim(decision):
            return None
        completed = await self._send(strategy, decision, intent)
        if completed.verdict is Verdict.APPROVED:
            await self._after_order(strategy, account_id, signal, intent, completed)
        return completed

    async def _send(self, strategy: Strategy, decision: Decision, intent: Intent) -> Decision:
        """Submit the decision's order through the gate; complete the decision with the answer."""
        assert intent.side is not None
        cmd = SubmitOrder(
            principal=Principal(strategy.owner_id, Role.OWNER),
            account_id=decision.account_id,
            symbol=decision.symbol,
            side=intent.side,
            quantity=intent.quantity,
            origin=Origin(OriginKind.STRATEGY, strategy.id),
            reduce_only=intent.reduce_only,
            idempotency_key=f"strategy:{decision.id}",
            # Attributed to the strategy's definition as it decided (RTS 6 Art. 12).
            algorithm=strategy.id,
            algorithm_version=str(strategy.version),
        )
        try:
            result = await self.orders.submit(cmd)
        except DomainError as exc:
            return await self._complete(decision, Verdict.FAILED, (f"{exc.code}: {exc.message}",))
        except Exception as exc:
            await self._complete(decision, Verdict.FAILED, (f"{type(exc).__name__}: {exc}",))
            raise
        gate = result.decision
        order = result.order
        if gate is not None and not gate.approved:
            reasons = tuple(f"{v.code.value}: {v.message}" for v in gate.verdicts if not _passes(v))
            return await self._complete(
                decision, Verdict.DENIED, reasons or tuple(c.value for c in gate.reasons), order.id
            )
        if order.status in (OrderStatus.DENIED, OrderStatus.REJECTED):
            return await self._complete(decision, Verdict.DENIED, order.deny_reasons, order.id)
        if order.status is OrderStatus.HELD:  # waits for a person: not sent, no holding yet
            return await self._complete(decision, Verdict.HELD, order.hold_reasons, order.id)
        return await self._complete(decision, Verdict.APPROVED, (), order.id)

    async def _complete(
        self,
        decision: Decision,
        verdict: Verdict,
        reasons: tuple[str, ...],
        order_id: str | None = None,
    ) -> Decision:
        await self.decisions.complete(decision.id, verdict, reasons, order_id)
        return dataclasses.replace(
            decision, verdict=verdict, verdict_reasons=reasons, order_id=order_id
        )

    async def _after_order(
        self,
        strategy: Strategy,
        account_id: str,
        signal: StrategySignal,
        intent: Intent,
        decision: Decision,
    ) -> None:
        if intent.action is Action.EXIT:
            await self.holdings.remove(strategy.id, account_id, signal.symbol)
            return
        quantity = intent.quantity
        async with self.uow_factory() as uow:
            order = await uow.orders.get(decision.order_id or "")
        if order is not None:  # the approved quantity (a REDUCE control may have scaled it)
            quantity = order.quantity
        await self.holdings.put(
            self._holding_of(strategy, account_id, signal, intent, shadow=False, quantity=quantity)
        )

    async def _after_shadow(
        self,
        strategy: Strategy,
        account_id: str,
        signal: StrategySignal,
        intent: Intent,
        held: StrategyHolding | None,
    ) -> None:
        """Shadow mode tracks the holdings it would have, so its log reads like paper's."""
        if intent.action is Action.EXIT:
            if held is not None:
                await self.holdings.remove(strategy.id, account_id, signal.symbol)
            return
        await self.holdings.put(self._holding_of(strategy, account_id, signal, intent, shadow=True))

    def _holding_of(
        self,
        strategy: Strategy,
        account_id: str,
        signal: StrategySignal,
        intent: Intent,
        *,
        shadow: bool,
        quantity: Decimal | None = None,
    ) -> StrategyHolding:
        sign = ONE if intent.side is Side.BUY else -ONE
        return StrategyHolding(
            strategy_id=strategy.id,
            account_id=account_id,
            symbol=signal.symbol,
            holding=Holding(
                quantity=sign * (intent.quantity if quantity is None else quantity),
                entry_price=signal.price,
                stop=intent.stop,
                take_profit=intent.take_profit,
                opened_at=signal.at,
            ),
            timeframe=signal.timeframe,
            details={"shadow": "true"} if shadow else {},
        )

    def _mode_refusal(self, strategy: Strategy, account: Account) -> str | None:
        if strategy.mode is StrategyMode.PAPER and account.broker not in self.paper_brokers:
            return (
                f"paper mode trades only paper-broker accounts; account {account.id} "
                f"is on {account.broker}"
            )
        return None

    async def _context(self, strategy: Strategy, account_id: str, symbol: str) -> _Context:
        async with self.uow_factory() as uow:
            account = await uow.accounts.get(account_id)
            instrument = await uow.instruments.get(symbol)
            owner = await uow.users.get(strategy.owner_id)
        placeholder = Account(id=account_id, owner_id=strategy.owner_id, cash=ZERO)
        # A deactivated owner's strategies stop deciding (`active` is the users' flag; read
        # with a default so a store without it reads every owner as active).
        if owner is not None and not owner.active:
            return _Context(placeholder, None, ONE, ONE, "the owner is deactivated")
        if account is None or account.owner_id != strategy.owner_id:
            return _Context(placeholder, None, ONE, ONE, f"account {account_id} not found")
        lot = instrument.lot_size if instrument is not None else ONE
        multiplier = instrument.multiplier if instrument is not None else ONE
        held = [s for s, p in account.positions.items() if not p.is_flat]
        marks = await self.market.reference_prices(held) if held else {}
        try:
            equity = account.equity(marks)
        except MissingMark as exc:
            return _Context(account, None, lot, multiplier, f"no mark for {exc}: equity unknown")
        return _Context(account, equity, lot, multiplier)

    def _base(
        self, strategy: Strategy, account_id: str, trigger: str, symbol: str, kind: str
    ) -> Decision:
        return Decision(
            id=self.ids.new("dec-"),
            strategy_id=strategy.id,
            account_id=account_id,
            trigger=trigger,
            decided_at=self.clock.now(),
            mode=strategy.mode,
            symbol=symbol,
            signal_kind=kind,
            action=Action.SKIP,
            reason="",
            verdict=Verdict.PENDING,
        )

    async def _skip(self, decision: Decision, reason: str) -> Decision | None:
        skipped = dataclasses.replace(
            decision, action=Action.SKIP, reason=reason, verdict=Verdict.SKIPPED
        )
        return skipped if await self.decisions.claim(skipped) else None

    def _failed(self, error: str) -> None:
        self.last_error = error
        self.failures += 1


def _passes(verdict: Verdict_) -> bool:
    return verdict.outcome is not Outcome.DENY
