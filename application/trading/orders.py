"""Order use cases: submit through the pre-trade gate, cancel, and sync with the broker.

An order runs through three stages, read top to bottom in OrderService: under the account's
lock and in one unit of work, OrderGate (application/trading/order_gate.py) decides it and
OrderJournal (application/trading/order_journal.py) records the decision; once that commits,
OrderDispatch (application/trading/order_booking.py) sends the approved orders and books what
the broker answered.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from application.core.access import account_seen, ensure_may_change, person_acting
from application.core.batching import KeyedBatcher
from application.core.concurrency import KeyedLocks
from application.core.loop_turns import turn_after
from application.core.retry import retry_on_conflict
from application.trading.broker_router import BrokerRouter as BrokerRouter
from application.trading.halts import HaltLatch
from application.trading.held_halts import no_groups, reject_if_halted
from application.trading.in_doubt import DEFAULT_GRACE, InDoubtReport, InDoubtResolver
from application.trading.order_audit import OrderAuditTrail
from application.trading.order_booking import OrderDispatch
from application.trading.order_commands import OrderResult as OrderResult
from application.trading.order_commands import StoredKeys, check_same, check_same_order
from application.trading.order_commands import SubmitOrder as SubmitOrder
from application.trading.order_commands import origin_for as origin_for
from application.trading.order_gate import OrderGate
from application.trading.order_journal import Approved, OrderJournal
from application.trading.policies import PolicyCache
from application.trading.risk_books import RiskBooks
from application.trading.throttle import SharedThrottle
from application.trading.trading_state_cache import TradingStateCache
from domain.aggregation.model import ensure_tradable
from domain.errors import ConcurrentUpdate, Conflict, DomainError, NotFound, StoreUnavailable
from domain.principals import Principal
from domain.risk.flow import Recorded
from domain.risk.verdicts import Decision
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.holds import DEFAULT_HOLD_TTL, HoldExpired, OrderNotHeld
from domain.trading.orders import Order
from domain.trading.terms import DEFAULT_MAX_ORDER_NOTIONAL
from ports.core.clock import Clock, IdGenerator
from ports.core.events import EventPublisher
from ports.core.metrics import NO_METER, Meter
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort


@dataclass(frozen=True, slots=True)
class _SameAs:
    """A command that replays an earlier command of the same batch (same idempotency key)."""

    index: int


_Outcome = OrderResult | Approved | _SameAs | Exception
MAX_BATCH = 128


class OrderService:
    """Submit, cancel and sync orders. One account's orders are decided one at a time.

    Each batch: lock the account -> open a unit of work -> the gate decides each order -> the
    journal records it -> commit -> the dispatch sends the approved ones and books the answers.

    Submissions for one account that arrive while its previous batch is being decided
    queue up and are decided together, in arrival order, in one transaction (see
    application/core/batching.py); each order still sees the ones decided before it.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        locks: KeyedLocks,
        gate: OrderGate,
        journal: OrderJournal,
        dispatch: OrderDispatch,
        max_batch: int = MAX_BATCH,
    ) -> None:
        self._uow = uow_factory
        self.locks = locks
        self.gate = gate
        self.journal = journal
        self.dispatch = dispatch
        self.batcher: KeyedBatcher[SubmitOrder, OrderResult] = KeyedBatcher(
            self._submit_batch, max_batch
        )

    @classmethod
    def assemble(
        cls,
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
        audit: OrderAuditTrail | None = None,
    ) -> OrderService:
        """The three stages over these collaborators (the embedded service, tests, backtests;
        bootstrap/containers/trading.py wires the stages itself)."""
        latch = latch or HaltLatch()
        gate = OrderGate(
            policies, market_data, clock,
            latch=latch, books=books, states=states, throttle=throttle,
            max_order_notional=max_order_notional, meter=meter, tracer=tracer,
        )  # fmt: skip
        journal = OrderJournal(ids, clock, publisher, hold_ttl=hold_ttl, tracer=tracer, audit=audit)
        dispatch = OrderDispatch(
            uow_factory, brokers, publisher, clock, locks,
            latch=latch, books=books, tracer=tracer, in_doubt_grace=in_doubt_grace,
        )  # fmt: skip
        return cls(uow_factory, locks, gate, journal, dispatch, max_batch)

    # What other modules read (and tests and benchmarks set) of the stages.
    @property
    def latch(self) -> HaltLatch:
        """Shared with the kill switch's thread: a halt binds the sends at once."""
        return self.dispatch.latch

    @property
    def books(self) -> RiskBooks | None:
        return self.gate.books

    @books.setter
    def books(self, books: RiskBooks | None) -> None:
        self.gate.books = self.dispatch.books = books

    @property
    def states(self) -> TradingStateCache | None:
        return self.gate.states

    @states.setter
    def states(self, states: TradingStateCache | None) -> None:
        self.gate.states = states

    @property
    def policies(self) -> PolicyCache:
        return self.gate.policies

    @property
    def tracer(self) -> Tracer:
        return self.gate.tracer

    @tracer.setter
    def tracer(self, tracer: Tracer) -> None:
        self.gate.tracer = self.journal.tracer = self.dispatch.tracer = tracer

    @property
    def hold_ttl(self) -> timedelta:
        return self.journal.hold_ttl

    @property
    def in_doubt(self) -> InDoubtResolver:
        return self.dispatch.in_doubt

    async def submit(self, cmd: SubmitOrder) -> OrderResult:
        ensure_tradable(cmd.account_id)  # an aggregated account is read-only: 403
        if self.gate.tracer.enabled and cmd.trace is None:
            # The batch may run in another caller's task: it is traced under this one's.
            cmd = replace(cmd, trace=self.gate.tracer.origin())
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
        with self.gate.tracer.follows("orders.batch", [c.trace for c in cmds], orders=len(cmds)):
            return await self._submit_traced(account_id, cmds)

    async def _submit_traced(
        self, account_id: str, cmds: list[SubmitOrder]
    ) -> list[OrderResult | Exception]:
        async with self.locks.hold(account_id):
            # A conflict (another instance changed the account, or decided in one of its
            # books) retries the decisions; nothing has reached the broker yet, so the retry
            # is safe. The account's books decide one order at a time (not while sending).
            async with self.gate.serial(account_id):
                outcomes = await retry_on_conflict(lambda: self._record_decisions(account_id, cmds))
            outcomes = await self._end_halted_holds(outcomes)
            approved = [o for o in outcomes if isinstance(o, Approved)]
            sent: dict[str, Order] | Exception = {}
            if approved:
                try:
                    sent = await self.dispatch.send(account_id, [a.order for a in approved])
                except Exception as exc:  # the send fails the approved orders, not the denials
                    sent = exc
        results: list[OrderResult | Exception] = []
        for outcome in outcomes:
            if isinstance(outcome, Approved):
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

    async def _end_halted_holds(self, outcomes: list[_Outcome]) -> list[_Outcome]:
        """The batch's holds whose scope was halted meanwhile, rejected TRADING_HALTED at once
        (application/trading/held_halts.py): the kill switch's own search may have run before
        they were committed."""
        held = [
            o.order
            for o in outcomes
            if isinstance(o, OrderResult) and o.order.is_held and not o.replayed
        ]
        if not held:
            return outcomes
        journal, checks = self.journal, self.gate.checks
        groups = checks.scopes if checks is not None and checks.has_groups else no_groups
        ended = await reject_if_halted(self._uow, journal.publisher, journal.clock, held, groups)
        return [
            replace(o, order=ended[o.order.id])
            if isinstance(o, OrderResult) and o.order.id in ended
            else o
            for o in outcomes
        ]

    async def _record_decisions(self, account_id: str, cmds: list[SubmitOrder]) -> list[_Outcome]:
        """Decide and store each order (denied, held, or approved and pending submission)."""
        gate, journal, dispatch = self.gate, self.journal, self.dispatch
        flow = gate.policies.flow_for(account_id)
        recorded: list[Recorded] = []
        ticket = gate.ticket()
        async with self._uow() as uow, dispatch.holding(account_id):
            account = await dispatch.account(uow, account_id)
            stored = await StoredKeys.read(uow, account_id, cmds)
            reads = gate.reads(uow, ticket)
            acting: dict[Principal, str | None] = {}  # who answers for each principal's orders
            keys: dict[str, int] = {}
            client_ids: set[str] = set()
            outcomes: list[_Outcome] = []
            checked = False  # whether a denial has checked the held account against the store
            for index, cmd in enumerate(cmds):
                await turn_after(index)  # a long batch holds the loop a few orders at a time
                try:
                    if account is None:
                        raise NotFound(f"account {account_id} not found")
                    ensure_may_change(cmd.principal)  # a viewer's order: Forbidden
                    responsible = await _acting(uow, cmd.principal, account, acting)
                    if responsible is None:
                        raise NotFound(f"account {account_id} not found")
                    earlier = keys.get(cmd.idempotency_key or "")
                    if earlier is not None:
                        check_same(cmds[earlier], cmd)
                        outcomes.append(_SameAs(earlier))
                        continue
                    if cmd.client_order_id in client_ids:
                        raise Conflict(f"client order id {cmd.client_order_id} already used")
                    replay = _replay(cmd, stored)
                    if replay is not None:
                        outcomes.append(replay)
                        continue
                    if cmd.idempotency_key:
                        keys[cmd.idempotency_key] = index
                    if cmd.client_order_id:
                        client_ids.add(cmd.client_order_id)
                    order = journal.new_order(cmd, account, responsible)
                    decision = await gate.evaluate(uow, account, order, reads)
                    if not decision.approved and not checked:
                        checked = True
                        if await dispatch.lags(uow, account):  # never deny on a stale copy
                            raise ConcurrentUpdate(f"account {account_id} moved: deciding again")
                    await uow.orders.add(order)
                    outcomes.append(journal.record(order, decision, account, flow, recorded))
                except (StoreUnavailable, ConcurrentUpdate):
                    raise
                except DomainError as exc:
                    outcomes.append(exc)
            await journal.commit(uow, flow, recorded, step="decisions", placed=outcomes)
            return outcomes

    async def release_held(
        self, order_id: str, approver_id: str, approver_name: str = ""
    ) -> OrderResult:
        """Decide a held order again now, its HOLD rules waived (BLOCK rules and the kill switch
        still deny), and send it when approved, through the submission's path.

        OrderNotHeld when it is no longer held; HoldExpired (and the order expired) when its
        hold lapsed; SecondApproverRequired when `approver_id` already approved it (four eyes).
        The caller has checked that `approver_id` may approve it.
        """
        async with self._uow() as uow:
            found = await uow.orders.get(order_id)
            if found is None:
                raise NotFound(f"order {order_id} not found")
            account_id = found.account_id
        async with self.locks.hold(account_id):
            async with self.gate.serial(account_id):
                outcome = await retry_on_conflict(
                    lambda: self._record_release(account_id, order_id, approver_id, approver_name)
                )
            if isinstance(outcome, OrderResult):
                return outcome
            sent = await self.dispatch.send(account_id, [outcome.order])
        return OrderResult(sent.get(outcome.order.id, outcome.order), outcome.decision)

    async def _record_release(
        self, account_id: str, order_id: str, approver_id: str, approver_name: str
    ) -> OrderResult | Approved:
        gate, journal, dispatch = self.gate, self.journal, self.dispatch
        flow = gate.policies.flow_for(account_id)
        recorded: list[Recorded] = []
        ticket = gate.ticket()
        async with self._uow() as uow, dispatch.holding(account_id):
            account = await dispatch.account(uow, account_id)
            order = await uow.orders.get(order_id)
            if account is None or order is None:
                raise NotFound(f"order {order_id} not found")
            now = journal.clock.now()
            if not order.is_held:
                raise OrderNotHeld(f"order {order_id} is {order.status.value}, not held")
            if order.hold_expired(now, journal.hold_ttl):
                order.expire(at=now)
                await journal.commit(uow, flow, recorded)
                raise HoldExpired(f"the hold of order {order_id} lapsed: it expired unsent")
            order.approve_held(approver_id, name=approver_name, at=now)
            decision = await gate.reconsider(uow, account, order, gate.reads(uow, ticket))
            outcome: OrderResult | Approved
            if decision.approved:  # HOLD verdicts waived: a person approved this order
                outcome = journal.approve(order, account, decision, flow, recorded)
            else:
                order.deny(tuple(code.value for code in decision.reasons), at=now)
                outcome = OrderResult(order, decision)
            await journal.commit(uow, flow, recorded)
            return outcome

    def check_terms(self, order: Order, view: AccountRiskView) -> None:
        """InvalidQuantity / InvalidPrice (422) for an order off its lots or ticks, or above
        the maximum notional; an unknown instrument is left to the gate, which denies it."""
        self.gate.check_terms(order, view)

    async def decide(self, account_id: str, principal: Principal, order: Order) -> Decision:
        """The gate's decision on a hypothetical order; nothing is stored or sent (a read)."""
        ticket = self.gate.ticket()
        async with self._uow() as uow:
            account = await account_seen(uow, principal, account_id)
            return await self.gate.decide(uow, account, order, self.gate.reads(uow, ticket))

    async def cancel(
        self, principal: Principal, order_id: str, *, message_id: str | None = None
    ) -> Order:
        """Ask the broker to cancel; the order is CANCELED once the broker no longer lists it."""
        return await self.dispatch.cancel(principal, order_id, message_id=message_id)

    async def sync(self, account_id: str) -> int:
        """Resolve the orders in doubt, book the broker's fills and close orders it no longer
        lists; returns orders closed (never sent ones included)."""
        return await self.dispatch.sync(account_id)

    async def resolve_in_doubt(
        self, account_id: str, only: frozenset[str] | None = None
    ) -> InDoubtReport:
        """Look the account's orders in doubt (of `only` client order ids, when given) up at
        its broker now, under its lock (application/trading/in_doubt.py)."""
        return await self.dispatch.resolve_in_doubt(account_id, only)


def _replay(cmd: SubmitOrder, stored: StoredKeys) -> OrderResult | None:
    """The stored order of a repeated idempotency key; Conflict for a reused client id."""
    existing = stored.by_key.get(cmd.idempotency_key or "")
    if existing is not None:
        check_same_order(existing, cmd)
        return OrderResult(existing, None, replayed=True)
    if cmd.client_order_id and cmd.client_order_id in stored.client_ids:
        raise Conflict(f"client order id {cmd.client_order_id} already used")
    return None


async def _acting(
    uow: UnitOfWork, principal: Principal, account: Account, known: dict[Principal, str | None]
) -> str | None:
    """The person answerable for the principal's orders on the account (an agent's owner),
    None when it may not act on it: asked once per principal in a batch."""
    if principal in known:
        return known[principal]
    acting = known[principal] = await person_acting(uow, principal, account)
    return acting
