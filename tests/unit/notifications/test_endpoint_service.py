"""The endpoint use cases and the directory, over the in-memory store and a real sealer."""

from __future__ import annotations

import os

import pytest

from adapters.memory.bus import InMemoryAuditLog
from adapters.memory.clock import FakeClock, SequentialIds
from adapters.memory.notification_endpoints import InMemoryNotificationEndpointStore
from adapters.security.envelope import AesGcmEnvelope
from adapters.security.key_providers import StaticKeyProvider
from adapters.security.secret_box import SecretBox
from application.notifications.directory import ChannelDestinations
from application.notifications.endpoints import (
    CreateEndpoint,
    EndpointKeyEphemeral,
    NotificationEndpoints,
    TooManyEndpoints,
)
from domain.errors import CapabilityNotConfigured, NotFound
from domain.principals import Principal, Role
from ports.core.encryption import KeyRef
from ports.notifications.notification_endpoints import UrlRefused
from ports.notifications.notifications import Channel, DeliveryFailed, Destination, OutgoingMessage

ALICE = Principal("u-alice", Role.OWNER)
HOOK = CreateEndpoint(Channel.WEBHOOK, "ops", url="https://hooks.example.com/x")


class AllowAll:
    async def check(self, url: str) -> list[str]:
        return []


class RefuseAll:
    async def check(self, url: str) -> list[str]:
        raise UrlRefused("URL_PRIVATE_ADDRESS", "no")


class Recorder:
    channel = Channel.WEBHOOK

    def __init__(self, failure: DeliveryFailed | None = None) -> None:
        self.sent: list[tuple[OutgoingMessage, Destination]] = []
        self.failure = failure

    async def send(self, message: OutgoingMessage, destination: Destination) -> None:
        self.sent.append((message, destination))
        if self.failure is not None:
            raise self.failure


def sealer() -> SecretBox:
    ref = KeyRef("k", 1)
    return SecretBox(AesGcmEnvelope(StaticKeyProvider({ref: os.urandom(32)}, ref)), None)


def service(
    *, ephemeral: bool = False, policy: object = None, sender: Recorder | None = None, **kw: int
) -> tuple[NotificationEndpoints, InMemoryNotificationEndpointStore, InMemoryAuditLog]:
    store, audit = InMemoryNotificationEndpointStore(), InMemoryAuditLog()
    senders = {} if sender is None else {Channel.WEBHOOK: sender}
    endpoints = NotificationEndpoints(
        store, sealer(), policy or AllowAll(), senders, FakeClock(), SequentialIds(), audit,  # type: ignore[arg-type]
        ephemeral_key=ephemeral, **kw,
    )  # fmt: skip
    return endpoints, store, audit


async def test_a_durable_store_with_an_ephemeral_key_refuses_to_keep_secrets() -> None:
    # Arrange
    endpoints, store, _ = service(ephemeral=True)

    # Act
    with pytest.raises(EndpointKeyEphemeral):
        await endpoints.create(ALICE, HOOK)

    # Assert
    assert await store.list_for(ALICE.id) == []


async def test_the_per_user_cap_holds() -> None:
    # Arrange
    endpoints, _, _ = service(max_per_user=2)
    await endpoints.create(ALICE, HOOK)
    await endpoints.create(ALICE, HOOK)

    # Act / Assert
    with pytest.raises(TooManyEndpoints):
        await endpoints.create(ALICE, HOOK)
    await endpoints.create(Principal("u-bob", Role.OWNER), HOOK)  # another user's count


async def test_a_refused_url_names_the_field_and_its_code() -> None:
    # Arrange
    endpoints, store, _ = service(policy=RefuseAll())

    # Act
    with pytest.raises(Exception) as refused:  # noqa: PT011 (the domain error's code is checked)
        await endpoints.create(ALICE, HOOK)

    # Assert
    assert getattr(refused.value, "code", None) == "URL_PRIVATE_ADDRESS"
    assert getattr(refused.value, "field", None) == "url"
    assert await store.list_for(ALICE.id) == []


async def test_the_secret_is_sealed_at_rest_and_bound_to_its_endpoint() -> None:
    # Arrange
    endpoints, store, _ = service()

    # Act
    view = await endpoints.create(ALICE, HOOK)

    # Assert
    [stored] = await store.list_for(ALICE.id)
    assert view.secret is not None and view.secret not in stored.sealed
    assert stored.sealed.startswith("bwk1.")
    assert view.secret not in repr(stored) and view.secret not in repr(view)


async def test_a_test_send_reports_the_senders_failure_and_is_audited() -> None:
    # Arrange
    sender = Recorder(DeliveryFailed("answered 429", retryable=True, retry_after=3.0))
    endpoints, _, audit = service(sender=sender)
    view = await endpoints.create(ALICE, HOOK)

    # Act
    outcome = await endpoints.test(ALICE, view.id)

    # Assert
    assert (outcome.delivered, outcome.reason, outcome.retryable) == (False, "answered 429", True)
    [(message, destination)] = sender.sent
    assert message.event_type == "notification.test" and destination.secret == view.secret
    assert (await audit.entries(view.id))[0].outcome == "failed"


async def test_a_channel_without_a_sender_is_reported_not_raised() -> None:
    # Arrange
    endpoints, _, _ = service()
    view = await endpoints.create(ALICE, HOOK)

    # Act
    outcome = await endpoints.test(ALICE, view.id)

    # Assert
    assert not outcome.delivered and outcome.retryable is False


async def test_the_directory_skips_an_endpoint_whose_secret_no_longer_opens() -> None:
    # Arrange
    endpoints, store, _ = service()
    good = await endpoints.create(ALICE, HOOK)
    bad = await endpoints.create(ALICE, HOOK)
    [_, stored_bad] = await store.list_for(ALICE.id)
    stored_bad.sealed = (await store.get(good.id, ALICE.id)).sealed  # type: ignore[union-attr]
    await store.save(stored_bad)  # another record's ciphertext: its associated data differs
    directory = ChannelDestinations(lambda: None, store, endpoints._sealer)  # type: ignore[arg-type]

    # Act
    found = await directory.destinations(ALICE.id, Channel.WEBHOOK)

    # Assert
    assert [d.id for d in found] == [good.id]
    assert directory.unreadable == 1
    assert bad.id not in [d.id for d in found]


async def test_another_users_endpoint_is_not_found() -> None:
    # Arrange
    endpoints, _, _ = service()
    view = await endpoints.create(ALICE, HOOK)
    bob = Principal("u-bob", Role.OWNER)

    # Act / Assert
    for call in (endpoints.get, endpoints.remove, endpoints.rotate_secret, endpoints.test):
        with pytest.raises(NotFound):
            await call(bob, view.id)
    assert (await endpoints.get(ALICE, view.id)).id == view.id


async def test_a_channel_this_instance_cannot_send_on_is_refused_naming_its_settings() -> None:
    # Arrange: an endpoint kept from when the channel was configured, then the channel gone
    endpoints, store, _ = service()
    kept = await endpoints.create(ALICE, HOOK)
    off = CapabilityNotConfigured("webhook notifications", ["BULWARK_WEBHOOK_KEY"])
    unconfigured = NotificationEndpoints(
        store, sealer(), AllowAll(), {}, FakeClock(), SequentialIds(), InMemoryAuditLog(),
        ephemeral_key=False, channels_off={Channel.WEBHOOK: off},
    )  # fmt: skip

    # Act
    with pytest.raises(CapabilityNotConfigured) as created:
        await unconfigured.create(ALICE, HOOK)
    with pytest.raises(CapabilityNotConfigured) as tested:
        await unconfigured.test(ALICE, kept.id)

    # Assert: fresh errors (never the one kept), each naming the settings
    assert created.value.settings == tested.value.settings == ["BULWARK_WEBHOOK_KEY"]
    assert created.value is not off and tested.value is not off
    assert len(await store.list_for(ALICE.id)) == 1
