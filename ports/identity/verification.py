"""An identity-verification provider (Persona, ...): starts a user's inquiry, tells its result,
and authenticates the provider's webhooks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from domain.kyc.status import ProviderResult


class VerificationUnavailable(Exception):
    """The provider could not be reached, or answered with an error (nothing is changed)."""


class WebhookRefused(Exception):
    """A webhook without a valid signature, or signed too long ago (a replay): not applied."""


@dataclass(frozen=True, slots=True)
class VerificationStarted:
    """A new inquiry for `user_id`: its provider reference, and the result it starts with."""

    user_id: str
    result: ProviderResult


@dataclass(frozen=True, slots=True)
class VerificationEvent:
    """An authenticated webhook: the provider's event id and the user's result it carries
    (None: an event that says nothing about an inquiry's outcome)."""

    event_id: str
    user_id: str | None
    result: ProviderResult | None


class IdentityVerificationProvider(Protocol):
    """`start` opens an inquiry whose reference names `user_id`; `fetch` reads an inquiry's
    current result (user id, result); both raise VerificationUnavailable on a failed call.
    `authenticate` checks a webhook's signature and age against `now` and parses it; it
    raises WebhookRefused, and never calls the provider."""

    name: str

    async def start(self, user_id: str) -> VerificationStarted: ...

    async def fetch(self, reference: str) -> VerificationStarted: ...

    def authenticate(
        self, body: bytes, headers: Mapping[str, str], now: datetime
    ) -> VerificationEvent: ...
