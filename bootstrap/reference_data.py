"""Reference data in the composition root: the broker asset list instrument imports read."""

from __future__ import annotations

from adapters.alpaca.http import AlpacaCredentials, trading_url
from adapters.brokers.alpaca.accounts import AlpacaKey
from adapters.brokers.alpaca.assets import AlpacaAssetDirectory
from application.broker_credentials import BrokerCredentialService
from application.broker_router import BrokerRouter
from bootstrap.settings import Settings
from ports.clock import Clock


def asset_directory(
    settings: Settings, clock: Clock, vault: BrokerCredentialService
) -> AlpacaAssetDirectory | None:
    """Alpaca's asset list with BULWARK_BROKER=alpaca (an account's keys, else the settings');
    None otherwise: the broker import then answers that no asset list is configured."""
    if settings.broker != "alpaca":
        return None

    async def credentials_for(account_id: str) -> AlpacaKey | None:
        found = await vault.credentials(account_id)
        if found is None or found.broker != "alpaca":
            return None
        return AlpacaKey(AlpacaCredentials(found.key_id, found.secret_key), found.paper)

    fallback = None
    if settings.alpaca_key_id is not None and settings.alpaca_secret_key is not None:
        keys = AlpacaCredentials(
            settings.alpaca_key_id.reveal(), settings.alpaca_secret_key.reveal()
        )
        fallback = AlpacaKey(keys, settings.alpaca_paper)
    override = settings.alpaca_trading_url
    return AlpacaAssetDirectory(
        credentials_for,
        clock,
        fallback=fallback,
        url_for=(lambda paper: override) if override else trading_url,
    )


def routed_brokers(router: BrokerRouter) -> frozenset[str]:
    """The broker names accounts may be opened on: those this deployment routes to."""
    return frozenset(router.brokers)
