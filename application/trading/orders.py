"""Order use cases: submit through the pre-trade gate, cancel, and sync with the broker."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from application.core.access import account_seen, ensure_may_change, may_act_on
from application.core.batching import KeyedBatcher
from application.core.concurrency import KeyedLocks
from application.core.retry import retry_on_conflict
from application.trading.broker_router import BrokerRouter as BrokerRouter
from application.trading.halts import HaltLatch
from application.trading.in_doubt import DEFAULT_GRACE, InDoubtResolver
from application.trading.order_booking import BrokerBooking
from application.trading.order_commands import OrderResult as OrderResult
from application.trading.order_commands import StoredKeys, check_same, check_same_order
from application.trading.order_commands import SubmitOrder as SubmitOrder
from application.trading.order_commands import origin_for as origin_for
from application.trading.policies import PolicyCache
from application.trading.risk_books import RiskBooks
from application.trading.snapshots import SharedReads, load_risk_view
from application.trading.throttle import SharedThrottle
from application.trading.trading_state_cache import TradingStateCache
from domain.aggregation.model import ensure_tradable
from domain.errors import ConcurrentUpdate, Conflict, DomainError, NotFound, StoreUnavailable
from domain.killswitch.state import TradingState
from domain.numbers import NumberOutOfRange
from domain.principals import Principal
from domain.risk.flow import OrderFlow, Recorded
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account, MissingMark
from domain.trading.holds import DEFAULT_HOLD_TTL, HoldExpired, OrderNotHeld
from domain.trading.orders import Order
from domain.trading.terms import (
    DEFAULT_MAX_ORDER_NOTIONAL,
    InvalidPrice,
    InvalidQuantity,
    check_order_terms,
)
from ports.core.clock import Clock, IdGenerator
from ports.core.events import EventPublisher
from ports.core.metrics import NO_METER, Meter
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort


@dataclass(slots=True)
class _Approved:
    """An order decided, stored as pending submission, and not yet sent."""

    order: Order
    decision: Decision


@dataclass(frozen=True, slots=True)
class _SameAs:
    """A command that replays an earlier command of the same batch (same idempotency key)."""

    index: int


_Outcome = OrderResult | _Approved | _SameAs | Exception
MAX_BATCH = 128


class OrderService(BrokerBooking):
    """Submit, cancel and sync orders. One account's orders are decided one at a time.

    Submissions for one account that arrive while its previous batch is being decided
    queue up and are decided together, in arrival order, in one transaction (see
    application/core/batching.py); each order still sees the ones decided before it.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        brokers: BrokerRouter,
        market_data: MarketDataPort,
        publisher: EventPublisher,
        clock: Clock,
        ids: IdGenerator,
        policies: PolicyCache,
        locks: KeyedLocks,
        max_batch: int = MAX_BATCH,
        *,
        throttle: SharedThrottle | None = None,
        latch: HaltLatch | None = None,
        max_order_notional: Decimal = DEFAULT_MAX_ORDER_NOTIONAL,
        books: RiskBooks | None = None,
        meter: Meter = NO_METER,
        tracer: Tracer = NO_TRACER,
        in_doubt_grace: timedelta = DEFAULT_GRACE,
        states: TradingStateCache | None = None,
        hold_ttl: timedelta = DEFAULT_HOLD_TTL,
    ) -> None:
        self._uow = uow_factory
        # How long a held order waits for a person (application/trading/held_orders.py).
        self.hold_ttl = hold_ttl
        self._meter = meter  # gate latency and decisions for /metrics (ports/core/metrics.py)
        self.tracer = tracer  # spans: gate.evaluate, store.commit, broker.submit / cancel
        # Accounts and their risk views held between units of work
        # (application/trading/risk_books.py).
        self.books = books
        self._max_notional = max_order_notional
        # Shared with the kill switch's thread: a halt binds the sends below at once.
        self.latch = latch or HaltLatch()
        # The scopes' trading states, at most a bound old
        # (application/trading/trading_state_cache.py).
        self.states = states
        self._throttle = throttle  # with several instances: the order rate counted across all
        self._brokers = brokers
        self._market = market_data
        self._publisher = publisher
        self._clock = clock
        self._ids = ids
        self.policies = policies
        self.locks = locks
        # Approved orders never acknowledged by their broker (application/trading/in_doubt.py).
        self.in_doubt = InDoubtResolver(clock, in_doubt_grace)
        self.batcher: KeyedBatcher[SubmitOrder, OrderResult] = KeyedBatcher(
            self._submit_batch, max_batch
        )

    async def submit(self, cmd: SubmitOrder) -> OrderResult:
        ensure_tradable(cmd.account_id)  # an aggregated account is read-only: 403
        if self.tracer.enabled and cmd.trace is None:
            # The batch may run in another caller's task: it is traced under this one's.
            cmd = replace(cmd, trace=self.tracer.origin())
        return await self.batcher.submit(cmd.account_id, cmd)

    async def submit_many(self, cmds: list[SubmitOrder]) -> list[OrderResult | Exception]:
        """One account's commands, decided in order in as few batches as they fit.

        A batch that fails as a whole (the store is down) fails every later command as
        well without running it, so retrying them in order cannot let a later one overtake.
        """
        if len({cmd.account_id for cmd in cmds}) > 1:
            raise ValueError("submit_many takes the commands of one account")
        if cmds:
            ensure_tradable(cmds[0].account_id)
        results: list[OrderResult | Exception] = []
        size = self.batcher.max_batch
        for start in range(0, len(cmds), size):
            try:
                results.extend(
                    await self._submit_batch(cmds[0].account_id, cmds[start : start + size])
                )
            except Exception as exc:
                results.extend([exc] * (len(cmds) - start))
                break
        return results

    async def _submit_batch(
        self, account_id: str, cmds: list[SubmitOrder]
    ) -> list[OrderResult | Exception]:
        with self.tracer.follows("orders.batch", [c.trace for c in cmds], orders=len(cmds)):
            return await self._submit_traced(account_id, cmds)

    async def _submit_traced(
        self, account_id: str, cmds: list[SubmitOrder]
    ) -> list[OrderResult | Exception]:
        async with self.locks.hold(account_id):
            # A conflict (another instance changed the account) retries the decisions;
            # nothing has reached the broker yet, so the retry is safe.
            outcomes = await retry_on_conflict(lambda: self._record_decisions(account_id, cmds))
            approved = [o for o in outcomes if isinstance(o, _Approved)]
            sent: dict[str, Order] | Exception = {}
            if approved:
                try:
                    sent = await self._send(account_id, [a.order for a in approved])
                except Exception as exc:  # the send fails the approved orders, not the denials
                    sent = exc
        results: list[OrderResult | Exception] = []
        for outcome in outcomes:
            if isinstance(outcome, _Approved):
                if isinstance(sent, Exception):
                    results.append(sent)
                    continue
                order = sent.get(outcome.order.id, outcome.order)
                results.append(OrderResult(order, outcome.decision))
            elif isinstance(outcome, _SameAs):
                first = results[outcome.index]
                results.append(
                    first
                    if isinstance(first, Exception)
                    else OrderResult(first.order, None, replayed=True)
                )
            else:
                results.append(outcome)
        return results

    async def _record_decisions(self, account_id: str, cmds: list[SubmitOrder]) -> list[_Outcome]:
        """Decide and store each order (denied, or approved and pending submission)."""
        flow = self.policies.flow_for(account_id)
        recorded: list[Recorded] = []
        ticket = self.states.ticket() if self.states is not None else None
        async with self._uow() as uow, self._holding(account_id):
            account = await self._account(uow, account_id)
            stored = await StoredKeys.read(uow, account_id, cmds)
            reads = SharedReads(uow, self.latch, self.states, ticket)
            allowed: dict[Principal, bool] = {}
            keys: dict[str, int] = {}
            client_ids: set[str] = set()
            outcomes: list[_Outcome] = []
            for index, cmd in enumerate(cmds):
                try:
                    if account is None:
                        raise NotFound(f"account {account_id} not found")
                    ensure_may_change(cmd.principal)  # a viewer's order: Forbidden
                    if not await _may_act(uow, cmd.principal, account, allowed):
                        raise NotFound(f"account {account_id} not found")
                    earlier = keys.get(cmd.idempotency_key or "")
                    if earlier is not None:
                        check_same(cmds[earlier], cmd)
                        outcomes.append(_SameAs(earlier))
                        continue
                    if cmd.client_order_id in client_ids:
                        raise Conflict(f"client order id {cmd.client_order_id} already used")
                    replay = self._replay(cmd, stored)
                    if replay is not None:
                        outcomes.append(replay)
                        continue
                    if cmd.idempotency_key:
                        keys[cmd.idempotency_key] = index
                    if cmd.client_order_id:
                        client_ids.add(cmd.client_order_id)
                    outcomes.append(await self._decide_one(uow, cmd, account, reads, recorded))
                except (StoreUnavailable, ConcurrentUpdate):
                    raise
                except DomainError as exc:
                    outcomes.append(exc)
            with self.tracer.span("store.commit", step="decisions"):
                await _commit_or_undo(uow, flow, recorded)
            await self._publisher.publish(uow.collect_events())
            return outcomes

    async def _decide_one(
        self,
        uow: UnitOfWork,
        cmd: SubmitOrder,
        account: Account,
        reads: SharedReads,
        recorded: list[Recorded],
    ) -> OrderResult | _Approved:
        order = Order(
            id=self._ids.new("ord-"),
            client_order_id=cmd.client_order_id or self._ids.new("cl-"),
            account_id=account.id,
            symbol=cmd.symbol.strip().upper(),
            side=cmd.side,
            quantity=cmd.quantity,
            origin=cmd.origin,
            order_type=cmd.order_type,
            time_in_force=cmd.time_in_force,
            limit_price=cmd.limit_price,
            stop_price=cmd.stop_price,
            reduce_only=cmd.reduce_only,
            idempotency_key=cmd.idempotency_key,
            created_at=self._clock.now(),
            broker=account.broker,
        )
        deciding = time.perf_counter()
        with self.tracer.span("gate.evaluate", symbol=order.symbol) as span:
            decision = await self._decide(uow, account, order, reads, held=True)
            span.set("approved", decision.approved)
        if decision.approved and self._throttle is not None:
            policy = await self.policies.policy_for(uow, account)
            decision = await self._throttle.check(policy, order, decision)
        self._meter.gate_decision(decision, time.perf_counter() - deciding)
        await uow.orders.add(order)
        if not decision.approved:
            order.deny(tuple(code.value for code in decision.reasons))
            return OrderResult(order, decision)
        if decision.held:  # BLOCK wins over HOLD (denied above); HOLD over WARN and REDUCE
            reasons = tuple(code.value for code in decision.holds)
            order.hold(reasons, expires_at=self._clock.now() + self.hold_ttl)
            return OrderResult(order, decision)
        self._approve(order, account, decision, recorded)
        return _Approved(order, decision)

    def _approve(
        self, order: Order, account: Account, decision: Decision, recorded: list[Recorded]
    ) -> None:
        """Pending submission, counted as open and in the account's order flow."""
        order.mark_pending_submit(decision.quantity if decision.reduced else None)
        account.track_order(order)
        flow = self.policies.flow_for(account.id)
        recorded.append(flow.record(order, self._clock.now().timestamp()))

    async def release_held(self, order_id: str, approver_id: str) -> OrderResult:
        """Decide a held order again now, its HOLD rules waived (BLOCK rules and the kill switch
        still deny), and send it when approved, through the submission's path.

        OrderNotHeld when it is no longer held; HoldExpired (and the order expired) when its
        hold lapsed. The caller has checked that `approver_id` may approve it.
        """
        async with self._uow() as uow:
            found = await uow.orders.get(order_id)
            if found is None:
                raise NotFound(f"order {order_id} not found")
            account_id = found.account_id
        async with self.locks.hold(account_id):
            outcome = await retry_on_conflict(
                lambda: self._record_release(account_id, order_id, approver_id)
            )
            if isinstance(outcome, OrderResult):
                return outcome
            sent = await self._send(account_id, [outcome.order])
        return OrderResult(sent.get(outcome.order.id, outcome.order), outcome.decision)

    async def _record_release(
        self, account_id: str, order_id: str, approver_id: str
    ) -> OrderResult | _Approved:
        flow = self.policies.flow_for(account_id)
        recorded: list[Recorded] = []
        ticket = self.states.ticket() if self.states is not None else None
        async with self._uow() as uow, self._holding(account_id):
            account = await self._account(uow, account_id)
            order = await uow.orders.get(order_id)
            if account is None or order is None:
                raise NotFound(f"order {order_id} not found")
            now = self._clock.now()
            if not order.is_held:
                raise OrderNotHeld(f"order {order_id} is {order.status.value}, not held")
            if order.hold_expired(now, self.hold_ttl):
                order.expire(at=now)
                await uow.commit()
                await self._publisher.publish(uow.collect_events())
                raise HoldExpired(f"the hold of order {order_id} lapsed: it expired unsent")
            order.approve_held(approver_id, at=now)
            reads = SharedReads(uow, self.latch, self.states, ticket)
            decision = await self._decide(uow, account, order, reads, held=True)
            if decision.approved and self._throttle is not None:
                policy = await self.policies.policy_for(uow, account)
                decision = await self._throttle.check(policy, order, decision)
            outcome: OrderResult | _Approved
            if decision.approved:  # HOLD verdicts waived: a person approved this order
                self._approve(order, account, decision, recorded)
                outcome = _Approved(order, decision)
            else:
                order.deny(tuple(code.value for code in decision.reasons))
                outcome = OrderResult(order, decision)
            await _commit_or_undo(uow, flow, recorded)
            await self._publisher.publish(uow.collect_events())
            return outcome

    def check_terms(self, order: Order, view: AccountRiskView) -> None:
        """InvalidQuantity / InvalidPrice (422) for an order off its lots or ticks, or above
        the maximum notional; an unknown instrument is left to the gate, which denies it."""
        instrument = view.instruments.get(order.symbol)
        if instrument is not None:
            check_order_terms(order, instrument, view.marks.get(order.symbol), self._max_notional)

    async def decide(self, account_id: str, principal: Principal, order: Order) -> Decision:
        """The gate's decision on a hypothetical order; nothing is stored or sent (a read)."""
        ticket = self.states.ticket() if self.states is not None else None
        async with self._uow() as uow:
            account = await account_seen(uow, principal, account_id)
            reads = SharedReads(uow, self.latch, self.states, ticket)
            return await self._decide(uow, account, order, reads)

    @staticmethod
    def _replay(cmd: SubmitOrder, stored: StoredKeys) -> OrderResult | None:
        """The stored order of a repeated idempotency key; Conflict for a reused client id."""
        existing = stored.by_key.get(cmd.idempotency_key or "")
        if existing is not None:
            check_same_order(existing, cmd)
            return OrderResult(existing, None, replayed=True)
        if cmd.client_order_id and cmd.client_order_id in stored.client_ids:
            raise Conflict(f"client order id {cmd.client_order_id} already used")
        return None

    async def _decide(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        reads: SharedReads,
        *,
        held: bool = False,
    ) -> Decision:
        """Build the snapshot and run the gate; any failure on the way denies (fail closed).

        `held`: the account is the copy `books` holds, under its lock: its risk book serves.
        """
        try:
            if held and self.books is not None:
                now = self._clock.now()
                view = await self.books.view(
                    account,
                    await self.books.instruments(uow, now, order.symbol),
                    now=now,
                    trading_state=await reads.state(account.id, order.origin),
                    flow=self.policies.flow_for(account.id),
                    symbol=order.symbol,
                )
            else:
                view = await load_risk_view(
                    uow,
                    self._market,
                    self._clock,
                    account,
                    order.origin,
                    self.policies.flow_for(account.id),
                    order.symbol,
                    reads,
                )
            self.check_terms(order, view)
            policy = await self.policies.policy_for(uow, account)
            return policy.evaluate(order, view)
        except (InvalidQuantity, InvalidPrice, NumberOutOfRange):
            raise  # the order's own terms are wrong: refused (422), not denied
        except MissingMark as exc:
            missing = _deny(order, ReasonCode.NO_REFERENCE_PRICE, f"no mark for {exc}")
            return await _halt_first(missing, order, account.id, reads)
        except Exception as exc:
            return _deny(order, ReasonCode.RISK_CHECK_ERROR, f"{type(exc).__name__}: {exc}")


def _deny(order: Order, code: ReasonCode, message: str) -> Decision:
    verdict = Verdict(code, Outcome.DENY, "OrderService", None, message)
    return Decision(False, order.quantity, order.quantity, (verdict,))


async def _halt_first(
    missing: Decision, order: Order, account_id: str, reads: SharedReads
) -> Decision:
    """A halted (or unknown) trading state denies ahead of a missing mark: the kill switch's
    denial is the reason an operator and an agent must see first."""
    try:
        state = await reads.state(account_id, order.origin)  # read already: no round trip
    except Exception:
        return missing
    if state is TradingState.HALTED:
        code, message = ReasonCode.TRADING_HALTED, f"trading is {state.value}"
    elif state is None:
        code, message = ReasonCode.UNKNOWN_TRADING_STATE, "trading state is unknown: denied"
    else:
        return missing
    verdict = Verdict(code, Outcome.DENY, "TradingStateControl", None, message)
    return missing._replace(verdicts=(verdict, *missing.verdicts))


async def _may_act(
    uow: UnitOfWork, principal: Principal, account: Account, known: dict[Principal, bool]
) -> bool:
    allowed = known.get(principal)
    if allowed is None:
        allowed = known[principal] = await may_act_on(uow, principal, account)
    return allowed


async def _commit_or_undo(uow: UnitOfWork, flow: OrderFlow, recorded: list[Recorded]) -> None:
    """Commit the decisions; when the commit fails, take the orders they counted back out of
    the account's order flow (newest first) before the failure goes on."""
    try:
        await uow.commit()
    except BaseException:
        for entry in reversed(recorded):
            flow.undo(entry)
        raise
