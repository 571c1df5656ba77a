"""The order path's first stage: decide an order against the account's risk view.

OrderService (application/trading/orders.py) runs the stages in turn: this gate decides,
OrderJournal (application/trading/order_journal.py) records, OrderDispatch
(application/trading/order_booking.py) sends and books. The gate stores nothing.
"""

from __future__ import annotations

import time
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import KW_ONLY, dataclass
from decimal import Decimal

from application.trading.gate_checks import GateChecks
from application.trading.halts import HaltLatch
from application.trading.policies import PolicyCache
from application.trading.risk_books import RiskBooks
from application.trading.snapshots import SharedReads, load_risk_view
from application.trading.throttle import SharedThrottle
from application.trading.trading_state_cache import Ticket, TradingStateCache
from domain.killswitch.state import TradingState
from domain.numbers import NumberOutOfRange
from domain.risk.reasons import Outcome, ReasonCode
from domain.risk.verdicts import Decision, Verdict
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account, MissingMark
from domain.trading.orders import Order
from domain.trading.terms import (
    DEFAULT_MAX_ORDER_NOTIONAL,
    InvalidPrice,
    InvalidQuantity,
    check_order_terms,
)
from ports.core.clock import Clock
from ports.core.metrics import NO_METER, Meter
from ports.core.tracing import NO_TRACER, Tracer
from ports.core.unit_of_work import UnitOfWork
from ports.market_data.marketdata import MarketDataPort


@dataclass(eq=False)
class OrderGate:
    """The pre-trade gate: the account's policy over its risk view, then the shared order
    rate; any failure on the way denies (fail closed)."""

    policies: PolicyCache
    market_data: MarketDataPort
    clock: Clock
    _: KW_ONLY
    # Shared with the kill switch's thread: a latched scope denies before the store says so.
    latch: HaltLatch
    # Accounts and their risk views held between units of work
    # (application/trading/risk_books.py).
    books: RiskBooks | None = None
    # The scopes' trading states, at most a bound old
    # (application/trading/trading_state_cache.py).
    states: TradingStateCache | None = None
    throttle: SharedThrottle | None = None  # with several instances: the order rate across all
    # What other contexts check after the account's own gate approved (a book's limits, a
    # connection's health): application/trading/gate_checks.py.
    checks: GateChecks | None = None
    max_order_notional: Decimal = DEFAULT_MAX_ORDER_NOTIONAL
    meter: Meter = NO_METER  # gate latency and decisions for /metrics (ports/core/metrics.py)
    tracer: Tracer = NO_TRACER

    def ticket(self) -> Ticket | None:
        """Taken before the unit of work opens: the trading states read in it are that fresh."""
        return self.states.ticket() if self.states is not None else None

    def reads(self, uow: UnitOfWork, ticket: Ticket | None) -> SharedReads:
        """What the orders of one unit of work read once between them."""
        return SharedReads(
            uow, self.latch, self.states, ticket, self.policies, self.policies.generation,
            groups=self.checks,
        )  # fmt: skip

    async def evaluate(
        self, uow: UnitOfWork, account: Account, order: Order, reads: SharedReads
    ) -> Decision:
        """A submitted order's decision, on the held account, timed and traced."""
        deciding = time.perf_counter()
        with self.tracer.span("gate.evaluate", symbol=order.symbol) as span:
            decision, view = await self._decide(uow, account, order, reads, held=True)
            span.set("approved", decision.approved)
        if decision.approved and self.throttle is not None:
            policy = await self.policies.policy_for(uow, account, await reads.rules_revision())
            decision = await self.throttle.check(policy, order, decision)
        decision = await self._after_checks(uow, account, order, view, decision, reads)
        self.meter.gate_decision(decision, time.perf_counter() - deciding)
        return decision

    async def reconsider(
        self, uow: UnitOfWork, account: Account, order: Order, reads: SharedReads
    ) -> Decision:
        """A held order's decision again, on the held account, when a person releases it: its
        HOLD rules waived, its REDUCE rules applied, BLOCK rules and the kill switch binding."""
        decision, view = await self._decide(uow, account, order, reads, held=True, waive_holds=True)
        if decision.approved and self.throttle is not None:
            policy = await self.policies.policy_for(uow, account, await reads.rules_revision())
            decision = await self.throttle.check(policy, order, decision)
        return await self._after_checks(uow, account, order, view, decision, reads)

    def serial(self, account_id: str) -> AbstractAsyncContextManager[None]:
        """Held around an account's decisions, inside its own lock: what the added checks
        serialize (one decision at a time in each book the account is a member of)."""
        if self.checks is None:
            return nullcontext()
        return self.checks.serial(account_id)

    async def _after_checks(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        view: AccountRiskView | None,
        decision: Decision,
        reads: SharedReads,
    ) -> Decision:
        """An approval judged again by the checks other contexts added; any failure denies."""
        check = self.checks
        if check is None or view is None or not decision.approved:
            return decision
        try:
            denials = await check.check(
                uow,
                account,
                order,
                view,
                decision.quantity,
                count=not decision.held,
                revision=await reads.rules_revision(),
            )
        except Exception as exc:
            denials = (_deny(order, ReasonCode.RISK_CHECK_ERROR, f"{type(exc).__name__}: {exc}")
                       .verdicts)  # fmt: skip
        if not denials:
            return decision
        return Decision(
            False, decision.requested_quantity, decision.quantity, (*decision.verdicts, *denials)
        )

    def check_terms(self, order: Order, view: AccountRiskView) -> None:
        """InvalidQuantity / InvalidPrice (422) for an order off its lots or ticks, or above
        the maximum notional; an unknown instrument is left to the gate, which denies it."""
        instrument = view.instruments.get(order.symbol)
        if instrument is not None:
            mark = view.marks.get(order.symbol)
            check_order_terms(order, instrument, mark, self.max_order_notional)

    async def decide(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        reads: SharedReads,
        *,
        held: bool = False,
        waive_holds: bool = False,
    ) -> Decision:
        """Build the snapshot and run the gate; any failure on the way denies (fail closed).

        `held`: the account is the copy `books` holds, under its lock: its risk book serves.
        """
        decision, _ = await self._decide(
            uow, account, order, reads, held=held, waive_holds=waive_holds
        )
        return decision

    async def _decide(
        self,
        uow: UnitOfWork,
        account: Account,
        order: Order,
        reads: SharedReads,
        *,
        held: bool = False,
        waive_holds: bool = False,
    ) -> tuple[Decision, AccountRiskView | None]:
        """`decide`'s decision and the view it read (None when the view failed)."""
        view: AccountRiskView | None = None
        try:
            if held and self.books is not None:
                now = self.clock.now()
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
                    self.market_data,
                    self.clock,
                    account,
                    order.origin,
                    self.policies.flow_for(account.id),
                    order.symbol,
                    reads,
                )
            self.check_terms(order, view)
            policy = await self.policies.policy_for(uow, account, await reads.rules_revision())
            return policy.evaluate(order, view, waive_holds=waive_holds), view
        except (InvalidQuantity, InvalidPrice, NumberOutOfRange):
            raise  # the order's own terms are wrong: refused (422), not denied
        except MissingMark as exc:
            missing = _deny(order, ReasonCode.NO_REFERENCE_PRICE, f"no mark for {exc}")
            return await _halt_first(missing, order, account.id, reads), None
        except Exception as exc:
            return _deny(order, ReasonCode.RISK_CHECK_ERROR, f"{type(exc).__name__}: {exc}"), None


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
