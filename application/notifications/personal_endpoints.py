"""SMS and Web Push endpoints: what a user registers, and what of it is sealed or shown.

A phone number and a push subscription are personal data. Both are sealed whole (the
SecretSealer, like a webhook's secret); `address` keeps only a masked form to show: the
number's last two digits, the push service's host. The directory opens the seal at send
time; nothing here or in the senders logs them.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from domain.errors import DomainError
from ports.notifications.notification_endpoints import UrlPolicy, UrlRefused

_E164 = re.compile(r"\+[1-9][0-9]{6,14}")
MAX_PUSH_ENDPOINT = 2048


class InvalidPersonalEndpoint(DomainError):
    code = "INVALID_ENDPOINT"


def masked_phone(number: str) -> str:
    return f"+…{number[-2:]}"


def sms_parts(phone_number: str | None) -> tuple[str, str]:
    """(address shown, sealed text) of an SMS endpoint; the number in E.164."""
    number = re.sub(r"[\s().-]", "", phone_number or "")
    if not _E164.fullmatch(number):
        raise InvalidPersonalEndpoint(
            "phone_number must be in E.164 form, like +14155550123", field="phone_number"
        )
    return masked_phone(number), number


def _key(value: object, size: int | None, name: str) -> str:
    text = value if isinstance(value, str) else ""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raw = b""
    if not raw or (size is not None and len(raw) != size) or (size == 65 and raw[0] != 4):
        raise InvalidPersonalEndpoint(f"subscription.keys.{name} is not valid", field=name)
    return text


async def web_push_parts(
    subscription: Mapping[str, object] | None, policy: UrlPolicy
) -> tuple[str, str, str]:
    """(address shown, the endpoint URL, sealed keys JSON) of a browser's PushSubscription
    (`{"endpoint": ..., "keys": {"p256dh": ..., "auth": ...}}`)."""
    if not subscription:
        raise InvalidPersonalEndpoint("subscription is required", field="subscription")
    endpoint = subscription.get("endpoint")
    keys = subscription.get("keys")
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > MAX_PUSH_ENDPOINT:
        raise InvalidPersonalEndpoint("subscription.endpoint is required", field="endpoint")
    if not isinstance(keys, Mapping):
        raise InvalidPersonalEndpoint("subscription.keys is required", field="keys")
    p256dh = _key(keys.get("p256dh"), 65, "p256dh")  # an uncompressed P-256 point
    auth = _key(keys.get("auth"), 16, "auth")
    try:
        await policy.check(endpoint)
    except UrlRefused as refused:
        error = InvalidPersonalEndpoint(refused.reason, field="endpoint")
        error.code = refused.code
        raise error from None
    shown = f"{urlsplit(endpoint).scheme}://{urlsplit(endpoint).hostname}/…"
    sealed = json.dumps({"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}})
    return shown, endpoint, sealed


def open_web_push(sealed_text: str) -> tuple[str, str]:
    """(endpoint URL, keys JSON) from an opened seal."""
    document = json.loads(sealed_text)
    return str(document["endpoint"]), json.dumps(document["keys"])
