"""Tradier broker: BrokerPort over Tradier's brokerage API (US equities and options)."""

from adapters.brokers.tradier.broker import TradierBroker, connect_tradier_broker
from adapters.brokers.tradier.http import LIVE_URL, SANDBOX_URL, TradierHttp, TradierToken, api_url

__all__ = [
    "LIVE_URL",
    "SANDBOX_URL",
    "TradierBroker",
    "TradierHttp",
    "TradierToken",
    "api_url",
    "connect_tradier_broker",
]
