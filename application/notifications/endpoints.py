"""Users register where their notifications go: webhooks, Slack, Telegram, SMS and Web Push
endpoints (the last two: application/notifications/personal_endpoints.py).

Each endpoint belongs to one user: another user's id reads as NotFound. What is secret is
sealed at rest with the SecretSealer (record type `notification_endpoint`, id = the endpoint
id) and never comes back whole: a webhook's signing secret is made here and shown once (in
the create answer and after a rotation), a Slack URL and a Telegram bot token come from the
user and are masked in every answer. URLs pass the UrlPolicy (the SSRF guard) before they are
stored; the senders check them again at send time. Create, delete, rotate (and a test send)
are audited without any secret.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from application.core.access import ensure_may_change
from application.notifications.personal_endpoints import (
    open_web_push,
    sms_parts,
    web_push_parts,
)
from domain.errors import CapabilityNotConfigured, Conflict, DomainError, NotFound
from domain.principals import Principal
from ports.core.clock import Clock, IdGenerator
from ports.core.encryption import SecretSealer
from ports.core.events import AuditEntry, AuditLog
from ports.notifications.notification_endpoints import (
    ENDPOINT_CHANNELS,
    RECORD_TYPE,
    NotificationEndpoint,
    NotificationEndpointStore,
    UrlPolicy,
    UrlRefused,
)
from ports.notifications.notifications import (
    Channel,
    ChannelSender,
    DeliveryFailed,
    Destination,
    OutgoingMessage,
    Priority,
)

MAX_ENDPOINTS_PER_USER = 20
MAX_LABEL_LENGTH = 100
SECRET_PREFIX = "whsec_"
TEST_EVENT = "notification.test"
_CHAT_ID = re.compile(r"-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31}")
_BOT_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{20,100}")


class InvalidEndpoint(DomainError):
    """A field of an endpoint is missing, malformed or not for its channel."""

    code = "INVALID_ENDPOINT"


class EndpointUrlRefused(DomainError):
    """The URL is one Bulwark may not call; the code says why (URL_NOT_HTTPS, ...)."""

    def __init__(self, refused: UrlRefused, field: str) -> None:
        super().__init__(refused.reason, field=field)
        self.code = refused.code


class TooManyEndpoints(Conflict):
    code = "TOO_MANY_ENDPOINTS"


class NoSigningSecret(Conflict):
    """Only webhooks have a server-made secret; Slack and Telegram secrets are the user's."""

    code = "NO_SIGNING_SECRET"


class EndpointKeyEphemeral(Conflict):
    """The encryption key dies with the process while the store does not: refuse to store."""

    code = "ENDPOINT_KEY_EPHEMERAL"


@dataclass(frozen=True, slots=True)
class CreateEndpoint:
    """What a user registers; `url` for webhook and Slack, `chat_id` + `bot_token` for
    Telegram. The Slack URL and the bot token are secrets: never in a repr."""

    channel: Channel
    label: str
    url: str | None = field(default=None, repr=False)
    chat_id: str | None = None
    bot_token: str | None = field(default=None, repr=False)
    enabled: bool = True
    phone_number: str | None = field(default=None, repr=False)  # SMS, E.164
    subscription: Mapping[str, object] | None = field(default=None, repr=False)  # Web Push


@dataclass(frozen=True, slots=True)
class EndpointView:
    """An endpoint as its owner sees it: `address` shown, `secret_hint` masked; `secret` is
    set only in the answers that show a new webhook secret once."""

    id: str
    channel: Channel
    address: str
    label: str
    enabled: bool
    created_at: datetime
    secret_hint: str
    secret: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class TestOutcome:
    """What a test send did: delivered, or why not and whether a retry could help."""

    delivered: bool
    delivery_id: str
    reason: str | None = None
    retryable: bool | None = None


def mask(secret: str) -> str:
    """`…` and the last four characters (nothing of a short secret)."""
    return f"…{secret[-4:]}" if len(secret) >= 16 else "…"


def _slack_address(url: str) -> str:
    """What of a Slack URL may be shown: scheme, host and a masked path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname}/{mask(url)}"


class NotificationEndpoints:
    """Register, list, change, remove, rotate and test a user's endpoints."""

    def __init__(
        self,
        store: NotificationEndpointStore,
        sealer: SecretSealer,
        policy: UrlPolicy,
        senders: Mapping[Channel, ChannelSender],
        clock: Clock,
        ids: IdGenerator,
        audit: AuditLog,
        *,
        ephemeral_key: bool,
        max_per_user: int = MAX_ENDPOINTS_PER_USER,
        channels_off: Mapping[Channel, CapabilityNotConfigured] | None = None,
    ) -> None:
        """`channels_off`: the channels this instance cannot send on (SMS without Twilio's
        account, Web Push without VAPID keys), each with its refusal naming the settings that
        would add it: registering or testing an endpoint of one answers that."""
        self._store = store
        self._sealer = sealer
        self._policy = policy
        self._senders = senders
        self._clock = clock
        self._ids = ids
        self._audit = audit
        self._ephemeral = ephemeral_key
        self._max = max_per_user
        self._off = dict(channels_off or {})

    async def create(self, principal: Principal, command: CreateEndpoint) -> EndpointView:
        ensure_may_change(principal)
        self.ensure_channel_configured(command.channel)
        label = _label(command.label)
        address, secret, shown = await self._parts(command)
        self._refuse_ephemeral()
        if len(await self._store.list_for(principal.id)) >= self._max:
            raise TooManyEndpoints(f"at most {self._max} notification endpoints per user")
        endpoint_id = self._ids.new("nep-")
        endpoint = NotificationEndpoint(
            id=endpoint_id,
            owner_id=principal.id,
            channel=command.channel,
            address=address,
            label=label,
            enabled=command.enabled,
            created_at=self._clock.now(),
            sealed=self._sealer.seal(secret, RECORD_TYPE, endpoint_id),
        )
        await self._store.add(endpoint)
        await self._record(principal, "notification_endpoint.create", endpoint)
        return self._view(endpoint, secret, shown=shown)

    async def list_for(self, principal: Principal) -> list[EndpointView]:
        return [self._view(e, None) for e in await self._store.list_for(principal.id)]

    async def get(self, principal: Principal, endpoint_id: str) -> EndpointView:
        return self._view(await self._owned(principal, endpoint_id), None)

    async def update(
        self,
        principal: Principal,
        endpoint_id: str,
        *,
        label: str | None = None,
        enabled: bool | None = None,
    ) -> EndpointView:
        ensure_may_change(principal)
        endpoint = await self._owned(principal, endpoint_id)
        if label is not None:
            endpoint.label = _label(label)
        if enabled is not None:
            endpoint.enabled = enabled
        await self._save(endpoint)
        await self._record(principal, "notification_endpoint.update", endpoint)
        return self._view(endpoint, None)

    async def remove(self, principal: Principal, endpoint_id: str) -> None:
        ensure_may_change(principal)
        endpoint = await self._owned(principal, endpoint_id)
        if not await self._store.remove(endpoint_id, principal.id):
            raise NotFound("no such notification endpoint", field="endpoint_id")
        await self._record(principal, "notification_endpoint.delete", endpoint)

    async def rotate_secret(self, principal: Principal, endpoint_id: str) -> EndpointView:
        """A new signing secret at once (the old one stops verifying); shown this once."""
        ensure_may_change(principal)
        endpoint = await self._owned(principal, endpoint_id)
        if endpoint.channel is not Channel.WEBHOOK:
            raise NoSigningSecret(
                "only webhooks have a signing secret; register the endpoint again to change "
                "a Slack URL or a Telegram bot token"
            )
        self._refuse_ephemeral()
        secret = new_signing_secret()
        endpoint.sealed = self._sealer.seal(secret, RECORD_TYPE, endpoint.id)
        await self._save(endpoint)
        await self._record(principal, "notification_endpoint.rotate_secret", endpoint)
        return self._view(endpoint, secret, shown=True)

    async def test(self, principal: Principal, endpoint_id: str) -> TestOutcome:
        """Sends a test message now through the channel's sender; answers what happened."""
        ensure_may_change(principal)
        endpoint = await self._owned(principal, endpoint_id)
        self.ensure_channel_configured(endpoint.channel)
        delivery_id = self._ids.new("test-")
        sender = self._senders.get(endpoint.channel)
        if sender is None:
            outcome = TestOutcome(False, delivery_id, "no sender for this channel", False)
        else:
            message = OutgoingMessage(
                delivery_id=delivery_id,
                user_id=principal.id,
                event_type=TEST_EVENT,
                priority=Priority.NORMAL,
                title="Bulwark test notification",
                body=f"This endpoint ({endpoint.label}) receives Bulwark notifications.",
                occurred_at=self._clock.now(),
                data={"endpoint_id": endpoint.id},
            )
            destination = destination_of(endpoint, self._sealer)
            try:
                await sender.send(message, destination)
                outcome = TestOutcome(True, delivery_id)
            except DeliveryFailed as failed:
                outcome = TestOutcome(False, delivery_id, failed.reason, failed.retryable)
        await self._record(
            principal,
            "notification_endpoint.test",
            endpoint,
            outcome="ok" if outcome.delivered else "failed",
        )
        return outcome

    def ensure_channel_configured(self, channel: Channel) -> None:
        """CapabilityNotConfigured, naming the settings, for a channel this instance cannot
        send on (the console asks before it hands a browser the Web Push key)."""
        off = self._off.get(channel)
        if off is not None:
            raise off.again()

    # -- helpers ---------------------------------------------------------------------------

    async def _parts(self, command: CreateEndpoint) -> tuple[str, str, bool]:
        """(address shown, secret sealed, whether the secret is shown once)."""
        if command.channel not in ENDPOINT_CHANNELS:
            names = ", ".join(c.value for c in ENDPOINT_CHANNELS)
            raise InvalidEndpoint(f"channel must be one of: {names}", field="channel")
        if command.channel is Channel.SMS:
            shown_number, number = sms_parts(command.phone_number)
            return shown_number, number, False
        if command.channel is Channel.WEB_PUSH:
            shown_push, _, sealed = await web_push_parts(command.subscription, self._policy)
            return shown_push, sealed, False
        if command.channel is Channel.TELEGRAM:
            if command.url is not None:
                raise InvalidEndpoint("a Telegram endpoint takes no url", field="url")
            chat_id, token = command.chat_id or "", command.bot_token or ""
            if not _CHAT_ID.fullmatch(chat_id):
                raise InvalidEndpoint(
                    "chat_id must be a numeric chat id or an @channel name", field="chat_id"
                )
            if not _BOT_TOKEN.fullmatch(token):
                raise InvalidEndpoint(
                    "bot_token must look like 123456:ABC-DEF… (from @BotFather)",
                    field="bot_token",
                )
            return chat_id, token, False
        if command.chat_id is not None or command.bot_token is not None:
            raise InvalidEndpoint(
                f"a {command.channel.value} endpoint takes a url only", field="chat_id"
            )
        url = command.url or ""
        if not url:
            raise InvalidEndpoint("url is required", field="url")
        try:
            await self._policy.check(url)
        except UrlRefused as refused:
            raise EndpointUrlRefused(refused, "url") from None
        if command.channel is Channel.SLACK:
            return _slack_address(url), url, False
        return url, new_signing_secret(), True

    def _view(
        self, endpoint: NotificationEndpoint, secret: str | None, *, shown: bool = False
    ) -> EndpointView:
        return EndpointView(
            id=endpoint.id,
            channel=endpoint.channel,
            address=endpoint.address,
            label=endpoint.label,
            enabled=endpoint.enabled,
            created_at=endpoint.created_at,
            secret_hint=_hint(endpoint, secret, self._sealer),
            secret=secret if shown else None,
        )

    async def _owned(self, principal: Principal, endpoint_id: str) -> NotificationEndpoint:
        endpoint = await self._store.get(endpoint_id, principal.id)
        if endpoint is None:
            raise NotFound("no such notification endpoint", field="endpoint_id")
        return endpoint

    async def _save(self, endpoint: NotificationEndpoint) -> None:
        try:
            await self._store.save(endpoint)
        except KeyError:
            raise NotFound("no such notification endpoint", field="endpoint_id") from None

    def _refuse_ephemeral(self) -> None:
        if self._ephemeral:
            raise EndpointKeyEphemeral(
                "no key-encryption key is configured (BULWARK_KEKS or BULWARK_KEKS_FILE): "
                "a stored secret would be unreadable after a restart"
            )

    async def _record(
        self,
        principal: Principal,
        action: str,
        endpoint: NotificationEndpoint,
        outcome: str = "ok",
    ) -> None:
        await self._audit.record(
            AuditEntry(
                actor=principal.id,
                action=action,
                target=endpoint.id,
                outcome=outcome,
                at=self._clock.now(),
                details={"channel": endpoint.channel.value, "enabled": endpoint.enabled},
            )
        )


def new_signing_secret() -> str:
    """A webhook signing secret: 256 random bits, URL-safe."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def _label(label: str) -> str:
    cleaned = label.strip()
    if not cleaned or len(cleaned) > MAX_LABEL_LENGTH or not cleaned.isprintable():
        raise InvalidEndpoint(
            f"label must be 1 to {MAX_LABEL_LENGTH} printable characters", field="label"
        )
    return cleaned


def _hint(endpoint: NotificationEndpoint, secret: str | None, sealer: SecretSealer) -> str:
    """The masked secret: `whsec_…` for webhooks, the bot id for Telegram, `…` for Slack."""
    if endpoint.channel is Channel.WEBHOOK:
        return f"{SECRET_PREFIX}…"
    if endpoint.channel is Channel.TELEGRAM:
        token = secret if secret is not None else _open_or_none(endpoint, sealer)
        return f"{token.partition(':')[0]}:…" if token else "…"
    return "…"


def _open_or_none(endpoint: NotificationEndpoint, sealer: SecretSealer) -> str | None:
    try:
        return sealer.open(endpoint.sealed, RECORD_TYPE, endpoint.id)
    except ValueError:  # DecryptionRefused: a key retired or a tampered row
        return None


def destination_of(endpoint: NotificationEndpoint, sealer: SecretSealer) -> Destination:
    """Where a sender delivers for `endpoint`, its secret opened (raises DecryptionRefused)."""
    secret = sealer.open(endpoint.sealed, RECORD_TYPE, endpoint.id)
    if endpoint.channel in (Channel.SLACK, Channel.SMS):  # the URL, the phone number
        return Destination(endpoint.channel, secret, endpoint.id, endpoint.label)
    if endpoint.channel is Channel.WEB_PUSH:
        url, keys = open_web_push(secret)
        return Destination(endpoint.channel, url, endpoint.id, endpoint.label, keys)
    return Destination(endpoint.channel, endpoint.address, endpoint.id, endpoint.label, secret)
