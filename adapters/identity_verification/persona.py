"""Persona (withpersona.com) as the identity-verification provider: its inquiries API and its
signed webhooks.

- `POST /api/v1/inquiries` with `inquiry-template-id` and `reference-id` (the Bulwark user id)
  opens an inquiry; `GET /api/v1/inquiries/{id}` reads it. Both authenticate with
  `Authorization: Bearer <API key>` and send `Persona-Version` and `Key-Inflection: kebab`.
- An inquiry's status maps to Bulwark's outcome: created, pending, completed and needs_review
  are pending (not decided: `completed` waits for the decision); approved is approved;
  declined and failed are declined; expired is expired.
- A webhook carries `Persona-Signature: t=<unix seconds>,v1=<hex>` (several `v1` while a
  secret rotates, space separated), the HMAC-SHA256 of `<t>.<raw body>` under the webhook
  secret. A missing or wrong signature is refused, and so is one whose `t` is more than
  `tolerance` from now (a replay of an old delivery). The event's `created-at` is the result's
  time, so a redelivered event is no news (application/identity/kyc_status.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from domain.kyc.status import ProviderOutcome, ProviderResult
from ports.identity.verification import (
    VerificationEvent,
    VerificationStarted,
    VerificationUnavailable,
    WebhookRefused,
)

NAME = "persona"
API_VERSION = "2023-01-05"
SIGNATURE = "persona-signature"
OUTCOMES = {
    "created": ProviderOutcome.PENDING,
    "pending": ProviderOutcome.PENDING,
    "completed": ProviderOutcome.PENDING,
    "needs_review": ProviderOutcome.PENDING,
    "approved": ProviderOutcome.APPROVED,
    "declined": ProviderOutcome.DECLINED,
    "failed": ProviderOutcome.DECLINED,
    "expired": ProviderOutcome.EXPIRED,
}
_TIMES = ("updated-at", "decisioned-at", "completed-at", "failed-at", "expired-at", "created-at")


class PersonaProvider:
    """An IdentityVerificationProvider over Persona's inquiries API (see the module docstring)."""

    name = NAME

    def __init__(
        self,
        base_url: str,
        api_key: str,
        template_id: str,
        webhook_secret: str | None,
        *,
        timeout: float = 10.0,
        tolerance: timedelta = timedelta(minutes=5),
    ) -> None:
        self._base = base_url.rstrip("/")
        self._key = api_key
        self._template = template_id
        self._secret = webhook_secret
        self._timeout = timeout
        self._tolerance = tolerance

    async def start(self, user_id: str) -> VerificationStarted:
        attributes = {"inquiry-template-id": self._template, "reference-id": user_id}
        body = await self._call("POST", "/api/v1/inquiries", {"data": {"attributes": attributes}})
        return _started(body.get("data"))

    async def fetch(self, reference: str) -> VerificationStarted:
        return _started((await self._call("GET", f"/api/v1/inquiries/{reference}")).get("data"))

    def authenticate(
        self, body: bytes, headers: Mapping[str, str], now: datetime
    ) -> VerificationEvent:
        self._check_signature(body, headers, now)
        try:
            event = json.loads(body)["data"]
            attributes = event["attributes"]
            inquiry = attributes.get("payload", {}).get("data") or {}
            if not isinstance(inquiry, dict) or inquiry.get("type") != "inquiry":
                return VerificationEvent(str(event.get("id", "")), None, None)
            started = _started(inquiry, at=_time(attributes.get("created-at")))
        except (ValueError, KeyError, TypeError, AttributeError, VerificationUnavailable):
            raise WebhookRefused("the body is not a Persona inquiry event") from None
        return VerificationEvent(str(event.get("id", "")), started.user_id, started.result)

    def _check_signature(self, body: bytes, headers: Mapping[str, str], now: datetime) -> None:
        if not self._secret:
            raise WebhookRefused("no webhook secret is configured")
        header = next((v for k, v in headers.items() if k.lower() == SIGNATURE), None)
        if not header:
            raise WebhookRefused("no Persona-Signature header")
        parts = [p.split("=", 1) for p in header.replace(" ", ",").split(",") if "=" in p]
        stamps = [v for k, v in parts if k.strip() == "t"]
        sent = [v.strip() for k, v in parts if k.strip() == "v1"]
        if len(stamps) != 1 or not stamps[0].strip().isdigit() or not sent:
            raise WebhookRefused("a malformed Persona-Signature header")
        stamp = stamps[0].strip()
        signed_at = datetime.fromtimestamp(int(stamp), UTC)
        expected = hmac.new(
            self._secret.encode(), stamp.encode() + b"." + body, hashlib.sha256
        ).hexdigest()
        if not any(hmac.compare_digest(expected, s) for s in sent):
            raise WebhookRefused("the signature does not match")
        if abs(now - signed_at) > self._tolerance:
            raise WebhookRefused("signed too long ago (a replay?)")

    async def _call(self, method: str, path: str, body: Any = None) -> dict[str, Any]:
        headers = {
            "Authorization": f"Bearer {self._key}",
            "Persona-Version": API_VERSION,
            "Key-Inflection": "kebab",
            "Accept": "application/json",
        }
        try:
            async with httpx.AsyncClient(base_url=self._base, timeout=self._timeout) as client:
                answer = await client.request(method, path, json=body, headers=headers)
        except httpx.HTTPError as error:
            raise VerificationUnavailable(f"{type(error).__name__} calling Persona") from None
        if answer.status_code >= 400:
            raise VerificationUnavailable(f"Persona answered {answer.status_code} to {path}")
        try:
            found = answer.json()
        except ValueError:
            raise VerificationUnavailable("Persona answered something not JSON") from None
        if not isinstance(found, dict):
            raise VerificationUnavailable("Persona answered an unexpected shape")
        return found


def _started(inquiry: Any, at: datetime | None = None) -> VerificationStarted:
    """The user (reference-id) and result of a Persona inquiry resource."""
    try:
        reference = str(inquiry["id"])
        attributes = inquiry["attributes"]
        status = str(attributes["status"])
        user_id = str(attributes["reference-id"])
    except (KeyError, TypeError):
        raise VerificationUnavailable(
            "Persona's inquiry lacks an id, status or reference"
        ) from None
    outcome = OUTCOMES.get(status)
    if outcome is None:
        raise VerificationUnavailable(f"Persona's inquiry status {status!r} is unknown")
    when = at or max((t for t in (_time(attributes.get(k)) for k in _TIMES) if t), default=None)
    if when is None:
        raise VerificationUnavailable("Persona's inquiry carries no time")
    declined = outcome is ProviderOutcome.DECLINED
    reason = f"Persona inquiry {reference} {status}" if declined else None
    return VerificationStarted(user_id, ProviderResult(NAME, reference, outcome, when, reason))


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        found = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return found if found.tzinfo is not None else found.replace(tzinfo=UTC)
