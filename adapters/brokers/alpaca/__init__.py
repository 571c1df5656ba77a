"""Alpaca broker: BrokerPort over Alpaca's trading API v2 and its trade-updates stream."""

from adapters.brokers.alpaca.broker import (
    AlpacaBroker,
    AlpacaBrokerConfig,
    DeadlineBoundBroker,
    connect_alpaca_broker,
)

__all__ = ["AlpacaBroker", "AlpacaBrokerConfig", "DeadlineBoundBroker", "connect_alpaca_broker"]
