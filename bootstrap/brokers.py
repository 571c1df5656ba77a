"""Brokers in the composition root: the router the settings ask for, closed at shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import structlog

from adapters.alpaca.http import AlpacaCredentials, trading_url
from adapters.brokers.alpaca import connect_alpaca_broker
from adapters.brokers.alpaca.accounts import AlpacaKey, VaultedAlpacaBrokers
from adapters.brokers.paper import PaperBroker, PaperBrokerConfig
from adapters.brokers.paper.drill import FaultSwitch, FaultyBroker
from adapters.memory.marketdata import InMemoryMarketData
from adapters.metrics.broker import metered
from application.keys.vault import KeyVaultService
from application.trading.broker_router import BrokerRouter, BrokerRoutes
from bootstrap.closing import close_quietly
from bootstrap.crash_rehearsal import rehearsing
from bootstrap.settings import Settings, SettingsError
from domain.killswitch.drill import BrokerFaults
from ports.core.clock import Clock, IdGenerator
from ports.core.metrics import Meter
from ports.trading.broker import BrokerPort

_log = structlog.get_logger("bulwark.brokers")


def build_paper_broker(board: InMemoryMarketData, clock: Clock, ids: IdGenerator) -> PaperBroker:
    """The paper broker, filling resting orders as the board's quotes move."""
    broker = PaperBroker(board, clock, ids, PaperBrokerConfig())
    board.subscribe(broker.on_quote)
    return broker


def paper_fault_switch(settings: Settings) -> FaultSwitch | None:
    """The drill faults' switch, set to BULWARK_PAPER_FAULTS; None when unset, and in prod
    (where the settings refuse it already)."""
    if settings.brokers.paper_faults is None or settings.core.env == "prod":
        return None
    return FaultSwitch(BrokerFaults.parse(settings.brokers.paper_faults))


def broker_router(
    settings: Settings,
    paper: PaperBroker,
    clock: Clock,
    vault: KeyVaultService | None = None,
    meter: Meter | None = None,
    faults: FaultSwitch | None = None,
    routes: BrokerRoutes | None = None,
) -> BrokerRouter:
    """The paper broker always; with BULWARK_BROKER=alpaca, ccxt, tradier or ibkr, that broker
    beside it.

    Accounts name their broker, so paper accounts keep working; the Alpaca adapter serves
    the accounts whose broker is "alpaca", all on the one Alpaca account of the key pair,
    and the CCXT adapter those whose broker is "ccxt", on the one venue account of its key;
    the Tradier adapter those whose broker is "tradier", on its one brokerage account;
    the IBKR adapter those whose broker is "ibkr", on the gateway's one IBKR account.
    With the API-key vault, each account uses the key linked to it, else the settings'
    pair (which is then optional). With `meter`, each adapter is wrapped to time its calls.
    With `faults` (kill-switch drills), the paper broker shows the faults switched on.
    `routes` finds the brokers of routes beyond these (venue connections).
    """
    brokers: dict[str, BrokerPort] = {
        "paper": paper if faults is None else FaultyBroker(paper, faults, clock)
    }
    if settings.brokers.broker == "alpaca" and vault is not None:
        brokers["alpaca"] = vaulted_alpaca(settings, clock, vault)
    elif settings.brokers.broker == "alpaca":
        if settings.brokers.alpaca_key_id is None or settings.brokers.alpaca_secret_key is None:
            raise SettingsError("BULWARK_ALPACA_KEY_ID and BULWARK_ALPACA_SECRET_KEY are needed")
        credentials = AlpacaCredentials(
            settings.brokers.alpaca_key_id.reveal(), settings.brokers.alpaca_secret_key.reveal()
        )
        base_url = settings.brokers.alpaca_trading_url or trading_url(settings.brokers.alpaca_paper)
        brokers["alpaca"] = connect_alpaca_broker(credentials, clock, base_url=base_url)
    elif settings.brokers.broker == "ccxt":
        brokers["ccxt"] = ccxt_broker(settings, clock)
    elif settings.brokers.broker == "tradier":
        brokers["tradier"] = tradier_broker(settings, clock)
    elif settings.brokers.broker == "ibkr":
        brokers["ibkr"] = ibkr_broker(settings, clock)
    brokers = rehearsing(settings.core.env, brokers)  # tests only: a crash around a send
    # With a meter: every call timed and its errors counted, per adapter.
    return BrokerRouter(brokers if meter is None else metered(brokers, meter), routes)


def ccxt_broker(settings: Settings, clock: Clock) -> BrokerPort:
    """The CCXT broker on BULWARK_CCXT_EXCHANGE with the settings' key (checked set).

    ccxt is imported here only (it takes seconds); the exchange's markets load at start in
    the background (`brokers_lifetime`), else on the first call that needs them.
    """
    from adapters.brokers.ccxt import CcxtBrokerConfig, connect_ccxt_broker

    found = settings.brokers
    if found.ccxt_exchange is None or found.ccxt_api_key is None or found.ccxt_secret is None:
        raise SettingsError("BULWARK_CCXT_EXCHANGE, _API_KEY and _SECRET are needed")
    return connect_ccxt_broker(
        found.ccxt_exchange,
        clock,
        api_key=found.ccxt_api_key.reveal(),
        secret=found.ccxt_secret.reveal(),
        password=None if found.ccxt_password is None else found.ccxt_password.reveal(),
        config=CcxtBrokerConfig(quote=found.ccxt_quote),
        api_base=found.ccxt_api_url,
        sandbox=found.ccxt_sandbox,
    )


def tradier_broker(settings: Settings, clock: Clock) -> BrokerPort:
    """The Tradier broker on BULWARK_TRADIER_ACCOUNT_ID with the settings' token (checked
    set), on the sandbox, live or BULWARK_TRADIER_API_URL."""
    from adapters.brokers.tradier import api_url, connect_tradier_broker

    found = settings.brokers
    if found.tradier_token is None or found.tradier_account_id is None:
        raise SettingsError("BULWARK_TRADIER_TOKEN and BULWARK_TRADIER_ACCOUNT_ID are needed")
    return connect_tradier_broker(
        found.tradier_token.reveal(),
        found.tradier_account_id,
        clock,
        base_url=found.tradier_api_url or api_url(found.tradier_sandbox),
    )


def ibkr_broker(settings: Settings, clock: Clock) -> BrokerPort:
    """The IBKR broker on the Client Portal Gateway at BULWARK_IBKR_GATEWAY_URL, for the
    account BULWARK_IBKR_ACCOUNT_ID (checked set); the certificate checked as the settings say."""
    from adapters.brokers.ibkr import connect_ibkr_broker

    found = settings.brokers
    if found.ibkr_account_id is None:
        raise SettingsError("BULWARK_IBKR_ACCOUNT_ID is needed")
    verify: bool | str = found.ibkr_ca_file or found.ibkr_verify_ssl
    return connect_ibkr_broker(found.ibkr_gateway_url, found.ibkr_account_id, clock, verify=verify)


@dataclass(frozen=True)
class AlpacaKeys:
    """Where an Alpaca client finds an account's key pair: the vault, else the settings' pair
    (`fallback`), and the trading URL (BULWARK_ALPACA_TRADING_URL, else paper or live)."""

    credentials_for: Callable[[str], Awaitable[AlpacaKey | None]]
    fallback: AlpacaKey | None
    url_for: Callable[[bool], str]


def alpaca_keys(settings: Settings, vault: KeyVaultService, component: str) -> AlpacaKeys:
    """The key lookup every Alpaca client of the composition root shares: the vault's `use`
    (audited as `component`), with the previous pair while a rotation's grace lasts."""

    async def credentials_for(account_id: str) -> AlpacaKey | None:
        found = await vault.use_linked(account_id, "alpaca", component)
        if found is None:
            return None
        current = AlpacaCredentials(found.current.key_id, found.current.secret)
        previous = None
        if found.fallback is not None:
            previous = AlpacaCredentials(found.fallback.key_id, found.fallback.secret)
        return AlpacaKey(current, found.paper, previous)

    fallback = None
    if (
        settings.brokers.alpaca_key_id is not None
        and settings.brokers.alpaca_secret_key is not None
    ):
        keys = AlpacaCredentials(
            settings.brokers.alpaca_key_id.reveal(), settings.brokers.alpaca_secret_key.reveal()
        )
        fallback = AlpacaKey(keys, settings.brokers.alpaca_paper)
    override = settings.brokers.alpaca_trading_url
    url_for: Callable[[bool], str] = (lambda paper: override) if override else trading_url
    return AlpacaKeys(credentials_for, fallback, url_for)


def vaulted_alpaca(
    settings: Settings, clock: Clock, vault: KeyVaultService
) -> VaultedAlpacaBrokers:
    """Alpaca with each account's key pair from the vault, told of every change at once."""
    keys = alpaca_keys(settings, vault, "broker.alpaca")
    brokers = VaultedAlpacaBrokers(
        keys.credentials_for, clock, fallback=keys.fallback, url_for=keys.url_for
    )
    vault.subscribe(brokers.invalidate)
    return brokers


async def brokers_lifetime(router: BrokerRouter) -> AsyncIterator[BrokerRouter]:
    """Warms the broker adapters that have something to load (a crypto venue's markets) in
    the background at start, and closes them at shutdown (HTTP pools, trade streams)."""
    warming = [
        asyncio.create_task(_warm(broker.name, warm))
        for broker in router.brokers.values()
        if (warm := getattr(broker, "warm", None)) is not None
    ]
    try:
        yield router
    finally:
        for task in warming:
            task.cancel()
        await close_quietly(router.brokers.values())


async def _warm(name: str, warm: Callable[[], Awaitable[None]]) -> None:
    try:
        await warm()
    except Exception as exc:  # the first call that needs it loads it again
        _log.warning("broker_warm_failed", broker=name, error=str(exc))
