"""Aggregation wiring: the Plaid adapter from settings (or one that answers 409
CAPABILITY_NOT_CONFIGURED when no credentials are set), and the webhook verifier over its key
endpoint."""

from __future__ import annotations

from typing import Any

from adapters.aggregation.plaid import HOSTS, PlaidAggregator
from adapters.aggregation.unconfigured import UnconfiguredAggregator
from adapters.aggregation.webhook import PlaidWebhookVerifier
from bootstrap.settings import Settings
from ports.core.clock import Clock


def aggregator(settings: Settings) -> PlaidAggregator | UnconfiguredAggregator:
    """The aggregator of this process (one HTTP connection pool, kept for its lifetime)."""
    plaid = settings.plaid
    if plaid.client_id is None or plaid.secret is None:
        return UnconfiguredAggregator((plaid.var("client_id"), plaid.var("secret")))
    return PlaidAggregator(
        plaid.client_id.reveal(),
        plaid.secret.reveal(),
        base_url=plaid.base_url or HOSTS[plaid.environment],
        client_name=plaid.client_name,
        products=tuple(p.strip() for p in plaid.products.split(",") if p.strip()),
        country_codes=tuple(c.strip() for c in plaid.country_codes.split(",") if c.strip()),
        webhook_url=plaid.webhook_url,
        timeout=plaid.timeout_seconds,
    )


def webhook_verifier(settings: Settings, aggregator: Any, clock: Clock) -> PlaidWebhookVerifier:
    return PlaidWebhookVerifier(
        aggregator.verification_key, clock, max_age_seconds=settings.plaid.webhook_max_age_seconds
    )
