"""Reconciliation per venue connection: each account's positions and working orders at its
venue, compared with Bulwark's (domain/reconciliation/drift.py).

A leased job (one process of the deployment runs it) calls `check` every second; every
`interval` it walks each active connection's accounts, asks the venue (each call bounded by
`call_timeout`) and keeps each account's latest report. A drift seen by two checks in a row is
confirmed: the owner is alerted (`reconciliation.drift`, once per drift), it is audited, and
when the connection says `halt_on_drift` the account is halted by the kill switch (trigger
`reconciliation`). A venue that does not answer leaves the account's report `unreachable`,
never a drift. Each account's last report is kept in the store (ports/reconciliation), so
`GET /connections/{id}/reconciliation` shows it from any process of the deployment, and a
restart neither forgets a confirmed drift nor alerts on it again. The
`bulwark_reconciliation_drift` gauge counts the confirmed drifts of the last run, in the
process that ran it (0 elsewhere).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TypeVar

from application.core.access import owned_by
from application.safety.killswitch import KillSwitchService
from application.trading.broker_router import BrokerRouter
from domain.connections.connection import VenueConnection
from domain.errors import NotFound
from domain.killswitch.state import Scope
from domain.killswitch.switch import TriggerType
from domain.principals import Principal
from domain.reconciliation.drift import compare
from domain.reconciliation.report import AccountReport
from domain.trading.accounts import Account
from ports.connections.store import ConnectionStore
from ports.core.clock import Clock
from ports.core.events import AuditEntry, AuditLog, Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory
from ports.reconciliation.reports import ReconciliationReports
from ports.trading.broker import BrokerError, BrokerErrorCode

T = TypeVar("T")
SYSTEM = "system"
ZERO = Decimal(0)
DEFAULT_INTERVAL = timedelta(seconds=60)
DEFAULT_CALL_TIMEOUT_S = 10.0


@dataclass(eq=False)
class Reconciliation:
    """The job and its reports (see the module docstring)."""

    connections: ConnectionStore
    brokers: BrokerRouter
    uow_factory: UnitOfWorkFactory
    killswitch: Callable[[], KillSwitchService]
    notifier: Notifier
    audit: AuditLog
    clock: Clock
    store: ReconciliationReports
    interval: timedelta = DEFAULT_INTERVAL
    call_timeout: float = DEFAULT_CALL_TIMEOUT_S
    _drifted: set[str] = field(default_factory=set, init=False)
    _next: datetime | None = field(default=None, init=False)

    # -- the job ------------------------------------------------------------------------
    async def check(self) -> int:
        """Every `interval`, reconcile every account of every active connection; the number
        of accounts checked (0 between runs)."""
        now = self.clock.now()
        if self._next is not None and now < self._next:
            return 0
        self._next = now + self.interval
        return await self.run()

    async def run(self) -> int:
        """Reconcile every account of every active connection now."""
        checked = 0
        for connection in await self.connections.every_active():
            for account in await self._accounts_on(connection):
                await self._reconcile(connection, account)
                checked += 1
        return checked

    # -- what people read --------------------------------------------------------------
    async def reports(self, principal: Principal, connection_id: str) -> list[AccountReport]:
        """The last report of each account of the principal's connection; NotFound for
        another's connection, as for an unknown one."""
        found = await self.connections.get(connection_id)
        owned_by(principal, found, NotFound(f"connection {connection_id} not found"))
        return list(await self.store.of_connection(connection_id))

    def drifted(self) -> int:
        """Accounts whose last report here is a confirmed drift (the gauge)."""
        return len(self._drifted)

    # -- internals ---------------------------------------------------------------------
    async def _accounts_on(self, connection: VenueConnection) -> Sequence[Account]:
        async with self.uow_factory() as uow:
            accounts = await uow.accounts.list(connection.owner_id)
        return [a for a in accounts if a.broker == connection.id and a.is_open]

    async def _reconcile(self, connection: VenueConnection, account: Account) -> None:
        now = self.clock.now()
        broker = self.brokers.find(connection.id)
        previous = await self.store.get(account.id)
        try:
            if broker is None:
                raise BrokerError(
                    BrokerErrorCode.UNAVAILABLE, f"connection {connection.id} routes nowhere"
                )
            venue_positions = await self._bounded(broker.positions(account.id))
            venue_orders = await self._bounded(broker.open_orders(account.id))
        except (BrokerError, TimeoutError) as exc:
            reason = exc.message if isinstance(exc, BrokerError) else "the venue did not answer"
            await self._keep(
                AccountReport(account.id, connection.id, connection.owner_id, now, None, reason)
            )
            return
        drift = compare(
            {s: p.quantity for s, p in account.positions.items() if p.quantity},
            {p.symbol: p.quantity for p in venue_positions if p.quantity},
            {o.client_order_id: o.symbol for o in account.open_orders.values()
             if o.remaining_quantity > ZERO},
            {o.client_order_id: o.symbol for o in venue_orders if o.status.is_open},
        )  # fmt: skip
        seen_before = previous is not None and previous.drift == drift
        confirmed = not drift.none and seen_before
        acted = previous is not None and previous.confirmed and seen_before
        report = AccountReport(
            account.id, connection.id, connection.owner_id, now, drift, "", confirmed,
            halted=bool(previous and previous.halted and seen_before),
        )  # fmt: skip
        if confirmed and not acted:
            report = await self._act(connection, account, report)
        await self._keep(report)

    async def _keep(self, report: AccountReport) -> None:
        await self.store.put(report)
        if report.state == "drift":
            self._drifted.add(report.account_id)
        else:
            self._drifted.discard(report.account_id)

    async def _act(
        self, connection: VenueConnection, account: Account, report: AccountReport
    ) -> AccountReport:
        assert report.drift is not None
        summary = report.drift.summary()
        halted = False
        if connection.halt_on_drift:
            await self.killswitch().trigger(
                Scope.account(account.id),
                TriggerType.RECONCILIATION,
                f"the venue and Bulwark disagree on account {account.id}: {summary}",
            )
            halted = True
        outcome = "halted" if halted else "alerted"
        await self.audit.record(
            AuditEntry(
                SYSTEM,
                "reconciliation.drift",
                Scope.account(account.id).key,
                outcome,
                self.clock.now(),
                {"connection": connection.id, "drift": summary},
            )
        )
        then = "Trading on it is halted." if halted else "Nothing was halted."
        await self.notifier.notify(
            Notification(
                account.owner_id,
                f"Account {account.id} disagrees with its venue",
                f"Connection {connection.label} ({connection.kind}): {summary}. {then}",
                Severity.CRITICAL if halted else Severity.WARNING,
                event_type="reconciliation.drift",
                occurred_at=report.checked_at,  # the check that confirmed the drift
            )
        )
        return AccountReport(
            report.account_id, report.connection_id, report.owner_id, report.checked_at,
            report.drift, "", True, halted,
        )  # fmt: skip

    async def _bounded(self, call: Awaitable[T]) -> T:
        return await asyncio.wait_for(call, self.call_timeout)
