"""The rebalancing use cases: drift, a dry-run proposal, and its execution through the gate.

Owner scoping: a household is a portfolio of its owner's; anyone else's portfolio or
proposal answers 404 (PORTFOLIO_NOT_FOUND / REBALANCE_PROPOSAL_NOT_FOUND) whatever their
role; a viewer may read drift but not propose or execute (403).

Execution: only on the day it was proposed for (409 REBALANCE_PROPOSAL_STALE after: prices,
lots and the wash-sale window have moved); each trade of a stored proposal becomes an order of
origin REBALANCE (its id the proposal's) submitted through the same pre-trade gate as every
other order (OrderService.submit_many, one account at a time, sells before buys so the cash
is there),
with the idempotency key `rebalance-<proposal id>-<n>`: executing twice, or concurrently,
submits nothing new and answers the same orders. A halted scope (kill switch on the
account or globally) denies the orders like any other origin's. Every proposal, execution
and autopilot decision is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from application.core.access import ensure_may_change, owned_by
from application.rebalancing.household import Household, load_household
from application.trading.order_commands import OrderResult, SubmitOrder
from domain.errors import Conflict, NotFound
from domain.principals import Principal
from domain.rebalancing.model import Drift, account_drifts, drift_of
from domain.rebalancing.proposal import RebalanceSettings, Trade, propose
from domain.trading.orders import Origin, OriginKind, Side
from ports.aggregation.aggregation import OutsideHoldings
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort
from ports.portfolio.portfolios import Portfolio, PortfolioStore
from ports.rebalancing.rebalancing import ProposalStatus, RebalanceStore, StoredProposal


class PortfolioNotFound(NotFound):
    code = "PORTFOLIO_NOT_FOUND"


class ProposalNotFound(NotFound):
    code = "REBALANCE_PROPOSAL_NOT_FOUND"


class ProposalStale(Conflict):
    """A proposal made on an earlier day: prices, lots and the wash-sale window have moved."""

    code = "REBALANCE_PROPOSAL_STALE"


class OrderSubmitter(Protocol):
    """The pre-trade gate's entry point (application/trading/orders.py OrderService)."""

    async def submit_many(self, cmds: list[SubmitOrder]) -> list[OrderResult | Exception]: ...


@dataclass(frozen=True, slots=True)
class DriftView:
    household: Drift
    accounts: tuple[Drift, ...]
    band: Decimal


@dataclass(frozen=True, slots=True)
class TradeOutcome:
    trade: Trade
    order_id: str | None
    status: str  # the order's status, or "error"
    reasons: tuple[str, ...]  # the gate's denial reasons, or the error


@dataclass(frozen=True, slots=True)
class Execution:
    stored: StoredProposal
    outcomes: tuple[TradeOutcome, ...]
    replayed: bool


@dataclass(eq=False)
class RebalancingService:
    """Drift, proposals and execution (module doc)."""

    portfolios: PortfolioStore
    store: RebalanceStore
    uow_factory: UnitOfWorkFactory
    market: MarketDataPort
    orders: OrderSubmitter
    clock: Clock
    ids: IdGenerator
    audit: AuditLog
    defaults: RebalanceSettings = field(default_factory=RebalanceSettings)
    outside: OutsideHoldings | None = None

    async def owned_portfolio(self, principal: Principal, portfolio_id: str) -> Portfolio:
        found = await self.portfolios.get_portfolio(portfolio_id)
        return owned_by(principal, found, PortfolioNotFound(f"no portfolio {portfolio_id!r}"))

    async def household(
        self, portfolio: Portfolio, progress: Callable[[float], None] | None = None
    ) -> Household:
        today = self.clock.now().date()
        outside = (
            await self.outside.household_accounts(portfolio.owner_id, portfolio.id)
            if self.outside is not None
            else []
        )
        return await load_household(
            portfolio, self.portfolios, self.uow_factory, self.market, today, progress, outside
        )

    async def drift(
        self, principal: Principal, portfolio_id: str, band: Decimal | None = None
    ) -> DriftView:
        band = self.defaults.band if band is None else band
        held = await self.household(await self.owned_portfolio(principal, portfolio_id))
        return DriftView(
            drift_of(held.accounts, held.prices, band),
            account_drifts(held.accounts, held.prices, band),
            band,
        )

    async def propose(
        self,
        principal: Principal,
        portfolio_id: str,
        settings: RebalanceSettings | None = None,
        *,
        by_autopilot: bool = False,
        progress: Callable[[float], None] | None = None,
    ) -> StoredProposal:
        """A dry run: the proposal, stored (to execute by id) and audited; nothing is traded."""
        if not by_autopilot:
            ensure_may_change(principal)
        portfolio = await self.owned_portfolio(principal, portfolio_id)
        held = await self.household(portfolio, progress)
        now = self.clock.now()
        proposal = propose(
            held.accounts, held.prices, now.date(), held.recent_buys, settings or self.defaults
        )
        stored = StoredProposal(
            self.ids.new("rbp_"), principal.id, portfolio.id, now, proposal,
            by_autopilot=by_autopilot,
        )  # fmt: skip
        await self.store.add(stored)
        await self._record(principal.id, "rebalance.proposed", stored, "ok", {
            "trades": len(proposal.trades),
            "turnover": str(proposal.turnover),
            "realised_gain": str(proposal.realised_gain()),
            "unresolved": [f"{u.symbol}:{u.reason}" for u in proposal.unresolved],
            "lot_method": proposal.lot_method,
            "by_autopilot": by_autopilot,
        })  # fmt: skip
        return stored

    async def proposal(self, principal: Principal, proposal_id: str) -> StoredProposal:
        found = await self.store.get(proposal_id)
        return owned_by(
            principal, found, ProposalNotFound(f"no rebalance proposal {proposal_id!r}")
        )

    async def execute(
        self, principal: Principal, proposal_id: str, *, by_autopilot: bool = False
    ) -> Execution:
        """Submit the proposal's orders through the gate (idempotent; module doc)."""
        if not by_autopilot:
            ensure_may_change(principal)
        stored = await self.proposal(principal, proposal_id)
        replayed = stored.status is ProposalStatus.EXECUTED
        if not replayed and stored.proposal.trade_day != self.clock.now().date():
            raise ProposalStale(
                f"proposal {stored.id} was made for {stored.proposal.trade_day}: propose again"
            )
        outcomes = await self._submit(principal, stored)
        order_ids = tuple(o.order_id for o in outcomes if o.order_id is not None)
        if not replayed:
            now = self.clock.now()
            if await self.store.mark_executed(stored.id, now, order_ids):
                await self._record(principal.id, "rebalance.executed", stored, "ok", {
                    "orders": len(order_ids),
                    "denied": [f"{o.trade.account_id}:{o.trade.symbol}:{','.join(o.reasons)}"
                               for o in outcomes if o.reasons],
                    "by_autopilot": by_autopilot,
                })  # fmt: skip
            else:
                replayed = True
        latest = await self.store.get(stored.id)
        return Execution(latest or stored, tuple(outcomes), replayed)

    async def _submit(self, principal: Principal, stored: StoredProposal) -> list[TradeOutcome]:
        trades = stored.proposal.trades
        origin = Origin(OriginKind.REBALANCE, stored.id)
        numbered = list(enumerate(trades))
        accounts = sorted({t.account_id for t in trades})
        outcomes: dict[int, TradeOutcome] = {}
        for account_id in accounts:
            mine = [(n, t) for n, t in numbered if t.account_id == account_id]
            mine.sort(key=lambda item: (item[1].side != "sell", item[0]))
            cmds = [
                SubmitOrder(
                    principal=principal,
                    account_id=account_id,
                    symbol=t.symbol,
                    side=Side.SELL if t.side == "sell" else Side.BUY,
                    quantity=t.quantity,
                    origin=origin,
                    idempotency_key=f"rebalance-{stored.id}-{n}",
                )
                for n, t in mine
            ]
            results = await self.orders.submit_many(cmds)
            for (n, trade), result in zip(mine, results, strict=True):
                outcomes[n] = _outcome(trade, result)
        return [outcomes[n] for n, _ in numbered]

    async def _record(
        self,
        actor: str,
        action: str,
        stored: StoredProposal,
        outcome: str,
        details: dict[str, object],
    ) -> None:
        await self.audit.record(
            AuditEntry(
                actor=actor,
                action=action,
                target=f"rebalance:{stored.id}",
                outcome=outcome,
                at=self.clock.now(),
                details={"portfolio_id": stored.portfolio_id, **details},
            )
        )


def _outcome(trade: Trade, result: OrderResult | Exception) -> TradeOutcome:
    if isinstance(result, Exception):
        return TradeOutcome(trade, None, "error", (type(result).__name__,))
    reasons: Sequence[str] = ()
    if result.decision is not None and not result.decision.approved:
        reasons = tuple(str(r) for r in result.decision.reasons)
    return TradeOutcome(trade, result.order.id, result.order.status.value, tuple(reasons))
