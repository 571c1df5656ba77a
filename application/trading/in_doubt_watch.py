"""The watch over orders in doubt: found in the store at start-up and then every few seconds,
each account's resolved through its order service, the rest reported (status, gauge, alert)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from application.trading.in_doubt import DoubtfulOrder, InDoubtReport, orders_in_doubt
from domain.principals import Role
from ports.core.clock import Clock
from ports.core.events import Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory

# Who hears of an order left in doubt: the desk (as of a market-data outage).
_DESK = (Role.ADMIN, Role.RISK_OFFICER)


class InDoubtResolving(Protocol):
    """Resolves one account's orders in doubt under its lock (OrderService)."""

    async def resolve_in_doubt(
        self, account_id: str, only: frozenset[str] | None = None
    ) -> InDoubtReport: ...


@dataclass(frozen=True, slots=True)
class InDoubtSnapshot:
    """The orders in doubt after the last look, and when it was."""

    orders: tuple[DoubtfulOrder, ...] = ()
    checked_at: datetime | None = None

    @property
    def count(self) -> int:
        return len(self.orders)


class InDoubtWatch:
    """Resolves the store's orders in doubt, account by account, and says what is left.

    `check` runs with the background watchers: at once when the process starts (the orders
    a killed process left behind) and then each tick, looking at the store no more often
    than every `every`. An order that stays in doubt is alerted once.
    """

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        orders: InDoubtResolving,
        clock: Clock,
        notifier: Notifier,
        grace: timedelta,
        every: timedelta | None = None,
    ) -> None:
        self._uow = uow_factory
        self._orders = orders
        self._clock = clock
        self._notifier = notifier
        self._grace = grace
        self._every = grace if every is None else every
        self._alerted: set[str] = set()
        self.snapshot = InDoubtSnapshot()

    async def check(self) -> InDoubtSnapshot:
        """Look, resolve and report, unless the last look is more recent than `every`."""
        now = self._clock.now()
        last = self.snapshot.checked_at
        if last is not None and now - last < self._every:
            return self.snapshot
        return await self.resolve_all()

    async def resolve_all(self) -> InDoubtSnapshot:
        """Resolve every order in doubt in the store now; the ones left are the snapshot."""
        async with self._uow() as uow:
            found = await orders_in_doubt(uow, self._clock.now(), self._grace)
        left: list[DoubtfulOrder] = []
        for account_id in sorted({o.account_id for o in found}):
            try:
                report = await self._orders.resolve_in_doubt(account_id)
            except Exception as exc:  # one account's failure must not hide the others'
                left += [
                    DoubtfulOrder(
                        o.id, o.client_order_id, o.account_id, o.broker, type(exc).__name__
                    )
                    for o in found
                    if o.account_id == account_id
                ]
            else:
                left += report.unresolved
        self.snapshot = InDoubtSnapshot(tuple(left), self._clock.now())
        await self._alert(left)
        return self.snapshot

    async def _alert(self, left: list[DoubtfulOrder]) -> None:
        fresh = [o for o in left if o.order_id not in self._alerted]
        self._alerted = {o.order_id for o in left}  # resolved ones may alert again if back
        if not fresh:
            return
        named = ", ".join(f"{o.order_id} at {o.broker} ({o.reason})" for o in fresh)
        subject = f"{len(fresh)} order(s) in doubt"
        body = (
            "Approved orders never acknowledged by their broker could not be resolved: "
            f"{named}. They are neither counted closed nor known to be in the market."
        )
        async with self._uow() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in _DESK]
        for user_id in desk:
            await self._notifier.notify(
                Notification(
                    user_id, subject, body, Severity.CRITICAL, event_type="orders.in_doubt"
                )
            )
