"""Accounts and reference data in the composition root: the broker asset list instrument
imports read, and paper books reopened from the store."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from adapters.brokers.alpaca.assets import AlpacaAssetDirectory
from adapters.brokers.paper import PaperBroker
from adapters.memory.marketdata import InMemoryMarketData
from application.keys.vault import KeyVaultService
from application.trading.broker_router import BrokerRouter
from bootstrap.brokers import alpaca_keys, build_paper_broker
from bootstrap.settings import Settings
from domain.errors import CapabilityNotConfigured
from ports.core.clock import Clock, IdGenerator
from ports.core.unit_of_work import UnitOfWorkFactory


def asset_directory(
    settings: Settings, clock: Clock, vault: KeyVaultService
) -> AlpacaAssetDirectory | None:
    """Alpaca's asset list with BULWARK_BROKER=alpaca (an account's keys, else the settings');
    None otherwise: the broker import then answers that no asset list is configured."""
    if settings.brokers.broker != "alpaca":
        return None

    keys = alpaca_keys(settings, vault, "assets.alpaca")
    return AlpacaAssetDirectory(
        keys.credentials_for, clock, fallback=keys.fallback, url_for=keys.url_for
    )


def routed_brokers(router: BrokerRouter) -> frozenset[str]:
    """The broker names accounts may be opened on: those this deployment routes to."""
    return frozenset(router.brokers)


# The brokers a deployment may add beside paper, and where their keys come from.
_BROKER_KEYS = {
    "alpaca": "its keys in BULWARK_ALPACA_KEY_ID and _SECRET_KEY, or each account's linked "
    "from the key vault",
    "ccxt": "the exchange in BULWARK_CCXT_EXCHANGE, its key in BULWARK_CCXT_API_KEY and _SECRET",
    "tradier": "its token in BULWARK_TRADIER_TOKEN, its account in BULWARK_TRADIER_ACCOUNT_ID",
    "ibkr": "the Client Portal Gateway in BULWARK_IBKR_GATEWAY_URL, the account in "
    "BULWARK_IBKR_ACCOUNT_ID",
}


def brokers_off(settings: Settings) -> dict[str, CapabilityNotConfigured]:
    """The brokers this deployment could route to once configured, each with what opening an
    account on it answers until then (409 CAPABILITY_NOT_CONFIGURED)."""
    setting = settings.brokers.var("broker")
    return {
        broker: CapabilityNotConfigured(
            f"the {broker} broker",
            (setting,),
            f"this instance is not configured for the {broker} broker: set {setting}={broker} "
            f"({keys})",
        )
        for broker, keys in _BROKER_KEYS.items()
        if broker != settings.brokers.broker
    }


def paper_broker_reopening(
    market: InMemoryMarketData, clock: Clock, ids: IdGenerator, uow_factory: UnitOfWorkFactory
) -> PaperBroker:
    """The paper broker, reopening on first use the book of a paper account the store holds.

    A paper account opened through the API lives on after a restart in a durable store, but
    the paper broker's books live in memory: the book comes back with the account's cash
    and positions as stored (its open orders are gone; the next reconcile closes them).
    """
    broker = build_paper_broker(market, clock, ids)

    async def reopen(account_id: str) -> Decimal | None:
        async with uow_factory() as uow:
            account = await uow.accounts.get(account_id)
        if account is None or account.broker != "paper":
            return None
        with contextlib.suppress(ValueError):  # opened meanwhile: keep that book
            broker.seed_account(account_id, account.cash)
            for symbol, position in account.positions.items():
                if not position.is_flat:
                    broker.seed_position(
                        account_id, symbol, position.quantity, position.average_price
                    )
        return None  # opened here, with the positions: nothing more for the broker to do

    broker.open_accounts_with(reopen)
    return broker
