"""Automatic loss-limit triggers: halt an account whose day loss or drawdown breached its rule."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from dataclasses import KW_ONLY, dataclass, replace
from decimal import Decimal
from functools import partial

from application.core.concurrency import KeyedLocks
from application.core.retry import retry_on_conflict
from application.safety.killswitch import KillSwitchService
from domain.errors import ConcurrentUpdate, InvalidRule
from domain.killswitch.state import Scope, TradingState
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.risk.controls.guards import MaxDailyLoss, MaxDrawdown
from domain.risk.reasons import Action, RuleScope
from domain.risk.rules import RiskRule, RuleType, compile_rule
from domain.trading.accounts import Account, MissingMark
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWork, UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

ZERO = Decimal(0)
SYSTEM = "system"
_LOSS_RULES = frozenset({RuleType.MAX_DAILY_LOSS, RuleType.MAX_DRAWDOWN})
_ACCOUNT_WIDE = frozenset({RuleScope.GLOBAL, RuleScope.ACCOUNT})


async def already_engaged(uow: UnitOfWork, scope: Scope, trigger: TriggerType) -> bool:
    """True when an automatic trigger must not fire again on `scope`.

    HALTED: the switch already holds. REDUCING after this very trigger: a person resumed
    to reduce-only to work out of the breach; halting again would block the reductions.
    """
    state = await uow.trading_states.get(scope.key)
    if state is None or state.state is TradingState.ACTIVE:
        return False
    if state.state is TradingState.HALTED:
        return True
    latest = await uow.kill_switch_events.list(scope.key, 1)
    return bool(latest) and latest[0].trigger_type is trigger


async def held_marks(
    market: MarketDataPort, accounts: list[Account], *extra: str
) -> dict[str, Decimal]:
    """Reference prices of every symbol the accounts hold (and of `extra`)."""
    symbols = {s for a in accounts for s, p in a.positions.items() if p.quantity} | set(extra)
    return await market.reference_prices(sorted(symbols)) if symbols else {}


@dataclass(frozen=True, slots=True)
class LimitBreach:
    """A loss limit found breached, and the kill switch it pulled."""

    account_id: str
    owner_id: str
    trigger: TriggerType
    rule_id: str
    measured: Decimal
    limit: Decimal
    reason: str
    kill_switch: KillSwitchEvent | None = None


@dataclass(frozen=True, slots=True)
class LossLimitReport:
    """One check: breaches acted on, accounts left alone because already halted, unvalued,
    and those left to the next check because their account kept changing under the watch."""

    breaches: tuple[LimitBreach, ...]
    already_halted: tuple[str, ...]
    unvalued: tuple[str, ...]
    contended: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Settled:
    """One account read again on its own: what the watch found there."""

    breach: LimitBreach | None = None
    already_halted: bool = False
    unvalued: bool = False


@dataclass(eq=False)
class LossLimitWatch:
    """Run by a scheduler: halts accounts past an active MAX_DAILY_LOSS or MAX_DRAWDOWN rule.

    Only BLOCK rules scoped to the account (or global) halt; a WARN rule only warns at the
    gate, and strategy or agent rules limit their own orders, not the account. Each check
    also raises the account's peak equity to its current equity. An account without a mark
    for something it holds is left unvalued rather than halted on a guess.

    The order path changes accounts all the time, so the watch contends with it as little
    as it can (docs/reliability.md, "Watchers and the order path"): one read of every
    account, which writes nothing and decides nothing, only tells which accounts need a
    closer look (a breach, or a new peak). Each of those is read again on its own, under
    the account's lock (the order path's), and settled in a unit of work of its own: the
    new peak stored with the account's version check, a breach acted on only when a second
    read finds the account at the version it was judged at. The first read may be torn
    (on a SQL store the account's row and its positions are read by separate statements,
    and a fill can land between them): it is never acted on. A conflict is retried with a
    fresh read; an account that keeps changing is left to the next check, alone.
    """

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    killswitch: KillSwitchService
    clock: Clock
    audit: AuditLog
    notifier: Notifier
    _: KW_ONLY
    locks: KeyedLocks | None = None

    async def check(self) -> LossLimitReport:
        found: list[LimitBreach] = []
        halted: list[str] = []
        unvalued: list[str] = []
        contended: list[str] = []
        async with self.uow_factory() as uow:
            rules = [r for r in await uow.risk_rules.list() if _watched(r)]
            accounts = sorted(await uow.accounts.list(), key=lambda a: a.id)
        marks = await held_marks(self.market_data, accounts)
        for account in accounts:
            try:
                equity = account.equity(marks)
            except MissingMark:
                unvalued.append(account.id)
                continue
            # Read only: a copy shared with others (the in-memory store's) is not changed.
            new_peak = equity > account.peak_equity
            if not new_peak and _first_breach(account, _applicable(rules, account), marks) is None:
                continue
            try:
                settled = await retry_on_conflict(partial(self._settle, account.id, rules))
            except ConcurrentUpdate:
                contended.append(account.id)
                continue
            if settled.unvalued:
                unvalued.append(account.id)
            elif settled.already_halted:
                halted.append(account.id)
            elif settled.breach is not None:
                found.append(settled.breach)
        acted = [await self._act(breach) for breach in found]
        return LossLimitReport(tuple(acted), tuple(halted), tuple(unvalued), tuple(contended))

    async def _settle(self, account_id: str, rules: list[RiskRule]) -> _Settled:
        """Read the account again, store a new peak, and judge it; ConcurrentUpdate when it
        changed meanwhile (the caller reads it again)."""
        async with self._holding(account_id):
            async with self.uow_factory() as uow:
                account = await uow.accounts.get(account_id)
                if account is None:
                    return _Settled()  # closed meanwhile: nothing to watch
                marks = await held_marks(self.market_data, [account])
                try:
                    equity = account.equity(marks)
                except MissingMark:
                    return _Settled(unvalued=True)
                account.observe_equity(equity)
                breach = _first_breach(account, _applicable(rules, account), marks)
                engaged = breach is not None and await already_engaged(
                    uow, Scope.account(account_id), breach.trigger
                )
                await uow.commit()  # a new peak, checked against the version it was read at
            if breach is None or engaged:
                return _Settled(already_halted=engaged)
            await self._confirm(account_id, account.version)
            return _Settled(breach)

    async def _confirm(self, account_id: str, version: int) -> None:
        """ConcurrentUpdate unless the account is still at `version`: then nothing changed it
        since before its positions were read, and the breach was judged on a whole account."""
        async with self.uow_factory() as uow:
            account = await uow.accounts.get(account_id)
        if account is None or account.version != version:
            raise ConcurrentUpdate(f"account {account_id} changed while the watch judged it")

    @contextlib.asynccontextmanager
    async def _holding(self, account_id: str) -> AsyncIterator[None]:
        if self.locks is None:
            yield
            return
        async with self.locks.hold(account_id):
            yield

    async def _act(self, breach: LimitBreach) -> LimitBreach:
        record = await self.killswitch.trigger(
            Scope.account(breach.account_id), breach.trigger, breach.reason
        )
        details = {
            "rule_id": breach.rule_id,
            "measured": str(breach.measured),
            "limit": str(breach.limit),
            "kill_switch": record.id,
        }
        await self.audit.record(
            AuditEntry(
                SYSTEM,
                f"risk.{breach.trigger.value}",
                Scope.account(breach.account_id).key,
                "halted",
                self.clock.now(),
                details,
            )
        )
        await self.notifier.notify(
            Notification(
                breach.owner_id,
                f"Trading halted on account {breach.account_id}",
                f"{breach.reason}. {record.orders_cancelled} open orders were cancelled.",
                Severity.CRITICAL,
                event_type="killswitch.activated",
                occurred_at=record.halted_at,
            )
        )
        return replace(breach, kill_switch=record)


def _applicable(rules: list[RiskRule], account: Account) -> list[RiskRule]:
    return [r for r in rules if r.applies_to_account(account.id, account.owner_id)]


def _watched(rule: RiskRule) -> bool:
    return (
        rule.is_active
        and rule.rule_type in _LOSS_RULES
        and rule.scope in _ACCOUNT_WIDE
        and rule.action is Action.BLOCK
    )


def _first_breach(
    account: Account, rules: list[RiskRule], marks: Mapping[str, Decimal]
) -> LimitBreach | None:
    """The first breached rule, daily loss before drawdown, each in rule-id order."""
    ordered = sorted(rules, key=lambda r: (r.rule_type is not RuleType.MAX_DAILY_LOSS, r.id))
    for rule in ordered:
        try:
            control = compile_rule(rule)
        except InvalidRule:
            continue  # a rule that cannot compile is refused when saved; never guess here
        if isinstance(control, MaxDailyLoss):
            loss = -account.day_pnl(marks)
            limit = _daily_limit(control, account.start_of_day_equity)
            if limit is not None and loss >= limit:
                reason = (
                    f"day's loss {loss:,.2f} reached the limit of {limit:,.2f} (rule {rule.id})"
                )
                return _breach(account, TriggerType.DAILY_LOSS, rule, loss, limit, reason)
        elif isinstance(control, MaxDrawdown):
            drawdown = account.drawdown(marks)
            limit = control.max_drawdown
            peak = account.peak_equity
            # peak − equity ≥ limit × peak, multiplied out so no division rounding decides
            if peak > ZERO and peak - account.equity(marks) >= limit * peak:
                reason = (
                    f"drawdown {drawdown:.2%} reached the limit of {limit:.2%} (rule {rule.id})"
                )
                return _breach(account, TriggerType.DRAWDOWN, rule, drawdown, limit, reason)
    return None


def _daily_limit(control: MaxDailyLoss, start_of_day_equity: Decimal) -> Decimal | None:
    """The stricter of the absolute limit and the fraction of start-of-day equity."""
    limits = [control.max_loss] if control.max_loss is not None else []
    if control.max_loss_pct is not None:
        limits.append(control.max_loss_pct * start_of_day_equity)
    return min(limits) if limits else None


def _breach(
    account: Account,
    trigger: TriggerType,
    rule: RiskRule,
    measured: Decimal,
    limit: Decimal,
    reason: str,
) -> LimitBreach:
    return LimitBreach(account.id, account.owner_id, trigger, rule.id, measured, limit, reason)
