"""Interactive Brokers through its Web API (the Client Portal Gateway): BrokerPort over ibind."""

import os

# ibind reads a .env when imported (python-dotenv, found above its own folder): this
# process's settings are its own to load, so ibind reads none unless an operator names one.
os.environ.setdefault("IBIND_ENV_FILE", os.devnull)

from adapters.brokers.ibkr.broker import (
    IbkrBroker,
    IbkrBrokerConfig,
    connect_ibkr_broker,
)
from adapters.brokers.ibkr.gateway import IbkrGateway

__all__ = ["IbkrBroker", "IbkrBrokerConfig", "IbkrGateway", "connect_ibkr_broker"]
