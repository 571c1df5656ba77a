"""Tells the risk desk when the market-data feed changes provider (a failover, automatic or
manual, or every provider down), through the notifier: `provider.failover` in the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

from application.market_data.providers import ProviderFeed
from domain.principals import Role
from ports.core.events import Notification, Notifier, Severity
from ports.core.unit_of_work import UnitOfWorkFactory

# The desk: admins, risk officers, and viewers (on-call observers are told, change nothing).
_DESK = (Role.ADMIN, Role.RISK_OFFICER, Role.VIEWER)
_NONE = "no provider"


@dataclass(eq=False)
class ProviderWatch:
    """Polled by the background watchers: compares the feed's active provider with the last
    one seen and notifies active admins, risk officers and viewers of each change (once each).

    The first check only learns the starting provider. Every provider down is CRITICAL
    (no prices: the gate denies every order that needs one); a switch is a WARNING.
    """

    feed: ProviderFeed
    uow_factory: UnitOfWorkFactory
    notifier: Notifier
    _seen: str | None = field(init=False, default=None)
    _started: bool = field(init=False, default=False)

    async def check(self) -> str | None:
        """The active provider now; notifies when it differs from the last check's."""
        active = self.feed.active()
        if not self._started:
            self._started, self._seen = True, active
            return active
        if active == self._seen:
            return active
        before, self._seen = self._seen, active
        await self._tell_desk(before, active)
        return active

    async def _tell_desk(self, before: str | None, after: str | None) -> None:
        async with self.uow_factory() as uow:
            desk = [u.id for u in await uow.users.list() if u.active and u.role in _DESK]
        if after is None:
            subject = f"Market data down: {before or _NONE} failed and no provider serves"
            body = (
                "Every market-data provider's breaker is open; orders needing a price are denied."
            )
            severity = Severity.CRITICAL
        else:
            subject = f"Market data failover: {before or _NONE} -> {after}"
            body = f"The feed now serves quotes from {after} (was {before or _NONE})."
            severity = Severity.WARNING
        for user_id in desk:
            await self.notifier.notify(
                Notification(user_id, subject, body, severity, event_type="provider.failover")
            )
