"""Each venue family's adapter, opened from a connection: one entry per family in OPENERS.

A connection is data (domain/connections); this table is the one place that knows which
adapter serves a family and how the connection's fields reach it. A new venue kind is an
entry here and in domain/connections/kinds.py FAMILIES; no factory branches on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from bootstrap.ccxt_ids import has_testnet, unknown_exchange
from domain.connections.connection import VenueConnection
from domain.connections.kinds import InvalidConnection, VenueEnvironment
from ports.connections.venues import VenueAdapter
from ports.core.clock import Clock
from ports.core.metrics import Meter
from ports.keys.key_vault import Credentials

Opener = Callable[[VenueConnection, Credentials | None, Clock], VenueAdapter]


def _needs(credentials: Credentials | None, connection: VenueConnection) -> Credentials:
    if credentials is None:
        raise InvalidConnection(f"connection {connection.id} has no credentials")
    return credentials


def open_alpaca(c: VenueConnection, credentials: Credentials | None, clock: Clock) -> VenueAdapter:
    from adapters.alpaca.http import AlpacaCredentials, trading_url
    from adapters.brokers.alpaca import connect_alpaca_broker

    pair = _needs(credentials, c)
    url = c.endpoint or trading_url(c.environment is VenueEnvironment.PAPER)
    return connect_alpaca_broker(AlpacaCredentials(pair.key_id, pair.secret), clock, base_url=url)


def open_ccxt(c: VenueConnection, credentials: Credentials | None, clock: Clock) -> VenueAdapter:
    from adapters.brokers.ccxt import CcxtBrokerConfig, connect_ccxt_broker

    pair = _needs(credentials, c)
    assert c.kind.exchange is not None  # parsed so
    return connect_ccxt_broker(
        c.kind.exchange,
        clock,
        api_key=pair.key_id,
        secret=pair.secret,
        config=CcxtBrokerConfig(quote=c.quote or "USDT"),
        api_base=c.endpoint,
        sandbox=c.environment is VenueEnvironment.TESTNET and c.endpoint is None,
    )


def open_tradier(c: VenueConnection, credentials: Credentials | None, clock: Clock) -> VenueAdapter:
    from adapters.brokers.tradier import api_url, connect_tradier_broker

    token = _needs(credentials, c)
    assert c.venue_account is not None  # checked when created
    url = c.endpoint or api_url(c.environment is VenueEnvironment.SANDBOX)
    return connect_tradier_broker(token.secret, c.venue_account, clock, base_url=url)


def open_ibkr(c: VenueConnection, credentials: Credentials | None, clock: Clock) -> VenueAdapter:
    """Its own gateway and its own session keep-alive (the adapter tickles its gateway)."""
    from adapters.brokers.ibkr import connect_ibkr_broker

    assert c.endpoint is not None and c.venue_account is not None  # checked when created
    return connect_ibkr_broker(c.endpoint, c.venue_account, clock, verify=c.verify_tls)


OPENERS: dict[str, Opener] = {
    "alpaca": open_alpaca,
    "ccxt": open_ccxt,
    "tradier": open_tradier,
    "ibkr": open_ibkr,
}


@dataclass(eq=False)
class VenueAdapterKinds:
    """The VenueAdapters port over OPENERS (ports/connections/venues.py); with a meter, every
    call of a connection's adapter timed and its errors counted under the venue kind."""

    clock: Clock
    meter: Meter | None = None

    def check(self, connection: VenueConnection) -> None:
        """A ccxt connection names an exchange ccxt knows, with a testnet when it asks one."""
        exchange = connection.kind.exchange
        if exchange is None:
            return
        hint = unknown_exchange(exchange)
        if hint is not None:
            raise InvalidConnection(
                f"field `kind`: {exchange} is not a ccxt exchange id ({hint})", field="kind"
            )
        testnet = connection.environment is VenueEnvironment.TESTNET
        if testnet and connection.endpoint is None and not has_testnet(exchange):
            raise InvalidConnection(
                f"field `environment`: {exchange} has no testnet in ccxt (trade live, or give "
                "the `endpoint` of a test server)",
                field="environment",
            )

    def open(self, connection: VenueConnection, credentials: Credentials | None) -> VenueAdapter:
        adapter = OPENERS[connection.kind.family](connection, credentials, self.clock)
        if self.meter is None:
            return adapter
        from adapters.metrics.broker import MeteredBroker

        # MeteredBroker passes what the port does not name (aclose, within) through as is.
        return cast(VenueAdapter, MeteredBroker(adapter, self.meter, str(connection.kind)))
