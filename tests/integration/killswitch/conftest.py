"""The Alpaca venue and its local server, as the broker contract suite serves them."""

from tests.integration.trading.brokers.conftest import server, venue  # noqa: F401  (fixtures)
