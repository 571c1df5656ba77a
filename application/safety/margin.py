"""Margin use cases: an account's margin status, deleverage plans, order impact, margin calls."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from application.core.access import account_seen
from application.safety.killswitch import KillSwitchService
from application.safety.triggers import SYSTEM, already_engaged, held_marks
from application.trading.snapshots import instrument_map
from domain.killswitch.state import Scope
from domain.killswitch.switch import KillSwitchEvent, TriggerType
from domain.margin import (
    DeleveragePlan,
    MarginCallDetected,
    MarginImpact,
    MarginInputError,
    MarginSchedule,
    MarginStatus,
    assess_margin,
    detect_margin_call,
    margin_impact,
    plan_deleverage,
)
from domain.principals import Principal
from domain.trading.accounts import Account
from domain.trading.instruments import Instrument
from domain.trading.orders import Side
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, EventPublisher, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.market_data.marketdata import MarketDataPort

# Owners are warned once when excess liquidity falls under this share of equity (10 %).
DEFAULT_WARNING_BUFFER = Decimal("0.10")


@dataclass(eq=False)
class MarginService:
    """Margin figures of one account at current marks; another owner's account is NotFound.

    Marks come from market data and instruments from the repository; a held symbol
    without either raises MarginInputError (fail closed) rather than being skipped.
    """

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    schedule: MarginSchedule = field(default_factory=MarginSchedule)

    async def status(self, principal: Principal, account_id: str) -> MarginStatus:
        account, instruments, marks = await self._load(principal, account_id)
        return assess_margin(account, instruments, marks, self.schedule)

    async def deleverage_plan(
        self, principal: Principal, account_id: str, target_buffer: Decimal
    ) -> DeleveragePlan:
        """The fewest reductions restoring excess / equity ≥ `target_buffer` (a fraction)."""
        account, instruments, marks = await self._load(principal, account_id)
        return plan_deleverage(account, instruments, marks, self.schedule, target_buffer)

    async def impact(
        self,
        principal: Principal,
        account_id: str,
        symbol: str,
        side: Side,
        quantity: Decimal,
        price: Decimal | None = None,
    ) -> MarginImpact:
        """Margin before and after the order fills in full, at `price` or else at the mark."""
        symbol = symbol.strip().upper()
        account, instruments, marks = await self._load(principal, account_id, symbol)
        at = price if price is not None else marks.get(symbol)
        if at is None:
            raise MarginInputError(f"no mark for {symbol} and no price given")
        return margin_impact(account, instruments, marks, self.schedule, symbol, side, quantity, at)

    async def _load(
        self, principal: Principal, account_id: str, *extra: str
    ) -> tuple[Account, dict[str, Instrument], dict[str, Decimal]]:
        async with self.uow_factory() as uow:
            account = await account_seen(uow, principal, account_id)
            instruments = await instrument_map(uow)
        marks = await held_marks(self.market_data, [account], *extra)
        return account, instruments, marks


@dataclass(frozen=True, slots=True)
class MarginCallAction:
    """A margin call found on an account and the kill switch it pulled."""

    call: MarginCallDetected
    owner_id: str
    kill_switch: KillSwitchEvent


@dataclass(frozen=True, slots=True)
class MarginWatchReport:
    """One check: calls acted on, calls on accounts already halted, accounts not valued."""

    calls: tuple[MarginCallAction, ...]
    already_halted: tuple[str, ...]
    unvalued: Mapping[str, str]


@dataclass(eq=False)
class MarginWatch:
    """Run by a scheduler: every account in a margin call is halted once, and its owner told.

    Once the account scope is HALTED (or reduce-only after this trigger, so the owner can
    deleverage) the same call does not pull the switch again. An account that cannot be
    valued (no mark, no instrument) is reported, never halted on a guess.
    """

    uow_factory: UnitOfWorkFactory
    market_data: MarketDataPort
    killswitch: KillSwitchService
    publisher: EventPublisher
    clock: Clock
    audit: AuditLog
    notifier: Notifier
    schedule: MarginSchedule = field(default_factory=MarginSchedule)
    warning_buffer: Decimal = DEFAULT_WARNING_BUFFER
    # Accounts told they are near a call, until they recover.
    _warned: set[str] = field(init=False, default_factory=set)

    async def check(self) -> MarginWatchReport:
        found: list[tuple[MarginCallDetected, str]] = []
        warnings: list[tuple[MarginStatus, str]] = []
        halted: list[str] = []
        unvalued: dict[str, str] = {}
        async with self.uow_factory() as uow:
            accounts = sorted(await uow.accounts.list(), key=lambda a: a.id)
            instruments = await instrument_map(uow)
            marks = await held_marks(self.market_data, accounts)
            for account in accounts:
                try:
                    status = assess_margin(account, instruments, marks, self.schedule)
                except MarginInputError as exc:
                    unvalued[account.id] = exc.message
                    continue
                call = detect_margin_call(status)
                if call is None:
                    if self._near_call(status):
                        warnings.append((status, account.owner_id))
                    continue
                self._warned.discard(account.id)  # a call: the next approach warns again
                scope = Scope.account(account.id)
                if await already_engaged(uow, scope, TriggerType.MARGIN_CALL):
                    halted.append(account.id)
                else:
                    found.append((call, account.owner_id))
        for status, owner_id in warnings:
            await self._warn(status, owner_id)
        acted = [await self._act(call, owner_id) for call, owner_id in found]
        return MarginWatchReport(tuple(acted), tuple(halted), unvalued)

    def _near_call(self, status: MarginStatus) -> bool:
        """Under the warning buffer (excess liquidity / equity) with margin in use; an account
        that recovers above it is forgotten, so its next approach warns again."""
        near = status.maintenance_requirement > 0 and status.margin_buffer < self.warning_buffer
        if not near:
            self._warned.discard(status.account_id)
            return False
        return status.account_id not in self._warned

    async def _warn(self, status: MarginStatus, owner_id: str) -> None:
        self._warned.add(status.account_id)
        await self.notifier.notify(
            Notification(
                owner_id,
                f"Margin warning on account {status.account_id}: "
                f"{status.margin_buffer:.1%} above maintenance",
                f"Equity {status.equity:,.2f} against a maintenance requirement of "
                f"{status.maintenance_requirement:,.2f}: excess liquidity "
                f"{status.excess_liquidity:,.2f} is {status.margin_buffer:.1%} of equity, under "
                f"the {self.warning_buffer:.0%} warning line. Below maintenance, trading halts.",
                Severity.WARNING,
                event_type="margin.warning",
            )
        )

    async def _act(self, call: MarginCallDetected, owner_id: str) -> MarginCallAction:
        await self.publisher.publish([call])
        scope = Scope.account(call.account_id)
        reason = (
            f"margin call: equity {call.equity:,.2f} below maintenance "
            f"{call.maintenance_requirement:,.2f} (deficit {call.deficit:,.2f})"
        )
        record = await self.killswitch.trigger(scope, TriggerType.MARGIN_CALL, reason)
        details = {
            "equity": str(call.equity),
            "maintenance_requirement": str(call.maintenance_requirement),
            "deficit": str(call.deficit),
            "kill_switch": record.id,
        }
        await self.audit.record(
            AuditEntry(SYSTEM, "margin.call", scope.key, "halted", self.clock.now(), details)
        )
        await self.notifier.notify(
            Notification(
                owner_id,
                f"Margin call on account {call.account_id}: trading halted",
                f"Equity {call.equity:,.2f} is below the maintenance requirement "
                f"{call.maintenance_requirement:,.2f}; deposit or reduce by {call.deficit:,.2f}. "
                f"{record.orders_cancelled} open orders were cancelled.",
                Severity.CRITICAL,
                event_type="margin.call",
            )
        )
        return MarginCallAction(call, owner_id, record)
