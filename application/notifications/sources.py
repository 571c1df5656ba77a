"""Where notifications come from: the existing `Notifier` port and the domain events.

`CenterNotifier` implements the Notifier port, so every notify() call of the use cases
(kill switch, margin call, agent death, succession, loss limits, login throttling, password
reset, invitations, sessions) lands in the center. A recipient that is a user id, a username
or a user's email address is that user; anything else (an heir's contact, an invitee) gets
an email-only delivery to that address. A confidential notification (a token) goes by email
only and its body is sealed at rest.

`EventNotifications` subscribes to the domain events that no use case notifies about
already: OrderDenied and OrderRejected go to the account's owner, OrderHeld ("order.held") to
the account's owner and the desk's risk officers and admins, a held order the kill switch
rejected (OrderRejectedByReviewer with TRADING_HALTED: "order.denied") to the account's
owner, StrategyFailed ("strategy.error") to the strategy's owner. The fill path's
OrderFilled ("order.filled") and FillBooked ("position.changed") are told off that path, in
turns, by `FillNotices` (fill_notices.py). Quantities and prices go as plain decimal strings.
The facts that a use case already notifies about (kill switch, margin call, agent dead,
succession steps) come once, through the Notifier path, with their event type set by the
caller: one source per fact, so a user is never told twice. Provider failover has no domain
event yet; the filing calendar calls `NotificationCenter.notify(user, "filing.due", data)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from application.notifications.center import NotificationCenter, source_key
from domain.events import DomainEvent
from domain.identity.users import User
from domain.notifications.catalogue import CRITICAL, HIGH, LOW
from domain.principals import Role
from domain.strategies.events import StrategyFailed
from domain.trading.orders import OrderDenied, OrderHeld, OrderRejected, OrderRejectedByReviewer
from ports.core.events import Notification, Severity
from ports.core.unit_of_work import UnitOfWorkFactory

# Who is told of an order held for a person's approval besides the account's owner.
_DESK = (Role.RISK_OFFICER, Role.ADMIN)
# The reason a kill switch gives the held orders of its scope it rejects.
_HALTED = "TRADING_HALTED"

_BY_SEVERITY = {
    Severity.CRITICAL: ("alert", CRITICAL),
    Severity.WARNING: ("alert", HIGH),
    Severity.INFO: ("notice", LOW),
}


async def find_user(uow_factory: UnitOfWorkFactory, recipient: str) -> User | None:
    """The user a recipient names: an id, a username, or an email address."""
    async with uow_factory() as uow:
        user = await uow.users.get(recipient) or await uow.users.by_username(recipient)
        if user is None and "@" in recipient:
            user = await uow.users.by_email(recipient)
        return user


@dataclass(eq=False)
class CenterNotifier:
    """The Notifier port onto the center. Best effort: never raises (a failing store must
    not fail the kill switch that notifies); `failures` counts what was lost."""

    center: NotificationCenter
    uow_factory: UnitOfWorkFactory
    failures: int = field(init=False, default=0)

    async def notify(self, notification: Notification) -> None:
        try:
            await self._notify(notification)
        except Exception:  # best effort by contract: count it, never raise
            self.failures += 1

    async def _notify(self, n: Notification) -> None:
        default_type, priority = _BY_SEVERITY.get(n.severity, ("notice", LOW))
        event = n.event_type or ("account.token" if n.confidential else default_type)
        user = await find_user(self.uow_factory, n.recipient)
        if n.confidential or user is None:
            address = n.recipient if user is None else user.email
            if address:
                await self.center.notify_address(
                    address,
                    event,
                    n.subject,
                    n.body,
                    confidential=n.confidential,
                    user_id=user.id if user is not None else "",
                )
            return
        await self.center.notify(
            user.id,
            event,
            {"title": n.subject, "body": n.body},
            None if n.event_type else priority,
            occurred_at=n.occurred_at,
        )


@dataclass(eq=False)
class EventNotifications:
    """Bus handlers: order denials, rejections, holds and held orders a kill switch rejected
    to the account's owner (holds to the desk too), strategy failures to the strategy's."""

    center: NotificationCenter
    uow_factory: UnitOfWorkFactory

    async def handle(self, event: DomainEvent) -> None:
        if isinstance(event, OrderDenied):
            data: dict[str, object] = {
                "order_id": event.order_id,
                "account_id": event.account_id,
                "reasons": list(event.reasons),
            }
            await self._to_owner(event, "order.denied", event.account_id, data)
        elif isinstance(event, OrderRejected):
            data = {
                "order_id": event.order_id,
                "account_id": event.account_id,
                "reason": event.reason,
            }
            await self._to_owner(event, "order.rejected", event.account_id, data)
        elif isinstance(event, OrderHeld):
            await self._held(event)
        elif isinstance(event, OrderRejectedByReviewer) and event.reason == _HALTED:
            # A kill switch ended the held order; a person's own rejection tells no one.
            data = {
                "order_id": event.order_id,
                "account_id": event.account_id,
                "reasons": [event.reason],
            }
            await self._to_owner(event, "order.denied", event.account_id, data)
        elif isinstance(event, StrategyFailed):
            data = {
                "strategy_id": event.strategy_id,
                "account_id": event.account_id,
                "signal_id": event.signal_id,
                "error": event.error,
                "at": event.at,
            }
            source = source_key(event.name, *sorted(data.items()))
            await self.center.notify(
                event.owner_id, "strategy.error", data, source_id=source, occurred_at=_at(event)
            )

    async def _to_owner(
        self, event: DomainEvent, kind: str, account_id: str, data: dict[str, object]
    ) -> None:
        async with self.uow_factory() as uow:
            account = await uow.accounts.get(account_id)
        if account is None:
            return
        source = event_source(event, data)
        await self.center.notify(
            account.owner_id, kind, data, source_id=source, occurred_at=_at(event)
        )

    async def _held(self, event: OrderHeld) -> None:
        """ "order.held" to the account's owner and to the desk's active risk officers and
        admins: the people who may approve or reject it."""
        data: dict[str, object] = {
            "order_id": event.order_id,
            "account_id": event.account_id,
            "symbol": event.symbol,
            "side": event.side,
            "quantity": plain(event.quantity) if event.quantity is not None else "",
            "reasons": ", ".join(event.reasons),
            "expires_at": event.expires_at.isoformat() if event.expires_at else "",
        }
        async with self.uow_factory() as uow:
            account = await uow.accounts.get(event.account_id)
            desk = [u.id for u in await uow.users.list() if u.active and u.role in _DESK]
        if account is None:
            return
        source = event_source(event, data)
        for user_id in dict.fromkeys((account.owner_id, *desk)):
            await self.center.notify(user_id, "order.held", data, source_id=source)

    def subscriptions(self) -> list[type[DomainEvent]]:
        return [OrderDenied, OrderRejected, OrderHeld, OrderRejectedByReviewer, StrategyFailed]


def _at(event: DomainEvent) -> datetime | None:
    """When the event happened, where it says (an `at` time or ISO text): its alert latency's
    start (application/notifications/latency.py)."""
    value = getattr(event, "at", None)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return None


def event_source(event: DomainEvent, data: Mapping[str, object]) -> str:
    """The source of a notice telling one event: its identity (type and the fields told),
    so a replayed event maps to the same notification and adds nothing."""
    return source_key(event.name, *sorted((k, str(v)) for k, v in data.items()))


def plain(value: Decimal) -> str:
    """A decimal as plain text: no exponent, no negative zero, no trailing zeros."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    return text


def position_change(before: Decimal, after: Decimal) -> str:
    """How a fill moved a position: opened, increased, reduced, closed or reversed."""
    if before == 0:
        return "opened" if after != 0 else "unchanged"
    if after == 0:
        return "closed"
    if (before > 0) != (after > 0):
        return "reversed"
    return "increased" if abs(after) > abs(before) else "reduced"
