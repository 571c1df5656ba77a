"""SMS and Web Push endpoints: personal data sealed and masked, owner-scoped, opened only for
the sender; and SMS deliveries under the same preferences and quiet hours as email."""

from __future__ import annotations

import base64
import os
from datetime import time

import pytest

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import SequentialIds
from application.notifications.channels import SmsChannel, sms_text
from application.notifications.endpoints import CreateEndpoint, NotificationEndpoints
from application.notifications.personal_endpoints import InvalidPersonalEndpoint
from domain.errors import NotFound
from domain.notifications.preferences import Preferences
from domain.notifications.quiet_hours import QuietHours
from domain.principals import Principal, Role
from ports.notifications.notification_store import Page
from ports.notifications.notifications import Channel, OutgoingMessage, Priority
from tests.unit.notifications.test_endpoint_service import AllowAll, RefuseAll
from tests.unit.notifications.world import T0, World

PHONE = "+14155550123"
ALICE = Principal("u1", Role.OWNER)


class Texts:
    """An SmsSender that keeps what it sent."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def send_text(self, to: str, text: str) -> str:
        self.sent.append((to, text))
        return f"SM{len(self.sent)}"


def keys() -> dict[str, str]:
    point = b"\x04" + os.urandom(64)
    enc = base64.urlsafe_b64encode
    return {"p256dh": enc(point).decode().rstrip("="), "auth": enc(os.urandom(16)).decode()}


def endpoints(world: World, policy: object = None) -> NotificationEndpoints:
    return NotificationEndpoints(
        world.directory._endpoints, world.sealer, policy or AllowAll(),  # type: ignore[arg-type]
        {}, world.clock, SequentialIds(), InMemoryAuditLog(), ephemeral_key=False,
    )  # fmt: skip


async def test_a_phone_number_is_sealed_masked_and_opened_only_for_its_owner() -> None:
    # Arrange
    world = World()
    service = endpoints(world)

    # Act
    view = await service.create(ALICE, CreateEndpoint(Channel.SMS, "mobile", phone_number=PHONE))
    [stored] = await world.directory._endpoints.list_for("u1")
    [destination] = await world.directory.destinations("u1", Channel.SMS)

    # Assert
    assert view.address == "+…23" and PHONE not in repr(view)
    assert PHONE not in stored.sealed and stored.address == "+…23"
    assert destination.address == PHONE and PHONE not in repr(destination)
    assert await world.directory.destinations("u2", Channel.SMS) == []
    with pytest.raises(NotFound):
        await service.get(Principal("u2", Role.OWNER), view.id)


@pytest.mark.parametrize("number", ["4155550123", "+0123456789", "+1 415", "", "+1415555012345678"])
async def test_a_number_not_in_e164_form_is_refused(number: str) -> None:
    with pytest.raises(InvalidPersonalEndpoint):
        await endpoints(World()).create(
            ALICE, CreateEndpoint(Channel.SMS, "mobile", phone_number=number)
        )


async def test_a_push_subscription_is_sealed_whole_and_its_url_guarded() -> None:
    # Arrange
    world = World()
    subscription = {"endpoint": "https://push.example.com/s/secret-token", "keys": keys()}

    # Act
    view = await endpoints(world).create(
        ALICE, CreateEndpoint(Channel.WEB_PUSH, "laptop", subscription=subscription)
    )
    [stored] = await world.directory._endpoints.list_for("u1")
    [destination] = await world.directory.destinations("u1", Channel.WEB_PUSH)

    # Assert
    assert view.address == "https://push.example.com/…"
    assert "secret-token" not in stored.sealed and "secret-token" not in stored.address
    assert destination.address == subscription["endpoint"]
    assert destination.secret is not None and "p256dh" in destination.secret
    with pytest.raises(InvalidPersonalEndpoint) as refused:
        await endpoints(world, RefuseAll()).create(
            ALICE, CreateEndpoint(Channel.WEB_PUSH, "x", subscription=subscription)
        )
    assert refused.value.code == "URL_PRIVATE_ADDRESS"
    bad = {"endpoint": "https://push.example.com/s", "keys": {"p256dh": "abc", "auth": "x"}}
    with pytest.raises(InvalidPersonalEndpoint):
        await endpoints(world).create(
            ALICE, CreateEndpoint(Channel.WEB_PUSH, "x", subscription=bad)
        )


async def test_sms_follows_preferences_and_quiet_hours_like_email() -> None:
    # Arrange
    world = World()
    await world.user("u1", "u1@example.org")
    await endpoints(world).create(ALICE, CreateEndpoint(Channel.SMS, "mobile", phone_number=PHONE))
    tokyo_night = QuietHours(time(22), time(7), "Asia/Tokyo")  # T0 is 23:00 in Tokyo
    await world.store.put_preferences(
        Preferences("u1", {"strategy.error": frozenset({"in_app", "sms"})}, tokyo_night)
    )

    # Act
    held = await world.center.notify("u1", "strategy.error", {"strategy_id": "s1", "error": "boom"})
    loud = await world.center.notify("u1", "margin.call", {"title": "Margin call", "body": "b"})

    # Assert
    [sms_held] = [d for d in held.deliveries if d.channel == "sms"]
    assert sms_held.next_attempt_at > T0  # after the quiet hours
    sms_loud = [d for d in loud.deliveries if d.channel == "sms"]
    assert [d.next_attempt_at for d in sms_loud] == [T0]  # CRITICAL goes through the night
    assert len(await world.store.in_app(Page("u1"))) == 2


async def test_the_sms_channel_sends_a_short_text_to_the_opened_number() -> None:
    # Arrange
    texts = Texts()
    channel = SmsChannel(texts)
    message = OutgoingMessage(
        "d1", "u1", "price.alert", Priority.HIGH, "AAPL above 190.5", "x" * 1000, T0
    )
    world = World()
    await endpoints(world).create(ALICE, CreateEndpoint(Channel.SMS, "m", phone_number=PHONE))
    [destination] = await world.directory.destinations("u1", Channel.SMS)

    # Act
    await channel.send(message, destination)

    # Assert
    [(to, text)] = texts.sent
    assert to == PHONE
    assert text.startswith("AAPL above 190.5: x") and len(text) == 320 and text.endswith("…")
    assert sms_text(message) == text
