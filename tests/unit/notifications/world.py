"""A notification center over in-memory stores, a fake clock, recording senders."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock
from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore
from adapters.memory.notifications import InMemoryNotificationStore
from adapters.memory.store import InMemoryStore, unit_of_work_factory
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import KeyRef, StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.notifications.api import NotificationService
from application.notifications.center import CenterConfig, NotificationCenter
from application.notifications.directory import ChannelDestinations
from application.notifications.dispatch import Dispatcher, RetryPolicy
from application.notifications.fill_notices import FillNotices
from application.notifications.sources import CenterNotifier, EventNotifications
from domain.identity.users import User
from domain.principals import Principal, Role
from domain.trading.accounts import Account
from ports.notifications.notifications import Channel, Destination, OutgoingMessage

T0 = datetime(2026, 1, 6, 14, 0, tzinfo=UTC)  # 14:00 in London, 09:00 in New York


@dataclass
class Recorder:
    """A ChannelSender that keeps what it sent, or raises `fail` (a DeliveryFailed)."""

    channel: Channel
    fail: Exception | None = None
    sent: list[tuple[OutgoingMessage, Destination]] = field(default_factory=list)
    tries: int = 0

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        self.tries += 1
        if self.fail is not None:
            raise self.fail
        self.sent.append((message, destination))


class World:
    def __init__(self, *, rate_per_hour: int = 30, burst: int = 10, max_attempts: int = 4) -> None:
        self.clock = FakeClock(T0)
        self.state = InMemoryStore()
        self.uow = unit_of_work_factory(self.state)
        self.store = InMemoryNotificationStore()
        ref = KeyRef("test", 1)
        self.sealer = SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(32)}, ref)))
        endpoints = InMemoryNotificationEndpointStore()
        self.directory = ChannelDestinations(self.uow, endpoints, self.sealer)
        self.center = NotificationCenter(
            self.store, self.directory, self.clock, self.sealer, CenterConfig(rate_per_hour, burst),
            role_of=self._role_of,
        )  # fmt: skip
        self.email = Recorder(Channel.EMAIL)
        self.websocket = Recorder(Channel.WEBSOCKET)
        self.policy = RetryPolicy(base_seconds=2, cap_seconds=60, max_attempts=max_attempts)
        self.draws: list[float] = []
        self.dispatcher = Dispatcher(
            self.store, self.center, [self.email, self.websocket], self.directory, self.clock,
            self.policy, draw=self._draw,
        )  # fmt: skip
        self.audit = InMemoryAuditLog()
        self.service = NotificationService(self.store, self.center, self.clock, self.audit)
        self.notifier = CenterNotifier(self.center, self.uow)
        self.events = EventNotifications(self.center, self.uow)
        self.fills = FillNotices(self.center, self.uow)

    async def _role_of(self, user_id: str) -> str | None:
        async with self.uow() as uow:
            user = await uow.users.get(user_id)
        return user.role.value if user is not None else None

    def _draw(self) -> float:
        self.draws.append(1.0)
        return 1.0  # the top of the jitter range: backoff figures are exact in tests

    async def user(
        self, user_id: str, email: str | None = None, role: Role = Role.OWNER
    ) -> Principal:
        async with self.uow() as uow:
            await uow.users.add(User(user_id, user_id, "hash", role, T0, email=email))
            await uow.commit()
        return Principal(user_id, role)

    async def account(self, account_id: str, owner_id: str) -> None:
        async with self.uow() as uow:
            await uow.accounts.add(Account(account_id, owner_id, Decimal(1000)))
            await uow.commit()
