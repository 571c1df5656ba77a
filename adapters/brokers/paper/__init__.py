"""Paper broker: a simulated brokerage that fills against in-process market data."""

from adapters.brokers.paper.broker import PaperBroker
from adapters.brokers.paper.config import PaperBrokerConfig

__all__ = ["PaperBroker", "PaperBrokerConfig"]
