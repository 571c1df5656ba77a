"""Account aggregation: the Plaid environment and credentials, Link's options."""

from __future__ import annotations

from typing import ClassVar, Literal

from bootstrap.settings.base import Seconds, Secret, Section, SettingsError


class AggregationSettings(Section, frozen=True, kw_only=True):
    """BULWARK_PLAID_*: docs/aggregation.md."""

    env_prefix: ClassVar[str] = "plaid_"

    # Plaid's environment (its host), or `base_url` in its place (a local replay in tests).
    # Without a client id and a secret the aggregation routes that call Plaid answer 409
    # CAPABILITY_NOT_CONFIGURED.
    environment: Literal["sandbox", "production"] = "sandbox"
    base_url: str | None = None
    client_id: Secret | None = None
    secret: Secret | None = None
    # Link: the name shown to the user, the products asked for, the countries, and the URL
    # Plaid posts webhooks to (this API's POST /api/v1/aggregation/webhook).
    client_name: str = "Bulwark"
    products: str = "investments,transactions"
    country_codes: str = "US"
    webhook_url: str | None = None
    timeout_seconds: Seconds = 15.0
    # How old a webhook's signature may be (Plaid advises 5 minutes).
    webhook_max_age_seconds: Seconds = 300.0

    def __post_init__(self) -> None:
        if (self.client_id is None) != (self.secret is None):
            raise SettingsError(
                f"{self.var('client_id')} and {self.var('secret')} are set together or not at all"
            )
        if not self.products.strip():
            raise SettingsError(f"{self.var('products')} names at least one product")
