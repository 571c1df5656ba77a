"""Risk-rule use cases: CRUD, dry-run tests, position sizing, portfolio risk, trade analysis."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC
from decimal import Decimal
from typing import Any, Literal

from application.core.access import (
    SEES_ALL,
    SUPERVISORS,
    account_for,
    account_seen,
    ensure_may_change,
    visibility,
)
from application.model_records.recorder import PredictionRecorder
from application.trading.held_correlation import held_positions_correlation
from application.trading.orders import OrderService
from application.trading.policies import PolicyCache
from application.trading.rule_guards import RuleGuards
from application.trading.snapshots import instrument_map, load_risk_view
from application.trading.stored_returns import stored_returns
from application.trading.trading_state_cache import TradingStateCache
from domain.errors import DomainError, Forbidden, InvalidOrder, NotFound
from domain.margin import MarginSchedule
from domain.principals import Principal, Role
from domain.risk.analysis import TradeAnalysis, TradeContext, trade_facts
from domain.risk.gate import compile_policy
from domain.risk.held_correlation import HeldCorrelation, NoHeldCorrelation
from domain.risk.loosening import loosening
from domain.risk.metrics import (
    InvalidRiskInput,
    PortfolioMetrics,
    VaRReport,
    portfolio_metrics,
    var_report,
)
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType, compile_rule
from domain.risk.sizing import (
    DEFAULT_MAX_POSITION_FRACTION,
    DEFAULT_RISK_FRACTION,
    DEFAULT_VOLATILITY_MULTIPLE,
    InvalidSizingInput,
    SizingResult,
    fixed_fractional,
    volatility_sized,
)
from domain.risk.verdicts import Decision
from domain.risk.view import AccountRiskView
from domain.trading.accounts import Account, MissingMark, mark_of
from domain.trading.orders import Order, Origin, OriginKind, Side
from ports.core.clock import Clock, IdGenerator
from ports.core.events import AuditEntry, AuditLog
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.bar_store import BarStore
from ports.market_data.marketdata import MarketDataPort
from ports.trading.equity import EquityHistory
from ports.trading.rater import RiskRater, TradeContextSource

MIN_STORED_RETURNS = 2  # var_report's own minimum; fewer stored returns: no VaR


class NoReferencePrice(DomainError):
    """A symbol the request needs has no mark: nothing is valued at a guess."""

    code = "NO_REFERENCE_PRICE"


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
class SizePosition:
    """A sizing request. Equity is given, or read from `account_id` at current marks;
    with `symbol`, entry defaults to its mark and lot size / multiplier to its instrument."""

    entry: Decimal | None = None
    stop: Decimal | None = None
    volatility: Decimal | None = None
    equity: Decimal | None = None
    account_id: str | None = None
    symbol: str | None = None
    risk_fraction: Decimal = DEFAULT_RISK_FRACTION
    max_position_fraction: Decimal = DEFAULT_MAX_POSITION_FRACTION
    volatility_multiple: Decimal = DEFAULT_VOLATILITY_MULTIPLE
    lot_size: Decimal | None = None
    multiplier: Decimal | None = None


@dataclass(frozen=True, slots=True)
class SizingInputs:
    """What a sizing request resolved to, echoed back so the client sees what was used."""

    equity: Decimal
    entry: Decimal
    lot_size: Decimal
    multiplier: Decimal


@dataclass(frozen=True, slots=True)
class PositionSize:
    inputs: SizingInputs
    result: SizingResult


@dataclass(frozen=True, slots=True)
class PortfolioRisk:
    metrics: PortfolioMetrics
    var: VaRReport | None
    # Where the VaR's returns came from: "posted" (the request), "stored" (the account's
    # daily snapshots, time-weighted), None when there were too few for a VaR.
    returns_source: Literal["posted", "stored"] | None = None
    returns_count: int = 0
    # How the held positions move together (from the stored daily bars), or why not; None
    # when no bar store is wired.
    held: HeldCorrelation | NoHeldCorrelation | None = None


@dataclass(eq=False)
class RiskService:
    """Rules are validated (compiled) when saved; every change invalidates compiled policies."""

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    clock: Clock
    ids: IdGenerator
    policies: PolicyCache
    audit: AuditLog
    rater: RiskRater
    orders: OrderService
    margin_schedule: MarginSchedule = field(default_factory=MarginSchedule)
    equity_history: EquityHistory | None = None
    # Volatility and news sentiment for a model-based rater; None: unknown.
    trade_context: TradeContextSource | None = None
    # Each analysis' rating kept to be judged by its outcome (application/model_records/).
    predictions: PredictionRecorder | None = None
    # The bar history store (built on first use), for the held positions' correlation.
    bars: Callable[[], BarStore] | None = None
    # The order path's trading states cache, whose bound the rules' revision shares: a rule
    # write answers once that bound has passed (application/trading/policies.py).
    states: TradingStateCache | None = None
    # What other contexts check before a rule changes or goes (live trading's required
    # limits): application/trading/rule_guards.py.
    guards: RuleGuards | None = None

    # -- CRUD --------------------------------------------------------------------------
    async def create(self, principal: Principal, draft: RuleDraft) -> RiskRule:
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            rule = await self._validated(uow, principal, self.ids.new("rule-"), draft)
            await uow.risk_rules.add(rule)
            await uow.commit()
        await self._in_force()
        await self._record(principal, "risk_rule.create", rule)
        return rule

    async def update(self, principal: Principal, rule_id: str, draft: RuleDraft) -> RiskRule:
        """Replace the rule; an edit that loosens it (domain/risk/loosening.py) is audited
        besides, with the values before and after (`risk_rule.loosen`)."""
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            current = await self._modifiable(uow, principal, rule_id)
            rule = await self._validated(uow, principal, rule_id, draft, current.owner_id)
            if self.guards is not None:
                await self.guards.check(uow, principal, current, rule)
            await uow.risk_rules.add(rule)
            await uow.commit()
        await self._in_force()
        await self._record(principal, "risk_rule.update", rule)
        looser = loosening(current, rule)
        if looser:
            details = {"before": _values(current), "after": _values(rule), "looser": list(looser)}
            entry = AuditEntry(
                principal.id, "risk_rule.loosen", rule.id, "ok", self.clock.now(), details
            )
            await self.audit.record(entry)
        return rule

    async def delete(self, principal: Principal, rule_id: str) -> None:
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            rule = await self._modifiable(uow, principal, rule_id)
            if self.guards is not None:
                await self.guards.check(uow, principal, rule, None)
            await uow.risk_rules.remove(rule_id)
            await uow.commit()
        await self._in_force()
        await self._record(principal, "risk_rule.delete", rule)

    async def _in_force(self) -> None:
        """After a rule write commits: this process's policies are dropped at once, the other
        instances told; the answer waits until any revision another process read before the
        commit is past its bound, so every later order, decided anywhere, sees the write."""
        self.policies.invalidate()
        if self.states is not None and self.states.max_age > 0:
            await self.clock.sleep(self.states.max_age)

    async def get(self, principal: Principal, rule_id: str) -> RiskRule:
        async with self.uow_factory() as uow:
            return await self._visible(uow, principal, rule_id)

    async def list(self, principal: Principal) -> list[RiskRule]:
        """A supervisor or viewer sees every rule; anyone else their own and the global ones."""
        async with self.uow_factory() as uow:
            rules = await uow.risk_rules.list()
            return sorted((r for r in rules if _sees(principal, r)), key=lambda r: r.id)

    # -- dry run -----------------------------------------------------------------------
    async def test_rule(
        self,
        principal: Principal,
        account_id: str,
        draft: RuleDraft,
        order: Order | None = None,
        *,
        replaces: str | None = None,
    ) -> RuleTestReport:
        """Run a draft rule against the current portfolio; nothing is saved or sent.

        Each holding is probed with one lot more in its own direction: a rule that
        would refuse that is reported as binding now. With `order`, the account's
        policy plus the draft decides it. `replaces`: the draft is an edit of that stored
        rule (one the caller sees), which then sits out of the policy in the draft's favour.
        A viewer may not: drafting rules is editing them.
        """
        ensure_may_change(principal)
        async with self.uow_factory() as uow:
            account = await account_for(uow, principal, account_id)
            if replaces is not None:
                await self._visible(uow, principal, replaces)
            rule = await self._validated(uow, principal, "dry-run", draft)
            control = compile_rule(rule, self.policies.calendar)
            view = await self._view(uow, account, principal, order.symbol if order else None)
            breaches = []
            for symbol, quantity in sorted(view.positions.items()):
                instrument = view.instruments.get(symbol)
                if instrument is None:  # the gate denies such an order: report it, fail closed
                    breaches.append(f"{symbol}: no instrument definition")
                    continue
                probe = _probe(account, symbol, quantity, instrument.lot_size, principal)
                unit = view.marks[symbol] * instrument.multiplier
                value = probe.quantity * unit
                if control.breach(probe, probe.quantity, unit, value, False, view) is not None:
                    breaches.append(
                        f"{symbol}: {control.explain(probe, probe.quantity, unit, view)}"
                    )
            decision = None
            if order is not None:
                self.orders.check_terms(order, view)
                stored = [r for r in await uow.risk_rules.list() if r.id != replaces]
                rules = [*stored, rule]
                policy = compile_policy(
                    account.id, account.owner_id, rules, calendar=self.policies.calendar
                )
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
        risk_fraction: Decimal = DEFAULT_RISK_FRACTION,
        max_position_fraction: Decimal = DEFAULT_MAX_POSITION_FRACTION,
        lot_size: Decimal = Decimal(1),
        multiplier: Decimal = Decimal(1),
        volatility_multiple: Decimal = DEFAULT_VOLATILITY_MULTIPLE,
    ) -> SizingResult:
        if stop is not None:
            if volatility is not None:
                raise InvalidSizingInput("give either a stop price or a volatility, not both")
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
            volatility_multiple,
            max_position_fraction=max_position_fraction,
            lot_size=lot_size,
            multiplier=multiplier,
        )

    async def size_position(self, principal: Principal, request: SizePosition) -> PositionSize:
        """`position_size` with its inputs resolved from an account and an instrument."""
        inputs = await self._sizing_inputs(principal, request)
        result = self.position_size(
            inputs.equity,
            inputs.entry,
            stop=request.stop,
            volatility=request.volatility,
            risk_fraction=request.risk_fraction,
            max_position_fraction=request.max_position_fraction,
            lot_size=inputs.lot_size,
            multiplier=inputs.multiplier,
            volatility_multiple=request.volatility_multiple,
        )
        return PositionSize(inputs, result)

    async def portfolio_risk(
        self, principal: Principal, account_id: str, returns: Sequence[float] | None = None
    ) -> PortfolioRisk:
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
            instruments = await instrument_map(uow)
            marks = await self.market_data.reference_prices(sorted(account.positions))
            try:
                metrics = portfolio_metrics(account, instruments, marks)
            except MissingMark as exc:
                raise NoReferencePrice(
                    f"no mark for {exc}: the portfolio cannot be valued"
                ) from None
        held = None
        if self.bars is not None:
            values = {
                symbol: position.market_value(mark_of(marks, symbol))
                for symbol, position in account.positions.items()
                if not position.is_flat
            }
            held = await held_positions_correlation(self.bars, values, self.clock.now())
        risk = await self._var(account_id, metrics, returns)
        return replace(risk, held=held)

    async def _var(
        self, account_id: str, metrics: PortfolioMetrics, returns: Sequence[float] | None
    ) -> PortfolioRisk:
        if returns:
            return PortfolioRisk(
                metrics, var_report(list(returns), metrics.equity), "posted", len(returns)
            )
        if self.equity_history is None:
            return PortfolioRisk(metrics, None)
        today = self.clock.now().astimezone(UTC).date()
        stored = await stored_returns(self.equity_history, account_id, today)
        if len(stored) < MIN_STORED_RETURNS:
            return PortfolioRisk(metrics, None, None, len(stored))
        try:
            report = var_report(stored, metrics.equity)
        except InvalidRiskInput:  # a stored day beyond the bound VaR accepts: no VaR, no 422
            return PortfolioRisk(metrics, None, None, len(stored))
        return PortfolioRisk(metrics, report, "stored", len(stored))

    async def analyze_trade(
        self, principal: Principal, account_id: str, order: Order
    ) -> TradeAnalysis:
        context = TradeContext()
        if self.trade_context is not None:
            context = await self.trade_context.context(order.symbol)
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
            view = await self._view(uow, account, principal, extra=order.symbol)
            if order.symbol not in view.instruments:
                raise InvalidOrder(f"unknown instrument {order.symbol}")
            if order.symbol not in view.marks:
                raise NoReferencePrice(f"no mark for {order.symbol}")
            self.orders.check_terms(order, view)
            policy = await self.policies.policy_for(uow, account)
            facts = replace(
                trade_facts(order, account, view, policy, self.margin_schedule), context=context
            )
            analysis = TradeAnalysis(facts, self.rater.rate(facts))
        if self.predictions is not None:
            await self.predictions.record_rating(analysis, order, account.owner_id)
        return analysis

    # -- helpers -----------------------------------------------------------------------
    async def _view(
        self, uow: UnitOfWork, account: Account, principal: Principal, extra: str | None = None
    ) -> AccountRiskView:
        try:
            return await load_risk_view(
                uow,
                self.market_data,
                self.clock,
                account,
                _origin(principal),
                self.policies.flow_for(account.id),
                extra,
            )
        except MissingMark as exc:
            raise NoReferencePrice(f"no mark for {exc}: cannot value the account") from None

    async def _sizing_inputs(self, principal: Principal, request: SizePosition) -> SizingInputs:
        if (request.equity is None) == (request.account_id is None):
            raise InvalidSizingInput("give either equity or account_id")
        symbol = request.symbol.strip().upper() if request.symbol else None
        held: list[str] = []
        async with self.uow_factory() as uow:
            account = None
            if request.account_id is not None:
                account = await account_seen(uow, principal, request.account_id)
                held = sorted(s for s, p in account.positions.items() if not p.is_flat)
            instrument = await uow.instruments.get(symbol) if symbol else None
        if symbol is not None and instrument is None:
            raise InvalidSizingInput(f"unknown instrument {symbol}")
        wanted = held + ([symbol] if symbol and request.entry is None else [])
        marks = await self.market_data.reference_prices(sorted(set(wanted))) if wanted else {}
        entry = request.entry
        if entry is None:
            if symbol is None:
                raise InvalidSizingInput("give an entry price, or a symbol to use its mark")
            entry = marks.get(symbol)
            if entry is None:
                raise NoReferencePrice(f"no mark for {symbol}: give an entry price")
        try:
            equity = account.equity(marks) if account is not None else request.equity
        except MissingMark as exc:
            raise NoReferencePrice(f"no mark for {exc}: cannot value the account") from None
        if equity is None:
            raise InvalidSizingInput("give either equity or account_id")
        lot, multiplier = request.lot_size, request.multiplier
        if lot is None:
            lot = instrument.lot_size if instrument else Decimal(1)
        if multiplier is None:
            multiplier = instrument.multiplier if instrument else Decimal(1)
        return SizingInputs(equity, entry, lot, multiplier)

    async def _validated(
        self,
        uow: UnitOfWork,
        principal: Principal,
        rule_id: str,
        draft: RuleDraft,
        owner_id: str | None = None,
    ) -> RiskRule:
        if draft.scope is RuleScope.GLOBAL and principal.role not in SUPERVISORS:
            raise Forbidden("only a risk officer or an admin can create global rules")
        # Every reference must be the caller's own: another user's account or agent answers
        # NotFound like any foreign resource (its existence is never revealed). A strategy id
        # has no table: it is a name within the rule owner's namespace, and a non-global rule
        # applies only to its owner's accounts (RiskRule.applies_to_account), so it can only
        # ever match the owner's own orders, whatever another user names a strategy.
        if draft.account_id is not None:
            await account_for(uow, principal, draft.account_id)
        if draft.agent_id is not None:
            await _agent_for(uow, principal, draft.agent_id)
        rule = RiskRule(
            id=rule_id,
            owner_id=owner_id or principal.id,  # a supervisor's edit keeps the owner
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

    async def _visible(self, uow: UnitOfWork, principal: Principal, rule_id: str) -> RiskRule:
        rule = await uow.risk_rules.get(rule_id)
        if rule is None or not _sees(principal, rule):
            raise NotFound(f"risk rule {rule_id} not found")
        return rule

    async def _modifiable(self, uow: UnitOfWork, principal: Principal, rule_id: str) -> RiskRule:
        """Another owner's rule is NotFound; a global rule is visible but only supervisors
        may change it (Forbidden)."""
        rule = await self._visible(uow, principal, rule_id)
        if principal.role not in SUPERVISORS and rule.owner_id != principal.id:
            raise Forbidden("only a risk officer or an admin can change global rules")
        return rule

    async def _record(self, principal: Principal, action: str, rule: RiskRule) -> None:
        await self.audit.record(
            AuditEntry(principal.id, action, rule.id, "ok", self.clock.now(), _values(rule))
        )


def _values(rule: RiskRule) -> dict[str, Any]:
    """What the audit keeps of a rule: its type, params, action, state and where it applies."""
    return {
        "rule_type": rule.rule_type.value,
        "params": dict(rule.params),
        "action": rule.action.value,
        "active": rule.is_active,
        "scope": rule.scope.value,
        "account_id": rule.account_id,
    }


async def _agent_for(uow: UnitOfWork, principal: Principal, agent_id: str) -> None:
    """The agent exists and the principal may see it (its own; any for a supervisor)."""
    agent = await uow.agents.get(agent_id)
    seen = await visibility(uow, principal)
    if agent is None or (seen is not None and agent.id not in seen.agent_ids):
        raise NotFound(f"agent {agent_id} not found")


def _sees(principal: Principal, rule: RiskRule) -> bool:
    return (
        principal.role in SEES_ALL
        or rule.owner_id == principal.id
        or rule.scope is RuleScope.GLOBAL
    )


def _origin(principal: Principal) -> Origin:
    kind = OriginKind.AGENT if principal.role is Role.AGENT else OriginKind.USER
    return Origin(kind, principal.id)


def _probe(
    account: Account, symbol: str, quantity: Decimal, lot: Decimal, principal: Principal
) -> Order:
    side = Side.BUY if quantity > 0 else Side.SELL
    return Order("probe", "probe", account.id, symbol, side, lot, _origin(principal))
