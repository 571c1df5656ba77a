"""Plaid's webhook signatures, checked as Plaid documents them
(https://plaid.com/docs/api/webhooks/webhook-verification/):

1. The `Plaid-Verification` header is a JWT; its header must name alg ES256 (anything else,
   "none" included, is refused before any key is fetched) and a `kid`.
2. The key is /webhook_verification_key/get's JWK for that `kid` (cached by kid; a key with
   `expired_at` set is refused).
3. The signature is checked with that key, and the `iat` claim must be at most
   `max_age_seconds` old (5 minutes, Plaid's advice) and not in the future beyond the leeway.
4. The SHA-256 of the raw body must equal the `request_body_sha256` claim (compared in
   constant time).

Any failure is InvalidWebhook; the body is then read for its type, code and item id.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Awaitable, Callable
from typing import Any

import jwt
from jwt.algorithms import ECAlgorithm

from domain.aggregation.model import InvalidWebhook
from domain.errors import CapabilityNotConfigured, DomainError
from ports.aggregation.aggregation import WebhookEvent
from ports.core.clock import Clock

KeyFetcher = Callable[[str], Awaitable[dict[str, Any]]]
MAX_CACHED_KEYS = 64


class PlaidWebhookVerifier:
    """WebhookVerifier for Plaid's `Plaid-Verification` JWTs (module doc)."""

    def __init__(
        self,
        fetch_key: KeyFetcher,
        clock: Clock,
        *,
        max_age_seconds: float = 300.0,
        leeway_seconds: float = 30.0,
    ) -> None:
        self._fetch_key = fetch_key
        self._clock = clock
        self._max_age = max_age_seconds
        self._leeway = leeway_seconds
        self._keys: dict[str, Any] = {}

    async def verify(self, body: bytes, signature: str | None) -> WebhookEvent:
        if not signature:
            raise InvalidWebhook("missing Plaid-Verification header")
        try:
            header = jwt.get_unverified_header(signature)
        except jwt.PyJWTError:
            raise InvalidWebhook("Plaid-Verification is not a JWT") from None
        if header.get("alg") != "ES256":
            raise InvalidWebhook("Plaid-Verification must be signed with ES256")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise InvalidWebhook("Plaid-Verification names no key id")
        key = await self._key(kid)
        try:
            claims = jwt.decode(
                signature, key=key, algorithms=["ES256"],
                options={"require": ["iat"], "verify_exp": False, "verify_iat": False},
            )  # fmt: skip
        except jwt.PyJWTError:
            raise InvalidWebhook("the webhook's signature does not check out") from None
        self._check_age(claims.get("iat"))
        claimed = claims.get("request_body_sha256")
        digest = hashlib.sha256(body).hexdigest()
        if not isinstance(claimed, str) or not hmac.compare_digest(claimed, digest):
            raise InvalidWebhook("the webhook's body does not match its signed hash")
        return _event(body, digest)

    async def _key(self, kid: str) -> Any:
        cached = self._keys.get(kid)
        if cached is not None:
            return cached
        try:
            jwk = await self._fetch_key(kid)
        except CapabilityNotConfigured:
            raise  # no Plaid here: the operator's to fix, not the sender's signature
        except DomainError:
            raise InvalidWebhook(f"no verification key {kid} could be read") from None
        if jwk.get("expired_at") is not None:
            raise InvalidWebhook(f"verification key {kid} has expired")
        if jwk.get("alg") not in (None, "ES256") or jwk.get("kty") != "EC":
            raise InvalidWebhook(f"verification key {kid} is not an ES256 key")
        try:
            key = ECAlgorithm.from_jwk(json.dumps(jwk))
        except (jwt.PyJWTError, ValueError, KeyError):
            raise InvalidWebhook(f"verification key {kid} cannot be read") from None
        if len(self._keys) >= MAX_CACHED_KEYS:
            self._keys.pop(next(iter(self._keys)))
        self._keys[kid] = key
        return key

    def _check_age(self, iat: Any) -> None:
        if not isinstance(iat, int | float) or isinstance(iat, bool):
            raise InvalidWebhook("the webhook's signature has no issue time")
        age = self._clock.now().timestamp() - float(iat)
        if age > self._max_age:
            raise InvalidWebhook("the webhook's signature is too old")
        if age < -self._leeway:
            raise InvalidWebhook("the webhook's signature is issued in the future")


def _event(body: bytes, digest: str) -> WebhookEvent:
    try:
        payload = json.loads(body)
    except ValueError:
        raise InvalidWebhook("the webhook's body is not JSON") from None
    if not isinstance(payload, dict):
        raise InvalidWebhook("the webhook's body is not a JSON object")
    error = payload.get("error") if isinstance(payload.get("error"), dict) else None
    item_id = payload.get("item_id")
    if not isinstance(item_id, str):
        raise InvalidWebhook("the webhook names no item_id")
    return WebhookEvent(
        webhook_type=str(payload.get("webhook_type", "")),
        webhook_code=str(payload.get("webhook_code", "")),
        provider_item_id=item_id,
        error_code=str(error["error_code"]) if error and error.get("error_code") else None,
        body_sha256=digest,
    )
