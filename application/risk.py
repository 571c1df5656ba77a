"""Risk-rule use cases: CRUD, dry-run tests, position sizing, portfolio risk, trade analysis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from application.access import SUPERVISORS, account_for
from application.orders import OrderService
from application.policies import PolicyCache
from application.snapshots import instrument_map, load_risk_view
from domain.errors import Forbidden, NotFound
from domain.margin import MarginSchedule
from domain.principals import Principal, Role
from domain.risk.analysis import TradeAnalysis, trade_facts
from domain.risk.gate import compile_policy
from domain.risk.metrics import PortfolioMetrics, VaRReport, portfolio_metrics, var_report
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType, compile_rule
from domain.risk.sizing import InvalidSizingInput, SizingResult, fixed_fractional, volatility_sized
from domain.risk.verdicts import Decision
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account
from domain.trading.orders import Order, Origin, OriginKind, Side
from ports.clock import Clock, IdGenerator
from ports.events import AuditEntry, AuditLog
from ports.marketdata import MarketDataPort
from ports.rater import RiskRater
from ports.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class RuleDraft:
    """A rule as a client writes it (no id, no owner)."""

    rule_type: RuleType
    params: Mapping[str, Any]
    scope: RuleScope = RuleScope.ACCOUNT
    action: Action = Action.BLOCK
    is_active: bool = True
    strategy_id: str | None = None
    agent_id: str | None = None
    account_id: str | None = None
    name: str = ""


@dataclass(frozen=True, slots=True)
class RuleTestReport:
    """A dry run of a rule against an account: current breaches and, optionally, one order."""

    rule: RiskRule
    breaches: tuple[str, ...]
    holdings_checked: int
    order_decision: Decision | None


@dataclass(frozen=True, slots=True)
class PortfolioRisk:
    metrics: PortfolioMetrics
    var: VaRReport | None


class RiskService:
    """Rules are validated (compiled) when saved; every change invalidates compiled policies."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        market_data: MarketDataPort,
        clock: Clock,
        ids: IdGenerator,
        policies: PolicyCache,
        audit: AuditLog,
        rater: RiskRater,
        orders: OrderService,
        margin_schedule: MarginSchedule | None = None,
    ) -> None:
        self._uow = uow_factory
        self._market = market_data
        self._clock = clock
        self._ids = ids
        self._policies = policies
        self._audit = audit
        self._rater = rater
        self._orders = orders
        self._schedule = margin_schedule or MarginSchedule()

    # -- CRUD --------------------------------------------------------------------------
    async def create(self, principal: Principal, draft: RuleDraft) -> RiskRule:
        async with self._uow() as uow:
            rule = await self._validated(uow, principal, self._ids.new("rule-"), draft)
            await uow.risk_rules.add(rule)
            await uow.commit()
        self._policies.invalidate()
        await self._record(principal, "risk_rule.create", rule)
        return rule

    async def update(self, principal: Principal, rule_id: str, draft: RuleDraft) -> RiskRule:
        async with self._uow() as uow:
            await self._owned(uow, principal, rule_id)
            rule = await self._validated(uow, principal, rule_id, draft)
            await uow.risk_rules.add(rule)
            await uow.commit()
        self._policies.invalidate()
        await self._record(principal, "risk_rule.update", rule)
        return rule

    async def delete(self, principal: Principal, rule_id: str) -> None:
        async with self._uow() as uow:
            rule = await self._owned(uow, principal, rule_id)
            await uow.risk_rules.remove(rule_id)
            await uow.commit()
        self._policies.invalidate()
        await self._record(principal, "risk_rule.delete", rule)

    async def get(self, principal: Principal, rule_id: str) -> RiskRule:
        async with self._uow() as uow:
            return await self._owned(uow, principal, rule_id)

    async def list(self, principal: Principal) -> list[RiskRule]:
        async with self._uow() as uow:
            owner = None if principal.role in SUPERVISORS else principal.id
            return sorted(await uow.risk_rules.list(owner), key=lambda r: r.id)

    # -- dry run -----------------------------------------------------------------------
    async def test_rule(
        self, principal: Principal, account_id: str, draft: RuleDraft, order: Order | None = None
    ) -> RuleTestReport:
        """Run a draft rule against the current portfolio; nothing is saved or sent.

        Each holding is probed with one lot more in its own direction: a rule that
        would refuse that is reported as binding now. With `order`, the account's
        policy plus the draft decides it.
        """
        async with self._uow() as uow:
            account = await account_for(uow, principal, account_id)
            rule = await self._validated(uow, principal, "dry-run", draft)
            control = compile_rule(rule)
            view = await self._view(uow, account, principal, order.symbol if order else None)
            breaches = []
            for symbol, quantity in sorted(view.positions.items()):
                instrument = view.instruments[symbol]
                probe = _probe(account, symbol, quantity, instrument.lot_size, principal)
                unit = view.marks[symbol] * instrument.multiplier
                value = probe.quantity * unit
                if control.breach(probe, probe.quantity, unit, value, False, view) is not None:
                    breaches.append(
                        f"{symbol}: {control.explain(probe, probe.quantity, unit, view)}"
                    )
            decision = None
            if order is not None:
                rules = [*await uow.risk_rules.list(), rule]
                policy = compile_policy(account.id, account.owner_id, rules)
                decision = policy.evaluate(order, view)
            return RuleTestReport(rule, tuple(breaches), len(view.positions), decision)

    # -- sizing, portfolio, analysis ------------------------------------------------------
    def position_size(
        self,
        equity: Decimal,
        entry: Decimal,
        *,
        stop: Decimal | None = None,
        volatility: Decimal | None = None,
        risk_fraction: Decimal = Decimal("0.02"),
        max_position_fraction: Decimal = Decimal("0.10"),
        lot_size: Decimal = Decimal(1),
        multiplier: Decimal = Decimal(1),
    ) -> SizingResult:
        if stop is not None:
            return fixed_fractional(
                equity, entry, stop, risk_fraction, max_position_fraction, lot_size, multiplier
            )
        if volatility is None:
            raise InvalidSizingInput("give either a stop price or a volatility")
        return volatility_sized(
            equity,
            entry,
            volatility,
            risk_fraction,
            max_position_fraction=max_position_fraction,
            lot_size=lot_size,
            multiplier=multiplier,
        )

    async def portfolio_risk(
        self, principal: Principal, account_id: str, returns: Sequence[float] | None = None
    ) -> PortfolioRisk:
        async with self._uow() as uow:
            account = await account_for(uow, principal, account_id)
            instruments = await instrument_map(uow)
            marks = await self._market.reference_prices(sorted(account.positions))
            metrics = portfolio_metrics(account, instruments, marks)
            report = var_report(list(returns), metrics.equity) if returns else None
            return PortfolioRisk(metrics, report)

    async def analyze_trade(
        self, principal: Principal, account_id: str, order: Order
    ) -> TradeAnalysis:
        async with self._uow() as uow:
            account = await account_for(uow, principal, account_id)
            view = await self._view(uow, account, principal, extra=order.symbol)
            policy = await self._policies.policy_for(uow, account)
            facts = trade_facts(order, account, view, policy, self._schedule)
            return TradeAnalysis(facts, self._rater.rate(facts))

    # -- helpers -----------------------------------------------------------------------
    async def _view(
        self, uow: UnitOfWork, account: Account, principal: Principal, extra: str | None = None
    ) -> AccountRiskView:
        return await load_risk_view(
            uow,
            self._market,
            self._clock,
            account,
            _origin(principal),
            self._policies.flow_for(account.id),
            extra,
        )

    async def _validated(
        self, uow: UnitOfWork, principal: Principal, rule_id: str, draft: RuleDraft
    ) -> RiskRule:
        if draft.scope is RuleScope.GLOBAL and principal.role not in SUPERVISORS:
            raise Forbidden("only a risk officer or an admin can create global rules")
        if draft.account_id is not None:
            await account_for(uow, principal, draft.account_id)
        rule = RiskRule(
            id=rule_id,
            owner_id=principal.id,
            rule_type=draft.rule_type,
            params=dict(draft.params),
            scope=draft.scope,
            action=draft.action,
            is_active=draft.is_active,
            strategy_id=draft.strategy_id,
            agent_id=draft.agent_id,
            account_id=draft.account_id,
            name=draft.name,
        )
        compile_rule(rule)  # raises InvalidRule with the field at fault
        return rule

    async def _owned(self, uow: UnitOfWork, principal: Principal, rule_id: str) -> RiskRule:
        rule = await uow.risk_rules.get(rule_id)
        if rule is None or (principal.role not in SUPERVISORS and rule.owner_id != principal.id):
            raise NotFound(f"risk rule {rule_id} not found")
        return rule

    async def _record(self, principal: Principal, action: str, rule: RiskRule) -> None:
        details = {
            "rule_type": rule.rule_type.value,
            "params": dict(rule.params),
            "action": rule.action.value,
            "active": rule.is_active,
        }
        await self._audit.record(
            AuditEntry(principal.id, action, rule.id, "ok", self._clock.now(), details)
        )


def _origin(principal: Principal) -> Origin:
    kind = OriginKind.AGENT if principal.role is Role.AGENT else OriginKind.USER
    return Origin(kind, principal.id)


def _probe(
    account: Account, symbol: str, quantity: Decimal, lot: Decimal, principal: Principal
) -> Order:
    side = Side.BUY if quantity > 0 else Side.SELL
    return Order("probe", "probe", account.id, symbol, side, lot, _origin(principal))
