"""Live event fan-out to WebSocket clients: per-user visibility, filters, bounded queues."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import msgspec

from application.core.access import SEES_ALL
from domain.agents.heartbeat import AgentDied, AgentRevived
from domain.events import DomainEvent
from domain.killswitch.switch import EmergencyHalt, TradingStateChanged
from domain.margin.status import MarginCallDetected
from domain.market_data.signals import SignalEmitted
from domain.notifications.events import NotificationPushed
from domain.principals import Principal
from domain.trading.orders import OrderDenied

CATEGORIES = (
    "kill_switch",
    "risk_breach",
    "order",
    "heartbeat",
    "margin",
    "succession",
    "signal",
    "notification",
    "other",
)


def category_of(event: DomainEvent) -> str:
    """The stream category a client subscribes to (an event may be named directly too)."""
    name = event.name
    if isinstance(event, EmergencyHalt | TradingStateChanged) or name.startswith("KillSwitch"):
        return "kill_switch"
    if isinstance(event, OrderDenied) or "Breach" in name:
        return "risk_breach"
    if name.startswith("Order"):
        return "order"
    if (
        isinstance(event, AgentDied | AgentRevived)
        or "Heartbeat" in name
        or name.startswith("Agent")
    ):
        return "heartbeat"
    if isinstance(event, MarginCallDetected) or name.startswith("Margin"):
        return "margin"
    if name.startswith("Succession"):
        return "succession"
    if isinstance(event, SignalEmitted):
        return "signal"
    if isinstance(event, NotificationPushed):
        return "notification"
    return "other"


@dataclass(frozen=True)
class Audience:
    """Whose events a connection may see: its principal, accounts and agents."""

    principal: Principal
    account_ids: frozenset[str] = frozenset()
    agent_ids: frozenset[str] = frozenset()

    @property
    def sees_everything(self) -> bool:
        return self.principal.role in SEES_ALL

    def may_see(self, event: DomainEvent) -> bool:
        if isinstance(event, NotificationPushed):  # one user's own, whoever else looks on
            return event.user_id == self.principal.id
        if self.sees_everything or isinstance(event, SignalEmitted):
            return True  # signals are about the market, not about anyone's accounts
        account_id = getattr(event, "account_id", None)
        if account_id is not None:
            return str(account_id) in self.account_ids
        scope_key = getattr(event, "scope_key", None)
        if scope_key is not None:
            kind, _, ident = str(scope_key).partition(":")
            if kind == "global":
                return True
            if kind == "account":
                return ident in self.account_ids
            if kind == "agent":
                return ident in self.agent_ids
            return False
        agent_id = getattr(event, "agent_id", None)
        if agent_id is not None and str(agent_id) in self.agent_ids:
            return True
        owner_id = getattr(event, "owner_id", None)
        return owner_id is not None and str(owner_id) == self.principal.id


@dataclass(eq=False)
class Subscription:
    """One connected client: who it is, what it asked for, and its bounded outgoing queue."""

    audience: Audience
    queue: asyncio.Queue[bytes]
    types: frozenset[str] = frozenset()  # categories or event names; empty = all
    accounts: frozenset[str] = frozenset()  # narrows to these accounts; empty = all it may see
    overflowed: asyncio.Event = field(default_factory=asyncio.Event)

    def wants(self, event: DomainEvent, category: str) -> bool:
        if self.types and category not in self.types and event.name not in self.types:
            return False
        if self.accounts:
            account_id = getattr(event, "account_id", None)
            scope_key = str(getattr(event, "scope_key", ""))
            if account_id is not None:
                if str(account_id) not in self.accounts:
                    return False
            elif scope_key.startswith("account:") and scope_key[8:] not in self.accounts:
                return False
        return self.audience.may_see(event)

    def refilter(self, types: Iterable[str], accounts: Iterable[str]) -> None:
        self.types = frozenset(types)
        self.accounts = frozenset(accounts)


class EventEnvelope(msgspec.Struct):
    """The WebSocket frame of one domain event."""

    event: str
    category: str
    aggregate_id: str
    data: Any
    type: str = "event"


class EventHub:
    """Takes domain events from the bus and hands each to every interested subscriber.

    Publishing never waits for a client: a full queue marks that client overflowed and
    its connection is closed, so one slow reader cannot slow the others or the core.
    """

    def __init__(self, queue_size: int = 1000) -> None:
        self.queue_size = queue_size
        self._subscriptions: set[Subscription] = set()
        self._encoder = msgspec.json.Encoder()
        self.delivered = 0
        self.dropped_clients = 0

    def subscribe(
        self,
        audience: Audience,
        types: Iterable[str] = (),
        accounts: Iterable[str] = (),
    ) -> Subscription:
        sub = Subscription(
            audience, asyncio.Queue(self.queue_size), frozenset(types), frozenset(accounts)
        )
        self._subscriptions.add(sub)
        return sub

    def unsubscribe(self, sub: Subscription) -> None:
        self._subscriptions.discard(sub)

    @property
    def connections(self) -> int:
        return len(self._subscriptions)

    async def publish(self, event: DomainEvent) -> None:
        if not self._subscriptions:
            return
        category = category_of(event)
        frame: bytes | None = None
        for sub in tuple(self._subscriptions):
            if sub.overflowed.is_set() or not sub.wants(event, category):
                continue
            if frame is None:
                frame = self._encoder.encode(
                    EventEnvelope(event.name, category, event.aggregate_id, event)
                )
            try:
                sub.queue.put_nowait(frame)
                self.delivered += 1
            except asyncio.QueueFull:
                sub.overflowed.set()
                self.dropped_clients += 1
