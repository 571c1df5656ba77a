"""Crypto venues through CCXT: BrokerPort over one exchange of ccxt's async unified API."""

from adapters.brokers.ccxt.broker import CcxtBroker, CcxtBrokerConfig, connect_ccxt_broker
from adapters.brokers.ccxt.wire import VenueInstrument
from adapters.ccxt_venues.symbols import SymbolMap

__all__ = ["CcxtBroker", "CcxtBrokerConfig", "SymbolMap", "VenueInstrument", "connect_ccxt_broker"]
